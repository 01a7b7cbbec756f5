"""Figure "import": the synthetic catalog through the app's import path vs raw sqlite3 executemany.

Both sides consume the same generator (so generation cost is in both) and write the same rows into the
same schema (created by the app's Alembic migration, FTS5 tables and triggers included), in one
transaction, with the app's connection pragmas (WAL, synchronous=NORMAL, foreign_keys=ON).
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from bench.generator import DATA_DIR, Catalog

CHUNK = 1_000  # sessions per timed chunk
BATCH_ROWS = 20_000  # the app's batch size (vod_app.catalog.bulk_rows.BATCH_ROWS)


def _timed(sessions: Iterable[dict[str, Any]], chunk_times: list[float]) -> Iterator[dict[str, Any]]:
    """Yield sessions, appending the wall time of every CHUNK sessions (work done between yields)."""
    t = time.perf_counter()
    for n, sess in enumerate(sessions, start=1):
        yield sess
        if n % CHUNK == 0:
            now = time.perf_counter()
            chunk_times.append(now - t)
            t = now


def create_schema(db_file: Path) -> None:
    """An empty catalog at the app's head schema (not timed)."""
    from vod_app.catalog.database import open_catalog

    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_file}{suffix}").unlink(missing_ok=True)
    open_catalog(f"sqlite:///{db_file}").dispose()


def app_import(gen: Catalog, db_file: Path, *, validate: bool = True) -> tuple[float, list[float], Any]:
    """vod_app.catalog.importer.import_stream into a fresh catalog: (seconds, chunk seconds, report)."""
    from vod_app.catalog.database import open_catalog
    from vod_app.catalog.importer import import_stream

    create_schema(db_file)
    catalog = open_catalog(f"sqlite:///{db_file}")
    chunks: list[float] = []
    try:
        t0 = time.perf_counter()
        report = import_stream(
            catalog, gen.events(), _timed(gen.iter_sessions(), chunks), DATA_DIR,
            source="bench", validate=validate, caption_loader=gen.caption_cues,
        )
        total = time.perf_counter() - t0
    finally:
        catalog.dispose()
    return total, chunks, report


# --- the floor ------------------------------------------------------------------------------------

_TABLES = {
    # table: columns, in the app's parent-first order
    "sessions": ("id", "uid", "event_id", "date", "place", "is_sample", "content_hash", "languages"),
    "session_languages": ("session_id", "lang"),
    "panels": ("id", "uid", "session_id", "position", "number", "speakers"),
    "texts": ("id", "owner_kind", "owner_id", "lang", "title", "description"),
    "recordings": ("id", "uid", "session_id", "position", "source", "title", "duration_ms", "size", "mtime_ns", "missing"),
    "recording_panels": ("id", "recording_id", "panel_id", "start_ms", "end_ms"),
    "chapters": ("id", "recording_id", "start_ms", "end_ms", "title", "titles", "panel_id", "source"),
    "audio_tracks": ("id", "recording_id", "position", "language", "label"),
    "caption_tracks": ("id", "recording_id", "language", "label", "source"),
    "cues": ("id", "track_id", "recording_id", "language", "start_ms", "end_ms", "text"),
}
_SQL = {t: f"INSERT INTO {t} ({', '.join(c)}) VALUES ({', '.join('?' * len(c))})" for t, c in _TABLES.items()}


def connect_raw(db_file: Path) -> sqlite3.Connection:
    """A raw connection with the app's pragmas (vod_app.catalog.database._on_connect)."""
    conn = sqlite3.connect(db_file, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


_FTS_BULK = {
    # table: [(AFTER INSERT trigger of migration 0001/0006, the same indexing as one statement per batch)]
    "texts": [
        ("texts_fts_ai", "INSERT INTO texts_fts(rowid, title, description) SELECT id, title, description FROM texts WHERE id BETWEEN ? AND ?"),
        ("texts_titles_ai", "INSERT INTO titles_fts(rowid, title) SELECT id, title FROM texts WHERE id BETWEEN ? AND ?"),
    ],
    "cues": [("cues_fts_ai", "INSERT INTO cues_fts(rowid, text) SELECT id, text FROM cues WHERE id BETWEEN ? AND ?")],
}


class _RawWriter:
    def __init__(self, conn: sqlite3.Connection, bulk_fts: bool) -> None:
        self.conn = conn
        self.bulk_fts = bulk_fts
        self.buffers: dict[str, list[tuple[Any, ...]]] = {t: [] for t in _TABLES}
        self.buffered = 0
        self.next_id = dict.fromkeys(("sessions", "panels", "texts", "recordings", "recording_panels", "chapters",
                                      "audio_tracks", "caption_tracks", "cues"), 1)

    def new_id(self, table: str) -> int:
        i = self.next_id[table]
        self.next_id[table] = i + 1
        return i

    def add(self, table: str, row: tuple[Any, ...]) -> None:
        self.buffers[table].append(row)
        self.buffered += 1
        if self.buffered >= BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        for table, rows in self.buffers.items():
            if rows:
                self.conn.executemany(_SQL[table], rows)
                for _trigger, sql in _FTS_BULK.get(table, []) if self.bulk_fts else []:
                    self.conn.execute(sql, (rows[0][0], rows[-1][0]))
                rows.clear()
        self.buffered = 0

    def texts(self, kind: str, owner: int, titles: dict[str, str], descriptions: dict[str, str]) -> None:
        for lang in sorted(set(titles) | set(descriptions)):
            self.add("texts", (self.new_id("texts"), kind, owner, lang, titles.get(lang, ""), descriptions.get(lang, "")))


def write_events(conn: Any, w: _RawWriter, gen: Catalog) -> dict[str, int]:
    """The events and their texts (``conn``: sqlite3, or bench.postgres._PgRaw): event uid -> id."""
    events: dict[str, int] = {}
    for e, ev in enumerate(gen.events(), start=1):
        conn.execute("INSERT INTO events (id, uid, organiser, year) VALUES (?, ?, ?, ?)", (e, ev["id"], ev["organiser"], ev["year"]))
        events[ev["id"]] = e
        w.texts("event", e, ev["title"], ev["description"])
    return events


def write_session(w: _RawWriter, sess: dict[str, Any], events: dict[str, int], media: str, st: os.stat_result, gen: Catalog) -> None:
    """One generated session's rows, as the app's importer writes them (also the PostgreSQL floor's)."""
    sid = w.new_id("sessions")
    langs = set(sess["title"])
    for p in sess["panels"]:
        langs |= set(p["title"]) | set(p["description"])
    for rec in sess["recordings"]:
        langs |= {t["language"] for t in rec["audio_tracks"] + rec["captions"]}
    langs_sorted = sorted(langs)
    w.add("sessions", (sid, sess["id"], events[sess["event"]], sess["date"], sess["place"], 0, _PLACEHOLDER_HASH,
                       " ".join(langs_sorted)))
    for lang in langs_sorted:
        w.add("session_languages", (sid, lang))
    w.texts("session", sid, sess["title"], sess.get("description", {}))
    panel_ids = {}
    for pos, p in enumerate(sess["panels"]):
        pid = w.new_id("panels")
        panel_ids[p["id"]] = pid
        w.add("panels", (pid, p["id"], sid, pos, p["number"], json.dumps(p["speakers"])))
        w.texts("panel", pid, p["title"], p["description"])
    for pos, rec in enumerate(sess["recordings"]):
        rid = w.new_id("recordings")
        w.add("recordings", (rid, rec["id"], sid, pos, media, None, rec["duration_ms"], st.st_size, st.st_mtime_ns, 0))
        for rp in rec["panels"]:
            w.add("recording_panels", (w.new_id("recording_panels"), rid, panel_ids[rp["panel"]], rp["start_ms"], rp["end_ms"]))
        for ch in rec["chapters"]:
            w.add("chapters", (w.new_id("chapters"), rid, ch["start_ms"], ch["end_ms"], ch["title"]["en"],
                               json.dumps(ch["title"]), panel_ids.get(ch.get("panel")), "catalog"))
        for i, tr in enumerate(rec["audio_tracks"]):
            w.add("audio_tracks", (w.new_id("audio_tracks"), rid, i, tr["language"], tr["label"]))
        for cap in rec["captions"]:
            tid = w.new_id("caption_tracks")
            w.add("caption_tracks", (tid, rid, cap["language"], None, str(DATA_DIR / cap["file"])))
            for start, end, text in gen.caption_cues(cap["file"]):
                w.add("cues", (w.new_id("cues"), tid, rid, cap["language"], start, end, text))


_PLACEHOLDER_HASH = "0" * 64


def floor_import(gen: Catalog, db_file: Path, *, bulk_fts: bool = True) -> tuple[float, list[float]]:
    """The same rows with raw sqlite3 executemany in one transaction: (seconds, chunk seconds).

    ``bulk_fts``: the FTS insert triggers are dropped inside the transaction and each batch is indexed
    with one INSERT ... SELECT, then the triggers are re-created before COMMIT (what the app's importer
    does); False keeps the per-row triggers (3-4x slower: FTS5 flushes at every statement savepoint).
    """
    create_schema(db_file)
    conn = connect_raw(db_file)
    media = str((DATA_DIR / "media" / "idm2017-panel-2-3.mkv").absolute())
    st = os.stat(media)
    chunks: list[float] = []
    t0 = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    triggers = []
    if bulk_fts:
        for name, _sql in (pair for pairs in _FTS_BULK.values() for pair in pairs):
            triggers.append(conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0])
            conn.execute(f"DROP TRIGGER {name}")
    w = _RawWriter(conn, bulk_fts)
    events = write_events(conn, w, gen)
    for sess in _timed(gen.iter_sessions(), chunks):
        write_session(w, sess, events, media, st, gen)
    w.flush()
    for sql in triggers:
        conn.execute(sql)
    conn.execute("COMMIT")
    total = time.perf_counter() - t0
    conn.close()
    return total, chunks

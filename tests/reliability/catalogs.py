"""Generated catalogs and a digest of a catalog's state, for the crash and concurrency tests."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Any

WORDS = ["migration", "governance", "dialogue", "compact", "mobility", "labour", "return", "integration", "diaspora", "remittances", "protection", "climate", "displacement", "partnership", "cooperation", "coherence", "policy", "health", "rights", "data"]


def generated_catalog(n_sessions: int, edition: str = "a", *, events: int = 20) -> dict[str, Any]:
    """A valid catalog of ``n_sessions`` sessions; another ``edition`` changes every session's texts.

    The same session ids in every edition, so importing edition "b" over "a" updates every session.
    """
    evs = [
        {"id": f"ev-{e}", "organiser": "Org", "year": 2000 + e % 25, "title": {"en": f"Event {e} ({edition})", "fr": f"Événement {e}"}}
        for e in range(events)
    ]
    sessions = []
    for i in range(n_sessions):
        words = " ".join(WORDS[(i * 7 + k) % len(WORDS)] for k in range(60))
        sessions.append(
            {
                "id": f"gen-{i:06d}",
                "event": f"ev-{i % events}",
                "date": f"{2000 + i % 25}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "title": {"en": f"Session {i} on {WORDS[i % len(WORDS)]} ({edition})", "fr": f"Séance {i} ({edition})"},
                "description": {"en": f"{words} ({edition})", "es": f"Descripción {i} de la migración ({edition})"},
                "panels": [
                    {"id": f"gen-{i:06d}-p{j}", "number": j + 1, "title": f"Panel {j + 1} ({edition})", "description": words[: 80 * (j + 1)], "speakers": ["A. Speaker", "B. Speaker"]}
                    for j in range(2)
                ],
                "recordings": [
                    {
                        "id": f"gen-{i:06d}-rec",
                        "media": f"media/gen-{i:06d}.mkv",
                        "duration_ms": 3_600_000,
                        "panels": [
                            {"panel": f"gen-{i:06d}-p0", "start_ms": 0, "end_ms": 1_800_000},
                            {"panel": f"gen-{i:06d}-p1", "start_ms": 1_800_000},
                        ],
                        "chapters": [
                            {"start_ms": 0, "title": {"en": "Opening", "fr": "Ouverture"}},
                            {"start_ms": 600_000, "title": f"Part 1 ({edition})", "panel": f"gen-{i:06d}-p0"},
                            {"start_ms": 1_800_000, "title": "Part 2", "panel": f"gen-{i:06d}-p1"},
                        ],
                        "audio_tracks": [{"language": "en", "label": "Floor"}, {"language": "fr", "label": "Interpretation"}],
                    }
                ],
            }
        )
    return {"format": "vod-app-catalog", "version": 1, "language": "en", "events": evs, "sessions": sessions}


def write_catalog(path: Path, doc: dict[str, Any]) -> Path:
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    return path


CATALOG_TABLES = (
    "events", "sessions", "session_languages", "panels", "recordings", "recording_panels",
    "chapters", "audio_tracks", "caption_tracks", "cues", "texts",
)
USER_TABLES = ("people", "watch_state", "bookmarks", "preferences", "relocations", "session_overrides", "excluded_files")
_PERSON_KEYED = ("watch_state", "bookmarks", "preferences")


def catalog_state(db: Path) -> str:
    """A digest of the catalog's content that ignores surrogate ids: (uid, content hash) of every
    session and the row count of every catalog table (and the FTS index's)."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        h = hashlib.sha256()
        for uid, digest in conn.execute("SELECT uid, content_hash FROM sessions ORDER BY uid"):
            h.update(f"{uid}={digest};".encode())
        for table in (*CATALOG_TABLES, "texts_fts", "cues_fts"):
            h.update(f"{table}:{conn.execute(f'SELECT count(*) FROM {table}').fetchone()[0]};".encode())
    conn.close()
    return h.hexdigest()


def user_state(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every user-state row, per person *name* (person ids are renumbered by a rebuild)."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        out: dict[str, list[tuple[Any, ...]]] = {"people": sorted(conn.execute("SELECT name FROM people").fetchall())}
        for t in USER_TABLES[1:]:
            if t in _PERSON_KEYED:
                cols = [r[1] for r in conn.execute(f"PRAGMA table_info({t})") if r[1] != "person_id"]
                sql = f"SELECT p.name, {', '.join('t.' + c for c in cols)} FROM {t} AS t JOIN people AS p ON p.id = t.person_id"
            else:
                sql = f"SELECT * FROM {t}"
            out[t] = sorted(conn.execute(sql).fetchall(), key=repr)
    conn.close()
    return out


def integrity(db: Path) -> list[str]:
    """SQLite's integrity check: ["ok"] for a sound file."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:  # damage can stop the check itself
        return [str(exc)]
    finally:
        conn.close()


# --- databases for the damage and recovery tests -------------------------------------------------

REC_UID = "iom-idm-2017-04-18-panels-2-3-rec"


OTHER_PERSON = "ben"


def add_user_state(catalog: Any, position_ms: int = 42_000) -> None:
    """Positions, a bookmark, a preference, a relocation, a folder session's edit and a removed file,
    for the current person and for another one (``OTHER_PERSON``): what recovery must bring back,
    each person's apart."""
    from sqlalchemy import text

    from vod_app.catalog.user_state import UserStateRepository

    users = UserStateRepository(catalog)
    users.save_position(REC_UID, position_ms, 90_000)
    users.save_position("gen-000001-rec", 1_000, 3_600_000)
    users.add_bookmark(REC_UID, 50_000, "Panel 3 starts")
    users.set_preference("audio_language", "fr")
    users.relocate("gen-000002-rec", "/media/elsewhere/gen-000002.mkv")
    other = UserStateRepository(catalog, OTHER_PERSON)
    other.save_position(REC_UID, 7_000, 90_000)
    other.add_bookmark(REC_UID, 8_000, "Ben's mark")
    other.set_preference("audio_language", "es")
    with catalog.write() as s:
        s.execute(text("INSERT INTO session_overrides VALUES ('folder-a1', '{\"title\": \"Plenary, edited\"}', '2026-11-01 10:00:00')"))
        s.execute(text("INSERT INTO excluded_files VALUES ('/media/talks/old.mkv', 'folder-b2', '2026-11-02 10:00:00')"))


def make_catalog_db(db: Path, n_sessions: int = 200, *, backups_dir: Path | None = None, user_state: bool = True) -> Path:
    """A catalog file with the built-in catalog, ``n_sessions`` generated sessions and user state."""
    from vod_app.catalog.builtin import ensure_builtin_catalog
    from vod_app.catalog.database import open_catalog
    from vod_app.catalog.importer import import_catalog_file

    catalog = open_catalog(f"sqlite:///{db}", backups_dir=backups_dir or db.parent / "backups")
    try:
        ensure_builtin_catalog(catalog)
        if n_sessions:
            src = write_catalog(db.parent / f"generated-{n_sessions}.json", generated_catalog(n_sessions))
            import_catalog_file(catalog, src)
        if user_state:
            add_user_state(catalog)
    finally:
        catalog.dispose()  # the last connection checkpoints the WAL into the file
    return db


def page_of(db: Path, table: str, *, which: int = 1) -> int:
    """The number of a leaf page of ``table`` (or index) in ``db`` (SQLite's dbstat table)."""
    with sqlite3.connect(db) as conn:
        pages = [r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno", (table,))]
    conn.close()
    assert pages, f"{table} has no leaf page"
    return pages[min(which, len(pages) - 1)]


def flip_page(db: Path, page: int) -> None:
    """Invert every bit of one page: what a bad sector or a torn copy does to a file."""
    with sqlite3.connect(db) as conn:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with db.open("r+b") as fh:
        fh.seek((page - 1) * size)
        data = fh.read(size)
        fh.seek((page - 1) * size)
        fh.write(bytes(b ^ 0xFF for b in data))

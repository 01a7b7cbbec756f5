"""``python -m bench.postgres``: import and search on a PostgreSQL catalog, next to raw psycopg floors.

    .venv/bin/python -m bench.postgres --sessions 100000          # a throwaway cluster (tests/pg_cluster.py)
    .venv/bin/python -m bench.postgres --url postgresql+psycopg://…/db  # an existing, empty database

- **import**: ``import_stream`` of the synthetic catalog (bench/generator.py) into a fresh PostgreSQL
  catalog vs the same rows through raw psycopg ``executemany`` in one transaction (the SQLite floor's
  row writer, bench/importing.py, with PostgreSQL's placeholders); both fill the same stored tsvector
  columns. Target ≤ 1.5x.
- **search**: the 20 queries typed a character at a time through ``PostgresSearch.search(limit=100)``;
  the SQL each keystroke sent (captured) is replayed at once through a raw psycopg connection. Target
  ≤ 1.5x, p95 < 30 ms.

Results are prepended to bench/RESULTS.md (section "PostgreSQL") unless ``--no-record``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.run import BENCH, ROOT, Figure, log, percentile, table

BOOLEAN_COLUMNS = {"is_sample", "missing"}


class _PgRaw:
    """The sqlite3-style calls of bench.importing._RawWriter on a psycopg connection."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.cur = conn.cursor()

    @staticmethod
    def _sql(sql: str) -> str:
        from bench.importing import _TABLES

        for name, cols in _TABLES.items():
            if sql.startswith(f"INSERT INTO {name} ("):
                marks = ", ".join("CAST(%s AS integer)::boolean" if c in BOOLEAN_COLUMNS else "%s" for c in cols)
                return f"INSERT INTO {name} ({', '.join(cols)}) VALUES ({marks})"
        return sql.replace("?", "%s")

    def executemany(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        self.cur.executemany(self._sql(sql), rows)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.cur.execute(self._sql(sql), params)


def floor_import(gen: Any, url: str) -> float:
    """The same rows as the app's import, raw psycopg executemany, one transaction: seconds."""
    import psycopg

    from bench import importing

    conninfo = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo) as conn:
        raw = _PgRaw(conn)
        media = str((importing.DATA_DIR / "media" / "idm2017-panel-2-3.mkv").absolute())
        st = os.stat(media)
        t0 = time.perf_counter()
        w = importing._RawWriter(raw, bulk_fts=False)  # type: ignore[arg-type]
        events: dict[str, int] = {}
        for e, ev in enumerate(gen.events(), start=1):
            raw.execute("INSERT INTO events (id, uid, organiser, year) VALUES (?, ?, ?, ?)", (e, ev["id"], ev["organiser"], ev["year"]))
            events[ev["id"]] = e
            w.texts("event", e, ev["title"], ev["description"])
        for sess in gen.iter_sessions():
            importing_rows(w, sess, events, media, st, gen)
        w.flush()
        conn.commit()
        return time.perf_counter() - t0


def importing_rows(w: Any, sess: dict[str, Any], events: dict[str, int], media: str, st: os.stat_result, gen: Any) -> None:
    """One session's rows, exactly as bench.importing.floor_import writes them."""
    import json

    from bench.importing import DATA_DIR

    sid = w.new_id("sessions")
    langs = set(sess["title"])
    for p in sess["panels"]:
        langs |= set(p["title"]) | set(p["description"])
    for rec in sess["recordings"]:
        langs |= {t["language"] for t in rec["audio_tracks"] + rec["captions"]}
    langs_sorted = sorted(langs)
    w.add("sessions", (sid, sess["id"], events[sess["event"]], sess["date"], sess["place"], 0, "0" * 64, " ".join(langs_sorted)))
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


def app_import(gen: Any, url: str) -> tuple[float, Any]:
    from bench.importing import DATA_DIR
    from vod_app.catalog.database import open_catalog
    from vod_app.catalog.importer import import_stream

    catalog = open_catalog(url)
    try:
        t0 = time.perf_counter()
        report = import_stream(catalog, gen.events(), gen.iter_sessions(), DATA_DIR, source="bench", validate=False,
                               caption_loader=gen.caption_cues)
        return time.perf_counter() - t0, report
    finally:
        catalog.dispose()


def search(url: str) -> dict[str, Any]:
    """Keystrokes through PostgresSearch, each followed by the same SQL through raw psycopg."""
    import psycopg
    from sqlalchemy import event

    from bench.generator import QUERIES
    from bench.searching import LIMIT, keystrokes
    from vod_app.catalog.database import open_catalog
    from vod_app.catalog.search_pg import PostgresSearch

    catalog = open_catalog(url)
    backend = PostgresSearch(catalog)
    captured: list[tuple[str, Any]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):  # noqa: ANN001, ARG001
        if "SELECT" in statement.upper()[:200]:
            captured.append((statement, parameters))

    raw = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)
    for text in keystrokes(QUERIES[:1]):  # warm-up
        backend.search(text, limit=LIMIT)
    event.listen(catalog.engine, "before_cursor_execute", capture)
    app_ms, floor_ms, per_key = [], [], []
    for text in keystrokes():
        captured.clear()
        t0 = time.perf_counter()
        backend.search(text, limit=LIMIT)
        t1 = time.perf_counter()
        for sql, params in captured:
            raw.execute(sql, params).fetchall()
        t2 = time.perf_counter()
        app_ms.append((t1 - t0) * 1000)
        floor_ms.append((t2 - t1) * 1000)
        per_key.append((text, (t1 - t0) * 1000, (t2 - t1) * 1000))
    event.remove(catalog.engine, "before_cursor_execute", capture)
    raw.close()
    catalog.dispose()
    return {"app_ms": app_ms, "floor_ms": floor_ms, "slowest": sorted(per_key, key=lambda k: -k[1])[:5]}


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.postgres", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sessions", type=int, default=100_000)
    p.add_argument("--url", help="an existing PostgreSQL server (two databases are created on it: <db>_app, <db>_floor)")
    p.add_argument("--only", action="append", choices=("import", "search"))
    p.add_argument("--results", type=Path, default=BENCH / "RESULTS.md")
    p.add_argument("--no-record", action="store_true")
    p.add_argument("--note", default="")
    args = p.parse_args(argv)

    from bench.generator import Catalog

    sys.path.insert(0, str(ROOT / "tests"))
    from pg_cluster import start_cluster

    cluster = None
    if args.url:
        base = args.url.rsplit("/", 1)[0]
        admin = args.url
    else:
        cluster = start_cluster()
        base = cluster.url("").rstrip("/")
        admin = cluster.url("postgres")
    started = time.time()
    figures: list[Figure] = []
    try:
        import psycopg

        with psycopg.connect(admin.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as conn:
            for db in ("bench_app", "bench_floor"):
                conn.execute(f"DROP DATABASE IF EXISTS {db}")
                conn.execute(f"CREATE DATABASE {db}")
        app_url, floor_url = f"{base}/bench_app", f"{base}/bench_floor"
        from vod_app.catalog.database import open_catalog

        open_catalog(app_url).dispose()  # schemas (not timed)
        open_catalog(floor_url).dispose()
        gen = Catalog(args.sessions)
        if not args.only or "import" in args.only:
            log(f"postgres import: app ({args.sessions:,} sessions)")
            app_s, report = app_import(gen, app_url)
            log(f"postgres import: app {app_s:.1f} s ({report.summary()}); floor")
            floor_s = floor_import(gen, floor_url)
            log(f"postgres import: floor {floor_s:.1f} s")
            f = Figure("pg import", "s total", [app_s], [floor_s], "<= 1.5x", check=lambda f: f.ratio <= 1.5)
            f.notes.append(f"pg import: {report.sessions_added:,} sessions, {report.cues:,} cues, one transaction each side")
            figures.append(f)
        if not args.only or "search" in args.only:
            if args.only == ["search"]:
                app_s, report = app_import(gen, app_url)
            log("postgres search: typing 20 queries one character at a time")
            r = search(app_url)
            f = Figure("pg search", "ms/keystroke", r["app_ms"], r["floor_ms"], "<= 1.5x, p95 < 30 ms",
                       check=lambda f: f.ratio <= 1.5 and percentile(f.app, 95) < 30)
            f.notes.append("pg search: slowest (app/floor): " + ", ".join(f"{t!r} {a:.0f}/{fl:.0f} ms" for t, a, fl in r["slowest"]))
            figures.append(f)
    finally:
        if cluster is not None:
            cluster.stop("immediate")
            import shutil

            shutil.rmtree(cluster.base.parent, ignore_errors=True)
    print(table(figures, markdown=False))
    for f in figures:
        for n in f.notes:
            print("  " + n)
    if not args.no_record:
        from bench.machine import describe

        machine = describe()
        head = (f"## {time.strftime('%Y-%m-%d %H:%M')} — PostgreSQL, {args.sessions:,} sessions "
                f"({time.time() - started:.0f} s)\n\n" + (f"{args.note}\n\n" if args.note else "")
                + "\n".join(f"- {k}: {v}" for k, v in machine.items()) + "\n\n" + table(figures, markdown=True) + "\n\n"
                + "\n".join(f"- {n}" for f in figures for n in f.notes) + "\n\n")
        old = args.results.read_text("utf-8") if args.results.exists() else ""
        marker = "\n## "
        cut = old.find(marker)
        args.results.write_text(old[: cut + 1] + head + old[cut + 1 :] if cut >= 0 else old + "\n" + head, "utf-8")
    return 0 if all(f.ok() != "NO" for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())

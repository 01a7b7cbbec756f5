"""``python -m bench.postgres``: import and search on a PostgreSQL catalog, next to raw psycopg floors.

    .venv/bin/python -m bench.postgres --sessions 100000          # a throwaway cluster (tests/pg_cluster.py)
    .venv/bin/python -m bench.postgres --url postgresql+psycopg://…/db  # an existing, empty database
    .venv/bin/python -m bench.postgres --catalog postgresql+psycopg://…/db --sessions 100000  # search a kept catalog

- **import**: ``import_stream`` of the synthetic catalog (bench/generator.py) into a fresh PostgreSQL
  catalog vs the same rows through raw psycopg ``executemany`` in one transaction (the SQLite floor's
  row writer, bench/importing.py, with PostgreSQL's placeholders); both fill the same stored tsvector
  columns. Target ≤ 1.5x.
- **search**: the 20 queries typed a character at a time through ``PostgresSearch.search(limit=100, snippets=15)``;
  the SQL each keystroke sent (captured) is replayed at once through a raw psycopg connection with the
  same plan setting (bench/searching.py ``replay``, shared with the SQLite figure). Target ≤ 1.5x, p95 <
  30 ms. The catalog is analysed first (not timed): right after a bulk import PostgreSQL has no
  statistics yet and plans blind, which a server's autovacuum fixes within a minute.

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
        events = importing.write_events(raw, w, gen)
        for sess in gen.iter_sessions():
            importing.write_session(w, sess, events, media, st, gen)
        w.flush()
        conn.commit()
        return time.perf_counter() - t0


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
    """Keystrokes through PostgresSearch, each followed by the same SQL through raw psycopg (bench.searching.replay)."""
    import psycopg

    from bench.searching import replay
    from vod_app.catalog.database import open_catalog
    from vod_app.catalog.search_pg import PostgresSearch

    catalog = open_catalog(url)
    raw = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)
    raw.execute("SET plan_cache_mode = force_custom_plan")  # as PostgresSearch does for its statements
    try:
        return replay(PostgresSearch(catalog), catalog.engine, lambda sql, params: raw.execute(sql, params).fetchall())
    finally:
        raw.close()
        catalog.dispose()


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.postgres", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sessions", type=int, default=100_000)
    p.add_argument("--url", help="an existing PostgreSQL server (two databases are created on it: <db>_app, <db>_floor)")
    p.add_argument("--catalog", help="search only, on this already imported catalog (e.g. one kept from an earlier run); "
                   "--sessions then only labels the run")
    p.add_argument("--only", action="append", choices=("import", "search"))
    p.add_argument("--results", type=Path, default=BENCH / "RESULTS.md")
    p.add_argument("--no-record", action="store_true")
    p.add_argument("--note", default="")
    args = p.parse_args(argv)

    from bench.generator import Catalog

    sys.path.insert(0, str(ROOT / "tests"))
    from pg_cluster import start_cluster

    cluster = None
    if args.catalog:
        started = time.time()
        log(f"postgres search on {args.catalog.rsplit('@', 1)[-1]}: typing 20 queries one character at a time")
        figures = [_search_figure(search(args.catalog))]
        return _report(args, figures, started)
    if args.url:
        base = args.url.rsplit("/", 1)[0]
        admin = args.url
    else:
        cluster = start_cluster()
        size_server_memory(cluster)
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
            _analyze(app_url)
            log("postgres search: typing 20 queries one character at a time")
            figures.append(_search_figure(search(app_url)))
    finally:
        if cluster is not None:
            cluster.stop("immediate")
            import shutil

            shutil.rmtree(cluster.base.parent, ignore_errors=True)
    return _report(args, figures, started)


def size_server_memory(cluster: Any) -> None:
    """shared_buffers at a quarter of this machine's memory (docs/deployment.md), then a restart: at
    PostgreSQL's 128 MB default the pages search reads do not stay cached, and the app's statement
    pays the copy from the OS cache that the floor's replay right after does not."""
    quarter_mb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // (4 * 1024 * 1024)
    cluster.sql(f"ALTER SYSTEM SET shared_buffers = '{max(128, quarter_mb)}MB'")
    cluster.stop()
    cluster.start()


def _analyze(url: str) -> None:
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")


def _search_figure(r: dict[str, Any]) -> Figure:
    f = Figure("pg search", "ms/keystroke", r["app_ms"], r["floor_ms"], "<= 1.5x, p95 < 30 ms",
               check=lambda f: f.ratio <= 1.5 and percentile(f.app, 95) < 30)
    f.notes.append("pg search: slowest (app/floor): " + ", ".join(f"{k['text']!r} {k['app_ms']:.0f}/{k['floor_ms']:.0f} ms" for k in r["slowest"]))
    return f


def _report(args: argparse.Namespace, figures: list[Figure], started: float) -> int:
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

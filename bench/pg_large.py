"""``python -m bench.pg_large``: build a large PostgreSQL catalog for a search run (not a timed figure).

    .venv/bin/python -m bench.pg_large --base /var/tmp/pg1m --sessions 1000000 --panels 1
    .venv/bin/python -m bench.postgres --catalog postgresql+psycopg://vod@127.0.0.1:PORT/bench_app --sessions 1000000

The app's import of 100,000 sessions takes ~26 minutes on this machine (bench/RESULTS.md), so 1,000,000
would take most of a day; this loader writes the same rows as the import figure's floor
(bench/importing.write_session) with COPY instead, into the schema the app's migrations made, with the
GIN indexes and the ``text_terms`` trigger off during the load and rebuilt after it (as a restore does),
then VACUUM ANALYZE. The result is the app's schema and data, as ``db check`` sees it.

``--panels`` (1-3, default 3) sets the panels per session: at 3 panels in three languages the catalog
takes ~71 GB at 1,000,000 sessions (7.1 GB at 100,000); one panel keeps it near 30 GB.

The cluster (tests/pg_cluster.py, the postgres user when run as root) is left running in ``--base``;
``--base``/cluster.json names its port. Stop it with ``python -m bench.pg_large --base DIR --stop``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.run import ROOT, log

COMMIT_EVERY = 50_000  # sessions


class _PgCopy:
    """bench.importing._RawWriter's connection calls, with every batch sent by COPY."""

    def __init__(self, conn: Any) -> None:
        from bench.postgres import _PgRaw

        self.conn = conn
        self.raw = _PgRaw(conn)

    def executemany(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        from bench.importing import _TABLES

        table = sql.split()[2]
        cols = _TABLES[table]
        with self.conn.cursor().copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.raw.execute(sql, params)


def _cluster(base: Path) -> Any:
    sys.path.insert(0, str(ROOT / "tests"))
    from pg_cluster import Cluster, _run_as, server_bin

    meta = base / "cluster.json"
    if meta.exists():
        port = json.loads(meta.read_text())["port"]
        cluster = Cluster(server_bin(), base / "cluster", port=port, prefix=_run_as())
        with contextlib.suppress(subprocess.CalledProcessError):  # already running
            cluster.start()
        return cluster
    base.mkdir(parents=True, exist_ok=True)
    os.chmod(base, 0o755)
    cluster = Cluster(server_bin(), base / "cluster")
    cluster.init()
    cluster.start()
    from bench.postgres import size_server_memory

    size_server_memory(cluster)
    meta.write_text(json.dumps({"port": cluster.port, "base": str(cluster.base)}))
    return cluster


def build(url: str, sessions: int, panels: int) -> dict[str, float]:
    import psycopg

    from bench import importing
    from bench.generator import Catalog
    from vod_app.catalog.database import open_catalog

    open_catalog(url).dispose()  # the app's schema, migrations to head
    conninfo = url.replace("postgresql+psycopg://", "postgresql://")
    timings: dict[str, float] = {}
    with psycopg.connect(conninfo) as conn:
        conn.execute("SET maintenance_work_mem = '2GB'")
        gin = conn.execute("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' "
                           "AND indexdef LIKE '%USING gin%'").fetchall()
        for name, _ in gin:
            conn.execute(f"DROP INDEX {name}")
        conn.execute("SET session_replication_role = replica")  # no FK or text_terms triggers during COPY
        conn.commit()
        gen = Catalog(sessions, panels=panels)
        media = str((importing.DATA_DIR / "media" / "idm2017-panel-2-3.mkv").absolute())
        st = os.stat(media)
        raw = _PgCopy(conn)
        w = importing._RawWriter(raw, bulk_fts=False)  # type: ignore[arg-type]
        t0 = time.perf_counter()
        events = importing.write_events(raw, w, gen)
        for n, sess in enumerate(gen.iter_sessions(), start=1):
            importing.write_session(w, sess, events, media, st, gen)
            if n % COMMIT_EVERY == 0:
                w.flush()
                conn.commit()
                log(f"pg_large: {n:,} sessions ({time.perf_counter() - t0:.0f} s)")
        w.flush()
        conn.commit()
        timings["rows_s"] = time.perf_counter() - t0
        conn.execute("SET session_replication_role = origin")
        t = time.perf_counter()
        conn.execute("INSERT INTO text_terms (id, terms) SELECT id, strip(tsv) FROM texts ORDER BY id")
        conn.commit()
        timings["text_terms_s"] = time.perf_counter() - t
        for name, ddl in gin:
            t = time.perf_counter()
            conn.execute(ddl)
            conn.commit()
            timings[f"{name}_s"] = time.perf_counter() - t
            log(f"pg_large: {name} {timings[f'{name}_s']:.0f} s")
        for (table,) in conn.execute("SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' "
                                     "AND column_name = 'id' AND column_default LIKE 'nextval%'").fetchall():
            conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), GREATEST((SELECT max(id) FROM {table}), 1))")
        conn.commit()
    with psycopg.connect(conninfo, autocommit=True) as conn:
        t = time.perf_counter()
        conn.execute("VACUUM ANALYZE")
        timings["vacuum_analyze_s"] = time.perf_counter() - t
        size = conn.execute("SELECT pg_size_pretty(pg_database_size(current_database()))").fetchone()[0]
    log(f"pg_large: done, {size}: " + ", ".join(f"{k} {v:.0f}" for k, v in timings.items()))
    return timings


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.pg_large", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--base", type=Path, required=True, help="the cluster's folder (made, or reused when it holds cluster.json)")
    p.add_argument("--sessions", type=int, default=1_000_000)
    p.add_argument("--panels", type=int, default=3, choices=(1, 2, 3))
    p.add_argument("--database", default="bench_app")
    p.add_argument("--stop", action="store_true", help="stop the cluster in --base and exit")
    args = p.parse_args(argv)
    cluster = _cluster(args.base)
    if args.stop:
        cluster.stop()
        return 0
    cluster.sql(f'DROP DATABASE IF EXISTS "{args.database}"')
    cluster.sql(f'CREATE DATABASE "{args.database}"')
    url = cluster.url(args.database)
    log(f"pg_large: {args.sessions:,} sessions, {args.panels} panel(s) each, into {url}")
    build(url, args.sessions, args.panels)
    print(url)
    return 0


if __name__ == "__main__":
    sys.exit(main())

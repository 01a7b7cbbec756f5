"""``vod-app import`` that SIGKILLs itself just before its Nth SQL statement (crash-safety test).

Run as ``python import_killer.py N CATALOG``. Every SQLite connection the process opens (the
catalog's, and the user-state snapshot's after the import) gets a trace callback, which SQLite calls
as each statement starts (``COMMIT`` included); just before the Nth statement the process kills
itself with SIGKILL, exactly where a crash would leave it. N = 0 never kills: the run prints the
statements it saw, one JSON line on stderr (``{"statements": [...]}``), so the test knows which one
commits the import. The same N always dies at the same point: a failure replays exactly.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import sqlite3.dbapi2
import sys


def main(argv: list[str]) -> int:
    kill_at, catalog = int(argv[0]), argv[1]
    seen: list[str] = []

    def trace(statement: str) -> None:
        if statement.startswith("--"):
            # a trigger's step or FTS5's own work on its shadow tables: how many depends on the
            # index's segment merges so far, so they are not counted (the count must replay)
            return
        seen.append(statement.split(None, 1)[0].upper() if statement.strip() else "")
        if len(seen) == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    connect = sqlite3.connect

    def traced_connect(*args, **kwargs) -> sqlite3.Connection:  # noqa: ANN002, ANN003
        conn = connect(*args, **kwargs)
        conn.set_trace_callback(trace)
        return conn

    # The snapshot calls sqlite3.connect; SQLAlchemy's pysqlite dialect sqlite3.dbapi2.connect.
    sqlite3.connect = sqlite3.dbapi2.connect = traced_connect

    from vod_app.cli import run

    status = run(["import", catalog])
    if kill_at == 0:
        sys.stderr.write(json.dumps({"statements": seen}) + "\n")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

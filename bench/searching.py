"""Figure "search": search as you type, keystroke -> results, vs the same queries through the plain driver.

Every query of ``bench.generator.QUERIES`` is typed one character at a time; each prefix is one
keystroke and is searched with ``SqliteSearch.search(text, limit=100, snippets=15)`` as the main
window does (snippets made for a first screen of hits, the rows painted at once; the others are made
only when scrolled to, SearchResultsModel.want_snippet, so they are not part of a keystroke). The
SQL that call sends to SQLite is captured (SQLAlchemy ``before_cursor_execute``, a list append) and
replayed at once through a plain ``sqlite3`` connection: the floor is exactly the same FTS5 work without
the app's Python around it, measured keystroke by keystroke right after the app's.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.generator import QUERIES
from bench.importing import connect_raw

LIMIT = 100  # what MainWindow._run_search asks for
SNIPPETS = 15  # and the snippets made with them: vod_app.ui.search_box.SNIPPETS_FIRST (test_bench_smoke checks)


def keystrokes(queries: tuple[str, ...] = QUERIES) -> list[str]:
    return [q[:k] for q in queries for k in range(1, len(q) + 1)]


def replay(backend: Any, engine: Any, raw_execute: Callable[[str, Any], Any], *, rounds: int = 1) -> dict[str, Any]:
    """Type every query through ``backend.search`` (one backend: the previous keystroke narrows the
    next, as in the app), and right after each keystroke replay the SELECTs it sent to ``engine``
    (captured with SQLAlchemy's ``before_cursor_execute``) through ``raw_execute(sql, params)``, a
    plain DB-API connection: the floor. The same for SQLite and PostgreSQL (bench/postgres.py)."""
    from sqlalchemy import event

    captured: list[tuple[str, Any]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):  # noqa: ANN001, ARG001
        if statement.lstrip()[:6].upper() in ("SELECT", "WITH Q"):
            captured.append((statement, parameters))

    typed = keystrokes()
    for text in keystrokes(QUERIES[:1]):  # warm-up (connections, statement caches), not measured
        backend.search(text, limit=LIMIT, snippets=SNIPPETS)
    event.listen(engine, "before_cursor_execute", capture)
    app_ms: list[float] = []
    floor_ms: list[float] = []
    per_key: list[tuple[str, float, float]] = []
    hits = 0
    try:
        for _ in range(rounds):
            for text in typed:
                captured.clear()
                t0 = time.perf_counter()
                hits += len(backend.search(text, limit=LIMIT, snippets=SNIPPETS))
                t1 = time.perf_counter()
                for sql, params in captured:  # the same SQL, replayed through the plain driver
                    raw_execute(sql, params)
                t2 = time.perf_counter()
                app_ms.append((t1 - t0) * 1000)
                floor_ms.append((t2 - t1) * 1000)
                per_key.append((text, (t1 - t0) * 1000, (t2 - t1) * 1000))
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    slowest = sorted(per_key, key=lambda k: -k[1])[:5]
    return {
        "app_ms": app_ms,
        "floor_ms": floor_ms,
        "keystrokes": len(typed) * rounds,
        "hits_total": hits,
        "slowest": [{"text": t, "app_ms": round(a, 2), "floor_ms": round(f, 2)} for t, a, f in slowest],
    }


def run(db_file: Path, *, rounds: int = 1) -> dict[str, Any]:
    """The SQLite figure: SqliteSearch on the generated catalog, the floor through plain sqlite3."""
    from vod_app.catalog.database import open_catalog
    from vod_app.catalog.search import SqliteSearch

    catalog = open_catalog(f"sqlite:///{db_file}")
    raw = connect_raw(db_file)
    try:
        # Parameters as the app's cursor got them: a tuple (text()), or a dict (exec_driver_sql's named ones).
        return replay(SqliteSearch(catalog), catalog.engine,
                      lambda sql, params: raw.execute(sql, params if isinstance(params, dict) else tuple(params)).fetchall(),
                      rounds=rounds)
    finally:
        raw.close()
        catalog.dispose()

"""A superseded search stops inside SQLite, and search has a worker of its own (vod_app/tasks.py)."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import event

from vod_app.catalog.search import SqliteSearch
from vod_app.tasks import TaskRunner


def test_a_superseded_query_stops_inside_sqlite(loaded_catalog) -> None:  # noqa: ANN001
    """interrupt() from another thread while a statement runs: SQLite stops it mid-way."""
    from vod_app.catalog.search import SearchInterrupted

    backend = SqliteSearch(loaded_catalog)
    running, resume = threading.Event(), threading.Event()
    steps = {"before": 0, "after": 0}

    def progress() -> int:
        # Called by SQLite every few VM steps of the running statement, on the search's thread.
        if not running.is_set():
            running.set()
            resume.wait(10)
        steps["after" if resume.is_set() else "before"] += 1
        return 0

    def arm(conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001, ARG001
        conn.connection.driver_connection.set_progress_handler(progress, 1)

    event.listen(loaded_catalog.engine, "before_cursor_execute", arm)
    outcome: dict[str, object] = {}

    def worker() -> None:
        try:
            outcome["hits"] = backend.search("migration", limit=100)
        except BaseException as exc:  # noqa: BLE001
            outcome["error"] = exc

    t = threading.Thread(target=worker)
    t.start()
    assert running.wait(10), "the search never started a statement"
    backend.interrupt()  # the next keystroke's search supersedes this one
    resume.set()
    t.join(10)
    assert not t.is_alive()
    event.remove(loaded_catalog.engine, "before_cursor_execute", arm)
    assert isinstance(outcome.get("error"), SearchInterrupted), outcome
    # Stopped at SQLite's next check, not run to the end: the same search uninterrupted takes far more.
    full = {"n": 0}

    def count() -> int:
        full["n"] += 1
        return 0

    def arm_count(conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001, ARG001
        conn.connection.driver_connection.set_progress_handler(count, 1)

    event.listen(loaded_catalog.engine, "before_cursor_execute", arm_count)
    assert SqliteSearch(loaded_catalog).search("migration", limit=100)
    event.remove(loaded_catalog.engine, "before_cursor_execute", arm_count)
    assert steps["after"] <= 20 and full["n"] > 20 * steps["after"], (steps, full)
    # The connection goes back to the pool usable: the next search is not interrupted.
    with loaded_catalog.read() as s:
        s.connection().connection.driver_connection.set_progress_handler(None, 1)
    assert backend.search("migration", limit=5)


def test_interrupt_between_statements_still_stops_the_search(loaded_catalog) -> None:  # noqa: ANN001
    from vod_app.catalog.search import SearchInterrupted

    backend = SqliteSearch(loaded_catalog)
    calls = []

    def between(*_a) -> None:  # noqa: ANN002
        calls.append(1)
        if len(calls) == 2:
            backend.interrupt()  # no statement runs at this instant: sqlite3_interrupt alone would be lost

    event.listen(loaded_catalog.engine, "before_cursor_execute", between)
    with pytest.raises(SearchInterrupted):
        backend.search("migration", limit=100)
    event.remove(loaded_catalog.engine, "before_cursor_execute", between)
    assert len(calls) <= 3
    assert backend.search("migration", limit=5)  # an interrupt is never left behind for the next one


def test_search_lane_supersedes_and_never_waits_behind_other_work(qtbot) -> None:  # noqa: ANN001
    runner = TaskRunner()
    release = threading.Event()
    interrupted: list[int] = []
    results: list[object] = []

    # The general pool is busy (an import and a write, say): search must not queue behind them.
    for _ in range(2):
        runner.submit(lambda: release.wait(10))
    started = threading.Event()

    def slow_search(n: int) -> int:
        started.set()
        release.wait(10)
        return n

    runner.submit_latest("search", slow_search, on_done=results.append, interrupt=lambda: interrupted.append(1), n=1)
    assert started.wait(5), "search queued behind the general pool"
    runner.submit_latest("search", slow_search, on_done=results.append, n=2)  # waits, then superseded
    runner.submit_latest("search", lambda n: n, on_done=results.append, n=3)
    assert interrupted == [1]  # the running one was told to stop
    release.set()
    qtbot.waitUntil(lambda: 3 in results, timeout=5000)
    assert runner.wait(5000)
    qtbot.wait(50)  # let queued deliveries arrive (superseded ones must not)
    assert results == [3]

"""The task runner: a worker thread never frees what a job refers to.

A job's function and callbacks often hold the last reference to a Python wrapper of a QObject (an
import's progress dialog). Freed on a worker, Shiboken destroys the wrapper there and disconnects its
signals while waiting for the GIL, against the GUI thread connecting signals under Qt's lock: the
suite once hung that way in tests/ui/test_folder_ui.py. Everything must die on the GUI thread.
"""

from __future__ import annotations

import threading

from vod_app.tasks import TaskRunner


class Probe:
    """Records on which thread it was freed."""

    def __init__(self, deaths: list[bool]) -> None:
        self.deaths = deaths

    def __del__(self) -> None:
        self.deaths.append(threading.current_thread() is threading.main_thread())


def test_a_jobs_function_callbacks_and_result_are_freed_on_the_gui_thread(qtbot) -> None:  # noqa: ANN001
    runner = TaskRunner()
    deaths: list[bool] = []
    done: list[int] = []

    def submit(i: int) -> None:
        in_fn, in_callback = Probe(deaths), Probe(deaths)
        runner.submit(lambda: (in_fn, Probe(deaths))[1],  # the function, and a result made on the worker
                      on_done=lambda result: done.append(i) if (in_callback, result) else None)

    for i in range(20):
        submit(i)
    qtbot.waitUntil(lambda: len(done) == 20 and len(deaths) == 60, timeout=10_000)
    assert runner.wait()
    assert all(deaths), f"{deaths.count(False)} of 60 objects were freed on a worker thread"


def test_superseded_jobs_free_their_objects_on_the_gui_thread_too(qtbot) -> None:  # noqa: ANN001
    runner = TaskRunner()
    deaths: list[bool] = []
    gate = threading.Event()

    def submit() -> None:
        held = Probe(deaths)
        runner.submit_latest("search", lambda: gate.wait(5) and held, on_done=lambda _r: None)

    for _ in range(5):
        submit()  # each one supersedes the one before: those never call back
    gate.set()
    qtbot.waitUntil(lambda: len(deaths) == 5, timeout=10_000)
    assert all(deaths)

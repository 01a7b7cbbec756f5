"""One task runner over QThreadPool: long work off the GUI thread, results back on it.

Worker code never touches widgets; it returns a value (or raises), and the runner delivers it to the
GUI thread through a queued signal. Tests may swap in :class:`SyncTaskRunner`.

Work runs in lanes, each its own pool, so one kind of work never queues behind another: the general
pool (imports, writes), ``search`` (one thread; a newer search supersedes the one running or waiting:
see :meth:`TaskRunner.submit_latest`), ``thumbnails`` (one thread: a frame grab takes up to 5 s and
must not delay a search or a write), ``startup`` (loading SQLAlchemy and the catalog's services
after the first paint, vod_app/startup.py: jobs of the other pools may wait for it, so it has its own),
``lists`` (one thread: the start page's Continue watching and the recent list's next page read
ahead, ui/list_reads.py; before the ORM has loaded they share one sqlite3 connection) and ``writes`` (one daemon thread, first in first out: a person's
database writes apply in the order made, one at a time; see ui/writes.py). The writes lane is a
Python daemon thread, not a QThreadPool: a write can wait minutes for another process's write lock,
and a QThreadPool's thread would hold the process at exit until it ends (the window's quit instead
waits a bounded time and keeps what is left in the pending-writes queue).
"""

from __future__ import annotations

import collections
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class CancelToken:
    """Cooperative cancellation: long work checks ``cancelled`` between steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


class _Relay(QObject):
    """Lives on the GUI thread and owns everything a job refers to until the job has finished.

    A worker thread must never drop the last reference to a Python object that wraps a QObject (a
    callback's closure often holds a dialog or a widget): Shiboken would destroy the wrapper on the
    worker, disconnecting its signals while it waits for the GIL, and deadlock (or crash) against the
    GUI thread. So the callbacks never leave the GUI thread, the worker reads its work from an entry
    this relay keeps, writes the result into it, lets go of it, and only then says which job ended;
    the entry dies here, on the GUI thread.
    """

    finished = Signal(int)  # job id
    progress = Signal(object, int, int, str)  # (callback, done, total, label)

    def __init__(self) -> None:
        super().__init__()
        self.jobs: dict[int, dict[str, Any]] = {}
        self._next = 0
        self.finished.connect(self._on_finished)
        self.progress.connect(self._on_progress)

    def add(self, fn: Callable[..., Any], on_done: Any, on_error: Any, kwargs: dict[str, Any], token: CancelToken | None) -> int:
        self._next += 1
        self.jobs[self._next] = {"fn": fn, "kwargs": kwargs, "on_done": on_done, "on_error": on_error, "token": token}
        return self._next

    @Slot(int)
    def _on_finished(self, job_id: int) -> None:
        entry = self.jobs.pop(job_id, None)
        if entry is None or "result" not in entry and "error" not in entry:
            return  # superseded before it ran
        token = entry["token"]
        if token is not None and token.cancelled:
            return  # superseded while it ran: nobody waits for it
        if "error" in entry:
            if entry["on_error"] is not None:
                entry["on_error"](entry["error"])
        elif entry["on_done"] is not None:
            entry["on_done"](entry["result"])

    @Slot(object, int, int, str)
    def _on_progress(self, cb: Callable[[int, int, str], None] | None, done: int, total: int, label: str) -> None:
        if cb is not None:
            cb(done, total, label)


def _execute(relay: _Relay, job_id: int, holder: list[dict[str, Any]]) -> None:
    """Run one job on a worker. The job's entry comes in a one-item list that is emptied here, so no
    caller's frame keeps a reference past the signal below."""
    entry = holder.pop()
    token = entry["token"]
    if token is None or not token.cancelled:  # else superseded before it started: nothing to run
        try:
            entry["result"] = entry["fn"](**entry["kwargs"])
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread as a message
            entry["error"] = exc
    del entry, token  # before saying so: from here on only the GUI thread holds the job's objects
    relay.finished.emit(job_id)


class _Job(QRunnable):
    def __init__(self, relay: _Relay, job_id: int, entry: dict[str, Any]) -> None:
        super().__init__()
        self.relay, self.job_id, self.entry = relay, job_id, entry

    def run(self) -> None:
        holder, self.entry = [self.entry], None  # the relay's dict is the only other reference
        _execute(self.relay, self.job_id, holder)


class _DaemonLane:
    """One daemon thread running jobs first in first out; the QThreadPool calls the runner uses.

    Daemon, so a job blocked in SQLite's busy wait never holds the process at exit.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._jobs: collections.deque[tuple[_Relay, int, list[dict[str, Any]]]] = collections.deque()
        self._cond = threading.Condition()
        self._busy = 0  # jobs queued or running
        self._thread: threading.Thread | None = None

    def start(self, job: _Job) -> None:
        holder, job.entry = [job.entry], None  # the QRunnable wrapper dies here, on the GUI thread
        with self._cond:
            self._jobs.append((job.relay, job.job_id, holder))
            self._busy += 1
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name=f"vod-{self.name}", daemon=True)
                self._thread.start()
            self._cond.notify_all()

    def _loop(self) -> None:
        while True:
            with self._cond:
                while not self._jobs:
                    self._cond.wait()
                relay, job_id, holder = self._jobs.popleft()
            try:
                _execute(relay, job_id, holder)
            finally:
                with self._cond:
                    self._busy -= 1
                    self._cond.notify_all()

    def waitForDone(self, msecs: int = -1) -> bool:  # noqa: N802 - QThreadPool's name
        import time

        end = None if msecs < 0 else time.monotonic() + msecs / 1000
        with self._cond:
            while self._busy:
                left = None if end is None else end - time.monotonic()
                if left is not None and left <= 0:
                    return False
                self._cond.wait(left)
        return True

    def activeThreadCount(self) -> int:  # noqa: N802
        return self._busy


class TaskRunner:
    """Runs callables on a thread pool; callbacks run on the thread that created the runner (GUI)."""

    LANES = ("search", "thumbnails", "startup", "lists")
    #: Lanes on a daemon thread (see the module's docstring).
    DAEMON_LANES = ("writes",)

    def __init__(self, max_threads: int = 2) -> None:
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(max_threads)
        self.lanes: dict[str, Any] = {}
        for name in self.LANES:
            lane = QThreadPool()
            lane.setMaxThreadCount(1)
            self.lanes[name] = lane
        for name in self.DAEMON_LANES:
            self.lanes[name] = _DaemonLane(name)
        self._relay = _Relay()
        self._latest: dict[str, tuple[CancelToken, Callable[[], None] | None]] = {}

    def submit(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        lane: str | None = None,
        **kwargs: Any,
    ) -> None:
        """Run ``fn(**kwargs)`` on the general pool, or on ``lane`` (one of LANES)."""
        pool = self.pool if lane is None else self.lanes[lane]
        self._start(pool, fn, on_done, on_error, kwargs, None)

    def submit_latest(
        self,
        lane: str,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        interrupt: Callable[[], None] | None = None,
        **kwargs: Any,
    ) -> CancelToken:
        """Run ``fn`` on ``lane``, superseding the previous ``submit_latest`` there.

        The previous job is dropped if it has not started, and ``interrupt`` (given with it: e.g.
        ``SqliteSearch.interrupt``, which stops its SQL inside SQLite) is called if it is running; a
        superseded job's callbacks are never called. Search as you type needs this: at 100,000 sessions
        a keystroke's query can take longer than the next keystroke takes to come.
        """
        previous = self._latest.get(lane)
        if previous is not None:
            token, stop = previous
            token.cancel()
            if stop is not None:
                stop()
        token = CancelToken()
        self._latest[lane] = (token, interrupt)
        self._start(self.lanes[lane], fn, on_done, on_error, kwargs, token)
        return token

    def _start(self, pool: Any, fn: Callable[..., Any], on_done: Any, on_error: Any, kwargs: dict[str, Any],
               token: CancelToken | None) -> None:
        job_id = self._relay.add(fn, on_done, on_error, kwargs, token)
        pool.start(_Job(self._relay, job_id, self._relay.jobs[job_id]))

    def progress_callback(self, cb: Callable[[int, int, str], None]) -> Callable[[int, int, str], None]:
        """A thread-safe progress function for worker code that reports to ``cb`` on the GUI thread."""
        return lambda done, total, label: self._relay.progress.emit(cb, done, total, label)

    def wait(self, msecs: int = 30_000, *, skip: tuple[str, ...] = ()) -> bool:
        """Wait for every pool (the general one and each lane but ``skip``), ``msecs`` at most in all."""
        import time

        end = time.monotonic() + msecs / 1000
        ok = True
        for pool in (self.pool, *(lane for name, lane in self.lanes.items() if name not in skip)):
            ok = pool.waitForDone(max(0, int((end - time.monotonic()) * 1000))) and ok
        return ok


class SyncTaskRunner(TaskRunner):
    """Runs tasks inline: deterministic tests of UI logic."""

    def submit(self, fn, on_done=None, on_error=None, *, lane=None, **kwargs):  # type: ignore[no-untyped-def]  # noqa: ARG002
        try:
            result = fn(**kwargs)
        except Exception as exc:  # noqa: BLE001
            if on_error is not None:
                on_error(exc)
        else:
            if on_done is not None:
                on_done(result)

    def submit_latest(self, lane, fn, on_done=None, on_error=None, *, interrupt=None, **kwargs):  # type: ignore[no-untyped-def]  # noqa: ARG002
        self.submit(fn, on_done, on_error, **kwargs)
        return CancelToken()

    def progress_callback(self, cb):  # type: ignore[no-untyped-def]
        return cb

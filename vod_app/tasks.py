"""One task runner over QThreadPool: long work off the GUI thread, results back on it.

Worker code never touches widgets; it returns a value (or raises), and the runner delivers it to the
GUI thread through a queued signal. Tests may swap in :class:`SyncTaskRunner`.
"""

from __future__ import annotations

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
    done = Signal(object, object)  # (callback, result)
    failed = Signal(object, object)  # (callback, exception)
    progress = Signal(object, int, int, str)  # (callback, done, total, label)

    def __init__(self) -> None:
        super().__init__()
        self.done.connect(self._on_done)
        self.failed.connect(self._on_failed)
        self.progress.connect(self._on_progress)

    @Slot(object, object)
    def _on_done(self, cb: Callable[[Any], None] | None, result: object) -> None:
        if cb is not None:
            cb(result)

    @Slot(object, object)
    def _on_failed(self, cb: Callable[[BaseException], None] | None, exc: object) -> None:
        if cb is not None:
            cb(exc)  # type: ignore[arg-type]

    @Slot(object, int, int, str)
    def _on_progress(self, cb: Callable[[int, int, str], None] | None, done: int, total: int, label: str) -> None:
        if cb is not None:
            cb(done, total, label)


class _Job(QRunnable):
    def __init__(self, relay: _Relay, fn: Callable[..., Any], on_done: Any, on_error: Any, kwargs: dict[str, Any]) -> None:
        super().__init__()
        self.relay, self.fn, self.on_done, self.on_error, self.kwargs = relay, fn, on_done, on_error, kwargs

    def run(self) -> None:
        try:
            result = self.fn(**self.kwargs)
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread as a message
            self.relay.failed.emit(self.on_error, exc)
        else:
            self.relay.done.emit(self.on_done, result)


class TaskRunner:
    """Runs callables on a thread pool; callbacks run on the thread that created the runner (GUI)."""

    def __init__(self, max_threads: int = 2) -> None:
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(max_threads)
        self._relay = _Relay()

    def submit(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        **kwargs: Any,
    ) -> None:
        self.pool.start(_Job(self._relay, fn, on_done, on_error, kwargs))

    def progress_callback(self, cb: Callable[[int, int, str], None]) -> Callable[[int, int, str], None]:
        """A thread-safe progress function for worker code that reports to ``cb`` on the GUI thread."""
        return lambda done, total, label: self._relay.progress.emit(cb, done, total, label)

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)


class SyncTaskRunner(TaskRunner):
    """Runs tasks inline: deterministic tests of UI logic."""

    def submit(self, fn, on_done=None, on_error=None, **kwargs):  # type: ignore[no-untyped-def]
        try:
            result = fn(**kwargs)
        except Exception as exc:  # noqa: BLE001
            if on_error is not None:
                on_error(exc)
        else:
            if on_done is not None:
                on_done(result)

    def progress_callback(self, cb):  # type: ignore[no-untyped-def]
        return cb

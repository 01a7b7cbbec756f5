"""A person's database writes, off the GUI thread, in the order made (issue 14).

Every write the window makes (a position, a preference, a relocation, a bookmark or its note, a
session edit, a folder removal and its undo, a feed session seen, notes merged from a file) goes
through one :class:`WriteQueue`. It runs them on the task runner's ``writes`` lane one at a time,
first in first out, so the catalog sees them in the order the person made them, and the GUI thread
never waits for SQLite's write lock (another process's import can hold it for minutes).

- The window updates at once (optimistically); the write follows. While writes wait longer than
  a moment, the status bar says how many.
- A write that fails stays at the head of the queue and is tried again every few seconds (the ones
  behind it wait, so order is kept); the status bar says so plainly. Nothing is dropped.
- Position and preference writes that are still queued are coalesced: a newer save of the same
  recording's position (or of the same preference) replaces the older one still waiting.
- Quit (:meth:`WriteQueue.close`): the queue is given ``QUIT_WAIT_MS`` in all. What has not reached
  the catalog by then is kept in the pending-writes file (catalog/pending.py, the file that also
  holds a shared catalog's writes while its server is away) and written first on the next start.
  Only the person's own state is kept so (positions, preferences, relocations, bookmarks); a session
  edit or removal still waiting at quit is not made (the message says so on stderr).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from vod_app.tasks import TaskRunner
from vod_app.ui.formatting import plural_fallback

#: How long quitting waits for writes still queued (the rest goes to the pending-writes file).
QUIT_WAIT_MS = 3_000
#: A failed write is tried again after this long (it waits at the head of the queue meanwhile).
RETRY_MS = 5_000
#: Writes waiting longer than this show in the status bar.
SHOW_PENDING_MS = 700

#: UserStateRepository methods a write may name: the ones the pending-writes file can replay.
STATE_OPS = ("save_position", "set_preference", "relocate", "add_bookmark", "edit_bookmark", "delete_bookmark", "restore_bookmark")


@dataclass(eq=False)
class Write:
    """One queued write: a UserStateRepository method and its arguments, or a callable."""

    op: str  # one of STATE_OPS, or "" for ``call``
    args: dict[str, Any] = field(default_factory=dict)
    call: Callable[[], Any] | None = None
    on_done: Callable[[Any], None] | None = None
    on_error: Callable[[BaseException], None] | None = None
    applied: bool = False  # set by the worker once the catalog has it (read at quit)
    key: tuple[Any, ...] | None = None  # coalescing key (positions, preferences)
    replay: bool = False  # the pending-writes file's own replay: what it has not done stays there


class WriteQueue(QObject):
    """Runs the window's writes on the ``writes`` lane, one at a time, in order."""

    pending_changed = Signal(int)  # writes not yet in the catalog (0: all saved)
    failed = Signal(str)  # a write failed and waits to be tried again (the message)
    idle = Signal()  # everything made so far is in the catalog

    def __init__(self, users: Any, runner: TaskRunner, saved: Any = None, parent: QObject | None = None) -> None:
        """``saved``: a catalog.pending.PendingWrites for writes left at quit (replayed first)."""
        super().__init__(parent)
        self.users, self.runner, self.saved = users, runner, saved
        self._queue: list[Write] = []
        self._running: Write | None = None
        self._closing = False
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._pump)
        self.last_error = ""
        if saved is not None:
            self._queue.append(Write("", call=self._replay_saved, replay=True))
            self._pump()

    # --- making writes ---

    def state(self, op: str, *, on_done: Callable[[Any], None] | None = None, **args: Any) -> None:
        """A write of the person's state: ``users.<op>(**args)`` (op in STATE_OPS)."""
        if op not in STATE_OPS:
            raise ValueError(f"not a user-state write: {op}")
        key = None
        if op == "save_position":
            key = (op, args["recording_uid"])
        elif op == "set_preference":
            key = (op, args["key"])
        if key is not None:  # a newer save of the same thing replaces the one still waiting
            self._queue = [w for w in self._queue if w.key != key]
        self._add(Write(op, args, on_done=on_done, key=key))

    def call(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None) -> None:
        """Any other write (session edits, merges): run once, in order; its failure goes to ``on_error``."""
        self._add(Write("", call=fn, on_done=on_done, on_error=on_error))

    def preference(self, key: str, value: str) -> None:
        """Preferences' writer (ui/preferences.py)."""
        self.state("set_preference", key=key, value=value)

    def _add(self, w: Write) -> None:
        if self._closing:  # quitting: straight to the file, after the others
            self._save_for_later([w])
            return
        self._queue.append(w)
        self.pending_changed.emit(self.pending)
        self._pump()

    @property
    def pending(self) -> int:
        return len(self._queue) + (self._running is not None)

    @property
    def is_idle(self) -> bool:
        return self.pending == 0

    def wait(self, msecs: int = 10_000) -> bool:
        """Tests and tools: process events until every write made so far is in the catalog."""
        import time

        from PySide6.QtCore import QCoreApplication, QEventLoop

        end = time.monotonic() + msecs / 1000
        while not self.is_idle and time.monotonic() < end:
            self.runner.lanes["writes"].waitForDone(10)
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
        return self.is_idle

    # --- running them ---

    def _pump(self) -> None:
        if self._running is not None or not self._queue or self._closing:
            return
        self._retry.stop()
        w = self._queue.pop(0)
        self._running = w
        self.runner.submit(self._apply, on_done=self._done, on_error=self._failed, lane="writes", w=w)

    def _apply(self, w: Write) -> Any:  # on the writes lane
        result = w.call() if w.call is not None else getattr(self.users, w.op)(**w.args)
        w.applied = True
        return result

    def _done(self, result: Any) -> None:
        w, self._running = self._running, None
        self.last_error = ""
        if self._closing:
            return  # the window is going: nothing to show
        if w is not None and w.on_done is not None:
            w.on_done(result)
        self.pending_changed.emit(self.pending)
        if self.is_idle:
            self.idle.emit()
        self._pump()

    def _failed(self, exc: BaseException) -> None:
        w, self._running = self._running, None
        if w is None or self._closing:
            return
        if w.on_error is not None:
            # A one-off change (a session edit): its owner says what happened and keeps its state right.
            w.on_error(exc)
            self.pending_changed.emit(self.pending)
            self._pump()
            return
        # The person's state: kept at the head, tried again; the ones behind it wait (order).
        self._queue.insert(0, w)
        self.last_error = self.tr("Your changes are not saved yet ({error}); trying again in a few seconds.").format(error=exc)
        self.failed.emit(self.last_error)
        self.pending_changed.emit(self.pending)
        self._retry.start()

    # --- quitting, and the next start ---

    def close(self, msecs: int = QUIT_WAIT_MS) -> int:
        """Quit: give the queued writes ``msecs`` in all, keep the rest in the pending-writes file.

        Returns how many were kept for the next start. Never blocks longer than ``msecs``: the
        writes lane is a daemon thread, so a write still waiting for the lock does not hold the
        process either.
        """
        self._retry.stop()
        if self._closing:
            return 0  # closed already (a window can be closed twice)
        self._closing = True
        rest = ([self._running] if self._running is not None else []) + self._queue
        self._queue = []
        if not rest:
            return 0
        stop = threading.Event()
        todo = [w for w in rest if w is not self._running]

        def drain() -> None:
            for w in todo:
                if stop.is_set():
                    return
                try:
                    self._apply(w)
                except Exception:  # noqa: BLE001 - kept below, with the ones after it
                    return

        self.runner.submit(drain, lane="writes")  # behind the running one, on the same thread
        self.runner.lanes["writes"].waitForDone(msecs)
        stop.set()
        left = [w for w in rest if not w.applied]
        self._save_for_later(left)
        return len([w for w in left if w.op])

    def _save_for_later(self, writes: list[Write]) -> None:
        writes = [w for w in writes if not w.replay]  # those are still in the file
        lost = [w for w in writes if not w.op]
        kept = [w for w in writes if w.op]
        if lost:
            sys.stderr.write(f"vod-app: {len(lost)} catalog change(s) still waiting for the catalog were not made\n")
        if not kept:
            return
        if self.saved is None:
            sys.stderr.write(f"vod-app: {len(kept)} change(s) could not be saved\n")
            return
        for w in kept:
            self.saved.add(w.op, w.args)

    def _replay_saved(self) -> int:  # on the writes lane, first of all
        """Writes left in the pending-writes file at the last quit, in order."""
        n = 0
        for item_id, op, args in self.saved.items():
            if op in STATE_OPS:
                getattr(self.users, op)(**args)
            self.saved.done(item_id)
            n += 1
        return n


def saved_writes(users: Any) -> Any:
    """The pending-writes file's queue for this window's catalog and person (writes left at quit),
    opened on first use: the window is built before the catalog's ORM has loaded (startup.py), and
    its first use is the replay, on the writes lane."""
    return _SavedWrites(users)


class _SavedWrites:
    def __init__(self, users: Any) -> None:
        self._users, self._queue = users, None

    def __getattr__(self, name: str) -> Any:
        if self._queue is None:
            from vod_app.catalog.pending import PendingWrites
            from vod_app.paths import app_paths

            users = self._users
            try:
                url, person = users.catalog.engine.url.render_as_string(hide_password=True), users.person
            except Exception:  # the ORM's load after the first page failed (a damaged file): the same key
                pending = getattr(users, "_pending", None)  # startup.Later: a plain sqlite:/// URL
                if pending is None:
                    raise
                from vod_app.paths import current_person

                url, person = pending.url, current_person()
            self._queue = PendingWrites(app_paths().data_dir / "pending-writes.sqlite3", "left-at-quit " + url, person)
        return getattr(self._queue, name)


class WriteStatus(QLabel):
    """The status bar's word on writes: how many wait (after a moment), and a failure, plainly."""

    def __init__(self, writes: WriteQueue, status_bar: Any) -> None:
        super().__init__(status_bar)
        self.writes, self.status_bar = writes, status_bar
        self.setObjectName("writeStatus")
        self.hide()
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(SHOW_PENDING_MS)
        self._later.timeout.connect(self._show_count)
        writes.pending_changed.connect(self._changed)
        writes.failed.connect(self._failed)
        status_bar.addPermanentWidget(self)

    def _changed(self, n: int) -> None:
        if n == 0:
            self._later.stop()
            if self.isVisible() and self.writes.last_error == "":
                self.status_bar.showMessage(self.tr("All changes saved"), 3000)
            self.hide()
        elif self.isVisible():
            self._show_count()
        elif not self._later.isActive():
            self._later.start()

    def _show_count(self) -> None:
        n = self.writes.pending
        if n:
            self.setText(plural_fallback(self.tr("%n change(s) waiting to be saved", "", n), n))
            self.setToolTip(self.writes.last_error or self.tr("Another program is writing to the catalog; your changes follow in order."))
            self.show()

    def _failed(self, text: str) -> None:
        self.status_bar.showMessage(text, RETRY_MS * 2)
        self._show_count()

"""Work that waits for the first frame of the recording being opened (issue 14, "open to first frame").

Between the request and libvlc's first frame the GUI thread should do only what the first frame
needs; catalog reads (the transcript, the bookmarks) and the like wait here and run right after it
(after every other ``first_frame`` slot), or after ``MAX_WAIT_MS`` when no frame comes (audio
only, an error).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Slot

#: Deferred work runs after this long at the latest.
MAX_WAIT_MS = 400


class AfterFirstFrame(QObject):
    """``add(fn)`` runs ``fn`` after the current open's first frame (at once when nothing opens)."""

    def __init__(self, first_frame: object, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._todo: list[Callable[[], None]] | None = None  # None: nothing is being opened
        self._opening = self._shown = 0  # open() calls, and the one whose first frame came
        self._timer = QTimer(self, singleShot=True, interval=MAX_WAIT_MS)
        self._timer.timeout.connect(self._run)
        first_frame.connect(self._on_first_frame)  # type: ignore[attr-defined]

    def begin(self) -> None:
        """Before the player's open(): what is added from now on waits for its first frame."""
        self._todo = []
        self._opening += 1

    def armed(self) -> None:
        """After the page has asked for the open: the fallback timer, or at once if the frame came
        inside open() (FakePlayer)."""
        self._timer.start()
        if self._shown == self._opening:
            opening = self._opening
            QTimer.singleShot(0, lambda: self._run(opening))

    def add(self, fn: Callable[[], None]) -> None:
        if self._todo is None:
            fn()
        else:
            self._todo.append(fn)

    @Slot()
    def _on_first_frame(self) -> None:
        self._shown = self._opening
        if self._todo is not None:
            opening = self._opening
            QTimer.singleShot(0, lambda: self._run(opening))  # after every other first_frame slot

    def _run(self, opening: int | None = None) -> None:
        if opening is not None and opening != self._opening:
            return  # a frame of the media opened before: the new one's work waits for its own
        self._timer.stop()
        todo, self._todo = self._todo or [], None
        for fn in todo:
            fn()

"""The on-screen indicator over the video (volume, speed, seeks), as VLC and mpv show one.

The video surface is a native window that libvlc draws into: on xcb a child widget over it is
hidden under the video. The indicator is therefore a frameless top-level tool window placed over
the video's corner, which the window system stacks above the video; it takes no focus and lets
the mouse through, and fades out after a second.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPropertyAnimation, Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

SHOW_MS = 1_000
FADE_MS = 300
MARGIN = 16


class OnScreenDisplay(QLabel):
    """A transient label shown over ``anchor`` (the video)."""

    def __init__(self, anchor: QWidget) -> None:
        super().__init__(anchor, Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("onScreenDisplay")
        self._anchor = anchor
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setStyleSheet(
            "QLabel#onScreenDisplay { background: rgba(0, 0, 0, 190); color: white;"
            " padding: 6px 12px; border-radius: 4px; font-size: 16pt; font-weight: bold; }"
        )
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SHOW_MS)
        self._fade = QPropertyAnimation(self, b"windowOpacity", self)
        self._fade.setDuration(FADE_MS)
        self._fade.setStartValue(1.0)
        self._fade.setEndValue(0.0)
        self._fade.finished.connect(self.hide)
        self._timer.timeout.connect(self._fade.start)

    def flash(self, text: str) -> None:
        """Show ``text`` over the video's top-left corner for about a second (again on each call)."""
        if not self._anchor.isVisible():
            return
        self._fade.stop()
        self.setWindowOpacity(1.0)
        self.setText(text)
        self.adjustSize()
        self.move(self._anchor.mapToGlobal(QPoint(MARGIN, MARGIN)))
        self.show()
        self.raise_()
        self._timer.start()

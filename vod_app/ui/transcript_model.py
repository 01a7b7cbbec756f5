"""The transcript as a Qt list model: one row per cue or panel heading, the current one marked.

A model (not a widget per cue) so that a 20,000-cue recording opens at once and moving the highlight
touches two rows only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from vod_app.domain.transcript import TranscriptLine, current_index
from vod_app.ui.formatting import format_duration

StartRole = Qt.ItemDataRole.UserRole + 1
EndRole = Qt.ItemDataRole.UserRole + 2
SpeakerRole = Qt.ItemDataRole.UserRole + 3
HeadingRole = Qt.ItemDataRole.UserRole + 4
CurrentRole = Qt.ItemDataRole.UserRole + 5

_Index = QModelIndex | QPersistentModelIndex
_ROLES = frozenset(int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ToolTipRole, StartRole, EndRole, SpeakerRole, HeadingRole, CurrentRole,
))


class TranscriptModel(QAbstractListModel):
    """Rows of one transcript; ``set_time`` moves the current row (the cue being spoken)."""

    current_moved = Signal(int, int)  # old row, new row: repaint them (the highlight moved)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[TranscriptLine] = []
        self._starts: list[int] = []
        self._texts: dict[int, str] = {}
        self._current = -1
        self._bold = QFont()
        self._bold.setBold(True)

    # --- content ---

    def set_lines(self, lines: Sequence[TranscriptLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self._starts = [line.start_ms for line in self._lines]
        self._texts = {}
        self._current = -1
        self.endResetModel()

    def lines(self) -> list[TranscriptLine]:
        return self._lines

    def line(self, row: int) -> TranscriptLine:
        return self._lines[row]

    def current_row(self) -> int:
        return self._current

    def row_at(self, ms: int) -> int:
        """The cue row playing at ``ms``: the last row started, skipping back over headings."""
        i = current_index(self._starts, ms)
        # A heading shares its start with the panel's first cue: the cue is what is current.
        while i >= 0 and self._lines[i].is_heading and i + 1 < len(self._lines) and self._starts[i + 1] <= ms:
            i += 1
        return i

    def set_time(self, ms: int) -> bool:
        """Mark the row playing at ``ms``; True when the current row changed."""
        row = self.row_at(ms)
        if row == self._current:
            return False
        old, self._current = self._current, row
        # Not dataChanged: QListView answers it by walking every row through Python's rowCount
        # (~20 ms at 20,000 rows). Only the look of two rows changes; the view repaints them.
        self.current_moved.emit(old, row)
        return True

    # --- Qt model ---

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self._lines)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The delegate asks ~10 roles per row per paint: unasked-for ones leave first, and the
        # shown text is made once per row (painting after a scroll must stay well under 2 ms).
        if role not in _ROLES or not index.isValid():
            return None
        row = index.row()
        line = self._lines[row]
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.AccessibleTextRole:  # noqa: PLR1714
            text = self._texts.get(row)
            if text is None:
                text = self._texts[row] = self.line_text(line)
            return text
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if line.is_heading else None
        if role == Qt.ItemDataRole.BackgroundRole and row == self._current:
            return QApplication.palette().brush(QPalette.ColorRole.Highlight).color().lighter(170)
        if role == StartRole:
            return line.start_ms
        if role == EndRole:
            return line.end_ms
        if role == SpeakerRole:
            return line.speaker
        if role == HeadingRole:
            return line.is_heading
        if role == CurrentRole:
            return row == self._current
        if role == Qt.ItemDataRole.ToolTipRole:  # rows are one line each (elided): the whole cue
            return self.line_text(line)
        return None

    def line_text(self, line: TranscriptLine) -> str:
        """The row as shown, copied and announced: time, speaker, text (a heading: its title)."""
        if line.is_heading:
            return f"{format_duration(line.start_ms)}  ■ {line.heading}"
        who = f"{line.speaker}: " if line.speaker else ""
        return f"{format_duration(line.start_ms)}  {who}{line.text}"

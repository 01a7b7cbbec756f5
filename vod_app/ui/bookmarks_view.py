"""The player's bookmarks: add one at the current time (B), a note edited in place, seek from the
list, delete; every change is a command on the window's undo stack (Ctrl+Z undoes it).

The panel reads and writes through small callables handed in by ui/notes_wiring.py, so it knows
no catalog. Writes return at once: the store queues them on the window's writes lane (ui/writes.py)
and shows them until they land.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vod_app.domain.notes import Note

UID_ROLE = Qt.ItemDataRole.UserRole + 1
MS_ROLE = Qt.ItemDataRole.UserRole + 2



class _NoteCommand(QUndoCommand):
    """do/undo callables, then the panel refreshes; the first redo (on push) does the work too."""

    def __init__(self, text: str, do: Callable[[], Any], undo: Callable[[], Any], after: Callable[[], None]) -> None:
        super().__init__(text)
        self._do, self._undo, self._after = do, undo, after

    def redo(self) -> None:
        self._do()
        self._after()

    def undo(self) -> None:
        self._undo()
        self._after()


class BookmarksPanel(QWidget):
    """Bookmarks of the recording on screen, with their notes."""

    seek_requested = Signal(int)  # ms
    changed = Signal()  # a bookmark was added, edited, deleted or restored (lists elsewhere refresh)

    def __init__(self, store: Any, stack: QUndoStack, parent: QWidget | None = None) -> None:
        """``store``: add(ms) -> uid, edit(uid, text), delete(uid), restore(uid), notes() -> list[Note]."""
        super().__init__(parent)
        self.store, self.stack = store, stack
        self._notes: dict[str, Note] = {}
        self._editing: str | None = None
        self.add_button = QPushButton(self.tr("Add bookmark"), self)
        self.add_button.setToolTip(self.tr("Bookmark this moment (B)"))
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.copy_button = QToolButton(self)
        self.copy_button.setText(self.tr("Copy…"))
        self.copy_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Bookmarks"))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText(self.tr("Note (plain text, several lines)"))
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setMaximumHeight(90)
        self.note.setEnabled(False)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.add_button, self.delete_button, self.copy_button):
            row.addWidget(w)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel(self.tr("Bookmarks"), self))
        lay.addLayout(row)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.note)
        self._debounce = QTimer(self, singleShot=True, interval=800)
        self._debounce.timeout.connect(self.commit_note)
        self.note.textChanged.connect(self._debounce.start)
        self.list.currentItemChanged.connect(self._on_current)
        self.list.itemActivated.connect(lambda it: self.seek_requested.emit(int(it.data(MS_ROLE))))
        self.list.itemDoubleClicked.connect(lambda it: self.seek_requested.emit(int(it.data(MS_ROLE))))
        self.delete_button.clicked.connect(self.delete_current)
        self.delete_button.setEnabled(False)

    # --- reading ---

    def refresh(self) -> None:
        """Reread the bookmarks; keeps the selection when the bookmark is still there."""
        keep = self.current_uid()
        notes = sorted(self.store.notes(), key=lambda n: n.position_ms)
        self._notes = {n.uid: n for n in notes}
        self.list.blockSignals(True)
        self.list.clear()
        for n in notes:
            first = n.text.splitlines()[0] if n.text.strip() else ""
            it = QListWidgetItem(f"{n.time}  {first}".rstrip(), self.list)
            it.setData(UID_ROLE, n.uid)
            it.setData(MS_ROLE, n.position_ms)
            it.setToolTip("\n".join(p for p in (n.panel, n.speaker, n.text) if p))
            if n.uid == keep:
                self.list.setCurrentItem(it)
        self.list.blockSignals(False)
        self._debounce.stop()
        self._editing = None  # the field shows what is stored now (after an undo, the old text)
        self._on_current(self.list.currentItem(), None)
        self.changed.emit()

    def clear_list(self) -> None:
        """Another recording opens: nothing is listed until :meth:`refresh` reads its bookmarks."""
        self.commit_note()
        self._notes = {}
        self.list.blockSignals(True)
        self.list.clear()
        self.list.blockSignals(False)
        self._editing = None
        self._on_current(None, None)
        self.changed.emit()

    def notes(self) -> list[Note]:
        return list(self._notes.values())

    def current_uid(self) -> str | None:
        it = self.list.currentItem()
        return None if it is None else it.data(UID_ROLE)

    def current_note(self) -> Note | None:
        uid = self.current_uid()
        return self._notes.get(uid) if uid else None

    def select(self, uid: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(UID_ROLE) == uid:
                self.list.setCurrentRow(i)
                return

    def _on_current(self, item: QListWidgetItem | None, _previous: object) -> None:
        self.commit_note()
        uid = None if item is None else item.data(UID_ROLE)
        self._editing = uid
        self.note.blockSignals(True)
        self.note.setPlainText(self._notes[uid].text if uid in self._notes else "")
        self.note.blockSignals(False)
        self.note.setEnabled(uid is not None)
        self.delete_button.setEnabled(uid is not None)

    # --- changes (each one an undo command) ---

    def add_at(self, ms: int) -> str:
        """A bookmark at ``ms``; the note field takes the focus so typing writes the note."""
        self.commit_note()
        made: list[str] = []

        def do() -> None:
            if made:
                self.store.restore(made[0])
            else:
                made.append(self.store.add(ms))

        self.stack.push(_NoteCommand(self.tr("Add bookmark"), do, lambda: self.store.delete(made[0]), self.refresh))
        self.select(made[0])
        self.note.setFocus()
        return made[0]

    def commit_note(self) -> None:
        """The note field's text into the bookmark it belongs to (on pause in typing, selection change)."""
        self._debounce.stop()
        uid = self._editing
        if uid is None or uid not in self._notes:
            return
        old, new = self._notes[uid].text, self.note.toPlainText()
        if old == new:
            return
        self._notes[uid] = _with_text(self._notes[uid], new)  # the stack's refresh rereads it anyway
        self.stack.push(_NoteCommand(self.tr("Edit note"), lambda: self.store.edit(uid, new), lambda: self.store.edit(uid, old), self.refresh))

    def delete_current(self) -> None:
        self.commit_note()
        uid = self.current_uid()
        if uid is None:
            return
        self.stack.push(_NoteCommand(self.tr("Delete bookmark"), lambda: self.store.delete(uid), lambda: self.store.restore(uid), self.refresh))


def _with_text(note: Note, text: str) -> Note:
    from dataclasses import replace

    return replace(note, text=text)

"""The "My notes" page: every note of this person, newest first, filtered by event and session and
searched as you type; a note opens its recording at its time. Export (Markdown, CSV, WebVTT by
the file's suffix) and Import (merge, no duplicates) run on the task runner.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vod_app.domain.notes import Note
from vod_app.ui.formatting import plural_fallback

NOTE_ROLE = Qt.ItemDataRole.UserRole + 1
EXPORT_FILTER = "Markdown (*.md);;CSV (*.csv);;WebVTT (*.vtt)"



class NotesPage(QWidget):
    play_requested = Signal(int, int)  # recording id, ms
    loaded = Signal()  # the notes arrived (tests wait on it)

    def __init__(self, load: Callable[[], list[Note]], parent: QWidget | None = None) -> None:
        """``load``: this person's notes (all of them; filtering is in memory: thousands at most)."""
        super().__init__(parent)
        self._load = load
        self._all: list[Note] = []
        self.heading = QLabel(self.tr("My notes"), self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.heading.setFont(font)
        self.event = QComboBox(self)
        self.event.setAccessibleName(self.tr("Event"))
        self.session = QComboBox(self)
        self.session.setAccessibleName(self.tr("Session"))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search your notes"))
        self.search.setClearButtonEnabled(True)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.import_button = QPushButton(self.tr("Import…"), self)
        self.count = QLabel(self)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Time"), self.tr("Session"), self.tr("Panel"), self.tr("Note"), self.tr("Written")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAccessibleName(self.tr("Notes"))
        head = self.tree.header()
        head.setStretchLastSection(False)
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # the note gets the room
        self.tree.setColumnWidth(1, 260)
        self.tree.setColumnWidth(2, 200)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.export_button)
        top.addWidget(self.import_button)
        filters = QHBoxLayout()
        for w, stretch in ((self.event, 1), (self.session, 2), (self.search, 2), (self.count, 0)):
            filters.addWidget(w, stretch)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(filters)
        lay.addWidget(self.tree, 1)
        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(self._fill)
        self.search.textChanged.connect(self._debounce.start)
        self.event.currentIndexChanged.connect(self._event_changed)
        self.session.currentIndexChanged.connect(self._fill)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)

    def reload(self) -> None:
        """Reread the notes and the filter choices (keeping the ones made)."""
        self.set_notes(self._load())

    def set_notes(self, notes: list[Note]) -> None:
        """The notes read (on the task runner, by ui/notes_wiring.py); filters keep their choices."""
        self._all = list(notes)
        self.loaded.emit()
        self._set_choices(self.event, {n.event_uid: n.event_title for n in self._all if n.event_uid}, self.tr("All events"))
        self._event_changed()

    @staticmethod
    def _set_choices(box: QComboBox, choices: dict[Any, str], everything: str) -> None:
        keep = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(everything, None)
        for key, title in sorted(choices.items(), key=lambda kv: kv[1].casefold()):
            box.addItem(title, key)
        i = box.findData(keep)
        box.setCurrentIndex(max(0, i))
        box.blockSignals(False)

    def _event_changed(self, *_args: object) -> None:
        ev = self.event.currentData()
        self._set_choices(self.session, {n.session_id: n.session_title for n in self._all
                                         if n.session_id is not None and (ev is None or n.event_uid == ev)}, self.tr("All sessions"))
        self._fill()

    def shown(self) -> list[Note]:
        """The notes the filters and the search let through, newest first."""
        ev, sid, needle = self.event.currentData(), self.session.currentData(), self.search.text().strip().casefold()
        return [
            n for n in self._all
            if (ev is None or n.event_uid == ev) and (sid is None or n.session_id == sid)
            and (not needle or any(needle in f.casefold() for f in (n.text, n.session_title, n.event_title, n.panel, n.speaker)))
        ]

    def _fill(self, *_args: object) -> None:
        self._debounce.stop()
        self.tree.clear()
        notes = self.shown()
        for n in notes:
            it = QTreeWidgetItem(self.tree, [n.time, n.session_title or n.recording_uid, n.panel, n.text.replace("\n", " \u21b5 "),
                                             n.created_at.astimezone().strftime("%Y-%m-%d %H:%M")])
            it.setData(0, NOTE_ROLE, n)
            it.setToolTip(3, n.text)
        for col in (0, 4):
            self.tree.resizeColumnToContents(col)
        self.tree.setColumnWidth(1, min(260, max(120, self.width() // 5)))
        self.tree.setColumnWidth(2, min(200, max(100, self.width() // 6)))
        self.count.setText(plural_fallback(self.tr("%n note(s)", "", len(notes)), len(notes)))

    def _activated(self, item: QTreeWidgetItem, _col: int = 0) -> None:
        n: Note = item.data(0, NOTE_ROLE)
        if n.recording_id is not None:
            self.play_requested.emit(n.recording_id, n.position_ms)

    def ask_export_path(self) -> Path | None:
        name, chosen = QFileDialog.getSaveFileName(self, self.tr("Export notes"), "notes.md", EXPORT_FILTER)
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in (".md", ".csv", ".vtt"):
            path = path.with_suffix("." + chosen.split("*.")[-1].rstrip(")"))
        return path

    def ask_import_path(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import notes"), "", "Notes (*.csv *.vtt)")
        return Path(name) if name else None

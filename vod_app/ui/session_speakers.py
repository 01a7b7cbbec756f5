"""The session page's Speakers list: who spoke, role and affiliation, each intervention with its
time, total speaking time. Click or Enter on an intervention (or a speaker: their first) plays it.

Plain text only: names and roles come from the catalog and are never read as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtGui import Qt as QtGuiNs  # convertFromPlainText lives in QtGui's Qt namespace
from PySide6.QtWidgets import QLabel, QTreeView, QVBoxLayout, QWidget

from vod_app.domain.records import RecordingRecord
from vod_app.domain.speakers import SpeakerEntry
from vod_app.ui.formatting import format_duration, language_name, plural_fallback

PlayRole = Qt.ItemDataRole.UserRole + 1  # (recording id, start ms)
MAX_ROWS = 6
SessionSpeakersLoader = Callable[[int], list[SpeakerEntry]]  # session id -> its catalogued speakers


class SessionSpeakers(QWidget):
    play_requested = Signal(int, object)  # recording id, start ms

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.model = QStandardItemModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("sessionSpeakers")
        self.view.setAccessibleName(self.tr("Speakers"))
        self.view.setHeaderHidden(True)
        self.view.setModel(self.model)
        self.view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.label.setBuddy(self.view)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.label)
        lay.addWidget(self.view)
        self.view.clicked.connect(self._play)
        self.view.activated.connect(self._play)
        self.view.expanded.connect(lambda _i: self._fit())
        self.view.collapsed.connect(lambda _i: self._fit())
        self._loader: SessionSpeakersLoader | None = None
        self.hide()

    def set_loader(self, loader: SessionSpeakersLoader) -> None:
        """Where a session's speakers come from (a small indexed read of the catalog)."""
        self._loader = loader

    def load(self, session_id: int, recordings: Sequence[RecordingRecord]) -> None:
        try:
            entries = self._loader(session_id) if self._loader is not None else []
        except Exception:  # noqa: BLE001 - the page shows without its speakers rather than not at all
            entries = []
        self.set_speakers(entries, recordings)

    def set_speakers(
        self, entries: Sequence[SpeakerEntry], recordings: Sequence[RecordingRecord] = ()
    ) -> None:
        self.model.clear()
        titles = {r.recording_id: r.title for r in recordings}
        several = len({s.recording_id for e in entries for s in e.spans}) > 1
        for e in entries:
            n = len(e.spans)
            summary = plural_fallback(self.tr("%n intervention(s), {total} in all", "", n), n).format(
                total=format_duration(e.total_ms)
            )
            parts = [e.name, e.details(), self.tr("sample speaker") if e.is_sample else "", summary]
            top = QStandardItem(" · ".join(p for p in parts if p))
            top.setToolTip(QtGuiNs.convertFromPlainText(top.text()))  # a tooltip is read as rich text when it looks like it
            if e.spans:
                top.setData((e.spans[0].recording_id, e.spans[0].start_ms), PlayRole)
            for s in e.spans:
                text = f"{format_duration(s.start_ms)} – {format_duration(s.end_ms)}"
                if several and titles.get(s.recording_id):
                    text += f" · {titles[s.recording_id]}"
                if s.language:
                    text += f" · {language_name(s.language)}"
                child = QStandardItem(text)
                child.setData((s.recording_id, s.start_ms), PlayRole)
                child.setToolTip(self.tr("Play from {time}").format(time=format_duration(s.start_ms)))
                top.appendRow(child)
            self.model.appendRow(top)
        self.setVisible(bool(entries))
        self.label.setText(
            plural_fallback(self.tr("Speakers (%n, from the catalog)", "", len(entries)), len(entries))
        )
        self._fit()

    def _fit(self) -> None:
        """As tall as the rows shown (expanded speakers' interventions too), up to MAX_ROWS, then it scrolls."""
        rows = 0
        for r in range(self.model.rowCount()):
            index = self.model.index(r, 0)
            rows += 1 + (self.model.rowCount(index) if self.view.isExpanded(index) else 0)
        row_h = self.view.sizeHintForRow(0) if self.model.rowCount() else 0
        row_h = row_h if row_h > 0 else self.view.fontMetrics().height() + 6
        frame = 2 * self.view.frameWidth()
        self.view.setFixedHeight(max(1, min(rows, MAX_ROWS)) * row_h + frame + 2)

    def _play(self, index: QModelIndex) -> None:
        target = index.data(PlayRole)
        if target is not None:
            self.play_requested.emit(int(target[0]), int(target[1]))

"""The Speakers tab of the player: who spoke, each intervention with its time, total speaking time.

Speakers come from the transcript's voice spans (consecutive cues of one voice are one
intervention), so the list needs no loading of its own and always agrees with the transcript.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QTreeView, QVBoxLayout, QWidget

from vod_app.domain.transcript import Intervention, TranscriptLine, voice_interventions
from vod_app.ui.formatting import format_duration, plural_fallback

StartRole = Qt.ItemDataRole.UserRole + 1
SpeakerRole = Qt.ItemDataRole.UserRole + 2


class SpeakersPane(QWidget):
    """A tree: speaker (total time) → interventions (start – end); click or Enter jumps there."""

    seek_requested = Signal(int)
    shade_requested = Signal(object)  # [(start_ms, end_ms)] of the chosen speaker (the seek bar shades them)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QStandardItemModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("speakersList")
        self.view.setAccessibleName(self.tr("Speakers"))
        self.view.setHeaderHidden(True)
        self.view.setModel(self.model)
        self.view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.empty = QLabel(self.tr("No speakers are known for this recording."), self)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        self.view.clicked.connect(self._jump)
        self.view.activated.connect(self._jump)
        self.interventions: list[Intervention] = []

    def set_lines(self, lines: Sequence[TranscriptLine]) -> None:
        self.interventions = voice_interventions(lines)
        self.model.clear()
        self.shade_requested.emit([])
        by_speaker: dict[str, list[Intervention]] = {}
        for iv in self.interventions:
            by_speaker.setdefault(iv.speaker, []).append(iv)
        for name, ivs in by_speaker.items():
            total = sum(iv.end_ms - iv.start_ms for iv in ivs)
            label = plural_fallback(self.tr("{name} — %n intervention(s), {total}", "", len(ivs)), len(ivs))
            top = QStandardItem(label.format(name=name, total=format_duration(total)))
            top.setData(ivs[0].start_ms, StartRole)
            top.setData(name, SpeakerRole)
            top.setToolTip(self.tr("Source: {source}").format(source=self.tr("voice tags in the captions")))
            for iv in ivs:
                child = QStandardItem(f"{format_duration(iv.start_ms)} – {format_duration(iv.end_ms)}")
                child.setData(iv.start_ms, StartRole)
                child.setData(name, SpeakerRole)
                top.appendRow(child)
            self.model.appendRow(top)
        self.empty.setVisible(not by_speaker)
        self.view.setVisible(bool(by_speaker))

    def speakers(self) -> list[str]:
        return [self.model.item(r).data(SpeakerRole) for r in range(self.model.rowCount())]

    def _jump(self, index: QModelIndex) -> None:
        name = index.data(SpeakerRole)
        if name:
            self.shade_requested.emit([(iv.start_ms, iv.end_ms) for iv in self.interventions if iv.speaker == name])
        start = index.data(StartRole)
        if start is not None:
            self.seek_requested.emit(int(start))

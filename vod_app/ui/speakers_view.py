"""The Speakers tab of the player: who spoke, each intervention with its time, total speaking time.

Two sources (domain/speakers.py): the catalog's interventions when the recording has any, else the
transcript's voice spans (consecutive cues of one voice are one intervention). The tab says which,
and the pane is what the player asks who is speaking now: by time from the catalog, else the
transcript's current voice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import shiboken6
from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtGui import Qt as QtGuiNs  # convertFromPlainText lives in QtGui's Qt namespace
from PySide6.QtWidgets import QLabel, QTreeView, QVBoxLayout, QWidget

from vod_app.domain.speakers import CATALOG, VOICE_TAGS, SpeakerEntry, SpeakerIndex
from vod_app.domain.transcript import Intervention, TranscriptLine, voice_interventions
from vod_app.ui.formatting import format_duration, plural_fallback

StartRole = Qt.ItemDataRole.UserRole + 1
SpeakerRole = Qt.ItemDataRole.UserRole + 2
SpeakersLoader = Callable[[int], list[SpeakerEntry]]  # recording id -> its catalogued speakers


class SpeakersPane(QWidget):
    """A tree: speaker (total time) → interventions (start – end); click or Enter jumps there."""

    seek_requested = Signal(int)
    shade_requested = Signal(object)  # [(start_ms, end_ms)] of the chosen speaker (the seek bar shades them)
    speaker_changed = Signal(str)  # who is speaking now ('' nobody known), from the source in use
    source_changed = Signal(str)  # where the speakers come from, said in words ('' none known)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QStandardItemModel(self)
        self.source_label = QLabel(self)
        self.source_label.setObjectName("speakersSource")
        self.source_label.setTextFormat(Qt.TextFormat.PlainText)
        self.source_label.setWordWrap(True)
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
        layout.addWidget(self.source_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        self.view.clicked.connect(self._jump)
        self.view.activated.connect(self._jump)
        self.interventions: list[Intervention] = []
        self.source = ""  # CATALOG, VOICE_TAGS or '' (none known)
        self._catalog: list[SpeakerEntry] = []
        self._voice: list[Intervention] = []
        self._index = SpeakerIndex([])
        self._now = ""
        self._last_ms = 0
        self._generation = 0
        self._submit: Callable[..., None] | None = None
        self._loader: SpeakersLoader | None = None
        self._show()

    # --- sources ---

    def set_loader(self, submit: Callable[..., None], loader: SpeakersLoader) -> None:
        """Where catalogued speakers come from, and how the read leaves the GUI thread (the task runner)."""
        self._submit, self._loader = submit, loader

    def open(self, recording_id: int) -> None:
        """A new recording: forget the last one's speakers and read this one's from the catalog."""
        self._generation += 1
        self._catalog, self._voice = [], []
        self._show()
        if self._submit is None or self._loader is None:
            return
        gen = self._generation
        self._submit(
            self._loader,
            on_done=lambda entries: self._got(gen, entries),
            on_error=lambda _exc: self._got(gen, []),
            recording_id=recording_id,
        )

    def _got(self, gen: int, entries: list[SpeakerEntry]) -> None:
        if gen == self._generation and shiboken6.isValid(self):
            self.set_catalog(entries)

    def set_catalog(self, entries: Sequence[SpeakerEntry]) -> None:
        """The recording's catalogued speakers (their spans in this recording only): they win over voice tags."""
        self._catalog = [e for e in entries if e.spans]
        self._show()

    def set_lines(self, lines: Sequence[TranscriptLine]) -> None:
        """The transcript's lines: their voice spans are the speakers where the catalog has none."""
        self._voice = voice_interventions(lines)
        if not self._catalog:
            self._show()

    def _show(self) -> None:
        self.model.clear()
        self.shade_requested.emit([])
        groups: list[tuple[str, str, list[Intervention]]] = []  # name, details, interventions
        if self._catalog:
            self.source = CATALOG
            for e in self._catalog:
                ivs = [Intervention(e.name, s.start_ms, s.end_ms, CATALOG) for s in e.spans]
                details = e.details() + (" · " + self.tr("sample speaker") if e.is_sample else "")
                groups.append((e.name, details.strip(" ·"), ivs))
            self.source_label.setText(self.tr("From the catalog"))
        else:
            by_voice: dict[str, list[Intervention]] = {}
            for iv in self._voice:
                by_voice.setdefault(iv.speaker, []).append(iv)
            groups = [(name, "", ivs) for name, ivs in by_voice.items()]
            self.source = VOICE_TAGS if groups else ""
            self.source_label.setText(self.tr("From caption voice tags") if groups else "")
        self.interventions = sorted(
            (iv for _n, _d, ivs in groups for iv in ivs), key=lambda iv: (iv.start_ms, iv.end_ms)
        )
        self._index = SpeakerIndex(self.interventions if self.source == CATALOG else [])
        for name, details, ivs in groups:
            total = sum(iv.end_ms - iv.start_ms for iv in ivs)
            label = plural_fallback(self.tr("{name} — %n intervention(s), {total}", "", len(ivs)), len(ivs))
            # Role and affiliation on a second line: the side pane is narrow.
            top = QStandardItem(
                label.format(name=name, total=format_duration(total)) + (f"\n{details}" if details else "")
            )
            top.setData(ivs[0].start_ms, StartRole)
            top.setData(name, SpeakerRole)
            top.setToolTip(QtGuiNs.convertFromPlainText(f"{top.text()}\n{self.source_label.text()}"))  # never markup
            for iv in ivs:
                child = QStandardItem(f"{format_duration(iv.start_ms)} – {format_duration(iv.end_ms)}")
                child.setData(iv.start_ms, StartRole)
                child.setData(name, SpeakerRole)
                top.appendRow(child)
            self.model.appendRow(top)
        self.empty.setVisible(not groups)
        self.view.setVisible(bool(groups))
        self.source_label.setVisible(bool(groups))
        self.view.setAccessibleDescription(self.source_label.text())
        self.source_changed.emit(self.source_label.text())
        if self.source == CATALOG:
            self.set_time(self._last_ms)

    # --- who is speaking now ---

    def set_time(self, ms: int) -> None:
        """Playback is at ``ms``: with catalogued speakers, who speaks then is known from their times."""
        self._last_ms = ms
        if self.source == CATALOG:
            self._say(self._index.speaker_at(ms))

    @Slot(str)
    def voice_speaker(self, name: str) -> None:
        """The transcript's current voice: who is speaking, unless the catalog says otherwise."""
        if self.source != CATALOG:
            self._say(name)

    def _say(self, name: str) -> None:
        if name != self._now:
            self._now = name
            self.speaker_changed.emit(name)

    def speakers(self) -> list[str]:
        return [self.model.item(r).data(SpeakerRole) for r in range(self.model.rowCount())]

    def _jump(self, index: QModelIndex) -> None:
        name = index.data(SpeakerRole)
        if name:
            self.shade_requested.emit(
                [(iv.start_ms, iv.end_ms) for iv in self.interventions if iv.speaker == name]
            )
        start = index.data(StartRole)
        if start is not None:
            self.seek_requested.emit(int(start))


def install_speakers(
    pane: SpeakersPane | None, submit: Callable[..., None], repo: Any, session_list: object = None
) -> None:
    """Give the player's pane (read on the task runner, ``submit``) and the session page's list
    (``SessionSpeakers``: a small indexed read) the catalog's speaker index. ``repo.catalog`` and the
    reading module (SQLAlchemy) are taken at the first read, never before the first paint (startup.py)."""

    def recording(*args: Any, **kwargs: Any) -> Any:
        from vod_app.catalog.speakers import recording_speakers

        return recording_speakers(repo.catalog, *args, **kwargs)

    def session(*args: Any, **kwargs: Any) -> Any:
        from vod_app.catalog.speakers import session_speakers

        return session_speakers(repo.catalog, *args, **kwargs)

    if pane is not None:  # the player's and the session page's are built apart (ui/pages.py)
        pane.set_loader(submit, recording)
    if session_list is not None:
        session_list.set_loader(session)  # type: ignore[attr-defined]

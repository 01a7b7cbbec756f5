"""The Transcript tab of the player: every cue with its time and speaker, following playback.

Following stops when the person scrolls or selects (they are reading), and "Follow playback" brings
it back. Cues are loaded on the task runner: the player never waits for a large transcript.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence

import shiboken6
from PySide6.QtCore import QItemSelectionModel, QModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vod_app.domain.records import PanelRange
from vod_app.domain.transcript import build_transcript, find_rows
from vod_app.ui.formatting import language_name
from vod_app.ui.transcript_model import StartRole, TranscriptModel

# (recording_id) -> languages with cues; (recording_id, language) -> (start, end, text, speaker) cues.
LanguagesLoader = Callable[[int], list[str]]
CuesLoader = Callable[[int, str], list[tuple[int, int, str, str]]]
Submit = Callable[..., None]  # TaskRunner.submit


class TranscriptList(QListView):
    """The list: Enter seeks (activated), Ctrl+C copies the selected lines with times and speakers."""

    copy_requested = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_requested.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class TranscriptPane(QWidget):
    seek_requested = Signal(int)
    following_changed = Signal(bool)
    loaded = Signal(str)  # the language shown (tests wait on it)
    current_changed = Signal(int)  # the current row
    lines_loaded = Signal(object)  # every line of the transcript (the Speakers tab lists their voices)
    speaker_changed = Signal(str)  # who is speaking now ('' unknown)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TranscriptModel(self)
        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Transcript language"))
        self.follow_button = QPushButton(self.tr("Follow playback"), self)
        self.follow_button.setToolTip(self.tr("Keep the line being spoken in view"))
        self.follow_button.hide()
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        lang_label = QLabel(self.tr("Language:"), self)
        lang_label.setBuddy(self.language)
        top.addWidget(lang_label)
        top.addWidget(self.language, 1)
        self.speaker_filter = QComboBox(self)
        self.speaker_filter.setAccessibleName(self.tr("Show the lines of"))
        self.speaker_filter.setToolTip(self.tr("Show the lines of one speaker"))
        self.speaker_filter.hide()
        top.addWidget(self.speaker_filter, 1)
        top.addWidget(self.follow_button)

        self.find_field = QLineEdit(self)
        self.find_field.setPlaceholderText(self.tr("Find in transcript (Ctrl+Shift+F)"))
        self.find_field.setAccessibleName(self.tr("Find in transcript"))
        self.find_field.setClearButtonEnabled(True)
        self.match_label = QLabel(self)
        self.match_label.setObjectName("transcriptMatches")
        self.prev_button = self._arrow("▲", self.tr("Previous match"), "Shift+F3")
        self.next_button = self._arrow("▼", self.tr("Next match"), "F3")
        find_row = QHBoxLayout()
        find_row.setContentsMargins(0, 0, 0, 0)
        for w in (self.find_field, self.match_label, self.prev_button, self.next_button):
            find_row.addWidget(w)
        find_row.setStretch(0, 1)

        self.view = TranscriptList(self)
        self.view.setObjectName("transcriptList")
        self.view.setAccessibleName(self.tr("Transcript"))
        self.view.setModel(self.model)
        # Uniform rows: a 20,000-row list lays out at once (wrapped rows would be measured one by one).
        self.view.setUniformItemSizes(True)
        # Per-pixel: scrolling by item makes every repaint after a scroll walk all rows in Python.
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.empty = QLabel(self.tr("This recording has no captions to show as a transcript."), self)
        self.empty.setWordWrap(True)
        self.empty.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(find_row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)

        self._submit: Submit | None = None
        self._languages_loader: LanguagesLoader | None = None
        self._cues_loader: CuesLoader | None = None
        self._recording_id: int | None = None
        self._ranges: Sequence[PanelRange] = ()
        self._panel_title: Callable[[int], str] = lambda _pid: ""
        self._generation = 0
        self._following = True
        self._programmatic = 0
        self._matches: list[int] = []
        self._match = -1
        self._last_ms = 0
        self._all_lines: list = []
        self._speaker = ""

        self.model.current_moved.connect(self._repaint_rows)
        self.view.clicked.connect(self._seek_to)
        self.view.activated.connect(self._seek_to)
        self.view.copy_requested.connect(self.copy_selection)
        self.view.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.view.selectionModel().selectionChanged.connect(self._on_selected)
        self.follow_button.clicked.connect(lambda: self.set_following(True))
        self.language.activated.connect(lambda i: self.load_language(self.language.itemData(i)))
        self.speaker_filter.activated.connect(lambda _i: self.filter_speaker(self.speaker_filter.currentData() or ""))
        self.find_field.textChanged.connect(self.find)
        self.find_field.returnPressed.connect(self.find_next)
        self.next_button.clicked.connect(self.find_next)
        self.prev_button.clicked.connect(self.find_previous)
        for keys, slot in (("Ctrl+Shift+F", self.focus_find), ("F3", self.find_next), ("Shift+F3", self.find_previous)):
            QShortcut(QKeySequence(keys), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut).activated.connect(slot)

    def _arrow(self, text: str, name: str, keys: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(f"{name} ({keys})")
        button.setAccessibleName(name)
        return button

    # --- loading ---

    def set_loaders(self, submit: Submit, languages: LanguagesLoader, cues: CuesLoader) -> None:
        """Where cues come from (the catalog) and how work leaves the GUI thread (the task runner)."""
        self._submit, self._languages_loader, self._cues_loader = submit, languages, cues

    def open(self, recording_id: int, ranges: Sequence[PanelRange], panel_title: Callable[[int], str], wanted: Sequence[str]) -> None:
        """Show ``recording_id``'s transcript in the first of ``wanted`` languages that has cues."""
        self._recording_id, self._ranges, self._panel_title = recording_id, ranges, panel_title
        self._generation += 1
        self.model.set_lines([])
        self._all_lines = []
        self._speaker = ""
        self.speaker_filter.hide()
        self.lines_loaded.emit([])
        self.speaker_changed.emit("")
        self.language.clear()
        self.set_following(True)
        if self._submit is None or self._languages_loader is None:
            return
        gen = self._generation
        self._submit(self._languages_loader, on_done=lambda langs: self._got_languages(gen, langs, wanted),
                     on_error=lambda exc: self._failed(gen, exc), recording_id=recording_id)

    def _current_job(self, gen: int) -> bool:
        """Only the load a result answers uses it, never once the pane is gone (window closed)."""
        return gen == self._generation and shiboken6.isValid(self) and shiboken6.isValid(self.model)

    def _got_languages(self, gen: int, langs: list[str], wanted: Sequence[str]) -> None:
        if not self._current_job(gen):
            return
        from vod_app.catalog.transcripts import choose_language

        self.language.clear()
        for lang in langs:
            self.language.addItem(language_name(lang), lang)
        self.language.setEnabled(len(langs) > 1)
        chosen = choose_language(langs, wanted)
        self.empty.setVisible(chosen is None)
        self.view.setVisible(chosen is not None)
        if chosen is not None:
            self.load_language(chosen)

    def load_language(self, lang: str | None) -> None:
        if not lang or self._recording_id is None or self._submit is None or self._cues_loader is None:
            return
        i = self.language.findData(lang)
        if i >= 0:
            self.language.setCurrentIndex(i)
        self._generation += 1
        gen = self._generation
        self._submit(self._cues_loader, on_done=lambda cues: self._got_cues(gen, lang, cues),
                     on_error=lambda exc: self._failed(gen, exc), recording_id=self._recording_id, language=lang)

    def _got_cues(self, gen: int, lang: str, cues: list[tuple[int, int, str, str]]) -> None:
        if not self._current_job(gen):
            return
        self.set_cues(cues)
        self.loaded.emit(lang)

    def set_cues(self, cues: list[tuple[int, int, str, str]]) -> None:
        """Show these cues (with the panel headings of the open recording)."""
        self._all_lines = build_transcript(cues, self._ranges, self._panel_title)
        names = list(dict.fromkeys(line.speaker for line in self._all_lines if line.speaker))
        self.speaker_filter.clear()
        self.speaker_filter.addItem(self.tr("All speakers"), "")
        for name in names:
            self.speaker_filter.addItem(name, name)
        self.speaker_filter.setVisible(bool(names))
        self.filter_speaker("")
        self.lines_loaded.emit(self._all_lines)

    def filter_speaker(self, name: str) -> None:
        """Show only ``name``'s lines (with the panel headings); '' shows everyone's."""
        i = self.speaker_filter.findData(name)
        if i >= 0:
            self.speaker_filter.setCurrentIndex(i)
        lines = self._all_lines if not name else [x for x in self._all_lines if x.is_heading or x.speaker == name]
        self.model.set_lines(lines)
        if self.view.isVisible():
            self.view.executeDelayedItemsLayout()  # lay out now, before anything scrolls the list
        self.find(self.find_field.text())
        self.set_time(self._last_ms)

    def _failed(self, gen: int, exc: BaseException) -> None:
        if not self._current_job(gen):
            return
        self.empty.setText(self.tr("The transcript could not be loaded: {error}").format(error=exc))
        self.empty.show()

    def current_language(self) -> str | None:
        return self.language.currentData()

    # --- following playback ---

    def set_time(self, ms: int) -> None:
        """Playback is at ``ms``: highlight its line and, while following, keep it in view."""
        self._last_ms = ms
        if not self.model.set_time(ms):
            return
        row = self.model.current_row()
        self.current_changed.emit(row)
        if row < 0:
            return
        line = self.model.line(row)
        if not line.is_heading and line.speaker != self._speaker and not self.speaker_filter.currentData():
            self._speaker = line.speaker
            self.speaker_changed.emit(line.speaker)
        text = self.model.line_text(line)
        self.view.setAccessibleDescription(text)
        if self.isVisible():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.view, text))
        if self._following:
            self._keep_in_view(row)

    def _repaint_rows(self, *rows: int) -> None:
        """Repaint the rows the highlight left and reached (arithmetic rects: rows are uniform)."""
        if not self.view.isVisible() or not self.model.rowCount():
            return  # painted when shown
        port = self.view.viewport()
        height = max(1, self.view.sizeHintForRow(0))
        top = self.view.verticalScrollBar().value()
        for row in rows:
            if row >= 0:
                port.update(QRect(0, row * height - top, port.width(), height))

    def _keep_in_view(self, row: int, force: bool = False) -> None:
        """Scroll ``row`` into the middle third. Rows are uniform, so this is arithmetic: QListView's
        scrollTo and visualRect walk every row (20,000 Python rowCount calls, ~20 ms)."""
        # A hidden list (another tab in front) is not scrolled: scrolling a QListView whose layout is
        # still pending after a reset crashed libvlc-playing test runs. showEvent catches up.
        if not self.view.isVisible() or row < 0:
            return
        bar = self.view.verticalScrollBar()
        height = max(1, self.view.sizeHintForRow(row))  # visualRect() walks every row too
        view_h = self.view.viewport().height()
        y = row * height
        top = bar.value()
        if not force and top + view_h // 3 <= y <= top + 2 * view_h // 3:
            return
        with self._ours():
            bar.setValue(max(0, y - view_h // 2 + height // 2))

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(event)
        if self._following:
            self._keep_in_view(self.model.current_row(), force=True)

    @contextlib.contextmanager
    def _ours(self) -> Iterator[None]:
        """Scrolling and selecting done here, not by the person: following goes on."""
        self._programmatic += 1
        try:
            yield
        finally:
            self._programmatic -= 1

    def is_following(self) -> bool:
        return self._following

    def set_following(self, on: bool) -> None:
        if on == self._following:
            return
        self._following = on
        self.follow_button.setVisible(not on)
        if on:
            with self._ours():
                self.view.clearSelection()
            row = self.model.current_row()
            if row >= 0:
                self._keep_in_view(row, force=True)
        self.following_changed.emit(on)

    def _on_scrolled(self, _value: int) -> None:
        if not self._programmatic and self.model.rowCount():
            self.set_following(False)

    def _on_selected(self, *_args: object) -> None:
        if not self._programmatic and self.view.selectionModel().hasSelection():
            self.set_following(False)

    def _seek_to(self, index: QModelIndex) -> None:
        if index.isValid():
            self.seek_requested.emit(int(index.data(StartRole)))

    # --- copy ---

    def selected_text(self) -> str:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedIndexes())
        return "\n".join(self.model.line_text(self.model.line(r)) for r in rows)

    def copy_selection(self) -> None:
        text = self.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    # --- find ---

    def focus_find(self) -> None:
        self.find_field.setFocus()
        self.find_field.selectAll()

    def find(self, query: str) -> None:
        self._matches = find_rows(self.model.lines(), query)
        self._match = -1
        if not query.strip():
            self.match_label.clear()
        elif not self._matches:
            self.match_label.setText(self.tr("No match"))
        else:
            self._go_to_match(0)
        for b in (self.prev_button, self.next_button):
            b.setEnabled(bool(self._matches))

    def find_next(self) -> None:
        if self._matches:
            self._go_to_match((self._match + 1) % len(self._matches))

    def find_previous(self) -> None:
        if self._matches:
            self._go_to_match((self._match - 1) % len(self._matches))

    def _go_to_match(self, i: int) -> None:
        self._match = i
        n = len(self._matches)
        self.match_label.setText(self.tr("{i} of %n", "", n).format(i=i + 1))
        index = self.model.index(self._matches[i])
        self.set_following(False)  # the person is reading the match, not the playing line
        with self._ours():
            self.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._keep_in_view(self._matches[i], force=True)

    def match_count(self) -> int:
        return len(self._matches)


def install_transcript(pane: TranscriptPane, submit: Submit, catalog: object) -> None:
    """Give the pane the catalog's transcript functions, run on the task runner (``submit``)."""
    from functools import partial

    from vod_app.catalog.transcripts import transcript_cues, transcript_languages

    pane.set_loaders(submit, partial(transcript_languages, catalog), partial(transcript_cues, catalog))

"""A session: title, date, event, available languages, panels in order, recordings, moments."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from vod_app.domain.records import SessionDetail
from vod_app.ui.formatting import format_duration, format_long_date, language_name, sorted_languages
from vod_app.ui.labels import fit_to_rows, heading
from vod_app.ui.session_speakers import SessionSpeakers

MAX_RECORDING_ROWS = 5


class SessionPage(QWidget):
    play_requested = Signal(int, object)  # recording id, start ms or None
    language_changed = Signal(str)
    edit_requested = Signal(int)  # session id (folder sessions only)
    remove_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: SessionDetail | None = None
        self.title = heading(self, 1.4, "sessionTitle")
        self.meta = QLabel(self)
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.meta.setWordWrap(True)
        # Where the fields came from (info.json, nfo, feed, …): docs/sources.md.
        self.sources = QLabel(self)
        self.sources.setObjectName("sessionSources")
        self.sources.setTextFormat(Qt.TextFormat.PlainText)
        self.sources.setWordWrap(True)
        self.sources.hide()
        self.languages = QLabel(self)
        self.languages.setTextFormat(Qt.TextFormat.PlainText)
        self.language_switch = QComboBox(self)
        self.language_switch.setAccessibleName(self.tr("Description language"))
        self.language_switch.activated.connect(lambda i: self.language_changed.emit(self.language_switch.itemData(i)))
        lang_row = QHBoxLayout()
        lang_row.addWidget(self.languages, 1)
        lang_row.addWidget(QLabel(self.tr("Show descriptions in:"), self))
        lang_row.addWidget(self.language_switch)

        self.recordings = QListWidget(self)
        self.recordings.setAccessibleName(self.tr("Recordings"))
        self.recordings.itemActivated.connect(self._play_item)
        self.recordings.currentRowChanged.connect(lambda _r: self._update_resume())
        self.play_button = QPushButton(self.tr("Play"), self)
        self.play_button.clicked.connect(self._play_current)
        self.resume_button = QPushButton(self)
        self.resume_button.clicked.connect(self._resume_current)
        rec_row = QHBoxLayout()
        rec_row.addWidget(self.recordings, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.play_button)
        buttons.addWidget(self.resume_button)
        buttons.addStretch(1)
        rec_row.addLayout(buttons)

        self.moments_label = QLabel(self.tr("Matching moments in the captions"), self)
        self.moments = QListWidget(self)
        self.moments.setAccessibleName(self.tr("Matching moments"))
        self.moments.setMaximumHeight(120)
        self.moments.itemActivated.connect(self._play_moment)
        self.moments_label.hide()
        self.moments.hide()

        # Who spoke and when (the catalog's speaker index); hidden when the catalog names nobody.
        self.speakers = SessionSpeakers(self)
        self.speakers.play_requested.connect(self.play_requested)

        self.body = QTextBrowser(self)
        self.body.setObjectName("sessionPanels")
        self.body.setOpenLinks(False)
        self.body.setOpenExternalLinks(False)
        self.body.setAccessibleName(self.tr("Panels"))
        self.body.anchorClicked.connect(self._play_link)

        # Folder sessions only: a catalog file is curated elsewhere and its next import would undo an edit.
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setObjectName("editSession")
        self.edit_button.setToolTip(self.tr("Change the title, date or event; a rescan of the folder keeps them"))
        self.edit_button.clicked.connect(lambda: self.detail and self.edit_requested.emit(self.detail.session_id))
        self.remove_button = QPushButton(self.tr("Remove from catalog"), self)
        self.remove_button.setObjectName("removeSession")
        self.remove_button.setToolTip(self.tr("Remove this session from the catalog; the files stay where they are (Ctrl+Z undoes it)"))
        self.remove_button.clicked.connect(lambda: self.detail and self.remove_requested.emit(self.detail.session_id))
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.edit_button)
        top.addWidget(self.remove_button)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.meta)
        lay.addWidget(self.sources)
        lay.addLayout(lang_row)
        lay.addLayout(rec_row)
        lay.addWidget(self.moments_label)
        lay.addWidget(self.moments)
        lay.addWidget(self.speakers)
        lay.addWidget(self.body, 1)
        self._positions: dict[str, int] = {}

    def _source_names(self) -> tuple[dict[str, str], dict[str, str]]:
        fields = {
            "title": self.tr("title"), "description": self.tr("description"), "date": self.tr("date"),
            "event": self.tr("event"), "chapters": self.tr("chapters"), "duration": self.tr("duration"),
        }
        sources = {
            "catalog": self.tr("catalog"), "info.json": self.tr("yt-dlp info.json"), "nfo": self.tr("Kodi .nfo"),
            "feed": self.tr("feed"), "container": self.tr("the recording"), "file name": self.tr("file name"),
            "file time": self.tr("file time"), "chapters file": self.tr("chapters file"), "description": self.tr("description"),
            "edit": self.tr("your edit"),
        }
        return fields, sources

    def _show_sources(self, detail: SessionDetail) -> None:
        """One "Sources" line (with tags and the page it was published on in its tooltip)."""
        fields, names = self._source_names()
        grouped: dict[str, list[str]] = {}  # source -> its fields, in the order given
        for key, source in detail.sources:
            if key in fields:
                grouped.setdefault(names.get(source, source), []).append(fields[key])
        self.sources.setVisible(bool(grouped))
        if not grouped:
            self.sources.setToolTip("")
            return
        text = self.tr("Sources: {list}").format(list="; ".join(f"{src} ({', '.join(fs)})" for src, fs in grouped.items()))
        if detail.tags:
            text += "\n" + self.tr("Tags: {tags}").format(tags=", ".join(detail.tags))
        self.sources.setText(text)
        tip = [self.tr("Where each field came from (see docs/sources.md)")]
        if detail.web_url:
            tip.append(self.tr("Published at {url}").format(url=detail.web_url))
        from PySide6.QtGui import Qt as QtGui  # convertFromPlainText lives in QtGui's Qt namespace

        self.sources.setToolTip(QtGui.convertFromPlainText("\n".join(tip)))

    def show_detail(self, detail: SessionDetail, positions: dict[str, int]) -> None:
        self.detail = detail
        self._positions = positions
        self.title.setText(detail.title)
        from_folder = detail.uid.startswith("folder-")  # Add folder's session ids (catalog/folder.py)
        self.edit_button.setVisible(from_folder)
        self.remove_button.setVisible(from_folder)
        meta = [format_long_date(detail.date), detail.event_title, detail.place or ""]
        if detail.is_sample:
            meta.append(self.tr("Sample content"))
        self.meta.setText(" · ".join(m for m in meta if m))
        self._show_sources(detail)
        self.languages.setText(self.tr("Available languages: {langs}").format(langs=", ".join(language_name(lang) for lang in sorted_languages(detail.languages))))
        self.language_switch.clear()
        for lang in sorted_languages(detail.text_languages):
            self.language_switch.addItem(language_name(lang), lang)
        i = self.language_switch.findData(detail.lang)
        self.language_switch.setCurrentIndex(max(i, 0))
        self.language_switch.setEnabled(len(detail.text_languages) > 1)

        self.recordings.clear()
        for r in detail.recordings:
            label = r.title or self.tr("Recording")
            langs = ", ".join(language_name(a.language) for a in r.audio_tracks if a.language)
            text = f"{label} · {format_duration(r.duration_ms)}" + (f" · {self.tr('Audio')}: {langs}" if langs else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, r.recording_id)
            self.recordings.addItem(item)
        if self.recordings.count():
            self.recordings.setCurrentRow(0)
        fit_to_rows(self.recordings, MAX_RECORDING_ROWS)
        self._update_resume()

        parts = []
        if detail.description:
            parts.append(f"<p>{_para(detail.description)}</p>")
        for p in detail.panels:
            parts.append(f"<h3>{html.escape(p.title)}</h3>")
            start = _panel_start(detail, p.panel_id)
            if start is not None:
                rid, ms = start
                label = html.escape(self.tr("▶ Play from {time}").format(time=format_duration(ms)))
                parts.append(f"<p><a href='play:{rid}:{ms}'>{label}</a></p>")
            parts.append(f"<p>{_para(p.description)}</p>")
            if p.speakers:
                parts.append(f"<p><i>{html.escape(', '.join(p.speakers))}</i></p>")
        # Escaped text only: nothing from the catalog can add markup, links or images (the only links
        # are the play:RECORDING:MS ones written here).
        self.body.setHtml("".join(parts))
        self.speakers.load(detail.session_id, detail.recordings)
        self.show_moments([])

    def show_moments(self, moments: list[tuple[int, int, str, str]]) -> None:
        self.moments.clear()
        for rid, start, lang, snippet in moments:
            plain = snippet.replace("<b>", "").replace("</b>", "")
            plain = html.unescape(plain)
            item = QListWidgetItem(f"{format_duration(start)}  [{lang}]  {plain}")
            item.setData(Qt.ItemDataRole.UserRole, (rid, start))
            self.moments.addItem(item)
        self.moments.setVisible(bool(moments))
        self.moments_label.setVisible(bool(moments))

    def _update_resume(self) -> None:
        rec = self._current_recording()
        pos = self._positions.get(rec.uid, 0) if rec else 0
        self.resume_button.setVisible(pos > 0)
        self.resume_button.setText(self.tr("Resume at {time}").format(time=format_duration(pos)))

    def _current_recording(self):  # noqa: ANN202
        if self.detail is None:
            return None
        row = self.recordings.currentRow()
        return self.detail.recordings[row] if 0 <= row < len(self.detail.recordings) else None

    def _play_item(self, item: QListWidgetItem) -> None:
        self.play_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)), 0)

    def _play_current(self) -> None:
        rec = self._current_recording()
        if rec is not None:
            self.play_requested.emit(rec.recording_id, 0)

    def _resume_current(self) -> None:
        rec = self._current_recording()
        if rec is not None:
            self.play_requested.emit(rec.recording_id, self._positions.get(rec.uid, 0))

    def _play_link(self, url: QUrl) -> None:
        """A panel's "Play from" link: play:RECORDING_ID:START_MS."""
        kind, _, rest = url.toString().partition(":")
        rid, _, ms = rest.partition(":")
        if kind == "play" and rid.isdigit() and ms.isdigit():
            self.play_requested.emit(int(rid), int(ms))

    def _play_moment(self, item: QListWidgetItem) -> None:
        rid, start = item.data(Qt.ItemDataRole.UserRole)
        self.play_requested.emit(int(rid), int(start))


def _panel_start(detail: SessionDetail, panel_id: int) -> tuple[int, int] | None:
    """(recording id, start ms) of the first recording that covers the panel, if any says so."""
    for rec in detail.recordings:
        for r in rec.panel_ranges:
            if r.panel_id == panel_id:
                return rec.recording_id, r.start_ms
    return None


def _para(text: str) -> str:
    return html.escape(text).replace("\n", "<br/>")

"""The player: video, seek bar with chapters, and the description pane that follows playback."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QListWidgetItem, QWidget

from vod_app.domain.records import LocalizedPanel, PlayItem
from vod_app.domain.texts import pick_text
from vod_app.domain.timeline import Timeline, chapter_title
from vod_app.playback.player import Player
from vod_app.ui.first_frame import AfterFirstFrame
from vod_app.ui.formatting import format_duration, language_name, sorted_languages
from vod_app.ui.icons import themed_icon
from vod_app.ui.player_tracks import TrackChoices
from vod_app.ui.player_view import PlayerView
from vod_app.ui.preferences import Preferences

SAVE_INTERVAL_MS = 5_000
RESUME_MIN_MS = 5_000


class PlayerPage(TrackChoices, PlayerView):
    """Plays one recording. Talks to playback only through the Player protocol (libvlc in production)."""

    back_requested = Signal()
    fullscreen_requested = Signal()
    position_saved = Signal(str, int)  # recording uid, ms (tests and the browse page listen)
    panel_changed = Signal(object)  # panel id or None

    def __init__(
        self,
        controller: Player,
        prefs: Preferences,
        save_position: Callable[[str, int, int | None], None],
        relocate: Callable[[str, str], PlayItem | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller, self.prefs, self._save_position, self._relocate = controller, prefs, save_position, relocate
        self.item: PlayItem | None = None
        self.timeline = Timeline.build([], [])
        self._panels: dict[int, LocalizedPanel] = {}
        self._chapter_index = -2
        self._last_ms = 0
        self._resume_ms = 0
        self._bound_video = False
        self._init_track_choices()

        c = controller
        c.position_changed.connect(self._on_position)
        c.length_changed.connect(self._on_length)
        c.state_changed.connect(self._on_state)
        c.tracks_changed.connect(self._refresh_tracks)
        c.tracks_changed.connect(self._rebuild_captions)
        c.error_occurred.connect(self._on_error)
        self.seek_bar.seek_requested.connect(self.seek)
        self.chapter_list.itemActivated.connect(self._on_chapter_activated)
        self.chapter_list.itemClicked.connect(self._on_chapter_activated)
        self.back_button.clicked.connect(self.back_requested)
        self.audio.activated.connect(self.choose_audio)
        self.captions.activated.connect(self.choose_captions)
        self.description_language.activated.connect(self.choose_description_language)
        self.speed.activated.connect(lambda i: self.set_rate(self.speed.itemData(i)))
        self.volume.valueChanged.connect(self._on_volume_slider)
        self.locate_button.clicked.connect(self.locate)
        self.retry_button.clicked.connect(self.reload)
        self.resume_button.clicked.connect(self._resume)
        self.restart_button.clicked.connect(self.resume_box.hide)
        self.volume.setValue(prefs.volume)
        self.transcript.seek_requested.connect(self.seek)
        self.transcript.lines_loaded.connect(self.speakers.set_lines)
        self.transcript.speaker_changed.connect(self._on_speaker)
        self.speakers.seek_requested.connect(self.seek)
        self.speakers.shade_requested.connect(self.seek_bar.set_shaded)

        self._after_frame = AfterFirstFrame(c.first_frame, self)
        self.after_first_frame = self._after_frame.add  # work that can wait for the first frame

        self._save_timer = QTimer(self)
        self._save_timer.setInterval(SAVE_INTERVAL_MS)
        self._save_timer.timeout.connect(self.save_position)

        if not controller.is_available():
            self._show_message(controller.unavailable_reason(), locate=False, retry=False)

    # --- opening ---

    def play(self, item: PlayItem, start_ms: int | None = None, captions_language: str | None = None) -> None:
        """Open ``item``; with no explicit start, offer to resume where it stopped.

        captions_language: show captions in that language (a caption hit: the matched line is on
        screen), else in the viewer's preferred caption language if any.
        """
        self.save_position()
        self.item = item
        rec = item.recording
        self._panels = {p.panel_id: p for p in item.panels}
        self.timeline = Timeline.build(rec.chapters, rec.panel_ranges)
        self._last_ms = start_ms or 0
        self._after_frame.begin()
        self.resume_box.hide()
        self.message_box.hide()  # before open(): an error it reports at once stays on screen
        available = self.controller.is_available()
        if available:
            # libvlc first: it opens the file on its threads while the page fills (bench "open")
            self._bind_video()
            self.controller.open(rec.source, start_ms=start_ms or 0, preferred_audio_language=self.prefs.audio_language)
            self.controller.set_volume(self.prefs.volume)
            self.controller.set_muted(self.prefs.muted)
        self.title.setText(item.session_title + (f" — {rec.title}" if rec.title else ""))
        self._fill_chapters()
        self._fill_description_languages()
        has_panel_texts = any(d.strip() for p in item.panels for _t, d in p.texts.values())
        self.description.set_intro(item.session_texts, item.session_title, has_panel_texts)
        self.description.show_panel(None, announce=False)
        self._chapter_index = -2
        self.seek_bar.set_length(rec.duration_ms or 0)
        self._update_for_time(start_ms or 0)
        if not available:
            self._show_message(self.controller.unavailable_reason(), locate=False, retry=False)
            return
        self._resume_ms = item.position_ms if start_ms is None and item.position_ms >= RESUME_MIN_MS else 0
        if self._resume_ms:
            panel = self._panel_title_at(self._resume_ms)
            where = format_duration(self._resume_ms) + (f" ({panel})" if panel else "")
            self.resume_label.setText(self.tr("Continue where you stopped, at {where}?").format(where=where))
            self.resume_box.show()
        self._save_timer.start()
        self._fill_captions(captions_language)
        self.after_first_frame(lambda: self._open_transcript(captions_language))  # a catalog read
        self._after_frame.armed()

    def reload(self) -> None:
        if self.item is not None:
            self.play(self.item, start_ms=self._last_ms)

    def _bind_video(self) -> None:
        if self._bound_video:
            return
        platform = QGuiApplication.platformName()
        if platform in ("xcb", "windows", "cocoa"):
            self.controller.set_video_window(int(self.video.winId()), platform)
        self._bound_video = True

    def _resume(self) -> None:
        self.resume_box.hide()
        self.seek(self._resume_ms)

    # --- transport ---

    @Slot(int)
    def seek(self, ms: int) -> None:
        ms = max(0, int(ms))
        self.controller.seek(ms)
        self._update_for_time(ms)

    def seek_relative(self, delta_ms: int) -> None:
        self.seek(self._last_ms + delta_ms)
        sign = "+" if delta_ms >= 0 else "−"
        n = abs(delta_ms)
        step = self.tr("{n} min").format(n=n // 60_000) if n >= 60_000 else self.tr("{n} s").format(n=n // 1000)
        self.osd.flash(f"{sign}{step}  {self.time_label.text()}")

    def toggle_play(self) -> None:
        self.controller.toggle_pause()

    def next_chapter(self) -> None:
        target = self.timeline.next_chapter_start(self._last_ms)
        if target is not None:
            self.seek(target)

    def previous_chapter(self) -> None:
        target = self.timeline.previous_chapter_start(self._last_ms)
        if target is not None:
            self.seek(target)

    def set_rate(self, rate: float) -> None:
        rate = self.controller.set_rate(float(rate))
        i = self.speed.findData(rate)
        if i >= 0:
            self.speed.setCurrentIndex(i)
        self.osd.flash(self.tr("Speed {rate}×").format(rate=f"{rate:g}"))

    def change_speed(self, direction: int) -> None:
        i = min(max(self.speed.currentIndex() + direction, 0), self.speed.count() - 1)
        self.speed.setCurrentIndex(i)
        self.set_rate(self.speed.itemData(i))

    def change_volume(self, delta: int) -> None:
        self.volume.setValue(self.volume.value() + delta)
        self._flash_volume()

    def toggle_mute(self) -> None:
        self.prefs.muted = not self.controller.is_muted()
        self.controller.set_muted(self.prefs.muted)
        self.prefs.save("muted", "1" if self.prefs.muted else "0")
        self._flash_volume()

    def _flash_volume(self) -> None:
        if self.controller.is_muted():
            self.osd.flash(self.tr("Muted"))
        else:
            self.osd.flash(self.tr("Volume {percent}%").format(percent=self.volume.value()))

    def _on_volume_slider(self, value: int) -> None:
        self.controller.set_volume(value)
        self.prefs.volume = value
        self.prefs.save_later("volume", str(value))

    def stop(self) -> None:
        self.save_position()
        self._save_timer.stop()
        self.controller.stop()

    def save_position(self) -> None:
        if self.item is None or self.controller.state() in ("idle", "error", "opening"):
            return
        ms = self.controller.time_ms()
        if ms <= 0:
            return
        length = self.controller.length_ms() or self.item.recording.duration_ms
        self._save_position(self.item.recording.uid, ms, length)
        self.position_saved.emit(self.item.recording.uid, ms)

    # --- following playback ---

    @Slot("qint64")
    def _on_position(self, ms: int) -> None:
        self._update_for_time(int(ms))

    def _update_for_time(self, ms: int) -> None:
        self._last_ms = ms
        self.seek_bar.set_position(ms)
        length = self.seek_bar.maximum()
        self.time_label.setText(f"{format_duration(ms)} / {format_duration(length)}")
        index = self.timeline.chapter_index_at(ms)
        if index != self._chapter_index:
            self._chapter_index = index
            self.chapter_list.setCurrentRow(index)
            for i in range(self.chapter_list.count()):
                item = self.chapter_list.item(i)
                f = item.font()
                f.setBold(i == index)
                item.setFont(f)
        self.transcript.set_time(ms)
        panel_id = self.timeline.panel_at(ms)
        if panel_id != self.description.current_panel_id():
            self.description.show_panel(self._panels.get(panel_id) if panel_id is not None else None)
            self.panel_changed.emit(panel_id)

    @Slot("qint64")
    def _on_length(self, ms: int) -> None:
        if ms > 0:
            self.seek_bar.set_length(int(ms))
            self._update_for_time(self._last_ms)

    @Slot(str)
    def _on_state(self, state: str) -> None:
        playing = state in ("playing", "opening", "buffering")
        # The button shows what a click does; with an action (the window's), the action carries it.
        target = self.play_button.defaultAction() or self.play_button
        target.setIcon(themed_icon("media-playback-pause" if playing else "media-playback-start"))
        self.play_button.setToolTip(self.tr("Pause") if playing else self.tr("Play"))
        if state == "playing":
            self.message_box.hide()
        if state in ("paused", "stopped", "ended"):
            self.save_position()

    @Slot(str)
    def _on_error(self, message: str) -> None:
        missing = self.item is not None and self._is_local_missing(self.item.recording.source)
        self._show_message(message, locate=self.item is not None and not self._is_url(self.item.recording.source), retry=not missing)

    @staticmethod
    def _is_url(source: str) -> bool:
        return source.startswith(("http://", "https://"))

    def _is_local_missing(self, source: str) -> bool:
        return not self._is_url(source) and not os.path.exists(source)

    def _show_message(self, text: str, *, locate: bool, retry: bool) -> None:
        self.message.setText(text)
        self.locate_button.setVisible(locate)
        self.retry_button.setVisible(retry)
        self.message_box.show()

    def locate(self) -> None:
        if self.item is None:
            return
        old = self.item.recording.source
        start = str(Path(old).parent) if Path(old).parent.exists() else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Locate {name}").format(name=Path(old).name), start)
        if path:
            self.relocate_to(path)

    def relocate_to(self, path: str) -> None:
        """Remember where the file is now and play it from there."""
        if self.item is None:
            return
        item = self._relocate(self.item.recording.uid, path)
        if item is not None:
            self.play(item, start_ms=self._last_ms or None)

    # --- chapters, languages, tracks ---

    def _chapter_titles(self) -> list[str]:
        """Each chapter's title in the description language: its own, else its panel's, else the
        default one."""
        lang = self.prefs.description_language
        titles = []
        for ch in self.timeline.chapters:
            title = chapter_title(ch, lang)
            if title is None and ch.panel_id is not None and ch.panel_id in self._panels:
                title = pick_text(self._panels[ch.panel_id].texts, (lang,))[1]
            titles.append(title or ch.title)
        return titles

    def _fill_chapters(self) -> None:
        self.chapter_list.clear()
        titles = self._chapter_titles()
        for ch, title in zip(self.timeline.chapters, titles, strict=True):
            item = QListWidgetItem(f"{format_duration(ch.start_ms)}  {title}")
            item.setData(Qt.ItemDataRole.UserRole, ch.start_ms)
            item.setToolTip(self.tr("Source: {source}").format(source=ch.source))
            self.chapter_list.addItem(item)
        self.seek_bar.set_chapters(self.timeline.chapters, titles)

    def _on_chapter_activated(self, item: QListWidgetItem) -> None:
        self.seek(int(item.data(Qt.ItemDataRole.UserRole)))

    def _fill_description_languages(self) -> None:
        langs: set[str] = set()
        for p in self._panels.values():
            langs |= set(p.texts)
        self.description_language.clear()
        for lang in sorted_languages(langs):
            self.description_language.addItem(language_name(lang), lang)
        self.description_language.setEnabled(len(langs) > 1)
        want = self.prefs.description_language
        i = self.description_language.findData(want)
        if i < 0:
            i = self.description_language.findData(want.split("-")[0])
        if i >= 0:
            self.description_language.setCurrentIndex(i)
        self.description.set_language(self.description_language.currentData() or want)

    def choose_description_language(self, index: int) -> None:
        lang = self.description_language.itemData(index)
        if lang:
            self.set_description_language(lang)

    def set_description_language(self, lang: str) -> None:
        self.prefs.description_language = lang
        self.prefs.save("description_language", lang)
        i = self.description_language.findData(lang)
        if i >= 0:
            self.description_language.setCurrentIndex(i)
        self.description.set_language(lang)
        self._fill_chapters()
        self._chapter_index = -2
        self._update_for_time(self._last_ms)

    def _open_transcript(self, captions_language: str | None) -> None:
        """The transcript's language: the captions' (shown or preferred), else the interface's."""
        if self.item is None:
            return
        wanted = [captions_language or "", self.prefs.captions_language, self.prefs.ui_language, self.prefs.description_language]
        rec = self.item.recording
        self.transcript.open(rec.recording_id, rec.panel_ranges, self._panel_title, wanted)

    @Slot(str)
    def _on_speaker(self, name: str) -> None:
        """Who is speaking now, under the description, and said to screen readers."""
        self.speaker_now = name  # also what a bookmark taken now records
        self.speaking_now.setVisible(bool(name))
        if not name:
            self.speaking_now.clear()
            return
        self.speaking_now.setText(self.tr("Speaking: {name}").format(name=name))
        self.speaking_now.setAccessibleDescription(self.speaking_now.text())
        if self.isVisible():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.speaking_now, self.speaking_now.text()))

    def _panel_title(self, panel_id: int) -> str:
        panel = self._panels.get(panel_id)
        return pick_text(panel.texts, (self.prefs.description_language,))[1] if panel is not None else ""

    def _panel_title_at(self, ms: int) -> str:
        pid = self.timeline.panel_at(ms)
        if pid is None or pid not in self._panels:
            return ""
        return pick_text(self._panels[pid].texts, (self.prefs.description_language,))[1]

"""The player: video, seek bar with chapters, and the description pane that follows playback."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from vod_app.domain.records import LocalizedPanel, PlayItem
from vod_app.domain.texts import pick_text
from vod_app.domain.timeline import Timeline
from vod_app.playback.player import Player
from vod_app.ui.first_frame import AfterFirstFrame
from vod_app.ui.formatting import format_duration
from vod_app.ui.icons import themed_icon
from vod_app.ui.network_playback import NetworkPlayback
from vod_app.ui.player_chapters import PlayerChapters
from vod_app.ui.player_tracks import TrackChoices
from vod_app.ui.player_view import PlayerView
from vod_app.ui.preferences import Preferences

SAVE_INTERVAL_MS = 5_000
RESUME_MIN_MS = 5_000


class PlayerPage(TrackChoices, PlayerChapters, PlayerView):
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
        self._early: tuple[str, int] | None = None  # start()ed ahead of play(): (source, start)
        self._early_error = ""
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
        self.transcript.speaker_changed.connect(self.speakers.voice_speaker)  # used where the catalog has none
        self.speakers.speaker_changed.connect(self._on_speaker)
        self.speakers.source_changed.connect(self.speaking_now.setToolTip)  # "From the catalog" / voice tags
        self.speakers.seek_requested.connect(self.seek)
        self.speakers.shade_requested.connect(self.seek_bar.set_shaded)

        self.network = NetworkPlayback(self)  # buffering, server failures, retries (ui/network_playback.py)
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
        rec = item.recording
        early, self._early = self._early == (rec.source, start_ms or 0), None
        if not early:
            self._early_error = ""
            self.save_position()
            self._prepare_open()
        self.item = item
        self._panels = {p.panel_id: p for p in item.panels}
        self.timeline = Timeline.build(rec.chapters, rec.panel_ranges)
        self._last_ms = start_ms or 0
        available = self.controller.is_available()
        if available and not early:
            self._open_media(rec.source, start_ms)
        error, self._early_error = self._early_error, ""
        if error:  # open() refused it at once, before the item was here
            self._on_error(error)
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
        self.speakers.open(rec.recording_id)  # forgets the last recording's speakers now, reads on a worker
        self.after_first_frame(lambda: self._open_transcript(captions_language))  # a catalog read
        self._after_frame.armed()

    def start(self, source: str, start_ms: int | None = None) -> None:
        """Open ``source`` ahead of :meth:`play` (with the same source and start): the window starts
        libvlc before it reads the whole play item (bench "open": request -> first frame)."""
        self.save_position()
        self._prepare_open()
        if self.controller.is_available():
            self._early = (source, start_ms or 0)
            self._open_media(source, start_ms)

    def abandon_start(self) -> None:
        """start() was not followed by play() (the item could not be read)."""
        self._early, self._early_error = None, ""
        self._save_timer.stop()
        self.controller.stop()

    def _prepare_open(self) -> None:
        self._after_frame.begin()
        self.resume_box.hide()
        self.message_box.hide()  # before open(): an error it reports at once stays on screen

    def _open_media(self, source: str, start_ms: int | None) -> None:
        # libvlc first: it opens the file on its threads while the page fills
        self._bind_video()
        self.controller.open(source, start_ms=start_ms or 0, preferred_audio_language=self.prefs.audio_language)
        self.controller.set_volume(self.prefs.volume)
        self.controller.set_muted(self.prefs.muted)

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
        self.speakers.set_time(ms)
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
        if self._early is not None:  # opened ahead of play(): shown once the item is here
            self._early_error = message
            return
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

    # --- transcript, speakers ---

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

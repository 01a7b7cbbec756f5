"""VlcPlayerCore: the libvlc side of `PlayerController` that the UI never calls.

It owns the libvlc handles (vlc_handles.py), creates and replaces MediaPlayers, waits for a retired
player to release the video window, and turns libvlc's events (queued to the GUI thread) and the
position poll into the `Player` signals. Commands live in controller.py.
"""

from __future__ import annotations

import time
import weakref
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from vod_app.playback.chapters import ChapterMark, normalise_chapters
from vod_app.playback.media_file import container_problem, describe_problem, local_file_problem
from vod_app.playback.track_selection import TrackSelection
from vod_app.playback.vlc_handles import EventBridge, Handles, attach_events, bind_window, read_chapters_aside
from vod_app.playback.vlc_runtime import load_vlc, make_instance, make_player, vlc_unavailable_reason

POLL_INTERVAL_MS = 50
#: While a retired player still holds the video window, the next one waits (checked every 10 ms)
#: at most this long before starting anyway (libvlc would then open its own window).
WINDOW_WAIT_MS, WINDOW_WAIT_MAX_S = 10, 8.0
#: A network input that ends this much before its length was cut off, not finished.
NETWORK_EARLY_END_MS = 3_000


class VlcPlayerCore(QObject):
    """The libvlc player's life and what libvlc reports: handles, players, events, polling.

    `PlayerController` adds the commands on top (open, transport, audio, tracks). Every slot here
    runs on the GUI thread, reached through the EventBridge's queued signals.
    """

    state_changed = Signal(str)
    position_changed = Signal("qint64")
    length_changed = Signal("qint64")
    tracks_changed = Signal()
    chapters_changed = Signal()
    first_frame = Signal()
    error_occurred = Signal(str)
    buffering_changed = Signal(int)  # percent of a network input's cache filled (100: done)

    def __init__(self, headless: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headless = headless
        self._handles = Handles()
        self._reason = ""
        self._state = "idle"
        self._source: str | None = None
        self._path: str | None = None
        self._volume = 100
        self._muted = False
        self._rate = 1.0
        self._window: tuple[int, str] | None = None  # (win id, platform) given to every player
        self._deferred_start = False  # play() waits until the old player let go of the window
        self._deferred_deadline = 0.0
        self._reset_media_state()

        self._bridge = EventBridge(self)
        queued = Qt.ConnectionType.QueuedConnection
        self._bridge.opening.connect(self._on_opening, queued)
        self._bridge.buffering.connect(self._on_buffering, queued)
        self._bridge.playing.connect(self._on_playing, queued)
        self._bridge.paused.connect(self._on_paused, queued)
        self._bridge.stopped.connect(self._on_stopped, queued)
        self._bridge.end_reached.connect(self._on_end_reached, queued)
        self._bridge.error.connect(self._on_error, queued)
        self._bridge.length.connect(self._on_length, queued)
        self._bridge.vout.connect(self._on_vout, queued)
        self._bridge.es_changed.connect(self._on_es_changed, queued)
        self._bridge.title_changed.connect(self._on_title_changed, queued)

        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(POLL_INTERVAL_MS)
        self._poll_timer.timeout.connect(self._poll)
        self._tracks_timer = QTimer(self)  # coalesces bursts of ES events into one tracks_changed
        self._tracks_timer.setSingleShot(True)
        self._tracks_timer.setInterval(0)
        self._tracks_timer.timeout.connect(self._emit_tracks_changed)
        self._start_timer = QTimer(self)  # polls for a retired player to release the video window
        self._start_timer.setInterval(WINDOW_WAIT_MS)
        self._start_timer.timeout.connect(self._try_deferred_start)
        self._chapters_timer = QTimer(self)  # collects the chapter reads made on workers
        self._chapters_timer.setInterval(5)
        self._chapters_timer.timeout.connect(self._take_chapters)

        self._create_player()
        # Stop libvlc before the interpreter tears down the objects its callbacks use (at exit,
        # or when a controller nobody released is collected).
        self._finalizer = weakref.finalize(self, self._handles.release)

    # ---- set-up -------------------------------------------------------------------------------

    def _reset_media_state(self) -> None:
        self._length = 0
        self._last_time = 0
        self._chapters: list[ChapterMark] = []
        self._chapters_read = 0  # the latest chapter read applied (Handles.reads)
        self._started = False
        self._first_frame_sent = False
        self._stream_seen = False
        self._start_paused = False
        self._pending_seek: int | None = None
        self._opening_options = False  # the media carries :start-time / :start-paused from open()
        self._buffering = -1
        # Through a weak proxy: a cycle controller -> selection -> controller would leave the
        # controller (and its libvlc finalizer) to the cyclic GC instead of freeing it at once.
        owner = weakref.proxy(self)
        self._tracks = TrackSelection(
            self._handles, lambda: owner._started, lambda message: owner.error_occurred.emit(message)
        )

    def _create_player(self) -> None:
        h = self._handles
        h.vlc = load_vlc()
        if h.vlc is None:
            self._reason = vlc_unavailable_reason()
            return
        try:
            h.instance = make_instance(self._headless)
        except Exception as exc:  # noqa: BLE001 - libvlc start-up failures vary by platform
            h.instance = None
            self._reason = f"Video playback is unavailable: libvlc could not start ({exc})."
        if h.instance is None:
            self._reason = self._reason or "Video playback is unavailable: libvlc could not start."
            return
        self._new_player()

    def _new_player(self) -> None:
        """A fresh MediaPlayer on the shared instance, with the controller's settings (~1 ms)."""
        h = self._handles
        h.player = make_player(h.instance)  # libvlc key/mouse input off
        h.started = False
        h.player.audio_set_volume(self._volume)
        h.player.audio_set_mute(self._muted)
        h.player.set_rate(self._rate)
        if self._window is not None:
            bind_window(h.player, *self._window)
        self._attach_events()

    def _replace_player(self, keep_media: bool) -> None:
        """Put a fresh player in place of one that was started; the old one stops off-thread.

        Bumps the generation either way: events still queued for the previous input are dropped.
        """
        h = self._handles
        if h.started:
            h.retire_player()
            self._new_player()
            if keep_media and h.media is not None:
                h.player.set_media(h.media)  # a player without input: returns at once
        h.generation += 1

    def _attach_events(self) -> None:
        attach_events(self._handles, self._bridge)

    # ---- availability -----------------------------------------------------------------------

    def is_available(self) -> bool:
        return self._handles.player is not None

    def unavailable_reason(self) -> str:
        return "" if self.is_available() else self._reason

    def set_video_window(self, win_id: int, platform_name: str) -> None:
        """Bind video output to a native window. Only on platforms libvlc can embed into.

        On Qt's offscreen (or Wayland, minimal...) platforms winId() is not a real window and
        set_xwindow would override --vout=dummy and crash libvlc: nothing is bound there.
        """
        player = self._live_player()
        if player is None or platform_name not in ("xcb", "windows", "cocoa"):
            return
        self._window = (int(win_id), platform_name)  # every later player is bound to it too
        bind_window(player, *self._window)

    def _start(self) -> bool:
        """player.play(), or soon after if a retired player still holds the video window."""
        if self._window is not None and self._handles.is_stopping():
            self._deferred_start = True
            self._deferred_deadline = time.monotonic() + WINDOW_WAIT_MAX_S
            self._start_timer.start()
            return True
        return self._play_now()

    def _play_now(self) -> bool:
        h = self._handles
        h.started = True
        if h.player.play() == -1:
            self._fail(describe_problem(self._source or "", "libvlc refused to open it"))
            return False
        return True

    def _cancel_deferred_start(self) -> None:
        self._deferred_start = False
        self._start_timer.stop()

    @Slot()
    def _try_deferred_start(self) -> None:
        h = self._handles
        if not self._deferred_start or h.released:
            self._cancel_deferred_start()
            return
        if h.is_stopping() and time.monotonic() < self._deferred_deadline:
            return
        self._cancel_deferred_start()
        self._play_now()

    # ---- internals ----------------------------------------------------------------------------

    def _live_player(self) -> Any:
        h = self._handles
        return None if h.released else h.player

    def _current(self, generation: int) -> bool:
        return generation == self._handles.generation and not self._handles.released

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)

    def _fail(self, message: str) -> None:
        self._poll_timer.stop()
        self._set_state("error")
        self.error_occurred.emit(message)

    def _schedule_tracks_changed(self) -> None:
        if not self._tracks_timer.isActive():
            self._tracks_timer.start()

    @Slot()
    def _emit_tracks_changed(self) -> None:
        if not self._handles.released:
            self.tracks_changed.emit()

    def _read_media_info(self) -> None:
        h = self._handles
        length = int(h.player.get_length())
        if length > 0 and length != self._length:
            self._length = length
            self.length_changed.emit(length)
        if self._tracks.read():
            self._stream_seen = True
        self._read_chapters()

    def _read_chapters(self) -> None:
        read_chapters_aside(self._handles)  # on a worker: libvlc may make it wait for the input
        self._chapters_timer.start()

    @Slot()
    def _take_chapters(self) -> None:
        h = self._handles
        if not any(t.is_alive() for t in h.readers):  # before taking the answers: none comes after
            self._chapters_timer.stop()
        answers = [h.chapter_answers.pop(0) for _ in range(len(h.chapter_answers))]
        for generation, number, raw in answers:
            if self._current(generation) and number > self._chapters_read:
                self._chapters_read = number
                chapters = normalise_chapters(raw, self._length or None)
                if chapters != self._chapters:
                    self._chapters = chapters
                    self.chapters_changed.emit()

    def _problem_message(self) -> str:
        source = self._source or ""
        if self._path is None:
            return describe_problem(source, "the stream could not be opened")
        reason = local_file_problem(self._path) or container_problem(self._path)
        return describe_problem(source, reason or "it cannot be decoded (unsupported or damaged format)")

    # ---- slots (GUI thread) -------------------------------------------------------------------

    @Slot(int)
    def _on_opening(self, generation: int) -> None:
        if self._current(generation) and self._state not in ("opening", "buffering"):
            self._set_state("opening")

    @Slot(int, float)
    def _on_buffering(self, generation: int, percent: float) -> None:
        if not self._current(generation):
            return
        if self._path is not None:
            return  # local files fill libvlc's cache in milliseconds: not worth a state
        if int(percent) != self._buffering:  # libvlc sends dozens per second: only changes go on
            self._buffering = int(percent)
            self.buffering_changed.emit(self._buffering)
        if percent < 100.0 and self._state in ("opening", "playing"):
            self._set_state("buffering")
        elif percent >= 100.0 and self._state == "buffering":
            self._set_state("playing" if self._started and not self._start_paused else "opening")

    @Slot(int)
    def _on_playing(self, generation: int) -> None:
        if not self._current(generation):
            return
        player = self._handles.player
        if not self._started:
            self._started = True
            player.audio_set_volume(self._volume)
            player.audio_set_mute(self._muted)
            if self._rate != 1.0:  # a new player has it already; the call can wait ~30 ms for the input
                player.set_rate(self._rate)
            self._read_media_info()
            self._tracks.apply_pending()
            if self._pending_seek is not None:
                player.set_time(self._pending_seek)
                self.position_changed.emit(self._pending_seek)
                self._pending_seek = None
            self._schedule_tracks_changed()
            if self._start_paused:
                return  # the Paused event follows; do not flash "playing"
        self._set_state("playing")
        self._poll_timer.start()

    @Slot(int)
    def _on_paused(self, generation: int) -> None:
        if not self._current(generation):
            return
        self._start_paused = False
        self._poll_timer.stop()
        self._set_state("paused")
        self._poll()

    @Slot(int)
    def _on_stopped(self, generation: int) -> None:
        if self._current(generation) and self._state not in ("error", "ended"):
            self._poll_timer.stop()
            self._set_state("stopped")

    @Slot(int)
    def _on_end_reached(self, generation: int) -> None:
        if not self._current(generation):
            return
        self._poll_timer.stop()
        if not self._stream_seen:
            # libvlc "plays" files it found nothing in and ends at once: that is an error.
            self._fail(describe_problem(self._source or "", "no audio or video could be decoded"))
            return
        if self._path is None and self._length > 0 and self._last_time < self._length - NETWORK_EARLY_END_MS:
            # An http input whose connection broke ends like a file that ended: say where it stopped.
            where = f"{self._last_time // 60_000}:{self._last_time // 1000 % 60:02d}"
            self._fail(describe_problem(self._source or "", f"the stream stopped at {where}"))
            return
        if self._length > 0:
            self._last_time = self._length
            self.position_changed.emit(self._length)
        self._set_state("ended")

    @Slot(int)
    def _on_error(self, generation: int) -> None:
        if self._current(generation):
            self._fail(self._problem_message())

    @Slot(int, "qint64")
    def _on_length(self, generation: int, length: int) -> None:
        if self._current(generation) and length > 0 and length != self._length:
            self._length = int(length)
            self.length_changed.emit(self._length)

    @Slot(int, int)
    def _on_vout(self, generation: int, count: int) -> None:
        if self._current(generation) and count > 0 and not self._first_frame_sent:
            self._first_frame_sent = True
            self.first_frame.emit()

    @Slot(int, int)
    def _on_es_changed(self, generation: int, added: int) -> None:
        if not self._current(generation):
            return
        if added:
            self._stream_seen = True
        if self._started:
            self._tracks.read()
            self._tracks.apply_pending()
        self._schedule_tracks_changed()

    @Slot(int)
    def _on_title_changed(self, generation: int) -> None:
        if self._current(generation) and self._started:
            self._read_chapters()

    @Slot()
    def _poll(self) -> None:
        player = self._live_player()
        if player is None:
            return
        t = int(player.get_time())
        if t < 0:
            return
        if t != self._last_time:
            self._last_time = t
            self.position_changed.emit(t)
        if t > 0 and not self._first_frame_sent:
            self._first_frame_sent = True
            self.first_frame.emit()

"""PlayerController: the one object the UI talks to for playback.

Threading: libvlc calls its event callbacks on its own threads (and some, such as Stopped inside
`stop()`, synchronously on the caller's thread). The callbacks only emit signals of an
`_EventBridge` QObject, connected with QueuedConnection to slots of the controller, so every
state change reaches the controller on the GUI thread, after the libvlc call that caused it has
returned. No libvlc function is called from a callback. Position is polled with a QTimer on the
GUI thread rather than taken from TimeChanged events (up to ~170/s for Matroska).

Stopping: libvlc 3.0.24's `libvlc_media_player_stop()` can block for ~6 s (a subtitle decoder
waits for a video output that the stop already destroyed), and `set_media()` / `release()` of a
started player stop it the same way. The GUI thread therefore never calls them on a player that
has been started: stop, replay and switching media put a fresh MediaPlayer in place (same
instance, settings and video window re-applied) and stop + release the old one on a worker thread
(`_Handles.retire_player`). With a real video window, the next player starts only once the old one
has let go of the window (libvlc would otherwise open a separate top-level window).
"""

from __future__ import annotations

import atexit
import ctypes
import threading
import time
import weakref
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from vod_app.domain.languages import normalise_language, same_language, split_track_name
from vod_app.playback.chapters import ChapterMark, normalise_chapters
from vod_app.playback.media_file import container_problem, describe_problem, local_file_problem
from vod_app.playback.native import read_chapters, read_media_tracks
from vod_app.playback.tracks import TRACK_AUDIO, TRACK_TEXT, TRACK_VIDEO, RawTrack, TrackInfo
from vod_app.playback.vlc_runtime import (
    UnsupportedSource,
    load_vlc,
    local_path,
    make_instance,
    make_player,
    media_from_source,
    vlc_unavailable_reason,
)

POLL_INTERVAL_MS = 50
#: While a retired player still holds the video window, the next one waits (checked every 10 ms)
#: at most this long before starting anyway (libvlc would then open its own window).
WINDOW_WAIT_MS, WINDOW_WAIT_MAX_S = 10, 8.0
#: At interpreter exit, how long in total to wait for players still stopping on worker threads.
EXIT_JOIN_S = 2.0
MIN_RATE, MAX_RATE = 0.5, 2.0
MAX_VOLUME = 200

STATES = ("idle", "opening", "buffering", "playing", "paused", "stopped", "ended", "error")


def _vout_count(event: Any) -> int:
    # libvlc's field is a C int; python-vlc's union reads it as 64 bits with garbage above.
    return ctypes.c_int32(event.u.new_count & 0xFFFFFFFF).value


class _EventBridge(QObject):
    """Carries libvlc events from libvlc's threads to the GUI thread.

    Every signal carries the media generation current when libvlc emitted it, so events of a
    media that has since been replaced are recognised and dropped.
    """

    opening = Signal(int)
    buffering = Signal(int, float)
    playing = Signal(int)
    paused = Signal(int)
    stopped = Signal(int)
    end_reached = Signal(int)
    error = Signal(int)
    length = Signal(int, "qint64")
    vout = Signal(int, int)
    es_changed = Signal(int, int)  # generation, 1 when a stream was added
    title_changed = Signal(int)


_stopping_lock = threading.Lock()
_stopping: set[threading.Thread] = set()  # every worker still stopping a player, all controllers


def _stop_and_release(player: Any) -> None:
    """Worker thread: the libvlc calls that may block for seconds. Never run on the GUI thread."""
    try:
        player.stop()
        player.release()
    except Exception:  # noqa: BLE001, S110 - nobody to report to; the thread must end quietly
        pass
    finally:
        with _stopping_lock:
            _stopping.discard(threading.current_thread())


def join_stopping_players(timeout_s: float = EXIT_JOIN_S) -> bool:
    """Wait (at most timeout_s in total) for players being stopped off-thread; True if none is left.

    Runs at interpreter exit, when no window is left to freeze. A stop still blocked after that is
    cut short by the process exit: its callbacks are detached, it runs no Python code.
    """
    deadline = time.monotonic() + timeout_s
    with _stopping_lock:
        workers = list(_stopping)
    for worker in workers:
        worker.join(max(0.0, deadline - time.monotonic()))
    with _stopping_lock:
        return not _stopping


atexit.register(join_stopping_players)


class _Handles:
    """The libvlc objects, kept apart from the QObject so they can be released at exit safely."""

    def __init__(self) -> None:
        self.vlc: Any = None
        self.instance: Any = None
        self.player: Any = None
        self.events: Any = None
        self.media: Any = None
        self.event_types: list[Any] = []
        self.alive: list[bool] = [False]  # False once the player is retired: its events say -1
        self.started = False  # play() was called on self.player: stopping it may block
        self.generation = 0
        self.released = False
        self.stopping: list[threading.Thread] = []  # players being stopped + released off-thread

    def release_media(self) -> None:
        if self.media is not None:
            self.media.release()
            self.media = None

    def detach_events(self) -> None:
        self.alive[0] = False
        if self.events is not None:
            # Returns once a callback running on a libvlc thread has finished (libvlc holds the
            # event manager lock while it calls listeners).
            for et in self.event_types:
                self.events.event_detach(et)
        self.events = None
        self.event_types = []

    def retire_player(self) -> None:
        """Take the player out of service without blocking: detach its events, then stop and
        release it on a worker thread (a player never started is released at once)."""
        player = self.player
        if player is None:
            return
        self.detach_events()
        self.player = None
        if not self.started:
            player.release()  # no input thread: nothing to wait for
            return
        self.started = False
        # A daemon thread: exiting must not wait for libvlc's 6 s (join_stopping_players() gives
        # it a bounded time at exit). It holds the player until its release has returned.
        worker = threading.Thread(target=_stop_and_release, args=(player,), name="vlc-stop", daemon=True)
        self.stopping = [t for t in self.stopping if t.is_alive()]
        self.stopping.append(worker)
        with _stopping_lock:
            _stopping.add(worker)
        worker.start()

    def is_stopping(self) -> bool:
        self.stopping = [t for t in self.stopping if t.is_alive()]
        return bool(self.stopping)

    def release(self, wait: bool = True) -> None:
        """Free libvlc; the current player stops off-thread like the others.

        wait: then wait (at most EXIT_JOIN_S) for this controller's stopping players, as when run
        by the finalizer at interpreter exit. The instance is freed by whichever release is last
        (each player holds a reference to it).
        """
        if self.released:
            return
        self.released = True
        self.generation += 1
        self.retire_player()
        if wait:
            deadline = time.monotonic() + EXIT_JOIN_S
            for worker in self.stopping:
                worker.join(max(0.0, deadline - time.monotonic()))
        self.release_media()
        if self.instance is not None:
            self.instance.release()
            self.instance = None


class PlayerController(QObject):
    """Plays one media at a time through libvlc; state comes back as signals on the GUI thread."""

    state_changed = Signal(str)
    position_changed = Signal("qint64")
    length_changed = Signal("qint64")
    tracks_changed = Signal()
    chapters_changed = Signal()
    first_frame = Signal()
    error_occurred = Signal(str)

    def __init__(self, headless: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headless = headless
        self._handles = _Handles()
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

        self._bridge = _EventBridge(self)
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

        self._create_player()
        # Stop libvlc before the interpreter tears down the objects its callbacks use (at exit,
        # or when a controller nobody released is collected).
        self._finalizer = weakref.finalize(self, self._handles.release)

    # ---- set-up -------------------------------------------------------------------------------

    def _reset_media_state(self) -> None:
        self._length = 0
        self._last_time = 0
        self._chapters: list[ChapterMark] = []
        self._raw_tracks: list[RawTrack] = []
        self._started = False
        self._first_frame_sent = False
        self._stream_seen = False
        self._start_paused = False
        self._pending_seek: int | None = None
        self._pending_language: str | None = None
        self._pending_audio_track: int | None = None
        self._chosen_audio_track: int | None = None  # re-applied when the media plays again
        self._opening_options = False  # the media carries :start-time / :start-paused from open()
        self._slaves: list[str] = []  # subtitle files added to the media, in order (resolved paths)
        self._pending_spu: int | None = None  # a subtitle track chosen before Playing
        self._pending_slave: str | None = None  # a file to add (or select) once the media plays
        self._slave_first_id: int | None = None  # tracks from this id on are added files'

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
            self._bind_window(h.player, *self._window)
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
        h = self._handles
        vlc = h.vlc
        bridge = self._bridge
        E = vlc.EventType
        alive = h.alive = [True]

        # Callbacks run on libvlc threads: read the event, emit, nothing else. A retired player's
        # events carry -1, which never matches the current generation.
        def gen() -> int:
            return h.generation if alive[0] else -1

        callbacks = {
            E.MediaPlayerOpening: lambda ev: bridge.opening.emit(gen()),
            E.MediaPlayerBuffering: lambda ev: bridge.buffering.emit(gen(), float(ev.u.new_cache)),
            E.MediaPlayerPlaying: lambda ev: bridge.playing.emit(gen()),
            E.MediaPlayerPaused: lambda ev: bridge.paused.emit(gen()),
            E.MediaPlayerStopped: lambda ev: bridge.stopped.emit(gen()),
            E.MediaPlayerEndReached: lambda ev: bridge.end_reached.emit(gen()),
            E.MediaPlayerEncounteredError: lambda ev: bridge.error.emit(gen()),
            E.MediaPlayerLengthChanged: lambda ev: bridge.length.emit(gen(), int(ev.u.new_length)),
            E.MediaPlayerVout: lambda ev: bridge.vout.emit(gen(), _vout_count(ev)),
            E.MediaPlayerESAdded: lambda ev: bridge.es_changed.emit(gen(), 1),
            E.MediaPlayerESDeleted: lambda ev: bridge.es_changed.emit(gen(), 0),
            E.MediaPlayerESSelected: lambda ev: bridge.es_changed.emit(gen(), 0),
            E.MediaPlayerTitleChanged: lambda ev: bridge.title_changed.emit(gen()),
        }
        h.events = h.player.event_manager()
        for et, callback in callbacks.items():
            if h.events.event_attach(et, callback) == 0:
                h.event_types.append(et)

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
        self._bind_window(player, *self._window)

    @staticmethod
    def _bind_window(player: Any, win_id: int, platform_name: str) -> None:
        if platform_name == "xcb":
            player.set_xwindow(win_id)
        elif platform_name == "windows":
            player.set_hwnd(win_id)
        elif platform_name == "cocoa":
            player.set_nsobject(win_id)

    # ---- opening and transport --------------------------------------------------------------

    def open(
        self,
        source: str,
        start_ms: int = 0,
        preferred_audio_language: str | None = None,
        autoplay: bool = True,
    ) -> bool:
        """Open a local file or http(s) URL. False (and error_occurred) when it is refused at once."""
        h = self._handles
        if not self.is_available():
            self._fail(self._reason)
            return False
        self._poll_timer.stop()
        self._cancel_deferred_start()
        self._replace_player(keep_media=False)  # the old player stops on a worker thread
        if h.media is not None:
            h.player.set_media(None)  # never started: returns at once
        h.release_media()
        self._reset_media_state()
        self._source = source
        self._path = None
        self.position_changed.emit(0)
        self.length_changed.emit(0)
        self.chapters_changed.emit()
        self.tracks_changed.emit()

        try:
            self._path = local_path(source)
        except UnsupportedSource as exc:
            self._fail(str(exc))
            return False
        if self._path is not None:
            problem = local_file_problem(self._path)
            if problem:
                self._fail(describe_problem(source, problem))
                return False

        media = media_from_source(h.instance, source)
        # Options built here from numbers, never strings from data.
        if start_ms > 0:
            media.add_option(f":start-time={start_ms / 1000:.3f}")
        if not autoplay:
            media.add_option(":start-paused")
        self._opening_options = start_ms > 0 or not autoplay
        h.media = media
        h.player.set_media(media)
        self._start_paused = not autoplay
        self._pending_language = preferred_audio_language
        self._last_time = max(0, start_ms)
        self._set_state("opening")
        return self._start()

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

    def play(self) -> None:
        h = self._handles
        if self._live_player() is None or h.media is None:
            return
        if self._state in ("ended", "error"):
            self._restart()
        elif self._state == "paused":
            h.player.set_pause(0)
        elif self._state in ("stopped", "idle"):
            if self._deferred_start:
                return  # already on its way
            self._prepare_replay()
            self._set_state("opening")
            self._start()
        elif self._start_paused:  # opened with autoplay=False and not paused yet
            self._start_paused = False
            if not self._deferred_start:
                h.player.play()

    def pause(self) -> None:
        if self._live_player() is not None and self._state in ("playing", "buffering"):
            self._handles.player.set_pause(1)

    def toggle_pause(self) -> None:
        if self._state in ("playing", "buffering"):
            self.pause()
        else:
            self.play()

    def stop(self) -> None:
        player = self._live_player()
        if player is None:
            return
        self._poll_timer.stop()
        self._cancel_deferred_start()
        self._pending_seek = None
        self._replace_player(keep_media=True)  # the old player stops on a worker thread
        self._last_time = 0
        self.position_changed.emit(0)
        self._set_state("stopped")

    def _restart(self) -> None:
        """Play the current media again after it ended or failed (libvlc needs a new input)."""
        self._cancel_deferred_start()
        self._replace_player(keep_media=True)
        self._prepare_replay()
        self._set_state("opening")
        self._start()

    def _prepare_replay(self) -> None:
        """A new libvlc input starts on its default tracks: bring back the user's audio choice.

        The media item keeps the options it was opened with: a later option of the same name
        wins, so a replay (Stop then Play, Play after the end) starts at 0:00 and plays, not at
        the position the recording was first opened at.
        """
        self._started = False
        self._start_paused = False
        if self._opening_options and self._handles.media is not None:
            self._handles.media.add_option(":start-time=0.000")
            self._handles.media.add_option(":no-start-paused")
            self._opening_options = False
        if self._chosen_audio_track is not None:
            self._pending_audio_track = self._chosen_audio_track

    def seek(self, ms: int) -> int:
        """Go to ms (clamped to the media); returns the target. Applied once playing if not yet."""
        ms = max(0, int(ms))
        if self._length > 0:
            ms = min(ms, self._length)
        if self._live_player() is None or self._handles.media is None:
            return ms
        if self._state in ("playing", "paused", "buffering") and self._started:
            self._handles.player.set_time(ms)
        elif self._state in ("ended", "stopped"):
            self._pending_seek = ms
            self._restart()
        else:
            self._pending_seek = ms
        self._last_time = ms
        self.position_changed.emit(ms)
        return ms

    # ---- audio, rate ------------------------------------------------------------------------

    def set_volume(self, volume: int) -> None:
        self._volume = max(0, min(MAX_VOLUME, int(volume)))
        if self._live_player() is not None:
            self._handles.player.audio_set_volume(self._volume)

    def volume(self) -> int:
        return self._volume

    def set_muted(self, muted: bool) -> None:
        self._muted = bool(muted)
        if self._live_player() is not None:
            self._handles.player.audio_set_mute(self._muted)

    def is_muted(self) -> bool:
        return self._muted

    def set_rate(self, rate: float) -> float:
        self._rate = max(MIN_RATE, min(MAX_RATE, float(rate)))
        if self._live_player() is not None:
            self._handles.player.set_rate(self._rate)
        return self._rate

    def rate(self) -> float:
        return self._rate

    # ---- queries ----------------------------------------------------------------------------

    def source(self) -> str | None:
        return self._source

    def time_ms(self) -> int:
        player = self._live_player()
        if player is not None and self._state in ("playing", "paused", "buffering"):
            t = player.get_time()
            if t >= 0:
                return int(t)
        return self._last_time

    def length_ms(self) -> int:
        return self._length

    def state(self) -> str:
        return self._state

    def chapters(self) -> list[ChapterMark]:
        """Chapters of the open media, normalised as by probe_media (empty until it plays)."""
        return list(self._chapters)

    # ---- tracks -------------------------------------------------------------------------------

    def _track_list(self, descriptions: list[tuple[int, bytes]], track_type: int) -> list[TrackInfo]:
        by_id = {t.id: t for t in self._raw_tracks if t.type == track_type}
        tracks = []
        for track_id, name in descriptions:
            if track_id < 0:
                continue  # "Disable"
            text = name.decode("utf-8", "replace") if isinstance(name, bytes) else name
            label, language = split_track_name(text)
            raw = by_id.get(track_id)
            if raw is not None:  # the container's own language and title beat VLC's display name
                language = normalise_language(raw.language) or language
                label = raw.description or label
            tracks.append(
                TrackInfo(id=track_id, language=language, label=label, codec=raw.codec if raw else None)
            )
        return tracks

    def audio_tracks(self) -> list[TrackInfo]:
        player = self._live_player()
        if player is None:
            return []
        return self._track_list(player.audio_get_track_description(), TRACK_AUDIO)

    def current_audio_track(self) -> int:
        player = self._live_player()
        return -1 if player is None else int(player.audio_get_track())

    def set_audio_track(self, track_id: int) -> bool:
        """Select an audio track; before libvlc is playing, remembered and applied then."""
        player = self._live_player()
        if player is None:
            return False
        self._chosen_audio_track = int(track_id)
        if not self._started:
            self._pending_audio_track = int(track_id)
            return True
        return player.audio_set_track(int(track_id)) == 0

    def subtitle_tracks(self) -> list[TrackInfo]:
        """Every subtitle track libvlc has: the file's own, then the files added (in that order)."""
        player = self._live_player()
        if player is None:
            return []
        return self._track_list(player.video_get_spu_description(), TRACK_TEXT)

    def embedded_subtitle_tracks(self) -> list[TrackInfo]:
        """The media file's own text tracks (MKV/MP4 subtitles), without the files added to it.

        libvlc numbers elementary streams as they are created, and a file is only ever added once
        the media plays (after its own streams exist): added files' tracks come after
        ``_slave_first_id``.
        """
        return [t for t in self.subtitle_tracks() if self._slave_first_id is None or t.id < self._slave_first_id]

    def subtitle_track_of_file(self, path: str) -> int | None:
        """libvlc's track id of a subtitle file added with add_subtitle_file, once it is loaded."""
        key = str(Path(path).resolve())
        if key not in self._slaves or self._slave_first_id is None:
            return None
        first = self._slave_first_id
        added = sorted(t.id for t in self.subtitle_tracks() if t.id >= first)
        i = self._slaves.index(key)
        return added[i] if i < len(added) else None

    def current_subtitle_track(self) -> int:
        player = self._live_player()
        return -1 if player is None else int(player.video_get_spu())

    def set_subtitle_track(self, track_id: int) -> bool:
        """Select a subtitle track; -1 turns subtitles off. Before Playing, applied then."""
        player = self._live_player()
        if player is None:
            return False
        if not self._started:
            self._pending_spu = int(track_id)
            return True
        return player.video_set_spu(int(track_id)) == 0

    def add_subtitle_file(self, path: str) -> bool:
        """Show an external subtitle file (WebVTT, SRT...) with the media: added once, then selected.

        Before the media plays the file is remembered and added on Playing, after the media's own
        streams: that keeps the file's track apart from the embedded ones (see above).
        """
        player = self._live_player()
        if player is None:
            return False
        problem = local_file_problem(path)
        if problem:
            self.error_occurred.emit(describe_problem(path, problem))
            return False
        key = str(Path(path).resolve())
        self._pending_spu = None
        if key in self._slaves:  # added before: select its track again instead of a second copy
            track = self.subtitle_track_of_file(key)
            if track is None:
                self._pending_slave = key
                return True
            self._pending_slave = None
            return self.set_subtitle_track(track)
        if not self._started:
            self._pending_slave = key
            return True
        return self._add_slave(key)

    def _add_slave(self, key: str) -> bool:
        h = self._handles
        if self._slave_first_id is None:
            ids = [t.id for t in read_media_tracks(h.vlc, h.media)]
            self._slave_first_id = max(ids, default=-1) + 1
        # libvlc 3.0.24 keeps the slave in the media item: it survives stop() and replay.
        if h.player.add_slave(h.vlc.MediaSlaveType.subtitle, Path(key).as_uri(), True) != 0:
            return False
        self._slaves.append(key)
        self._pending_slave = None
        return True

    def take_snapshot(self, path: str, width: int = 0) -> bool:
        """Write the current video frame as PNG (height follows the aspect ratio)."""
        player = self._live_player()
        if player is None or not self._first_frame_sent:
            return False
        return player.video_take_snapshot(0, str(path), max(0, int(width)), 0) == 0

    # ---- clean-up -----------------------------------------------------------------------------

    def release(self) -> None:
        """Stop playback and free libvlc. The controller is unusable afterwards.

        Returns at once: a player still stopping finishes on its worker thread (waited for, a
        bounded time, at interpreter exit).
        """
        self._poll_timer.stop()
        self._tracks_timer.stop()
        self._cancel_deferred_start()
        if self._finalizer.detach() is not None:
            self._handles.release(wait=False)

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
        self._raw_tracks = read_media_tracks(h.vlc, h.media)
        if any(t.type in (TRACK_AUDIO, TRACK_VIDEO) for t in self._raw_tracks):
            self._stream_seen = True
        self._read_chapters()

    def _read_chapters(self) -> None:
        raw = read_chapters(self._handles.vlc, self._handles.player)
        chapters = normalise_chapters(raw, self._length or None)
        if chapters != self._chapters:
            self._chapters = chapters
            self.chapters_changed.emit()

    def _apply_pending_audio(self) -> None:
        player = self._handles.player
        if self._pending_audio_track is not None:
            if player.audio_set_track(self._pending_audio_track) == 0:
                self._pending_audio_track = None
                self._pending_language = None
            return
        if self._pending_language is None:
            return
        tracks = self.audio_tracks()
        if not tracks:
            return  # not known yet: tried again when streams are added
        for track in tracks:
            if same_language(track.language, self._pending_language):
                if track.id == player.audio_get_track() or player.audio_set_track(track.id) == 0:
                    self._pending_language = None
                    self._chosen_audio_track = track.id
                return
        self._pending_language = None  # no track in that language: keep libvlc's default

    def _apply_pending_subtitles(self) -> None:
        player = self._handles.player
        key = self._pending_slave
        if key is not None:
            if key not in self._slaves:
                self._add_slave(key)
                return
            track = self.subtitle_track_of_file(key)
            if track is not None and player.video_set_spu(track) == 0:
                self._pending_slave = None
        elif self._pending_spu is not None and (
            self._pending_spu < 0 or self._pending_spu in {t.id for t in self.subtitle_tracks()}
        ):
            player.video_set_spu(self._pending_spu)
            self._pending_spu = None

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
            player.set_rate(self._rate)
            self._read_media_info()
            self._apply_pending_audio()
            self._apply_pending_subtitles()
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
            self._raw_tracks = read_media_tracks(self._handles.vlc, self._handles.media)
            self._apply_pending_audio()
            self._apply_pending_subtitles()
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

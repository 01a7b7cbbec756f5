"""PlayerController: the libvlc implementation of the `Player` protocol (playback/player.py).

Every state change reaches the controller on the GUI thread through the queued signals of an
`EventBridge` (playback/vlc_handles.py), after the libvlc call that caused it has returned. No
libvlc function is called from a callback. Position is polled with a QTimer on the GUI thread
rather than taken from TimeChanged events (up to ~170/s for Matroska).

Stopping a started player can block for seconds (see vlc_handles.py): stop, replay and switching
media put a fresh MediaPlayer in place (same instance, settings and video window re-applied) and
retire the old one to a worker thread. With a real video window, the next player starts only once
the old one has let go of the window (libvlc would otherwise open a separate top-level window).
Track choices live in `TrackSelection` (playback/track_selection.py).
"""

from __future__ import annotations

from vod_app.playback.chapters import ChapterMark
from vod_app.playback.media_file import describe_problem, local_file_problem
from vod_app.playback.player import STATES
from vod_app.playback.tracks import TrackInfo
from vod_app.playback.vlc_handles import EXIT_JOIN_S, join_stopping_players
from vod_app.playback.vlc_player import VlcPlayerCore
from vod_app.playback.vlc_runtime import UnsupportedSource, local_path, media_from_source

__all__ = ["EXIT_JOIN_S", "STATES", "PlayerController", "join_stopping_players"]

MIN_RATE, MAX_RATE = 0.5, 2.0
MAX_VOLUME = 200


class PlayerController(VlcPlayerCore):  # implements Player (playback/player.py)
    """Plays one media at a time through libvlc; state comes back as signals on the GUI thread."""

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

        try:
            media = media_from_source(h.instance, source)
        except OSError as exc:  # the media relay could not listen on 127.0.0.1 (playback/http_relay.py)
            self._fail(describe_problem(source, f"the app's media relay could not start ({exc})"))
            return False
        # Options built here from numbers, never strings from data.
        if start_ms > 0:
            media.add_option(f":start-time={start_ms / 1000:.3f}")
        if not autoplay:
            media.add_option(":start-paused")
        self._opening_options = start_ms > 0 or not autoplay
        h.media = media
        h.player.set_media(media)
        self._start_paused = not autoplay
        self._tracks.pending_language = preferred_audio_language
        self._last_time = max(0, start_ms)
        self._set_state("opening")
        return self._start()

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
        self._tracks.restore_audio_choice()

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

    # ---- tracks (TrackSelection) -----------------------------------------------------------

    def audio_tracks(self) -> list[TrackInfo]:
        return self._tracks.audio_tracks()

    def current_audio_track(self) -> int:
        return self._tracks.current_audio_track()

    def set_audio_track(self, track_id: int) -> bool:
        """Select an audio track; before libvlc is playing, remembered and applied then."""
        return self._tracks.set_audio_track(track_id)

    def subtitle_tracks(self) -> list[TrackInfo]:
        """Every subtitle track libvlc has: the file's own, then the files added (in that order)."""
        return self._tracks.subtitle_tracks()

    def embedded_subtitle_tracks(self) -> list[TrackInfo]:
        """The media file's own text tracks (MKV/MP4 subtitles), without the files added to it."""
        return self._tracks.embedded_subtitle_tracks()

    def subtitle_track_of_file(self, path: str) -> int | None:
        """libvlc's track id of a subtitle file added with add_subtitle_file, once it is loaded."""
        return self._tracks.subtitle_track_of_file(path)

    def current_subtitle_track(self) -> int:
        return self._tracks.current_subtitle_track()

    def set_subtitle_track(self, track_id: int) -> bool:
        """Select a subtitle track; -1 turns subtitles off. Before Playing, applied then."""
        return self._tracks.set_subtitle_track(track_id)

    def add_subtitle_file(self, path: str) -> bool:
        """Show an external subtitle file (WebVTT, SRT...) with the media: added once, then selected."""
        return self._tracks.add_subtitle_file(path)

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

"""FakePlayer: a `Player` without libvlc, for UI tests (and benches) where video is irrelevant.

It keeps the state a real player would report (source, position, volume, tracks chosen) and emits
the same signals synchronously, so a test drives the UI without waiting for a decoder. Tests that
are about playback itself use the real `PlayerController` with libvlc's dummy outputs.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from vod_app.playback.chapters import ChapterMark
from vod_app.playback.tracks import TrackInfo


class FakePlayer(QObject):
    """Plays nothing; `open()` goes straight to "playing" (or "paused" without autoplay)."""

    state_changed = Signal(str)
    position_changed = Signal("qint64")
    length_changed = Signal("qint64")
    tracks_changed = Signal()
    chapters_changed = Signal()
    first_frame = Signal()
    error_occurred = Signal(str)
    buffering_changed = Signal(int)

    def __init__(self, length_ms: int = 60_000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fake_length_ms = length_ms  # the length every opened media reports
        self.audio: list[TrackInfo] = []
        self.subtitles: list[TrackInfo] = []
        self.subtitle_files: list[str] = []  # add_subtitle_file() calls, in order
        self.opened: list[str] = []  # open() calls, in order
        self.released = False
        self._source: str | None = None
        self._state = "idle"
        self._time = 0
        self._length = 0
        self._volume = 100
        self._muted = False
        self._rate = 1.0
        self._audio_track = -1
        self._spu = -1

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)

    def is_available(self) -> bool:
        return not self.released

    def unavailable_reason(self) -> str:
        return ""

    def set_video_window(self, win_id: int, platform_name: str) -> None:
        pass

    def open(
        self,
        source: str,
        start_ms: int = 0,
        preferred_audio_language: str | None = None,
        autoplay: bool = True,
    ) -> bool:
        self._source = source
        self.opened.append(source)
        self._length = self.fake_length_ms
        self._time = max(0, min(start_ms, self._length))
        self._set_state("opening")
        self.length_changed.emit(self._length)
        self.position_changed.emit(self._time)
        self.tracks_changed.emit()
        self.first_frame.emit()
        self._set_state("playing" if autoplay else "paused")
        return True

    def play(self) -> None:
        if self._source is not None:
            self._set_state("playing")

    def pause(self) -> None:
        if self._state == "playing":
            self._set_state("paused")

    def toggle_pause(self) -> None:
        self.pause() if self._state == "playing" else self.play()

    def stop(self) -> None:
        self._time = 0
        if self._source is not None:
            self.position_changed.emit(0)
            self._set_state("stopped")

    def seek(self, ms: int) -> int:
        ms = max(0, int(ms))
        if self._length > 0:
            ms = min(ms, self._length)
        self._time = ms
        self.position_changed.emit(ms)
        return ms

    def set_volume(self, volume: int) -> None:
        self._volume = max(0, min(200, int(volume)))

    def volume(self) -> int:
        return self._volume

    def set_muted(self, muted: bool) -> None:
        self._muted = bool(muted)

    def is_muted(self) -> bool:
        return self._muted

    def set_rate(self, rate: float) -> float:
        self._rate = max(0.5, min(2.0, float(rate)))
        return self._rate

    def rate(self) -> float:
        return self._rate

    def source(self) -> str | None:
        return self._source

    def time_ms(self) -> int:
        return self._time

    def length_ms(self) -> int:
        return self._length

    def state(self) -> str:
        return self._state

    def chapters(self) -> list[ChapterMark]:
        return []

    def audio_tracks(self) -> list[TrackInfo]:
        return list(self.audio)

    def current_audio_track(self) -> int:
        return self._audio_track

    def set_audio_track(self, track_id: int) -> bool:
        self._audio_track = int(track_id)
        return True

    def subtitle_tracks(self) -> list[TrackInfo]:
        return list(self.subtitles)

    def embedded_subtitle_tracks(self) -> list[TrackInfo]:
        return list(self.subtitles)

    def current_subtitle_track(self) -> int:
        return self._spu

    def set_subtitle_track(self, track_id: int) -> bool:
        self._spu = int(track_id)
        return True

    def add_subtitle_file(self, path: str) -> bool:
        self.subtitle_files.append(str(path))
        return True

    def take_snapshot(self, path: str, width: int = 0) -> bool:
        return False

    def release(self) -> None:
        self.released = True

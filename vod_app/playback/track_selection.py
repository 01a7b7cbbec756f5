"""Track selection of the open media: audio and subtitle tracks, the choices made before libvlc
plays, and subtitle files added to the media.

Kept apart from the controller's transport so a feature that works with tracks (a transcript tab,
captions) reads and changes them here. Runs on the GUI thread; libvlc is reached through the
controller's `Handles`, never from a libvlc callback.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from vod_app.domain.languages import normalise_language, same_language, split_track_name
from vod_app.playback.media_file import describe_problem, local_file_problem
from vod_app.playback.native import read_media_tracks
from vod_app.playback.tracks import TRACK_AUDIO, TRACK_TEXT, TRACK_VIDEO, RawTrack, TrackInfo
from vod_app.playback.vlc_handles import Handles


class TrackSelection:
    """The tracks of one opened media and the user's choices among them (one per open())."""

    def __init__(
        self,
        handles: Handles,
        started: Callable[[], bool],
        report: Callable[[str], None],
        preferred_audio_language: str | None = None,
    ) -> None:
        self._handles = handles
        self._started = started  # libvlc is playing the media: choices are applied at once
        self._report = report  # a problem the user should see (error_occurred)
        self.raw: list[RawTrack] = []
        self.pending_language: str | None = preferred_audio_language
        self._pending_audio_track: int | None = None
        self._chosen_audio_track: int | None = None  # re-applied when the media plays again
        self._slaves: list[str] = []  # subtitle files added to the media, in order (resolved paths)
        self._pending_spu: int | None = None  # a subtitle track chosen before Playing
        self._pending_slave: str | None = None  # a file to add (or select) once the media plays
        self._slave_first_id: int | None = None  # tracks from this id on are added files'

    def _player(self) -> Any:
        h = self._handles
        return None if h.released else h.player

    def read(self) -> bool:
        """Re-read the media's elementary streams; True if one of them is audio or video."""
        self.raw = read_media_tracks(self._handles.vlc, self._handles.media)
        return any(t.type in (TRACK_AUDIO, TRACK_VIDEO) for t in self.raw)

    def restore_audio_choice(self) -> None:
        """A new libvlc input starts on its default tracks: bring back the user's audio choice."""
        if self._chosen_audio_track is not None:
            self._pending_audio_track = self._chosen_audio_track

    def apply_pending(self) -> None:
        """Once libvlc plays (or its streams change): apply the choices made before."""
        self._apply_pending_audio()
        self._apply_pending_subtitles()

    def _track_list(self, descriptions: list[tuple[int, bytes]], track_type: int) -> list[TrackInfo]:
        by_id = {t.id: t for t in self.raw if t.type == track_type}
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
        player = self._player()
        if player is None:
            return []
        return self._track_list(player.audio_get_track_description(), TRACK_AUDIO)

    def current_audio_track(self) -> int:
        player = self._player()
        return -1 if player is None else int(player.audio_get_track())

    def set_audio_track(self, track_id: int) -> bool:
        """Select an audio track; before libvlc is playing, remembered and applied then."""
        player = self._player()
        if player is None:
            return False
        self._chosen_audio_track = int(track_id)
        if not self._started():
            self._pending_audio_track = int(track_id)
            return True
        return player.audio_set_track(int(track_id)) == 0

    def subtitle_tracks(self) -> list[TrackInfo]:
        """Every subtitle track libvlc has: the file's own, then the files added (in that order)."""
        player = self._player()
        if player is None:
            return []
        return self._track_list(player.video_get_spu_description(), TRACK_TEXT)

    def embedded_subtitle_tracks(self) -> list[TrackInfo]:
        """The media file's own text tracks (MKV/MP4 subtitles), without the files added to it.

        libvlc numbers elementary streams as they are created, and a file is only ever added once
        the media plays (after its own streams exist): added files' tracks come after
        ``_slave_first_id``.
        """
        return [
            t for t in self.subtitle_tracks() if self._slave_first_id is None or t.id < self._slave_first_id
        ]

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
        player = self._player()
        return -1 if player is None else int(player.video_get_spu())

    def set_subtitle_track(self, track_id: int) -> bool:
        """Select a subtitle track; -1 turns subtitles off. Before Playing, applied then."""
        player = self._player()
        if player is None:
            return False
        if not self._started():
            self._pending_spu = int(track_id)
            return True
        return player.video_set_spu(int(track_id)) == 0

    def add_subtitle_file(self, path: str) -> bool:
        """Show an external subtitle file (WebVTT, SRT...) with the media: added once, then selected.

        Before the media plays the file is remembered and added on Playing, after the media's own
        streams: that keeps the file's track apart from the embedded ones (see above).
        """
        player = self._player()
        if player is None:
            return False
        problem = local_file_problem(path)
        if problem:
            self._report(describe_problem(path, problem))
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
        if not self._started():
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

    def _apply_pending_audio(self) -> None:
        player = self._handles.player
        if self._pending_audio_track is not None:
            if player.audio_set_track(self._pending_audio_track) == 0:
                self._pending_audio_track = None
                self.pending_language = None
            return
        if self.pending_language is None:
            return
        tracks = self.audio_tracks()
        if not tracks:
            return  # not known yet: tried again when streams are added
        for track in tracks:
            if same_language(track.language, self.pending_language):
                if track.id == player.audio_get_track() or player.audio_set_track(track.id) == 0:
                    self.pending_language = None
                    self._chosen_audio_track = track.id
                return
        self.pending_language = None  # no track in that language: keep libvlc's default

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

"""Reading duration, chapters and tracks of a media file without showing or playing anything.

Safe to call from a worker thread: it uses its own headless libvlc instance and no Qt object.
It never raises for bad input: every failure is a ProbeResult with `error` set.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any

from vod_app.playback.chapters import ChapterMark, RawChapter, normalise_chapters
from vod_app.playback.media_file import container_problem, describe_problem, local_file_problem
from vod_app.playback.native import read_chapters, read_media_tracks
from vod_app.playback.tracks import TRACK_AUDIO, TRACK_TEXT, TRACK_VIDEO, TrackInfo, track_infos
from vod_app.playback.vlc_runtime import (
    UnsupportedSource,
    load_vlc,
    local_path,
    make_instance,
    media_from_source,
    vlc_unavailable_reason,
)


@dataclass(frozen=True)
class ProbeResult:
    duration_ms: int | None
    chapters: list[ChapterMark] = field(default_factory=list)
    audio_tracks: list[TrackInfo] = field(default_factory=list)
    subtitle_tracks: list[TrackInfo] = field(default_factory=list)
    error: str | None = None  # the file and the reason; the other fields are empty when set

    @property
    def ok(self) -> bool:
        return self.error is None


def _failure(message: str) -> ProbeResult:
    return ProbeResult(duration_ms=None, error=message)


_instance_lock = threading.Lock()
_instance: Any = None


def _probe_instance() -> Any:
    """One headless instance shared by all probes (libvlc instances are thread-safe)."""
    global _instance
    with _instance_lock:
        if _instance is None:
            _instance = make_instance(headless=True)
        return _instance


def _wait_for_events(event_manager: Any, event_types: list[Any], start: Any, timeout_s: float) -> bool:
    """Attach to events, call start(), wait until one fires or the timeout passes."""
    fired = threading.Event()

    def on_event(_event: Any) -> None:  # libvlc thread: only set a flag, never call libvlc
        fired.set()

    for et in event_types:
        event_manager.event_attach(et, on_event)
    try:
        if start() == -1:
            return False
        return fired.wait(max(timeout_s, 0.0))
    finally:
        for et in event_types:
            event_manager.event_detach(et)


# A Matroska file with several editions opens on title 0 and switches to its default edition
# (TitleChanged) just after the input starts: wait that long at most for the switch.
EDITION_SWITCH_TIMEOUT_S = 0.5


def _read_chapters(vlc: Any, instance: Any, source: str, deadline: float) -> list[RawChapter] | None:
    """Chapters of the title libvlc would play (None on timeout).

    libvlc 3 has no media-level chapter API: open the media paused, with no audio or video
    decoding, and read the player's chapter list once the input has started.
    """
    media = media_from_source(instance, source)
    for option in (":start-paused", ":no-audio", ":no-video"):  # constants, never data
        media.add_option(option)
    player = instance.media_player_new()
    events = player.event_manager()
    started = threading.Event()
    title_settled = threading.Event()

    # libvlc threads: only set flags, never call libvlc.
    def on_started(_event: Any) -> None:
        started.set()

    def on_title(_event: Any) -> None:
        if started.is_set():
            title_settled.set()

    E = vlc.EventType
    start_events = [E.MediaPlayerPaused, E.MediaPlayerEndReached, E.MediaPlayerEncounteredError]
    for et in start_events:
        events.event_attach(et, on_started)
    events.event_attach(E.MediaPlayerTitleChanged, on_title)
    try:
        player.set_media(media)
        if player.play() == -1 or not started.wait(max(deadline - time.monotonic(), 0.0)):
            return None
        if player.get_title_count() > 1:
            title_settled.wait(max(min(EDITION_SWITCH_TIMEOUT_S, deadline - time.monotonic()), 0.0))
        return read_chapters(vlc, player)
    finally:
        for et in [*start_events, E.MediaPlayerTitleChanged]:
            events.event_detach(et)
        player.stop()
        player.release()
        media.release()


def probe_media(source: str, timeout_s: float = 5.0) -> ProbeResult:
    """Duration, normalised chapters and audio/subtitle tracks of a local file or http(s) URL."""
    deadline = time.monotonic() + timeout_s
    vlc = load_vlc()
    if vlc is None:
        return _failure(describe_problem(source, vlc_unavailable_reason()))
    try:
        path = local_path(source)
    except UnsupportedSource as exc:
        return _failure(str(exc))
    if path is not None:
        problem = local_file_problem(path) or container_problem(path)
        if problem:
            return _failure(describe_problem(source, problem))
    instance = _probe_instance()
    if instance is None:
        return _failure(describe_problem(source, "libvlc could not be started"))

    media = media_from_source(instance, source)
    try:
        flag = vlc.MediaParseFlag.local if path is not None else vlc.MediaParseFlag.network
        timeout_ms = max(1, int((deadline - time.monotonic()) * 1000))
        _wait_for_events(
            media.event_manager(),
            [vlc.EventType.MediaParsedChanged],
            lambda: media.parse_with_options(flag, timeout_ms),
            timeout_s,
        )
        status = media.get_parsed_status()
        if status != vlc.MediaParsedStatus.done:
            media.parse_stop()
            reason = (
                "analysing it took too long"
                if status == vlc.MediaParsedStatus.timeout
                else "it could not be analysed"
            )
            return _failure(describe_problem(source, reason))
        duration = media.get_duration()
        raw_tracks = read_media_tracks(vlc, media)
    finally:
        media.release()

    if not any(t.type in (TRACK_AUDIO, TRACK_VIDEO) for t in raw_tracks):
        return _failure(
            describe_problem(source, "no audio or video stream was found (unknown or damaged format)")
        )
    duration_ms = duration if duration and duration > 0 else None
    raw_chapters = _read_chapters(vlc, instance, source, deadline)
    if raw_chapters is None:
        return _failure(describe_problem(source, f"reading its chapters took longer than {timeout_s:g} s"))
    return ProbeResult(
        duration_ms=duration_ms,
        chapters=normalise_chapters(raw_chapters, duration_ms),
        audio_tracks=track_infos(raw_tracks, TRACK_AUDIO),
        subtitle_tracks=track_infos(raw_tracks, TRACK_TEXT),
    )


def _track_json(t: TrackInfo) -> dict[str, Any]:
    return {"id": t.id, "language": t.language, "label": t.label}


def probe_json(source: str, timeout_s: float = 5.0) -> dict[str, Any]:
    """What `vod-app probe MEDIA --json` prints. An "error" key is present only when probing failed."""
    result = probe_media(source, timeout_s)
    out: dict[str, Any] = {
        "duration_ms": result.duration_ms,
        "chapters": [{"start_ms": c.start_ms, "end_ms": c.end_ms, "title": c.title} for c in result.chapters],
        "audio_tracks": [_track_json(t) for t in result.audio_tracks],
        "subtitle_tracks": [_track_json(t) for t in result.subtitle_tracks],
    }
    if result.error is not None:
        out["error"] = result.error
    return out

"""Audio and subtitle track records (read from libvlc by vod_app.playback.native)."""

from __future__ import annotations

from dataclasses import dataclass

from vod_app.domain.languages import normalise_language

TRACK_AUDIO = 0
TRACK_VIDEO = 1
TRACK_TEXT = 2


@dataclass(frozen=True)
class TrackInfo:
    """One audio or subtitle track as the UI shows it. `id` is libvlc's track id."""

    id: int
    language: str | None  # BCP 47-ish ('en', 'pt-BR'); None when undetermined
    label: str | None  # the track's own title ('Commentary'); None when it has none
    codec: str | None = None  # fourcc ('mp4a', 'a52 ', 'subt') stripped


@dataclass(frozen=True)
class RawTrack:
    id: int
    type: int
    codec: str | None
    language: str | None
    description: str | None


def track_infos(raw: list[RawTrack], track_type: int) -> list[TrackInfo]:
    return [
        TrackInfo(
            id=t.id,
            language=normalise_language(t.language),
            label=t.description,
            codec=t.codec,
        )
        for t in raw
        if t.type == track_type
    ]

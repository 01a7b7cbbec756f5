"""A recording's transcript from the catalog: its cues in one language, with speakers.

Each cue's speaker comes from the catalog's interventions when the recording has any (who speaks
most of the cue's time), else from the caption file's voice spans, as follows.

The catalog stores cue text plain (tags stripped, as it is indexed), so WebVTT voice spans
(``<v Name>``) are read back from the caption file the track came from, matched by cue timing.
A file that is gone or unreadable only loses the speakers, never the transcript.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the window installs these at start: SQLAlchemy and the models load on first use
    from vod_app.catalog.database import Catalog


def transcript_languages(catalog: Catalog, recording_id: int) -> list[str]:
    """Languages that have cues for ``recording_id``, in track order."""
    from sqlalchemy import select

    from vod_app.catalog import models as m

    with catalog.read() as s:
        rows = s.execute(
            select(m.CaptionTrack.language).where(m.CaptionTrack.recording_id == recording_id).order_by(m.CaptionTrack.id)
        ).all()
    seen: list[str] = []
    for (lang,) in rows:
        if lang and lang not in seen:
            seen.append(lang)
    return seen


def choose_language(available: Sequence[str], wanted: Sequence[str]) -> str | None:
    """The first of ``wanted`` (exact, then by primary subtag) that is available, else the first one."""
    for want in wanted:
        if not want:
            continue
        if want in available:
            return want
        base = want.split("-")[0]
        for lang in available:
            if lang.split("-")[0] == base:
                return lang
    return available[0] if available else None


def transcript_cues(catalog: Catalog, recording_id: int, language: str) -> list[tuple[int, int, str, str]]:
    """(start_ms, end_ms, text, speaker) of every cue of ``language`` for ``recording_id``."""
    from sqlalchemy import select

    from vod_app.catalog import models as m

    with catalog.read() as s:
        tracks = s.execute(
            select(m.CaptionTrack.id, m.CaptionTrack.source).where(
                m.CaptionTrack.recording_id == recording_id, m.CaptionTrack.language == language
            ).order_by(m.CaptionTrack.id)
        ).all()
        if not tracks:
            return []
        track_id, source = tracks[0]
        c = m.Cue
        rows = s.execute(select(c.start_ms, c.end_ms, c.text).where(c.track_id == track_id).order_by(c.start_ms, c.id)).all()
    from vod_app.catalog.speakers import recording_speakers
    from vod_app.domain.speakers import interventions_of, label_cues

    # The catalog's interventions win over the captions' voice spans (domain/speakers.py).
    catalogued = interventions_of(recording_speakers(catalog, recording_id), recording_id)
    if catalogued:
        return label_cues([(start, end, text, "") for start, end, text in rows], catalogued)
    voices = _voices(source)
    return [(start, end, text, voices.get((start, end), "")) for start, end, text in rows]


def _voices(source: str | None) -> dict[tuple[int, int], str]:
    """Speaker by (start_ms, end_ms) from a local WebVTT file's voice spans; {} when unavailable."""
    if not source or source.startswith(("http://", "https://")):
        return {}
    path = Path(source)
    if path.suffix.lower() != ".vtt" or not path.is_file():
        return {}
    from vod_app.catalog.caption_cues import CAPTION_MAX_BYTES
    from vod_app.formats.captions import load_caption_file
    from vod_app.formats.cuetext import cue_voice

    try:
        doc = load_caption_file(path, max_bytes=CAPTION_MAX_BYTES)
    except (OSError, ValueError):
        return {}
    return {(cue.start_ms, cue.end_ms): voice for cue in doc.cues if (voice := cue_voice(cue.text))}


def recordings_for(catalog: Catalog, ident: str) -> list[tuple[int, str]]:
    """(id, uid) of the recording named ``ident``, else of every recording of the session so named."""
    from sqlalchemy import select

    from vod_app.catalog import models as m

    with catalog.read() as s:
        rec = s.execute(select(m.Recording.id, m.Recording.uid).where(m.Recording.uid == ident)).first()
        if rec is not None:
            return [(rec[0], rec[1])]
        sid = s.execute(select(m.Session.id).where(m.Session.uid == ident)).scalar()
        if sid is None:
            return []
        rows = s.execute(
            select(m.Recording.id, m.Recording.uid).where(m.Recording.session_id == sid).order_by(m.Recording.position, m.Recording.id)
        ).all()
    return [(rid, uid) for rid, uid in rows]

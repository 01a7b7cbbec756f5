"""Reading the speaker index: a session's speakers with their interventions (migration 0008)."""

from __future__ import annotations

from sqlalchemy import select

from vod_app.catalog import models as m
from vod_app.catalog.database import Catalog
from vod_app.domain.speakers import SpeakerEntry, SpokenSpan


def session_speakers(
    catalog: Catalog, session_id: int, recording_id: int | None = None
) -> list[SpeakerEntry]:
    """The session's catalogued speakers in catalog order, each with their interventions in recording
    and time order (only ``recording_id``'s, and only its speakers, when given)."""
    sp, iv, rec = m.Speaker, m.Intervention, m.Recording
    with catalog.read() as s:
        speakers = s.execute(
            select(sp.id, sp.name, sp.role, sp.affiliation, sp.country, sp.is_sample)
            .where(sp.session_id == session_id)
            .order_by(sp.position, sp.id)
        ).all()
        if not speakers:
            return []
        q = (
            select(iv.speaker_id, iv.recording_id, rec.uid, iv.start_ms, iv.end_ms, iv.language)
            .join(rec, rec.id == iv.recording_id)
            .where(rec.session_id == session_id)
            .order_by(rec.position, iv.start_ms, iv.end_ms, iv.id)
        )
        if recording_id is not None:
            q = q.where(iv.recording_id == recording_id)
        spans: dict[int, list[SpokenSpan]] = {}
        for speaker_id, rid, ruid, start, end, lang in s.execute(q):
            spans.setdefault(speaker_id, []).append(SpokenSpan(rid, ruid, start, end, lang))
    return [
        SpeakerEntry(name, role, affiliation, country, bool(sample), tuple(spans.get(sid, ())))
        for sid, name, role, affiliation, country, sample in speakers
        if recording_id is None or sid in spans
    ]


def recording_speakers(catalog: Catalog, recording_id: int) -> list[SpeakerEntry]:
    """The catalogued speakers of one recording with their interventions in it ([] when none)."""
    with catalog.read() as s:
        session_id = s.execute(select(m.Recording.session_id).where(m.Recording.id == recording_id)).scalar()
    return [] if session_id is None else session_speakers(catalog, session_id, recording_id)

"""A session's speakers and its recordings' interventions as catalog rows (migration 0008).

Called by the importer inside its write transaction: rows go through the same BulkRows buffers as
chapters, and a re-import replaces them with the session's other children (its recordings' rows go
with the recordings, the speakers and their name terms are deleted here).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, delete, select

from vod_app.catalog import models as m
from vod_app.catalog.bulk_rows import BulkRows
from vod_app.catalog.validation import normalize_lang
from vod_app.domain.transcript import fold

_WORD = re.compile(r"[^\W_]+")
MAX_TERM_CHARS = 200


def name_terms(name: str) -> list[str]:
    """The folded words of a name (``Dr. José Núñez`` -> dr, jose, nunez): what search matches."""
    return list(dict.fromkeys(t[:MAX_TERM_CHARS] for t in _WORD.findall(fold(name))))


def buffer_speakers(rows: BulkRows, session_id: int, speakers: list[dict[str, Any]]) -> dict[str, int]:
    """Buffer a session's speakers and their name terms; their row ids by catalog speaker id."""
    ids: dict[str, int] = {}
    for pos, sp in enumerate(speakers):
        sid = rows._new_id(m.Speaker)
        ids[sp["id"]] = sid
        rows._buffer(
            m.Speaker,
            {
                "id": sid,
                "session_id": session_id,
                "uid": sp["id"],
                "position": pos,
                "name": sp["name"].strip(),
                "role": sp.get("role"),
                "affiliation": sp.get("affiliation"),
                "country": sp.get("country"),
                "is_sample": bool(sp.get("sample", False)),
            },
        )
        for term in name_terms(sp["name"]):
            rows._buffer(m.SpeakerTerm, {"term": term, "speaker_id": sid})
    return ids


def buffer_interventions(
    rows: BulkRows, recording_id: int, interventions: list[dict[str, Any]], speaker_ids: dict[str, int]
) -> None:
    """Buffer a recording's interventions, in time order."""
    for iv in sorted(interventions, key=lambda iv: (iv["start_ms"], iv["end_ms"])):
        lang = iv.get("language")
        rows._buffer(
            m.Intervention,
            {
                "id": rows._new_id(m.Intervention),
                "recording_id": recording_id,
                "speaker_id": speaker_ids[iv["speaker"]],
                "start_ms": iv["start_ms"],
                "end_ms": iv["end_ms"],
                "language": normalize_lang(lang) if lang else None,
            },
        )


def delete_speakers(conn: Connection, session_id: int) -> None:
    """Remove a session's speakers with their name terms and interventions (explicitly: the catalog
    does not rely on a connection having foreign keys on)."""
    ids = select(m.Speaker.id).where(m.Speaker.session_id == session_id)
    conn.execute(delete(m.Intervention).where(m.Intervention.speaker_id.in_(ids)))
    conn.execute(delete(m.SpeakerTerm).where(m.SpeakerTerm.speaker_id.in_(ids)))
    conn.execute(delete(m.Speaker).where(m.Speaker.session_id == session_id))

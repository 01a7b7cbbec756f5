"""Who speaks when: the catalog's speaker index, and which source a recording's speakers come from.

Two sources, in order: the catalog's interventions (``CATALOG``), else the WebVTT voice spans of the
captions (``VOICE_TAGS``, domain/transcript.py ``voice_interventions``). Where a recording has
catalog interventions they decide everything shown: the Speakers tab, who is speaking now, the
seek bar's shading, the transcript's speaker of each line and its filter, ``vod-app speakers``.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from vod_app.domain.transcript import Intervention

CATALOG = "catalog"
VOICE_TAGS = "captions"  # Intervention.source of voice spans


@dataclass(frozen=True, slots=True)
class SpokenSpan:
    """One intervention of a catalogued speaker."""

    recording_id: int
    recording_uid: str
    start_ms: int
    end_ms: int
    language: str | None = None


@dataclass(frozen=True, slots=True)
class SpeakerEntry:
    """A session's speaker from the catalog, with their interventions in recording order."""

    name: str
    role: str | None = None
    affiliation: str | None = None
    country: str | None = None
    is_sample: bool = False
    spans: tuple[SpokenSpan, ...] = ()

    @property
    def total_ms(self) -> int:
        return sum(s.end_ms - s.start_ms for s in self.spans)

    def details(self) -> str:
        """Role, affiliation and country in one plain line ('' when none is known)."""
        where = ", ".join(x for x in (self.affiliation, self.country) if x)
        return " · ".join(x for x in (self.role, where) if x)


def interventions_of(entries: Iterable[SpeakerEntry], recording_id: int) -> list[Intervention]:
    """The catalog interventions of one recording, by start time."""
    out = [
        Intervention(e.name, s.start_ms, s.end_ms, CATALOG)
        for e in entries
        for s in e.spans
        if s.recording_id == recording_id
    ]
    return sorted(out, key=lambda iv: (iv.start_ms, iv.end_ms))


class SpeakerIndex:
    """Who speaks at a time, over interventions sorted by start (bisect; they may overlap)."""

    def __init__(self, interventions: Sequence[Intervention]) -> None:
        self.items = sorted(interventions, key=lambda iv: (iv.start_ms, iv.end_ms))
        self.starts = [iv.start_ms for iv in self.items]
        self.longest = max((iv.end_ms - iv.start_ms for iv in self.items), default=0)

    def _around(self, start_ms: int, end_ms: int) -> Iterable[Intervention]:
        """Interventions overlapping [start_ms, end_ms) (or holding start_ms when they are equal)."""
        i = bisect.bisect_right(self.starts, max(start_ms, end_ms - 1) if end_ms > start_ms else start_ms)
        while i > 0:
            i -= 1
            iv = self.items[i]
            if iv.start_ms < start_ms - self.longest:
                break
            if iv.end_ms > start_ms:
                yield iv

    def speaker_at(self, ms: int) -> str:
        """Who is speaking at ``ms`` ('' nobody); of overlapping speakers, the one who started last."""
        for iv in self._around(ms, ms):
            return iv.speaker
        return ""

    def speaker_of(self, start_ms: int, end_ms: int) -> str:
        """Whose intervention covers most of [start_ms, end_ms) (a caption cue), '' if nobody's."""
        best, best_overlap = "", 0
        for iv in self._around(start_ms, end_ms):
            overlap = min(iv.end_ms, end_ms) - max(iv.start_ms, start_ms)
            if overlap > best_overlap:
                best, best_overlap = iv.speaker, overlap
        return best


def label_cues(
    cues: Sequence[tuple[int, int, str, str]], interventions: Sequence[Intervention]
) -> list[tuple[int, int, str, str]]:
    """Cues (start, end, text, voice) with their speaker from the catalog; unchanged without interventions."""
    if not interventions:
        return list(cues)
    index = SpeakerIndex(interventions)
    return [(s, e, text, index.speaker_of(s, e)) for s, e, text, _voice in cues]

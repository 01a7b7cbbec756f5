"""A recording's transcript: caption cues in time order, with speakers and panel headings.

Qt-free so that the player, the CLI and the bench share one definition of what a transcript holds,
which line is current at a time, and what a find matches.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from vod_app.domain.records import PanelRange


@dataclass(frozen=True, slots=True)
class TranscriptLine:
    """One row of a transcript: a cue (``heading`` empty) or a panel heading (``text`` empty)."""

    start_ms: int
    end_ms: int
    text: str
    speaker: str = ""
    heading: str = ""

    @property
    def is_heading(self) -> bool:
        return bool(self.heading)


@dataclass(frozen=True, slots=True)
class Intervention:
    """A stretch of one speaker's consecutive cues (from WebVTT voice spans)."""

    speaker: str
    start_ms: int
    end_ms: int
    source: str = "captions"


def fold(text: str) -> str:
    """Case- and accent-insensitive form, as search treats text (``migracion`` finds ``migración``)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def build_transcript(
    cues: Iterable[tuple[int, int, str, str]],
    panel_ranges: Sequence[PanelRange] = (),
    panel_title: Callable[[int], str] = lambda _pid: "",
) -> list[TranscriptLine]:
    """Cues (start, end, text, speaker) sorted by time, with a heading row where each panel starts.

    A heading is inserted before the first cue at or after its panel's start, so the transcript and
    the description pane agree on where a panel begins.
    """
    lines = sorted((TranscriptLine(s, e, t, sp) for s, e, t, sp in cues), key=lambda c: (c.start_ms, c.end_ms))
    ranges = sorted(panel_ranges, key=lambda r: r.start_ms)
    if not ranges:
        return lines
    out: list[TranscriptLine] = []
    ri = 0
    for line in lines:
        while ri < len(ranges) and ranges[ri].start_ms <= line.start_ms:
            out.append(_heading(ranges[ri], panel_title))
            ri += 1
        out.append(line)
    out.extend(_heading(r, panel_title) for r in ranges[ri:])
    return out


def _heading(r: PanelRange, panel_title: Callable[[int], str]) -> TranscriptLine:
    return TranscriptLine(r.start_ms, r.end_ms if r.end_ms is not None else r.start_ms, "", "", panel_title(r.panel_id) or "—")


def current_index(starts: Sequence[int], ms: int) -> int:
    """Index of the row playing at ``ms`` (the last one started), -1 before the first."""
    return bisect.bisect_right(starts, ms) - 1


def find_rows(lines: Sequence[TranscriptLine], query: str) -> list[int]:
    """Rows whose text or speaker contains ``query``, accent- and case-insensitively."""
    needle = fold(query.strip())
    if not needle:
        return []
    return [i for i, line in enumerate(lines) if needle in fold(line.text or line.heading) or (line.speaker and needle in fold(line.speaker))]


def voice_interventions(lines: Iterable[TranscriptLine]) -> list[Intervention]:
    """Consecutive cues of one voice make one intervention; a cue with no voice ends the run."""
    out: list[Intervention] = []
    current: Intervention | None = None
    for line in lines:
        if line.is_heading:
            continue
        if line.speaker and current is not None and current.speaker == line.speaker:
            current = Intervention(current.speaker, current.start_ms, max(current.end_ms, line.end_ms))
            out[-1] = current
        elif line.speaker:
            current = Intervention(line.speaker, line.start_ms, line.end_ms)
            out.append(current)
        else:
            current = None
    return out

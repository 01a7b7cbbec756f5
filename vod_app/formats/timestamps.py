"""Chapters from timestamps in a free-text description, YouTube style (see docs/chapters.md)."""

from __future__ import annotations

import re
from pathlib import Path

from vod_app.formats.decode import split_lines
from vod_app.formats.model import ChapterMark

__all__ = [
    "MIN_DESCRIPTION_CHAPTERS",
    "chapters_json_from_text_file",
    "description_chapters",
    "parse_description_chapters",
    "parse_description_timestamp",
]

MIN_DESCRIPTION_CHAPTERS = 3
# h:mm:ss or m:ss / mm:ss / mmm:ss; with hours, minutes are two digits.
_TS = r"(?:([0-9]{1,2}):([0-5][0-9])|([0-9]{1,3})):([0-5][0-9])"
# Not glued to letters or digits ("10:30am", "v1:00"), not continued by ":<digit>" or ".<digit>".
_TS_END = r"(?![0-9A-Za-z]|[:.][0-9])"
_LIST_MARKER = r"(?:[-*•·]\s+|[▶►▸→]\s*|[0-9]{1,3}[.)]\s+)?"
_START = re.compile(r"^" + _LIST_MARKER + r"[\[(]?" + _TS + r"[\])]?" + _TS_END + r"(.*)$")
_END = re.compile(r"^(.*?)([\[(]?)" + _TS + r"[\])]?$")
# "0:00 - 5:00 Intro": the second time is the end of a range, not part of the title.
_RANGE_END = re.compile(r"^\s*[-–—~]\s*[\[(]?" + _TS + r"[\])]?" + _TS_END)
_TIMESTAMP_ONLY = re.compile(_TS)
# "9:00 am Registration", "2:30 p.m. Closing": clock times, whatever their values.
_CLOCK_SUFFIX = re.compile(r"(?:[ap]\.?m\.?|[AP]\.?M\.?)(?:\s|$)")
_SEPARATORS = " \t\u00a0-–—|:•·"


def parse_description_timestamp(text: str) -> int | None:
    """Milliseconds for ``m:ss``, ``mm:ss`` or ``h:mm:ss``; None otherwise."""
    match = _TIMESTAMP_ONLY.fullmatch(text.strip())
    return _ms(match.groups()) if match else None


def parse_description_chapters(text: str, duration_ms: int | None = None) -> list[ChapterMark]:
    """Chapters from lines that start or end with a timestamp; [] unless the set is valid.

    The rules (docs/chapters.md) follow yt-dlp's reading of descriptions, plus two guards that
    recorded sessions need: a first timestamp after 0:00 adds an untitled lead-in chapter at 0
    (title ""), and a list shaped like an agenda of clock times is never chapters.
    """
    return description_chapters(text, duration_ms)[0]


def description_chapters(text: str, duration_ms: int | None = None) -> tuple[list[ChapterMark], str]:
    """``(chapters, why_none)``: ``why_none`` says, in one line, why a description gave no chapters."""
    marks: list[tuple[int, str, int]] = []  # (start, title, line number)
    two_field = True  # every timestamp written as m:ss / mm:ss (an agenda's hh:mm looks the same)
    for number, line in enumerate(split_lines(text), 1):
        mark = _chapter_line(line)
        if mark is not None:
            start, title, fields = mark
            marks.append((start, title, number))
            two_field = two_field and fields == 2
    if not marks:
        return [], "no line starts or ends with a timestamp such as 0:00 or 1:02:03"
    if len(marks) < MIN_DESCRIPTION_CHAPTERS:
        return [], (
            f"only {len(marks)} timestamped {_plural(len(marks), 'line')} "
            f"(line {marks[0][2]}); chapters need at least {MIN_DESCRIPTION_CHAPTERS}"
        )
    for (earlier, _, _), (later, _, number) in zip(marks, marks[1:], strict=False):
        if later <= earlier:
            return [], (
                f"line {number}: {_fmt(later)} does not come after {_fmt(earlier)}; "
                "timestamps must be in ascending order"
            )
    if duration_ms is not None and marks[-1][0] >= duration_ms:
        start, _, number = marks[-1]
        return [], f"line {number}: {_fmt(start)} is at or after the end of the recording ({_fmt(duration_ms)})"
    if marks[0][0] != 0:
        agenda = _agenda_reason(marks, two_field)
        if agenda:
            return [], agenda
    starts = [(start, title) for start, title, _ in marks]
    if starts[0][0] != 0:
        starts.insert(0, (0, ""))  # the untitled lead-in before the first timestamp
    ends: list[int | None] = [start for start, _ in starts[1:]]
    ends.append(duration_ms)
    return [ChapterMark(start, end, title) for (start, title), end in zip(starts, ends, strict=True)], ""


def _agenda_reason(marks: list[tuple[int, str, int]], two_field: bool) -> str:
    """Why a list that does not start at 0:00 is an agenda of clock times ("" when it is not one).

    ``09:00 Registration / 09:30 Opening / 10:30 Panel`` also reads as offsets 9:00, 9:30 and
    10:30 into a recording, so the duration cannot tell; the shape does: a clock time is a valid
    hour (6-23, a working day) and minutes on a multiple of five, or it is followed by am/pm.
    """
    first_line = marks[0][2]
    if any(_CLOCK_SUFFIX.match(title) for _, title, _ in marks):
        return f"line {first_line}: the times are followed by am/pm: an agenda of clock times, not chapters"
    if not two_field:
        return ""
    fields = [divmod(start // 1000, 60) for start, _, _ in marks]
    if all(6 <= hour <= 23 and minute % 5 == 0 for hour, minute in fields):
        return (
            f"line {first_line}: the list starts at {_clock(fields[0])} and every time is a "
            "round time of day: an agenda of clock times, not chapters (an offset list starts at 0:00)"
        )
    return ""


def _clock(hour_minute: tuple[int, int]) -> str:
    return f"{hour_minute[0]:02d}:{hour_minute[1]:02d}"


def _fmt(ms: int) -> str:
    seconds = ms // 1000
    if seconds >= 3600:
        return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    return f"{seconds // 60}:{seconds % 60:02d}"


def _plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"


def chapters_json_from_text_file(path: Path, duration_ms: int | None) -> list[dict]:
    """Chapters of a text file as ``[{"start_ms", "end_ms", "title"}]`` (see ``chapter_files``)."""
    from vod_app.formats.chapter_files import read_chapters_file

    chapters = read_chapters_file(path, duration_ms).chapters
    return [{"start_ms": c.start_ms, "end_ms": c.end_ms, "title": c.title} for c in chapters]


def _chapter_line(line: str) -> tuple[int, str, int] | None:
    """``(start_ms, title, number of time fields)`` of a chapter line, else None."""
    line = line.strip()
    match = _START.match(line)
    if match is not None:
        groups = match.groups()
        rest = match.group(5)
        range_end = _RANGE_END.match(rest)
        if range_end is not None:
            rest = rest[range_end.end() :]
        title = rest.strip(_SEPARATORS)
        return (_ms(groups[:4]), title, _field_count(groups[:4])) if title else None
    match = _END.match(line)
    if match is not None:
        rest, bracket = match.group(1), match.group(2)
        # The time must stand apart from the title ("Panel 3 1:02:03"), not be glued to it ("v1:02:03").
        if rest and not bracket and (rest[-1].isalnum() or rest[-1] in ":."):
            return None
        title = rest.strip(_SEPARATORS)
        groups = match.groups()[2:6]
        return (_ms(groups), title, _field_count(groups)) if title else None
    return None


def _field_count(groups: tuple[str | None, ...]) -> int:
    return 3 if groups[0] is not None else 2


def _ms(groups: tuple[str | None, ...]) -> int:
    hours, hour_minutes, minutes, seconds = groups
    if hours is not None and hour_minutes is not None:
        total = int(hours) * 3600 + int(hour_minutes) * 60
    else:
        total = int(minutes or 0) * 60
    return (total + int(seconds or 0)) * 1000

"""Chapters from timestamps in a free-text description, YouTube style (see docs/chapters.md)."""

from __future__ import annotations

import re
from pathlib import Path

from vod_app.formats.captions import read_limited
from vod_app.formats.decode import decode_text, split_lines
from vod_app.formats.model import ChapterMark
from vod_app.formats.webvtt import has_webvtt_signature, parse_webvtt, webvtt_chapters

__all__ = [
    "MIN_DESCRIPTION_CHAPTERS",
    "chapters_json_from_text_file",
    "parse_description_chapters",
    "parse_description_timestamp",
]

MIN_DESCRIPTION_CHAPTERS = 3
# Chapter and description files are small; refuse anything that is clearly something else.
_MAX_TEXT_FILE_BYTES = 16 * 1024 * 1024

# h:mm:ss or m:ss / mm:ss / mmm:ss; with hours, minutes are two digits.
_TS = r"(?:([0-9]{1,2}):([0-5][0-9])|([0-9]{1,3})):([0-5][0-9])"
# Not glued to letters or digits ("10:30am", "v1:00"), not continued by ":<digit>" or ".<digit>".
_TS_END = r"(?![0-9A-Za-z]|[:.][0-9])"
_LIST_MARKER = r"(?:[-*•·]\s+|[0-9]{1,3}[.)]\s+)?"
_START = re.compile(r"^" + _LIST_MARKER + r"[\[(]?" + _TS + r"[\])]?" + _TS_END + r"(.*)$")
_END = re.compile(r"^(.*?)([\[(]?)" + _TS + r"[\])]?$")
# "0:00 - 5:00 Intro": the second time is the end of a range, not part of the title.
_RANGE_END = re.compile(r"^\s*[-–—~]\s*[\[(]?" + _TS + r"[\])]?" + _TS_END)
_TIMESTAMP_ONLY = re.compile(_TS)
_SEPARATORS = " \t\u00a0-–—|:•·"


def parse_description_timestamp(text: str) -> int | None:
    """Milliseconds for ``m:ss``, ``mm:ss`` or ``h:mm:ss``; None otherwise."""
    match = _TIMESTAMP_ONLY.fullmatch(text.strip())
    return _ms(match.groups()) if match else None


def parse_description_chapters(text: str, duration_ms: int | None = None) -> list[ChapterMark]:
    """Chapters from lines that start or end with a timestamp; [] unless the set is valid.

    Valid means: at least three chapter lines, the first at 0:00, strictly ascending, and
    (when ``duration_ms`` is known) none starting at or after the end. The rest of a chapter
    line, without separators, is the title. Each chapter ends where the next starts; the
    last ends at ``duration_ms`` (None when unknown).
    """
    marks: list[tuple[int, str]] = []
    for line in split_lines(text):
        mark = _chapter_line(line)
        if mark is not None:
            marks.append(mark)
    if len(marks) < MIN_DESCRIPTION_CHAPTERS or marks[0][0] != 0:
        return []
    if any(later <= earlier for (earlier, _), (later, _) in zip(marks, marks[1:], strict=False)):
        return []
    if duration_ms is not None and marks[-1][0] >= duration_ms:
        return []
    ends: list[int | None] = [start for start, _ in marks[1:]]
    ends.append(duration_ms)
    return [ChapterMark(start, end, title) for (start, title), end in zip(marks, ends, strict=True)]


def chapters_json_from_text_file(path: Path, duration_ms: int | None) -> list[dict]:
    """Chapters of a text file as ``[{"start_ms", "end_ms", "title"}]``.

    A file with a WebVTT signature is read as a WebVTT chapters file (top-level chapters,
    fitted to ``duration_ms``); anything else as a description with timestamps.
    """
    path = Path(path)
    text, _encoding, _warnings = decode_text(read_limited(path, _MAX_TEXT_FILE_BYTES))
    if has_webvtt_signature(text):
        chapters, _chapter_warnings = webvtt_chapters(parse_webvtt(text))
        chapters = _fit_to_duration(chapters, duration_ms)
    else:
        chapters = parse_description_chapters(text, duration_ms)
    return [{"start_ms": c.start_ms, "end_ms": c.end_ms, "title": c.title} for c in chapters]


def _chapter_line(line: str) -> tuple[int, str] | None:
    line = line.strip()
    match = _START.match(line)
    if match is not None:
        start = _ms(match.groups()[:4])
        rest = match.group(5)
        range_end = _RANGE_END.match(rest)
        if range_end is not None:
            rest = rest[range_end.end() :]
        title = rest.strip(_SEPARATORS)
        return (start, title) if title else None
    match = _END.match(line)
    if match is not None:
        rest, bracket = match.group(1), match.group(2)
        # The time must stand apart from the title ("Panel 3 1:02:03"), not be glued to it ("v1:02:03").
        if rest and not bracket and (rest[-1].isalnum() or rest[-1] in ":."):
            return None
        title = rest.strip(_SEPARATORS)
        return (_ms(match.groups()[2:6]), title) if title else None
    return None


def _ms(groups: tuple[str | None, ...]) -> int:
    hours, hour_minutes, minutes, seconds = groups
    if hours is not None and hour_minutes is not None:
        total = int(hours) * 3600 + int(hour_minutes) * 60
    else:
        total = int(minutes or 0) * 60
    return (total + int(seconds or 0)) * 1000


def _fit_to_duration(chapters: list[ChapterMark], duration_ms: int | None) -> list[ChapterMark]:
    """Drop chapters that start at or after the end of the media and cut the last one there."""
    if duration_ms is None:
        return chapters
    fitted = []
    for chapter in chapters:
        if chapter.start_ms >= duration_ms:
            continue
        end = chapter.end_ms
        if end is not None and end > duration_ms:
            end = duration_ms
        fitted.append(ChapterMark(chapter.start_ms, end, chapter.title))
    return fitted

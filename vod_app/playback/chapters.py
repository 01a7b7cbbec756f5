"""Turning the chapter list libvlc reports into clean, sorted, non-overlapping chapter marks.

libvlc gives, for the title (Matroska edition) it plays, each chapter's start, a "duration" that is
just the next *declared* start minus this one (negative for unsorted lists), and a name that for
Matroska carries a depth prefix (" Name", "+ Nested") with every ChapterDisplay glued on. Rules
(docs/playback.md explains why):

1. Names: strip the Matroska depth prefix; for nested chapters keep the first display only
   ("+ Podczęść 1+ Subpart 1" -> "Podczęść 1"); control characters become spaces, runs of
   whitespace collapse, outer whitespace goes. Top-level multi-language names cannot be split
   (the separator is a plain space) and stay concatenated.
2. Chapters starting before 0 or at/after the known duration are dropped.
3. Sorted by start (stable: declared order breaks ties).
4. Several chapters at the same start: the first declared one (the outer chapter) is kept.
5. end_ms is the next start; the last chapter ends at the duration (None when unknown). Declared
   end times are not visible through libvlc, so overlaps and "zero-length" chapters cannot
   survive: chapters are seek points that partition the timeline.
6. Untitled chapters get "Chapter N", N being the position in the final list.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from vod_app.formats.model import ChapterMark

__all__ = ["ChapterMark", "RawChapter", "chapter_at", "clean_chapter_name", "normalise_chapters"]


@dataclass(frozen=True)
class RawChapter:
    start_ms: int
    name: str | bytes | None


_DEPTH_PREFIX_RE = re.compile(r"^(\+*) ")
_WHITESPACE_RE = re.compile(r"\s+")


def clean_chapter_name(name: str | bytes | None) -> str:
    """Display text of one libvlc chapter name ('' when it has none)."""
    if name is None:
        return ""
    if isinstance(name, bytes):
        name = name.decode("utf-8", "replace")
    m = _DEPTH_PREFIX_RE.match(name)
    if m:
        depth = len(m.group(1))
        name = name[m.end() :]
        if depth:
            # Further displays of a nested chapter are glued on as "<text>+ <text>"; a marker right
            # after a non-space character is such a join (a "+ " inside a title follows a space).
            joiner = re.compile(r"(?<=[^\s+])" + re.escape("+" * depth) + r" (?!\s)")
            name = joiner.split(name, maxsplit=1)[0]
    name = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in name)
    return _WHITESPACE_RE.sub(" ", name).strip()


def untitled_chapter_name(number: int) -> str:
    return QCoreApplication.translate("ChapterMarks", "Chapter %1").replace("%1", str(number))


def normalise_chapters(raw: Iterable[RawChapter], duration_ms: int | None) -> list[ChapterMark]:
    """Apply the module's rules to chapters in libvlc's (declared) order."""
    duration = duration_ms if duration_ms and duration_ms > 0 else None
    kept = [c for c in raw if c.start_ms >= 0 and (duration is None or c.start_ms < duration)]
    kept.sort(key=lambda c: c.start_ms)  # stable: declared order breaks ties
    unique: list[RawChapter] = []
    for c in kept:
        if unique and unique[-1].start_ms == c.start_ms:
            continue
        unique.append(c)
    marks = []
    for i, c in enumerate(unique):
        end = unique[i + 1].start_ms if i + 1 < len(unique) else duration
        title = clean_chapter_name(c.name) or untitled_chapter_name(i + 1)
        marks.append(ChapterMark(start_ms=int(c.start_ms), end_ms=end, title=title))
    return marks


def chapter_at(chapters: list[ChapterMark], time_ms: int) -> int:
    """Index of the chapter playing at time_ms, -1 before the first one."""
    return bisect.bisect_right(chapters, time_ms, key=lambda c: c.start_ms) - 1

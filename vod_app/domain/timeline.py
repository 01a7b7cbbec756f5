"""Where playback is: the current chapter and panel derived from time (never from libvlc events)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from vod_app.domain.records import ChapterRecord, PanelRange


@dataclass(frozen=True, slots=True)
class Timeline:
    """Chapters and panel ranges of one recording, sorted, with O(log n) lookups by time."""

    chapters: tuple[ChapterRecord, ...]
    panel_ranges: tuple[PanelRange, ...]
    chapter_starts: tuple[int, ...]
    range_starts: tuple[int, ...]

    @classmethod
    def build(cls, chapters: Sequence[ChapterRecord], panel_ranges: Sequence[PanelRange]) -> Timeline:
        ch = tuple(sorted(chapters, key=lambda c: c.start_ms))
        pr = tuple(sorted(panel_ranges, key=lambda r: r.start_ms))
        return cls(ch, pr, tuple(c.start_ms for c in ch), tuple(r.start_ms for r in pr))

    def chapter_index_at(self, ms: int) -> int:
        """Index of the chapter playing at ``ms``, or -1 before the first one."""
        i = bisect.bisect_right(self.chapter_starts, ms) - 1
        if i < 0:
            return -1
        return i  # in a gap after a chapter's end, the last chapter started stays current

    def panel_at(self, ms: int) -> int | None:
        """The panel whose time range holds ``ms`` (catalog ranges first, then chapters' panels)."""
        i = bisect.bisect_right(self.range_starts, ms) - 1
        if i >= 0:
            r = self.panel_ranges[i]
            if r.end_ms is None or ms < r.end_ms:
                return r.panel_id
        ci = self.chapter_index_at(ms)
        if ci >= 0:
            return self.chapters[ci].panel_id
        return None

    def next_chapter_start(self, ms: int) -> int | None:
        for c in self.chapters:
            if c.start_ms > ms + 500:
                return c.start_ms
        return None

    def previous_chapter_start(self, ms: int, grace_ms: int = 3000) -> int | None:
        """Like players do: within ``grace_ms`` of a chapter's start go to the one before."""
        i = self.chapter_index_at(ms)
        if i < 0:
            return 0 if self.chapters else None
        if ms - self.chapters[i].start_ms > grace_ms or i == 0:
            return self.chapters[i].start_ms
        return self.chapters[i - 1].start_ms


def chapter_title(chapter: ChapterRecord, lang: str) -> str | None:
    """The chapter's own title in ``lang`` ('fr' also finds 'fr-CA'), or None when the catalog
    has none in that language (the caller then tries the panel's title, then the default)."""
    if lang in chapter.titles:
        return chapter.titles[lang]
    primary = lang.split("-")[0]
    for have, title in chapter.titles.items():
        if have.split("-")[0] == primary:
            return title
    return None

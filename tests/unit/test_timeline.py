from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from vod_app.domain.records import ChapterRecord, PanelRange
from vod_app.domain.timeline import Timeline

CH = [ChapterRecord(0, 10_000, "Opening", "catalog"), ChapterRecord(10_000, 50_000, "Panel 2", "catalog", 2), ChapterRecord(50_000, 90_000, "Panel 3", "catalog", 3)]
RANGES = [PanelRange(2, 10_000, 50_000), PanelRange(3, 50_000, 90_000)]


def test_panel_switches_exactly_at_the_boundary() -> None:
    t = Timeline.build(CH, RANGES)
    assert t.panel_at(0) is None
    assert t.panel_at(9_999) is None
    assert t.panel_at(10_000) == 2
    assert t.panel_at(49_999) == 2
    assert t.panel_at(50_000) == 3
    assert t.panel_at(89_999) == 3


def test_chapter_navigation() -> None:
    t = Timeline.build(list(reversed(CH)), RANGES)
    assert [c.title for c in t.chapters] == ["Opening", "Panel 2", "Panel 3"]
    assert t.chapter_index_at(55_000) == 2
    assert t.next_chapter_start(12_000) == 50_000
    assert t.next_chapter_start(60_000) is None
    assert t.previous_chapter_start(60_000) == 50_000
    assert t.previous_chapter_start(51_000) == 10_000


def test_panels_from_chapters_when_no_ranges() -> None:
    t = Timeline.build(CH, [])
    assert t.panel_at(20_000) == 2 and t.panel_at(70_000) == 3


@given(st.lists(st.integers(0, 10**7), max_size=30), st.integers(-10, 10**7 + 10))
def test_lookup_never_fails(starts: list[int], ms: int) -> None:
    t = Timeline.build([ChapterRecord(s, None, str(s), "catalog") for s in starts], [PanelRange(1, s, s + 5) for s in starts])
    i = t.chapter_index_at(ms)
    assert -1 <= i < len(starts)
    if i >= 0:
        assert t.chapters[i].start_ms <= ms

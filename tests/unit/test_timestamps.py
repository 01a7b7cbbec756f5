"""Chapters from description timestamps (YouTube convention) and from chapter text files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from vod_app.formats.model import ChapterMark
from vod_app.formats.timestamps import (
    chapters_json_from_text_file,
    description_chapters,
    parse_description_chapters,
    parse_description_timestamp,
)

TESTDATA = Path(os.environ.get("VOD_APP_TESTDATA") or Path(__file__).resolve().parents[2].parent / "shared" / "testdata")

DESCRIPTION = """Recorded at the spring dialogue. Doors opened at 9:30 and we met at 10:30 and talked.

0:00 Opening
12:30 - Panel 2
Panel 3 1:02:03
[1:10:00] Intro to Q&A
(1:15:00) Q&A
1:20:00 | Closing words
"""


def _titles(chapters: list[ChapterMark]) -> list[tuple[int, str]]:
    return [(chapter.start_ms, chapter.title) for chapter in chapters]


def test_description_example() -> None:
    chapters = parse_description_chapters(DESCRIPTION, duration_ms=90 * 60 * 1000)
    assert chapters == [
        ChapterMark(0, 750000, "Opening"),
        ChapterMark(750000, 3723000, "Panel 2"),
        ChapterMark(3723000, 4200000, "Panel 3"),
        ChapterMark(4200000, 4500000, "Intro to Q&A"),
        ChapterMark(4500000, 4800000, "Q&A"),
        ChapterMark(4800000, 5400000, "Closing words"),
    ]


def test_last_chapter_is_open_without_duration() -> None:
    chapters = parse_description_chapters(DESCRIPTION)
    assert chapters[-1] == ChapterMark(4800000, None, "Closing words")


@pytest.mark.parametrize(
    ("line", "start", "title"),
    [
        ("0:00 Opening", 0, "Opening"),
        ("00:00 Opening", 0, "Opening"),
        ("0:00:00 Opening", 0, "Opening"),
        ("12:30 - Panel 2", 750000, "Panel 2"),
        ("12:30 – Panel 2", 750000, "Panel 2"),
        ("12:30 — Panel 2", 750000, "Panel 2"),
        ("12:30 | Panel 2", 750000, "Panel 2"),
        ("12:30: Panel 2", 750000, "Panel 2"),
        ("Panel 3 1:02:03", 3723000, "Panel 3"),
        ("Panel 3 - 01:02:03", 3723000, "Panel 3"),
        ("Panel 3: (1:02:03)", 3723000, "Panel 3"),
        ("Panel 3 [1:02:03]", 3723000, "Panel 3"),
        ("[12:30] Intro", 750000, "Intro"),
        ("(1:02:03) Q&A", 3723000, "Q&A"),
        ("  1. 12:30 Track one  ", 750000, "Track one"),
        ("- 12:30 Bullet", 750000, "Bullet"),
        ("12:30 1. Opening", 750000, "1. Opening"),
        ("12:30 - 15:00 Range", 750000, "Range"),
        ("75:00 Long talk", 4500000, "Long talk"),
        ("12:30 Talk at 14:00 sharp", 750000, "Talk at 14:00 sharp"),
    ],
)
def test_chapter_line_forms(line: str, start: int, title: str) -> None:
    if start == 0:
        chapters = parse_description_chapters(f"{line}\n9:00:00 Middle\n9:59:59 End")
    else:
        chapters = parse_description_chapters(f"0:00 Start\n{line}\n9:59:59 End")
    assert (start, title) in _titles(chapters)
    assert len(chapters) == 3


@pytest.mark.parametrize(
    "line",
    [
        "we met at 10:30 and talked",
        "10:30am breakfast",
        "Breakfast at 10:30am",
        "Version v1:00",
        "12:30",
        "12:30 -",
        "Score 2:1 at 12:30:99",
        "1:2:03 bad minutes",
        "12:60 bad seconds",
        "12:30.5 fraction",
    ],
)
def test_lines_that_are_not_chapters(line: str) -> None:
    chapters = parse_description_chapters(f"0:00 Start\n{line}\n9:59:59 Middle\n10:00:00 End")
    assert _titles(chapters) == [(0, "Start"), (35999000, "Middle"), (36000000, "End")]


def test_fewer_than_three_is_no_chapters() -> None:
    assert parse_description_chapters("0:00 Intro\n5:00 Talk") == []
    assert parse_description_chapters("") == []


# Real descriptions: a talk whose chapter list starts after an untitled lead-in (bracketed times at
# the start of lines), the same list with times at the end of lines, and a conference programme.
LEAD_IN_DESCRIPTION = """International Dialogue on Migration 2017, recorded at UN Headquarters, New York.

Chapters:
(0:36) Welcome by the moderator
(4:12) Opening remarks
(21:05) Panel 2: The Global Compact on Migration
(1:02:40) Questions from the floor
"""

TIMES_AT_LINE_END = """Welcome by the moderator - 0:36
Opening remarks [4:12]
Panel 2: The Global Compact on Migration 21:05
Questions from the floor (1:02:40)
"""

AGENDA = """Programme of the day (Conference Room 4)
09:00 Registration and coffee
09:30 Opening of the session
10:00 Panel 2: The Global Compact on Migration
11:30 Panel 3: Migration law and policy
13:00 Lunch
"""


@pytest.mark.parametrize("text", [LEAD_IN_DESCRIPTION, TIMES_AT_LINE_END])
def test_first_timestamp_after_zero_adds_an_untitled_lead_in(text: str) -> None:
    chapters = parse_description_chapters(text, duration_ms=75 * 60 * 1000)
    assert chapters == [
        ChapterMark(0, 36_000, ""),
        ChapterMark(36_000, 252_000, "Welcome by the moderator"),
        ChapterMark(252_000, 1_265_000, "Opening remarks"),
        ChapterMark(1_265_000, 3_760_000, "Panel 2: The Global Compact on Migration"),
        ChapterMark(3_760_000, 4_500_000, "Questions from the floor"),
    ]


def test_agenda_of_clock_times_is_never_chapters() -> None:
    # Read as offsets 9:00 ... 13:00 these fit a 3-hour recording; the shape says they are clock times.
    for duration in (None, 3 * 3600 * 1000):
        chapters, why = description_chapters(AGENDA, duration)
        assert chapters == []
        assert "line 2" in why and "agenda of clock times" in why
    assert parse_description_chapters("9:00 am Registration\n9:30 am Keynote\n10:30 am Panel") == []
    assert "am/pm" in description_chapters("2:00 pm Panel\n3:30 pm Q&A\n4:45 pm Close")[1]
    # Ambiguous (offsets 10, 15, 20 min or clock 10:00-20:00): no chapters rather than a wrong guess.
    assert parse_description_chapters("10:00 Panel 1\n15:00 Panel 2\n20:00 Q&A") == []


def test_agenda_times_beyond_the_duration_are_not_chapters() -> None:
    chapters, why = description_chapters(AGENDA, duration_ms=12 * 60 * 1000)
    assert chapters == [] and "line 6: 13:00 is at or after the end of the recording (12:00)" in why


def test_offset_lists_that_are_not_clock_shaped_keep_their_lead_in() -> None:
    # Minutes beyond 23 or seconds off the five-minute grid cannot be a time of day.
    assert _titles(parse_description_chapters("10:00 Panel 1\n25:00 Panel 2\n50:00 Q&A"))[0] == (0, "")
    assert _titles(parse_description_chapters("9:12 A\n9:47 B\n10:31 C"))[1] == (552_000, "A")
    # A list that starts at 0:00 is offsets whatever its shape.
    assert len(parse_description_chapters("0:00 Doors\n09:00 Talk\n10:00 Q&A")) == 3


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Recorded in Geneva.", "no line starts or ends with a timestamp"),
        ("0:00 Intro\n5:00 Talk", "only 2 timestamped lines (line 1); chapters need at least 3"),
        ("0:00 A\n5:00 B\n4:00 C", "line 3: 4:00 does not come after 5:00"),
    ],
)
def test_why_there_are_no_chapters(text: str, reason: str) -> None:
    chapters, why = description_chapters(text)
    assert chapters == [] and reason in why


def test_not_ascending_discards_the_set() -> None:
    assert parse_description_chapters("0:00 A\n5:00 B\n4:00 C\n6:00 D") == []
    assert parse_description_chapters("0:00 A\n5:00 B\n5:00 C") == []


def test_past_duration_discards_the_set() -> None:
    text = "0:00 A\n1:00 B\n2:00 C"
    assert _titles(parse_description_chapters(text, duration_ms=120001)) == [
        (0, "A"),
        (60000, "B"),
        (120000, "C"),
    ]
    assert parse_description_chapters(text, duration_ms=120000) == []
    assert parse_description_chapters(text, duration_ms=60000) == []


def test_crlf_and_unicode_titles() -> None:
    text = "0:00 Ouverture – مرحبا\r\n1:00 Diskussion über Ökologie 🎤\r\n2:00 ‮RTL‬\r\n"
    assert [c.title for c in parse_description_chapters(text)] == [
        "Ouverture – مرحبا",
        "Diskussion über Ökologie 🎤",
        "‮RTL‬",
    ]


@pytest.mark.parametrize(
    ("text", "ms"),
    [
        ("0:00", 0),
        ("1:02:03", 3723000),
        ("01:02:03", 3723000),
        (" 12:30 ", 750000),
        ("12:60", None),
        ("x", None),
    ],
)
def test_parse_description_timestamp(text: str, ms: int | None) -> None:
    assert parse_description_timestamp(text) == ms


# ---------------------------------------------------------------- files


def test_chapters_json_from_description_file(tmp_path: Path) -> None:
    path = tmp_path / "description.txt"
    path.write_bytes(DESCRIPTION.encode("cp1252", errors="replace"))
    rows = chapters_json_from_text_file(path, None)
    assert rows[0] == {"start_ms": 0, "end_ms": 750000, "title": "Opening"}
    assert rows[-1] == {"start_ms": 4800000, "end_ms": None, "title": "Closing words"}


def test_chapters_json_from_webvtt_chapters_file() -> None:
    path = TESTDATA / "media_chapters" / "generated" / "chapters_sidecar.vtt"
    assert chapters_json_from_text_file(path, None) == [
        {"start_ms": 0, "end_ms": 2000, "title": "Intro"},
        {"start_ms": 2000, "end_ms": 5000, "title": "Talk"},
    ]
    # Fitted to the media: what starts after the end goes, what runs past it is cut.
    assert chapters_json_from_text_file(path, 1500) == [{"start_ms": 0, "end_ms": 1500, "title": "Intro"}]
    assert chapters_json_from_text_file(path, 3000) == [
        {"start_ms": 0, "end_ms": 2000, "title": "Intro"},
        {"start_ms": 2000, "end_ms": 3000, "title": "Talk"},
    ]


def test_webvtt_chapters_with_nesting(tmp_path: Path) -> None:
    path = tmp_path / "chapters.vtt"
    path.write_text(
        "WEBVTT\n\n00:00.000 --> 01:00.000\nPart <b>one</b>\n\n00:10.000 --> 00:20.000\nNested\n\n"
        "01:00.000 --> 02:00.000\nPart two &amp; more\n",
        encoding="utf-8",
    )
    assert chapters_json_from_text_file(path, None) == [
        {"start_ms": 0, "end_ms": 60000, "title": "Part one"},
        {"start_ms": 60000, "end_ms": 120000, "title": "Part two & more"},
    ]


def test_ogm_chapter_file_is_not_a_description() -> None:
    # CHAPTERxx=hh:mm:ss.ttt lines are a container chapter format, not description timestamps.
    assert (
        chapters_json_from_text_file(TESTDATA / "media_chapters" / "generated" / "simple_chapters.txt", 5000)
        == []
    )

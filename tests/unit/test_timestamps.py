"""Chapters from description timestamps (YouTube convention) and from chapter text files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from vod_app.formats.model import ChapterMark
from vod_app.formats.timestamps import (
    chapters_json_from_text_file,
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


def test_first_chapter_must_be_at_zero() -> None:
    # An agenda with clock times must not become chapters at 9 h into the recording.
    assert parse_description_chapters("09:00 Registration\n09:30 Keynote\n10:30 Panel") == []
    assert parse_description_chapters("0:05 Intro\n5:00 Talk\n10:00 Q&A") == []


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

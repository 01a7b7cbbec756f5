"""Property tests for the caption and chapter parsers.

Each property runs 300 examples normally and 10,000 in its ``slow`` twin (CI).
"""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vod_app.formats.captions import cue_plain_text, parse_caption_bytes
from vod_app.formats.decode import decode_text
from vod_app.formats.model import CaptionDocument, CaptionFormatError, Cue
from vod_app.formats.srt import format_srt, parse_srt, parse_srt_timing_line
from vod_app.formats.timestamps import parse_description_chapters
from vod_app.formats.webvtt import format_webvtt, parse_webvtt, webvtt_chapters

FAST = settings(max_examples=300, deadline=None)
SLOW = settings(max_examples=10_000, deadline=None)

# ---------------------------------------------------------------- strategies

_FRAGMENTS = [
    "WEBVTT",
    "\ufeffWEBVTT",
    "",
    "",
    " ",
    "1",
    "-->",
    "00:00.000 --> 00:01.000",
    "00:00:01.500 --> 00:00:00.500 align:start line:40%,end region:r",
    "00:00:01,000 --> 00:00:02,000",
    "00:00:01,000 - > 00:00:02 X1:1",
    "99:99:99,9999 --> 0:0:0",
    "NOTE x",
    "STYLE",
    "REGION",
    "id:r",
    "::cue { color: red }",
    "\r",
    "\r\n",
    "\0",
    "0:00 Intro",
    "12:30 - Panel",
    "Panel 1:02:03",
    "[1:02:03] Q&A",
    "<b>bold</b> <v Ann>",
    "&amp;&lt;&#0;&#x110000;",
    "{\\an8}",
]
_fragment_text = st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=12)), max_size=40).map(
    "\n".join
)
ANY_TEXT = st.one_of(st.text(), _fragment_text, _fragment_text.map(lambda text: "WEBVTT\n\n" + text))
ANY_BYTES = st.one_of(
    st.binary(max_size=2000),
    st.tuples(ANY_TEXT, st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-32", "cp1252"])).map(
        lambda pair: pair[0].encode(pair[1], errors="replace")
    ),
    st.tuples(
        st.sampled_from([codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE]), st.binary(max_size=200)
    ).map(lambda pair: pair[0] + pair[1]),
)

_line_chars = st.characters(exclude_characters="\r\n\0")
_times = st.integers(min_value=0, max_value=10**9)

_vtt_line = st.text(_line_chars, min_size=1, max_size=30).filter(lambda line: "-->" not in line)
_VALID_VTT_SETTINGS = [
    ("vertical", "rl"),
    ("vertical", "lr"),
    ("line", "0"),
    ("line", "-3"),
    ("line", "40%"),
    ("line", "12.5%,end"),
    ("position", "10%"),
    ("position", "100%,line-right"),
    ("size", "50%"),
    ("size", "0%"),
    ("align", "start"),
    ("align", "right"),
]
VTT_CUE = st.builds(
    Cue,
    start_ms=_times,
    end_ms=_times,
    text=st.lists(_vtt_line, max_size=4).map("\n".join),
    id=st.none() | _vtt_line,
    settings=st.lists(st.sampled_from(_VALID_VTT_SETTINGS), unique_by=lambda pair: pair[0], max_size=4).map(
        tuple
    ),
)


def _srt_blank(line: str) -> bool:
    return not line.strip(" \t\f\v")


_srt_line = st.text(_line_chars, min_size=1, max_size=30).filter(
    lambda line: not _srt_blank(line) and parse_srt_timing_line(line) is None
)
# An index line must not look like a failed timing line (an arrow) to be read back as an index.
_srt_single = _srt_line.filter(
    lambda line: (
        line == line.strip(" \t\f\v")
        and not line.startswith("\ufeff")
        and "->" not in line
        and "- >" not in line
    )
)
SRT_CUE = st.builds(
    Cue,
    start_ms=_times,
    end_ms=_times,
    text=st.lists(_srt_line, max_size=4).map("\n".join),
    id=st.none() | _srt_single,
    settings=st.none().map(lambda _: ()) | _srt_single.map(lambda value: (("proprietary", value),)),
)

# ---------------------------------------------------------------- checks


def _check_document(doc: CaptionDocument) -> None:
    for cue in doc.cues:
        assert cue.start_ms >= 0 and cue.end_ms >= 0
        assert "\r" not in cue.text and "\0" not in cue.text
        assert cue.id is None or (cue.id and "\n" not in cue.id)
    assert all(isinstance(warning, str) and "\n" not in warning for warning in doc.warnings)
    assert len(doc.warnings) <= 101


def _check_text(text: str) -> None:
    for parse in (parse_webvtt, parse_srt):
        try:
            doc = parse(text)
        except CaptionFormatError as exc:
            assert str(exc) and "\n" not in str(exc)
        else:
            _check_document(doc)
            chapters, warnings = webvtt_chapters(doc)
            for earlier, later in zip(chapters, chapters[1:], strict=False):
                assert earlier.end_ms is not None and earlier.end_ms <= later.start_ms
    cue_plain_text(text)


def _check_description(text: str, duration_ms: int | None) -> None:
    chapters = parse_description_chapters(text, duration_ms)
    if chapters:
        assert len(chapters) >= 3 and chapters[0].start_ms == 0
        for earlier, later in zip(chapters, chapters[1:], strict=False):
            assert earlier.start_ms < later.start_ms and earlier.end_ms == later.start_ms
        assert chapters[-1].end_ms == duration_ms
        # Only an untitled lead-in (before a first timestamp after 0:00) has an empty title.
        titled = chapters[1:] if chapters[0].title == "" else chapters
        assert titled and all(chapter.title and chapter.title == chapter.title.strip() for chapter in titled)


def _check_bytes(data: bytes) -> None:
    text, encoding, warnings = decode_text(data)
    assert isinstance(text, str) and encoding
    for name in ("x.vtt", "x.srt", "x"):
        try:
            _check_document(parse_caption_bytes(data, name))
        except CaptionFormatError as exc:
            assert "\n" not in str(exc)


def _check_vtt_round_trip(cues: list[Cue]) -> None:
    doc = parse_webvtt(format_webvtt(cues))
    assert doc.cues == cues
    assert len(doc.warnings) == sum(cue.end_ms < cue.start_ms for cue in cues)


def _check_srt_round_trip(cues: list[Cue]) -> None:
    if not cues:
        assert parse_srt(format_srt(cues)).cues == []
        return
    doc = parse_srt(format_srt(cues))
    assert doc.cues == cues
    assert len(doc.warnings) == sum(cue.end_ms < cue.start_ms for cue in cues)


# ---------------------------------------------------------------- properties (300 examples)


@FAST
@given(ANY_TEXT)
def test_text_never_raises_but_format_errors(text: str) -> None:
    _check_text(text)


@FAST
@given(ANY_TEXT, st.none() | st.integers(min_value=0, max_value=10**8))
def test_description_chapters_are_valid_or_empty(text: str, duration_ms: int | None) -> None:
    _check_description(text, duration_ms)


@FAST
@given(ANY_BYTES)
def test_bytes_never_raise_but_format_errors(data: bytes) -> None:
    _check_bytes(data)


@FAST
@given(st.lists(VTT_CUE, max_size=8))
def test_webvtt_round_trip(cues: list[Cue]) -> None:
    _check_vtt_round_trip(cues)


@FAST
@given(st.lists(SRT_CUE, max_size=8))
def test_srt_round_trip(cues: list[Cue]) -> None:
    _check_srt_round_trip(cues)


# ---------------------------------------------------------------- slow twins (10,000 examples)


@pytest.mark.slow
@SLOW
@given(ANY_TEXT)
def test_webvtt_and_srt_text_slow(text: str) -> None:
    _check_text(text)


@pytest.mark.slow
@SLOW
@given(ANY_TEXT, st.none() | st.integers(min_value=0, max_value=10**8))
def test_description_chapters_slow(text: str, duration_ms: int | None) -> None:
    _check_description(text, duration_ms)


@pytest.mark.slow
@SLOW
@given(ANY_BYTES)
def test_bytes_slow(data: bytes) -> None:
    _check_bytes(data)


@pytest.mark.slow
@SLOW
@given(st.lists(VTT_CUE, max_size=8))
def test_webvtt_round_trip_slow(cues: list[Cue]) -> None:
    _check_vtt_round_trip(cues)


@pytest.mark.slow
@SLOW
@given(st.lists(SRT_CUE, max_size=8))
def test_srt_round_trip_slow(cues: list[Cue]) -> None:
    _check_srt_round_trip(cues)

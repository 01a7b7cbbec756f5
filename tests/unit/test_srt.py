"""SRT parser: pysrt, cdown/srt and webvtt-py expectations from ../shared/testdata, plus tolerance rules."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from vod_app.formats.captions import captions_json, load_caption_file, parse_caption_bytes
from vod_app.formats.model import CaptionDocument, CaptionFormatError, Cue
from vod_app.formats.srt import format_srt, format_srt_timestamp, parse_srt

TESTDATA = Path(os.environ.get("VOD_APP_TESTDATA") or Path(__file__).resolve().parents[2].parent / "shared" / "testdata")
PYSRT = TESTDATA / "srt_pysrt"
CDOWN = TESTDATA / "srt_cdown_properties"
PY_SAMPLES = TESTDATA / "webvtt_py_samples"

# Where an upstream library expects something else, on purpose. The libraries disagree with
# each other on exactly these points, so one rule has to lose.
DIFFERENCES: dict[str, str] = {
    "srt_pysrt/invalid.srt": (
        "'00:00:01 --> 00:00:10' (no milliseconds): pysrt's strict mode raises; cdown/srt (no-msec case) "
        "and VLC read ',000'. We accept it: 1 cue."
    ),
    "webvtt_py_samples/invalid_timeframe.srt": (
        "'00:00:07,000 --> 00:00:11.890' mixes ',' and '.': webvtt-py 2020 raised; pysrt, cdown/srt and VLC "
        "accept '.' before milliseconds, so all 5 cues parse."
    ),
    "webvtt_py_samples/missing_caption_text.srt": (
        "webvtt-py drops the cue with empty text (4 cues); pysrt (empty.srt) and cdown/srt (no-content) keep "
        "empty cues, as our WebVTT parser must per spec: 5 cues."
    ),
    "webvtt_py_samples/invalid_format4.srt": (
        "'some text' + a timing line and no text: webvtt-py rejects the file; with pysrt's rule that any "
        "line before a timing line is its index it is one empty cue with id 'some text'."
    ),
}


def _parse(text: str) -> CaptionDocument:
    return parse_srt(text)


# ---------------------------------------------------------------- pysrt


def _pysrt() -> dict[str, Any]:
    if not PYSRT.is_dir():  # no ../shared: tests/conftest.py reports these as not run
        return {"files": {}, "item_strings": []}
    return json.loads((PYSRT / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("name", "spec"), sorted(_pysrt()["files"].items()), ids=lambda v: v if isinstance(v, str) else ""
)
def test_pysrt_files(name: str, spec: dict[str, Any]) -> None:
    path = PYSRT / "files" / name
    doc = load_caption_file(path)
    assert doc.format == "srt"
    if name == "invalid.srt":
        assert f"srt_pysrt/{name}" in DIFFERENCES
        assert [(c.id, c.start_ms, c.end_ms, c.text) for c in doc.cues] == [
            ("1", 1000, 10000, "This subtitle is invalid")
        ]
        return
    assert len(doc.cues) == spec["items"]
    if "first_index" in spec:
        assert doc.cues[0].id == str(spec["first_index"])
    if "encoding" in spec:
        assert doc.encoding == spec["encoding"]


def test_pysrt_bom_files_all_decode_to_the_same_cues() -> None:
    docs = {
        name: load_caption_file(PYSRT / "files" / name)
        for name in _pysrt()["files"]
        if name.startswith("bom-")
    }
    assert {doc.encoding for doc in docs.values()} == {
        "utf-8-sig",
        "utf-16-le",
        "utf-16-be",
        "utf-32-le",
        "utf-32-be",
    }
    reference = docs["bom-utf-8.srt"].cues
    assert all(doc.cues == reference for doc in docs.values())
    assert all(doc.warnings == [] for doc in docs.values())


def test_pysrt_windows_1252_is_decoded_with_a_warning_not_garbled() -> None:
    cp1252 = load_caption_file(PYSRT / "files" / "windows-1252.srt")
    utf8 = load_caption_file(PYSRT / "files" / "utf-8.srt")
    assert cp1252.encoding == "windows-1252"
    assert len(cp1252.warnings) == 1 and "not valid UTF-8" in cp1252.warnings[0]
    assert cp1252.cues == utf8.cues


def test_pysrt_utf8_slices() -> None:
    spec = _pysrt()["files"]["utf-8.srt"]
    cues = load_caption_file(PYSRT / "files" / "utf-8.srt").cues
    t = ((1 * 60 + 2) * 60 + 3) * 1000 + 4
    slices = spec["slices"]
    assert sum(cue.end_ms < t for cue in cues) == slices["ends_before_01:02:03,004"]
    assert sum(cue.end_ms > t for cue in cues) == slices["ends_after"]
    assert sum(cue.start_ms < t for cue in cues) == slices["starts_before"]
    assert sum(cue.start_ms > t for cue in cues) == slices["starts_after"]
    assert sum(cue.start_ms < 31000 < cue.end_ms for cue in cues) == spec["items_at_31s"]


def test_pysrt_empty_cues_are_kept() -> None:
    cues = load_caption_file(PYSRT / "files" / "empty.srt").cues
    assert [cue.text == "" for cue in cues] == [False, False, True, True, False, False, False]


def test_pysrt_capability_tester_keeps_markup_as_text() -> None:
    cues = load_caption_file(PYSRT / "files" / "capability_tester.srt").cues
    assert cues[0] == Cue(0, 0, "Don't show this text it may be used to insert hidden data", "1")
    assert '<font color="red">This text should be red</font>' in cues[1].text.split("\n")
    assert any("2<3,5>1,4<6" in cue.text for cue in cues)
    assert any(cue.text.startswith("{\\an") for cue in cues)


@pytest.mark.parametrize("case", _pysrt()["item_strings"], ids=lambda case: repr(case["input"][:30]))
def test_pysrt_item_strings(case: dict[str, Any]) -> None:
    if "expected_error" in case:
        with pytest.raises(CaptionFormatError):
            _parse(case["input"])
        return
    doc = _parse(case["input"])
    assert len(doc.cues) == 1
    cue = doc.cues[0]
    expected = case["expected"]
    index = expected["index"]
    assert cue.id == (None if index is None else str(index))
    assert cue.text == expected["text"]
    if "start_ms" in expected:
        assert (cue.start_ms, cue.end_ms) == (expected["start_ms"], expected["end_ms"])
    if "position" in expected:
        assert cue.settings == (("proprietary", expected["position"]),)
    if case.get("round_trip_identical"):
        assert format_srt(doc.cues) == case["input"]


def test_pysrt_streams() -> None:
    assert _parse("\n" * 20).cues == []
    assert _parse("").cues == []


# ---------------------------------------------------------------- cdown/srt


def _cdown_cases() -> list[dict[str, Any]]:
    if not CDOWN.is_dir():  # no ../shared: tests/conftest.py reports these as not run
        return []
    return json.loads((CDOWN / "cases.json").read_text(encoding="utf-8"))


def _index_number(cue_id: str | None) -> int | None:
    # cdown/srt keeps the index as an int: "0001" -> 1, "1.1" -> 1 (as it reads that BSG form).
    return None if cue_id is None else int(cue_id.split(".")[0])


@pytest.mark.parametrize("case", _cdown_cases(), ids=lambda case: case["id"])
def test_cdown_properties(case: dict[str, Any]) -> None:
    if case["expected"] is None:
        # Upstream raises SRTParseError; we skip what is not a cue and say so, or reject a file
        # in which nothing is a cue.
        try:
            doc = _parse(case["input"])
        except CaptionFormatError:
            return
        assert doc.warnings, "garbage must be reported"
        return
    doc = _parse(case["input"])
    if isinstance(case["expected"], str):  # ignore_errors: upstream only asserts "no exception"
        assert len(doc.cues) == 3 and doc.warnings
        return
    got = [
        {
            "index": _index_number(cue.id),
            "start_ms": cue.start_ms,
            "end_ms": cue.end_ms,
            "proprietary": dict(cue.settings).get("proprietary", ""),
            "content": cue.text,
        }
        for cue in doc.cues
    ]
    assert got == case["expected"]
    assert all(cue.id is None or cue.id.strip() == cue.id for cue in doc.cues)


def test_cdown_garbage_is_skipped_with_line_numbers() -> None:
    cases = {case["id"]: case for case in _cdown_cases()}
    doc = _parse(cases["leading-garbage"]["input"])
    assert len(doc.cues) == 3
    assert doc.warnings == ["line 1: skipped text that is not part of a cue: 'Garbage line'"]
    doc = _parse(cases["trailing-garbage"]["input"])
    assert len(doc.cues) == 3
    assert doc.warnings == ["lines 14-15: skipped text that is not part of a cue: '9'"]
    with pytest.raises(CaptionFormatError, match="no cue with a valid timing line"):
        _parse(cases["bad-timestamp-char"]["input"])


# ---------------------------------------------------------------- webvtt-py SRT samples


def _py_sample_srt_cases() -> list[tuple[str, dict[str, Any]]]:
    if not PY_SAMPLES.is_dir():  # no ../shared: tests/conftest.py reports these as not run
        return []
    expected = json.loads((PY_SAMPLES / "expected.json").read_text(encoding="utf-8"))
    return sorted(expected["srt"].items())


@pytest.mark.parametrize(
    ("name", "spec"), _py_sample_srt_cases(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_webvtt_py_srt_samples(name: str, spec: dict[str, Any]) -> None:
    file_name = name.split(" ")[0]
    path = PY_SAMPLES / "files" / file_name
    difference = DIFFERENCES.get(f"webvtt_py_samples/{file_name}")
    if name.endswith("(read as SRT)"):
        with pytest.raises(CaptionFormatError, match="empty"):
            parse_caption_bytes(path.read_bytes(), "empty.srt")
        return
    if spec.get("webvtt_py") == "MalformedFileError" and difference is None:
        with pytest.raises(CaptionFormatError) as raised:
            captions_json(path)
        assert file_name in str(raised.value)
        return
    doc = load_caption_file(path)
    if difference is not None:
        _check_difference(file_name, doc)
        return
    if spec.get("webvtt_py") == "MalformedCaptionError":
        # The block without a timing line is skipped with a warning; the rest is kept.
        assert doc.warnings and len(doc.cues) == 4
    if "cue_count" in spec:
        assert len(doc.cues) == spec["cue_count"]
    if "total_length_s" in spec:
        assert doc.cues[-1].end_ms // 1000 - doc.cues[0].start_ms // 1000 == spec["total_length_s"]
    for key, fields in spec.get("cues", {}).items():
        cue = doc.cues[int(key)]
        for field, value in fields.items():
            if field in ("start", "end"):
                assert format_srt_timestamp(getattr(cue, f"{field}_ms")).replace(",", ".") == value
            elif field in ("start_s", "end_s"):
                assert getattr(cue, f"{field[:-2]}_ms") == round(value * 1000)
            elif field == "lines":
                assert cue.text.split("\n") == value
            else:
                raise AssertionError(f"unknown expectation field {field}")


def _check_difference(file_name: str, doc: CaptionDocument) -> None:
    summary = [(cue.id, cue.start_ms, cue.end_ms, cue.text) for cue in doc.cues]
    if file_name == "invalid_format4.srt":
        assert summary == [("some text", 500, 7000, "")]
    elif file_name == "invalid_timeframe.srt":
        assert (
            len(summary) == 5 and summary[1] == ("2", 7000, 11890, "Caption text #2") and doc.warnings == []
        )
    elif file_name == "missing_caption_text.srt":
        assert [text for *_, text in summary] == [
            "Caption text #1",
            "",
            "Caption text #3",
            "Caption text #4",
            "Caption text #5",
        ]
    else:
        raise AssertionError(f"no check for listed difference {file_name}")


def test_differences_list_is_short_and_explained() -> None:
    assert len(DIFFERENCES) <= 4
    assert all(len(reason) > 40 for reason in DIFFERENCES.values())


# ---------------------------------------------------------------- tolerance rules


def _summary(text: str) -> list[tuple[str | None, int, int, str]]:
    return [(cue.id, cue.start_ms, cue.end_ms, cue.text) for cue in _parse(text).cues]


@pytest.mark.parametrize(
    ("timing", "start", "end"),
    [
        ("00:00:01,5 --> 00:00:02,50", 1005, 2050),  # fractions are whole milliseconds, as in players
        ("0:0:1.500 --> 0:0:2.500", 1500, 2500),
        ("00:00:01:500 --> 00:00:02:500", 1500, 2500),
        ("00:00:01 --> 00:00:02", 1000, 2000),
        ("00:00:01,500-->00:00:02,500", 1500, 2500),
        ("00:00:01,500 - > 00:00:02,500", 1500, 2500),
        ("\t00:00:01,500\t-->\t00:00:02,500\t", 1500, 2500),
        ("100:00:00,000 --> 100:00:01,000", 360000000, 360001000),
        ("00:00:05,000 --> 00:00:01,000", 5000, 1000),
    ],
)
def test_timing_variants(timing: str, start: int, end: int) -> None:
    assert _summary(f"1\n{timing}\ntext\n") == [("1", start, end, "text")]


@pytest.mark.parametrize(
    "timing",
    [
        "00:01,500 --> 00:02,500",  # WebVTT-style mm:ss is not guessed at
        "-00:00:01,000 --> 00:00:02,000",
        "00:00:01,000 -> 00:00:02,000",
        "00:00:01,000 > 00:00:02,000",
        "00:00:01,000 --> ",
        "0000000000:00:01,000 --> 00:00:02,000",
    ],
)
def test_bad_timings_drop_the_cue_with_a_warning(timing: str) -> None:
    doc = _parse(
        f"1\n00:00:00,000 --> 00:00:01,000\nfirst\n\n2\n{timing}\nbad\n\n3\n00:00:03,000 --> 00:00:04,000\nlast\n"
    )
    assert [cue.text for cue in doc.cues] == ["first", "last"]
    assert len(doc.warnings) == 1 and doc.warnings[0].startswith(
        ("line 6: bad timing line", "lines 5-7: skipped text")
    )


def test_bad_timing_line_right_before_a_good_one_is_not_an_index() -> None:
    doc = _parse("00t00:01,000 --> 00:00:02,000\n00:00:03,000 --> 00:00:04,000\ntext\n")
    assert [(c.id, c.start_ms, c.text) for c in doc.cues] == [(None, 3000, "text")]
    assert doc.warnings == ["line 1: bad timing line '00t00:01,000 --> 00:00:02,000', cue dropped"]


def test_end_before_start_is_kept_with_a_warning() -> None:
    doc = _parse("1\n00:00:05,000 --> 00:00:01,000\ntext\n")
    assert [(c.start_ms, c.end_ms) for c in doc.cues] == [(5000, 1000)]
    assert doc.warnings == ["line 2: cue ends before it starts (00:00:05,000 > 00:00:01,000)"]


def test_line_endings_bom_nul_and_trailing_blank_lines() -> None:
    text = "\ufeff1\r\n00:00:01,000 --> 00:00:02,000\r\nA\0B\r\nsecond\r\n\r\n2\r00:00:03,000 --> 00:00:04,000\rC\r\r\r\n\n\n"
    assert _summary(text) == [("1", 1000, 2000, "A\ufffdB\nsecond"), ("2", 3000, 4000, "C")]


def test_missing_blank_line_before_next_cue() -> None:
    text = "1\n00:00:01,000 --> 00:00:02,000\nA\n2\n00:00:03,000 --> 00:00:04,000\nB\n00:00:05,000 --> 00:00:06,000\nC\n"
    assert _summary(text) == [("1", 1000, 2000, "A"), ("2", 3000, 4000, "B"), (None, 5000, 6000, "C")]


def test_blank_lines_inside_text_and_lone_numbers() -> None:
    text = "1\n00:00:01,000 --> 00:00:02,000\nA\n\n\nstill A\n\n42\nlost\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n"
    doc = _parse(text)
    assert [(c.id, c.text) for c in doc.cues] == [("1", "A\n\n\nstill A"), ("2", "B")]
    assert doc.warnings == ["lines 8-9: skipped text that is not part of a cue: '42'"]


@pytest.mark.parametrize(
    "text", ["1", "some text", "1\nsome text", "\ufeffgarbage\n\n\n", "-->", "WEBVTT\n\nhello"]
)
def test_text_without_any_cue_is_rejected(text: str) -> None:
    with pytest.raises(CaptionFormatError) as raised:
        _parse(text)
    assert "\n" not in str(raised.value)


def test_format_srt_round_trip() -> None:
    cues = [
        Cue(1500, 4000, "Welcome <i>all</i>\nsecond line", "1"),
        Cue(4000, 7250, "", "2", (("proprietary", "X1:40 X2:600 Y1:20 Y2:50"),)),
        Cue(3662001, 3665999, "no index", None),
    ]
    text = format_srt(cues)
    assert text == (
        "1\n00:00:01,500 --> 00:00:04,000\nWelcome <i>all</i>\nsecond line\n\n"
        "2\n00:00:04,000 --> 00:00:07,250 X1:40 X2:600 Y1:20 Y2:50\n\n"
        "01:01:02,001 --> 01:01:05,999\nno index\n"
    )
    assert _parse(text).cues == cues
    assert format_srt([]) == ""
    with pytest.raises(ValueError):
        format_srt_timestamp(-5)

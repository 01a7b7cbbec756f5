"""Decoding caption bytes, choosing the format, plain cue text, file-level errors and big inputs."""

from __future__ import annotations

import codecs
import os
import random
from pathlib import Path

import pytest

from vod_app.formats.captions import captions_json, cue_plain_text, load_caption_file, parse_caption_bytes
from vod_app.formats.decode import decode_text, split_lines
from vod_app.formats.model import CaptionFormatError, Cue
from vod_app.formats.srt import format_srt
from vod_app.formats.webvtt import format_webvtt

TESTDATA = Path(os.environ.get("VOD_APP_TESTDATA") or Path(__file__).resolve().parents[2].parent / "shared" / "testdata")
SRT_CUE = "1\n00:00:01,000 --> 00:00:02,000\nCafé — ½\n"


@pytest.mark.parametrize(
    ("bom", "codec", "label"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    ],
)
def test_boms(bom: bytes, codec: str, label: str) -> None:
    assert decode_text(bom + SRT_CUE.encode(codec)) == (SRT_CUE, label, [])


def test_plain_utf8_and_empty() -> None:
    assert decode_text(SRT_CUE.encode()) == (SRT_CUE, "utf-8", [])
    assert decode_text(b"") == ("", "utf-8", [])


def test_cp1252_fallback_warns_and_keeps_every_byte() -> None:
    data = "Café — “quoted” €".encode("cp1252") + bytes([0x81, 0x9D])
    text, encoding, warnings = decode_text(data)
    assert text == "Café — “quoted” €\x81\x9d"
    assert encoding == "windows-1252"
    assert warnings == [
        "not valid UTF-8 (byte 0xE9 at offset 3): decoded as Windows-1252; re-save the file as UTF-8 if characters look wrong"
    ]


def test_every_byte_value_decodes_without_error() -> None:
    text, encoding, warnings = decode_text(bytes(range(256)))
    assert encoding == "windows-1252" and len(text) == 256 and warnings


def test_bad_data_after_a_bom_is_replaced_with_a_warning() -> None:
    text, encoding, warnings = decode_text(codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"\x00\xd8")
    assert (text, encoding) == ("ab\ufffd", "utf-16-le")
    assert "offset 4" in warnings[0]
    text, encoding, warnings = decode_text(codecs.BOM_UTF8 + b"ok \xff")
    assert (text, encoding) == ("ok \ufffd", "utf-8-sig") and warnings


def test_utf8_rejects_encoded_surrogates_and_overlongs() -> None:
    for data in (b"\xed\xa0\x80", b"\xc0\xaf"):
        assert decode_text(data)[1] == "windows-1252"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_bomless_utf16_is_recognised_with_a_warning(codec: str) -> None:
    text, encoding, warnings = decode_text(SRT_CUE.encode(codec))
    assert (text, encoding) == (SRT_CUE, codec)
    assert "no byte order mark" in warnings[0]


def test_split_lines() -> None:
    assert split_lines("") == []
    assert split_lines("a\r\nb\rc\nd\n") == ["a", "b", "c", "d"]
    assert split_lines("a\n\n") == ["a", ""]
    assert split_lines("a\u2028b\x0bc\x85") == ["a\u2028b\x0bc\x85"]


# ---------------------------------------------------------------- cue_plain_text


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("<v Roger Bingham>We are in <i>New York</i> City</v>", "We are in New York City"),
        ("<c.colorE5E5E5>amore</c> <00:00:21.000>now", "amore now"),
        ("<ruby>漢<rt>kan</rt></ruby>", "漢kan"),
        ('<font color="#FF0000">red</font> <b><i>bold</i></b>', "red bold"),
        ("{\\an8}top of the screen", "top of the screen"),
        ("&amp; &lt;b&gt; &lrm;x&rlm; a&nbsp;b", "& <b> \u200ex\u200f a b"),
        ("&am&amp; &l&lt; &#233;&#x263A; &#0; &unknown; &amp", "&am& &l< é☺ \ufffd &unknown; &amp"),
        ("2<3,5>1,4<6", "2<3,5>1,4<6"),
        ("  two   spaces \t tab\n\n\n second line  \n", "two spaces tab\nsecond line"),
        ("<script>alert(1)</script>", "alert(1)"),
        ("", ""),
    ],
)
def test_cue_plain_text(text: str, plain: str) -> None:
    assert cue_plain_text(text) == plain


# ---------------------------------------------------------------- files


def test_format_is_chosen_by_signature_then_name(tmp_path: Path) -> None:
    vtt = format_webvtt([Cue(0, 1000, "hello")])
    srt = format_srt([Cue(0, 1000, "hello", "1")])
    (tmp_path / "a.srt").write_text(vtt, encoding="utf-8")
    (tmp_path / "b.txt").write_text(srt, encoding="utf-8")
    (tmp_path / "c.vtt").write_text(srt, encoding="utf-8")
    assert load_caption_file(tmp_path / "a.srt").format == "webvtt"
    assert load_caption_file(tmp_path / "b.txt").format == "srt"
    with pytest.raises(CaptionFormatError, match=r"c\.vtt: not a WebVTT file"):
        load_caption_file(tmp_path / "c.vtt")


def test_captions_json_shape(tmp_path: Path) -> None:
    path = tmp_path / "x.vtt"
    path.write_bytes(
        codecs.BOM_UTF8 + b"WEBVTT\n\nid\n00:01.000 --> 00:02.000 align:start\n<b>Hi</b> &amp; bye\n"
    )
    assert captions_json(path) == [
        {"id": "id", "start_ms": 1000, "end_ms": 2000, "text": "<b>Hi</b> &amp; bye"}
    ]


def test_load_reports_decode_warnings_first(tmp_path: Path) -> None:
    path = tmp_path / "latin.srt"
    path.write_bytes("1\n00:00:01,000 --> 00:00:02,000\nCafé\n\n2\nno timing\n".encode("cp1252"))
    doc = load_caption_file(path)
    assert doc.encoding == "windows-1252"
    assert doc.cues[0].text == "Café"
    assert len(doc.warnings) == 2
    assert doc.warnings[0].startswith("not valid UTF-8")
    assert doc.warnings[1] == "lines 5-6: skipped text that is not part of a cue: '2'"


def test_file_errors_name_the_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.srt"
    empty.write_bytes(b"\n \n")
    with pytest.raises(CaptionFormatError, match=r"empty\.srt: file is empty"):
        load_caption_file(empty)
    big = tmp_path / "big.srt"
    big.write_bytes(b"x" * 2000)
    with pytest.raises(CaptionFormatError, match=r"big\.srt: file is too large \(2000 bytes, limit 1000\)"):
        load_caption_file(big, max_bytes=1000)
    with pytest.raises(FileNotFoundError):
        load_caption_file(tmp_path / "missing.srt")


@pytest.mark.parametrize("name", ["noise.srt", "noise.vtt", "noise"])
def test_binary_garbage_is_a_format_error_or_empty(name: str) -> None:
    rng = random.Random(1234)
    for size in (1, 7, 4096, 1 << 20):
        data = rng.randbytes(size)
        try:
            doc = parse_caption_bytes(data, name)
        except CaptionFormatError as exc:
            assert "\n" not in str(exc)
        else:
            assert doc.cues == []


def test_media_files_are_not_captions() -> None:
    for path in sorted((TESTDATA / "media_chapters" / "upstream").rglob("*.*")):
        with pytest.raises(CaptionFormatError):
            load_caption_file(path)


def _big_srt(cues: int) -> str:
    return format_srt(
        Cue(i * 1000, i * 1000 + 900, f"Line {i} of the session\nsecond line", str(i + 1))
        for i in range(cues)
    )


def test_multi_megabyte_files_parse(tmp_path: Path) -> None:
    # 100 MB files must not hit quadratic paths; a few MB exercise the same code.
    count = 60_000
    srt = tmp_path / "big.srt"
    srt.write_text(_big_srt(count), encoding="utf-8")
    vtt = tmp_path / "big.vtt"
    vtt.write_text(
        format_webvtt(Cue(i * 1000, i * 1000 + 900, f"Line {i}\nmore", str(i)) for i in range(count))
    )
    assert srt.stat().st_size > 3_000_000
    srt_doc = load_caption_file(srt)
    vtt_doc = load_caption_file(vtt)
    assert len(srt_doc.cues) == len(vtt_doc.cues) == count
    assert srt_doc.cues[-1] == Cue(
        (count - 1) * 1000,
        (count - 1) * 1000 + 900,
        f"Line {count - 1} of the session\nsecond line",
        str(count),
    )


def test_one_huge_cue_and_one_huge_garbage_run_parse() -> None:
    huge_text = "word " * 400_000
    doc = parse_caption_bytes(f"WEBVTT\n\n00:01.000 --> 00:02.000\n{huge_text}\n".encode(), "x.vtt")
    assert len(doc.cues[0].text) == len(huge_text)
    garbage = "\n".join(f"junk line {i}" for i in range(200_000))
    doc = parse_caption_bytes(f"{garbage}\n\n1\n00:00:01,000 --> 00:00:02,000\nreal\n".encode(), "x.srt")
    assert [cue.text for cue in doc.cues] == ["real"] and len(doc.warnings) == 1

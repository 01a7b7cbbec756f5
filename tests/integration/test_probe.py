"""probe_media against real libvlc: the shared media_chapters set, broken inputs, refused sources.

Where expected.json (upstream expectations, construction notes) and observed.json (what ffprobe and
libvlc report) disagree, the expectations below encode our decision and say why; docs/playback.md
has the full table.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vod_app.domain.languages import normalise_language, same_language, split_track_name
from vod_app.formats.model import ChapterMark
from vod_app.playback.chapters import RawChapter, chapter_at, clean_chapter_name, normalise_chapters
from vod_app.playback.media_file import container_problem, local_file_problem
from vod_app.playback.probe import ProbeResult, probe_json, probe_media
from vod_app.playback.vlc_runtime import UnsupportedSource, local_path

FAST_FAIL_S = 2.0
RTL = "مرحبا — שלום — Ελληνικά — 日本語 — 🎤 Panel \u202eRTL-override\u202c end"
HTML = 'Overlaps previous <img src="http://127.0.0.1:9/x.png"> &amp; <b>bold</b>'
THREE_AUDIO = [("en", "English (floor)"), ("de", "Deutsch (Dolmetsch)"), ("fr", "Français")]


def _chapters(result: ProbeResult) -> list[tuple[int, int | None, str]]:
    return [(c.start_ms, c.end_ms, c.title) for c in result.chapters]


def _audio(result: ProbeResult) -> list[tuple[str | None, str | None]]:
    return [(t.language, t.label) for t in result.audio_tracks]


# file -> (duration_ms, chapters, audio (language, label), subtitle languages) for files that
# probe successfully. Chapters: sorted, end = next start (last: duration), names cleaned.
OK_FILES: dict[str, tuple[int, list[tuple[int, int | None, str]], list, list]] = {
    # Default edition #3 (the non-hidden one), as upstream expects. The hidden chapter is gone.
    # "Podczęść 1" (2 s) starts with its parent "Part 2": same start -> the outer chapter stays.
    # The display-less nested chapter becomes "Chapter 4" (its place in our flat list; upstream
    # says "Chapter 3", its place among its siblings).
    "upstream/ChapterReader/simple.mka": (
        5006,
        [(0, 2000, "Part 1"), (2000, 3000, "Part 2"), (3000, 4000, "Subpart 2"), (4000, 5006, "Chapter 4")],
        [(None, None)],
        [],
    ),
    # libvlc's Ogg length is 4927 ms (ffprobe 5006): the last chapter ends at libvlc's length.
    "upstream/ChapterReader/simple.opus": (
        4927,
        [
            (0, 1000, "Chapter 1"),
            (1000, 2000, "Chapter 2"),
            (2000, 3000, "Chapter 3"),
            (3000, 4927, "Chapter 4"),
        ],
        [(None, None)],
        [],
    ),
    "upstream/ChapterReader/simple_vorbis.ogg": (
        5000,
        [(0, 20, "Part 1"), (20, 2000, "Part 2"), (2000, 5000, "Part 3")],
        [(None, None)],
        [],
    ),
    # Last chapter declared to 25.148 s, media 25.147 s: clipped to the duration. libvlc truncates
    # 4.516667 s to 4516 ms where upstream rounds to 4517 (checked against expected.json below).
    "upstream/ChapterReader/test.m4b": (
        25147,
        [
            (0, 2193, "01"),
            (2193, 4516, "02"),
            (4516, 6838, "03"),
            (6838, 9580, "04"),
            (9580, 12270, "05"),
            (12270, 14855, "06"),
            (14855, 17545, "07"),
            (17545, 20181, "08"),
            (20181, 22505, "09"),
            (22505, 25147, "10"),
        ],
        [("en", None)],
        [],
    ),
    # Structurally whole MP4 whose mdat is empty: header duration 679.4 s is all we can know
    # cheaply; playback ends after ~1 s. Two English audio tracks, CEA-608 captions.
    "upstream/music-metadata/Mr. Pickles S02E07 My Dear Boy.mp4": (
        679400,
        [],
        [("en", None), ("en", None)],
        ["en"],
    ),
    # ID3v2 CHAP chapters: libvlc 3 does not expose them (upstream expects 3). Not an error.
    "upstream/music-metadata/chapters.mp3": (2088, [], [(None, None)], []),
    # 2 audio (und, "Commentary" eng); 8 subtitle tracks: expected.json says 9 but lists 8
    # languages, and ffprobe and libvlc both see 8.
    "upstream/music-metadata/matroska-test-w1-test5-short.mkv": (
        3417,
        [],
        [(None, None), ("en", "Commentary")],
        ["en", "hu", "de", "fr", "es", "it", "ja", None],
    ),
    "upstream/mutagen/ep7.m4b": (2021, [(0, 2021, "Chapter 1")], [("en", None)], []),
    "generated/base.mkv": (5023, [], THREE_AUDIO, []),
    # Built as: Opening 0-1, UNTITLED 1-2, RTL 2-3.5, overlap 3-4, zero-length 4-4, 9-12 beyond 5 s.
    # libvlc shows no declared ends, so chapters partition the timeline: the overlap is cut at the
    # next start, the "zero-length" chapter runs to the end, the one past the end is dropped.
    "generated/edge_chapters.mkv": (
        5038,
        [
            (0, 1000, "Opening"),
            (1000, 2000, "Chapter 2"),
            (2000, 3000, RTL),
            (3000, 4000, HTML),
            (4000, 5038, "Zero-length chapter"),
        ],
        THREE_AUDIO,
        [],
    ),
    # ffmpeg's MP4 muxer stretched the duration to 12 s (ffprobe and libvlc agree): the chapter at
    # 9 s is inside that duration and kept. libvlc reads the untitled chapter ffprobe drops.
    "generated/edge_chapters.mp4": (
        12000,
        [
            (0, 1000, "Opening"),
            (1000, 2000, "Chapter 2"),
            (2000, 3000, RTL),
            (3000, 4000, HTML),
            (4000, 9000, "Zero-length chapter"),
            (9000, 12000, "Starts after end of media (duration 5 s)"),
        ],
        THREE_AUDIO,
        [],
    ),
    # Default edition only; hidden chapter omitted; the disabled chapter is listed (libvlc does
    # not expose the flag); top-level names of several languages stay glued (libvlc joins them
    # with a plain space, which cannot be split safely); the nested chapter is flattened.
    "generated/editions_nested.mkv": (
        5038,
        [
            (0, 500, "Keynote Grundsatzrede Discours d'ouverture"),
            (500, 3000, "Nested: Q&A"),
            (3000, 4000, "Disabled chapter"),
            (4000, 5038, "Chapter 4"),
        ],
        THREE_AUDIO,
        [],
    ),
    # ffprobe drops the chapter declared out of order; libvlc keeps it (mkvmerge named it).
    "generated/ogm_style.mkv": (5038, [(0, 2000, "Chapter 02"), (2000, 5038, "Second")], THREE_AUDIO, []),
    # ffprobe keeps 1 of 3 (libavformat's max_start check); libvlc has all 3: we believe libvlc.
    "generated/unsorted_chapters.mkv": (
        5038,
        [
            (0, 1500, "First (declared second)"),
            (1500, 3000, "Second (declared third)"),
            (3000, 5038, "Third (declared first)"),
        ],
        THREE_AUDIO,
        [],
    ),
    "generated/unsorted_overlap.mkv": (
        5038,
        [(0, 1500, "First, overlaps third"), (1500, 3000, "Second"), (3000, 5038, "Third (declared first)")],
        THREE_AUDIO,
        [],
    ),
}

# file -> words the error must contain. libvlc alone would accept the first three.
FAILING_FILES: dict[str, str] = {
    # CVE-2022-36313 sample: libvlc plays 92 ms of it; the EBML header is invalid (ffprobe agrees).
    "upstream/music-metadata/corrupt.mkv": "header is damaged",
    # Cut at 20 KB: libvlc still reports the full 5 s and 6 chapters, then stops after 0.6 s.
    "generated/truncated_20k.mkv": "truncated",
    "generated/truncated_3k.mp4": "truncated",
    # Headers claim 47 h in 80 KB; no decodable stream (libvlc ends at once). Upstream's 112
    # chapters test the chpl atom parser, not playability: unplayable here.
    "upstream/mutagen/nero-chapters.m4b": "no audio or video stream",
}


def test_every_shared_file_has_a_decision(media_chapters: Path) -> None:
    observed = json.loads((media_chapters / "observed.json").read_text(encoding="utf-8"))
    assert set(observed) == set(OK_FILES) | set(FAILING_FILES)


@pytest.mark.parametrize("name", sorted(OK_FILES))
def test_probe_shared_file(media_chapters: Path, name: str) -> None:
    duration, chapters, audio, subtitles = OK_FILES[name]
    started = time.monotonic()
    result = probe_media(str(media_chapters / name))
    assert time.monotonic() - started < FAST_FAIL_S
    assert result.error is None
    assert result.duration_ms == duration
    assert _chapters(result) == chapters
    assert _audio(result) == audio
    assert [t.language for t in result.subtitle_tracks] == subtitles
    assert all(isinstance(c, ChapterMark) for c in result.chapters)


@pytest.mark.parametrize("name", sorted(FAILING_FILES))
def test_probe_broken_shared_file_fails_fast(media_chapters: Path, name: str) -> None:
    path = str(media_chapters / name)
    started = time.monotonic()
    result = probe_media(path)
    assert time.monotonic() - started < FAST_FAIL_S
    assert result.error is not None
    assert path in result.error and FAILING_FILES[name] in result.error
    assert result.duration_ms is None and result.chapters == [] and result.audio_tracks == []


def test_upstream_chapter_times_agree_within_a_millisecond(media_chapters: Path) -> None:
    expected = json.loads((media_chapters / "expected.json").read_text(encoding="utf-8"))
    for name in ("upstream/ChapterReader/test.m4b", "upstream/ChapterReader/simple.opus"):
        result = probe_media(str(media_chapters / name))
        want = expected[name]["expected_ms_title"]
        assert [c.title for c in result.chapters] == [title for _, title in want]
        for chapter, (start, _) in zip(result.chapters, want, strict=True):
            assert abs(chapter.start_ms - start) <= 1


def test_probe_generated_session(session_media: Path, session_chapters: list) -> None:
    result = probe_media(str(session_media))
    assert result.error is None
    assert result.duration_ms is not None and abs(result.duration_ms - 6000) < 100
    assert [(c.title, c.start_ms) for c in result.chapters] == [(t, s) for t, s, _ in session_chapters]
    assert result.chapters[-1].end_ms == result.duration_ms
    assert [(t.language, t.label) for t in result.audio_tracks] == [
        ("en", "English"),
        ("fr", "Français"),
        ("es", "Español"),
    ]


def test_probe_name_with_colon_is_a_path(session_media: Path, tmp_path: Path) -> None:
    # media_new() would read "Session 1: Opening.mkv" as a URL and fail.
    odd = tmp_path / "Session 1: Opening #2 ?.mkv"
    shutil.copy(session_media, odd)
    assert probe_media(str(odd)).error is None
    assert probe_media(odd.as_uri()).error is None  # file:// URL, percent-encoded


def test_probe_json_shape(session_media: Path) -> None:
    out = probe_json(str(session_media))
    assert set(out) == {"duration_ms", "chapters", "audio_tracks", "subtitle_tracks"}
    assert out["chapters"][0] == {"start_ms": 0, "end_ms": 1500, "title": "Opening"}
    assert out["audio_tracks"][1] == {"id": 2, "language": "fr", "label": "Français"}
    json.dumps(out)  # serialisable as is
    failed = probe_json(str(session_media.parent / "missing.mkv"))
    assert failed["duration_ms"] is None and "does not exist" in failed["error"]


# ---- inputs that must fail fast -------------------------------------------------------------------


def _assert_fails_fast(source: str, words: str) -> None:
    started = time.monotonic()
    result = probe_media(source)
    assert time.monotonic() - started < FAST_FAIL_S
    assert result.error is not None and words in result.error, result.error
    assert result.chapters == [] and result.audio_tracks == [] and result.subtitle_tracks == []


def test_random_bytes_named_mp4(tmp_path: Path) -> None:
    path = tmp_path / "random.mp4"
    path.write_bytes(os.urandom(64 * 1024))
    _assert_fails_fast(str(path), "no audio or video stream")


def test_random_bytes_with_matroska_magic(tmp_path: Path) -> None:
    path = tmp_path / "random.mkv"
    path.write_bytes(b"\x1a\x45\xdf\xa3" + bytes(range(256)) * 64)
    _assert_fails_fast(str(path), str(path))


def test_zero_byte_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.mkv"
    path.touch()
    _assert_fails_fast(str(path), "empty")


def test_directory_named_mkv(tmp_path: Path) -> None:
    path = tmp_path / "folder.mkv"
    path.mkdir()
    (path / "inner.mkv").write_bytes(b"x")
    _assert_fails_fast(str(path), "folder")


def test_missing_path(tmp_path: Path) -> None:
    path = tmp_path / "nope" / "missing.mkv"
    _assert_fails_fast(str(path), f"{path}: the file does not exist")


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / "pipe.mkv"
    os.mkfifo(path)
    _assert_fails_fast(str(path), "not a regular file")


@pytest.mark.parametrize(
    "source",
    ["screen://", "v4l2:///dev/video0", "dshow://", "vlc://quit", "smb://host/share/a.mkv", "rtsp://h/x"],
)
def test_other_schemes_are_refused(source: str) -> None:
    _assert_fails_fast(source, "Unsupported media source")
    with pytest.raises(UnsupportedSource):
        local_path(source)


def test_remote_file_url_is_refused() -> None:
    _assert_fails_fast("file://server/share/a.mkv", "Remote file URLs")


# ---- pure rules (property tests) ------------------------------------------------------------------

names = st.one_of(st.none(), st.text(max_size=40), st.binary(max_size=40))
raw_chapters = st.lists(
    st.builds(RawChapter, start_ms=st.integers(min_value=-5000, max_value=200_000), name=names), max_size=30
)
durations = st.one_of(st.none(), st.integers(min_value=-1, max_value=150_000))


@given(raw_chapters, durations)
def test_normalised_chapters_partition_the_timeline(raw: list[RawChapter], duration: int | None) -> None:
    marks = normalise_chapters(raw, duration)
    starts = [m.start_ms for m in marks]
    assert starts == sorted(set(starts))  # sorted, no duplicates
    assert all(s >= 0 for s in starts)
    known = duration if duration and duration > 0 else None
    for i, mark in enumerate(marks):
        expected_end = marks[i + 1].start_ms if i + 1 < len(marks) else known
        assert mark.end_ms == expected_end
        assert mark.end_ms is None or mark.end_ms > mark.start_ms  # no zero-length chapter
        assert mark.title and mark.title == mark.title.strip()
        assert not any(unicodedata.category(ch) == "Cc" for ch in mark.title)
    # Every valid start survives, and the first declared chapter at a start wins.
    valid = [c for c in raw if c.start_ms >= 0 and (known is None or c.start_ms < known)]
    assert set(starts) == {c.start_ms for c in valid}
    for mark in marks:
        first = next(c for c in valid if c.start_ms == mark.start_ms)
        assert mark.title == (clean_chapter_name(first.name) or f"Chapter {marks.index(mark) + 1}")


@given(raw_chapters, st.integers(min_value=-10, max_value=250_000))
def test_chapter_at_finds_the_playing_chapter(raw: list[RawChapter], t: int) -> None:
    marks = normalise_chapters(raw, None)
    i = chapter_at(marks, t)
    if i == -1:
        assert not marks or t < marks[0].start_ms
    else:
        assert marks[i].start_ms <= t and (marks[i].end_ms is None or t < marks[i].end_ms)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (b" Opening", "Opening"),
        (b"+ Nested: Q&A", "Nested: Q&A"),
        ("+ Podczęść 1+ Subpart 1".encode(), "Podczęść 1"),  # first ChapterDisplay of a nested chapter
        (b"++ Deep+++ not a join", "Deep+++ not a join"),
        (b"+ C++ talk", "C++ talk"),
        (b"+ Q&A + panel", "Q&A + panel"),
        (b" Keynote Grundsatzrede", "Keynote Grundsatzrede"),
        (b"Line\nbreak\x00and\ttab", "Line break and tab"),
        (b"\xff\xfe bad utf-8", "\ufffd\ufffd bad utf-8"),
        (None, ""),
        (b"", ""),
    ],
)
def test_clean_chapter_name(raw: bytes | None, clean: str) -> None:
    assert clean_chapter_name(raw) == clean


@pytest.mark.parametrize(
    ("code", "tag"),
    [
        ("eng", "en"),
        ("fre", "fr"),
        ("fra", "fr"),
        ("ger", "de"),
        ("spa", "es"),
        ("chi", "zh"),
        ("pt-br", "pt-BR"),
        ("zh_hant_tw", "zh-Hant-TW"),
        ("gsw", "gsw"),
        ("und", None),
        ("", None),
        (None, None),
        ("12", None),
        (b"jpn", "ja"),
    ],
)
def test_normalise_language(code: str | bytes | None, tag: str | None) -> None:
    assert normalise_language(code) == tag


@given(st.one_of(st.none(), st.text(max_size=20)))
def test_normalise_language_is_idempotent(code: str | None) -> None:
    tag = normalise_language(code)
    assert normalise_language(tag) == tag


def test_track_names() -> None:
    assert split_track_name("Français - [French]") == ("Français", "fr")
    assert split_track_name("Track 1 - [English]") == (None, "en")
    assert split_track_name("Commentary - [English]") == ("Commentary", "en")
    assert split_track_name("Track 8") == (None, None)
    assert split_track_name("Disable") == (None, None)
    assert same_language("fre", "fr-CA") and not same_language("en", None)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=512), st.sampled_from([b"", b"\x1a\x45\xdf\xa3", b"\x00\x00\x00\x18ftyp"]))
def test_container_checks_never_raise(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, magic: bytes
) -> None:
    path = tmp_path_factory.mktemp("sniff") / "x.bin"
    path.write_bytes(magic + data)
    assert local_file_problem(str(path)) in (None, "the file is empty (0 bytes)")
    problem = container_problem(str(path))
    assert problem is None or isinstance(problem, str)

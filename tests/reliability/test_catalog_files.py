"""Catalog files that are wrong in every way a file can be: named problem, nothing changed.

Complements tests/unit/test_catalog_import.py (which has not-JSON, truncated, empty, duplicate
keys, NaN/Infinity, 100,000-deep arrays, UTF-16 with a BOM, invalid UTF-8, schemes, '..', NUL
escapes, bad language keys, duplicate ids, RTL titles, a 5,000-character title).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from vod_app.catalog.importer import import_catalog_file
from vod_app.catalog.repository import CatalogRepository
from vod_app.catalog.validation import CatalogFileError

from .processes import vod_app

pytestmark = pytest.mark.both_engines  # catalog behaviour: SQLite and PostgreSQL (tests/conftest.py)

TABLES = ("events", "sessions", "panels", "recordings", "chapters", "audio_tracks", "caption_tracks", "cues", "texts", "watch_state")


def dump(catalog: Any) -> dict[str, list[tuple[Any, ...]]]:
    with catalog.read() as s:
        return {t: [tuple(r) for r in s.execute(text(f"SELECT * FROM {t} ORDER BY 1"))] for t in TABLES}


def doc(**session: Any) -> dict[str, Any]:
    s = {"id": "s1", "title": {"en": "Opening"}, "date": "2020-01-02"}
    s.update(session)
    return {"format": "vod-app-catalog", "version": 1, "sessions": [s]}


def write(tmp_path: Path, content: Any, name: str = "cat.json") -> Path:
    p = tmp_path / name
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content if isinstance(content, str) else json.dumps(content), "utf-8")
    return p


def refused(catalog: Any, path: Path, *expected: str) -> CatalogFileError:
    """The import fails naming the file and each expected text; the catalog is unchanged."""
    before = dump(catalog)
    with pytest.raises(CatalogFileError) as info:
        import_catalog_file(catalog, path)
    report = info.value.report()
    assert str(info.value).startswith(str(path))
    for e in expected:
        assert e in report, (e, report[:500])
    assert len(str(info.value)) < 500  # never echoes a huge value
    assert dump(catalog) == before
    return info.value


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le"])
def test_utf16_and_utf32_with_or_without_bom(catalog, tmp_path: Path, encoding: str) -> None:
    refused(catalog, write(tmp_path, json.dumps(doc()).encode(encoding)), "UTF-16/UTF-32", "save it as UTF-8")


def test_utf8_with_bom_is_fine(catalog, tmp_path: Path) -> None:
    import_catalog_file(catalog, write(tmp_path, json.dumps(doc()).encode("utf-8-sig")))
    assert CatalogRepository(catalog).counts()["sessions"] == 1


@pytest.mark.parametrize(
    "content",
    [
        '{"a":' * 100_000 + "1" + "}" * 100_000,
        '{"format": "vod-app-catalog", "version": 1, "sessions": [' + "[" * 100_000 + "]" * 100_000 + "]}",
    ],
    ids=["objects", "inside-a-field"],
)
def test_100000_deep_nesting(catalog, tmp_path: Path, content: str) -> None:
    refused(catalog, write(tmp_path, content), "nested too deeply")


def test_deep_but_parseable_nesting_is_a_schema_problem(catalog, tmp_path: Path) -> None:
    deep: Any = "x"
    for _ in range(900):
        deep = [deep]
    refused(catalog, write(tmp_path, doc(title=deep, panels=[{"id": "p", "title": "t", "speakers": deep}])), "$.sessions[0].title")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'{"format": "vod-app-catalog",\x00 "version": 1}', "not valid JSON"),
        (b'{"format": "vod-app-catalog", "version": 1, "sessions": [{"id": "a", "title": "x\x00y"}]}', "Invalid control character at line"),
        (b'{"format": "vod-app-catalog", "version": 1, "sessions": [{"id": "a", "title": "x\\u0000y"}]}', "U+0000"),
        (b'{"format": "vod-app-catalog", "version": 1, "sessions": [{"id": "a", "title": "x\\ud800y"}]}', "lone surrogate"),
        (b"\x00" * 100, "NUL"),
    ],
    ids=["raw-nul-between-tokens", "raw-nul-in-string", "escaped-nul", "lone-surrogate", "all-nul"],
)
def test_nul_bytes_and_lone_surrogates(catalog, tmp_path: Path, content: bytes, expected: str) -> None:
    refused(catalog, write(tmp_path, content), expected)


def test_50_mb_file_with_a_huge_description_is_refused_quickly(catalog, tmp_path: Path) -> None:
    path = write(tmp_path, doc(description="migration " * 5_000_000))
    assert path.stat().st_size >= 50_000_000
    t0 = time.monotonic()
    refused(catalog, path, "$.sessions[0].description", "text too long (50000000 characters")
    assert time.monotonic() - t0 < 30


def test_50_mb_file_of_padding_around_a_good_catalog_imports(catalog, tmp_path: Path) -> None:
    good = json.dumps(doc())
    path = write(tmp_path, good[:1] + " " * 25_000_000 + good[1:-1] + "\n" * 25_000_000 + good[-1:])
    assert path.stat().st_size >= 50_000_000
    assert import_catalog_file(catalog, path).sessions_added == 1


def test_huge_keys_and_values_are_never_echoed(catalog, tmp_path: Path) -> None:
    big = "k" * 1_000_000
    refused(catalog, write(tmp_path, {"format": "vod-app-catalog", "version": 1, big: 1}), "unknown field 'kkkk")
    refused(catalog, write(tmp_path, f'{{"format": "vod-app-catalog", "version": 1, "{big}": 1, "{big}": 2}}'), "duplicate key 'kkkk")
    refused(catalog, write(tmp_path, doc(title={"en": "x" * 3000})), "text too long (3000 characters; at most 2000)")
    refused(catalog, write(tmp_path, doc(id="x" * 100_000)), "does not have the expected form")
    refused(catalog, write(tmp_path, doc(recordings=[{"id": "r", "media": "x" * 5000}])), "text too long (5000")


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"sessions": {"id": "s1"}}, "$.sessions: expected a list"),
        ({"sessions": ["s1"]}, "$.sessions[0]: expected an object"),
        ({"version": "1"}, "$.version"),
        ({"version": True}, "$.version"),
        ({"format": 1}, "$.format"),
        ({"events": [{"id": "e", "title": "t", "year": "2017"}]}, "$.events[0].year: expected a whole number, got text"),
        ({"sessions": [{"id": "s", "title": "t", "sample": "yes"}]}, "$.sessions[0].sample: expected true or false"),
        ({"sessions": [{"id": 5, "title": "t"}]}, "$.sessions[0].id: expected text"),
        ({"sessions": [{"id": "s", "title": "t", "recordings": [{"id": "r", "media": "a.mkv", "duration_ms": "90"}]}]}, "duration_ms: expected a whole number"),
        ({"sessions": [{"id": "s", "title": "t", "recordings": [{"id": "r", "media": "a.mkv", "duration_ms": 1.5}]}]}, "duration_ms: expected a whole number"),
        ({"sessions": [{"id": "s", "title": "t", "recordings": [{"id": "r", "media": "a.mkv", "chapters": [{"start_ms": -1, "title": "c"}]}]}]}, "start_ms: -1 is out of range"),
        ({"sessions": [{"id": "s", "title": "t", "recordings": [{"id": "r", "media": "a.mkv", "duration_ms": 10**30}]}]}, "is out of range"),
        ({"sessions": [{"id": "s", "title": "t", "recordings": [{"id": "r", "media": None}]}]}, "media: expected text"),
        ({"sessions": [{"id": "s", "title": "t", "panels": [{"id": "p", "title": "t", "speakers": "A, B"}]}]}, "speakers: expected a list"),
        ({"sessions": [{"id": "s", "title": {}}]}, "$.sessions[0].title"),
        ({"sessions": [{"id": "s", "title": None}]}, "$.sessions[0].title"),
    ],
)
def test_wrong_types_name_the_path(catalog, tmp_path: Path, change: dict[str, Any], where: str) -> None:
    refused(catalog, write(tmp_path, {"format": "vod-app-catalog", "version": 1, **change}), where)


@pytest.mark.parametrize(
    ("number", "expected"),
    [("1e400", "inf is out of range"), ("-1e400", "-inf is out of range"), ("9" * 5000, "too many digits"), ("1" * 40, "is out of range")],
    ids=["1e400", "-1e400", "5000-digits", "40-digits"],
)
def test_numbers_too_large(catalog, tmp_path: Path, number: str, expected: str) -> None:
    raw = '{"format": "vod-app-catalog", "version": 1, "sessions": [{"id": "a", "title": "x", "recordings": [{"id": "r", "media": "a.mkv", "duration_ms": %s}]}]}'
    refused(catalog, write(tmp_path, raw.replace("%s", number)), expected)


@pytest.mark.parametrize("date", ["2017-02-30", "2017-02-29", "2017-13-01", "2017-00-10", "0000-01-01", "2017-4-18", "20170418", "2017-W16-2", "2017-04-18T10:00", " 2017-04-18"])
def test_impossible_or_malformed_dates(catalog, tmp_path: Path, date: str) -> None:
    refused(catalog, write(tmp_path, doc(date=date)), "$.sessions[0].date")


def test_leap_days_and_far_dates_are_fine(catalog, tmp_path: Path) -> None:
    cat = {"format": "vod-app-catalog", "version": 1, "sessions": [{"id": f"s{i}", "title": "t", "date": d} for i, d in enumerate(["2016-02-29", "0001-01-01", "9999-12-31"])]}
    assert import_catalog_file(catalog, write(tmp_path, cat)).sessions_added == 3


@pytest.mark.parametrize(
    ("where", "tag"),
    [("title", "english"), ("title", "e"), ("title", "en_"), ("title", ""), ("audio", "English"), ("audio", "en US"), ("captions", "fr-"), ("language", "x-klingon"), ("language", "toolongtag")],
)
def test_malformed_language_tags_are_refused(catalog, tmp_path: Path, where: str, tag: str) -> None:
    rec = {"id": "r", "media": "a.mkv"}
    d = doc()
    if where == "title":
        d["sessions"][0]["title"] = {tag: "x"}
    elif where == "audio":
        rec["audio_tracks"] = [{"language": tag}]
    elif where == "captions":
        rec["captions"] = [{"language": tag, "file": "a.vtt"}]
    else:
        d["language"] = tag
    d["sessions"][0]["recordings"] = [rec]
    err = refused(catalog, write(tmp_path, d))
    assert any("language tag" in p.message or "expected form" in p.message for p in err.problems), err.report()


def test_unknown_but_well_formed_language_tags_are_kept_normalised(catalog, tmp_path: Path) -> None:
    d = doc(title={"EN": "Title", "zh-hant-tw": "標題", "tlh": "Klingon"}, recordings=[{"id": "r", "media": "a.mkv", "audio_tracks": [{"language": "ZZ"}]}])
    import_catalog_file(catalog, write(tmp_path, d))
    detail = CatalogRepository(catalog).session_detail(CatalogRepository(catalog).session_id_for_uid("s1"), ("tlh",))
    assert detail.title == "Klingon"
    assert set(detail.languages) == {"en", "zh-Hant", "tlh", "zz"}  # languages, not regions: the script stays


@pytest.mark.parametrize("media", ["../x.mkv", "a/../../x.mkv", "a/../b.mkv", "..\\x.mkv", "./../x.mkv", "a/b/../../../x.mkv"])
def test_relative_paths_may_not_leave_the_folder(catalog, tmp_path: Path, media: str) -> None:
    refused(catalog, write(tmp_path, doc(recordings=[{"id": "r", "media": media}])), "'..' is not allowed")
    refused(catalog, write(tmp_path, doc(recordings=[{"id": "r", "media": "a.mkv", "captions": [{"file": media}]}])), "'..' is not allowed")


def test_absolute_paths_are_taken_as_given(catalog, tmp_path: Path) -> None:
    recs = [{"id": "r1", "media": "/srv/media/../talks/a.mkv"}, {"id": "r2", "media": "file:///srv/media/b%20c.mkv"}]
    import_catalog_file(catalog, write(tmp_path, doc(recordings=recs)))
    detail = CatalogRepository(catalog).session_detail(CatalogRepository(catalog).session_id_for_uid("s1"))
    assert [r.source for r in detail.recordings] == ["/srv/media/../talks/a.mkv", "/srv/media/b c.mkv"]


@pytest.mark.sqlite_only  # the message's length bound includes the test's folder name
def test_very_long_paths(catalog, tmp_path: Path) -> None:
    refused(catalog, write(tmp_path, doc(recordings=[{"id": "r", "media": "a/" * 2049}])), "text too long")
    long_name = "n" * 300 + ".mkv"  # longer than a file name may be
    import_catalog_file(catalog, write(tmp_path, doc(recordings=[{"id": "r", "media": long_name}])))
    with catalog.read() as s:
        assert s.execute(text("SELECT missing FROM recordings WHERE uid = 'r'")).scalar_one() == 1
    err = refused(catalog, write(tmp_path, doc(id="s2", recordings=[{"id": "r2", "media": "a.mkv", "captions": [{"file": "c" * 300 + ".vtt"}]}])))
    assert "File name too long" in err.report()


@pytest.mark.parametrize(
    "media",
    ["file:relative.mkv", "screen://", "SCREEN://", "Screen://", "v4l2:///dev/video0", "dshow://", "vlc://quit", "smb://h/s/a.mkv", "rtsp://h/x", "ftp://h/x.mkv",
     "javascript:alert(1)", "data:video/mp4;base64,AAAA", "file://otherhost/a.mkv", "http:///nohost.mkv", "cdda:///dev/sr0", "dvd:///dev/sr0", "udp://@:1234"],
)
def test_url_schemes_other_than_file_and_http(catalog, tmp_path: Path, media: str) -> None:
    refused(catalog, write(tmp_path, doc(recordings=[{"id": "r", "media": media}])), "$.sessions[0].recordings[0].media")
    refused(catalog, write(tmp_path, doc(recordings=[{"id": "r", "media": "a.mkv", "captions": [{"file": media}]}])), "captions[0].file")


@pytest.mark.parametrize("media", [":sout=#file{dst=/tmp/x}", "--sout=#file{dst=x}.mkv", ":input-slave=screen://", "-vvv.mkv", "Session 1: Opening.mkv", "#transcode{}.mkv"])
def test_option_strings_stay_file_names(catalog, tmp_path: Path, media: str) -> None:
    import_catalog_file(catalog, write(tmp_path, doc(recordings=[{"id": "r", "media": media}])))
    detail = CatalogRepository(catalog).session_detail(CatalogRepository(catalog).session_id_for_uid("s1"))
    assert detail.recordings[0].source == str(tmp_path / media)


def test_duplicate_ids_across_sessions_and_events(catalog, tmp_path: Path) -> None:
    d = {
        "format": "vod-app-catalog",
        "version": 1,
        "events": [{"id": "e", "title": "a"}, {"id": "e", "title": "b"}],
        "sessions": [
            {"id": "s1", "title": "a", "recordings": [{"id": "r", "media": "a.mkv"}], "panels": [{"id": "p", "title": "x"}]},
            {"id": "s2", "title": "b", "recordings": [{"id": "r", "media": "b.mkv"}], "panels": [{"id": "p", "title": "y"}]},
        ],
    }
    refused(catalog, write(tmp_path, d), "duplicate event id 'e'", "duplicate recording id 'r'", "duplicate panel id 'p'")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"not json at all", "not valid JSON"),
        (json.dumps(doc()).encode("utf-16"), "UTF-16"),
        (b"[" * 100_000, "nested too deeply"),
        (b'{"format": "vod-app-catalog", "version": NaN}', "finite"),
        (b'{"format": "vod-app-catalog", "version": 1, "sessions": [{"id": "a", "title": "x", "date": "2017-02-30"}]}', "not a real date"),
    ],
    ids=["not-json", "utf16", "nesting", "nan", "date"],
)
def test_command_line_names_the_file_and_the_problem(_isolated_home: Path, tmp_path: Path, content: bytes, expected: str) -> None:
    path = write(tmp_path, content)
    proc = vod_app("import", str(path), home=_isolated_home)
    assert proc.returncode == 1
    first = proc.stderr.splitlines()[0]
    assert first.startswith(f"vod-app: {path}: $") and expected in first, proc.stderr


def test_chapters_unsorted_overlapping_and_past_the_end(catalog, tmp_path: Path) -> None:
    from vod_app.domain.timeline import Timeline

    chapters = [{"start_ms": 50_000, "title": "C"}, {"start_ms": 0, "title": "A"}, {"start_ms": 10_000, "end_ms": 70_000, "title": "B overlaps C"}]
    import_catalog_file(catalog, write(tmp_path, doc(recordings=[{"id": "r", "media": "a.mkv", "duration_ms": 90_000, "chapters": chapters}])))
    repo = CatalogRepository(catalog)
    rec = repo.session_detail(repo.session_id_for_uid("s1")).recordings[0]
    assert [(c.start_ms, c.end_ms, c.title) for c in rec.chapters] == [(0, 10_000, "A"), (10_000, 70_000, "B overlaps C"), (50_000, 90_000, "C")]
    timeline = Timeline.build(rec.chapters, rec.panel_ranges)
    assert [timeline.chapter_index_at(ms) for ms in (0, 9_999, 10_000, 49_999, 50_000, 89_999, 90_000, 10**9)] == [0, 0, 1, 1, 2, 2, 2, 2]
    assert timeline.next_chapter_start(60_000) is None and timeline.previous_chapter_start(60_000) == 50_000
    refused(catalog, write(tmp_path, doc(recordings=[{"id": "r", "media": "a.mkv", "duration_ms": 90_000, "chapters": [{"start_ms": 90_001, "title": "late"}]}])), "past the recording's duration")
    refused(catalog, write(tmp_path, doc(recordings=[{"id": "r", "media": "a.mkv", "chapters": [{"start_ms": 5_000, "end_ms": 5_000, "title": "empty"}]}])), "is not after start")


def test_caption_sidecars_of_binary_garbage_or_100_mb(catalog, tmp_path: Path) -> None:
    import os

    (tmp_path / "noise.vtt").write_bytes(os.urandom(64 * 1024))
    refused(catalog, write(tmp_path, doc(recordings=[{"id": "r", "media": "a.mkv", "captions": [{"file": "noise.vtt"}]}])), "captions[0].file", "noise.vtt: not a WebVTT file")
    cue = b"00:00:01.000 --> 00:00:02.000\nsome words here\n\n"
    (tmp_path / "huge.vtt").write_bytes(b"WEBVTT\n\n" + cue * (100 * 1024 * 1024 // len(cue)))
    t0 = time.monotonic()
    refused(catalog, write(tmp_path, doc(recordings=[{"id": "r", "media": "a.mkv", "captions": [{"file": "huge.vtt"}]}])), "huge.vtt: file is too large")
    assert time.monotonic() - t0 < 5  # refused before it is parsed, let alone indexed

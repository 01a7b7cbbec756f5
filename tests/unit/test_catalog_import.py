"""Importing catalog files: good, bad (all problems, nothing changed), idempotent, user state kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from vod_app.catalog.importer import import_catalog_file
from vod_app.catalog.repository import CatalogRepository
from vod_app.catalog.user_state import UserStateRepository
from vod_app.catalog.validation import CatalogFileError

pytestmark = pytest.mark.both_engines  # catalog behaviour: SQLite and PostgreSQL (tests/conftest.py)

DUMP_TABLES = (
    "events", "sessions", "session_languages", "panels", "recordings", "recording_panels", "chapters",
    "audio_tracks", "caption_tracks", "cues", "texts", "watch_state", "bookmarks", "preferences",
    "speakers", "speaker_terms", "interventions",
)


def dump(catalog) -> dict[str, list[tuple]]:
    with catalog.read() as s:
        return {t: [tuple(r) for r in s.execute(text(f"SELECT * FROM {t} ORDER BY 1"))] for t in DUMP_TABLES}


def write(tmp_path: Path, doc: object, name: str = "cat.json") -> Path:
    p = tmp_path / name
    p.write_text(json.dumps(doc) if not isinstance(doc, str) else doc, "utf-8")
    return p


def minimal(**session: object) -> dict:
    s = {"id": "s1", "title": {"en": "Opening session", "fr": "Séance d'ouverture"}, "date": "2020-01-02"}
    s.update(session)
    return {"format": "vod-app-catalog", "version": 1, "sessions": [s]}


def test_builtin_catalog_imports_with_panels_chapters_tracks_and_captions(loaded_catalog) -> None:
    repo = CatalogRepository(loaded_catalog)
    sid = repo.session_id_for_uid("iom-idm-2017-04-18-panels-2-3")
    detail = repo.session_detail(sid, ("en",))
    assert detail is not None
    assert detail.title == "(Panel 2 & 3) International Dialogue on Migration 2017"
    assert [p.number for p in detail.panels] == [2, 3]
    assert detail.panels[0].title.startswith("Panel 2 – The Global Compact on Migration")
    assert detail.panels[1].description.startswith("The law and policy affecting the movement of people")
    assert set(detail.languages) >= {"en", "fr", "es"}
    rec = detail.recordings[0]
    assert [c.start_ms for c in rec.chapters] == [0, 10_000, 50_000]
    assert [(r.start_ms, r.end_ms) for r in rec.panel_ranges] == [(10_000, 50_000), (50_000, 90_000)]
    assert [a.language for a in rec.audio_tracks] == ["en", "fr", "es"]
    assert {c.language for c in rec.captions} == {"en", "fr", "es"}
    assert repo.counts()["cues"] > 0
    fr = repo.session_detail(sid, ("fr",))
    assert fr.panels[0].lang == "fr" and "Pacte mondial" in fr.panels[0].title


def test_reimport_leaves_catalog_identical(catalog) -> None:
    source = Path(__file__).resolve().parents[2] / "data" / "catalog.json"
    sessions_in_file = len(json.loads(source.read_text("utf-8"))["sessions"])
    first = import_catalog_file(catalog, source)
    # The first import really read the file and wrote rows ...
    assert sessions_in_file > 0 and first.sessions_added == sessions_in_file and first.cues > 0
    before = dump(catalog)
    assert len(before["sessions"]) == sessions_in_file and before["texts"] and before["cues"]
    # ... and the second, of the same file, writes none.
    again = import_catalog_file(catalog, source)
    assert (again.sessions_added, again.sessions_updated, again.events_added, again.events_updated) == (0, 0, 0, 0)
    assert again.sessions_unchanged == sessions_in_file
    assert dump(catalog) == before


def test_reimport_after_change_updates_in_place_and_keeps_user_state(catalog, tmp_path: Path) -> None:
    doc = minimal(recordings=[{"id": "r1", "media": "a.mkv", "duration_ms": 60000}])
    import_catalog_file(catalog, write(tmp_path, doc))
    users = UserStateRepository(catalog)
    users.save_position("r1", 12_345, 60_000)
    users.add_bookmark("r1", 5_000, "good point")
    doc["sessions"][0]["title"]["en"] = "Opening session (edited)"
    doc["sessions"][0]["recordings"][0]["duration_ms"] = 61000
    report = import_catalog_file(catalog, write(tmp_path, doc))
    assert report.sessions_updated == 1
    repo = CatalogRepository(catalog)
    page = repo.recent_recordings()
    assert [r.title for r in page.items] == ["Opening session (edited)"]
    assert page.items[0].position_ms == 12_345
    assert users.position("r1") == 12_345
    assert [b.note for b in users.bookmarks("r1")] == ["good point"]
    # the recording left the catalog file entirely: user state is still kept
    doc["sessions"][0]["recordings"] = []
    import_catalog_file(catalog, write(tmp_path, doc))
    assert users.position("r1") == 12_345


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "not valid JSON"),
        ('{"format": "vod-app-catalog", "version": 1, "sessions": [', "not valid JSON"),
        ("", "empty"),
        ('{"format": "vod-app-catalog", "version": 1, "version": 1}', "duplicate key 'version'"),
        ('{"format": "vod-app-catalog", "version": NaN}', "finite"),
        ('{"format": "vod-app-catalog", "version": 1, "sessions": [{"id": "a", "title": "x", "date": Infinity}]}', "finite"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"format": "vod-app-catalog", "version": 2}', "newer"),
        ('{"format": "other", "version": 1}', "$.format"),
    ],
)
def test_malformed_files_name_the_problem(catalog, tmp_path: Path, content: str, expected: str) -> None:
    before = dump(catalog)
    path = write(tmp_path, content)
    with pytest.raises(CatalogFileError) as info:
        import_catalog_file(catalog, path)
    assert str(path) in str(info.value)
    assert expected in str(info.value)
    assert dump(catalog) == before


def test_utf16_and_invalid_utf8_are_named(catalog, tmp_path: Path) -> None:
    p = tmp_path / "u16.json"
    p.write_bytes(json.dumps(minimal()).encode("utf-16"))
    with pytest.raises(CatalogFileError, match="UTF-16"):
        import_catalog_file(catalog, p)
    p.write_bytes(b'{"format": "vod-app-catalog", "version": 1, "x": "\xff"}')
    with pytest.raises(CatalogFileError, match="UTF-8"):
        import_catalog_file(catalog, p)


def test_all_problems_are_reported_with_json_paths(catalog, tmp_path: Path) -> None:
    doc = {
        "format": "vod-app-catalog",
        "version": 1,
        "sessions": [
            {"id": "a", "title": "ok", "date": "2017-02-30"},
            {"id": "b", "title": 5},
            {"id": "c", "title": "x", "recordings": [{"id": "r", "media": "screen://"}]},
            {"id": "d", "title": "x", "recordings": [{"id": "r2", "media": "../../etc/passwd"}]},
            {"id": "e", "title": "nul\u0000here"},
            {"id": "f", "title": {"english": "bad tag"}},
        ],
    }
    with pytest.raises(CatalogFileError) as info:
        import_catalog_file(catalog, write(tmp_path, doc))
    paths = {p.path for p in info.value.problems}
    assert "$.sessions[1].title" in paths  # schema: wrong type
    assert "$.sessions[5].title" in paths  # malformed language tag
    # schema problems stop before semantic checks; fix them and the semantic ones show
    doc["sessions"] = [doc["sessions"][i] for i in (0, 2, 3, 4)]
    with pytest.raises(CatalogFileError) as info:
        import_catalog_file(catalog, write(tmp_path, doc))
    messages = {p.path: p.message for p in info.value.problems}
    assert "not a real date" in messages["$.sessions[0].date"]
    assert "scheme 'screen'" in messages["$.sessions[1].recordings[0].media"]
    assert "'..'" in messages["$.sessions[2].recordings[0].media"]
    assert "U+0000" in messages["$.sessions[3].title"]


@pytest.mark.parametrize("media", ["file:relative", "vlc://quit", "v4l2://", "dshow://", "smb://host/share/a.mkv", "screen://"])
def test_media_schemes_other_than_files_and_http_are_refused(catalog, tmp_path: Path, media: str) -> None:
    with pytest.raises(CatalogFileError, match="media"):
        import_catalog_file(catalog, write(tmp_path, minimal(recordings=[{"id": "r", "media": media}])))


def test_relative_absolute_and_url_media(catalog, tmp_path: Path) -> None:
    recs = [
        {"id": "r1", "media": "sub/a.mkv"},
        {"id": "r2", "media": "/abs/b.mkv"},
        {"id": "r3", "media": "https://media.example.org/c.mp4"},
        {"id": "r4", "media": ":sout=#file{dst=/tmp/x}.mkv"},
    ]
    import_catalog_file(catalog, write(tmp_path, minimal(recordings=recs)))
    repo = CatalogRepository(catalog)
    detail = repo.session_detail(repo.session_id_for_uid("s1"))
    sources = [r.source for r in detail.recordings]
    assert sources[0] == str(tmp_path / "sub" / "a.mkv")
    assert sources[1] == "/abs/b.mkv"
    assert sources[2] == "https://media.example.org/c.mp4"
    assert sources[3] == str(tmp_path / ":sout=#file{dst=/tmp/x}.mkv")  # a file name, never an option


def test_duplicate_ids_and_unknown_references(catalog, tmp_path: Path) -> None:
    doc = minimal(panels=[{"id": "p", "title": "x"}, {"id": "p", "title": "y"}], recordings=[{"id": "r", "media": "a.mkv", "chapters": [{"start_ms": 0, "title": "c", "panel": "nope"}]}])
    doc["sessions"].append({"id": "s1", "title": "again"})
    doc["sessions"][0]["event"] = "missing-event"
    with pytest.raises(CatalogFileError) as info:
        import_catalog_file(catalog, write(tmp_path, doc))
    text_ = info.value.report()
    assert "duplicate panel id 'p'" in text_
    assert "duplicate session id 's1'" in text_
    assert "unknown panel 'nope'" in text_
    assert "unknown event 'missing-event'" in text_


def test_missing_caption_file_fails_whole_import(catalog, tmp_path: Path) -> None:
    doc = minimal(recordings=[{"id": "r", "media": "a.mkv", "captions": [{"language": "en", "file": "nope.vtt"}]}])
    with pytest.raises(CatalogFileError, match=r"captions\[0\]\.file"):
        import_catalog_file(catalog, write(tmp_path, doc))
    assert CatalogRepository(catalog).counts()["sessions"] == 0


def test_empty_catalog_and_rtl_titles(catalog, tmp_path: Path) -> None:
    report = import_catalog_file(catalog, write(tmp_path, {"format": "vod-app-catalog", "version": 1}))
    assert report.sessions_added == 0
    title = "\u202eevil\u202c \u200bحوار الهجرة"
    import_catalog_file(catalog, write(tmp_path, minimal(title={"ar": title})))
    page = CatalogRepository(catalog).recent_recordings()
    assert page.items == ()
    assert CatalogRepository(catalog).sessions(prefs=("ar",)).items[0].title == title


def test_huge_strings_are_refused_by_the_schema(catalog, tmp_path: Path) -> None:
    with pytest.raises(CatalogFileError, match="too long|is longer"):
        import_catalog_file(catalog, write(tmp_path, minimal(title="x" * 5000)))

"""Speakers and interventions in the catalog (issue 10): format, checks, import, re-import, the 0007
upgrade, precedence over voice tags, search by name on both engines, ``vod-app speakers``."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text

from vod_app.catalog.importer import import_catalog_file
from vod_app.catalog.search import search_backend
from vod_app.catalog.speakers import recording_speakers, session_speakers
from vod_app.catalog.validation import CatalogFileError
from vod_app.domain.search_filters import SearchFilters
from vod_app.domain.speakers import SpeakerIndex, label_cues
from vod_app.domain.transcript import Intervention

pytestmark = pytest.mark.both_engines  # catalog behaviour: SQLite and PostgreSQL (tests/conftest.py)

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_0007 = ROOT / "tests" / "fixtures" / "db" / "schema-0007.sqlite3"
SAMPLE = "iom-idm-2017-04-18-panels-2-3"


def doc(interventions: list[dict] | None = None, speakers: list[dict] | None = None, **rec: object) -> dict:
    speakers = (
        speakers
        if speakers is not None
        else [
            {
                "id": "chair",
                "name": "Amina Diallo",
                "role": "Moderator",
                "affiliation": "IOM",
                "country": "Senegal",
            },
            {"id": "p1", "name": "José Núñez", "role": "Panelist", "country": "Mexico"},
        ]
    )
    interventions = (
        interventions
        if interventions is not None
        else [
            {"speaker": "chair", "start_ms": 0, "end_ms": 20_000, "language": "en"},
            {"speaker": "p1", "start_ms": 20_000, "end_ms": 50_000, "language": "es"},
            {"speaker": "chair", "start_ms": 48_000, "end_ms": 60_000},
        ]
    )
    recording = {
        "id": "s1-rec",
        "media": "media/x.mkv",
        "duration_ms": 90_000,
        "interventions": interventions,
        **rec,
    }
    session = {
        "id": "s1",
        "title": "Dialogue on remittances",
        "date": "2020-03-04",
        "speakers": speakers,
        "recordings": [recording],
    }
    return {"format": "vod-app-catalog", "version": 1, "sessions": [session]}


def write(tmp_path: Path, d: dict, name: str = "cat.json") -> Path:
    p = tmp_path / name
    p.write_text(json.dumps(d), "utf-8")
    return p


def session_id(catalog, uid: str = "s1") -> int:  # noqa: ANN001
    with catalog.read() as s:
        return s.execute(text("SELECT id FROM sessions WHERE uid = :u"), {"u": uid}).scalar_one()


def counts(catalog) -> tuple[int, int, int]:  # noqa: ANN001
    with catalog.read() as s:
        return tuple(
            s.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
            for t in ("speakers", "speaker_terms", "interventions")
        )


# --- import ---------------------------------------------------------------------------------------


def test_import_keeps_speakers_and_their_interventions_in_order(catalog, tmp_path: Path) -> None:  # noqa: ANN001
    import_catalog_file(catalog, write(tmp_path, doc()))
    entries = session_speakers(catalog, session_id(catalog))
    assert [e.name for e in entries] == ["Amina Diallo", "José Núñez"]
    chair, p1 = entries
    assert (chair.role, chair.affiliation, chair.country, chair.is_sample) == (
        "Moderator",
        "IOM",
        "Senegal",
        False,
    )
    assert [(s.start_ms, s.end_ms, s.language) for s in chair.spans] == [
        (0, 20_000, "en"),
        (48_000, 60_000, None),
    ]
    assert chair.total_ms == 32_000 and p1.total_ms == 30_000
    assert chair.details() == "Moderator · IOM, Senegal" and p1.details() == "Panelist · Mexico"
    assert {s.recording_uid for s in p1.spans} == {"s1-rec"}
    rid = chair.spans[0].recording_id
    assert [e.name for e in recording_speakers(catalog, rid)] == ["Amina Diallo", "José Núñez"]
    assert recording_speakers(catalog, rid + 999) == []


def test_reimport_replaces_speakers_and_interventions_cleanly(catalog, tmp_path: Path) -> None:  # noqa: ANN001
    import_catalog_file(catalog, write(tmp_path, doc()))
    assert counts(catalog) == (2, 4, 3)  # terms: amina diallo jose nunez
    changed = doc(
        speakers=[{"id": "p2", "name": "Ngozi Okafor"}],
        interventions=[{"speaker": "p2", "start_ms": 1_000, "end_ms": 2_000}],
    )
    import_catalog_file(catalog, write(tmp_path, changed))
    assert counts(catalog) == (1, 2, 1)
    [entry] = session_speakers(catalog, session_id(catalog))
    assert entry.name == "Ngozi Okafor" and [(s.start_ms, s.end_ms) for s in entry.spans] == [(1_000, 2_000)]
    # A catalog without them removes them; importing the same file twice changes nothing.
    plain = doc(speakers=[], interventions=[])
    import_catalog_file(catalog, write(tmp_path, plain))
    import_catalog_file(catalog, write(tmp_path, plain))
    assert counts(catalog) == (0, 0, 0) and session_speakers(catalog, session_id(catalog)) == []


def problems(catalog, tmp_path: Path, d: dict) -> list[str]:  # noqa: ANN001
    with pytest.raises(CatalogFileError) as err:
        import_catalog_file(catalog, write(tmp_path, d))
    assert counts(catalog) == (0, 0, 0)  # nothing imported: one transaction
    return [str(p) for p in err.value.problems]


def test_unknown_speaker_is_refused_naming_recording_session_and_value(catalog, tmp_path: Path) -> None:  # noqa: ANN001
    [msg] = problems(catalog, tmp_path, doc([{"speaker": "ghost", "start_ms": 0, "end_ms": 10}]))
    assert msg == (
        "$.sessions[0].recordings[0].interventions[0].speaker: unknown speaker 'ghost' in recording 's1-rec' "
        "(not one of session 's1''s speakers)"
    )


def test_end_not_after_start_is_refused(catalog, tmp_path: Path) -> None:  # noqa: ANN001
    [msg] = problems(catalog, tmp_path, doc([{"speaker": "p1", "start_ms": 5_000, "end_ms": 4_000}]))
    assert (
        msg
        == "$.sessions[0].recordings[0].interventions[0].end_ms: end 4000 is not after start 5000 (recording 's1-rec', speaker 'p1')"
    )


def test_intervention_past_the_recording_is_refused(catalog, tmp_path: Path) -> None:  # noqa: ANN001
    [msg] = problems(catalog, tmp_path, doc([{"speaker": "p1", "start_ms": 80_000, "end_ms": 95_000}]))
    assert (
        msg
        == "$.sessions[0].recordings[0].interventions[0].end_ms: end 95000 is past recording 's1-rec''s duration 90000 (speaker 'p1')"
    )


def test_one_speaker_overlapping_themselves_is_refused_two_speakers_may_overlap(
    catalog, tmp_path: Path
) -> None:  # noqa: ANN001
    ivs = [
        {"speaker": "p1", "start_ms": 0, "end_ms": 10_000},
        {"speaker": "p1", "start_ms": 9_000, "end_ms": 12_000},
    ]
    [msg] = problems(catalog, tmp_path, doc(ivs))
    assert msg.startswith(
        "$.sessions[0].recordings[0].interventions[1].start_ms: speaker 'p1' already speaks from 0 to 10000 "
        "in recording 's1-rec' (interventions[0])"
    )
    # The default document has the chair and p1 overlapping (48-50 s): that imports.
    import_catalog_file(catalog, write(tmp_path, doc()))


def test_duplicate_speaker_and_schema_problems_are_reported_with_their_paths(catalog, tmp_path: Path) -> None:  # noqa: ANN001
    dup = doc(speakers=[{"id": "p1", "name": "A"}, {"id": "p1", "name": "B"}], interventions=[])
    assert problems(catalog, tmp_path, dup) == [
        "$.sessions[0].speakers[1].id: duplicate speaker id 'p1' in session 's1'"
    ]
    missing_end = doc([{"speaker": "p1", "start_ms": 0}])
    assert problems(catalog, tmp_path, missing_end) == [
        "$.sessions[0].recordings[0].interventions[0]: 'end_ms' is required"
    ]
    blank = doc(speakers=[{"id": "p1", "name": "  "}], interventions=[])
    assert problems(catalog, tmp_path, blank) == [
        "$.sessions[0].speakers[0].name: speaker 'p1' of session 's1' has an empty name"
    ]
    bad_lang = doc([{"speaker": "p1", "start_ms": 0, "end_ms": 5, "language": "english!"}])
    assert "is not a language tag" in problems(catalog, tmp_path, bad_lang)[0]


# --- the 0007 catalog upgraded --------------------------------------------------------------------


@pytest.mark.sqlite_only
def test_a_0007_catalog_upgrades_keeps_user_state_and_takes_interventions(tmp_path: Path) -> None:
    from vod_app.catalog.database import head_revision, open_catalog
    from vod_app.catalog.user_state import UserStateRepository

    db = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURE_0007, db)
    catalog = open_catalog(f"sqlite:///{db}", backups_dir=tmp_path / "backups")
    try:
        with catalog.read() as s:
            assert (
                s.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
                == head_revision()
            )
            assert head_revision() >= "0008"
        users = UserStateRepository(catalog)
        assert users.position(SAMPLE + "-rec") == 42_000
        assert [b.note for b in users.bookmarks()] == ["Panel 3 starts"]
        import_catalog_file(catalog, write(tmp_path, doc()))
        assert [e.name for e in session_speakers(catalog, session_id(catalog))] == [
            "Amina Diallo",
            "José Núñez",
        ]
        assert users.position(SAMPLE + "-rec") == 42_000  # the import left user state alone
    finally:
        catalog.dispose()


# --- search ---------------------------------------------------------------------------------------


def test_search_finds_speakers_by_name_accents_ignored_and_opens_at_their_first_intervention(
    catalog, tmp_path: Path
) -> None:  # noqa: ANN001
    import_catalog_file(catalog, write(tmp_path, doc()))
    search = search_backend(catalog)
    for query in ("jose nunez", "José Núñez", "NUÑEZ", "nún", "jose nu"):
        hits = [h for h in search.search(query) if h.kind == "speaker"]
        if query == "jose nu":  # a two-letter last word waits for more letters: "jose" alone
            assert [h.title for h in hits] == ["José Núñez"], query
            continue
        assert [h.title for h in hits] == ["José Núñez"], query
        [hit] = hits
        assert (hit.session_uid, hit.recording_uid, hit.start_ms, hit.lang) == ("s1", "s1-rec", 20_000, "es")
        assert hit.snippet == "Panelist · Mexico — Dialogue on remittances"
    assert [h.title for h in search.search("diallo") if h.kind == "speaker"] == ["Amina Diallo"]
    assert not [h for h in search.search("nunezz") if h.kind == "speaker"]
    assert not [h for h in search.search("diallo", SearchFilters(year=2019)) if h.kind == "speaker"]
    assert [h.title for h in search.search("diallo", SearchFilters(year=2020)) if h.kind == "speaker"] == [
        "Amina Diallo"
    ]
    # Speakers come first, then the text hits as before.
    assert [h.kind for h in search.search("remittances")] == ["session"]
    assert search.search("amina")[0].kind == "speaker"


def test_speakers_of_newer_sessions_come_first_unless_a_crowd_matches(catalog, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    import vod_app.catalog.speaker_search as speaker_search

    newer = doc(speakers=[{"id": "a", "name": "Ana Lima"}], interventions=[])
    newer["sessions"][0].update(id="s-2021", date="2021-05-06")
    newer["sessions"][0]["recordings"][0]["id"] = "s-2021-rec"
    older = doc(speakers=[{"id": "a", "name": "Ana Souza"}], interventions=[])  # imported after: a higher id
    import_catalog_file(catalog, write(tmp_path, newer, "a.json"))
    import_catalog_file(catalog, write(tmp_path, older, "b.json"))
    search = search_backend(catalog)
    assert [h.title for h in search.search("ana ") if h.kind == "speaker"] == ["Ana Lima", "Ana Souza"]
    monkeypatch.setattr(speaker_search, "RANK_CAP", 2)  # "ana" now matches a crowd: newest imported first
    assert [h.title for h in search.search("ana ") if h.kind == "speaker"] == ["Ana Souza", "Ana Lima"]
    assert [h.title for h in search.search("sou") if h.kind == "speaker"] == ["Ana Souza"]


def test_speaker_hit_markup_in_names_is_escaped(catalog, tmp_path: Path) -> None:  # noqa: ANN001
    d = doc(speakers=[{"id": "x", "name": "Zed <b>Bold</b>", "role": "<img src=x>"}], interventions=[])
    import_catalog_file(catalog, write(tmp_path, d))
    [hit] = [h for h in search_backend(catalog).search("zed") if h.kind == "speaker"]
    assert (
        hit.title == "Zed <b>Bold</b>" and hit.recording_id is None
    )  # no intervention: the session page opens
    assert "<img" not in hit.snippet and "&lt;img src=x&gt;" in hit.snippet


# --- who speaks when (domain) ---------------------------------------------------------------------


def test_speaker_index_and_cue_labels() -> None:
    ivs = [
        Intervention("A", 0, 10_000, "catalog"),
        Intervention("B", 9_000, 20_000, "catalog"),
        Intervention("A", 30_000, 40_000, "catalog"),
    ]
    index = SpeakerIndex(ivs)
    assert [index.speaker_at(ms) for ms in (0, 8_999, 9_500, 10_000, 25_000, 30_000, 40_000)] == [
        "A",
        "A",
        "B",
        "B",
        "",
        "A",
        "",
    ]
    cues = [
        (500, 3_000, "a", "X"),
        (8_000, 12_000, "b", ""),
        (21_000, 29_000, "c", "Y"),
        (39_000, 45_000, "d", ""),
    ]
    assert [c[3] for c in label_cues(cues, ivs)] == ["A", "B", "", "A"]
    assert label_cues(cues, []) == cues  # no catalog interventions: the voice tags stay


@given(
    st.lists(st.tuples(st.sampled_from("ABC"), st.integers(0, 10_000), st.integers(1, 5_000)), max_size=30),
    st.integers(0, 16_000),
)
def test_speaker_at_agrees_with_a_scan(spans: list[tuple[str, int, int]], ms: int) -> None:
    ivs = [Intervention(who, start, start + length) for who, start, length in spans]
    covering = [
        iv for iv in sorted(ivs, key=lambda iv: (iv.start_ms, iv.end_ms)) if iv.start_ms <= ms < iv.end_ms
    ]
    assert SpeakerIndex(ivs).speaker_at(ms) == (covering[-1].speaker if covering else "")


# --- vod-app speakers: the voice tags where the catalog has none -----------------------------------


@pytest.mark.sqlite_only
def test_cli_speakers_from_voice_tags_says_so(builtin_copy: Path, tmp_path: Path) -> None:
    d = json.loads(builtin_copy.read_text("utf-8"))
    for rec in d["sessions"][0]["recordings"]:
        rec.pop("interventions")
    builtin_copy.write_text(json.dumps(d), "utf-8")
    env = {**os.environ, "VOD_APP_HOME": str(tmp_path / "home")}
    env.pop("VOD_APP_DB", None)
    db = ["--db", f"sqlite:///{tmp_path / 'c.sqlite3'}"]

    def vod(*args: str) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run(
            [sys.executable, "-m", "vod_app", *db, *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            cwd=ROOT,
        )
        assert "Traceback" not in proc.stderr, proc.stderr
        return proc

    assert vod("import", str(builtin_copy)).returncode == 0
    data = json.loads(vod("speakers", SAMPLE, "--json").stdout)
    assert [s["name"] for s in data] == ["Moderator", "Panelist A", "Panelist B"]
    assert {s["source"] for s in data} == {"captions"} and data[0]["role"] is None
    assert [(i["start_ms"], i["end_ms"]) for i in data[0]["interventions"]] == [
        (400, 17_747),
        (50_400, 56_164),
    ]
    assert "[from the caption voice tags]" in vod("speakers", SAMPLE).stdout

"""Notes (issue 11): links, exports that import back without duplicates, the CLI, and notes that
survive re-imports, folder rescans, ``db recover`` and rebuilds."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from vod_app.catalog.notes import list_notes, merge_notes, read_notes_file
from vod_app.catalog.user_state import UserStateRepository
from vod_app.domain import notes as fmt
from vod_app.domain.links import MomentLink, parse_link

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
REC = "iom-idm-2017-04-18-panels-2-3-rec"

pytestmark = pytest.mark.both_engines


# --- links ---------------------------------------------------------------------------------------

@pytest.mark.sqlite_only
@pytest.mark.parametrize(("link", "want"), [
    ("vod://session/12?t=754&lang=fr", MomentLink("session", 12, 754_000, "fr")),
    ("vod://recording/7?t=754", MomentLink("recording", 7, 754_000)),
    ("VOD://recording/7/?t=12:34", MomentLink("recording", 7, 754_000)),
    ("vod://session/3", MomentLink("session", 3, 0)),
])
def test_links_parse(link: str, want: MomentLink) -> None:
    assert parse_link(link) == want


@pytest.mark.sqlite_only
@pytest.mark.parametrize(("link", "says"), [
    ("vod://panel/1", "vod://session/ID"), ("vod://session/x1", "is not a number"),
    ("vod://session/1?t=abc", "time 'abc'"), ("vod://session/1?lang=<b>", "not a language"), ("http://x/1", "not a vod://"),
])
def test_bad_links_say_what_is_wrong(link: str, says: str) -> None:
    with pytest.raises(ValueError, match=says.replace("?", r"\?").replace("/", "/")):
        parse_link(link)


@pytest.mark.sqlite_only
def test_link_round_trip() -> None:
    link = MomentLink("session", 12, 754_000, "fr")
    assert parse_link(link.url()) == link and link.url() == "vod://session/12?t=754&lang=fr"


# --- catalog: add, edit, delete, list, export, import --------------------------------------------

def _note_set(catalog, person: str | None = None) -> set[tuple[str, int, str]]:  # noqa: ANN001
    return {(n.uid, n.position_ms, n.text) for n in list_notes(catalog, UserStateRepository(catalog, person))}


def test_notes_list_with_session_panel_and_filters(loaded_catalog) -> None:
    users = UserStateRepository(loaded_catalog, "ana")
    a = users.add_bookmark(REC, 54_000, "first\nsecond line", panel_uid=None, speaker="A. Speaker")
    users.add_bookmark(REC, 70_000, "migration quote")
    users.edit_bookmark(a, "edited")
    notes = list_notes(loaded_catalog, users)
    assert [n.text for n in notes] == ["migration quote", "edited"]  # newest first
    assert notes[1].session_title and notes[1].event_title and notes[1].speaker == "A. Speaker"
    assert notes[1].link() == f"vod://recording/{notes[1].recording_id}?t=54"
    assert [n.text for n in list_notes(loaded_catalog, users, query="QUOTE")] == ["migration quote"]
    assert list_notes(loaded_catalog, users, session_id=notes[0].session_id + 999) == []
    assert list_notes(loaded_catalog, UserStateRepository(loaded_catalog, "ben")) == []  # their author's only


def test_exports_import_back_without_duplicates(loaded_catalog, tmp_path: Path) -> None:
    users = UserStateRepository(loaded_catalog, "ana")
    users.add_bookmark(REC, 54_000, "a --> b\n\nafter a blank line")
    users.add_bookmark(REC, 90_000, 'comma, "quotes"')
    notes = list_notes(loaded_catalog, users)
    md = fmt.to_markdown(notes)
    assert "[0:54](vod://recording/" in md and notes[0].session_title.split()[0] in md
    for name, text in (("n.csv", fmt.to_csv(notes)), ("n.vtt", fmt.to_vtt(notes))):
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert merge_notes(users, read_notes_file(tmp_path / name)) == (0, 2), name  # the same notes: nothing added
        other = UserStateRepository(loaded_catalog, f"other-{name}")
        assert merge_notes(other, read_notes_file(tmp_path / name)) == (0, 2)  # uids are global: never duplicated
    # into a fresh catalog: everything comes across, and a second import adds nothing
    assert fmt.to_vtt(notes).startswith("WEBVTT\n") and "a \u2192 b" in fmt.to_vtt(notes)


def test_import_into_another_catalog_then_again(loaded_catalog, tmp_path: Path) -> None:
    from vod_app.catalog.database import open_catalog
    from vod_app.catalog.importer import import_catalog_file

    users = UserStateRepository(loaded_catalog, "ana")
    users.add_bookmark(REC, 54_000, "one")
    (tmp_path / "n.csv").write_text(fmt.to_csv(list_notes(loaded_catalog, users)), encoding="utf-8")
    other = open_catalog(f"sqlite:///{tmp_path / 'other.sqlite3'}", backups_dir=tmp_path / "b2")
    try:
        import_catalog_file(other, DATA / "catalog.json")
        there = UserStateRepository(other, "ana")
        assert merge_notes(there, read_notes_file(tmp_path / "n.csv")) == (1, 0)
        assert merge_notes(there, read_notes_file(tmp_path / "n.csv")) == (0, 1)
        assert _note_set(other, "ana") == _note_set(loaded_catalog, "ana")
    finally:
        other.dispose()


@pytest.mark.sqlite_only
def test_bad_notes_files_name_the_file_and_the_field(tmp_path: Path) -> None:
    (tmp_path / "bad.csv").write_text("uid,recording_uid,position_ms,note\nx,r,12s,hi\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.csv: line 2: position_ms '12s'"):
        read_notes_file(tmp_path / "bad.csv")
    (tmp_path / "bad.vtt").write_text("WEBVTT\n\nid\n00:00:01.000 --> 00:00:02.000\nhi\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.vtt: cue 'id' comes before any 'NOTE recording UID'"):
        read_notes_file(tmp_path / "bad.vtt")
    (tmp_path / "n.txt").write_text("x", encoding="utf-8")
    with pytest.raises(ValueError, match=r"n.txt: notes files are .csv or .vtt"):
        read_notes_file(tmp_path / "n.txt")


# --- notes are people's work: they survive ----------------------------------------------------------

def _edited_and_deleted(catalog) -> UserStateRepository:  # noqa: ANN001
    users = UserStateRepository(catalog, "ana")
    kept = users.add_bookmark(REC, 54_000, "before edit")
    users.edit_bookmark(kept, "after edit")
    gone = users.add_bookmark(REC, 60_000, "deleted")
    users.delete_bookmark(gone)
    return users


def test_notes_survive_reimport(loaded_catalog) -> None:
    from vod_app.catalog.importer import import_catalog_file

    _edited_and_deleted(loaded_catalog)
    before = _note_set(loaded_catalog, "ana")
    import_catalog_file(loaded_catalog, DATA / "catalog.json")
    assert _note_set(loaded_catalog, "ana") == before and {t for _, _, t in before} == {"after edit"}


@pytest.mark.sqlite_only
def test_notes_survive_folder_rescan(catalog, tmp_path: Path) -> None:
    from vod_app.catalog.folder import import_folder
    from vod_app.playback.probe import probe_media

    folder = tmp_path / "talks"
    folder.mkdir()
    shutil.copy(DATA / "media" / "idm2017-panel-2-3.mkv", folder / "talk.mkv")
    import_folder(catalog, folder, probe=probe_media)
    with catalog.read() as s:
        from sqlalchemy import text

        rec_uid = s.execute(text("SELECT uid FROM recordings")).scalar_one()
    users = UserStateRepository(catalog, "ana")
    uid = users.add_bookmark(rec_uid, 5_000, "before")
    users.edit_bookmark(uid, "folder note")
    before = _note_set(catalog, "ana")
    (folder / "talk.en.vtt").write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhello\n", encoding="utf-8")
    import_folder(catalog, folder, probe=probe_media)  # a rescan that changes the recording
    assert _note_set(catalog, "ana") == before == {(uid, 5_000, "folder note")}


@pytest.mark.sqlite_only
@pytest.mark.parametrize("how", ["db recover", "rebuild"])
def test_notes_survive_recover_and_rebuild(how: str, tmp_path: Path) -> None:
    from vod_app.catalog.database import open_catalog
    from vod_app.catalog.importer import import_catalog_file
    from vod_app.catalog.recovery import recover_catalog
    from vod_app.catalog.snapshots import snapshot_user_state

    db, backups = tmp_path / "catalog.sqlite3", tmp_path / "backups"
    catalog = open_catalog(f"sqlite:///{db}", backups_dir=backups)
    import_catalog_file(catalog, DATA / "catalog.json")
    _edited_and_deleted(catalog)
    before = _note_set(catalog, "ana")
    snapshot_user_state(catalog, backups, "exit")
    catalog.dispose()
    if how == "rebuild":  # the file is gone: the catalog is rebuilt, the notes come from the snapshot
        db.unlink()
        for side in tmp_path.glob("catalog.sqlite3-*"):
            side.unlink()
        recover_catalog(db, backups, force=True)
    else:
        env = {**os.environ, "VOD_APP_HOME": str(tmp_path / "home"), "PYTHONPATH": str(ROOT)}
        proc = subprocess.run([sys.executable, "-m", "vod_app", "--db", f"sqlite:///{db}", "db", "recover"],
                              capture_output=True, text=True, env=env, timeout=120)
        assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
        recover_catalog(db, backups, force=True)  # a forced rebuild from the sound file too
    catalog = open_catalog(f"sqlite:///{db}", backups_dir=backups)
    try:
        assert _note_set(catalog, "ana") == before
    finally:
        catalog.dispose()


# --- the command line ----------------------------------------------------------------------------

def _cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "VOD_APP_HOME": str(home), "VOD_APP_USER": "ana"}
    env.pop("VOD_APP_DB", None)
    proc = subprocess.run([sys.executable, "-m", "vod_app", *args], capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


@pytest.mark.sqlite_only
def test_cli_add_list_export_import(tmp_path: Path) -> None:
    home = tmp_path / "home"
    added = _cli("notes", "add", REC, "--at", "0:54", "--text", "a quote", "--json", home=home)
    assert added.returncode == 0, added.stderr
    note = json.loads(added.stdout)
    assert note["position_ms"] == 54_000 and note["link"].endswith("?t=54") and note["session"]
    listed = json.loads(_cli("notes", "list", "--session", str(note["session_id"]), "--json", home=home).stdout)
    assert [n["note"] for n in listed] == ["a quote"]
    for f in ("md", "csv", "vtt"):
        out = tmp_path / f"notes.{f}"
        assert _cli("notes", "export", "--format", f, "-o", str(out), home=home).returncode == 0
        assert "a quote" in out.read_text(encoding="utf-8")
    again = _cli("notes", "import", str(tmp_path / "notes.vtt"), "--json", home=home)
    assert json.loads(again.stdout) == {"added": 0, "already_here": 1}
    assert len(json.loads(_cli("notes", "list", "--json", home=home).stdout)) == 1


@pytest.mark.sqlite_only
def test_cli_unknown_target_and_time_past_the_end(tmp_path: Path) -> None:
    home = tmp_path / "home"
    unknown = _cli("notes", "add", "99999", "--at", "1", home=home)
    assert unknown.returncode == 1 and unknown.stderr.strip() == "vod-app: no session or recording '99999' in this catalog"
    late = _cli("notes", "add", REC, "--at", "9:00:00", home=home)
    assert late.returncode == 1 and "past the end of the recording" in late.stderr and len(late.stderr.splitlines()) == 1
    bad = _cli("notes", "list", "--session", "nope", home=home)
    assert bad.returncode == 1 and "--session 'nope'" in bad.stderr


def test_created_at_kept_on_merge(loaded_catalog) -> None:
    users = UserStateRepository(loaded_catalog, "ana")
    when = dt.datetime(2020, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    merge_notes(users, [fmt.ImportedNote("11111111-2222-3333-4444-555555555555", REC, 1_000, "old", when)])
    assert list_notes(loaded_catalog, users)[0].created_at == when


@pytest.mark.sqlite_only
@pytest.mark.parametrize("argv", [
    ["vod://recording/1?t=54"], ["--db", "sqlite:///x.db", "vod://session/2?t=1:00&lang=fr"], ["--user", "ana", "vod://recording/1"],
    ["--open", "vod://recording/1"],
])
def test_a_link_on_the_command_line_goes_to_the_window_not_to_a_command(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import vod_app.__main__ as entry
    import vod_app.app as app

    seen: list[list[str]] = []
    monkeypatch.setattr(app, "main", lambda args: seen.append(list(args)) or 0)
    assert entry.main(argv) == 0 and seen == [argv]
    assert app._parse(argv).open == next(a for a in argv if a.startswith("vod:"))

"""Each person's own state (docs/user-state.md): positions, bookmarks and preferences belong to a
person, relocations to a device; released catalogs keep everything, moved to their one person."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import event, text

from vod_app.catalog.database import CatalogError, open_catalog
from vod_app.catalog.repository import CatalogRepository
from vod_app.catalog.salvage import legacy_bookmark_uid
from vod_app.catalog.user_state import UserStateRepository

pytestmark = pytest.mark.both_engines  # catalog behaviour: SQLite and PostgreSQL (tests/conftest.py)

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "db"
REC = "iom-idm-2017-04-18-panels-2-3-rec"


def test_two_people_on_one_catalog_never_see_each_others_state(loaded_catalog) -> None:
    ana, ben = UserStateRepository(loaded_catalog, "ana"), UserStateRepository(loaded_catalog, "ben")
    ana.save_position(REC, 42_000, 90_000)
    ben.save_position(REC, 7_000, 90_000)
    ana.add_bookmark(REC, 50_000, "Ana's mark")
    ana.set_preference("audio_language", "fr")
    ben.set_preference("audio_language", "es")

    assert (ana.position(REC), ben.position(REC)) == (42_000, 7_000)
    assert [b.note for b in ana.bookmarks()] == ["Ana's mark"] and ben.bookmarks() == []
    assert (ana.preference("audio_language"), ben.preference("audio_language")) == ("fr", "es")
    assert ben.preferences() == {"audio_language": "es"}
    # The lists show the bound person's positions too.
    for person, pos in (("ana", 42_000), ("ben", 7_000), ("carla", 0)):
        repo = CatalogRepository(loaded_catalog, person)
        rec = next(r for r in repo.recent_recordings(limit=100).items if r.recording_uid == REC)
        assert rec.position_ms == pos, person
        assert [r.position_ms for r in repo.continue_watching()] == ([pos] if pos else [])
        item = repo.play_item(rec.recording_id)
        assert item is not None and item.position_ms == pos


def test_relocations_belong_to_a_device(loaded_catalog) -> None:
    repo_a, repo_b = CatalogRepository(loaded_catalog, "ana", "laptop"), CatalogRepository(loaded_catalog, "ana", "desk")
    rid = next(r.recording_id for r in repo_a.recent_recordings(limit=100).items if r.recording_uid == REC)
    catalogued = repo_a.play_item(rid).recording.source
    UserStateRepository(loaded_catalog, "ana", "laptop").relocate(REC, "/home/ana/Videos/x.mkv")
    assert repo_a.play_item(rid).recording.source == "/home/ana/Videos/x.mkv"
    assert repo_b.play_item(rid).recording.source == catalogued


def test_a_deleted_bookmark_is_a_tombstone_that_undo_restores(catalog) -> None:
    users = UserStateRepository(catalog, "ana")
    uid = users.add_bookmark(REC, 1_000, "first", panel_uid="p3", speaker="A. Speaker")
    assert re.fullmatch(r"[0-9a-f-]{36}", uid)
    users.delete_bookmark(uid)
    assert users.bookmarks() == []
    with catalog.read() as s:
        assert s.execute(text("SELECT deleted_at IS NOT NULL FROM bookmarks WHERE uid = :u"), {"u": uid}).scalar_one()
    users.restore_bookmark(uid)
    assert [(b.bookmark_uid, b.note) for b in users.bookmarks()] == [(uid, "first")]
    UserStateRepository(catalog, "ben").delete_bookmark(uid)  # not Ben's: nothing happens
    assert len(users.bookmarks()) == 1


def test_every_user_state_query_names_the_person_or_the_device(catalog) -> None:
    """No query on a person's tables without the person in its WHERE (relocations: the device)."""
    seen: list[str] = []
    event.listen(catalog.engine, "before_cursor_execute", lambda c, cur, stmt, *a: seen.append(" ".join(stmt.split())))
    users = UserStateRepository(catalog, "ana", "laptop")
    users.save_position(REC, 1, 90_000)
    users.position(REC)
    uid = users.add_bookmark(REC, 1, "x")
    users.bookmarks()
    users.bookmarks(REC)
    users.delete_bookmark(uid)
    users.restore_bookmark(uid)
    users.set_preference("k", "v")
    users.preference("k")
    users.preferences()
    users.relocate(REC, "/x")
    repo = CatalogRepository(catalog, "ana", "laptop")
    repo.recent_recordings()
    repo.continue_watching()
    checked = 0
    for stmt in seen:
        low = stmt.lower()
        for table, key in (("watch_state", "person_id"), ("bookmarks", "person_id"), ("preferences", "person_id"), ("relocations", "device")):
            if re.search(rf"\b(from|into|update|join)\s+{table}\b", low):
                checked += 1
                assert key in low, stmt
    assert checked >= 12


@pytest.mark.parametrize("fixture", ["schema-0002.sqlite3", "schema-0004.sqlite3"])
def test_released_catalogs_move_their_state_to_one_person(fixture: str, tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / fixture, db)
    with sqlite3.connect(db) as conn:
        old_mark = conn.execute("SELECT recording_uid, position_ms, note, created_at FROM bookmarks").fetchone()
    conn.close()
    catalog = open_catalog(f"sqlite:///{db}", backups_dir=tmp_path / "backups")
    try:
        with catalog.read() as s:
            assert s.execute(text("SELECT id, name FROM people")).all() == [(1, "")]  # not yet claimed
            assert s.execute(text("SELECT device, recording_uid FROM relocations")).all() == [("", "sample-session-1-rec")]
            assert s.execute(text("SELECT uid FROM bookmarks")).scalar_one() == legacy_bookmark_uid(*old_mark)
        ana = UserStateRepository(catalog, "ana")  # the first person to open it claims person 1
        assert ana.position(REC) == 42_000
        assert [b.note for b in ana.bookmarks()] == ["Panel 3 starts"]
        assert ana.preference("audio_language") == "fr"
        assert CatalogRepository(catalog, "ana").play_item(
            CatalogRepository(catalog).session_detail(CatalogRepository(catalog).session_id_for_uid("sample-session-1")).recordings[0].recording_id
        ).recording.source == "/media/elsewhere/sample.mkv"
        ben = UserStateRepository(catalog, "ben")  # a second person starts empty
        assert (ben.position(REC), ben.bookmarks(), ben.preference("audio_language")) == (0, [], None)
        with catalog.read() as s:
            assert s.execute(text("SELECT name FROM people ORDER BY id")).scalars().all() == ["ana", "ben"]
    finally:
        catalog.dispose()


def test_a_bad_person_name_is_refused_with_a_clear_message(catalog) -> None:
    with pytest.raises(CatalogError, match="not a usable person name"):
        UserStateRepository(catalog, "a\x00b").position(REC)


def test_cli_user_option_and_environment(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    cmd = [sys.executable, "-m", "vod_app", "--db", url]
    bad = subprocess.run([*cmd, "--user", " ", "recent"], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1 and "not a usable person name" in bad.stderr and "Traceback" not in bad.stderr
    ok = subprocess.run([*cmd, "--user", "ben", "recent"], capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stderr


def test_window_binds_the_person_from_the_environment(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vod_app.app import build_window

    url = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    cat = open_catalog(url)
    UserStateRepository(cat, "ana").set_preference("audio_language", "fr")
    UserStateRepository(cat, "ben").set_preference("audio_language", "es")
    cat.dispose()
    monkeypatch.setenv("VOD_APP_USER", "ben")
    window = build_window(url, headless_playback=True, thumbnails=False)
    qtbot.addWidget(window)
    try:
        assert window.services.users.person == "ben"
        assert window.services.users.preference("audio_language") == "es"
    finally:
        window.close()
        window.catalog.dispose()

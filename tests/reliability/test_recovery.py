"""A damaged catalog is kept aside, the catalog rebuilt and the user's state brought back.

At the catalog level (recover_catalog), from the command line (vod-app db check / db recover) and
in the app (the Rebuild dialog at start-up and after the background integrity check).
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from vod_app.catalog import recovery, snapshots
from vod_app.catalog.database import CatalogError, backup_sqlite, open_catalog
from vod_app.catalog.diagnosis import diagnose
from vod_app.catalog.recovery import recover_catalog
from vod_app.catalog.repository import CatalogRepository
from vod_app.catalog.snapshots import snapshot_user_state
from vod_app.catalog.user_state import UserStateRepository

from .catalogs import OTHER_PERSON, REC_UID, flip_page, integrity, page_of
from .processes import one_line_error, vod_app


@pytest.fixture
def backups(db: Path) -> Path:
    return db.parent / "backups"


def _open(db: Path):  # noqa: ANN202
    return open_catalog(f"sqlite:///{db}", backups_dir=db.parent / "backups")


def _users(db: Path) -> tuple[int, list[str], str | None, int]:
    """(position of the sample recording, bookmark notes, audio preference, relocations) of the
    current person; the other person's state (catalogs.OTHER_PERSON) must come back apart from it."""
    catalog = _open(db)
    try:
        users = UserStateRepository(catalog)
        with catalog.read() as s:
            from sqlalchemy import text

            relocations = s.execute(text("SELECT count(*) FROM relocations")).scalar_one()
        other = UserStateRepository(catalog, OTHER_PERSON)
        assert (other.position(REC_UID), [b.note for b in other.bookmarks()], other.preference("audio_language")) == (
            7_000, ["Ben's mark"], "es"
        ), "the other person's state is kept apart"
        return users.position(REC_UID), [b.note for b in users.bookmarks()], users.preference("audio_language"), relocations
    finally:
        catalog.dispose()


def _later_user_state(db: Path) -> None:
    """What the user did after the last full backup: only a snapshot (or the file) knows it."""
    catalog = _open(db)
    try:
        users = UserStateRepository(catalog)
        users.save_position(REC_UID, 61_000, 90_000)
        users.add_bookmark(REC_UID, 70_000, "after the backup")
        users.set_preference("audio_language", "es")
        with catalog.write() as s:  # a folder session edited and another removed after the backup
            from sqlalchemy import text

            s.execute(text("UPDATE session_overrides SET fields = '{\"title\": \"Later\"}', updated_at = '2026-11-20 10:00:00'"))
            s.execute(text("INSERT INTO excluded_files VALUES ('/media/talks/later.mkv', 'folder-c3', '2026-11-20 10:00:00')"))
        snapshot_user_state(catalog, db.parent / "backups", "exit")
    finally:
        catalog.dispose()


def test_sound_catalog_is_left_alone(db: Path, backups: Path) -> None:
    before = db.read_bytes()
    report = recover_catalog(db, backups)
    assert report.nothing_to_do and "nothing to recover" in report.summary()
    assert db.read_bytes() == before


def test_not_a_database_without_backups_rebuilds_from_the_builtin_catalog(home: Path) -> None:
    db = home / "data" / "catalog.sqlite3"
    db.parent.mkdir(parents=True)
    junk = os.urandom(10_000)
    db.write_bytes(junk)
    report = recover_catalog(db, db.parent / "backups")
    assert report.catalog_from == "built-in catalog" and report.backup_used is None
    assert [p.read_bytes() for p in report.kept_aside[:1]] == [junk]  # kept, byte for byte
    assert report.kept_aside[0].parent == db.parent and ".damaged-" in report.kept_aside[0].name
    catalog = _open(db)
    try:
        assert CatalogRepository(catalog).session_id_for_uid("iom-idm-2017-04-18-panels-2-3") is not None
    finally:
        catalog.dispose()
    assert "import" in " ".join(report.notes)  # says what it could not bring back


def test_flipped_page_restores_catalog_from_backup_and_newest_user_state(db: Path, backups: Path) -> None:
    backup_sqlite(db, backups, "manual")
    _later_user_state(db)
    flip_page(db, page_of(db, "sessions"))
    damaged = db.read_bytes()
    assert not diagnose(db).ok and diagnose(db).recoverable
    report = recover_catalog(db, backups)
    assert report.backup_used is not None and report.catalog_from.startswith("backup ")
    assert report.snapshots_used, "the snapshot taken after the backup was used"
    assert report.kept_aside[0].read_bytes() == damaged
    assert integrity(db) == ["ok"]
    position, notes, audio, relocations = _users(db)
    assert position == 61_000 and audio == "es" and relocations == 1
    assert sorted(notes) == ["Panel 3 starts", "after the backup"]  # no duplicate bookmark
    with sqlite3.connect(db) as conn:  # a person's edits and removals of folder sessions come back too
        assert conn.execute("SELECT fields FROM session_overrides").fetchall() == [('{"title": "Later"}',)]
        assert sorted(r[0] for r in conn.execute("SELECT source FROM excluded_files")) == ["/media/talks/later.mkv", "/media/talks/old.mkv"]
    conn.close()
    catalog = _open(db)
    try:
        assert CatalogRepository(catalog).counts()["sessions"] == 205  # the generated sessions came back too
    finally:
        catalog.dispose()


def test_user_state_is_salvaged_from_the_damaged_file(db: Path, backups: Path) -> None:
    """No backup, no snapshot: what the damaged file still yields is kept."""
    flip_page(db, page_of(db, "sessions"))
    report = recover_catalog(db, backups)
    assert report.catalog_from == "built-in catalog"
    # two positions and a bookmark of the current person, one of each of the other person's
    assert report.salvaged["watch_state"] == 3 and report.salvaged["bookmarks"] == 2 and report.salvaged["people"] == 2
    assert _users(db) == (42_000, ["Panel 3 starts"], "fr", 1)


def test_damaged_backups_are_skipped(db: Path, backups: Path) -> None:
    good = backup_sqlite(db, backups, "manual")
    newer = backup_sqlite(db, backups, "manual")
    newer.write_bytes(b"garbage" * 1000)
    db.write_bytes(b"not sqlite at all")
    report = recover_catalog(db, backups)
    assert report.backup_used == good


def test_newer_schema_is_not_recoverable_and_untouched(db: Path, backups: Path) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    before = db.read_bytes()
    with pytest.raises(CatalogError, match="newer version"):
        recover_catalog(db, backups)
    assert db.read_bytes() == before


def test_kept_aside_never_overwrites(db: Path, backups: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(recovery, "stamp", lambda now=None: "20000101T000000000000Z")
    db.write_bytes(b"first damage" * 100)
    first = recover_catalog(db, backups).kept_aside[0]
    db.write_bytes(b"second damage" * 100)
    second = recover_catalog(db, backups).kept_aside[0]
    assert first != second
    assert first.read_bytes() == b"first damage" * 100 and second.read_bytes() == b"second damage" * 100


def test_snapshots_are_small_and_rotated(db: Path, backups: Path) -> None:
    catalog = _open(db)
    try:
        paths = [snapshot_user_state(catalog, backups, "exit") for _ in range(snapshots.SNAPSHOTS_KEPT + 3)]
    finally:
        catalog.dispose()
    kept = snapshots.user_state_snapshots(backups, db)
    assert kept == list(reversed(paths[-snapshots.SNAPSHOTS_KEPT :]))
    assert all(p.stat().st_size < min(64 * 1024, db.stat().st_size // 10) for p in kept)


def test_cli_check_then_recover(db: Path, home: Path) -> None:
    assert vod_app("db", "backup", home=home).returncode == 0
    flip_page(db, page_of(db, "sessions"))
    check = vod_app("db", "check", "--json", home=home)
    line = one_line_error(check)
    assert "vod-app db recover" in line
    assert json.loads(check.stdout)["recoverable"] is True
    proc = vod_app("db", "recover", "--json", home=home)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["recovered"] and report["backup_used"] and Path(report["kept_aside"][0]).exists()
    assert report["user_state"]["watch_state"] == 3 and report["user_state"]["people"] == 2
    assert vod_app("db", "check", home=home).returncode == 0
    again = vod_app("db", "recover", home=home)
    assert again.returncode == 0 and "nothing to recover" in again.stdout


def test_cli_import_takes_a_user_state_snapshot(db: Path, home: Path) -> None:
    from vod_app.paths import builtin_catalog_path

    assert vod_app("import", str(builtin_catalog_path()), home=home).returncode == 0
    assert snapshots.user_state_snapshots(db.parent / "backups", db)


# --- the app ---------------------------------------------------------------------------------------


def _answer_dialog(qtbot, button: str, seen: list[str]) -> None:  # noqa: ANN001
    """Click ``button`` in the damaged-catalog dialog once it is shown (it runs its own loop)."""

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if box is None or box.objectName() != "damagedCatalogDialog":
            QTimer.singleShot(20, poll)
            return
        seen.append(box.text() + "\n" + box.informativeText())
        seen.extend(b.text() for b in box.findChildren(QPushButton))
        box.findChild(QPushButton, button).click()

    QTimer.singleShot(0, poll)


def test_app_offers_rebuild_for_a_file_that_is_not_a_database(qtbot, db: Path, backups: Path) -> None:
    from vod_app.app import AppShell

    backup_sqlite(db, backups, "manual")
    _later_user_state(db)
    db.write_bytes(os.urandom(50_000))
    told: list[tuple[str, str]] = []
    seen: list[str] = []
    shell = AppShell(f"sqlite:///{db}", headless_playback=True, tell=lambda kind, text, parent=None: told.append((kind, text)))
    _answer_dialog(qtbot, "rebuildButton", seen)
    assert shell.open()
    qtbot.addWidget(shell.window)
    try:
        assert "Rebuild" in seen and "Quit" in seen
        assert str(db) in seen[0] and "not a SQLite database" in seen[0]
        assert [k for k, _ in told] == ["information"] and "kept as" in told[0][1]
        assert shell.window.services.users.position(REC_UID) == 61_000
        assert shell.last_recovery.kept_aside[0].exists()
        assert "Traceback" not in "".join(seen) + "".join(t for _, t in told)
    finally:
        shell.window.close()
        shell.close()


def test_app_quit_leaves_the_damaged_file_untouched(qtbot, db: Path) -> None:
    from vod_app.app import AppShell

    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 3])  # cut short
    seen: list[str] = []
    shell = AppShell(f"sqlite:///{db}", headless_playback=True, tell=lambda *a, **k: pytest.fail("no other dialog"))
    _answer_dialog(qtbot, "quitButton", seen)
    assert not shell.open()
    assert db.read_bytes() == data[: len(data) // 3]
    assert not list(db.parent.glob("*.damaged-*"))


def test_app_background_check_finds_a_damaged_page_and_rebuilds(qtbot, db: Path, backups: Path) -> None:
    from vod_app.app import AppShell

    flip_page(db, page_of(db, "cues", which=0))  # nothing at start-up reads the caption index
    told: list[tuple[str, str]] = []
    seen: list[str] = []
    shell = AppShell(f"sqlite:///{db}", headless_playback=True, tell=lambda kind, text, parent=None: told.append((kind, text)))
    assert shell.open()  # opens fine: the damage is elsewhere
    first = shell.window
    qtbot.addWidget(first)
    _answer_dialog(qtbot, "rebuildButton", seen)
    shell.check_now()
    qtbot.waitUntil(lambda: shell.window is not None and shell.window is not first, timeout=20_000)
    qtbot.addWidget(shell.window)
    try:
        assert "integrity check failed" in seen[0] or "damaged" in seen[0]
        assert shell.window.isVisible()
        assert integrity(db) == ["ok"]
        assert shell.window.services.users.position(REC_UID) == 42_000  # salvaged from the file
    finally:
        shell.window.close()
        shell.close()

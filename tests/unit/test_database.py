"""Opening, migrating and refusing databases: user state survives, bad files are never touched."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from vod_app.catalog.database import (
    CatalogError,
    CorruptDatabaseError,
    ForeignDatabaseError,
    NewerSchemaError,
    head_revision,
    open_catalog,
)
from vod_app.catalog.repository import CatalogRepository
from vod_app.catalog.user_state import UserStateRepository

FIXTURE_DBS = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "db").glob("schema-*.sqlite3"))


def test_empty_to_head_creates_schema_with_fts_and_pragmas(catalog) -> None:
    with catalog.read() as s:
        assert s.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == head_revision()
        names = set(s.execute(text("SELECT name FROM sqlite_master")).scalars())
        assert {"texts_fts", "cues_fts", "watch_state", "bookmarks"} <= names
        assert s.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert s.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
        assert s.execute(text("PRAGMA busy_timeout")).scalar_one() >= 5000


def test_downgrade_and_upgrade_round_trip(catalog) -> None:
    from alembic import command

    from vod_app.catalog.database import _alembic_config, migrate

    cfg = _alembic_config()
    with catalog.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    migrate(catalog.engine)
    with catalog.read() as s:
        assert s.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == head_revision()


@pytest.mark.parametrize("fixture", FIXTURE_DBS, ids=lambda p: p.name)
def test_released_schema_upgrades_with_user_state_intact(fixture: Path, tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite3"
    shutil.copy(fixture, db)
    catalog = open_catalog(f"sqlite:///{db}", backups_dir=tmp_path / "backups")
    users = UserStateRepository(catalog)
    assert users.position("iom-idm-2017-04-18-panels-2-3-rec") == 42_000
    assert [b.note for b in users.bookmarks()] == ["Panel 3 starts"]
    assert users.preference("audio_language") == "fr"
    repo = CatalogRepository(catalog)
    assert repo.counts()["sessions"] >= 1
    assert [r.recording_uid for r in repo.continue_watching()] == ["iom-idm-2017-04-18-panels-2-3-rec"]
    catalog.dispose()
    if fixture.name != f"schema-{head_revision()}.sqlite3":
        assert list((tmp_path / "backups").glob("*.sqlite3")), "a copy is taken before migrating"


def test_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    db = tmp_path / "newer.sqlite3"
    open_catalog(f"sqlite:///{db}").dispose()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    before = db.read_bytes()
    with pytest.raises(NewerSchemaError, match="newer version"):
        open_catalog(f"sqlite:///{db}")
    assert db.read_bytes() == before


def test_random_bytes_and_directories_are_refused(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(os.urandom(8192))
    before = junk.read_bytes()
    with pytest.raises(CorruptDatabaseError, match="not a SQLite database"):
        open_catalog(f"sqlite:///{junk}")
    assert junk.read_bytes() == before
    d = tmp_path / "dir.sqlite3"
    d.mkdir()
    with pytest.raises(CorruptDatabaseError, match="directory"):
        open_catalog(f"sqlite:///{d}")


def test_zero_byte_file_becomes_an_empty_catalog(tmp_path: Path) -> None:
    db = tmp_path / "zero.sqlite3"
    db.touch()
    cat = open_catalog(f"sqlite:///{db}")
    assert CatalogRepository(cat).counts()["sessions"] == 0
    cat.dispose()


def test_tables_without_version_are_refused(tmp_path: Path) -> None:
    db = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE something (x)")
    conn.close()
    with pytest.raises(ForeignDatabaseError, match="no vod-app schema"):
        open_catalog(f"sqlite:///{db}")


def test_missing_folder_that_cannot_be_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vod_app.paths import app_paths

    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("VOD_APP_HOME", str(blocker / "sub"))  # only the default location is created
    with pytest.raises(CatalogError, match="cannot create"):
        open_catalog(f"sqlite:///{app_paths().database}")


def test_write_transactions_are_immediate(catalog) -> None:
    from sqlalchemy import event

    seen: list[str] = []
    event.listen(catalog.engine, "before_cursor_execute", lambda c, cur, stmt, *a: seen.append(stmt))
    UserStateRepository(catalog).set_preference("k", "v")
    assert "BEGIN IMMEDIATE" in seen

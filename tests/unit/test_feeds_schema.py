"""Migration 0005 (feeds, provenance, thumbnails) on the released 0004 catalog: user state intact,
the start page's expression indexes kept (a batch table copy would drop them)."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import text

from vod_app.catalog.database import open_catalog
from vod_app.catalog.repository import CatalogRepository
from vod_app.catalog.user_state import UserStateRepository

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "db" / "schema-0004.sqlite3"


def test_0004_catalog_upgrades_with_indexes_and_new_tables(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURE, db)
    catalog = open_catalog(f"sqlite:///{db}", backups_dir=tmp_path / "backups")
    try:
        with catalog.read() as s:
            names = set(s.execute(text("SELECT name FROM sqlite_master")).scalars())
            columns = {r[1] for r in s.execute(text("PRAGMA table_info(sessions)"))}
        assert {"ix_sessions_recent", "ix_sessions_sample_recent", "feeds", "feed_items", "ix_feed_items_session_uid"} <= names
        assert "provenance" in columns
        assert UserStateRepository(catalog).position("iom-idm-2017-04-18-panels-2-3-rec") == 42_000
        recent = CatalogRepository(catalog).recent_recordings().items
        assert recent and not any(r.is_new for r in recent) and all(r.thumbnail is None for r in recent)
    finally:
        catalog.dispose()

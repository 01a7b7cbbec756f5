"""Full backups and user-state snapshots of a catalog file: where they live, newest first.

A snapshot (:func:`snapshot_user_state`) holds only what the user made, a few KB, taken after
imports and on clean exits; a full backup is a copy of the whole database (before upgrades, or
``vod-app db backup``). Both are what catalog/recovery.py rebuilds a damaged catalog from.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
from collections.abc import Iterable
from pathlib import Path

from vod_app.catalog.database import Catalog
from vod_app.catalog.diagnosis import connect_file, diagnose

# Keyed by (person name, uid/key) across files: docs/user-state.md. "people" first (the others refer to it).
USER_TABLES = ("people", "watch_state", "bookmarks", "preferences", "relocations", "session_overrides", "excluded_files")
# Tables added after the first release: a snapshot or backup from before them simply has none (not a problem).
LATER_USER_TABLES = frozenset({"people", "session_overrides", "excluded_files"})
SNAPSHOT_MARK = ".user-state-"  # catalog.user-state-<stamp>-<label>.sqlite3
SNAPSHOTS_KEPT = 5
_STAMP = re.compile(r"-(\d{8}T\d{6}\d{0,6}Z)-")


def stamp(now: dt.datetime | None = None) -> str:
    return (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%S%fZ")


def stamp_of(path: Path) -> str:
    m = _STAMP.search(path.name)
    if m:
        return m.group(1)
    return stamp(dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC))


def _newest_first(paths: Iterable[Path]) -> list[Path]:
    return sorted(paths, key=lambda p: (stamp_of(p), p.name), reverse=True)


def backups_dir_for(db_path: Path) -> Path:
    """The user data folder's backups/ for the default catalog; backups/ beside any other one
    (so a --db catalog is never rebuilt from another catalog's backup)."""
    from vod_app.paths import app_paths

    paths = app_paths()
    with contextlib.suppress(OSError):
        if Path(db_path).resolve() == paths.database.resolve():
            return paths.backups_dir
    return Path(db_path).parent / "backups"


def full_backups(backups_dir: Path, db_path: Path) -> list[Path]:
    """Copies of the whole database (before upgrades, manual): ``<stem>-<stamp>-<label>``, newest first."""
    if not backups_dir.is_dir():
        return []
    stem = Path(db_path).stem
    return _newest_first(p for p in backups_dir.glob(f"{stem}-*.sqlite3") if SNAPSHOT_MARK not in p.name)


def user_state_snapshots(backups_dir: Path, db_path: Path) -> list[Path]:
    if not backups_dir.is_dir():
        return []
    return _newest_first(backups_dir.glob(f"{Path(db_path).stem}{SNAPSHOT_MARK}*.sqlite3"))


def snapshot_user_state(catalog: Catalog, backups_dir: Path, label: str, *, keep: int = SNAPSHOTS_KEPT) -> Path | None:
    """Copy just the user's state (a few KB) into ``backups_dir``; keeps the newest ``keep``.

    Cheap enough for every clean exit and every import. None for non-SQLite catalogs.
    """
    from vod_app.catalog.database import sqlite_file_of

    src = sqlite_file_of(catalog.url)
    if src is None or not src.exists():
        return None
    backups_dir.mkdir(parents=True, exist_ok=True)
    dest = backups_dir / f"{src.stem}{SNAPSHOT_MARK}{stamp()}-{label}.sqlite3"
    tmp = dest.with_name(dest.name + ".part")
    with connect_file(tmp) as out:
        out.execute("ATTACH DATABASE ? AS src", (str(src),))
        out.execute("BEGIN")  # one consistent read of the user-state tables
        for table in USER_TABLES:
            out.execute(f"CREATE TABLE main.{table} AS SELECT * FROM src.{table}")
        out.execute("CREATE TABLE main.snapshot_info AS SELECT version_num, ? AS taken_at FROM src.alembic_version", (stamp(),))
        out.execute("COMMIT")
        out.execute("DETACH DATABASE src")
    os.replace(tmp, dest)  # a partial snapshot never looks like a complete one
    for old in user_state_snapshots(backups_dir, src)[keep:]:
        with contextlib.suppress(OSError):
            old.unlink()
    for part in backups_dir.glob(f"{src.stem}{SNAPSHOT_MARK}*.part"):  # left by a killed process
        with contextlib.suppress(OSError):
            if part.stat().st_mtime < dt.datetime.now().timestamp() - 3600:
                part.unlink()
    return dest


def is_good_backup(path: Path) -> bool:
    d = diagnose(path, immutable=True)
    if not d.ok:
        return False
    with connect_file(path, immutable=True) as conn:
        return conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'alembic_version'").fetchone()[0] == 1

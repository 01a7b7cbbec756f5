"""Backups and user-state snapshots of a catalog, shared by the window (app.py) and the CLI.

Both used to carry their own copy; one place now decides where backups of a catalog live and how a
failed snapshot is reported (a warning: the command or the import itself still succeeds).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _warn_on_stderr(message: str) -> None:
    sys.stderr.write(f"vod-app: warning: {message}\n")


def backups_dir(url: str) -> Path:
    """Where backups of the catalog at url go: beside its file, or the user data folder."""
    from vod_app.catalog.database import sqlite_file_of
    from vod_app.catalog.snapshots import backups_dir_for
    from vod_app.paths import app_paths

    db_file = sqlite_file_of(url)
    return backups_dir_for(db_file) if db_file is not None else app_paths().backups_dir


def snapshot_user_state(catalog: Any, label: str, warn: Callable[[str], None] = _warn_on_stderr) -> None:
    """Best effort: a few-KB copy of positions, bookmarks and settings that 'db recover' can use."""
    import sqlite3

    from vod_app.catalog import snapshots
    from vod_app.catalog.database import CatalogError, sqlite_file_of

    if sqlite_file_of(catalog.url) is None:
        return
    try:
        snapshots.snapshot_user_state(catalog, backups_dir(catalog.url), label)
    except (OSError, CatalogError, sqlite3.Error) as exc:
        warn(f"no user-state snapshot was taken: {exc}")

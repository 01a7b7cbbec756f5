"""A damaged catalog database: diagnose it, keep it aside, rebuild, bring the user's state back.

The catalog part of the database can be rebuilt (the newest good full backup, or the built-in
catalog, then re-imports); what the user made cannot: positions, bookmarks, preferences and
relocated files. Those come back from, in order, the full backup, the small user-state snapshots
taken after imports and on clean exits (catalog/snapshots.py) and whatever can still be read from
the damaged file itself (catalog/salvage.py). Nothing is ever deleted or overwritten: the damaged
file (with its ``-wal`` and ``-shm``) is renamed beside the new one. Whether a file is damaged at
all is catalog/diagnosis.py's question.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vod_app.catalog.database import Catalog, CatalogError, open_catalog
from vod_app.catalog.diagnosis import connect_file, diagnose
from vod_app.catalog.salvage import merge_user_state, read_user_state
from vod_app.catalog.snapshots import (
    LATER_USER_TABLES,
    USER_TABLES,
    full_backups,
    is_good_backup,
    stamp,
    stamp_of,
    user_state_snapshots,
)
from vod_app.domain.texts import plural

_SIDE_FILES = ("-wal", "-shm", "-journal")

# User-state tables as counted things: "1 position", "2 bookmarks".
_USER_STATE_NOUNS = {
    "watch_state": ("position", "positions"),
    "bookmarks": ("bookmark", "bookmarks"),
    "preferences": ("setting", "settings"),
    "relocations": ("relocated file", "relocated files"),
    "session_overrides": ("edited session", "edited sessions"),
    "excluded_files": ("removed file", "removed files"),
}


def counted(counts: dict[str, int]) -> str:
    """``{"watch_state": 1, "bookmarks": 2}`` -> ``"1 position, 2 bookmarks"``."""
    words = []
    for table, count in counts.items():
        one, many = _USER_STATE_NOUNS.get(table, (table.replace("_", " "), table.replace("_", " ")))
        words.append(plural(count, one, many))
    return ", ".join(words)


@dataclass
class RecoveryReport:
    db_path: Path
    problems: list[str] = field(default_factory=list)
    kept_aside: list[Path] = field(default_factory=list)
    catalog_from: str = ""  # "backup <file>" or "built-in catalog"
    backup_used: Path | None = None
    snapshots_used: list[Path] = field(default_factory=list)
    salvaged: dict[str, int] = field(default_factory=dict)
    user_state: dict[str, int] = field(default_factory=dict)  # rows per table after recovery
    notes: list[str] = field(default_factory=list)
    nothing_to_do: bool = False

    def summary(self) -> str:
        if self.nothing_to_do:
            return f"{self.db_path}: the catalog is sound; nothing to recover"
        kept = self.kept_aside[0] if self.kept_aside else "?"
        state = counted(self.user_state)
        return f"{self.db_path}: rebuilt from the {self.catalog_from}; the damaged file was kept as {kept}; user state: {state}"

    def lines(self) -> list[str]:
        out = [self.summary()]
        out += [f"problem: {p}" for p in self.problems]
        if self.backup_used:
            out.append(f"catalog and user state from backup {self.backup_used}")
        out += [f"user state from snapshot {p}" for p in self.snapshots_used]
        if self.salvaged:
            out.append(f"read from the damaged file: {counted(self.salvaged)}")
        out += self.notes
        return out


def _set_aside(db_path: Path) -> list[Path]:
    """Rename the damaged file (and its -wal/-shm, so they stay a pair) beside it; never overwrite."""
    base = db_path.with_name(f"{db_path.name}.damaged-{stamp()}")
    n = 0
    while any(Path(str(base) + s).exists() for s in ("", *_SIDE_FILES)):
        n += 1
        base = db_path.with_name(f"{db_path.name}.damaged-{stamp()}-{n}")
    moved = []
    for suffix in ("", *_SIDE_FILES):
        src = Path(str(db_path) + suffix)
        if src.exists() or src.is_symlink():
            dest = Path(str(base) + suffix)
            os.rename(src, dest)  # same folder: atomic, nothing copied, nothing lost
            moved.append(dest)
    return moved


def recover_catalog(
    db_path: Path,
    backups_dir: Path,
    *,
    rebuild: Callable[[Catalog], Any] | None = None,
    force: bool = False,
) -> RecoveryReport:
    """Keep a damaged catalog file aside and make a working catalog with the user's state.

    The catalog comes from the newest good full backup in ``backups_dir`` or, without one, from
    ``rebuild`` (default: the built-in catalog). User state is merged from that backup, newer
    user-state snapshots and what the damaged file still yields. A sound file is left alone
    (unless ``force``); a newer-schema or unreadable one raises CatalogError, untouched.
    """
    db_path = Path(db_path)
    report = RecoveryReport(db_path)
    diagnosis = diagnose(db_path)
    if diagnosis.ok and not force:
        report.nothing_to_do = True
        return report
    if not diagnosis.ok and not diagnosis.recoverable:
        raise CatalogError(diagnosis.summary())
    report.problems = diagnosis.problems
    if db_path.exists() or db_path.is_symlink():
        report.kept_aside = _set_aside(db_path)
    damaged = report.kept_aside[0] if report.kept_aside else None

    backup = next((p for p in full_backups(backups_dir, db_path) if is_good_backup(p)), None)
    url = f"sqlite:///{db_path}"
    if backup is not None:
        with connect_file(backup, immutable=True) as src, connect_file(db_path) as dest:
            src.backup(dest)
        report.backup_used = backup
        report.catalog_from = f"backup {backup.name}"
    catalog = open_catalog(url, backups_dir=backups_dir)
    try:
        if backup is None:
            if rebuild is None:
                from vod_app.catalog.builtin import ensure_builtin_catalog

                rebuild = ensure_builtin_catalog
            rebuild(catalog)
            report.catalog_from = "built-in catalog"
            report.notes.append("catalogs you imported yourself need importing again (vod-app import FILE)")
        since = backup and stamp_of(backup)
        for snap in reversed(user_state_snapshots(backups_dir, db_path)):  # oldest first: newer ones win
            if since and stamp_of(snap) < since:
                continue
            rows, problems = read_user_state(snap)
            if not problems:
                merge_user_state(catalog, rows)
                report.snapshots_used.append(snap)
        if damaged is not None and damaged.is_file():
            rows, problems = read_user_state(damaged)
            if rows:
                merge_user_state(catalog, rows)
                report.salvaged = {t: len(r) for t, r in rows.items()}
            reasons = {p.split(": ", 1)[-1] for p in problems}
            if len(problems) >= len(USER_TABLES) - len(LATER_USER_TABLES) and len(reasons) == 1:
                report.notes.append(f"nothing could be read from the damaged file ({reasons.pop()})")
            else:
                report.notes += [f"could not be read from the damaged file: {p}" for p in problems[:5]]
        with catalog.read() as s:
            from sqlalchemy import text

            report.user_state = {t: s.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in USER_TABLES}
    finally:
        catalog.dispose()
    return report

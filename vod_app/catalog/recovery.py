"""A damaged catalog database: diagnose it, keep it aside, rebuild, bring the user's state back.

The catalog part of the database can be rebuilt (the newest good full backup, or the built-in
catalog, then re-imports); what the user made cannot: positions, bookmarks, preferences and
relocated files. Those come back from, in order, the full backup, the small user-state snapshots
taken after imports and on clean exits (:func:`snapshot_user_state`) and whatever can still be read
from the damaged file itself. Nothing is ever deleted or overwritten: the damaged file (with its
``-wal`` and ``-shm``) is renamed beside the new one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import sqlite3
import tempfile
import urllib.parse
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError

from vod_app.catalog.database import (
    RECOVER_HINT,
    Catalog,
    CatalogError,
    CorruptDatabaseError,
    ForeignDatabaseError,
    NewerSchemaError,
    open_catalog,
    read_only_uri,
    recognise,
)
from vod_app.domain.texts import plural

# Keyed by (person name, uid/key) across files: docs/user-state.md. "people" first (the others refer to it).
USER_TABLES = ("people", "watch_state", "bookmarks", "preferences", "relocations", "session_overrides", "excluded_files")
# Tables added after the first release: a snapshot or backup from before them simply has none (not a problem).
_LATER_USER_TABLES = frozenset({"people", "session_overrides", "excluded_files"})
SNAPSHOT_MARK = ".user-state-"  # catalog.user-state-<stamp>-<label>.sqlite3
SNAPSHOTS_KEPT = 5
_STAMP = re.compile(r"-(\d{8}T\d{6}\d{0,6}Z)-")
_SIDE_FILES = ("-wal", "-shm", "-journal")


def _stamp(now: dt.datetime | None = None) -> str:
    return (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%S%fZ")


@contextlib.contextmanager
def _connect(path: Path, *, immutable: bool = False, read_only: bool = False) -> Iterator[sqlite3.Connection]:
    # immutable: a file nobody writes (a backup): read without locks and without making a -shm.
    # read_only: never writes the file nor leaves side files (a file not known to be a catalog).
    quoted = urllib.parse.quote(str(Path(path).resolve()))
    uri = f"file:{quoted}?immutable=1" if immutable else read_only_uri(path) if read_only else f"file:{quoted}"
    conn = sqlite3.connect(uri, uri=True, timeout=10, isolation_level=None)
    try:
        yield conn
    finally:
        conn.close()


# --- diagnosis ------------------------------------------------------------------------------------


@dataclass
class Diagnosis:
    path: Path
    ok: bool
    problems: list[str] = field(default_factory=list)
    # damaged or not a database: keeping it aside and rebuilding is the remedy. Not for a newer
    # schema, a busy or unreadable file: those are left alone.
    recoverable: bool = False

    def summary(self) -> str:
        if self.ok:
            return f"{self.path}: integrity ok"
        first = self.problems[0] if self.problems else "unusable"
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        return f"{self.path}: {first}{more}"


def diagnose(db_path: Path, *, quick: bool = False, immutable: bool = False) -> Diagnosis:
    """Is the catalog file sound? Reads only, through SQLite (integrity check, schema version).

    For a file this process does not hold open (``vod-app db check``, recovery, backups): a catalog
    the app has open is checked through its own connections (:func:`check_open_catalog`). Nothing
    here uses ``open()``: closing any other descriptor of a database file drops the process's locks.
    Until the file is known to be a catalog it is read with a read-only URI (no ``-wal``/``-shm``
    left beside another program's file). ``immutable`` for files nothing writes (backups).
    """
    db_path = Path(db_path)
    try:
        recognition = recognise(db_path)
    except (NewerSchemaError, ForeignDatabaseError) as exc:
        return Diagnosis(db_path, False, [_reason(exc, db_path)])
    except CorruptDatabaseError as exc:
        return Diagnosis(db_path, False, [_reason(exc, db_path)], recoverable=True)
    except CatalogError as exc:
        return Diagnosis(db_path, False, [_reason(exc, db_path)])
    if recognition.kind != "catalog":
        return Diagnosis(db_path, True)  # missing or empty: becomes an empty catalog
    try:
        with _connect(db_path, immutable=immutable, read_only=True) as conn:
            pragma = "quick_check" if quick else "integrity_check"
            rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}(20)")]
    except sqlite3.DatabaseError as exc:
        msg = str(exc)
        low = msg.lower()
        if "malformed" in low or "not a database" in low or "corrupt" in low:
            return Diagnosis(db_path, False, [f"the file is damaged ({msg})"], recoverable=True)
        return Diagnosis(db_path, False, [msg])
    if rows != ["ok"]:
        return Diagnosis(db_path, False, [f"integrity check failed: {r}" for r in rows], recoverable=True)
    return Diagnosis(db_path, True)


def _reason(exc: BaseException, db_path: Path) -> str:
    """The CatalogError's text without the leading path (Diagnosis.summary() puts it back)."""
    text = str(exc)
    prefix = f"{db_path}: "
    text = text[len(prefix):] if text.startswith(prefix) else text
    return text.replace(f"; {RECOVER_HINT}", "").replace(f" ({RECOVER_HINT})", "")


def check_open_catalog(catalog: Catalog) -> Diagnosis:
    """SQLite's quick check of a catalog this process has open, through the catalog's own engine.

    The app's background check after start-up: a pooled connection of the catalog runs the
    pragma, so no descriptor of the file is opened and closed beside SQLite's own.
    """
    from vod_app.catalog.database import db_error_kind, sqlite_file_of

    where = sqlite_file_of(catalog.url) or Path(str(catalog.where))
    try:
        with catalog.engine.connect() as conn:
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check(20)").fetchall()]
            conn.rollback()
    except DBAPIError as exc:
        msg = str(exc.orig or exc).splitlines()[0]
        if db_error_kind(exc) == "corrupt":
            return Diagnosis(where, False, [f"the file is damaged ({msg})"], recoverable=True)
        return Diagnosis(where, False, [msg])
    if rows != ["ok"]:
        return Diagnosis(where, False, [f"integrity check failed: {r}" for r in rows], recoverable=True)
    return Diagnosis(where, True)


# --- backups and user-state snapshots -------------------------------------------------------------


def _stamp_of(path: Path) -> str:
    m = _STAMP.search(path.name)
    if m:
        return m.group(1)
    return _stamp(dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC))


def _newest_first(paths: Iterable[Path]) -> list[Path]:
    return sorted(paths, key=lambda p: (_stamp_of(p), p.name), reverse=True)


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
    dest = backups_dir / f"{src.stem}{SNAPSHOT_MARK}{_stamp()}-{label}.sqlite3"
    tmp = dest.with_name(dest.name + ".part")
    with _connect(tmp) as out:
        out.execute("ATTACH DATABASE ? AS src", (str(src),))
        out.execute("BEGIN")  # one consistent read of the user-state tables
        for table in USER_TABLES:
            out.execute(f"CREATE TABLE main.{table} AS SELECT * FROM src.{table}")
        out.execute("CREATE TABLE main.snapshot_info AS SELECT version_num, ? AS taken_at FROM src.alembic_version", (_stamp(),))
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


def _is_good_backup(path: Path) -> bool:
    d = diagnose(path, immutable=True)
    if not d.ok:
        return False
    with _connect(path, immutable=True) as conn:
        return conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'alembic_version'").fetchone()[0] == 1


# --- reading and merging user state ---------------------------------------------------------------

UserRows = dict[str, list[dict[str, Any]]]


def read_user_state(path: Path) -> tuple[UserRows, list[str]]:
    """The user-state rows a database file (or snapshot) still yields, and what could not be read.

    Works on a copy (with its -wal), so a damaged original is neither recovered nor checkpointed.
    """
    rows: UserRows = {}
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="vod-app-salvage-") as tmp:
        copy = Path(tmp) / "db.sqlite3"
        try:
            shutil.copyfile(path, copy)
            for suffix in ("-wal",):
                side = Path(str(path) + suffix)
                if side.exists():
                    shutil.copyfile(side, Path(str(copy) + suffix))
        except OSError as exc:
            return rows, [f"cannot be read ({exc.strerror})"]
        try:
            with _connect(copy) as conn:
                conn.row_factory = sqlite3.Row
                for table in USER_TABLES:
                    try:
                        rows[table] = [dict(r) for r in conn.execute(f"SELECT * FROM {table}")]
                    except sqlite3.DatabaseError as exc:
                        if table in _LATER_USER_TABLES and "no such table" in str(exc):
                            continue  # written before that table existed
                        problems.append(f"{table}: {exc}")
        except sqlite3.DatabaseError as exc:
            problems.append(str(exc))
    return rows, problems


# Bookmarks from before migration 0005 had integer ids: their uid is derived as the migration did
# (versions/0006_people.py, same namespace), so a merge from an old backup never duplicates one.
LEGACY_BOOKMARK_NS = uuid.UUID("7d1f3c5e-2b7a-4f0e-9a51-6c2f6a9b0d13")


def legacy_bookmark_uid(recording_uid: str, position_ms: int, note: str, created_at: object) -> str:
    return str(uuid.uuid5(LEGACY_BOOKMARK_NS, f"{recording_uid}\x1f{position_ms}\x1f{note}\x1f{created_at}"))


def _person_map(catalog: Catalog, rows: UserRows) -> tuple[dict[Any, int], int]:
    """Source person id -> this catalog's person id (by name), and the id for rows from before people.

    Unnamed and pre-people rows belong to the catalog's first person (a SQLite catalog's one person).
    """
    from sqlalchemy import text

    from vod_app.catalog.people import person_id

    with catalog.read() as s:
        first = s.execute(text("SELECT min(id) FROM people")).scalar_one()
    mapping: dict[Any, int] = {}
    for r in rows.get("people", []):
        name = r.get("name")
        if isinstance(name, str) and name.strip():
            mapping[r.get("id")] = person_id(catalog, name)
        else:
            mapping[r.get("id")] = first
    return mapping, first


def _newer(have: object, given: object) -> bool:
    return have is None or str(have or "") < str(given or "")


def merge_user_state(catalog: Catalog, rows: UserRows) -> dict[str, int]:
    """Merge rows into the catalog's user state; returns how many rows each table took.

    Keyed by (person name, key), never by row ids: positions, the most recently watched wins;
    bookmarks by uid, the most recently updated wins (tombstones included); preferences,
    relocations and excluded files: the rows given win (callers merge older sources first); a
    folder session's edits: the most recently edited wins. Rows from before people (schema < 0005)
    belong to the catalog's first person, relocations from before devices to device ''.
    """
    from sqlalchemy import text

    taken = dict.fromkeys(USER_TABLES, 0)
    people, first = _person_map(catalog, rows)
    taken["people"] = len(set(people.values()))

    def pid(r: dict[str, Any]) -> int | None:
        return first if "person_id" not in r else people.get(r["person_id"])

    now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(" ")
    with catalog.write() as s:
        for r in rows.get("watch_state", []):
            p = pid(r)
            if p is None or not isinstance(r.get("recording_uid"), str) or not isinstance(r.get("position_ms"), int):
                continue
            have = s.execute(
                text("SELECT last_watched_at FROM watch_state WHERE person_id = :p AND recording_uid = :u"), {"p": p, "u": r["recording_uid"]}
            ).first()
            if have is not None and not _newer(have[0], r.get("last_watched_at")):
                continue
            s.execute(
                text(
                    "INSERT INTO watch_state (person_id, recording_uid, position_ms, duration_ms, completed, last_watched_at) "
                    "VALUES (:p, :recording_uid, :position_ms, :duration_ms, :completed, :last_watched_at) "
                    "ON CONFLICT (person_id, recording_uid) DO UPDATE SET position_ms = excluded.position_ms, "
                    "duration_ms = excluded.duration_ms, completed = excluded.completed, last_watched_at = excluded.last_watched_at"
                ),
                {
                    "p": p,
                    "recording_uid": r["recording_uid"],
                    "position_ms": r["position_ms"],
                    "duration_ms": r.get("duration_ms"),
                    "completed": bool(r.get("completed")),
                    "last_watched_at": r.get("last_watched_at") or now,
                },
            )
            taken["watch_state"] += 1
        for r in rows.get("bookmarks", []):
            p = pid(r)
            if p is None or not isinstance(r.get("recording_uid"), str) or not isinstance(r.get("position_ms"), int):
                continue
            note = r.get("note") or ""
            created = r.get("created_at") or now
            uid = r.get("uid") if isinstance(r.get("uid"), str) else legacy_bookmark_uid(r["recording_uid"], r["position_ms"], note, r.get("created_at"))
            updated = r.get("updated_at") or created
            have = s.execute(text("SELECT updated_at FROM bookmarks WHERE uid = :uid"), {"uid": uid}).first()
            if have is not None and not _newer(have[0], updated):
                continue
            s.execute(
                text(
                    "INSERT INTO bookmarks (uid, person_id, recording_uid, position_ms, note, panel_uid, speaker, created_at, updated_at, deleted_at) "
                    "VALUES (:uid, :p, :u, :pos, :n, :panel, :speaker, :c, :up, :d) "
                    "ON CONFLICT (uid) DO UPDATE SET position_ms = excluded.position_ms, note = excluded.note, "
                    "panel_uid = excluded.panel_uid, speaker = excluded.speaker, updated_at = excluded.updated_at, deleted_at = excluded.deleted_at"
                ),
                {
                    "uid": uid, "p": p, "u": r["recording_uid"], "pos": r["position_ms"], "n": note, "panel": r.get("panel_uid"),
                    "speaker": r.get("speaker"), "c": created, "up": updated, "d": r.get("deleted_at"),
                },
            )
            taken["bookmarks"] += 1
        for r in rows.get("preferences", []):
            p = pid(r)
            if p is None or not isinstance(r.get("key"), str) or not isinstance(r.get("value"), str):
                continue
            s.execute(
                text("INSERT INTO preferences (person_id, key, value) VALUES (:p, :k, :v) ON CONFLICT (person_id, key) DO UPDATE SET value = excluded.value"),
                {"p": p, "k": r["key"], "v": r["value"]},
            )
            taken["preferences"] += 1
        for r in rows.get("relocations", []):
            device = r.get("device", "")
            if not isinstance(device, str) or not isinstance(r.get("recording_uid"), str) or not isinstance(r.get("path"), str):
                continue
            s.execute(
                text(
                    "INSERT INTO relocations (device, recording_uid, path) VALUES (:d, :u, :v) "
                    "ON CONFLICT (device, recording_uid) DO UPDATE SET path = excluded.path"
                ),
                {"d": device, "u": r["recording_uid"], "v": r["path"]},
            )
            taken["relocations"] += 1
        for r in rows.get("session_overrides", []):
            if not isinstance(r.get("session_uid"), str) or not isinstance(r.get("fields"), str) or r.get("updated_at") is None:
                continue
            have = s.execute(text("SELECT updated_at FROM session_overrides WHERE session_uid = :u"), {"u": r["session_uid"]}).first()
            if have is not None and str(have[0] or "") >= str(r["updated_at"]):
                continue
            s.execute(
                text(
                    "INSERT INTO session_overrides (session_uid, fields, updated_at) VALUES (:u, :f, :t) "
                    "ON CONFLICT (session_uid) DO UPDATE SET fields = excluded.fields, updated_at = excluded.updated_at"
                ),
                {"u": r["session_uid"], "f": r["fields"], "t": r["updated_at"]},
            )
            taken["session_overrides"] += 1
        for r in rows.get("excluded_files", []):
            if not isinstance(r.get("source"), str) or not isinstance(r.get("session_uid"), str) or r.get("excluded_at") is None:
                continue
            s.execute(
                text(
                    "INSERT INTO excluded_files (source, session_uid, excluded_at) VALUES (:s, :u, :t) "
                    "ON CONFLICT (source) DO UPDATE SET session_uid = excluded.session_uid, excluded_at = excluded.excluded_at"
                ),
                {"s": r["source"], "u": r["session_uid"], "t": r["excluded_at"]},
            )
            taken["excluded_files"] += 1
    return taken


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


# --- recovery -------------------------------------------------------------------------------------


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
    base = db_path.with_name(f"{db_path.name}.damaged-{_stamp()}")
    n = 0
    while any(Path(str(base) + s).exists() for s in ("", *_SIDE_FILES)):
        n += 1
        base = db_path.with_name(f"{db_path.name}.damaged-{_stamp()}-{n}")
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

    backup = next((p for p in full_backups(backups_dir, db_path) if _is_good_backup(p)), None)
    url = f"sqlite:///{db_path}"
    if backup is not None:
        with _connect(backup, immutable=True) as src, _connect(db_path) as dest:
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
        since = backup and _stamp_of(backup)
        for snap in reversed(user_state_snapshots(backups_dir, db_path)):  # oldest first: newer ones win
            if since and _stamp_of(snap) < since:
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
            if len(problems) >= len(USER_TABLES) - len(_LATER_USER_TABLES) and len(reasons) == 1:
                report.notes.append(f"nothing could be read from the damaged file ({reasons.pop()})")
            else:
                report.notes += [f"could not be read from the damaged file: {p}" for p in problems[:5]]
        with catalog.read() as s:
            from sqlalchemy import text

            report.user_state = {t: s.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in USER_TABLES}
    finally:
        catalog.dispose()
    return report

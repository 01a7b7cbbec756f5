"""Catalog files on disk: what a file is (read through SQLite, read-only), its folder, backup copies.

A live database file is only ever opened through SQLite: on POSIX, closing any other descriptor of it
drops every lock the process holds on it. No SQLAlchemy here (the first paint reads through this).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from vod_app.catalog.errors import (
    RECOVER_HINT,
    CatalogError,
    CorruptDatabaseError,
    ForeignDatabaseError,
    NewerSchemaError,
    catalog_error,
)
from vod_app.catalog.schema_versions import head_revision, known_revisions, script_head

BUSY_TIMEOUT_MS = 10_000


@dataclass(frozen=True)
class Recognition:
    """What a catalog file is, found without changing a byte of it (:func:`recognise`)."""

    path: Path
    kind: str  # "new" (no file), "empty" (0 bytes or no tables: becomes a catalog), "catalog"
    revision: str | None = None


def read_only_uri(path: Path) -> str:
    """A URI that reads ``path`` without writing it or leaving files beside it.

    Without a ``-wal`` or ``-journal`` nobody is writing it (or nobody left a write unfinished): the
    file is the whole database, and ``immutable=1`` reads it with no lock and no ``-shm`` (``mode=ro``
    on a WAL-mode file would leave a ``-wal`` and a ``-shm`` it cannot remove). With one, ``mode=ro``
    takes the locks, reads the WAL too, and never writes the database, its WAL or its journal.
    """
    quoted = urllib.parse.quote(str(path.resolve()))
    busy = any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-journal"))
    return f"file:{quoted}?mode=ro" if busy else f"file:{quoted}?immutable=1"


def recognise(path: Path, *, check_revision: bool = True) -> Recognition:
    """Is ``path`` a vod-app catalog? Read through SQLite, read-only, before any connection writes.

    Never with ``open()``: on POSIX closing any other descriptor of a database file drops every lock
    the process holds on it (and another process may then delete its WAL). A file that is not ours
    (another program's database, a newer schema, damage, not SQLite at all) raises a CatalogError and
    is left exactly as it was: no journal-mode change, no schema write, no ``-wal``/``-shm``.
    A 0-byte file is an empty SQLite database (what ``touch`` makes): it becomes a catalog.
    """
    path = Path(path)
    if path.is_dir():
        raise CorruptDatabaseError(f"{path}: is a directory, not a catalog database")
    try:
        size = path.stat().st_size
    except (FileNotFoundError, NotADirectoryError):
        return Recognition(path, "new")
    except OSError as exc:
        raise CatalogError(f"{path}: cannot be read ({exc.strerror})") from exc
    if size == 0 and not Path(f"{path}-wal").exists():
        return Recognition(path, "empty")
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error as exc:
        raise catalog_error(path, exc) from exc
    try:
        page_size, pages = (conn.execute(f"PRAGMA {p}").fetchone()[0] for p in ("page_size", "page_count"))
        if not Path(f"{path}-wal").exists() and page_size * pages > size:
            raise CorruptDatabaseError(f"{path}: the file is cut short ({size} of {page_size * pages} bytes; {RECOVER_HINT})")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc).lower():
            raise CorruptDatabaseError(f"{path}: is not a SQLite database (unrecognised file header; {RECOVER_HINT})") from exc
        raise catalog_error(path, exc) from exc
    finally:
        conn.close()
    if revision is None and tables:
        raise ForeignDatabaseError(f"{path}: holds tables but no vod-app schema version (not a vod-app catalog; left untouched)")
    if revision is None:
        return Recognition(path, "empty")
    if check_revision and revision != script_head() and revision not in known_revisions():
        raise NewerSchemaError(
            f"{path}: the catalog was written by a newer version of vod-app (schema {revision}); "
            f"this version knows up to {head_revision()}. It was left untouched."
        )
    return Recognition(path, "catalog", revision)


def _is_default_catalog(path: Path) -> bool:
    from vod_app.paths import app_paths

    with contextlib.suppress(OSError):
        return path.resolve() == app_paths().database.resolve()
    return False


def _ensure_folder(db_file: Path) -> None:
    """Only the default catalog's folders are created; a --db/VOD_APP_DB path must name a folder that exists."""
    folder = db_file.parent
    if folder.is_dir():
        return
    if not _is_default_catalog(db_file):
        raise CatalogError(f"{db_file}: the folder {folder} does not exist (create it first, or check the path)")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CatalogError(f"{folder}: cannot create the catalog folder ({exc.strerror})") from exc


def backup_sqlite(src: Path, dest_dir: Path, label: str) -> Path:
    """A consistent copy through SQLite's backup API (safe while others read or write)."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    dest = dest_dir / f"{src.stem}-{stamp}-{label}.sqlite3"
    part = dest.with_name(dest.name + ".part")
    try:
        with contextlib.closing(sqlite3.connect(src)) as s, contextlib.closing(sqlite3.connect(part)) as d:
            s.backup(d)
    except sqlite3.Error as exc:
        part.unlink(missing_ok=True)
        raise catalog_error(src, exc) from exc
    part.replace(dest)  # a backup cut short never looks like a complete one
    return dest

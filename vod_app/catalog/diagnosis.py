"""Is a catalog file sound? Diagnosis of a file by path, or of a catalog this process has open.

A diagnosis reads only, through SQLite: nothing here uses ``open()`` on a database file (closing
any other descriptor of it drops the process's locks), and a file not yet known to be a catalog is
opened with a read-only URI. :func:`connect_file` is also the connection snapshots.py, salvage.py
and recovery.py open files with.
"""

from __future__ import annotations

import contextlib
import sqlite3
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from vod_app.catalog.database import (
    RECOVER_HINT,
    Catalog,
    CatalogError,
    CorruptDatabaseError,
    ForeignDatabaseError,
    NewerSchemaError,
    read_only_uri,
    recognise,
)


@contextlib.contextmanager
def connect_file(path: Path, *, immutable: bool = False, read_only: bool = False) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection to a database file (backups, snapshots, a damaged catalog)."""
    # immutable: a file nobody writes (a backup): read without locks and without making a -shm.
    # read_only: never writes the file nor leaves side files (a file not known to be a catalog).
    quoted = urllib.parse.quote(str(Path(path).resolve()))
    uri = f"file:{quoted}?immutable=1" if immutable else read_only_uri(path) if read_only else f"file:{quoted}"
    conn = sqlite3.connect(uri, uri=True, timeout=10, isolation_level=None)
    try:
        yield conn
    finally:
        conn.close()


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
        with connect_file(db_path, immutable=immutable, read_only=True) as conn:
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

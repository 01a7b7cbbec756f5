"""Opening the catalog database: pragmas, transactions, migrations with a backup first.

Reads use deferred transactions; writes go through :meth:`Catalog.write` which opens them with
``BEGIN IMMEDIATE`` (a deferred read-then-write transaction in WAL fails at once with "database is
locked" when another writer committed meanwhile, whatever the busy timeout).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 10_000
SQLITE_MAGIC = b"SQLite format 3\x00"


class CatalogError(Exception):
    """A problem with the catalog database, worded for the user."""


class NewerSchemaError(CatalogError):
    """The database was written by a newer vod-app: refused and left untouched."""


class CorruptDatabaseError(CatalogError):
    """The file is not a usable SQLite database (or fails its integrity check)."""


def _migrations_dir() -> Path:
    return Path(__file__).resolve().parent / "migrations"


def _alembic_config():  # -> alembic.config.Config, imported lazily (start-up time)
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(_migrations_dir()))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}


def sqlite_file_of(url: str) -> Path | None:
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def check_sqlite_file(path: Path) -> None:
    """Refuse what is not a SQLite database before SQLite or Alembic touch it."""
    if path.is_dir():
        raise CorruptDatabaseError(f"{path}: is a directory, not a catalog database")
    if not path.exists() or path.stat().st_size == 0:
        return  # a new (or zero-byte) file becomes an empty catalog
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise CatalogError(f"{path}: cannot be read ({exc.strerror})") from exc
    if header != SQLITE_MAGIC:
        raise CorruptDatabaseError(f"{path}: is not a SQLite database (unrecognised file header)")


def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    # pysqlite's own transaction handling is off; we emit BEGIN ourselves (see _on_begin).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    # A read-only file or folder keeps its current journal mode.
    with contextlib.suppress(sqlite3.OperationalError):
        cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


def _on_begin(conn: Connection) -> None:
    conn.exec_driver_sql(conn.get_execution_options().get("vod_begin", "BEGIN"))


def make_engine(url: str) -> Engine:
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})
        event.listen(engine, "connect", _on_connect)
        event.listen(engine, "begin", _on_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


@dataclass
class Catalog:
    """An open catalog: the engine and short-lived sessions for reads and writes."""

    url: str
    engine: Engine

    def __post_init__(self) -> None:
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        write_engine = self.engine.execution_options(vod_begin="BEGIN IMMEDIATE") if self.is_sqlite else self.engine
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(write_engine, expire_on_commit=False)

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as s, s.begin():
            yield s

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction: committed on success, rolled back on any exception."""
        with self._write() as s, s.begin():
            yield s

    def dispose(self) -> None:
        self.engine.dispose()


def current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    return row[0] if row else None


def _has_user_tables(conn: Connection) -> bool:
    return bool(inspect(conn).get_table_names())


def backup_sqlite(src: Path, dest_dir: Path, label: str) -> Path:
    """A consistent copy through SQLite's backup API (safe while others read or write)."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    dest = dest_dir / f"{src.stem}-{stamp}-{label}.sqlite3"
    with contextlib.closing(sqlite3.connect(src)) as s, contextlib.closing(sqlite3.connect(dest)) as d:
        s.backup(d)
    return dest


def integrity_problems(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
        conn.rollback()
    return [] if rows == ["ok"] else rows


def open_catalog(url: str, *, backups_dir: Path | None = None, upgrade: bool = True) -> Catalog:
    """Open (and by default upgrade) the catalog at ``url``.

    A database stamped with a revision this version does not know is refused untouched; an older one
    is copied to ``backups_dir`` and then upgraded.
    """
    db_file = sqlite_file_of(url)
    if db_file is not None:
        check_sqlite_file(db_file)
        if not db_file.exists():
            try:
                db_file.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise CatalogError(f"{db_file.parent}: cannot create the catalog folder ({exc.strerror})") from exc
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            rev = current_revision(conn)
            populated = _has_user_tables(conn)
            conn.rollback()
        head = head_revision()
        if rev is not None and rev not in known_revisions():
            raise NewerSchemaError(
                f"{db_file or url}: the catalog was written by a newer version of vod-app "
                f"(schema {rev}); this version knows up to {head}. It was left untouched."
            )
        if rev is None and populated:
            raise CorruptDatabaseError(f"{db_file or url}: holds tables but no vod-app schema version")
        if rev != head:
            if not upgrade:
                raise CatalogError(f"{db_file or url}: schema {rev or 'empty'} needs an upgrade to {head}")
            if db_file is not None and rev is not None:
                problems = integrity_problems(engine)
                if problems:
                    raise CorruptDatabaseError(f"{db_file}: integrity check failed: {problems[0]}")
                backup_sqlite(db_file, backups_dir or db_file.parent / "backups", f"before-{head}")
            migrate(engine, head)
    except DBAPIError as exc:
        engine.dispose()
        raise CatalogError(f"{db_file or url}: {describe_db_error(exc)}") from exc
    except CatalogError:
        engine.dispose()
        raise
    return Catalog(url, engine)


def migrate(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def describe_db_error(exc: DBAPIError) -> str:
    msg = str(exc.orig) if exc.orig is not None else str(exc)
    low = msg.lower()
    if "file is not a database" in low or "malformed" in low:
        return "the file is damaged or not a catalog database"
    if "readonly" in low or "read-only" in low:
        return "the catalog is read-only (check the file's and folder's permissions)"
    if "locked" in low or "busy" in low:
        return "the catalog is busy in another program; try again in a moment"
    if "disk is full" in low or "disk i/o" in low:
        return "the disk is full or failing; nothing was changed"
    if "unable to open" in low:
        return "the catalog file cannot be opened (missing folder or no permission)"
    return msg

"""Opening the catalog database: engine, pragmas, transactions, migrations with a backup first.

Errors are in errors.py, schema revisions and migrating in schema_versions.py, file recognition and
backup copies in sqlite_files.py (none imports SQLAlchemy); their names are importable from here too.

Reads use deferred transactions; writes go through :meth:`Catalog.write` which opens them with
``BEGIN IMMEDIATE`` (a deferred read-then-write transaction in WAL fails at once with "database is
locked" when another writer committed meanwhile, whatever the busy timeout).
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

# The errors, schema revisions and file checks live in modules without SQLAlchemy (the first paint
# uses them); they are re-exported here, where callers have always found them.
from vod_app.catalog.errors import (  # noqa: F401 - re-exported
    RECOVER_HINT,
    UNREACHABLE,
    CatalogError,
    CorruptDatabaseError,
    DatabaseBusyError,
    ForeignDatabaseError,
    NewerSchemaError,
    OlderSchemaError,
    ServerUnreachableError,
    catalog_error,
    db_error_kind,
    describe_db_error,
    server_unreachable,
)
from vod_app.catalog.schema_versions import (  # noqa: F401 - re-exported
    SCHEMA_HEAD,
    _alembic_config,
    head_revision,
    known_revisions,
    migrate,
    script_head,
)
from vod_app.catalog.sqlite_files import (  # noqa: F401 - re-exported
    BUSY_TIMEOUT_MS,
    Recognition,
    _ensure_folder,
    backup_sqlite,
    read_only_uri,
    recognise,
)

# How long a writer keeps asking for the write lock (each attempt waits BUSY_TIMEOUT_MS): SQLite's
# busy handler polls, it does not queue, so behind back-to-back imports of another process a small
# write can lose every poll for longer than one busy timeout.
WRITE_LOCK_WAIT_S = 120.0


@contextlib.contextmanager
def _user_errors(where: object) -> Iterator[None]:
    """Damaged file, disk full, read-only, busy: a CatalogError naming the catalog, not a SQL dump."""
    try:
        yield
    except DBAPIError as exc:
        if db_error_kind(exc) is None and not server_unreachable(exc):
            raise
        raise catalog_error(where, exc) from exc


def parse_url(url: str) -> URL:
    """The SQLAlchemy URL, or a CatalogError that says what a database URL looks like."""
    try:
        return make_url(url)
    except ArgumentError as exc:
        raise CatalogError(f"{url!r} is not a database URL (a catalog file is sqlite:///PATH)") from exc


def sqlite_file_of(url: str) -> Path | None:
    u = parse_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


# What `pip install` needs for the drivers SQLAlchemy names most often (by the module it imports).
_DRIVER_PACKAGES = {
    "psycopg": "psycopg[binary]",
    "psycopg2": "psycopg2-binary",
    "asyncpg": "asyncpg",
    "pg8000": "pg8000",
    "pymysql": "PyMySQL",
    "MySQLdb": "mysqlclient",
    "mysql": "mysql-connector-python",
    "mariadb": "mariadb",
    "oracledb": "oracledb",
    "cx_Oracle": "cx_Oracle",
    "pyodbc": "pyodbc",
    "pymssql": "pymssql",
}


def _missing_driver(url: URL, exc: ImportError) -> CatalogError:
    module = (exc.name or url.get_driver_name() or "").split(".")[0]
    package = _DRIVER_PACKAGES.get(module, module)
    return CatalogError(
        f"{url.render_as_string(hide_password=True)}: the database driver {module!r} is not installed "
        f"(pip install '{package}')"
    )


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
    """An engine with the catalog's pragmas; a bad URL or a missing driver is a CatalogError."""
    u = parse_url(url)
    try:
        if u.get_backend_name() == "sqlite":
            engine = create_engine(u, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})
            event.listen(engine, "connect", _on_connect)
            event.listen(engine, "begin", _on_begin)
            return engine
        # No pre-ping: it is a round trip before every statement (the position save is one round trip,
        # see Catalog.autocommit). A connection the server dropped fails once, SQLAlchemy then
        # replaces the whole pool, and user-state writes wait in their queue meanwhile (pending.py).
        return create_engine(u)
    except ImportError as exc:
        raise _missing_driver(u, exc) from exc
    except NoSuchModuleError as exc:
        raise CatalogError(f"{u.render_as_string(hide_password=True)}: unknown kind of database {u.drivername!r}") from exc


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

    @property
    def where(self) -> object:
        return sqlite_file_of(self.url) or self.engine.url.render_as_string(hide_password=True)

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with _user_errors(self.where), self._read() as s, s.begin():
            yield s

    @contextlib.contextmanager
    def read_connection(self) -> Iterator[Connection]:
        """A read transaction on a bare Connection, no ORM Session: ~0.1 ms less, for the statements
        of search as you type (catalog/search.py), which read no ORM objects."""
        with _user_errors(self.where), self.engine.connect() as conn, conn.begin():
            yield conn

    @contextlib.contextmanager
    def write(self, lock_wait_s: float = WRITE_LOCK_WAIT_S) -> Iterator[Session]:
        """One write transaction: committed on success, rolled back on any exception.

        The write lock is taken on entry (BEGIN IMMEDIATE), retried with backoff for up to
        ``lock_wait_s`` while another program writes: nothing has been done yet, so a retry is safe.
        """
        with _user_errors(self.where):
            s = self._begin_write(lock_wait_s)
            try:
                yield s
                s.commit()
            except BaseException:
                s.rollback()
                raise
            finally:
                s.close()

    def _begin_write(self, lock_wait_s: float) -> Session:
        deadline = time.monotonic() + lock_wait_s
        delay = 0.02
        while True:
            s = self._write()
            try:
                s.begin()
                s.connection()  # emits BEGIN IMMEDIATE: wait for the lock here, before any work
                return s
            except OperationalError as exc:
                s.close()
                if db_error_kind(exc) != "busy" or time.monotonic() + delay > deadline:
                    raise
            time.sleep(delay)
            delay = min(delay * 2, 0.5)

    @contextlib.contextmanager
    def autocommit(self) -> Iterator[Connection]:
        """A connection whose every statement commits by itself: one round trip for a one-statement
        write on a server (no BEGIN, no COMMIT). SQLite writes go through :meth:`write`."""
        with _user_errors(self.where), self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            yield conn

    def dispose(self) -> None:
        self.engine.dispose()


def current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    return row[0] if row else None


def _has_user_tables(conn: Connection) -> bool:
    return bool(inspect(conn).get_table_names())


def integrity_problems(engine: Engine, *, quick: bool = False, limit: int = 20) -> list[str]:
    """What SQLite's integrity check reports ([] when the file is sound)."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        with engine.connect() as conn:
            rows = [r[0] for r in conn.exec_driver_sql(f"PRAGMA {pragma}({int(limit)})").fetchall()]
            conn.rollback()
    except DBAPIError as exc:  # a damaged page can stop the check itself
        return [str(exc.orig or exc)]
    return [] if rows == ["ok"] else rows


def open_catalog(url: str, *, backups_dir: Path | None = None, upgrade: bool | None = None) -> Catalog:
    """Open (and by default upgrade) the catalog at ``url``.

    ``upgrade`` None (the default): a SQLite file is upgraded (after a backup copy); a catalog on a
    server (PostgreSQL) only when it is empty. A shared catalog at an older schema is refused with
    what to run: other people's clients are using it, so only ``vod-app db upgrade`` (``upgrade=True``)
    moves it on.

    A database stamped with a revision this version does not know is refused untouched; an older one
    is copied to ``backups_dir`` and then upgraded.
    """
    db_file = sqlite_file_of(url)
    if db_file is not None:
        # Before the first connection: it would switch the file to WAL (a byte of its header).
        kind = recognise(db_file).kind
        if kind != "catalog" and upgrade is False:
            raise CatalogError(f"{db_file}: no catalog yet (the first command that uses it creates one)")
        if kind == "new":
            _ensure_folder(db_file)
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            rev = current_revision(conn)
            populated = _has_user_tables(conn)
            conn.rollback()
        if rev is not None and rev == script_head():
            return Catalog(url, engine)  # at head already: no Alembic import at start-up
        head = head_revision()
        if rev is not None and rev not in known_revisions():
            where = db_file or engine.url.render_as_string(hide_password=True)
            raise NewerSchemaError(
                f"{where}: the catalog was written by a newer version of vod-app "
                f"(schema {rev}); this version knows up to {head}. It was left untouched."
            )
        if rev is None and populated:
            raise ForeignDatabaseError(f"{db_file or url}: holds tables but no vod-app schema version")
        if rev != head:
            if upgrade is None and db_file is None and rev is not None:
                where = engine.url.render_as_string(hide_password=True)
                raise OlderSchemaError(
                    f"{where}: the shared catalog is at schema {rev}; this version of vod-app needs schema {head} "
                    f"(run 'vod-app db upgrade --db URL' once every client is updated)"
                )
            if upgrade is False:
                raise CatalogError(f"{db_file or url}: schema {rev or 'empty'} needs an upgrade to {head}")
            if db_file is not None and rev is not None:
                problems = integrity_problems(engine)
                if problems:
                    raise CorruptDatabaseError(f"{db_file}: integrity check failed: {problems[0]} ({RECOVER_HINT})")
                backup_sqlite(db_file, backups_dir or db_file.parent / "backups", f"before-{head}")
            migrate(engine, head)
    except DBAPIError as exc:
        engine.dispose()
        where = db_file or engine.url.render_as_string(hide_password=True)
        if server_unreachable(exc):  # at start: nothing to retry yet, say why
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            raise ServerUnreachableError(f"{where}: the catalog server cannot be reached ({reason})") from exc
        raise catalog_error(where, exc) from exc
    except CatalogError:
        engine.dispose()
        raise
    return Catalog(url, engine)

"""Opening the catalog database: pragmas, transactions, migrations with a backup first.

Reads use deferred transactions; writes go through :meth:`Catalog.write` which opens them with
``BEGIN IMMEDIATE`` (a deferred read-then-write transaction in WAL fails at once with "database is
locked" when another writer committed meanwhile, whatever the busy timeout).
"""

from __future__ import annotations

import ast
import contextlib
import datetime as dt
import re
import sqlite3
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 10_000
# How long a writer keeps asking for the write lock (each attempt waits BUSY_TIMEOUT_MS): SQLite's
# busy handler polls, it does not queue, so behind back-to-back imports of another process a small
# write can lose every poll for longer than one busy timeout.
WRITE_LOCK_WAIT_S = 120.0


class CatalogError(Exception):
    """A problem with the catalog database, worded for the user."""


class NewerSchemaError(CatalogError):
    """The database was written by a newer vod-app: refused and left untouched."""


class OlderSchemaError(CatalogError):
    """A shared catalog (on a server) at an older schema than this client: refused, not upgraded."""


class CorruptDatabaseError(CatalogError):
    """The file is not a usable SQLite database (or fails its integrity check)."""


class ForeignDatabaseError(CatalogError):
    """Another program's SQLite database: refused and left untouched (not ours to rebuild either)."""


class DatabaseBusyError(CatalogError):
    """Another program held the catalog's write lock for too long."""


RECOVER_HINT = "'vod-app db recover' keeps it aside and rebuilds the catalog"


def db_error_kind(exc: BaseException) -> str | None:
    """'corrupt', 'busy', 'readonly', 'full', 'cantopen' or None for a SQLite error."""
    orig = getattr(exc, "orig", None) or exc
    low = str(orig).lower()
    if "file is not a database" in low or "malformed" in low or "database corrupt" in low:
        return "corrupt"
    if "readonly" in low or "read-only" in low:
        return "readonly"
    if "locked" in low or "busy" in low:
        return "busy"
    if "disk is full" in low or "disk i/o" in low:
        return "full"
    if "unable to open" in low:
        return "cantopen"
    return None


class ServerUnreachableError(CatalogError):
    """The catalog server cannot be reached (down, restarting, network): worth retrying."""


UNREACHABLE = "catalog server unreachable, retrying"


def server_unreachable(exc: BaseException) -> bool:
    """Is ``exc`` a lost or refused connection to a catalog server (not a SQL error)?

    By name, so the SQLite path never imports psycopg: psycopg's OperationalError is what a refused
    connection, a server shutdown or a dropped socket raise; SQLAlchemy flags a dropped pooled one.
    """
    if getattr(exc, "connection_invalidated", False):
        return True
    orig = getattr(exc, "orig", None) or exc
    mod = type(orig).__module__
    return mod.startswith("psycopg") and any(c.__name__ == "OperationalError" for c in type(orig).__mro__)


def catalog_error(where: object, exc: BaseException) -> CatalogError:
    """The CatalogError (worded for the user) for a database error at ``where``."""
    if server_unreachable(exc):
        return ServerUnreachableError(f"{where}: {UNREACHABLE}")
    kind = db_error_kind(exc)
    msg = f"{where}: {describe_db_error(exc)}"
    if kind == "corrupt":
        return CorruptDatabaseError(f"{msg} ({RECOVER_HINT})")
    if kind == "busy":
        return DatabaseBusyError(msg)
    return CatalogError(msg)


@contextlib.contextmanager
def _user_errors(where: object) -> Iterator[None]:
    """Damaged file, disk full, read-only, busy: a CatalogError naming the catalog, not a SQL dump."""
    try:
        yield
    except DBAPIError as exc:
        if db_error_kind(exc) is None and not server_unreachable(exc):
            raise
        raise catalog_error(where, exc) from exc


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


_SCRIPT_VARS = re.compile(r"^(revision|down_revision|branch_labels|depends_on)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)


def script_head() -> str | None:
    """The head revision read from the migration scripts without importing Alembic, or None.

    Importing Alembic costs ~250 ms and ~17 MB (Mako, Pygments, every dialect's DDL) at each start
    just to learn that the catalog is already at head. This reads ``revision``/``down_revision`` from
    versions/*.py; anything it is not sure about (branches, dependencies, a file it cannot read)
    gives None and Alembic decides, as before.
    """
    parents: dict[str, tuple[str, ...]] = {}
    try:
        for script in sorted((_migrations_dir() / "versions").glob("*.py")):
            found: dict[str, list[str]] = {}
            for name, value in _SCRIPT_VARS.findall(script.read_text("utf-8")):
                found.setdefault(name, []).append(value)
            if not found and script.name.startswith("_"):
                continue
            if any(len(found.get(k, ())) != 1 for k in ("revision", "down_revision")):
                return None
            if any(ast.literal_eval(v) is not None for k in ("branch_labels", "depends_on") for v in found.get(k, ())):
                return None
            rev, down = ast.literal_eval(found["revision"][0]), ast.literal_eval(found["down_revision"][0])
            if not isinstance(rev, str) or rev in parents:
                return None
            parents[rev] = () if down is None else (down,) if isinstance(down, str) else tuple(down)
    except (OSError, ValueError, SyntaxError, TypeError):
        return None
    heads = set(parents) - {p for ps in parents.values() for p in ps}
    return heads.pop() if len(heads) == 1 else None


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


def migrate(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


_DESCRIPTIONS = {
    "corrupt": "the file is damaged or not a catalog database",
    "readonly": "the catalog is read-only (check the file's and folder's permissions)",
    "busy": "the catalog is busy in another program; try again in a moment",
    "full": "the disk is full or failing; nothing was changed",
    "cantopen": "the catalog file cannot be opened (missing folder or no permission)",
}


def describe_db_error(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    kind = db_error_kind(exc)
    return _DESCRIPTIONS[kind] if kind else str(orig).splitlines()[0]

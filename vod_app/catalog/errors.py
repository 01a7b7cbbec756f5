"""The catalog's errors, worded for the user, and how a database error is told apart (no SQLAlchemy here)."""

from __future__ import annotations


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

"""What differs between the catalog's two engines in the statements the app writes itself."""

from __future__ import annotations

from typing import Any


def upsert_insert(dialect_name: str) -> Any:
    """The dialect's INSERT with ``on_conflict_do_update`` (SQLite and PostgreSQL both have it)."""
    if dialect_name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert


# One key for every transaction that writes catalog content in bulk (imports, folder scans, feeds).
_CONTENT_WRITES_LOCK = 0x766F_6461_7070  # "vodapp"


def serialise_content_writes(conn: Any) -> None:
    """Wait for any other import into this catalog to commit before this one reads what is there.

    SQLite's write transactions already run one at a time (BEGIN IMMEDIATE). On PostgreSQL two people
    importing at once read the same catalog, both added its new events, and one failed on a duplicate
    uid: a transaction-scoped advisory lock makes the second wait (released at its commit/rollback)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_CONTENT_WRITES_LOCK})")

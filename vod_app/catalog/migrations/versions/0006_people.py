"""people: positions, bookmarks and preferences belong to a person; relocations to a device

docs/user-state.md. A ``people`` table; ``watch_state`` and ``preferences`` keyed by (person, …);
bookmarks get a text uid, a person, ``panel_uid``/``speaker`` and ``updated_at``/``deleted_at``;
relocations are keyed by (device, recording uid). Every existing row moves to person 1 (created
unnamed: the first run claims it for its login name) and existing relocations to device '' (any
machine). The tables hold a person's few KB, so their rows are read into memory and the tables
re-created: the same code on SQLite and PostgreSQL (no batch copy, no constraint renames).

Bookmark uids of existing rows are UUIDv5 of (recording uid, position, note, created_at):
``catalog/salvage.py`` derives the same uid for a bookmark read from an older backup or snapshot,
so a merge after this migration never duplicates one.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""

from __future__ import annotations

import datetime as dt
import uuid

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# The namespace of legacy bookmark uids (also in catalog/salvage.py: keep them equal).
LEGACY_BOOKMARK_NS = uuid.UUID("7d1f3c5e-2b7a-4f0e-9a51-6c2f6a9b0d13")


def legacy_bookmark_uid(recording_uid: str, position_ms: int, note: str, created_at: object) -> str:
    return str(uuid.uuid5(LEGACY_BOOKMARK_NS, f"{recording_uid}\x1f{position_ms}\x1f{note}\x1f{created_at}"))


def _rows(table: str) -> list[dict[str, object]]:
    return [dict(r._mapping) for r in op.get_bind().execute(sa.text(f"SELECT * FROM {table}"))]


def _create_people() -> None:
    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("display_name", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
        sa.UniqueConstraint("name", name=op.f("uq_people_name")),
    )


def _person_fk() -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="CASCADE")


def upgrade() -> None:
    watch, marks, prefs, relocs = (_rows(t) for t in ("watch_state", "bookmarks", "preferences", "relocations"))
    for table in ("watch_state", "bookmarks", "preferences", "relocations"):
        op.drop_table(table)
    _create_people()
    people = sa.table("people", sa.column("id"), sa.column("name"), sa.column("created_at"))
    op.bulk_insert(people, [{"id": 1, "name": "", "created_at": dt.datetime.now(dt.UTC).replace(tzinfo=None)}])
    if op.get_bind().dialect.name == "postgresql":  # an explicit id does not move the sequence
        op.execute("SELECT setval(pg_get_serial_sequence('people', 'id'), 1)")

    op.create_table(
        "watch_state",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("recording_uid", sa.String(length=200), nullable=False),
        sa.Column("position_ms", sa.Integer(), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=True),
        sa.Column("completed", sa.Boolean(), nullable=False),
        sa.Column("last_watched_at", sa.DateTime(), nullable=False),
        _person_fk(),
        sa.PrimaryKeyConstraint("person_id", "recording_uid", name=op.f("pk_watch_state")),
    )
    op.create_index("ix_watch_state_last", "watch_state", ["person_id", "last_watched_at"])
    op.create_table(
        "bookmarks",
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("recording_uid", sa.String(length=200), nullable=False),
        sa.Column("position_ms", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("panel_uid", sa.String(length=200), nullable=True),
        sa.Column("speaker", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        _person_fk(),
        sa.PrimaryKeyConstraint("uid", name=op.f("pk_bookmarks")),
    )
    op.create_index("ix_bookmarks_person_recording", "bookmarks", ["person_id", "recording_uid"])
    op.create_table(
        "preferences",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        _person_fk(),
        sa.PrimaryKeyConstraint("person_id", "key", name=op.f("pk_preferences")),
    )
    op.create_table(
        "relocations",
        sa.Column("device", sa.String(length=200), nullable=False),
        sa.Column("recording_uid", sa.String(length=200), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("device", "recording_uid", name=op.f("pk_relocations")),
    )

    def t(name: str, *cols: str) -> sa.TableClause:
        return sa.table(name, *(sa.column(c) for c in cols))

    if watch:
        op.bulk_insert(
            t("watch_state", "person_id", "recording_uid", "position_ms", "duration_ms", "completed", "last_watched_at"),
            [{**r, "person_id": 1, "completed": bool(r["completed"])} for r in watch],
        )
    if marks:
        op.bulk_insert(
            t("bookmarks", "uid", "person_id", "recording_uid", "position_ms", "note", "created_at", "updated_at"),
            [
                {
                    "uid": legacy_bookmark_uid(r["recording_uid"], r["position_ms"], r["note"], r["created_at"]),
                    "person_id": 1,
                    "recording_uid": r["recording_uid"],
                    "position_ms": r["position_ms"],
                    "note": r["note"],
                    "created_at": r["created_at"],
                    "updated_at": r["created_at"],
                }
                for r in marks
            ],
        )
    if prefs:
        op.bulk_insert(t("preferences", "person_id", "key", "value"), [{**r, "person_id": 1} for r in prefs])
    if relocs:
        op.bulk_insert(t("relocations", "device", "recording_uid", "path"), [{**r, "device": ""} for r in relocs])


def downgrade() -> None:
    """Back to one anonymous person: the first person's rows (the others' cannot be kept)."""
    first = op.get_bind().execute(sa.text("SELECT min(id) FROM people")).scalar()
    watch = [r for r in _rows("watch_state") if r["person_id"] == first]
    marks = [r for r in _rows("bookmarks") if r["person_id"] == first and r["deleted_at"] is None]
    prefs = [r for r in _rows("preferences") if r["person_id"] == first]
    relocs = {r["recording_uid"]: r for r in sorted(_rows("relocations"), key=lambda r: r["device"] == "")}
    for table in ("watch_state", "bookmarks", "preferences", "relocations", "people"):
        op.drop_table(table)
    op.create_table(
        "bookmarks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recording_uid", sa.String(length=200), nullable=False),
        sa.Column("position_ms", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bookmarks")),
    )
    op.create_index("ix_bookmarks_recording_uid", "bookmarks", ["recording_uid"])
    op.create_table(
        "preferences",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_preferences")),
    )
    op.create_table(
        "relocations",
        sa.Column("recording_uid", sa.String(length=200), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("recording_uid", name=op.f("pk_relocations")),
    )
    op.create_table(
        "watch_state",
        sa.Column("recording_uid", sa.String(length=200), nullable=False),
        sa.Column("position_ms", sa.Integer(), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=True),
        sa.Column("completed", sa.Boolean(), nullable=False),
        sa.Column("last_watched_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("recording_uid", name=op.f("pk_watch_state")),
    )
    op.create_index("ix_watch_state_last", "watch_state", ["last_watched_at"])

    def t(name: str, *cols: str) -> sa.TableClause:
        return sa.table(name, *(sa.column(c) for c in cols))

    if watch:
        cols = ("recording_uid", "position_ms", "duration_ms", "completed", "last_watched_at")
        op.bulk_insert(t("watch_state", *cols), [{c: r[c] for c in cols} for r in watch])
    if marks:
        cols = ("recording_uid", "position_ms", "note", "created_at")
        op.bulk_insert(t("bookmarks", *cols), [{c: r[c] for c in cols} for r in marks])
    if prefs:
        op.bulk_insert(t("preferences", "key", "value"), [{"key": r["key"], "value": r["value"]} for r in prefs])
    if relocs:
        op.bulk_insert(t("relocations", "recording_uid", "path"), [{"recording_uid": u, "path": r["path"]} for u, r in relocs.items()])

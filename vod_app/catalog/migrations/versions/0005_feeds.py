"""feeds and provenance: subscriptions, seen items, where each field came from, shipped thumbnails

``feeds`` holds subscribed feed URLs with their ETag / Last-Modified (a refresh is a conditional
request), ``feed_items`` the guids already imported (a refresh never duplicates a session) and which
are new. ``sessions.provenance`` records the source of each field (docs/sources.md);
``recordings.thumbnail`` a picture that came with the recording (yt-dlp). Issue 15.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTER TABLE ADD/DROP COLUMN (SQLite >= 3.35), not batch mode: a batch copy of ``sessions``
    # would lose its expression indexes (ix_sessions_recent), which reflection cannot see.
    op.add_column("sessions", sa.Column("provenance", sa.JSON(), nullable=True))
    op.add_column("recordings", sa.Column("thumbnail", sa.Text(), nullable=True))
    op.create_table(
        "feeds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("event_uid", sa.String(length=200), nullable=False),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("refreshed_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feeds")),
        sa.UniqueConstraint("url", name=op.f("uq_feeds_url")),
    )
    op.create_table(
        "feed_items",
        sa.Column("feed_id", sa.Integer(), nullable=False),
        sa.Column("guid", sa.String(length=500), nullable=False),
        sa.Column("session_uid", sa.String(length=200), nullable=False),
        sa.Column("is_new", sa.Boolean(), nullable=False),
        sa.Column("first_seen_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["feed_id"], ["feeds.id"], name=op.f("fk_feed_items_feed_id_feeds"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("feed_id", "guid", name=op.f("pk_feed_items")),
    )
    op.create_index(op.f("ix_feed_items_session_uid"), "feed_items", ["session_uid"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_feed_items_session_uid"), table_name="feed_items")
    op.drop_table("feed_items")
    op.drop_table("feeds")
    op.drop_column("recordings", "thumbnail")
    op.drop_column("sessions", "provenance")

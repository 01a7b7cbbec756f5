"""folder sessions: a person's edits and removals survive rescans

``session_overrides`` keeps the fields a person edited on a folder-imported session (title, date,
event), so a rescan applies them instead of what the file names say; ``excluded_files`` lists the
media files whose session was removed from the catalog, so a rescan does not bring it back. Both are
user state keyed by uid/path (no foreign key): a re-import never deletes them. docs/folders.md.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "session_overrides",
        sa.Column("session_uid", sa.String(length=200), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("session_uid", name=op.f("pk_session_overrides")),
    )
    op.create_table(
        "excluded_files",
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("session_uid", sa.String(length=200), nullable=False),
        sa.Column("excluded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("source", name=op.f("pk_excluded_files")),
    )


def downgrade() -> None:
    op.drop_table("excluded_files")
    op.drop_table("session_overrides")

"""media roots: a catalog's folder -> URL substitutions applied when playing

``media_roots`` holds the ``media_roots`` a catalog file declares (docs/catalog-format.md): a
location under ``prefix`` is opened at ``url``; the recordings' stored locations are unchanged.
``catalog`` names the file that declared the root (its next import replaces them). A new table
only: plain DDL, the same on SQLite and PostgreSQL.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "media_roots",
        sa.Column("prefix", sa.String(length=4096), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("catalog", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("prefix", name=op.f("pk_media_roots")),
    )
    op.create_index(op.f("ix_media_roots_catalog"), "media_roots", ["catalog"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_media_roots_catalog"), table_name="media_roots")
    op.drop_table("media_roots")

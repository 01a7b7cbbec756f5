"""Index for the start page's order: real sessions first, then sample content, newest first in each

"Recent videos" lists real sessions before the sample sessions (catalog/repository.py walks
``is_sample = 0`` then ``is_sample = 1``, each newest first with a keyset cursor). With
``is_sample`` leading the index, each walk is an index range read backwards: no sort of the catalog.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.create_index("ix_sessions_sample_recent", ["is_sample", sa.text("coalesce(date, '0001-01-01')"), "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.drop_index("ix_sessions_sample_recent")

"""interventions: who speaks when, per recording (issue 10)

A session's ``speakers`` (name, role, affiliation, country) and each recording's ``interventions``
(speaker, start, end, language) from the catalog, plus ``speaker_terms``: the folded words of each
name, the small index search reads speakers by (the same range query on SQLite and PostgreSQL, so
both engines find the same speakers). Catalog tables only: user state is untouched, and a catalog
imported before this revision simply has no interventions until its catalog is imported again.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "speakers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=True),
        sa.Column("affiliation", sa.Text(), nullable=True),
        sa.Column("country", sa.Text(), nullable=True),
        sa.Column("is_sample", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name=op.f("fk_speakers_session_id_sessions"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_speakers")),
    )
    op.create_index(op.f("ix_speakers_session_id"), "speakers", ["session_id"])
    # Byte order on PostgreSQL (SQLite compares bytes already): a name prefix is one index range.
    term = (
        sa.String(length=200, collation="C")
        if op.get_bind().dialect.name == "postgresql"
        else sa.String(length=200)
    )
    op.create_table(
        "speaker_terms",
        sa.Column("term", term, nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["speakers.id"],
            name=op.f("fk_speaker_terms_speaker_id_speakers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("term", "speaker_id", name=op.f("pk_speaker_terms")),
    )
    op.create_index(op.f("ix_speaker_terms_speaker_id"), "speaker_terms", ["speaker_id"])
    op.create_table(
        "interventions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recording_id", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.Column("start_ms", sa.Integer(), nullable=False),
        sa.Column("end_ms", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=35), nullable=True),
        sa.ForeignKeyConstraint(
            ["recording_id"],
            ["recordings.id"],
            name=op.f("fk_interventions_recording_id_recordings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["speakers.id"],
            name=op.f("fk_interventions_speaker_id_speakers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interventions")),
    )
    op.create_index(op.f("ix_interventions_recording_id"), "interventions", ["recording_id"])
    op.create_index(op.f("ix_interventions_speaker_id"), "interventions", ["speaker_id"])


def downgrade() -> None:
    op.drop_table("interventions")
    op.drop_table("speaker_terms")
    op.drop_table("speakers")

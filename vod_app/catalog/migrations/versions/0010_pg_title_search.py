"""titles-only tsvector for the title tier of search on PostgreSQL

Search ranks title hits above description hits. On PostgreSQL the title tier was found through the
whole ``texts.tsv`` (titles and descriptions) and told apart with ``ts_filter(tsv, '{a}')`` on every
match: a prefix found in most descriptions read every match's vector (~370 ms for ``'mig':*`` at
20,000 sessions). ``title_tsv`` holds the title's lexemes alone (the same configurations as
``tsv``'s A weight: the text's language with unaccent, and the unstemmed 'vod_simple'), with a GIN
index, so the title tier reads title postings only (the same as ``titles_fts`` on SQLite, 0007).
A stored generated column: PostgreSQL keeps it in step with every insert and update.

On SQLite this migration does nothing.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-29
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "ALTER TABLE texts ADD COLUMN title_tsv tsvector GENERATED ALWAYS AS ("
        "to_tsvector(vod_ts_config(lang), title) || to_tsvector('vod_simple', title)) STORED"
    )
    op.execute("CREATE INDEX ix_texts_title_tsv ON texts USING gin (title_tsv)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_texts_title_tsv")
    op.execute("ALTER TABLE texts DROP COLUMN IF EXISTS title_tsv")

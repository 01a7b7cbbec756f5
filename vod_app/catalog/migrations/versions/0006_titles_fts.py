"""titles-only FTS5 index for the title tier of search

Search ranks title hits above description hits. The title tier used a column filter on ``texts_fts``
(``{title} : "pane"*``), and FTS5 then walks the description matches too to test each one's column:
at 100,000 sessions a prefix found in most descriptions cost ~60 ms per keystroke for a handful of
titles. ``titles_fts`` indexes titles alone (external content on ``texts``, same rowids), so the title
tier reads title doclists only. Kept in sync by the same kind of triggers as ``texts_fts``; the
importer suspends the insert trigger and indexes each batch in one statement (catalog/importer.py).

Revision ID: 0006
Revises: 0004
Create Date: 2026-11-29
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE VIRTUAL TABLE titles_fts USING fts5(title, content='texts', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2', prefix='3 4 5')"
    )
    op.execute("INSERT INTO titles_fts(titles_fts) VALUES ('rebuild')")
    op.execute(
        "CREATE TRIGGER texts_titles_ai AFTER INSERT ON texts BEGIN "
        "INSERT INTO titles_fts(rowid, title) VALUES (new.id, new.title); END"
    )
    op.execute(
        "CREATE TRIGGER texts_titles_ad AFTER DELETE ON texts BEGIN "
        "INSERT INTO titles_fts(titles_fts, rowid, title) VALUES ('delete', old.id, old.title); END"
    )
    # Only when the title changes: description edits leave the title index alone.
    op.execute(
        "CREATE TRIGGER texts_titles_au AFTER UPDATE OF title ON texts BEGIN "
        "INSERT INTO titles_fts(titles_fts, rowid, title) VALUES ('delete', old.id, old.title); "
        "INSERT INTO titles_fts(rowid, title) VALUES (new.id, new.title); END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for suffix in ("ai", "ad", "au"):
        op.execute(f"DROP TRIGGER IF EXISTS texts_titles_{suffix}")
    op.execute("DROP TABLE IF EXISTS titles_fts")

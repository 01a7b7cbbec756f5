"""FTS5 prefix indexes for 3-5 letter prefixes

Search as you type sends a prefix once the last word has three letters (catalog/search.py). Without a
prefix index of that length FTS5 merges the doclists of every term starting with it ("pane*": panel,
panels, …) before it can rank or stop: ~150 ms at 100,000 sessions. 2-letter prefixes are no longer
queried, so their index is dropped. The tables are rebuilt from their content tables.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_TABLES = {
    # name: (content table, indexed columns)
    "texts_fts": ("texts", "title, description"),
    "cues_fts": ("cues", "text"),
}


def _recreate(prefix: str) -> None:
    for name, (table, cols) in _TABLES.items():
        # The sync triggers on the content table refer to the FTS table by name and keep working once
        # it exists again (same name, same columns).
        op.execute(f"DROP TABLE IF EXISTS {name}")
        op.execute(
            f"CREATE VIRTUAL TABLE {name} USING fts5({cols}, content='{table}', content_rowid='id', "
            f"tokenize='unicode61 remove_diacritics 2', prefix='{prefix}')"
        )
        op.execute(f"INSERT INTO {name}({name}) VALUES ('rebuild')")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _recreate("3 4 5")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _recreate("2 3")

"""PostgreSQL: every table's id sequence past the ids imports wrote

The bulk importer (catalog/bulk_rows.py) handed out ids as ``max(id) + 1`` in memory, which is safe on
SQLite (an import holds the write lock from its first read) but left PostgreSQL's sequences at 1: the
first row written through a sequence afterwards (a new event from the session editor, a feed) hit an
id an import had used ("duplicate key value violates unique constraint"), and two people importing
at once computed the same ids. Imports now take their ids from the sequences; this revision moves
each sequence past the largest id already in its table, once.

On SQLite this migration does nothing.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-29
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import text

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    # Every column owning a sequence (serial) in this schema: (table, sequence).
    owned = bind.execute(text(
        "SELECT t.relname, s.relname FROM pg_depend AS d "
        "JOIN pg_class AS s ON s.oid = d.objid AND s.relkind = 'S' "
        "JOIN pg_class AS t ON t.oid = d.refobjid "
        "JOIN pg_namespace AS n ON n.oid = t.relnamespace AND n.nspname = current_schema() "
        "JOIN pg_attribute AS a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid AND a.attname = 'id' "
        "WHERE d.deptype IN ('a', 'i')"
    )).all()
    for table, sequence in owned:
        bind.execute(text(
            f'SELECT setval(\'"{sequence}"\', GREATEST((SELECT COALESCE(max(id), 0) FROM "{table}"), '
            f'(SELECT last_value FROM "{sequence}")), true)'
        ))


def downgrade() -> None:
    pass  # a sequence ahead of its table's ids is harmless

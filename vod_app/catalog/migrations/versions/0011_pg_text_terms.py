"""text_terms: each text's lexemes without positions, in a narrow table, for search on PostgreSQL

A word found in thousands of descriptions is listed newest first: PostgreSQL walks ``texts`` by id
backwards and tests each row until enough match. ``texts.tsv`` (title and description, with
positions) is ~2.5 KB stored: out of line (TOAST), so each row tested costs an index lookup and a
decompression, ~2.5 µs: 50,000 rows tested for ``'labour' & 'mob':*`` at 100,000 sessions, ~120 ms.
``text_terms.terms`` is ``strip(texts.tsv)``: the same lexemes without positions or weights (~1.7 KB),
stored inline uncompressed in a table of its own (a row under PostgreSQL's 2 KB TOAST threshold is
neither compressed nor moved): the same walk, ~33 ms (the same column in ``texts``, compressed in
line, ~94 ms). Positions are needed for phrases (``'whole' <-> 'of'``): on a stripped vector
a phrase matches when its words are all there, so search tests ``texts.tsv`` again on the rows found.
Its GIN index finds a description tier's matches to rank: a prefix (``'mob':*``) makes PostgreSQL
test each row the index gives, ~1 µs a row here against ~11 µs in ``texts.tsv`` (out of line, read
in index order).

A trigger on ``texts`` keeps it in step with every insert and every change of a title, description
or language (``tsv`` is generated from those); a deleted text's row goes with it (foreign key,
cascade). Filled from ``texts`` here (100,000 sessions: ~1.2 million rows, a few minutes); ``texts``
itself is not rewritten.

On SQLite this migration does nothing.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-29
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

TRIGGER_FUNCTION = (
    "CREATE OR REPLACE FUNCTION vod_text_terms() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "INSERT INTO text_terms (id, terms) VALUES (NEW.id, strip(NEW.tsv)) "
    "ON CONFLICT (id) DO UPDATE SET terms = EXCLUDED.terms; RETURN NULL; END $$"
)
TRIGGER = (
    "CREATE TRIGGER tr_texts_terms AFTER INSERT OR UPDATE OF title, description, lang ON texts "
    "FOR EACH ROW EXECUTE FUNCTION vod_text_terms()"
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "CREATE TABLE text_terms (id integer NOT NULL, terms tsvector NOT NULL, "
        "CONSTRAINT pk_text_terms PRIMARY KEY (id), "
        "CONSTRAINT fk_text_terms_id_texts FOREIGN KEY (id) REFERENCES texts (id) ON DELETE CASCADE)"
    )
    op.execute("INSERT INTO text_terms (id, terms) SELECT id, strip(tsv) FROM texts ORDER BY id")
    op.execute("CREATE INDEX ix_text_terms_terms ON text_terms USING gin (terms)")
    # Search reads texts.tsv by id only now (ranking, phrases): its GIN index (0001) is dropped, which
    # keeps an import's index work as it was (one GIN index of each text's lexemes).
    op.execute("DROP INDEX IF EXISTS ix_texts_tsv")
    op.execute(TRIGGER_FUNCTION)
    op.execute(TRIGGER)
    op.execute("ANALYZE text_terms")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE INDEX IF NOT EXISTS ix_texts_tsv ON texts USING gin (tsv)")
    op.execute("DROP TRIGGER IF EXISTS tr_texts_terms ON texts")
    op.execute("DROP FUNCTION IF EXISTS vod_text_terms()")
    op.execute("DROP TABLE IF EXISTS text_terms")

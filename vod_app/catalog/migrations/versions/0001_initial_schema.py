"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-26 22:49:15.531765
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('bookmarks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('recording_uid', sa.String(length=200), nullable=False),
    sa.Column('position_ms', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bookmarks'))
    )
    with op.batch_alter_table('bookmarks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_bookmarks_recording_uid'), ['recording_uid'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=200), nullable=False),
    sa.Column('organiser', sa.String(length=500), nullable=True),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events')),
    sa.UniqueConstraint('uid', name=op.f('uq_events_uid'))
    )
    op.create_table('preferences',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_preferences'))
    )
    op.create_table('relocations',
    sa.Column('recording_uid', sa.String(length=200), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('recording_uid', name=op.f('pk_relocations'))
    )
    op.create_table('texts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('owner_kind', sa.String(length=10), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('lang', sa.String(length=35), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_texts')),
    sa.UniqueConstraint('owner_kind', 'owner_id', 'lang', name='uq_texts_owner_lang')
    )
    op.create_table('watch_state',
    sa.Column('recording_uid', sa.String(length=200), nullable=False),
    sa.Column('position_ms', sa.Integer(), nullable=False),
    sa.Column('duration_ms', sa.Integer(), nullable=True),
    sa.Column('completed', sa.Boolean(), nullable=False),
    sa.Column('last_watched_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('recording_uid', name=op.f('pk_watch_state'))
    )
    with op.batch_alter_table('watch_state', schema=None) as batch_op:
        batch_op.create_index('ix_watch_state_last', ['last_watched_at'], unique=False)

    op.create_table('sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=200), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('place', sa.String(length=500), nullable=True),
    sa.Column('is_sample', sa.Boolean(), nullable=False),
    sa.Column('languages', sa.String(length=200), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_sessions_event_id_events'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sessions')),
    sa.UniqueConstraint('uid', name=op.f('uq_sessions_uid'))
    )
    with op.batch_alter_table('sessions', schema=None) as batch_op:
        batch_op.create_index('ix_sessions_recent', [sa.text("coalesce(date, '0001-01-01')"), 'id'], unique=False)
        batch_op.create_index('ix_sessions_event', ['event_id'], unique=False)

    op.create_table('panels',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=200), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=True),
    sa.Column('speakers', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], name=op.f('fk_panels_session_id_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_panels')),
    sa.UniqueConstraint('uid', name=op.f('uq_panels_uid'))
    )
    with op.batch_alter_table('panels', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_panels_session_id'), ['session_id'], unique=False)

    op.create_table('recordings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=200), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('duration_ms', sa.Integer(), nullable=True),
    # 64-bit on PostgreSQL (nanosecond mtimes, files over 2 GB); SQLite's INTEGER is 64-bit already.
    sa.Column('size', sa.Integer().with_variant(sa.BigInteger(), 'postgresql'), nullable=True),
    sa.Column('mtime_ns', sa.Integer().with_variant(sa.BigInteger(), 'postgresql'), nullable=True),
    sa.Column('missing', sa.Boolean(), nullable=False),
    sa.Column('stamp', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], name=op.f('fk_recordings_session_id_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recordings')),
    sa.UniqueConstraint('uid', name=op.f('uq_recordings_uid'))
    )
    with op.batch_alter_table('recordings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recordings_session_id'), ['session_id'], unique=False)
        batch_op.create_index('ix_recordings_source', ['source'], unique=False)

    op.create_table('session_languages',
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('lang', sa.String(length=35), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], name=op.f('fk_session_languages_session_id_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('session_id', 'lang', name=op.f('pk_session_languages'))
    )
    with op.batch_alter_table('session_languages', schema=None) as batch_op:
        batch_op.create_index('ix_session_languages_lang', ['lang', 'session_id'], unique=False)

    op.create_table('audio_tracks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('recording_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=35), nullable=True),
    sa.Column('label', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['recording_id'], ['recordings.id'], name=op.f('fk_audio_tracks_recording_id_recordings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audio_tracks'))
    )
    with op.batch_alter_table('audio_tracks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audio_tracks_recording_id'), ['recording_id'], unique=False)

    op.create_table('caption_tracks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('recording_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=35), nullable=True),
    sa.Column('label', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['recording_id'], ['recordings.id'], name=op.f('fk_caption_tracks_recording_id_recordings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_caption_tracks'))
    )
    with op.batch_alter_table('caption_tracks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_caption_tracks_recording_id'), ['recording_id'], unique=False)

    op.create_table('chapters',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('recording_id', sa.Integer(), nullable=False),
    sa.Column('start_ms', sa.Integer(), nullable=False),
    sa.Column('end_ms', sa.Integer(), nullable=True),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('titles', sa.JSON(), nullable=False),
    sa.Column('panel_id', sa.Integer(), nullable=True),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['panel_id'], ['panels.id'], name=op.f('fk_chapters_panel_id_panels'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['recording_id'], ['recordings.id'], name=op.f('fk_chapters_recording_id_recordings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_chapters'))
    )
    with op.batch_alter_table('chapters', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_chapters_recording_id'), ['recording_id'], unique=False)

    op.create_table('recording_panels',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('recording_id', sa.Integer(), nullable=False),
    sa.Column('panel_id', sa.Integer(), nullable=False),
    sa.Column('start_ms', sa.Integer(), nullable=False),
    sa.Column('end_ms', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['panel_id'], ['panels.id'], name=op.f('fk_recording_panels_panel_id_panels'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recording_id'], ['recordings.id'], name=op.f('fk_recording_panels_recording_id_recordings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recording_panels'))
    )
    with op.batch_alter_table('recording_panels', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recording_panels_panel_id'), ['panel_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_recording_panels_recording_id'), ['recording_id'], unique=False)

    op.create_table('cues',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('track_id', sa.Integer(), nullable=False),
    sa.Column('recording_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=35), nullable=True),
    sa.Column('start_ms', sa.Integer(), nullable=False),
    sa.Column('end_ms', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['track_id'], ['caption_tracks.id'], name=op.f('fk_cues_track_id_caption_tracks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cues'))
    )
    with op.batch_alter_table('cues', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cues_recording_id'), ['recording_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cues_track_id'), ['track_id'], unique=False)


    if op.get_bind().dialect.name == "sqlite":
        _create_sqlite_fts()
    elif op.get_bind().dialect.name == "postgresql":
        _create_pg_search()


# PostgreSQL (issue 13): accent-insensitive text-search configurations, one per language we stem
# (english, french, spanish; simple otherwise), a function mapping a BCP 47 tag to one, and stored
# tsvector columns with GIN indexes. Each text is indexed twice: stemmed in its language (whole
# words) and unstemmed ('simple', for prefixes while typing). Titles weigh A, descriptions B: the
# title tier is the A part of the same vector. catalog/search_pg.py is the only reader.
PG_CONFIGS = {"vod_simple": "simple", "vod_english": "english", "vod_french": "french", "vod_spanish": "spanish"}


def _create_pg_search() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for name, base in PG_CONFIGS.items():
        op.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{base})")
        op.execute(f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR hword, hword_part, word WITH unaccent, "
                   + ("simple" if base == "simple" else f"{base}_stem"))
    op.execute(
        "CREATE FUNCTION vod_ts_config(lang text) RETURNS regconfig LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ "
        "SELECT CASE split_part(lower(coalesce(lang, '')), '-', 1) WHEN 'en' THEN 'vod_english' WHEN 'fr' THEN 'vod_french' "
        "WHEN 'es' THEN 'vod_spanish' ELSE 'vod_simple' END::regconfig $$"
    )
    op.execute(
        "ALTER TABLE texts ADD COLUMN tsv tsvector GENERATED ALWAYS AS ("
        "setweight(to_tsvector(vod_ts_config(lang), title), 'A') || setweight(to_tsvector('vod_simple', title), 'A') || "
        "setweight(to_tsvector(vod_ts_config(lang), description), 'B') || setweight(to_tsvector('vod_simple', description), 'B')"
        ") STORED"
    )
    op.execute("CREATE INDEX ix_texts_tsv ON texts USING gin (tsv)")
    op.execute(
        "ALTER TABLE cues ADD COLUMN tsv tsvector GENERATED ALWAYS AS ("
        "to_tsvector(vod_ts_config(language), text) || to_tsvector('vod_simple', text)) STORED"
    )
    op.execute("CREATE INDEX ix_cues_tsv ON cues USING gin (tsv)")


def _drop_pg_search() -> None:
    op.execute("DROP INDEX IF EXISTS ix_cues_tsv")
    op.execute("DROP INDEX IF EXISTS ix_texts_tsv")
    op.execute("ALTER TABLE cues DROP COLUMN IF EXISTS tsv")
    op.execute("ALTER TABLE texts DROP COLUMN IF EXISTS tsv")
    op.execute("DROP FUNCTION IF EXISTS vod_ts_config(text)")
    for name in PG_CONFIGS:
        op.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


_FTS = {
    # name: (content table, indexed columns)
    "texts_fts": ("texts", ("title", "description")),
    "cues_fts": ("cues", ("text",)),
}


def _create_sqlite_fts() -> None:
    """External-content FTS5 indexes kept in sync by triggers.

    unicode61 with remove_diacritics 2 makes 'migracion' find 'migración'; prefix indexes keep
    search-as-you-type prefix queries cheap.
    """
    for name, (table, cols) in _FTS.items():
        collist = ", ".join(cols)
        new = ", ".join(f"new.{c}" for c in cols)
        old = ", ".join(f"old.{c}" for c in cols)
        op.execute(
            f"CREATE VIRTUAL TABLE {name} USING fts5({collist}, content='{table}', content_rowid='id', "
            "tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
        )
        op.execute(
            f"CREATE TRIGGER {table}_fts_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {name}(rowid, {collist}) VALUES (new.id, {new}); END"
        )
        op.execute(
            f"CREATE TRIGGER {table}_fts_ad AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {name}({name}, rowid, {collist}) VALUES ('delete', old.id, {old}); END"
        )
        op.execute(
            f"CREATE TRIGGER {table}_fts_au AFTER UPDATE ON {table} BEGIN "
            f"INSERT INTO {name}({name}, rowid, {collist}) VALUES ('delete', old.id, {old}); "
            f"INSERT INTO {name}(rowid, {collist}) VALUES (new.id, {new}); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _drop_pg_search()
    if op.get_bind().dialect.name == "sqlite":
        for name, (table, _cols) in _FTS.items():
            for suffix in ("ai", "ad", "au"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")
            op.execute(f"DROP TABLE IF EXISTS {name}")
    with op.batch_alter_table('cues', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cues_track_id'))
        batch_op.drop_index(batch_op.f('ix_cues_recording_id'))

    op.drop_table('cues')
    with op.batch_alter_table('recording_panels', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recording_panels_recording_id'))
        batch_op.drop_index(batch_op.f('ix_recording_panels_panel_id'))

    op.drop_table('recording_panels')
    with op.batch_alter_table('chapters', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_chapters_recording_id'))

    op.drop_table('chapters')
    with op.batch_alter_table('caption_tracks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_caption_tracks_recording_id'))

    op.drop_table('caption_tracks')
    with op.batch_alter_table('audio_tracks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audio_tracks_recording_id'))

    op.drop_table('audio_tracks')
    with op.batch_alter_table('session_languages', schema=None) as batch_op:
        batch_op.drop_index('ix_session_languages_lang')

    op.drop_table('session_languages')
    with op.batch_alter_table('recordings', schema=None) as batch_op:
        batch_op.drop_index('ix_recordings_source')
        batch_op.drop_index(batch_op.f('ix_recordings_session_id'))

    op.drop_table('recordings')
    with op.batch_alter_table('panels', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_panels_session_id'))

    op.drop_table('panels')
    with op.batch_alter_table('sessions', schema=None) as batch_op:
        batch_op.drop_index('ix_sessions_event')
        batch_op.drop_index('ix_sessions_recent')

    op.drop_table('sessions')
    with op.batch_alter_table('watch_state', schema=None) as batch_op:
        batch_op.drop_index('ix_watch_state_last')

    op.drop_table('watch_state')
    op.drop_table('texts')
    op.drop_table('relocations')
    op.drop_table('preferences')
    op.drop_table('events')
    with op.batch_alter_table('bookmarks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_bookmarks_recording_uid'))

    op.drop_table('bookmarks')

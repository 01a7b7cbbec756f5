"""Bulk writing of catalog rows: ids handed out in memory, rows buffered and written in batches with
``executemany``, FTS indexing done once per batch. Knows nothing of the catalog's JSON (importer.py
maps documents to rows; folder.py reuses the same writer).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, insert, select

from vod_app.catalog import models as m
from vod_app.catalog.dialects import serialise_content_writes

BATCH_ROWS = 20_000
# PostgreSQL ids are taken from each table's sequence in blocks: small first (an import of one session),
# growing 4x up to the largest (a 100,000-session import: ~400 round trips).
ID_BLOCK_FIRST, ID_BLOCK_MAX = 16, 16_384
# Children are inserted parents-first so foreign keys hold at every flush.
_TABLES_IN_ORDER = (
    m.Session,
    m.SessionLanguage,
    m.Speaker,
    m.SpeakerTerm,
    m.Panel,
    m.LocalizedText,
    m.Recording,
    m.RecordingPanel,
    m.Chapter,
    m.Intervention,
    m.AudioTrack,
    m.CaptionTrack,
    m.Cue,
)
# The FTS5 indexes (migration 0001) are external-content tables fed by AFTER INSERT triggers. Fired
# per row inside executemany, each trigger's insert runs in a statement savepoint, and FTS5 flushes
# its pending index at every savepoint: one tiny segment per row, merged over and over (~3.5x slower
# than indexing the same rows with one INSERT ... SELECT). So the writer suspends these triggers
# in its transaction and indexes each flushed batch in one statement; finish() restores them before
# the commit (DDL is transactional in SQLite: a rollback restores them too).
_FTS_BULK = {
    "texts": (
        ("texts_fts_ai", "INSERT INTO texts_fts(rowid, title, description) SELECT id, title, description FROM texts WHERE id BETWEEN ? AND ?"),
        ("texts_titles_ai", "INSERT INTO titles_fts(rowid, title) SELECT id, title FROM texts WHERE id BETWEEN ? AND ?"),  # 0007
    ),
    "cues": (("cues_fts_ai", "INSERT INTO cues_fts(rowid, text) SELECT id, text FROM cues WHERE id BETWEEN ? AND ?"),),
}


class BulkRows:
    """Row buffers of one write transaction; `flush()` writes them parents-first, `finish_rows()`
    writes the rest and restores the FTS triggers (before the commit)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        serialise_content_writes(conn)  # before anything is read: another import may be writing
        tables = (m.Session, m.Panel, m.Recording, m.RecordingPanel, m.Chapter, m.AudioTrack, m.CaptionTrack, m.Cue, m.LocalizedText,
                  m.Event, m.Speaker, m.Intervention)
        # SQLite: max(id) + 1 onwards, in memory (the import holds the write lock from its first read).
        # PostgreSQL: blocks of the tables' own sequences, so that other writers (another import, a row
        # the session editor adds) never get the same ids (migration 0012).
        self._sequences = conn.dialect.name == "postgresql"
        self._next_id: dict[type, int] = {}
        self._reserved: dict[type, list[int]] = {t: [] for t in tables}
        self._block: dict[type, int] = dict.fromkeys(tables, ID_BLOCK_FIRST)
        if not self._sequences:
            self._next_id = {t: conn.execute(select(func.coalesce(func.max(t.id), 0))).scalar_one() + 1 for t in tables}
        self._buffers: dict[type, list[dict[str, Any]]] = {t: [] for t in _TABLES_IN_ORDER}
        self._buffered = 0
        self._suspended: dict[str, str] = {}  # FTS insert triggers dropped until finish(): name -> SQL

    def _new_id(self, table: type) -> int:
        if self._sequences:
            reserved = self._reserved[table]
            if not reserved:
                reserved.extend(self._reserve(table))
            return reserved.pop()
        i = self._next_id[table]
        self._next_id[table] = i + 1
        return i

    def _reserve(self, table: type) -> list[int]:
        """The next ids of ``table``'s sequence, newest last popped first (so ids grow as rows are made)."""
        n = self._block[table]
        self._block[table] = min(n * 4, ID_BLOCK_MAX)
        name = table.__tablename__  # type: ignore[attr-defined]
        ids = self.conn.exec_driver_sql(
            f"SELECT nextval(pg_get_serial_sequence('{name}', 'id')) FROM generate_series(1, {int(n)})"
        ).scalars().all()
        return sorted(ids, reverse=True)

    def _buffer(self, table: type, row: dict[str, Any]) -> None:
        self._buffers[table].append(row)
        self._buffered += 1
        if self._buffered >= BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        for table in _TABLES_IN_ORDER:
            rows = self._buffers[table]
            if rows:
                bulk = [sql for trigger, sql in _FTS_BULK.get(table.__tablename__, ()) if self._suspend_fts_trigger(trigger)]
                self.conn.execute(insert(table), rows)
                if bulk:
                    ids = [r["id"] for r in rows]
                    for sql in bulk:
                        self.conn.exec_driver_sql(sql, (min(ids), max(ids)))
                rows.clear()
        self._buffered = 0

    def _suspend_fts_trigger(self, name: str) -> bool:
        """Drop the FTS insert trigger ``name`` for this transaction (see _FTS_BULK); False if absent."""
        if name in self._suspended:
            return True
        if self.conn.dialect.name != "sqlite":
            return False
        sql = self.conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (name,)).scalar()
        if not sql:
            return False
        self.conn.exec_driver_sql(f"DROP TRIGGER {name}")
        self._suspended[name] = sql
        return True

    def _restore_fts_triggers(self) -> None:
        for sql in self._suspended.values():
            self.conn.exec_driver_sql(sql)
        self._suspended.clear()

    def finish_rows(self) -> None:
        self.flush()
        self._restore_fts_triggers()

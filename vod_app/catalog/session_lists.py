"""The list pages: recent recordings, all sessions, continue watching.

Every list is keyset-paginated (an opaque cursor, no OFFSET) and loads its texts for the whole page
in one query: no N+1, whatever the catalog's size.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, text

from vod_app.catalog import list_filters as lists
from vod_app.catalog.list_filters import RECENT_KEY, date_or_none, decode_cursor, encode_cursor, filter_sql
from vod_app.catalog.reader import CatalogReader
from vod_app.catalog.search import SearchFilters
from vod_app.domain.records import Page, RecordingSummary, SessionSummary
from vod_app.domain.texts import pick_text


class SessionLists(CatalogReader):
    """Pages of recordings and sessions, newest first, narrowed by ``SearchFilters``."""

    def recent_recordings(
        self,
        limit: int = 50,
        cursor: str | None = None,
        filters: SearchFilters = SearchFilters(),  # noqa: B008 - frozen
        prefs: Sequence[str] = ("en",),
    ) -> Page[RecordingSummary]:
        """Recordings, newest session date first ("Recent videos"), sample content after real sessions
        (the statements and the keyset cursor: catalog/list_filters.py)."""
        with self.catalog.read() as s:
            conn = s.connection()
            return lists.recent_page(self._fetch(conn), self._titles(conn), self._share, self.person, limit, cursor, filters, prefs)

    @staticmethod
    def _fetch(conn: Connection) -> lists.Fetch:
        return lambda sql, params: conn.execute(text(sql), params).all()

    def _titles(self, conn: Connection) -> lists.Texts:
        return lambda kind, ids: self._texts(conn, kind, ids, descriptions=False)

    def sessions(
        self,
        limit: int = 50,
        cursor: str | None = None,
        filters: SearchFilters = SearchFilters(),  # noqa: B008 - frozen
        prefs: Sequence[str] = ("en",),
    ) -> Page[SessionSummary]:
        params: dict[str, Any] = {"limit": limit + 1}
        where = filter_sql(filters, params)
        after = decode_cursor(cursor, 2)
        if after is not None:
            where += f" AND {RECENT_KEY} <= :cd AND ({RECENT_KEY}, s.id) < (:cd, :cs)"
            params.update(cd=after[0], cs=after[1])
        sql = f"""
            SELECT s.id, s.uid, {RECENT_KEY}, s.languages, s.is_sample, s.event_id
            FROM sessions AS s WHERE 1 = 1 {where}
            ORDER BY {RECENT_KEY} DESC, s.id DESC LIMIT :limit"""
        with self.catalog.read() as s:
            conn = s.connection()
            rows = conn.execute(text(sql), params).all()
            more = len(rows) > limit
            rows = rows[:limit]
            stexts = self._texts(conn, "session", (r[0] for r in rows), descriptions=False)
            etexts = self._texts(conn, "event", (r[5] for r in rows if r[5] is not None), descriptions=False)
        items = tuple(
            SessionSummary(
                session_id=sid,
                session_uid=suid,
                date=date_or_none(d),
                event_title=pick_text(etexts.get(eid, {}), prefs)[1] if eid is not None else "",
                title=pick_text(stexts.get(sid, {}), prefs)[1],
                languages=tuple(langs.split()),
                is_sample=bool(sample),
            )
            for sid, suid, d, langs, sample, eid in rows
        )
        next_cursor = encode_cursor([str(rows[-1][2]), rows[-1][0]]) if more and rows else None
        return Page(items, next_cursor)

    def continue_watching(self, limit: int = 20, prefs: Sequence[str] = ("en",)) -> list[RecordingSummary]:
        """Partly watched recordings, most recently watched first."""
        with self.catalog.read() as s:
            conn = s.connection()
            return lists.continue_watching(self._fetch(conn), self._titles(conn), self.person, limit, prefs)

"""The list pages: recent recordings, all sessions, continue watching.

Every list is keyset-paginated (an opaque cursor, no OFFSET) and loads its texts for the whole page
in one query: no N+1, whatever the catalog's size.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, text

from vod_app.catalog.list_filters import filter_sql
from vod_app.catalog.reader import PERSON_SQL, RECENT_KEY, CatalogReader, date_or_none
from vod_app.catalog.search import SearchFilters
from vod_app.domain.records import Page, RecordingSummary, SessionSummary
from vod_app.domain.texts import pick_text


def _encode_cursor(values: Iterable[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(values)).encode()).decode()


def _decode_cursor(cursor: str | None, n: int) -> list[Any] | None:
    if not cursor:
        return None
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except (ValueError, TypeError):
        return None
    return values if isinstance(values, list) and len(values) == n else None


class SessionLists(CatalogReader):
    """Pages of recordings and sessions, newest first, narrowed by ``SearchFilters``."""

    def recent_recordings(
        self,
        limit: int = 50,
        cursor: str | None = None,
        filters: SearchFilters = SearchFilters(),  # noqa: B008 - frozen
        prefs: Sequence[str] = ("en",),
    ) -> Page[RecordingSummary]:
        """Recordings, newest session date first ("Recent videos"), sample content after real sessions.

        Two keyset walks, real sessions then samples (index ix_sessions_sample_recent): a page that
        reaches the end of the first walk is filled from the second. The cursor is
        (sample, date, session id, -position).
        """
        after = _decode_cursor(cursor, 4)
        start_sample = int(bool(after[0])) if after is not None else 0
        with self.catalog.read() as s:
            conn = s.connection()
            rows: list[Any] = []
            for sample in (0, 1):
                if sample < start_sample or len(rows) > limit:
                    continue
                rows += self._recent_rows(conn, sample, after[1:] if after is not None and sample == start_sample else None,
                                          limit + 1 - len(rows), filters)
            more = len(rows) > limit
            rows = rows[:limit]
            stexts = self._texts(conn, "session", (r[2] for r in rows), descriptions=False)
            etexts = self._texts(conn, "event", (r[9] for r in rows if r[9] is not None), descriptions=False)
        items = []
        share = self._share
        for rid, ruid, sid, suid, d, dur, langs, source, sample, eid, _pos, rtitle, wpos, thumb, is_new in rows:
            title = pick_text(stexts.get(sid, {}), prefs)[1]
            items.append(
                RecordingSummary(
                    recording_id=rid,
                    recording_uid=ruid,
                    session_id=sid,
                    session_uid=suid,
                    date=share(("date", d), lambda k: date_or_none(k[1])),
                    event_title=share(pick_text(etexts.get(eid, {}), prefs)[1]) if eid is not None else "",
                    title=title if not rtitle else f"{title} — {rtitle}",
                    duration_ms=dur,
                    languages=share(("langs", langs), lambda k: tuple(k[1].split())),
                    source=source,
                    is_sample=bool(sample),
                    position_ms=wpos or 0,
                    thumbnail=thumb,
                    is_new=bool(is_new),
                )
            )
        next_cursor = None
        if more and rows:
            last = rows[-1]
            next_cursor = _encode_cursor([int(bool(last[8])), str(last[4]), last[2], -last[10]])
        return Page(tuple(items), next_cursor)

    def _recent_rows(self, conn: Connection, sample: int, after: list[Any] | None, limit: int, filters: SearchFilters) -> list[Any]:
        """One walk of the recent list: sessions with ``is_sample = sample``, newest first."""
        params: dict[str, Any] = {"limit": limit, "sample": bool(sample), "person": self.person}
        where = filter_sql(filters, params)
        if after is not None:
            # The first term gives SQLite an index range to start from; the row value orders ties.
            where += f" AND {RECENT_KEY} <= :cd AND ({RECENT_KEY}, s.id, -r.position) < (:cd, :cs, :cp)"
            params.update(cd=after[0], cs=after[1], cp=after[2])
        sql = f"""
            SELECT r.id, r.uid, s.id, s.uid, {RECENT_KEY} AS d, r.duration_ms, s.languages,
                   r.source, s.is_sample, s.event_id, r.position, r.title, w.position_ms, r.thumbnail,
                   EXISTS(SELECT 1 FROM feed_items AS fi WHERE fi.session_uid = s.uid AND fi.is_new) AS is_new
            FROM sessions AS s
            JOIN recordings AS r ON r.session_id = s.id
            LEFT JOIN watch_state AS w ON w.recording_uid = r.uid AND w.person_id = {PERSON_SQL}
            WHERE s.is_sample = :sample {where}
            ORDER BY {RECENT_KEY} DESC, s.id DESC, -r.position DESC
            LIMIT :limit"""
        return list(conn.execute(text(sql), params).all())

    def sessions(
        self,
        limit: int = 50,
        cursor: str | None = None,
        filters: SearchFilters = SearchFilters(),  # noqa: B008 - frozen
        prefs: Sequence[str] = ("en",),
    ) -> Page[SessionSummary]:
        params: dict[str, Any] = {"limit": limit + 1}
        where = filter_sql(filters, params)
        after = _decode_cursor(cursor, 2)
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
        next_cursor = _encode_cursor([str(rows[-1][2]), rows[-1][0]]) if more and rows else None
        return Page(items, next_cursor)

    def continue_watching(self, limit: int = 20, prefs: Sequence[str] = ("en",)) -> list[RecordingSummary]:
        """Partly watched recordings, most recently watched first."""
        sql = f"""
            SELECT r.id, r.uid, s.id, s.uid, s.date, r.duration_ms, s.languages, r.source, s.is_sample,
                   s.event_id, w.position_ms, r.title
            FROM watch_state AS w
            JOIN recordings AS r ON r.uid = w.recording_uid
            JOIN sessions AS s ON s.id = r.session_id
            WHERE w.person_id = {PERSON_SQL} AND w.position_ms > 0 AND NOT w.completed
            ORDER BY w.last_watched_at DESC LIMIT :limit"""
        with self.catalog.read() as s:
            conn = s.connection()
            rows = conn.execute(text(sql), {"limit": limit, "person": self.person}).all()
            stexts = self._texts(conn, "session", (r[2] for r in rows), descriptions=False)
            etexts = self._texts(conn, "event", (r[9] for r in rows if r[9] is not None), descriptions=False)
        return [
            RecordingSummary(
                recording_id=rid,
                recording_uid=ruid,
                session_id=sid,
                session_uid=suid,
                date=date_or_none(d),
                event_title=pick_text(etexts.get(eid, {}), prefs)[1] if eid is not None else "",
                title=pick_text(stexts.get(sid, {}), prefs)[1] + (f" — {rtitle}" if rtitle else ""),
                duration_ms=dur,
                languages=tuple(langs.split()),
                source=source,
                is_sample=bool(sample),
                position_ms=pos,
            )
            for rid, ruid, sid, suid, d, dur, langs, source, sample, eid, pos, rtitle in rows
        ]

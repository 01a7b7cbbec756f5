"""What the filters offer (events, years, languages), and the catalog's counts."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import text

from vod_app.catalog.reader import NO_DATE, RECENT_KEY, CatalogReader
from vod_app.domain.languages import without_region
from vod_app.domain.texts import pick_text


class FilterOptions(CatalogReader):
    """The choices of the browse page's filters, each found by index seeks, not scans."""

    def events(self, prefs: Sequence[str] = ("en",), year: int | None = None) -> list[tuple[str, str]]:
        """(uid, title) of every event, or of those with a session in ``year``."""
        sql, params = "SELECT id, uid FROM events", {}
        if year is not None:
            # The sort key as written in ix_sessions_recent: a range seek, not a scan of every session.
            sql += f""" WHERE id IN (SELECT s.event_id FROM sessions AS s
                        WHERE {RECENT_KEY} >= :y0 AND {RECENT_KEY} < :y1)"""
            params = {"y0": f"{year:04d}-01-01", "y1": f"{year + 1:04d}-01-01"}
        with self.catalog.read() as s:
            conn = s.connection()
            rows = conn.execute(text(sql), params).all()
            texts = self._texts(conn, "event", (r[0] for r in rows))
        return sorted(((uid, pick_text(texts.get(eid, {}), prefs)[1] or uid) for eid, uid in rows), key=lambda e: e[1].casefold())

    def years(self, event_uid: str | None = None) -> list[int]:
        """Years with a dated session, newest first; only the event's when ``event_uid`` is given."""
        if event_uid is not None:
            # An event's sessions are few (ix_sessions_event): read their dates directly.
            sql = f"""
                SELECT DISTINCT {self._year_of('s.date')} FROM sessions AS s
                WHERE s.event_id = (SELECT id FROM events WHERE uid = :event_uid) AND s.date IS NOT NULL"""
            with self.catalog.read() as s:
                rows = s.execute(text(sql), {"event_uid": event_uid}).scalars()
                return sorted({int(y) for y in rows if y and y.isdigit()}, reverse=True)
        # One index seek per year (ix_sessions_recent), not a scan of every session: the start page
        # asks for this, and its cost must not grow with the catalog.
        sql = f"""
            WITH RECURSIVE y(d) AS (
              SELECT max({RECENT_KEY}) FROM sessions AS s
              UNION ALL
              SELECT (SELECT max({RECENT_KEY}) FROM sessions AS s WHERE {RECENT_KEY} < {self._year_start('y.d')})
              FROM y WHERE y.d > '{NO_DATE}'
            )
            SELECT {self._year_of('d')} FROM y WHERE d > '{NO_DATE}'"""
        with self.catalog.read() as s:
            rows = s.execute(text(sql)).scalars()
            return sorted({int(y) for y in rows if y and y.isdigit()}, reverse=True)

    def _year_of(self, expr: str) -> str:
        """The year of a date column as 'YYYY' text (SQLite stores dates as ISO text)."""
        return f"to_char({expr}, 'YYYY')" if self.catalog.engine.dialect.name == "postgresql" else f"substr({expr}, 1, 4)"

    def _year_start(self, expr: str) -> str:
        """What sorts just before every date of ``expr``'s year (SQLite: its 'YYYY' prefix)."""
        return f"date_trunc('year', {expr})::date" if self.catalog.engine.dialect.name == "postgresql" else f"substr({expr}, 1, 4)"

    def languages(self) -> list[str]:
        # One index seek per language (ix_session_languages_lang), not a scan of every row.
        sql = """
            WITH RECURSIVE l(lang) AS (
              SELECT min(lang) FROM session_languages
              UNION ALL
              SELECT (SELECT min(lang) FROM session_languages WHERE lang > l.lang) FROM l WHERE l.lang IS NOT NULL
            )
            SELECT lang FROM l WHERE lang IS NOT NULL"""
        with self.catalog.read() as s:
            stored = list(s.execute(text(sql)).scalars())
        # One entry per language, also for catalogs stored before codes were normalised ('fra').
        return sorted({without_region(lang) or lang for lang in stored})

    def counts(self) -> dict[str, int]:
        with self.catalog.read() as s:
            return {
                name: s.execute(text(f"SELECT count(*) FROM {name}")).scalar_one()
                for name in ("events", "sessions", "panels", "recordings", "chapters", "cues")
            }

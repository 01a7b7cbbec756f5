"""What the filters offer (events, years, languages), and the catalog's counts."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import text

from vod_app.catalog import list_filters as lists
from vod_app.catalog.reader import CatalogReader


class FilterOptions(CatalogReader):
    """The choices of the browse page's filters, each found by index seeks, not scans."""

    def events(self, prefs: Sequence[str] = ("en",), year: int | None = None) -> list[tuple[str, str]]:
        """(uid, title) of every event, or of those with a session in ``year``."""
        with self.catalog.read() as s:
            conn = s.connection()
            return lists.events(lambda sql, p: conn.execute(text(sql), p).all(), lambda k, ids: self._texts(conn, k, ids, descriptions=False), prefs, year)

    def years(self, event_uid: str | None = None) -> list[int]:
        """Years with a dated session, newest first; only the event's when ``event_uid`` is given."""
        pg = self.catalog.engine.dialect.name == "postgresql"
        with self.catalog.read() as s:
            conn = s.connection()
            return lists.years(
                lambda sql, p: conn.execute(text(sql), p).all(), event_uid,
                year_of=(lambda e: f"to_char({e}, 'YYYY')") if pg else lists.sqlite_year,
                year_start=(lambda e: f"date_trunc('year', {e})::date") if pg else lists.sqlite_year,
            )

    def languages(self) -> list[str]:
        with self.catalog.read() as s:
            conn = s.connection()
            return lists.languages(lambda sql, p: conn.execute(text(sql), p).all())

    def counts(self) -> dict[str, int]:
        with self.catalog.read() as s:
            return {
                name: s.execute(text(f"SELECT count(*) FROM {name}")).scalar_one()
                for name in ("events", "sessions", "panels", "recordings", "chapters", "cues")
            }

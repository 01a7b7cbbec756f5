"""The start page read through plain ``sqlite3``, so the first paint waits for neither SQLAlchemy nor Alembic.

:class:`FirstPageReader` answers what the window asks before the ORM has loaded (the recent list, this
person's Continue watching, the filter options, their preferences) with the SQL of
``CatalogRepository`` (catalog/repository.py) on a read-only connection: same order (newest session
first, sample content last), same keyset cursors, same person. ``tests/unit/test_first_page.py``
compares both on the same catalogs. Only a catalog file that is already ours and at
:data:`SCHEMA_HEAD` is read here; a new, empty, foreign, damaged or older file, and every server URL,
goes the normal way (``open_catalog``), which says why or migrates after a backup.
"""

from __future__ import annotations

import re
import sqlite3
import urllib.parse
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from vod_app.catalog import list_filters as lists
from vod_app.catalog.errors import CatalogError
from vod_app.catalog.list_filters import PERSON_SQL
from vod_app.catalog.schema_versions import SCHEMA_HEAD
from vod_app.catalog.sqlite_files import BUSY_TIMEOUT_MS, recognise
from vod_app.domain.records import Page, RecordingSummary
from vod_app.domain.search_filters import SearchFilters
from vod_app.domain.texts import TextMap

SEEDED_KEY = "builtin_catalog_seeded"  # catalog/builtin.py: the built-in catalog was loaded once
# Only the plain form of a file URL (what app_paths().database_url() and --db PATH give); a driver,
# a query string or an escape goes through SQLAlchemy's own parsing on the normal path.
_PLAIN_SQLITE_URL = re.compile(r"^sqlite:///(?P<path>[^?#%]+)$")


def plain_sqlite_path(url: str) -> Path | None:
    """The file of a plain ``sqlite:///PATH`` URL, else None (anything else takes the normal path)."""
    found = _PLAIN_SQLITE_URL.match(url)
    if found is None or found["path"] == ":memory:":
        return None
    return Path(found["path"])


class FirstPageReader:
    """A read-only ``sqlite3`` connection on a catalog at head, answering the start page's reads."""

    def __init__(self, conn: sqlite3.Connection, person: str) -> None:
        self.conn, self.person = conn, person
        self._shared: dict[object, Any] = {}

    @classmethod
    def open(cls, url: str, person: str | None = None) -> FirstPageReader | None:
        """A reader for ``url``, or None when the normal path must open it (see the module's note)."""
        path = plain_sqlite_path(url)
        if path is None:
            return None
        try:
            found = recognise(path, check_revision=False)  # read-only, before any connection writes
        except CatalogError:
            return None  # the normal path raises it again, worded as before
        if found.kind != "catalog" or found.revision != SCHEMA_HEAD:
            return None
        if person is None:
            from vod_app.paths import current_person

            person = current_person()
        try:
            uri = f"file:{urllib.parse.quote(str(path.resolve()))}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
        except sqlite3.Error:
            return None
        reader = cls(conn, person)
        try:
            seeded = conn.execute("SELECT 1 FROM preferences WHERE key = ? LIMIT 1", (SEEDED_KEY,)).fetchone()
            if seeded is None and conn.execute("SELECT id FROM sessions LIMIT 1").fetchone() is None:
                reader.close()  # the built-in catalog is still to be loaded: the normal path does it
                return None
        except sqlite3.Error:
            reader.close()
            return None
        return reader

    def close(self) -> None:
        self.conn.close()

    def _share(self, key: object, make: Any = None) -> Any:
        value = self._shared.get(key)
        if value is None:
            value = self._shared.setdefault(key, key if make is None else make(key))
        return value

    def _texts(self, kind: str, ids: Iterable[int]) -> dict[int, TextMap]:
        """Titles of ``ids`` by language ('' for descriptions: lists show none)."""
        ids = list(set(ids))
        out: dict[int, TextMap] = {}
        for chunk in (ids[i : i + 900] for i in range(0, len(ids), 900)):
            rows = self.conn.execute(
                f"SELECT owner_id, lang, title, '' FROM texts WHERE owner_kind = ? AND owner_id IN ({', '.join('?' * len(chunk))})",
                (kind, *chunk),
            ).fetchall()
            for oid, lang, title, d in rows:
                out.setdefault(oid, {})[lang] = (title, d)
        return out

    # --- what the start page shows ---

    def preferences(self) -> dict[str, str]:
        """This person's preferences (their row, else the unnamed person 1 their first write claims)."""
        rows = self.conn.execute(f"SELECT key, value FROM preferences WHERE person_id = {PERSON_SQL}", {"person": self.person})
        return dict(rows.fetchall())

    def recent_recordings(
        self,
        limit: int = 50,
        cursor: str | None = None,
        filters: SearchFilters = SearchFilters(),  # noqa: B008 - frozen
        prefs: Sequence[str] = ("en",),
    ) -> Page[RecordingSummary]:
        """``CatalogRepository.recent_recordings``: real sessions newest first, then the samples."""
        return lists.recent_page(self._fetch, self._texts, self._share, self.person, limit, cursor, filters, prefs)

    def continue_watching(self, limit: int = 20, prefs: Sequence[str] = ("en",)) -> list[RecordingSummary]:
        """``CatalogRepository.continue_watching``: partly watched, most recently watched first."""
        return lists.continue_watching(self._fetch, self._texts, self.person, limit, prefs)

    def _fetch(self, sql: str, params: dict[str, Any]) -> list[Any]:
        return self.conn.execute(sql, params).fetchall()

    def events(self, prefs: Sequence[str] = ("en",), year: int | None = None) -> list[tuple[str, str]]:
        return lists.events(self._fetch, self._texts, prefs, year)

    def years(self, event_uid: str | None = None) -> list[int]:
        return lists.years(self._fetch, event_uid)

    def languages(self) -> list[str]:
        return lists.languages(self._fetch)

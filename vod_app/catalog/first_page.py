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

import base64
import datetime as dt
import json
import re
import sqlite3
import urllib.parse
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from vod_app.catalog.errors import CatalogError
from vod_app.catalog.list_filters import filter_sql
from vod_app.catalog.schema_versions import SCHEMA_HEAD
from vod_app.catalog.sqlite_files import BUSY_TIMEOUT_MS, recognise
from vod_app.domain.languages import without_region
from vod_app.domain.records import Page, RecordingSummary
from vod_app.domain.search_filters import SearchFilters
from vod_app.domain.texts import TextMap, pick_text

SEEDED_KEY = "builtin_catalog_seeded"  # catalog/builtin.py: the built-in catalog was loaded once
_NO_DATE = "0001-01-01"
_RECENT_KEY = f"coalesce(s.date, '{_NO_DATE}')"  # as written in the index ix_sessions_recent
_PERSON_SQL = "coalesce((SELECT id FROM people WHERE name = :person), (SELECT id FROM people WHERE name = '' AND id = 1))"
# Only the plain form of a file URL (what app_paths().database_url() and --db PATH give); a driver,
# a query string or an escape goes through SQLAlchemy's own parsing on the normal path.
_PLAIN_SQLITE_URL = re.compile(r"^sqlite:///(?P<path>[^?#%]+)$")


def plain_sqlite_path(url: str) -> Path | None:
    """The file of a plain ``sqlite:///PATH`` URL, else None (anything else takes the normal path)."""
    found = _PLAIN_SQLITE_URL.match(url)
    if found is None or found["path"] == ":memory:":
        return None
    return Path(found["path"])


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


def _date(value: Any) -> dt.date | None:
    if value is None or value == _NO_DATE:
        return None
    return dt.date.fromisoformat(str(value))


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
        rows = self.conn.execute(f"SELECT key, value FROM preferences WHERE person_id = {_PERSON_SQL}", {"person": self.person})
        return dict(rows.fetchall())

    def recent_recordings(
        self,
        limit: int = 50,
        cursor: str | None = None,
        filters: SearchFilters = SearchFilters(),  # noqa: B008 - frozen
        prefs: Sequence[str] = ("en",),
    ) -> Page[RecordingSummary]:
        """``CatalogRepository.recent_recordings``: real sessions newest first, then the samples."""
        after = _decode_cursor(cursor, 4)
        start_sample = int(bool(after[0])) if after is not None else 0
        rows: list[Any] = []
        for sample in (0, 1):
            if sample < start_sample or len(rows) > limit:
                continue
            rows += self._recent_rows(sample, after[1:] if after is not None and sample == start_sample else None,
                                      limit + 1 - len(rows), filters)
        more = len(rows) > limit
        rows = rows[:limit]
        stexts = self._texts("session", (r[2] for r in rows))
        etexts = self._texts("event", (r[9] for r in rows if r[9] is not None))
        share, items = self._share, []
        for rid, ruid, sid, suid, d, dur, langs, source, sample, eid, _pos, rtitle, wpos, thumb, is_new in rows:
            title = pick_text(stexts.get(sid, {}), prefs)[1]
            items.append(RecordingSummary(
                recording_id=rid, recording_uid=ruid, session_id=sid, session_uid=suid,
                date=share(("date", d), lambda k: _date(k[1])),
                event_title=share(pick_text(etexts.get(eid, {}), prefs)[1]) if eid is not None else "",
                title=title if not rtitle else f"{title} — {rtitle}", duration_ms=dur,
                languages=share(("langs", langs), lambda k: tuple(k[1].split())), source=source,
                is_sample=bool(sample), position_ms=wpos or 0, thumbnail=thumb, is_new=bool(is_new),
            ))
        next_cursor = None
        if more and rows:
            last = rows[-1]
            next_cursor = _encode_cursor([int(bool(last[8])), str(last[4]), last[2], -last[10]])
        return Page(tuple(items), next_cursor)

    def _recent_rows(self, sample: int, after: list[Any] | None, limit: int, filters: SearchFilters) -> list[Any]:
        params: dict[str, Any] = {"limit": limit, "sample": sample, "person": self.person}
        where = filter_sql(filters, params)
        if after is not None:
            where += f" AND {_RECENT_KEY} <= :cd AND ({_RECENT_KEY}, s.id, -r.position) < (:cd, :cs, :cp)"
            params.update(cd=after[0], cs=after[1], cp=after[2])
        sql = f"""
            SELECT r.id, r.uid, s.id, s.uid, {_RECENT_KEY} AS d, r.duration_ms, s.languages,
                   r.source, s.is_sample, s.event_id, r.position, r.title, w.position_ms, r.thumbnail,
                   EXISTS(SELECT 1 FROM feed_items AS fi WHERE fi.session_uid = s.uid AND fi.is_new) AS is_new
            FROM sessions AS s
            JOIN recordings AS r ON r.session_id = s.id
            LEFT JOIN watch_state AS w ON w.recording_uid = r.uid AND w.person_id = {_PERSON_SQL}
            WHERE s.is_sample = :sample {where}
            ORDER BY {_RECENT_KEY} DESC, s.id DESC, -r.position DESC
            LIMIT :limit"""
        return self.conn.execute(sql, params).fetchall()

    def continue_watching(self, limit: int = 20, prefs: Sequence[str] = ("en",)) -> list[RecordingSummary]:
        """``CatalogRepository.continue_watching``: partly watched, most recently watched first."""
        sql = f"""
            SELECT r.id, r.uid, s.id, s.uid, s.date, r.duration_ms, s.languages, r.source, s.is_sample,
                   s.event_id, w.position_ms, r.title
            FROM watch_state AS w
            JOIN recordings AS r ON r.uid = w.recording_uid
            JOIN sessions AS s ON s.id = r.session_id
            WHERE w.person_id = {_PERSON_SQL} AND w.position_ms > 0 AND NOT w.completed
            ORDER BY w.last_watched_at DESC LIMIT :limit"""
        rows = self.conn.execute(sql, {"limit": limit, "person": self.person}).fetchall()
        stexts = self._texts("session", (r[2] for r in rows))
        etexts = self._texts("event", (r[9] for r in rows if r[9] is not None))
        return [
            RecordingSummary(
                recording_id=rid, recording_uid=ruid, session_id=sid, session_uid=suid, date=_date(d),
                event_title=pick_text(etexts.get(eid, {}), prefs)[1] if eid is not None else "",
                title=pick_text(stexts.get(sid, {}), prefs)[1] + (f" — {rtitle}" if rtitle else ""),
                duration_ms=dur, languages=tuple(langs.split()), source=source, is_sample=bool(sample), position_ms=pos,
            )
            for rid, ruid, sid, suid, d, dur, langs, source, sample, eid, pos, rtitle in rows
        ]

    def events(self, prefs: Sequence[str] = ("en",), year: int | None = None) -> list[tuple[str, str]]:
        sql, params = "SELECT id, uid FROM events", {}
        if year is not None:
            sql += f""" WHERE id IN (SELECT s.event_id FROM sessions AS s
                        WHERE {_RECENT_KEY} >= :y0 AND {_RECENT_KEY} < :y1)"""
            params = {"y0": f"{year:04d}-01-01", "y1": f"{year + 1:04d}-01-01"}
        rows = self.conn.execute(sql, params).fetchall()
        texts = self._texts("event", (r[0] for r in rows))
        return sorted(((uid, pick_text(texts.get(eid, {}), prefs)[1] or uid) for eid, uid in rows), key=lambda e: e[1].casefold())

    def years(self, event_uid: str | None = None) -> list[int]:
        if event_uid is not None:
            sql = """SELECT DISTINCT substr(s.date, 1, 4) FROM sessions AS s
                     WHERE s.event_id = (SELECT id FROM events WHERE uid = :event_uid) AND s.date IS NOT NULL"""
            rows = [r[0] for r in self.conn.execute(sql, {"event_uid": event_uid})]
        else:
            sql = f"""
                WITH RECURSIVE y(d) AS (
                  SELECT max({_RECENT_KEY}) FROM sessions AS s
                  UNION ALL
                  SELECT (SELECT max({_RECENT_KEY}) FROM sessions AS s WHERE {_RECENT_KEY} < substr(y.d, 1, 4))
                  FROM y WHERE y.d > '{_NO_DATE}'
                )
                SELECT substr(d, 1, 4) FROM y WHERE d > '{_NO_DATE}'"""
            rows = [r[0] for r in self.conn.execute(sql)]
        return sorted({int(y) for y in rows if y and y.isdigit()}, reverse=True)

    def languages(self) -> list[str]:
        sql = """
            WITH RECURSIVE l(lang) AS (
              SELECT min(lang) FROM session_languages
              UNION ALL
              SELECT (SELECT min(lang) FROM session_languages WHERE lang > l.lang) FROM l WHERE l.lang IS NOT NULL
            )
            SELECT lang FROM l WHERE lang IS NOT NULL"""
        return sorted({without_region(r[0]) or r[0] for r in self.conn.execute(sql)})

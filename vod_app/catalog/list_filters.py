"""The start page's lists in SQL: "Recent videos" (keyset pages, narrowed by ``SearchFilters``) and
"Continue watching", for the ORM's reads (session_lists.py) and the first page's plain sqlite3 reads
(first_page.py). One text of each statement and one mapping of its rows, so the two cannot drift;
each side only says how it runs a statement and reads titles. No SQLAlchemy here: the first page is
read before it loads."""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from vod_app.domain.languages import stored_spellings, without_region
from vod_app.domain.records import Page, RecordingSummary
from vod_app.domain.search_filters import SearchFilters
from vod_app.domain.texts import TextMap, pick_text

NO_DATE = "0001-01-01"
# The sort key of "recent" lists, written exactly as the expression index ix_sessions_recent
# (migration 0001) so SQLite walks that index instead of sorting every row: with a bound parameter in
# place of the literal the index does not match, and each page scanned and sorted the whole catalog.
RECENT_KEY = f"coalesce(s.date, '{NO_DATE}')"
# The person whose positions the lists show, by name and without a write (a read-only catalog lists
# too): their row, else the unnamed person 1 that their first write will claim (catalog/people.py).
PERSON_SQL = "coalesce((SELECT id FROM people WHERE name = :person), (SELECT id FROM people WHERE name = '' AND id = 1))"

Fetch = Callable[[str, dict[str, Any]], Sequence[Any]]  # runs one statement (named parameters): its rows
Texts = Callable[[str, Iterable[int]], dict[int, TextMap]]  # titles of owners by language (kind, ids)
Share = Callable[..., Any]  # one object per distinct value (CatalogReader._share)


def date_or_none(value: Any) -> dt.date | None:
    if value is None or value == NO_DATE:
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def encode_cursor(values: Iterable[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(values)).encode()).decode()


def decode_cursor(cursor: str | None, n: int) -> list[Any] | None:
    if not cursor:
        return None
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except (ValueError, TypeError):
        return None
    return values if isinstance(values, list) and len(values) == n else None


def filter_sql(filters: SearchFilters, params: dict[str, Any]) -> str:
    """`` AND …`` conditions on sessions ``s`` for ``filters``; their values are added to ``params``."""
    sql = ""
    if filters.event_uid is not None:
        sql += " AND s.event_id = (SELECT id FROM events WHERE uid = :event_uid)"
        params["event_uid"] = filters.event_uid
    if filters.year is not None:
        sql += " AND s.date >= :y0 AND s.date < :y1"
        params["y0"], params["y1"] = f"{filters.year:04d}-01-01", f"{filters.year + 1:04d}-01-01"
    if filters.lang:
        # Every spelling of the language ('fr', 'fra', 'fre', 'fr-FR'): catalogs imported before
        # codes were normalised on import hold the container's three-letter codes.
        spellings = stored_spellings(filters.lang) or (filters.lang,)
        names = [f":lang{i}" for i in range(len(spellings))]
        sql += f" AND s.id IN (SELECT session_id FROM session_languages WHERE lang IN ({', '.join(names)}) OR lang LIKE :lang_sub)"
        params.update({n[1:]: v for n, v in zip(names, spellings, strict=True)})
        params["lang_sub"] = f"{spellings[0]}-%"
    return sql


def _recent_rows(fetch: Fetch, person: str, sample: int, after: list[Any] | None, limit: int, filters: SearchFilters) -> list[Any]:
    """One walk of the recent list: sessions with ``is_sample = sample``, newest first."""
    params: dict[str, Any] = {"limit": limit, "sample": bool(sample), "person": person}
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
    return list(fetch(sql, params))


def recent_page(
    fetch: Fetch, texts: Texts, share: Share, person: str, limit: int, cursor: str | None, filters: SearchFilters, prefs: Sequence[str]
) -> Page[RecordingSummary]:
    """Recordings, newest session date first ("Recent videos"), sample content after real sessions.

    Two keyset walks, real sessions then samples (index ix_sessions_sample_recent): a page that
    reaches the end of the first walk is filled from the second. The cursor is
    (sample, date, session id, -position).
    """
    after = decode_cursor(cursor, 4)
    start_sample = int(bool(after[0])) if after is not None else 0
    rows: list[Any] = []
    for sample in (0, 1):
        if sample < start_sample or len(rows) > limit:
            continue
        rows += _recent_rows(fetch, person, sample, after[1:] if after is not None and sample == start_sample else None, limit + 1 - len(rows), filters)
    more = len(rows) > limit
    rows = rows[:limit]
    stexts = texts("session", (r[2] for r in rows))
    etexts = texts("event", (r[9] for r in rows if r[9] is not None))
    items = []
    for rid, ruid, sid, suid, d, dur, langs, source, sample, eid, _pos, rtitle, wpos, thumb, is_new in rows:
        title = pick_text(stexts.get(sid, {}), prefs)[1]
        items.append(RecordingSummary(
            recording_id=rid, recording_uid=ruid, session_id=sid, session_uid=suid,
            date=share(("date", d), lambda k: date_or_none(k[1])),
            event_title=share(pick_text(etexts.get(eid, {}), prefs)[1]) if eid is not None else "",
            title=title if not rtitle else f"{title} — {rtitle}", duration_ms=dur,
            languages=share(("langs", langs), lambda k: tuple(k[1].split())), source=source,
            is_sample=bool(sample), position_ms=wpos or 0, thumbnail=thumb, is_new=bool(is_new),
        ))
    next_cursor = None
    if more and rows:
        last = rows[-1]
        next_cursor = encode_cursor([int(bool(last[8])), str(last[4]), last[2], -last[10]])
    return Page(tuple(items), next_cursor)


def continue_watching(fetch: Fetch, texts: Texts, person: str, limit: int, prefs: Sequence[str]) -> list[RecordingSummary]:
    """Partly watched recordings, most recently watched first."""
    sql = f"""
        SELECT r.id, r.uid, s.id, s.uid, s.date, r.duration_ms, s.languages, r.source, s.is_sample,
               s.event_id, w.position_ms, r.title
        FROM watch_state AS w
        JOIN recordings AS r ON r.uid = w.recording_uid
        JOIN sessions AS s ON s.id = r.session_id
        WHERE w.person_id = {PERSON_SQL} AND w.position_ms > 0 AND NOT w.completed
        ORDER BY w.last_watched_at DESC LIMIT :limit"""
    rows = fetch(sql, {"limit": limit, "person": person})
    stexts = texts("session", (r[2] for r in rows))
    etexts = texts("event", (r[9] for r in rows if r[9] is not None))
    return [
        RecordingSummary(
            recording_id=rid, recording_uid=ruid, session_id=sid, session_uid=suid, date=date_or_none(d),
            event_title=pick_text(etexts.get(eid, {}), prefs)[1] if eid is not None else "",
            title=pick_text(stexts.get(sid, {}), prefs)[1] + (f" — {rtitle}" if rtitle else ""),
            duration_ms=dur, languages=tuple(langs.split()), source=source, is_sample=bool(sample), position_ms=pos,
        )
        for rid, ruid, sid, suid, d, dur, langs, source, sample, eid, pos, rtitle in rows
    ]


# --- what the filters offer (catalog/filter_options.py; the first page's reader before the ORM) ---


def events(fetch: Fetch, texts: Texts, prefs: Sequence[str], year: int | None = None) -> list[tuple[str, str]]:
    """(uid, title) of every event, or of those with a session in ``year``, by title."""
    sql, params = "SELECT id, uid FROM events", {}
    if year is not None:
        # The sort key as written in ix_sessions_recent: a range seek, not a scan of every session.
        sql += f""" WHERE id IN (SELECT s.event_id FROM sessions AS s
                    WHERE {RECENT_KEY} >= :y0 AND {RECENT_KEY} < :y1)"""
        params = {"y0": f"{year:04d}-01-01", "y1": f"{year + 1:04d}-01-01"}
    rows = fetch(sql, params)
    got = texts("event", (r[0] for r in rows))
    return sorted(((uid, pick_text(got.get(eid, {}), prefs)[1] or uid) for eid, uid in rows), key=lambda e: e[1].casefold())


def sqlite_year(expr: str) -> str:
    return f"substr({expr}, 1, 4)"  # SQLite stores dates as ISO text: its 'YYYY' prefix


def years(fetch: Fetch, event_uid: str | None = None, year_of: Callable[[str], str] = sqlite_year,
          year_start: Callable[[str], str] = sqlite_year) -> list[int]:
    """Years with a dated session, newest first; only the event's when ``event_uid`` is given.
    ``year_of``: a date's year as 'YYYY' text; ``year_start``: what sorts just before its year."""
    if event_uid is not None:
        # An event's sessions are few (ix_sessions_event): read their dates directly.
        rows = fetch(f"""SELECT DISTINCT {year_of('s.date')} FROM sessions AS s
                         WHERE s.event_id = (SELECT id FROM events WHERE uid = :event_uid) AND s.date IS NOT NULL""",
                     {"event_uid": event_uid})
    else:
        # One index seek per year (ix_sessions_recent), not a scan of every session: the start page
        # asks for this, and its cost must not grow with the catalog.
        rows = fetch(f"""
            WITH RECURSIVE y(d) AS (
              SELECT max({RECENT_KEY}) FROM sessions AS s
              UNION ALL
              SELECT (SELECT max({RECENT_KEY}) FROM sessions AS s WHERE {RECENT_KEY} < {year_start('y.d')})
              FROM y WHERE y.d > '{NO_DATE}'
            )
            SELECT {year_of('d')} FROM y WHERE d > '{NO_DATE}'""", {})
    return sorted({int(r[0]) for r in rows if r[0] and r[0].isdigit()}, reverse=True)


def languages(fetch: Fetch) -> list[str]:
    """One entry per language, also for catalogs stored before codes were normalised ('fra')."""
    # One index seek per language (ix_session_languages_lang), not a scan of every row.
    rows = fetch("""
        WITH RECURSIVE l(lang) AS (
          SELECT min(lang) FROM session_languages
          UNION ALL
          SELECT (SELECT min(lang) FROM session_languages WHERE lang > l.lang) FROM l WHERE l.lang IS NOT NULL
        )
        SELECT lang FROM l WHERE lang IS NOT NULL""", {})
    return sorted({without_region(r[0]) or r[0] for r in rows})

"""The SQL that narrows the start page's lists by ``SearchFilters``: one text for the ORM's reads
(session_lists.py) and the first page's plain sqlite3 reads (first_page.py), so the two cannot drift.
No SQLAlchemy here: the first page is read before it loads."""

from __future__ import annotations

from typing import Any

from vod_app.domain.languages import stored_spellings
from vod_app.domain.search_filters import SearchFilters


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

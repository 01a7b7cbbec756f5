"""Search finds speakers by name: the ``speaker`` kind of search hit (both engines, one query).

Names are matched word by word against ``speaker_terms`` (migration 0008: the folded words of each
name), so accents and case are ignored as everywhere in search, and every lookup is an index range on
a small table: ``term = 'diallo'`` for a finished word, ``term >= 'dia' AND term < 'dib'`` for the word
being typed. The SQL is the same on SQLite and PostgreSQL (whose column is in byte order), so both
find the same speakers in the same order. A hit opens the session's player at the speaker's first
intervention (the session page when they have none).
"""

from __future__ import annotations

import html
import re
from typing import Any

from sqlalchemy import text

from vod_app.domain.records import SearchHit
from vod_app.domain.search_filters import SearchFilters
from vod_app.domain.transcript import fold

MAX_SPEAKER_HITS = 10
RANK_CAP = 1_000  # more name matches than this are shown newest imported first, not by session date
_TOKEN = re.compile(r"[^\W_]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def name_query(
    query: str, *, prefix: bool = True, min_prefix: int = 3, max_terms: int = 12
) -> list[tuple[str, bool]]:
    """(folded word, is_prefix) for each word typed: the last one is a prefix while it is being
    typed and has ``min_prefix`` letters (as the text search treats it)."""
    q = _CONTROL.sub(" ", query[:512])
    words = _TOKEN.findall(fold(q))[:max_terms]
    typing = prefix and bool(q) and not q[-1:].isspace()
    if typing and words and len(words[-1]) < min_prefix:
        # A 1-2 letter word still being typed would match most names: wait for more letters (a lone
        # short word is looked up whole), as build_match / build_tsquery do.
        if len(words) > 1:
            words.pop()
        typing = False
    return [(w[:200], typing and i == len(words) - 1) for i, w in enumerate(words)]


def _upper(prefix: str) -> str:
    """The smallest string after every string starting with ``prefix`` (code point order)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def speaker_hits(
    conn: Any, query: str, filters: SearchFilters, *, limit: int, prefix: bool = True, ui_lang: str = "en"
) -> list[SearchHit]:
    """Speakers whose name has every word of ``query`` (the last may be a prefix), newest sessions
    first, at most ``min(limit, MAX_SPEAKER_HITS)``."""
    words = name_query(query, prefix=prefix)
    limit = min(limit, MAX_SPEAKER_HITS)
    if not words or limit <= 0:
        return []
    params: dict[str, object] = {"limit": limit}
    conds = []
    for i, (word, is_prefix) in enumerate(words):
        if is_prefix and ord(word[-1]) < 0x10FFFF:
            conds.append(
                f"sp.id IN (SELECT speaker_id FROM speaker_terms WHERE term >= :w{i} AND term < :u{i})"
            )
            params[f"u{i}"] = _upper(word)
        else:
            conds.append(f"sp.id IN (SELECT speaker_id FROM speaker_terms WHERE term = :w{i})")
        params[f"w{i}"] = word
    if filters.event_uid is not None:
        conds.append("s.event_id = (SELECT id FROM events WHERE uid = :event_uid)")
        params["event_uid"] = filters.event_uid
    if filters.year is not None:
        conds.append("s.date >= :y0 AND s.date < :y1")
        params["y0"], params["y1"] = f"{filters.year:04d}-01-01", f"{filters.year + 1:04d}-01-01"
    if filters.lang:
        conds.append(
            "s.id IN (SELECT session_id FROM session_languages WHERE lang = :lang OR lang LIKE :lang_sub)"
        )
        params["lang"], params["lang_sub"] = filters.lang, f"{filters.lang}-%"
    if conn.dialect.name == "postgresql" and filters.year is not None:
        params["y0"], params["y1"] = _date(params["y0"]), _date(params["y1"])
    # Newest sessions first, unless the last word matches a crowd (a short prefix, a common name:
    # ordering every match by date costs ~50 ms at 100,000 speakers): then the newest imported,
    # read off the primary key.
    order = "s.date IS NULL, s.date DESC, s.id DESC, sp.position, sp.id"
    last = len(words) - 1  # the word being typed: a prefix, or a common first name
    bounds = {"w": params[f"w{last}"]} | ({"u": params[f"u{last}"]} if f"u{last}" in params else {})
    match = "term >= :w AND term < :u" if "u" in bounds else "term = :w"
    crowd = conn.execute(text(f"SELECT count(*) FROM (SELECT 1 FROM speaker_terms WHERE {match} LIMIT {RANK_CAP}) AS m"), bounds).scalar_one()
    if crowd >= RANK_CAP:
        order = "sp.id DESC"
    rows = conn.execute(
        text(
            "SELECT sp.id, sp.name, sp.role, sp.affiliation, sp.country, s.id, s.uid, s.date "
            "FROM speakers AS sp JOIN sessions AS s ON s.id = sp.session_id "
            f"WHERE {' AND '.join(conds)} "
            f"ORDER BY {order} LIMIT :limit"
        ),
        params,
    ).all()
    if not rows:
        return []
    first = _first_interventions(conn, [r[0] for r in rows])
    sessions = _session_titles(conn, sorted({r[5] for r in rows}), ui_lang)
    hits = []
    for sid, name, role, affiliation, country, session_id, session_uid, date in rows:
        rid, ruid, start, lang = first.get(sid, (None, None, None, None))
        where = ", ".join(x for x in (affiliation, country) if x)
        details = " — ".join(
            x for x in (" · ".join(x for x in (role, where) if x), sessions.get(session_id, "")) if x
        )
        hits.append(
            SearchHit(
                kind="speaker",
                session_id=session_id,
                session_uid=session_uid,
                title=name,
                snippet=html.escape(details, quote=False),  # plain catalog text, escaped (shown as rich text)
                lang=lang or "",
                date=_date(date),
                recording_id=rid,
                recording_uid=ruid,
                start_ms=start,
                tier=0,
            )
        )
    return hits


def _first_interventions(conn: Any, speaker_ids: list[int]) -> dict[int, tuple[int, str, int, str | None]]:
    """Each speaker's first intervention: (recording id, recording uid, start ms, language)."""
    marks = ", ".join(f":s{i}" for i in range(len(speaker_ids)))
    rows = conn.execute(
        text(
            "SELECT i.speaker_id, i.recording_id, r.uid, i.start_ms, i.language FROM interventions AS i "
            f"JOIN recordings AS r ON r.id = i.recording_id WHERE i.speaker_id IN ({marks}) "
            "ORDER BY i.speaker_id, r.position, i.start_ms, i.id"
        ),
        {f"s{i}": v for i, v in enumerate(speaker_ids)},
    ).all()
    out: dict[int, tuple[int, str, int, str | None]] = {}
    for speaker_id, rid, ruid, start, lang in rows:
        out.setdefault(speaker_id, (rid, ruid, start, lang))
    return out


def _session_titles(conn: Any, session_ids: list[int], ui_lang: str) -> dict[int, str]:
    """Each session's title in the viewer's language, else English, else any."""
    marks = ", ".join(f":i{i}" for i in range(len(session_ids)))
    rows = conn.execute(
        text(
            f"SELECT owner_id, lang, title FROM texts WHERE owner_kind = 'session' AND owner_id IN ({marks})"
        ),
        {f"i{i}": v for i, v in enumerate(session_ids)},
    ).all()
    best: dict[int, tuple[int, str]] = {}
    for sid, lang, title in sorted(rows, key=lambda r: r[1]):
        rank = 0 if lang == ui_lang else (1 if lang == "en" else 2)
        if sid not in best or rank < best[sid][0]:
            best[sid] = (rank, title)
    return {sid: title for sid, (_rank, title) in best.items()}


def _date(value: object):  # noqa: ANN202 - date | None
    import datetime as dt

    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))

"""Full-text search over titles, descriptions (every language) and caption cues.

User text reaches FTS5 only through :func:`build_match`, which turns anything a person can type into
a query of quoted phrases (so operators, quotes, ``c++``, ``e-mail`` and ``10:30`` are just text).
Filters (event, year, language) are SQL around the FTS query, never inside it. Ranking: hits in
titles above hits in descriptions above hits in captions, bm25 within each tier.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Protocol

from sqlalchemy import text

from vod_app.catalog.database import Catalog
from vod_app.domain.records import SearchHit
from vod_app.domain.search_filters import SearchFilters  # re-exported: callers may import it from here

MAX_QUERY_CHARS = 512
MAX_TERMS = 12
MIN_PREFIX_CHARS = 3
# FTS5 ranks every match before LIMIT applies: a word in most of a 100,000-session catalog costs ~1 s.
# Past this many matches, relevance says little anyway: newest entries first, which FTS5 streams.
RANK_CAP = 5_000
_MARK_START, _MARK_END = "\x02", "\x03"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_WORD = re.compile(r"\w")


class SearchBackend(Protocol):
    """What the app needs from a search engine: :class:`SqliteSearch` (FTS5) or
    :class:`~vod_app.catalog.search_pg.PostgresSearch` (tsvector), chosen by :func:`search_backend`."""

    def search(
        self, query: str, filters: SearchFilters = ..., *, limit: int = 50, ui_lang: str = "en", prefix: bool = True
    ) -> list[SearchHit]: ...


def search_backend(catalog: Catalog) -> SearchBackend:
    """The catalog's search engine: FTS5 on SQLite, tsvector on PostgreSQL (imported only there)."""
    if catalog.engine.dialect.name == "postgresql":
        from vod_app.catalog.search_pg import PostgresSearch

        return PostgresSearch(catalog)
    return SqliteSearch(catalog)


def build_match(query: str, *, prefix: bool = True) -> str | None:
    """An FTS5 MATCH expression for what a person typed, or None when nothing is searchable.

    Every whitespace-separated chunk becomes a quoted phrase (FTS5 tokenises inside it), so no user
    text is ever read as query syntax. The last chunk is a prefix while the person is still typing.
    """
    q = _CONTROL.sub(" ", query[:MAX_QUERY_CHARS]).replace('"', " ")
    terms = [c for c in q.split() if _WORD.search(c.replace("_", ""))][:MAX_TERMS]
    if not terms:
        return None
    if prefix and not q[-1:].isspace():
        # The last word is still being typed. A 1-2 letter prefix ("global c", "whole-o") matches most
        # of the catalog and FTS5 ranks every match (~1 s at 100,000 sessions): wait for more letters.
        last = terms[-1]
        tokens = [t for t in re.split(r"[\W_]+", last) if t]
        if tokens and len(tokens[-1]) < MIN_PREFIX_CHARS:
            if len(tokens) > 1:
                terms[-1] = last[: last.rfind(tokens[-1])].rstrip()  # "whole-o" -> "whole-"
                prefix = False
            elif len(terms) > 1:
                terms.pop()
                prefix = False
            else:
                prefix = False  # a lone short word is searched as a whole word ("un", "EU")
    phrases = [f'"{t}"' for t in terms]
    if prefix and not q[-1:].isspace():
        phrases[-1] += "*"
    return " ".join(phrases)


def snippet_html(marked: str) -> str:
    """Escape a snippet and turn FTS markers into <b> tags: safe to show as rich text."""
    escaped = html.escape(marked.replace("\r", " ").replace("\n", " "), quote=False)
    return escaped.replace(_MARK_START, "<b>").replace(_MARK_END, "</b>")


_TEXT_HITS = """
SELECT t.owner_kind, t.owner_id, t.lang, t.title, s.id, s.uid, s.date, p.uid,
       bm25(texts_fts, 10.0, 1.0) AS score,
       {snippet} AS snip, t.id
FROM texts_fts
JOIN texts AS t ON t.id = texts_fts.rowid
LEFT JOIN panels AS p ON t.owner_kind = 'panel' AND p.id = t.owner_id
JOIN sessions AS s ON s.id = CASE t.owner_kind WHEN 'session' THEN t.owner_id ELSE p.session_id END
WHERE texts_fts MATCH :match AND t.owner_kind IN ('session', 'panel') {filters}
{order}
LIMIT :limit
"""

_CUE_HITS = """
SELECT c.recording_id, r.uid, c.start_ms, c.language, r.session_id, s.uid, s.date,
       bm25(cues_fts) AS score,
       snippet(cues_fts, 0, char(2), char(3), '…', 14) AS snip
FROM cues_fts
JOIN cues AS c ON c.id = cues_fts.rowid
JOIN recordings AS r ON r.id = c.recording_id
JOIN sessions AS s ON s.id = r.session_id
WHERE cues_fts MATCH :match {filters}
{order}
LIMIT :limit
"""


class SqliteSearch:
    """SQLite FTS5 implementation of :class:`SearchBackend`."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    def search(
        self,
        query: str,
        filters: SearchFilters = SearchFilters(),  # noqa: B008 - frozen dataclass, safe default
        *,
        limit: int = 50,
        ui_lang: str = "en",
        prefix: bool = True,
    ) -> list[SearchHit]:
        match = build_match(query, prefix=prefix)
        if match is None or limit <= 0:
            return []
        limit = min(limit, 500)
        params: dict[str, object] = {"limit": limit * 3}
        where = []
        if filters.event_uid is not None:
            where.append("AND s.event_id = (SELECT id FROM events WHERE uid = :event_uid)")
            params["event_uid"] = filters.event_uid
        if filters.year is not None:
            where.append("AND s.date >= :y0 AND s.date < :y1")
            params["y0"], params["y1"] = f"{filters.year:04d}-01-01", f"{filters.year + 1:04d}-01-01"
        text_where = list(where)
        cue_where = list(where)
        if filters.lang:
            text_where.append("AND (t.lang = :lang OR t.lang LIKE :lang_sub)")
            cue_where.append("AND (c.language = :lang OR c.language LIKE :lang_sub)")
            params["lang"], params["lang_sub"] = filters.lang, f"{filters.lang}-%"

        hits: list[SearchHit] = []
        seen: set[tuple[str, int]] = set()
        with self.catalog.read() as s:
            conn = s.connection()
            huge = _match_count(conn, "texts_fts", match) >= RANK_CAP
            # Both tiers show a piece of the description: the row already shows the title, and a title
            # hit's snippet used to be that title again.
            desc_snippet = "snippet(texts_fts, 1, char(2), char(3), '…', 16)"
            tiers = [(1, match, desc_snippet)]
            if not huge:
                # The title tier's column filter walks the term's whole doclist: only worth it (and only
                # cheap) when the match set is bounded. A huge set is shown newest first, untiered.
                tiers.insert(0, (0, f"{{title}} : ({match})", desc_snippet))
            for tier, m_expr, snippet in tiers:
                order = "ORDER BY texts_fts.rowid DESC" if huge else "ORDER BY score"
                sql = _TEXT_HITS.format(snippet=snippet, filters=" ".join(text_where), order=order)
                rows = _prefer_lang(conn.execute(text(sql), {**params, "match": m_expr}).all(), ui_lang)
                # The title tier's column filter leaves the description unmarked: mark it with the
                # whole query (a handful of rows, by rowid).
                marked = _description_snippets(conn, match, [r[10] for r in rows]) if tier == 0 else {}
                for kind, owner_id, lang, title, sid, suid, date, puid, score, snip, text_id in rows:
                    snip = marked.get(text_id, snip)
                    key = (kind, owner_id)
                    if key in seen:
                        continue
                    seen.add(key)
                    hits.append(
                        SearchHit(
                            kind=kind,
                            session_id=sid,
                            session_uid=suid,
                            title=title,
                            snippet=snippet_html(snip or ""),
                            lang=lang,
                            date=_to_date(date),
                            panel_id=owner_id if kind == "panel" else None,
                            panel_uid=puid,
                            tier=tier,
                            score=score,
                        )
                    )
                if len(hits) >= limit:
                    return hits[:limit]
            sql = _CUE_HITS.format(filters=" ".join(cue_where), order=_order(conn, "cues_fts", match))
            cue_rows = conn.execute(text(sql), {**params, "match": match, "limit": (limit - len(hits)) * 3}).all()
            cue_rows = _one_per_moment(cue_rows, ui_lang)[: limit - len(hits)]
            titles = _session_titles(conn, {r[4] for r in cue_rows}, ui_lang)
            for rid, ruid, start, lang, sid, suid, date, score, snip in cue_rows:
                hits.append(
                    SearchHit(
                        kind="cue",
                        session_id=sid,
                        session_uid=suid,
                        title=titles.get(sid, ""),
                        snippet=snippet_html(snip or ""),
                        lang=lang or "",
                        date=_to_date(date),
                        recording_id=rid,
                        recording_uid=ruid,
                        start_ms=start,
                        tier=2,
                        score=score,
                    )
                )
        return hits[:limit]


def _description_snippets(conn, match: str, text_ids: list[int]) -> dict[int, str]:  # noqa: ANN001
    """Description snippets, matches marked, of the texts ``text_ids`` where the query matches."""
    if not text_ids:
        return {}
    ids = ",".join(str(int(i)) for i in text_ids)
    rows = conn.execute(
        text(f"SELECT rowid, snippet(texts_fts, 1, char(2), char(3), '…', 16) FROM texts_fts "
             f"WHERE texts_fts MATCH :m AND rowid IN ({ids})"),
        {"m": match},
    ).all()
    return {rowid: snip for rowid, snip in rows if _MARK_START in (snip or "")}


def _match_count(conn, fts: str, match: str) -> int:  # noqa: ANN001
    """How many rows match, counted up to RANK_CAP (cheap: FTS5 stops early)."""
    return conn.execute(
        text(f"SELECT count(*) FROM (SELECT 1 FROM {fts} WHERE {fts} MATCH :m LIMIT :cap)"), {"m": match, "cap": RANK_CAP}
    ).scalar_one()


def _order(conn, fts: str, match: str) -> str:  # noqa: ANN001
    """Rank by bm25 unless the match set is huge (then newest first: cheap and bounded)."""
    return f"ORDER BY {fts}.rowid DESC" if _match_count(conn, fts, match) >= RANK_CAP else "ORDER BY score"


def _prefer_lang(rows: Sequence[tuple], ui_lang: str) -> list[tuple]:
    """The same owner matched in several languages: keep the viewer's language, else the best score."""
    best: dict[tuple[str, int], tuple] = {}
    order: list[tuple[str, int]] = []
    for row in rows:
        key = (row[0], row[1])
        cur = best.get(key)
        if cur is None:
            best[key] = row
            order.append(key)
        elif row[2] == ui_lang and cur[2] != ui_lang:
            best[key] = row
    return [best[k] for k in order]


def _one_per_moment(rows: Sequence[tuple], ui_lang: str) -> list[tuple]:
    """The same moment captioned in several languages: one hit, in the viewer's language if any."""
    best: dict[tuple[int, int], tuple] = {}
    for row in rows:
        key = (row[0], row[2])
        cur = best.get(key)
        if cur is None or (row[3] == ui_lang and cur[3] != ui_lang):
            best[key] = row
    return sorted(best.values(), key=lambda r: r[7])


def _session_titles(conn, session_ids: set[int], ui_lang: str) -> dict[int, str]:
    if not session_ids:
        return {}
    ids = ",".join(str(int(i)) for i in session_ids)
    rows = conn.execute(
        text(f"SELECT owner_id, lang, title FROM texts WHERE owner_kind = 'session' AND owner_id IN ({ids})")
    ).all()
    out: dict[int, str] = {}
    rank: dict[int, int] = {}
    for sid, lang, title in rows:
        r = 0 if lang == ui_lang else (1 if lang == "en" else 2)
        if sid not in rank or r < rank[sid]:
            out[sid], rank[sid] = title, r
    return out


def _to_date(value: object):  # noqa: ANN202 - date | None
    import datetime as dt

    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))

"""Full-text search over titles, descriptions (every language) and caption cues.

User text reaches FTS5 only through :func:`build_match`, which turns anything a person can type into
a query of quoted phrases (so operators, quotes, ``c++``, ``e-mail`` and ``10:30`` are just text).
Filters (event, year, language) are SQL around the FTS query, never inside it. Ranking: hits in
titles above hits in descriptions above hits in captions, bm25 within each tier.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Sequence
from typing import Any, Protocol

from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from vod_app.catalog.database import Catalog
from vod_app.catalog.search_narrowing import _Narrowing
from vod_app.catalog.search_snippets import _description_snippets, snippet_html, with_snippets
from vod_app.catalog.speaker_search import speaker_hits
from vod_app.domain.records import SearchHit
from vod_app.domain.search_filters import SearchFilters  # re-exported: callers may import it from here

MAX_QUERY_CHARS = 512
MAX_TERMS = 12
MIN_PREFIX_CHARS = 3
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_WORD = re.compile(r"\w")


class SearchBackend(Protocol):
    """What the app needs from a search engine: :class:`SqliteSearch` (FTS5) or
    :class:`~vod_app.catalog.search_pg.PostgresSearch` (tsvector), chosen by :func:`search_backend`."""

    def search(
        self, query: str, filters: SearchFilters = ..., *, limit: int = 50, ui_lang: str = "en", prefix: bool = True,
        snippets: int | None = None,
    ) -> list[SearchHit]:
        """The hits, best first; the snippets of the first ``snippets`` only (None: all), the others
        left for :meth:`snippets` (``SearchHit.snippet_of``)."""
        ...

    def snippets(self, query: str, hits: Sequence[SearchHit], *, prefix: bool = True) -> list[SearchHit]:
        """``hits`` (from ``search(query, prefix=prefix)``) with their snippets made, in the same order."""
        ...


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


# Text hits of one tier: titles_fts (tier 0, migration 0007: title doclists only) or texts_fts (tier 1).
# Snippets are made afterwards for the rows shown (_description_snippets), not by FTS5 for every match.
_TEXT_HITS = """
SELECT t.owner_kind, t.owner_id, t.lang, t.title, s.id, s.uid, s.date, p.uid,
       {score} AS score, NULL AS snip, t.id
FROM {fts}
JOIN texts AS t ON t.id = {fts}.rowid
LEFT JOIN panels AS p ON t.owner_kind = 'panel' AND p.id = t.owner_id
JOIN sessions AS s ON s.id = CASE t.owner_kind WHEN 'session' THEN t.owner_id ELSE p.session_id END
WHERE {fts} MATCH :match AND t.owner_kind IN ('session', 'panel') {filters}
{order}
LIMIT :limit
"""

# Without filters: bm25 for the newest RANK_WINDOW matches only (FTS5 streams matches newest first
# cheaply; bm25 costs a lookup per match: ~20-30 ms for 5,000 at 100,000 sessions), and only the best
# :limit of them joined to texts/sessions (three row lookups each: ~10 ms for a whole window). Event
# texts are dropped after that cut: the last column (the window's size) tells the caller when one was
# among the best, and the whole window is joined instead. Equal scores stay newest first.
_TEXT_HITS_WINDOW = """
SELECT t.owner_kind, t.owner_id, t.lang, t.title, s.id, s.uid, s.date, p.uid, m.score, NULL AS snip, t.id, m.n
FROM (SELECT rid, score, n FROM (SELECT rid, score, count(*) OVER () AS n
                                 FROM (SELECT rowid AS rid, {score} AS score FROM {fts} WHERE {fts} MATCH :match {filters}
                                       ORDER BY rowid DESC LIMIT :window))
      ORDER BY score, rid DESC LIMIT :limit) AS m
JOIN texts AS t ON t.id = m.rid
LEFT JOIN panels AS p ON t.owner_kind = 'panel' AND p.id = t.owner_id
JOIN sessions AS s ON s.id = CASE t.owner_kind WHEN 'session' THEN t.owner_id ELSE p.session_id END
WHERE t.owner_kind IN ('session', 'panel')
ORDER BY m.score, m.rid DESC
"""
# A huge match set, without filters: the newest :limit matches, unranked (score 0, as on PostgreSQL).
# bm25 would cost more than the rest of the query: its first call reads every phrase's whole doclist
# (a word like "and" is in every description) for the collection statistics.
_TEXT_HITS_NEWEST = """
SELECT t.owner_kind, t.owner_id, t.lang, t.title, s.id, s.uid, s.date, p.uid, 0.0 AS score, NULL AS snip, t.id
FROM (SELECT rowid AS rid FROM {fts} WHERE {fts} MATCH :match {filters} ORDER BY rowid DESC LIMIT :limit) AS m
JOIN texts AS t ON t.id = m.rid
LEFT JOIN panels AS p ON t.owner_kind = 'panel' AND p.id = t.owner_id
JOIN sessions AS s ON s.id = CASE t.owner_kind WHEN 'session' THEN t.owner_id ELSE p.session_id END
WHERE t.owner_kind IN ('session', 'panel')
ORDER BY m.rid DESC
"""
_SCORES = {"titles_fts": "bm25(titles_fts)", "texts_fts": "bm25(texts_fts, 10.0, 1.0)"}
RANK_WINDOW = 1_000

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


class SearchInterrupted(Exception):
    """The search was superseded (:meth:`SqliteSearch.interrupt`) before it finished."""


class _Run:
    """One search in progress: its DB-API connection, so another thread can interrupt it in SQLite."""

    def __init__(self) -> None:
        self.dbapi: Any = None
        self.cancelled = False

    def check(self) -> None:
        if self.cancelled:
            raise SearchInterrupted


class SqliteSearch:
    """SQLite FTS5 implementation of :class:`SearchBackend`.

    ``interrupt()`` (any thread) stops the searches in progress inside SQLite: search as you type
    supersedes a keystroke's query with the next one, and an FTS5 query on a common prefix can run
    for a second at 100,000 sessions. While the same words are being typed, the previous keystroke's
    match sets are narrowed instead of searched again (see :class:`_Narrowing`).
    """

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._lock = threading.Lock()
        self._runs: set[_Run] = set()
        self._narrowing = _Narrowing()

    def interrupt(self) -> None:
        """Stop every search in progress; each raises :class:`SearchInterrupted`. Thread-safe."""
        with self._lock:
            for run in self._runs:
                run.cancelled = True
                if run.dbapi is not None:
                    run.dbapi.interrupt()  # sqlite3: safe from any thread; a no-op between statements

    def search(
        self,
        query: str,
        filters: SearchFilters = SearchFilters(),  # noqa: B008 - frozen dataclass, safe default
        *,
        limit: int = 50,
        ui_lang: str = "en",
        prefix: bool = True,
        snippets: int | None = None,
    ) -> list[SearchHit]:
        match = build_match(query, prefix=prefix)
        if match is None or limit <= 0:
            return []
        run = _Run()
        with self._lock:
            self._runs.add(run)
        try:
            with self.catalog.read_connection() as conn:
                with self._lock:
                    run.dbapi = conn.connection.driver_connection
                    if run.cancelled:
                        raise SearchInterrupted
                try:
                    people = speaker_hits(conn, query, filters, limit=limit, prefix=prefix, ui_lang=ui_lang)  # names first (speaker_search.py)
                    limit = min(limit, 500) - len(people)
                    made = limit if snippets is None else snippets - len(people)
                    return people + self._search(conn, run, match, filters, limit, ui_lang, made)
                except OperationalError as exc:
                    if run.cancelled or "interrupted" in str(exc):
                        raise SearchInterrupted from exc
                    raise
                finally:
                    with self._lock:
                        run.dbapi = None
        finally:
            with self._lock:
                self._runs.discard(run)

    def snippets(self, query: str, hits: Sequence[SearchHit], *, prefix: bool = True) -> list[SearchHit]:
        """See :meth:`SearchBackend.snippets`: description snippets, made from the text (cues have theirs)."""
        pending = [h.snippet_of for h in hits if h.snippet_of is not None]
        match = build_match(query, prefix=prefix)
        if not pending or match is None:
            return list(hits)
        with self.catalog.read_connection() as conn:
            marked = _description_snippets(conn, match, pending)
        return with_snippets(hits, {tid: snippet_html(m) for tid, m in marked.items()})

    def _search(self, conn, run: _Run, match: str, filters: SearchFilters, limit: int, ui_lang: str,  # noqa: ANN001
                made: int) -> list[SearchHit]:
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
        sets = self._narrowing.begin(match)

        hits: list[SearchHit] = []
        seen: set[tuple[str, int]] = set()
        for tier, fts in ((0, "titles_fts"), (1, "texts_fts")):
            run.check()
            cand = sets.candidates(conn, fts, match)
            run.check()
            bounds = cand.sql_filter(fts)
            # A huge match set is shown newest first (FTS5 streams it); a bounded one by bm25.
            if text_where:
                order = f"ORDER BY {fts}.rowid DESC" if cand.huge else "ORDER BY score"
                sql = _TEXT_HITS.format(score=_SCORES[fts], fts=fts, filters=" ".join(text_where) + bounds, order=order)
            else:
                sql = (_TEXT_HITS_NEWEST if cand.huge else _TEXT_HITS_WINDOW).format(score=_SCORES[fts], fts=fts, filters=bounds)
            args = {**params, **cand.params, "match": match, "window": RANK_WINDOW}
            # exec_driver_sql: the statement straight to sqlite3 (named parameters, bound as ever), without
            # text()'s compilation and cache key: ~40 µs a statement, 6 statements a keystroke.
            found = [] if cand.empty else conn.exec_driver_sql(sql, args).all()
            if not text_where and not cand.huge and _window_cut_too_much(found, params["limit"], cand):
                found = conn.exec_driver_sql(sql, {**args, "limit": RANK_WINDOW}).all()[: params["limit"]]  # the whole window, then the cut
            rows = _prefer_lang(found, ui_lang)  # (a window's rows have its size as a 12th column)
            run.check()
            fresh = []
            room = limit - len(hits)
            for row in rows:
                if len(fresh) >= room:
                    break
                if (key := (row[0], row[1])) not in seen:
                    seen.add(key)
                    fresh.append(row)
            # Snippets for the first ``made`` hits (the first screen); the others when shown (snippets()).
            marked = _description_snippets(conn, match, [r[10] for r in fresh[: max(0, made - len(hits))]])
            for kind, owner_id, lang, title, sid, suid, date, puid, score, _snip, text_id, *_n in fresh:
                hits.append(
                    SearchHit(
                        kind=kind,
                        session_id=sid,
                        session_uid=suid,
                        title=title,
                        snippet=snippet_html(marked[text_id]) if text_id in marked else "",
                        lang=lang,
                        date=_to_date(date),
                        panel_id=owner_id if kind == "panel" else None,
                        panel_uid=puid,
                        tier=tier,
                        score=score,
                        snippet_of=None if text_id in marked else text_id,
                    )
                )
            if len(hits) >= limit:
                return hits[:limit]
        run.check()
        cand = sets.candidates(conn, "cues_fts", match)
        order = "ORDER BY cues_fts.rowid DESC" if cand.huge else "ORDER BY score"
        sql = _CUE_HITS.format(filters=" ".join(cue_where) + cand.sql_filter("cues_fts"), order=order)
        cue_rows = [] if cand.empty else conn.execute(text(sql), {**params, **cand.params, "match": match, "limit": (limit - len(hits)) * 3}).all()
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


def _window_cut_too_much(found: Sequence[tuple], limit: int, cand: object) -> bool:
    """True when rows the window kept were dropped after its LIMIT (event texts), so fewer than
    ``limit`` came back although the window held more (its size is each row's last column)."""
    if len(found) >= limit:
        return False
    if found:
        return found[0][11] > limit
    return cand.maybe_more_than(limit)  # type: ignore[attr-defined]


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


@functools.lru_cache(maxsize=4_096)  # a keystroke's 100 hits: the same dates again and again (frozen values)
def _to_date(value: object):  # noqa: ANN202 - date | None
    import datetime as dt

    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))

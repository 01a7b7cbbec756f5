"""Full-text search over titles, descriptions (every language) and caption cues.

User text reaches FTS5 only through :func:`build_match`, which turns anything a person can type into
a query of quoted phrases (so operators, quotes, ``c++``, ``e-mail`` and ``10:30`` are just text).
Filters (event, year, language) are SQL around the FTS query, never inside it. Ranking: hits in
titles above hits in descriptions above hits in captions, bm25 within each tier.
"""

from __future__ import annotations

import functools
import html
import itertools
import re
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from vod_app.catalog.database import Catalog
from vod_app.domain.records import SearchHit

MAX_QUERY_CHARS = 512
MAX_TERMS = 12
MIN_PREFIX_CHARS = 3
# FTS5 ranks every match before LIMIT applies: a word in most of a 100,000-session catalog costs ~1 s.
# Past this many matches, relevance says little anyway: newest entries first, which FTS5 streams.
RANK_CAP = 5_000
_MARK_START, _MARK_END = "\x02", "\x03"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_WORD = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class SearchFilters:
    lang: str | None = None  # language of the text or caption matched
    event_uid: str | None = None
    year: int | None = None


class SearchBackend(Protocol):
    """What the app needs from a search engine (SQLite FTS5 now; PostgreSQL can follow)."""

    def search(
        self, query: str, filters: SearchFilters = ..., *, limit: int = 50, ui_lang: str = "en", prefix: bool = True
    ) -> list[SearchHit]: ...


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


# Text hits of one tier: titles_fts (tier 0, migration 0006: title doclists only) or texts_fts (tier 1).
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
# cheaply; bm25 costs a lookup per match: ~20-30 ms for 5,000 at 100,000 sessions), joined after.
_TEXT_HITS_WINDOW = """
SELECT t.owner_kind, t.owner_id, t.lang, t.title, s.id, s.uid, s.date, p.uid, m.score, NULL AS snip, t.id
FROM (SELECT rowid AS rid, {score} AS score FROM {fts} WHERE {fts} MATCH :match {filters}
      ORDER BY rowid DESC LIMIT :window) AS m
JOIN texts AS t ON t.id = m.rid
LEFT JOIN panels AS p ON t.owner_kind = 'panel' AND p.id = t.owner_id
JOIN sessions AS s ON s.id = CASE t.owner_kind WHEN 'session' THEN t.owner_id ELSE p.session_id END
WHERE t.owner_kind IN ('session', 'panel')
ORDER BY m.score
LIMIT :limit
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
    ) -> list[SearchHit]:
        match = build_match(query, prefix=prefix)
        if match is None or limit <= 0:
            return []
        run = _Run()
        with self._lock:
            self._runs.add(run)
        try:
            with self.catalog.read() as s:
                conn = s.connection()
                with self._lock:
                    run.dbapi = conn.connection.driver_connection
                    if run.cancelled:
                        raise SearchInterrupted
                try:
                    return self._search(conn, run, match, filters, min(limit, 500), ui_lang)
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

    def _search(self, conn, run: _Run, match: str, filters: SearchFilters, limit: int, ui_lang: str) -> list[SearchHit]:  # noqa: ANN001
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
            if not cand.huge and not text_where:
                sql = _TEXT_HITS_WINDOW.format(score=_SCORES[fts], fts=fts, filters=bounds)
            else:
                # A huge match set is shown newest first (FTS5 streams it); a bounded one by bm25.
                order = f"ORDER BY {fts}.rowid DESC" if cand.huge else "ORDER BY score"
                sql = _TEXT_HITS.format(score=_SCORES[fts], fts=fts, filters=" ".join(text_where) + bounds, order=order)
            args = {**params, **cand.params, "match": match, "window": RANK_WINDOW}
            rows = [] if cand.empty else _prefer_lang(conn.execute(text(sql), args).all(), ui_lang)
            run.check()
            fresh = []
            for row in rows:
                if (row[0], row[1]) not in seen and len(hits) + len(fresh) < limit:
                    seen.add((row[0], row[1]))
                    fresh.append(row)
            marked = _description_snippets(conn, match, fresh)
            for kind, owner_id, lang, title, sid, suid, date, puid, score, snip, text_id in fresh:
                hits.append(
                    SearchHit(
                        kind=kind,
                        session_id=sid,
                        session_uid=suid,
                        title=title,
                        snippet=snippet_html(marked.get(text_id, snip) or ""),
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


_EXCERPT_TOKENS = 16


def _description_snippets(conn, match: str, rows: Sequence[tuple]) -> dict[int, str]:  # noqa: ANN001
    """Description snippets of the hits shown, the query's words marked, made here from the text.

    Not with FTS5's snippet(): in the ranked query it runs for every match before LIMIT, and for a
    title hit it needs ``MATCH`` plus ``rowid IN (...)``, which FTS5 answers with one seek per id,
    expanding a long prefix again each time (4 s for 100 rows at 100,000 sessions, ``"climat"*``).
    """
    if not rows:
        return {}
    ids = ",".join(str(int(r[10])) for r in rows)
    words = _query_words(match)
    out: dict[int, str] = {}
    for tid, desc in conn.execute(text(f"SELECT id, substr(description, 1, 2000) FROM texts WHERE id IN ({ids})")):
        out[tid] = _mark(desc or "", words)
    return out


_TOKEN = re.compile(r"[^\W_]+")


@functools.lru_cache(maxsize=65_536)  # words repeat (Zipf): folded once each
def _fold(word: str) -> str:
    """Case and accents away, as FTS5's unicode61 tokenizer with remove_diacritics 2 does."""
    if word.isascii():
        return word.lower()
    import unicodedata  # here, not at start-up: most words are ASCII

    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c))


Phrase = tuple[tuple[str, bool], ...]  # (folded token, is a prefix), in order


def _query_words(match: str) -> list[Phrase]:
    """The phrases of a build_match expression: each a run of folded tokens, the last maybe a prefix."""
    out: list[Phrase] = []
    for body, star in re.findall(r'"([^"]*)"(\*?)', match):
        tokens = [_fold(t) for t in _TOKEN.findall(body)]
        if tokens:
            out.append(tuple((t, bool(star) and i == len(tokens) - 1) for i, t in enumerate(tokens)))
    return out


_MARKS = re.compile("[\u0300-\u036f]")
@functools.cache  # built on the first snippet, not at import (start-up)
def _latin() -> dict[int, str]:
    """Latin letters with diacritics -> their base letter, one character for one (offsets are kept)."""
    import unicodedata

    return {
        c: base
        for c in range(0xC0, 0x250)
        if len(base := _MARKS.sub("", unicodedata.normalize("NFKD", chr(c)))) == 1 and base != chr(c)
    }


def _phrase_hits(desc: str, start: int, count: int, phrases: list[Phrase]) -> tuple[list[tuple[int, int, str]], list[int]]:
    """Up to ``count`` words of ``desc`` from ``start``, and for each the phrase match it is in (0: none)."""
    spans = [(m.start(), m.end(), _fold(m.group())) for m in itertools.islice(_TOKEN.finditer(desc, start), count)]
    hit = [0] * len(spans)
    n = 0
    for ph in phrases:
        t0, p0 = ph[0]
        for i, (_s, _e, w) in enumerate(spans):
            if (w == t0 or (p0 and w.startswith(t0))) and i + len(ph) <= len(spans) and all(
                w2 == t or (p and w2.startswith(t)) for (t, p), (_s2, _e2, w2) in zip(ph[1:], spans[i + 1 : i + len(ph)], strict=True)
            ):
                n += 1
                hit[i : i + len(ph)] = [n] * len(ph)
    return spans, hit


def _mark(desc: str, phrases: list[Phrase], size: int = 16) -> str:
    """About ``size`` words of ``desc`` from a little before the query's first match, matches marked
    as FTS5 would: a phrase where its words follow one another, one mark over consecutive words."""
    # Cheap tests first (C speed): most title hits' descriptions do not contain the query at all, and
    # in Latin text (folding keeps offsets) the first match is found without tokenising up to it.
    folded = desc.translate(_latin()).lower()
    same = len(folded) == len(desc)
    if not same:
        import unicodedata

        folded = _MARKS.sub("", unicodedata.normalize("NFKD", desc.casefold()))
    present = any(ph[0][0] in folded for ph in phrases)
    start = 0
    if present and same:
        found = [m.start() for ph in phrases if (m := re.search(r"(?<![^\W_])" + re.escape(ph[0][0]), folded))]
        if found and min(found) > 48:
            start = desc.rfind(" ", 0, min(found) - 48) + 1
    # Usually the first match is among the first few words from ``start``: look further only if not.
    for count in ((size * 3, 400) if present else (size,)):
        spans, hit = _phrase_hits(desc, start, count, phrases if present else [])
        if any(hit) or len(spans) < count:
            break
    first = next((i for i, h in enumerate(hit) if h), 0)
    lo = max(0, min(first - size // 4, len(spans) - size))
    window = range(lo, min(len(spans), lo + size))
    if not window:
        return ""
    parts, pos, open_ = [], spans[window[0]][0], 0
    for i in window:
        s, e, _w = spans[i]
        if open_ and hit[i] != open_:
            parts.append(_MARK_END)
            open_ = 0
        parts.append(desc[pos:s])
        if hit[i] and not open_:
            parts.append(_MARK_START)
            open_ = hit[i]
        parts.append(desc[s:e])
        pos = e
    if open_:
        parts.append(_MARK_END)
    more = _TOKEN.search(desc, spans[window[-1]][1]) is not None
    before = spans[window[0]][0] > 0 and _TOKEN.search(desc, 0, spans[window[0]][0]) is not None
    return ("…" if before else "") + "".join(parts) + ("…" if more else "")


# A complete match set up to this size is kept for the next keystroke (ids only: ~40 kB).
NARROW_CAP = RANK_CAP


def narrows(previous: str | None, match: str) -> bool:
    """True when every row ``match`` finds is among those ``previous`` found (both from build_match).

    Two ways the person keeps typing: the last word grows while still a prefix (``"glo"*`` then
    ``"glob"*``: the old phrase's text is a prefix of the new one's, and tokenising from the left can
    only lengthen its last token or add tokens), or another word follows (an extra AND).
    """
    if previous is None:
        return False
    if match == previous or match.startswith(previous + " "):
        return True
    # previous[:-2] ends inside its last (prefix) phrase: whatever follows in ``match`` lengthens that
    # phrase, ends it as a whole word, or adds phrases; phrases never contain spaces (build_match).
    return previous.endswith('"*') and match.startswith(previous[:-2])


class _Candidates:
    """One FTS table's rows for this keystroke: huge (ranking skipped), or bounded by the previous
    keystroke's complete match set when narrowing (``ids``). A plain class: @dataclass costs ~1 ms of
    start-up for each class it makes."""

    __slots__ = ("huge", "ids", "params")

    def __init__(self, huge: bool, ids: list[int] | None = None) -> None:
        self.huge, self.ids = huge, ids
        self.params: dict[str, object] = {}

    @property
    def empty(self) -> bool:
        return self.ids is not None and not self.ids

    def sql_filter(self, fts: str) -> str:
        # FTS5 uses a rowid range to bound its doclist walk (a rowid IN list would be one seek per id,
        # re-expanding a long prefix each time: 30 s for 4,800 ids at 100,000 sessions).
        if not self.ids:
            return ""
        self.params = {f"lo_{fts}": self.ids[0], f"hi_{fts}": self.ids[-1]}
        return f" AND {fts}.rowid BETWEEN :lo_{fts} AND :hi_{fts}"


class _Narrowing:
    """The previous keystroke's complete match sets, per FTS table, while the same words are typed."""

    # Kept only while someone types: a catalog changed by an import meanwhile is searched afresh soon.
    TTL_S = 10.0

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._match: str | None = None
        self._sets: dict[str, list[int] | None] = {}
        self._at = 0.0

    def begin(self, match: str) -> _Keystroke:
        now = time.monotonic()
        with self._lock:
            fresh = now - self._at <= self.TTL_S
            inherited = dict(self._sets) if fresh and narrows(self._match, match) else {}
            self._match, self._sets, self._at = match, {}, now
        return _Keystroke(self, match, inherited)

    def forget(self) -> None:
        with self._lock:
            self._match, self._sets = None, {}

    def _keep(self, match: str, fts: str, ids: list[int] | None) -> None:
        with self._lock:
            if self._match == match:
                self._sets[fts] = ids


class _Keystroke:
    def __init__(self, owner: _Narrowing, match: str, inherited: dict[str, list[int] | None]) -> None:
        self.owner, self.match, self.inherited = owner, match, inherited

    def candidates(self, conn, fts: str, match: str) -> _Candidates:  # noqa: ANN001
        old = self.inherited.get(fts)
        if old is not None:
            # Narrowing: this keystroke's rows are among the previous one's: no count, bounded ranking
            # (fewer than RANK_CAP), nothing at all when there were none, and their rowid range bounds
            # the walk. The superset stays valid for the next keystroke as long as it keeps narrowing.
            self.owner._keep(match, fts, old)
            return _Candidates(huge=False, ids=old)
        ids = conn.execute(text(f"SELECT rowid FROM {fts} WHERE {fts} MATCH :m LIMIT :cap"),
                           {"m": match, "cap": NARROW_CAP}).scalars().all()
        ids.sort()
        huge = len(ids) >= RANK_CAP
        self.owner._keep(match, fts, None if len(ids) >= NARROW_CAP else ids)
        return _Candidates(huge=huge)


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

"""Full-text search on a PostgreSQL catalog: the :class:`SearchBackend` of a shared catalog.

The same contract as :class:`~vod_app.catalog.search.SqliteSearch`: titles above descriptions above
captions, accents ignored, the last word a prefix while typing, snippets with the matches marked,
caption hits with their recording and time, filters as SQL around the match.

User text becomes a tsquery in one place, :func:`build_tsquery`: every chunk is reduced to its word
tokens (letters and digits only, so no tsquery syntax can survive), quoted, and joined with the
phrase operator; the resulting text is a bound parameter of ``to_tsquery``, never part of the SQL.
The query is parsed with every configuration a text may be indexed with (migration 0001: english,
french, spanish, each with unaccent, and an unstemmed 'simple' one for prefixes) and the results
ORed, so a French description is matched with French stemming and an English one with English.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy import text

from vod_app.catalog.database import Catalog
from vod_app.catalog.search import (
    _CONTROL,
    MAX_QUERY_CHARS,
    MAX_TERMS,
    MIN_PREFIX_CHARS,
    SearchFilters,
    _one_per_moment,
    _session_titles,
    _to_date,
    snippet_html,
)
from vod_app.catalog.search_pg_narrowing import PgNarrowing
from vod_app.catalog.search_pg_snippets import _HEADLINE_OPTS, _cue_snippets, _text_snippets
from vod_app.catalog.search_pg_sql import (
    _Q,
    CONFIGS,
    _match_count,
    _parsed,
    _probe,
)
from vod_app.catalog.search_pg_tiers import (
    BITMAP_MAX_MATCHES,
    PG_RANK_CAP,
    PROBE_ROWS,
    _probably_huge,
    _Tier,
    _tier_rows,
)
from vod_app.catalog.search_snippets import with_snippets
from vod_app.catalog.speaker_search import speaker_hits
from vod_app.domain.records import SearchHit

_TOKEN = re.compile(r"[^\W_]+")
# The query parsed with every configuration, ORed: one constant tsquery, so the GIN index serves it.
_TSQ = " || ".join(f"to_tsquery('{c}', :tsq)" for c in CONFIGS)

def build_tsquery(query: str, *, prefix: bool = True) -> str | None:
    """The tsquery text for what a person typed, or None when nothing is searchable.

    Each whitespace-separated chunk becomes a quoted phrase of its word tokens ('whole-of-government'
    -> 'whole' <-> 'of' <-> 'government'), chunks are ANDed, and the last token is a prefix (``:*``)
    while the person is still typing, once it has MIN_PREFIX_CHARS letters (as build_match).
    """
    q = _CONTROL.sub(" ", query[:MAX_QUERY_CHARS])
    chunks = [toks for toks in (_TOKEN.findall(c) for c in q.split()) if toks][:MAX_TERMS]
    if not chunks:
        return None
    typing = prefix and not q[-1:].isspace()
    if typing and len(chunks[-1][-1]) < MIN_PREFIX_CHARS:
        # A 1-2 letter prefix matches most of the catalog: drop it while more letters come (a lone
        # short word is searched whole).
        if len(chunks[-1]) > 1:
            chunks[-1] = chunks[-1][:-1]
        elif len(chunks) > 1:
            chunks.pop()
        typing = False
    parts = []
    for i, toks in enumerate(chunks):
        quoted = [f"'{t}'" for t in toks]
        if typing and i == len(chunks) - 1:
            quoted[-1] += ":*"
        parts.append(quoted[0] if len(quoted) == 1 else "(" + " <-> ".join(quoted) + ")")
    return " & ".join(parts)


# Text hits of one tier: titles through title_tsv (tier 0, migration 0010: title postings only), then
# titles and descriptions through text_terms (0011) less the title matches (tier 1). Ranked on the
# index's matches; the snippets (ts_headline re-parses a description: the costly part) only for the
# rows kept.
_CUE_HITS = """
WITH q AS (SELECT ({tsq}) AS tsq),
hit AS (
  SELECT c.id, {score} AS score
  FROM q, cues AS c
  JOIN recordings AS r ON r.id = c.recording_id
  JOIN sessions AS s ON s.id = r.session_id
  WHERE c.tsv @@ q.tsq {filters}
  {order}
  LIMIT :limit
)
SELECT c.recording_id, r.uid, c.start_ms, c.language, r.session_id, s.uid, s.date, hit.score,
       c.id
FROM hit CROSS JOIN q
JOIN cues AS c ON c.id = hit.id
JOIN recordings AS r ON r.id = c.recording_id
JOIN sessions AS s ON s.id = r.session_id
{order_out}
"""


class PostgresSearch:
    """PostgreSQL tsvector implementation of :class:`~vod_app.catalog.search.SearchBackend`."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._narrowing = PgNarrowing()  # search as you type: the previous keystroke's rows

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
        tsq = build_tsquery(query, prefix=prefix)
        if tsq is None or limit <= 0:
            return []
        limit = min(limit, 500)
        made = limit if snippets is None else snippets  # ts_headline for the first ``made`` hits only
        params: dict[str, object] = {"hl": _HEADLINE_OPTS, "limit": limit * 3}
        where = []
        if filters.event_uid is not None:
            where.append("AND s.event_id = (SELECT id FROM events WHERE uid = :event_uid)")
            params["event_uid"] = filters.event_uid
        if filters.year is not None:
            where.append("AND s.date >= CAST(:y0 AS date) AND s.date < CAST(:y1 AS date)")
            params["y0"], params["y1"] = f"{filters.year:04d}-01-01", f"{filters.year + 1:04d}-01-01"
        text_where, cue_where = list(where), list(where)
        if filters.lang:
            text_where.append("AND (t.lang = :lang OR t.lang LIKE :lang_sub)")
            cue_where.append("AND (c.language = :lang OR c.language LIKE :lang_sub)")
            params["lang"], params["lang_sub"] = filters.lang, f"{filters.lang}-%"

        hits: list[SearchHit] = []
        seen: set[tuple[str, int]] = set()
        with self.catalog.read() as s:
            conn = s.connection()
            hits.extend(speaker_hits(conn, query, filters, limit=limit, prefix=prefix, ui_lang=ui_lang))  # names first (speaker_search.py)
            # psycopg prepares a statement run 5 times, and PostgreSQL may then plan it once for any
            # tsquery: a generic plan reads the GIN bitmap of a prefix found in every panel title
            # (~300 ms for 'pan':* at 5,000 sessions) where the plan for the value walks the newest rows.
            conn.exec_driver_sql("SET LOCAL plan_cache_mode = force_custom_plan")
            q = params["q"] = _parsed(conn, tsq)
            if q is None:
                return hits[:limit]
            inherited = self._narrowing.begin()
            for tier in (0, 1):
                t = _Tier(tier, q, inherited, self._narrowing)
                fresh = _tier_rows(conn, t, params, " ".join(text_where), limit - len(hits), seen, ui_lang)
                snips = _text_snippets(conn, q, [r[10] for r in fresh[: max(0, made - len(hits))]])
                for kind, owner_id, lang, title, sid, suid, date, puid, score, _none, tid in fresh:
                    hits.append(
                        SearchHit(
                            kind=kind,
                            session_id=sid,
                            session_uid=suid,
                            title=title,
                            snippet=snips.get(tid, ""),
                            lang=lang,
                            date=_to_date(date),
                            panel_id=owner_id if kind == "panel" else None,
                            panel_uid=puid,
                            tier=tier,
                            score=-float(score),
                            snippet_of=None if tid in snips else tid,
                        )
                    )
                if len(hits) >= limit:
                    break
            if len(hits) >= limit:
                return hits[:limit]
            cue_huge, cue_walk = _huge_and_newest(conn, "cues", "tsv", PROBE_ROWS, q)
            cue_newest = "c.id" if cue_walk else "c.id + 0"
            cue_order = f"ORDER BY {cue_newest} DESC" if cue_huge else "ORDER BY score, c.id"
            cue_out = "ORDER BY c.id DESC" if cue_huge else "ORDER BY hit.score, c.id"
            sql = _CUE_HITS.format(tsq=_Q, filters=" ".join(cue_where), order=cue_order, order_out=cue_out,
                                   score="0" if cue_huge else "-ts_rank(c.tsv, q.tsq)")
            cue_rows = conn.execute(text(sql), {**params, "limit": (limit - len(hits)) * 3}).all()
            cue_rows = _one_per_moment(cue_rows, ui_lang)[: limit - len(hits)]
            titles = _session_titles(conn, {r[4] for r in cue_rows}, ui_lang)
            cue_snips = _cue_snippets(conn, q, [r[8] for r in cue_rows[: max(0, made - len(hits))]])
            for rid, ruid, start, lang, sid, suid, date, score, cue_id in cue_rows:
                hits.append(
                    SearchHit(
                        kind="cue",
                        session_id=sid,
                        session_uid=suid,
                        title=titles.get(sid, ""),
                        snippet=cue_snips.get(cue_id, ""),
                        lang=lang or "",
                        date=_to_date(date),
                        recording_id=rid,
                        recording_uid=ruid,
                        start_ms=start,
                        tier=2,
                        score=float(score),
                        snippet_of=None if cue_id in cue_snips else cue_id,
                    )
                )
        return hits[:limit]

    def snippets(self, query: str, hits: Sequence[SearchHit], *, prefix: bool = True) -> list[SearchHit]:
        """See :meth:`~vod_app.catalog.search.SearchBackend.snippets`: ts_headline of the hits given."""
        texts = [h.snippet_of for h in hits if h.snippet_of is not None and h.kind != "cue"]
        cues = [h.snippet_of for h in hits if h.snippet_of is not None and h.kind == "cue"]
        tsq = build_tsquery(query, prefix=prefix)
        if tsq is None or not (texts or cues):
            return list(hits)
        with self.catalog.read() as s:
            conn = s.connection()
            q = _parsed(conn, tsq)
            if q is None:
                return list(hits)
            made_texts, made_cues = _text_snippets(conn, q, texts), _cue_snippets(conn, q, cues)
        return [h if h.snippet_of is None else with_snippets([h], made_cues if h.kind == "cue" else made_texts)[0] for h in hits]

    def cue_moments(self, session_id: int, query: str, limit: int = 50) -> list[tuple[int, int, str, str]]:
        """(recording_id, start_ms, language, snippet html) of a session's caption moments matching ``query``."""
        tsq = build_tsquery(query)
        if tsq is None:
            return []
        sql = f"""
            WITH q AS (SELECT ({_TSQ}) AS tsq)
            SELECT c.recording_id, c.start_ms, c.language, ts_headline(vod_ts_config(c.language), c.text, q.tsq, :hl)
            FROM q, cues AS c JOIN recordings AS r ON r.id = c.recording_id
            WHERE c.tsv @@ q.tsq AND r.session_id = :sid
            ORDER BY c.recording_id, c.start_ms LIMIT :limit"""
        with self.catalog.read() as s:
            rows = s.execute(text(sql), {"tsq": tsq, "hl": _HEADLINE_OPTS, "sid": session_id, "limit": limit}).all()
        return [(rid, start, lang or "", snippet_html(snip or "")) for rid, start, lang, snip in rows]


def _huge_and_newest(conn, table: str, column: str, n: int, q: str) -> tuple[bool, bool]:  # noqa: ANN001
    """For captions: whether the match set is huge (>= PG_RANK_CAP), and whether its newest rows
    are found by walking the primary key backwards (else the GIN bitmap): the probe, then, when
    it does not say huge, the capped count (the GIN index)."""
    hits, read, rows, _top = _probe(conn, table, column, q, n)
    huge = _probably_huge(hits, read, rows, n) or (read >= n and _match_count(conn, table, column, q, PG_RANK_CAP) >= PG_RANK_CAP)
    return huge, hits * rows / max(read, 1) >= BITMAP_MAX_MATCHES


__all__: Sequence[str] = ("PostgresSearch", "build_tsquery")

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
    _prefer_lang,
    _session_titles,
    _to_date,
    snippet_html,
)
from vod_app.catalog.search_snippets import with_snippets
from vod_app.catalog.speaker_search import speaker_hits
from vod_app.domain.records import SearchHit

_TOKEN = re.compile(r"[^\W_]+")
CONFIGS = ("vod_simple", "vod_english", "vod_french", "vod_spanish")
# The query parsed with every configuration, ORed: one constant tsquery, so the GIN index serves it.
_TSQ = " || ".join(f"to_tsquery('{c}', :tsq)" for c in CONFIGS)
# ts_headline marks with the same control characters as FTS5's snippet() (snippet_html turns them
# into <b>): they cannot occur in stored text shown to people.
_HEADLINE_OPTS = "StartSel=\x02, StopSel=\x03, MaxWords=16, MinWords=6, MaxFragments=1, FragmentDelimiter=…, ShortWord=2"


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


# Ranked on the whole vector (title weight A, description B) in both tiers, as before migration 0010.
_TEXT_SCORE = "ts_rank('{0, 0, 0.1, 1.0}', t.tsv, q.tsq, 1)"
# Past this many matches ranking reads every match's vector (ts_rank): newest first instead.
PG_RANK_CAP = 1_000
# Text hits of one tier: titles through title_tsv (tier 0, migration 0010: title postings only), then
# titles and descriptions through tsv less the title matches (tier 1). Ranked on the index's matches;
# the snippets (ts_headline re-parses a description: the costly part) only for the rows kept.
_TIER_MATCH = {0: "t.title_tsv @@ q.tsq", 1: "t.tsv @@ q.tsq AND NOT t.title_tsv @@ q.tsq"}
_TIER_COUNT = {0: "title_tsv", 1: "tsv"}
_TEXT_HITS = """
WITH q AS (SELECT ({tsq}) AS tsq),
hit AS (
  SELECT t.id, {score} AS score
  FROM q, texts AS t
  LEFT JOIN panels AS p ON t.owner_kind = 'panel' AND p.id = t.owner_id
  JOIN sessions AS s ON s.id = CASE t.owner_kind WHEN 'session' THEN t.owner_id ELSE p.session_id END
  WHERE {match} AND t.owner_kind IN ('session', 'panel') {filters}
  {order}
  LIMIT :limit
)
SELECT t.owner_kind, t.owner_id, t.lang, t.title, s.id, s.uid, s.date, p.uid, hit.score,
       NULL AS snip, t.id
FROM hit
JOIN texts AS t ON t.id = hit.id
LEFT JOIN panels AS p ON t.owner_kind = 'panel' AND p.id = t.owner_id
JOIN sessions AS s ON s.id = CASE t.owner_kind WHEN 'session' THEN t.owner_id ELSE p.session_id END
{order_out}
"""

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
        params: dict[str, object] = {"tsq": tsq, "hl": _HEADLINE_OPTS, "limit": limit * 3}
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
            for tier in (0, 1):
                # A huge match set is shown newest first (ranking it all costs seconds).
                huge, newest = _huge_and_newest(conn, "texts", _TIER_COUNT[tier], tsq, "t")
                order = f"ORDER BY {newest} DESC" if huge else "ORDER BY score DESC, t.id"
                order_out = "ORDER BY t.id DESC" if huge else "ORDER BY hit.score DESC, t.id"
                sql = _TEXT_HITS.format(tsq=_TSQ, match=_TIER_MATCH[tier], filters=" ".join(text_where), order=order,
                                        order_out=order_out, score="0" if huge else _TEXT_SCORE)
                fresh = []
                for row in _prefer_lang(conn.execute(text(sql), params).all(), ui_lang):
                    if (row[0], row[1]) not in seen and len(hits) + len(fresh) < limit:
                        seen.add((row[0], row[1]))
                        fresh.append(row)
                snips = _text_snippets(conn, tsq, [r[10] for r in fresh[: max(0, made - len(hits))]])
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
            cue_huge, cue_newest = _huge_and_newest(conn, "cues", "tsv", tsq, "c")
            cue_order = f"ORDER BY {cue_newest} DESC" if cue_huge else "ORDER BY score, c.id"
            cue_out = "ORDER BY c.id DESC" if cue_huge else "ORDER BY hit.score, c.id"
            sql = _CUE_HITS.format(tsq=_TSQ, filters=" ".join(cue_where), order=cue_order, order_out=cue_out,
                                   score="0" if cue_huge else "-ts_rank(c.tsv, q.tsq)")
            cue_rows = conn.execute(text(sql), {**params, "limit": (limit - len(hits)) * 3}).all()
            cue_rows = _one_per_moment(cue_rows, ui_lang)[: limit - len(hits)]
            titles = _session_titles(conn, {r[4] for r in cue_rows}, ui_lang)
            cue_snips = _cue_snippets(conn, tsq, [r[8] for r in cue_rows[: max(0, made - len(hits))]])
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
            made_texts, made_cues = _text_snippets(conn, tsq, texts), _cue_snippets(conn, tsq, cues)
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


def _headlines(conn, table: str, lang_col: str, col: str, tsq: str, ids: list[int]) -> dict[int, str]:  # noqa: ANN001
    """ts_headline of the rows shown only (it re-parses the whole text: the costly part of a search)."""
    if not ids:
        return {}
    rows = conn.execute(
        text(f"SELECT x.id, ts_headline(vod_ts_config(x.{lang_col}), x.{col}, ({_TSQ}), :hl) FROM {table} AS x "
             "WHERE x.id = ANY(:ids)"),
        {"tsq": tsq, "hl": _HEADLINE_OPTS, "ids": list(ids)},
    ).all()
    return dict(rows)


def _text_snippets(conn, tsq: str, ids: list[int]) -> dict[int, str]:  # noqa: ANN001
    """Description snippets (HTML) of these texts rows; a description without a match (a title hit) starts it."""
    return {tid: snippet_html(snip if "\x02" in (snip or "") else _plain_start(snip))
            for tid, snip in _headlines(conn, "texts", "lang", "description", tsq, ids).items()}


def _cue_snippets(conn, tsq: str, ids: list[int]) -> dict[int, str]:  # noqa: ANN001
    return {cid: snippet_html(snip or "") for cid, snip in _headlines(conn, "cues", "language", "text", tsq, ids).items()}


def _plain_start(snip: str | None) -> str:
    """ts_headline without a match in the description (a title hit) starts the description: keep ~16 words."""
    words = (snip or "").split()
    return " ".join(words[:16]) + ("…" if len(words) > 16 else "")


# Newest first among many matches: walking the primary key backwards tests each row's vector
# (detoasted for a description) until enough match: its cost follows 1/density. The GIN bitmap then a
# top-N sort costs in proportion to the matches: cheaper only when they are few in all. The newest
# PROBE_ROWS rows give the density, the table's size the matches: 'pacte' & 'mondial':* (~900 matches
# at 5,000 sessions) 24 ms by the bitmap vs 93 ms walking; 'pacto' & 'mundial':* (~30,000 at 100,000
# sessions) 679 vs 84 ms; 'mig':* (dense) 10 ms walking vs 650 ms.
PROBE_ROWS, PROBE_SURE, BITMAP_MAX_MATCHES = 200, 10, 5_000


def _probe(conn, table: str, column: str, tsq: str) -> tuple[float, bool]:  # noqa: ANN001
    """How many rows of ``table`` match, estimated from its newest PROBE_ROWS (1-5 ms), and whether
    enough of those matched (PROBE_SURE) to trust the estimate for skipping the count."""
    hits, rows = conn.execute(
        text(f"SELECT count(*), (SELECT reltuples FROM pg_class WHERE oid = '{table}'::regclass) "
             f"FROM (SELECT {column} FROM {table} ORDER BY id DESC LIMIT :n) AS x WHERE {column} @@ ({_TSQ})"),
        {"tsq": tsq, "n": PROBE_ROWS},
    ).one()
    return hits * max(float(rows or 0), 0.0) / PROBE_ROWS, hits >= PROBE_SURE


def _huge_and_newest(conn, table: str, column: str, tsq: str, alias: str) -> tuple[bool, str]:  # noqa: ANN001
    """Whether the match set is huge (>= PG_RANK_CAP), and the ORDER BY key (DESC) for its newest
    rows: ``id`` walks the primary key backwards; ``id + 0`` (no index gives that order) makes
    PostgreSQL take the GIN bitmap. A set the probe shows is far larger is not counted: the count
    builds the whole GIN bitmap (110-300 ms for 'labour' & 'mob':* at 100,000 sessions)."""
    estimate, sure = _probe(conn, table, column, tsq)
    huge = (sure and estimate >= 4 * PG_RANK_CAP) or _match_count(conn, table, column, tsq) >= PG_RANK_CAP
    return huge, (f"{alias}.id" if estimate >= BITMAP_MAX_MATCHES else f"{alias}.id + 0")


def _match_count(conn, table: str, column: str, tsq: str) -> int:  # noqa: ANN001
    """How many rows of ``table`` match on ``column``, counted up to PG_RANK_CAP (its GIN index)."""
    return conn.execute(
        text(f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {column} @@ ({_TSQ}) LIMIT :cap) AS m"), {"tsq": tsq, "cap": PG_RANK_CAP}
    ).scalar_one()


__all__: Sequence[str] = ("PostgresSearch", "build_tsquery")

"""The SQL and tsquery texts of PostgreSQL search (:mod:`vod_app.catalog.search_pg`): the statements
of a tier (titles, descriptions), and what is done to the user's tsquery before they run. Plain text
only: the decisions (ranked or newest first, walk or bitmap) are search_pg's."""

from __future__ import annotations

import re

from sqlalchemy import text

CONFIGS = ("vod_simple", "vod_english", "vod_french", "vod_spanish")
# The distinct parses, read once per search (:func:`_parsed`): 'labour' & 'mob':* is the same in all
# four configurations, and ORing four copies made every GIN scan, every row's test and ts_rank do the
# work four times (100,000 sessions: the capped count of 'labour' & 'mob':* 220 -> 55-85 ms).
_PARSES = "SELECT DISTINCT x::text FROM (VALUES " + ", ".join(f"(to_tsquery('{c}', :tsq))" for c in CONFIGS) + ") AS v(x) WHERE numnode(x) > 0"
_Q = "CAST(:q AS tsquery)"

# Where the newest rows of a huge set are walked (a backward scan of the primary key testing each
# row): the titles in texts (title_tsv is small and in line); the descriptions in text_terms (0011:
# tsv without positions, in line: ~4x cheaper a row than texts.tsv, which is out of line). The walk
# is a subquery of that table alone (the planner otherwise joined texts first and read the GIN bitmap
# or the whole table: 0.4-3 s); each row it finds comes back with ``ok``: the filters, not a title
# match (tier 1), and, for a phrase, tsv itself (a stripped vector has no positions: its phrase
# matches whenever the words are all there). Python keeps the ok rows; the last row found is where
# the next chunk starts.
_TIER_WALK = {0: ("texts", "title_tsv", "TRUE"), 1: ("text_terms", "terms", "NOT t.title_tsv @@ q.tsq")}
_WALK_HITS = """
WITH q AS (SELECT ({tsq}) AS tsq, CAST(:qw AS tsquery) AS tsw)
SELECT t.owner_kind, t.owner_id, t.lang, t.title, s.id, s.uid, s.date, p.uid, 0 AS score, NULL AS snip, t.id,
       (t.owner_kind IN ('session', 'panel') {filters} AND {check}) AS ok
FROM q, ({source}) AS c
JOIN texts AS t ON t.id = c.id
LEFT JOIN panels AS p ON t.owner_kind = 'panel' AND p.id = t.owner_id
LEFT JOIN sessions AS s ON s.id = CASE t.owner_kind WHEN 'session' THEN t.owner_id ELSE p.session_id END
ORDER BY t.id DESC
"""
# The walk's rows: the newest matches below ``before``, or a narrowed keystroke's candidates
# (search_pg_narrowing.candidates_sql, all of them tested).
_WALK_SOURCE = "SELECT w.id FROM q, {table} AS w WHERE w.{column} @@ q.tsw {before} ORDER BY w.id DESC LIMIT :limit"
_TIER_PROBE = {0: ("texts", "title_tsv", 400), 1: ("text_terms", "terms", 2_000)}
# The panel and session of each match, joined before the ranking only for the filters (event, year):
# without them every match's two lookups came before the sort ('smugg':*, 2,362 titles: 12 of 30 ms).
_FILTER_JOINS = """LEFT JOIN panels AS p ON t.owner_kind = 'panel' AND p.id = t.owner_id
  JOIN sessions AS s ON s.id = CASE t.owner_kind WHEN 'session' THEN t.owner_id ELSE p.session_id END"""
# A tier ranked when its matches are fewer than PG_RANK_CAP, in one statement: ``m``, the matches
# up to the cap (the GIN bitmap, or a narrowed keystroke's candidates), their number ``n``, and the
# ranked hits among them only when n is under the cap; else one row of NULLs with n: the set is huge.
# Both this and _TITLE_HITS give the ids of ``m`` (one row, up to ``:keep``) for the next keystroke
# (search_pg_narrowing.Known). (A capped count then the ranked
# query built the same GIN bitmap twice: 'disaster' & 'risk' & 'red':*, ~45 ms each.)
_RANKED_MATCHES = "SELECT w.id FROM q, {table} AS w WHERE w.{column} @@ q.tsk {recheck} LIMIT :cap"
_RANKED_HITS = """
WITH q AS (SELECT ({tsq}) AS tsq, CAST(:qw AS tsquery) AS tsw, CAST(:qk AS tsquery) AS tsk),
m AS MATERIALIZED ({matches}),
n AS (SELECT count(*) AS n, CASE WHEN count(*) <= :keep THEN COALESCE(array_agg(id), '{{}}') END AS ids FROM m),
hit AS (
  SELECT t.id, {score} AS score
  FROM q, n, m JOIN texts AS t ON t.id = m.id
  {joins}
  WHERE n.n < :cap AND {match} AND t.owner_kind IN ('session', 'panel') {filters}
  ORDER BY score DESC, t.id
  LIMIT :limit
)
SELECT t.owner_kind, t.owner_id, t.lang, t.title, s.id, s.uid, s.date, p.uid, hit.score, NULL AS snip, t.id, n.n,
       CASE WHEN row_number() OVER () = 1 THEN n.ids END AS ids
FROM n LEFT JOIN (hit JOIN texts AS t ON t.id = hit.id
  LEFT JOIN panels AS p ON t.owner_kind = 'panel' AND p.id = t.owner_id
  JOIN sessions AS s ON s.id = CASE t.owner_kind WHEN 'session' THEN t.owner_id ELSE p.session_id END) ON TRUE
ORDER BY hit.score DESC, t.id
"""
# Titles (tier 0) unless the probe shows very many: all the matches from title_tsv's GIN index (in
# line: ~1-2 µs a title), ranked when fewer than the cap, else newest first, in one statement (the
# ranking that reached the cap, then the bitmap again for the newest, read the index twice). Only one
# branch runs (its condition on ``n`` is a one-time filter); the newest-first one joins the matches to
# texts newest first and stops at the limit (joining all of them before the sort: 16 of 42 ms for
# 'whole-of-gover', ~5,000 titles). ``{matches}``: the GIN index, or a narrowed keystroke's candidates.
_TITLE_MATCHES = "SELECT w.id FROM q, texts AS w WHERE w.title_tsv @@ q.tsq"
_TITLE_HITS = """
WITH q AS (SELECT ({tsq}) AS tsq),
m AS MATERIALIZED ({matches}),
n AS (SELECT count(*) AS n, CASE WHEN count(*) <= :keep THEN COALESCE(array_agg(id), '{{}}') END AS ids FROM m),
ranked AS (
  SELECT t.id, {score} AS score, TRUE AS ranked
  FROM q, m JOIN texts AS t ON t.id = m.id
  {joins}
  WHERE (SELECT n FROM n) < :cap AND t.owner_kind IN ('session', 'panel') {filters}
  ORDER BY score DESC, t.id
  LIMIT :limit
),
newest AS (
  SELECT t.id, CAST(0 AS real) AS score, FALSE AS ranked
  FROM (SELECT id FROM m ORDER BY id DESC) AS mm JOIN texts AS t ON t.id = mm.id
  {joins}
  WHERE (SELECT n FROM n) >= :cap AND t.owner_kind IN ('session', 'panel') {filters}
  ORDER BY t.id DESC
  LIMIT :limit
),
hit AS (SELECT * FROM ranked UNION ALL SELECT * FROM newest)
SELECT t.owner_kind, t.owner_id, t.lang, t.title, s.id, s.uid, s.date, p.uid, hit.score, NULL AS snip, t.id, n.n,
       CASE WHEN row_number() OVER () = 1 THEN n.ids END AS ids
FROM n LEFT JOIN (hit JOIN texts AS t ON t.id = hit.id
  LEFT JOIN panels AS p ON t.owner_kind = 'panel' AND p.id = t.owner_id
  JOIN sessions AS s ON s.id = CASE t.owner_kind WHEN 'session' THEN t.owner_id ELSE p.session_id END) ON TRUE
ORDER BY hit.score DESC, CASE WHEN hit.ranked THEN t.id ELSE -t.id END
"""
# tsquery phrase operators (<->, <2>): a stripped vector (text_terms) has no positions, and PostgreSQL
# does not match a phrase on it: its words ANDed find a superset, tsv the phrase itself.
_PHRASE_OP = re.compile(r"<(?:-|\d+)>")


def _parsed(conn, tsq: str) -> str | None:  # noqa: ANN001
    """The tsquery text of ``tsq`` parsed with every configuration, duplicates dropped, ORed; None
    when every configuration drops every word (stop words only)."""
    parses = _absorbed(sorted(r[0] for r in conn.execute(text(_PARSES), {"tsq": tsq}).all()))
    return " | ".join(f"( {p} )" for p in parses) if parses else None


# A short prefix ANDed with whole words ('disaster' & 'risk' & 'red':*) costs the GIN index every
# posting of every word it begins (104,000 rows for 'red':*, ~55 ms at 100,000 sessions); the whole
# words alone give 800 rows in 3 ms, and the prefix is tested on those rows (text_terms, in line,
# ~2 µs a row). Used when the probe estimates at most KEY_TERMS_MAX rows for the words alone.
KEY_TERMS_MAX = 5_000


def _key_terms(q: str) -> str:
    """``q`` with the prefixes (``:*``) left out of each AND of single terms that has other terms."""
    def branch(b: str) -> str:
        inner = b.strip()
        inner = inner[2:-2] if inner.startswith("( ") and inner.endswith(" )") else inner
        if any(op in inner for op in ("|", "!", "<", "(", ")")):
            return b
        terms = inner.split(" & ")
        whole = [t for t in terms if not t.endswith(":*")]
        return "( " + " & ".join(whole) + " )" if whole and len(whole) < len(terms) else b
    return " | ".join(branch(b) for b in q.split(" | "))


def _absorbed(parses: list[str]) -> list[str]:
    """The parses less those another one implies: ``'return' & 'and' & 'rei':*`` (vod_simple keeps
    stop words) is found only where ``'return' & 'rei':*`` (English) is, so it adds nothing to their
    OR, but it made the GIN index read the postings of 'and' (every English description): exact, as
    only ANDs of single terms are compared."""
    terms = {p: frozenset(p.split(" & ")) for p in parses if not any(op in p for op in ("|", "!", "<", "(", ")"))}
    return [p for p in parses if not (p in terms and any(o != p and o in terms and terms[o] < terms[p] for o in parses))]


def _probe(conn, table: str, column: str, q: str, n: int) -> tuple[int, int, float, int]:  # noqa: ANN001
    """How many of the newest ``n`` rows of ``table`` match on ``column``, how many rows were read
    (fewer than ``n``: the whole table), the table's size (its statistics), and its newest id."""
    hits, read, rows, top = conn.execute(
        text(f"SELECT count(*) FILTER (WHERE {column} @@ {_Q}), count(*), "
             f"(SELECT reltuples FROM pg_class WHERE oid = '{table}'::regclass), max(id) "
             f"FROM (SELECT id, {column} FROM {table} ORDER BY id DESC LIMIT :n) AS x"),
        {"q": q, "n": n},
    ).one()
    return hits, read, max(float(rows or 0), float(read)), int(top or 0)


def _match_count(conn, table: str, column: str, q: str, cap: int) -> int:  # noqa: ANN001
    """How many rows of ``table`` match on ``column``, counted up to ``cap`` (its GIN index)."""
    return conn.execute(
        text(f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {column} @@ {_Q} LIMIT :cap) AS m"), {"q": q, "cap": cap}
    ).scalar_one()

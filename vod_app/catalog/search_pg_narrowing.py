"""Search as you type on PostgreSQL: the next keystroke's rows among those the previous one found.

SQLite narrows by the previous keystroke's FTS5 match set (search_narrowing.py); PostgreSQL's costly
statements are different, and so is what is kept. A keystroke that read a tier's rows leaves a
:class:`Known`: every row of the table matching its tsquery with an id in ``[lo, top]`` is in ``ids``.
A complete match set (the title bitmap, a ranked set) has ``lo = 0``; a walk of the newest rows knows
the region it walked. The next keystroke's tsquery usually implies the previous one (:func:`implies`:
the last word grew, a word was added); its rows in ``[lo, top]`` are then among ``ids``, and those few
are tested instead of the GIN index or a walk through tens of thousands of rows ('return' &
'reintegra':*: 3,032 matches in 1.2 million rows, 38,000 rows walked for the newest 99).

Exact, not a cache of results: every candidate is tested against the new tsquery, rows added since
(``id > top``) are tested as well, and a deleted row no longer joins. A text edited to match meanwhile
is missed by the keystrokes of the next ``TTL_S`` seconds, as on SQLite.

The implication is decided on the parsed tsquery text (:func:`vod_app.catalog.search_pg_sql._parsed`),
never on what was typed: stemming is not monotone ('reintegratio' -> 'reintegratio':*, one letter more
-> 'reintegr':*, which is not a narrower prefix).
"""

from __future__ import annotations

import re
import threading
import time

from sqlalchemy import text

_TERM = re.compile(r"'([^']+)'(:\*)?")
_PHRASE_SPLIT = re.compile(r"\s*<(-|\d+)>\s*")

#: A complete set is kept for the next keystroke up to this many rows (testing ~3 µs a candidate).
KNOWN_MAX = 6_000

Term = tuple[str, bool]  # (lexeme, prefix)
Phrase = tuple[tuple[Term, ...], tuple[str, ...]]  # terms, the distance operators between them


class Known:
    """Every row of a table matching ``query`` with ``lo <= id <= top`` is in ``ids`` (newest first)."""

    __slots__ = ("ids", "lo", "query", "top")

    def __init__(self, query: str, lo: int, top: int, ids: list[int]) -> None:
        self.query, self.lo, self.top = query, lo, top
        self.ids = sorted(set(ids), reverse=True)

    @property
    def complete(self) -> bool:
        return self.lo <= 0


def _phrase(text: str) -> Phrase | None:
    parts = _PHRASE_SPLIT.split(text.strip())
    terms, ops = parts[0::2], tuple(parts[1::2])
    parsed = []
    for term in terms:
        m = _TERM.fullmatch(term.strip())
        if m is None:
            return None
        parsed.append((m.group(1), bool(m.group(2))))
    return tuple(parsed), ops


def _branches(query: str) -> list[list[Phrase]] | None:
    """``query`` (ORed ANDs of phrases, as _parsed prints them) as lists of phrases; None for anything else."""
    out = []
    for branch in query.split(" | "):
        inner = branch.strip()
        if inner.startswith("( ") and inner.endswith(" )"):
            inner = inner[2:-2]
        if not inner or any(c in inner for c in "()!|"):
            return None
        phrases = [_phrase(p) for p in inner.split(" & ")]
        if any(p is None for p in phrases):
            return None
        out.append([p for p in phrases if p is not None])
    return out


def _term_implies(new: Term, old: Term) -> bool:
    (lex, prefix), (old_lex, old_prefix) = new, old
    return lex.startswith(old_lex) if old_prefix else (not prefix and lex == old_lex)


def _phrase_implies(new: Phrase, old: Phrase) -> bool:
    (terms, ops), (old_terms, old_ops) = new, old
    if len(old_terms) == 1:  # a phrase's match has each of its words
        return any(_term_implies(t, old_terms[0]) for t in terms)
    return ops == old_ops and all(_term_implies(t, o) for t, o in zip(terms, old_terms, strict=True))


def implies(new: str, old: str) -> bool:
    """True when every vector matching tsquery text ``new`` matches ``old`` (conservative: False when unsure)."""
    if new == old:
        return True
    nb, ob = _branches(new), _branches(old)
    if nb is None or ob is None:
        return False
    return all(any(all(any(_phrase_implies(p, o) for p in b) for o in a) for a in ob) for b in nb)


class PgNarrowing:
    """The previous keystroke's :class:`Known` sets, by what they cover ("titles", "terms")."""

    TTL_S = 10.0

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._known: dict[str, Known] = {}
        self._at = 0.0

    def begin(self) -> dict[str, Known]:
        """What the previous keystroke left (when recent), and a clean slate for this one's."""
        now = time.monotonic()
        with self._lock:
            inherited = self._known if now - self._at <= self.TTL_S else {}
            self._known, self._at = {}, now
        return inherited

    def keep(self, key: str, known: Known) -> None:
        with self._lock:
            self._known[key] = known


def usable(known: Known | None, query: str) -> Known | None:
    """``known`` when it bounds ``query``'s rows."""
    if known is None or not implies(query, known.query):
        return None
    return known


# The rows added since (id > top: a short range of the primary key) and those of a candidates list
# (unnest, one primary-key lookup each) that match; IS TRUE keeps the planner off the GIN index.
# Unordered: the planner may join the other way round on a small table.
CANDIDATES = (
    "(SELECT w.id FROM q, {table} AS w WHERE w.id > :ctop AND (w.{column} @@ q.{tsq}) IS TRUE) "
    "UNION ALL (SELECT w.id FROM q, unnest(CAST(:cand AS integer[])) AS c(id) JOIN {table} AS w ON w.id = c.id "
    "WHERE c.id <= :ctop AND (w.{column} @@ q.{tsq}) IS TRUE)"
)


def candidates_sql(table: str, column: str, tsq: str) -> str:
    return CANDIDATES.format(table=table, column=column, tsq=tsq)


# The probe (search_pg_sql._probe) answered from a Known set: how many of the newest ``n`` rows match,
# exact when the set covers them (its lo at or below the n-th newest row's id; ``ok`` says so).
_PROBE = """
WITH q AS (SELECT CAST(:q AS tsquery) AS tsq),
b AS MATERIALIZED (SELECT count(*) AS read, min(id) AS lo, max(id) AS top
                   FROM (SELECT id FROM {table} ORDER BY id DESC LIMIT :n) AS x)
SELECT (SELECT count(*) FROM q, b, unnest(CAST(:cand AS integer[])) AS c(id) JOIN {table} AS w ON w.id = c.id
        WHERE c.id >= b.lo AND c.id <= :ctop AND (w.{column} @@ q.tsq) IS TRUE)
     + (SELECT count(*) FROM q, b, {table} AS w WHERE w.id > :ctop AND w.id >= b.lo AND (w.{column} @@ q.tsq) IS TRUE),
       b.read, (SELECT reltuples FROM pg_class WHERE oid = '{table}'::regclass), b.top, b.lo >= :clo
FROM b
"""


def probe(conn, known: Known, table: str, column: str, q: str, n: int) -> tuple[int, int, float, int] | None:  # noqa: ANN001
    """search_pg_sql._probe's answer from ``known``'s candidates, or None when they do not cover the newest ``n`` rows."""
    sql = _PROBE.format(table=table, column=column)
    hits, read, rows, top, ok = conn.execute(
        text(sql), {"q": q, "n": n, "cand": known.ids, "ctop": known.top, "clo": known.lo}
    ).one()
    if not ok:
        return None
    return hits, read, max(float(rows or 0), float(read)), int(top or 0)


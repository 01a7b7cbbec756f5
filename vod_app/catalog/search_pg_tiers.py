"""The text tiers of a PostgreSQL search (:mod:`vod_app.catalog.search_pg`): titles (tier 0), then
titles and descriptions (tier 1), each ranked or, for a huge set, newest first; narrowed by the previous
keystroke where it can be (:mod:`vod_app.catalog.search_pg_narrowing`)."""

from __future__ import annotations

import re

from sqlalchemy import text

from vod_app.catalog.search import _prefer_lang
from vod_app.catalog.search_pg_narrowing import (
    KNOWN_MAX,
    Known,
    PgNarrowing,
    candidates_sql,
    usable,
)
from vod_app.catalog.search_pg_narrowing import probe as narrowed_probe
from vod_app.catalog.search_pg_sql import (
    _FILTER_JOINS,
    _PHRASE_OP,
    _Q,
    _RANKED_HITS,
    _RANKED_MATCHES,
    _TIER_PROBE,
    _TIER_WALK,
    _TITLE_HITS,
    _TITLE_MATCHES,
    _WALK_HITS,
    _WALK_SOURCE,
    KEY_TERMS_MAX,
    _key_terms,
    _probe,
)

# Titles ranked on the title alone (title_tsv, in line: ~1 µs a row; ranking on tsv read each match's
# out-of-line vector, ~11 µs), as SQLite's titles_fts; descriptions on the whole vector (title weight
# A, description B).
_TEXT_SCORE = {0: "ts_rank(t.title_tsv, q.tsq, 1)", 1: "ts_rank('{0, 0, 0.1, 1.0}', t.tsv, q.tsq, 1)"}
# Past this many matches ranking reads every match's vector (ts_rank): newest first instead.
PG_RANK_CAP = 2_500


class _Tier:
    """One tier's search in one keystroke: its table, the previous keystroke's Known set of it (when
    it bounds this one's rows) and what this keystroke leaves for the next (search_pg_narrowing)."""

    __slots__ = ("column", "key", "known", "narrowing", "q", "qw", "table", "tier", "top")

    def __init__(self, tier: int, q: str, inherited: dict[str, Known], narrowing: PgNarrowing) -> None:
        self.tier = tier
        self.table, self.column, _n = _TIER_PROBE[tier]
        self.key = "titles" if tier == 0 else "terms"
        self.q = q
        self.qw = _PHRASE_OP.sub("&", q) if self.table == "text_terms" else q
        self.known = usable(inherited.get(self.key), self.qw)
        self.narrowing, self.top = narrowing, 0

    def probe(self, conn, n: int) -> tuple[int, int, float]:  # noqa: ANN001
        # From the Known set for text_terms (the 5x probe reads 10,000 rows there: 6-8 ms); titles' 400-row probe is cheap.
        got = narrowed_probe(conn, self.known, self.table, self.column, self.qw, n) if self.known and self.key == "terms" else None
        hits, read, rows, self.top = got or _probe(conn, self.table, self.column, self.qw, n)
        return hits, read, rows

    def complete(self) -> Known | None:
        """The Known set when it is complete (at most KNOWN_MAX rows, as kept): testing its rows (~3-4 µs
        each, a primary-key lookup) beats text_terms' GIN index ('youth' & 'empl':*: 22 ms, 2,000
        candidates ~7 ms)."""
        return self.known if self.known is not None and self.known.complete else None

    def keep(self, lo: int, ids: list[int] | None) -> None:
        if ids is not None and len(ids) <= KNOWN_MAX:
            self.narrowing.keep(self.key, Known(self.qw, lo, self.top, ids))


def _tier_rows(conn, t: _Tier, params: dict[str, object], filters: str, need: int,  # noqa: ANN001
               seen: set[tuple[str, int]], ui_lang: str) -> list[tuple]:
    """Up to ``need`` rows (one per owner, the viewer's language preferred, none of ``seen``) of a
    tier: ranked, or a huge set's newest first (:func:`_newest_rows`)."""
    tier, q, qw, n = t.tier, t.q, t.qw, _TIER_PROBE[t.tier][2]
    hits, read, rows = t.probe(conn, n)
    if 0 < hits < PROBE_SURE and read == n:
        # Seen, but too few times to be sure: 5 times the rows (~3-5 ms). 'return' & 'rei':* (~3,900
        # descriptions in 1.2 million, one in the newest 2,000) was ranked up to the cap (60-90 ms)
        # before being walked.
        hits, read, rows = t.probe(conn, n := 5 * n)
    estimate = hits * rows / max(read, 1)
    huge = _probably_huge(hits, read, rows, n)
    joins = _FILTER_JOINS if re.search(r"\bs\.", filters) else ""
    if tier == 0 and not (huge and estimate >= BITMAP_MAX_MATCHES):
        # Titles from the GIN index, never narrowed: a title's test through its primary key costs ~5-10 µs
        # (a phrase more), the bitmap ~2 µs a match ('whole-of-gove':*, 4,961 titles: 2,500 candidates
        # tested 12-46 ms, the index 23 ms). Their ids stay known for the next keystroke's walk.
        sql = _TITLE_HITS.format(tsq=_Q, score=_TEXT_SCORE[0], filters=filters, joins=joins, matches=_TITLE_MATCHES)
        got = conn.execute(text(sql), {**params, "limit": need * 3, "cap": PG_RANK_CAP, "keep": KNOWN_MAX}).all()
        return _kept_hits(t, got, seen, need, ui_lang)
    if not huge:
        narrowed = t.complete()  # the previous keystroke's whole set: its rows tested, not the GIN index
        cand = {"cand": narrowed.ids, "ctop": narrowed.top} if narrowed else {}
        # The matches (up to the cap) from the GIN index of text_terms (in line: the index's recheck
        # of a prefix reads ~1 µs a row there, ~11 µs in texts.tsv out of line).
        match = "NOT t.title_tsv @@ q.tsq" + (" AND (t.tsv @@ q.tsq) IS TRUE" if qw != q else "")
        qk = _key_terms(qw)
        if qk != qw and not narrowed:  # the index reads the other words only when they are few enough (the probe's rows)
            k_hits, k_read, k_rows, _top = _probe(conn, t.table, t.column, qk, n)
            qk = qk if k_hits * k_rows / max(k_read, 1) <= KEY_TERMS_MAX else qw
        if narrowed:
            qk, matches = qw, f"SELECT id FROM ({candidates_sql(t.table, t.column, 'tsw')}) AS x LIMIT :cap"
        else:
            matches = _RANKED_MATCHES.format(table=t.table, column=t.column, recheck="AND (w.terms @@ q.tsw) IS TRUE" if qk != qw else "")
        sql = _RANKED_HITS.format(tsq=_Q, matches=matches, match=match, filters=filters, score=_TEXT_SCORE[tier], joins=joins)
        got = conn.execute(text(sql), {**params, **cand, "qw": qw, "qk": qk, "limit": need * 3, "cap": PG_RANK_CAP,
                                       "keep": KNOWN_MAX}).all()
        if got[0][11] < PG_RANK_CAP:
            return _kept_hits(t, got, seen, need, ui_lang)
    return _newest_rows(conn, t, params, filters, need, seen, ui_lang)


def _kept_hits(t: _Tier, got: list, seen: set[tuple[str, int]], need: int, ui_lang: str) -> list[tuple]:
    """The rows of _TITLE_HITS or _RANKED_HITS (a whole match set): its ids kept for the next keystroke."""
    t.keep(0, next((r[12] for r in got if r[12] is not None), None))
    return _keep(_prefer_lang([r[:11] for r in got if r[10] is not None], ui_lang), seen, need)


_NO_TOP = 2**31 - 1  # candidates after the first chunk: the rows added since were tested with it


def _newest_rows(conn, t: _Tier, params: dict[str, object], filters: str, need: int,  # noqa: ANN001
                 seen: set[tuple[str, int]], ui_lang: str) -> list[tuple]:
    """A huge set's newest rows, walking the primary key backwards (_WALK_HITS) in chunks of about
    the owners still needed: a word of one language matches one text per owner, and asking for 3
    rows an owner (its three languages) walked 3 times the rows. A chunk ends inside the last
    owner's texts at most (they are written together, ids in a row): the next owner must be seen
    first. With the previous keystroke's Known set, its candidates are tested first (newest first),
    then the walk goes on below the region it covered, if it has to."""
    table, column, check = _TIER_WALK[t.tier]
    if t.qw != t.q:
        check += " AND t.tsv @@ q.tsq"
    rows: list[tuple] = []
    found_ids: list[int] = []
    chunk, before = need + 2, None
    known = t.known
    cands, pos, ctop, lo = (known.ids, 0, known.top, known.lo) if known else ([], 0, 0, 0)
    while True:
        narrowing = known is not None and (pos < len(cands) or ctop != _NO_TOP)
        if narrowing:
            batch = cands[pos : pos + chunk]
            pos += len(batch)
            source = f"SELECT id FROM ({candidates_sql(table, column, 'tsw')}) AS x"
            args = {"cand": batch, "ctop": ctop}
            ctop = _NO_TOP
        else:
            source = _WALK_SOURCE.format(table=table, column=column, before="" if before is None else "AND w.id < :before")
            args = {"limit": chunk, "before": before}
        sql = _WALK_HITS.format(tsq=_Q, source=source, check=check, filters=filters)
        got = conn.execute(text(sql), {**params, **args, "qw": t.qw}).all()
        found_ids += [r[10] for r in got]
        rows += [r[:11] for r in got if r[11]]
        owners = len({(r[0], r[1]) for r in rows} - seen)
        if narrowing:
            covered = lo if pos >= len(cands) else batch[-1]  # no match of the old query between candidates
            if owners > need or (pos >= len(cands) and lo <= 0):
                break
            if pos < len(cands):  # the next candidates: about what the owners still needed take at this yield
                chunk = min(max(chunk, int((need + 1 - owners) * pos / max(owners, 1)) + 3), 20_000)
                continue
            before, chunk = lo, 0  # the walk goes on below the known region, its chunks in matches
        else:
            covered = 0 if len(got) < chunk else got[-1][10]
            if len(got) < chunk or owners > need:
                break
            before = got[-1][10]
        # The next chunk of the walk: about the matches the owners still needed take at this yield.
        chunk = min(max(chunk, int((need + 1 - owners) * len(found_ids) / max(owners, 1)) + 3), 20_000)
    t.keep(covered, found_ids)
    return _keep(_prefer_lang(rows, ui_lang), seen, need)


def _keep(rows: list[tuple], seen: set[tuple[str, int]], need: int) -> list[tuple]:
    fresh = []
    for row in rows:
        if (row[0], row[1]) not in seen and len(fresh) < need:
            seen.add((row[0], row[1]))
            fresh.append(row)
    return fresh


# Newest first among many matches: walking the primary key backwards tests each row's vector until
# enough match: its cost follows 1/density. The GIN bitmap then a top-N sort costs in proportion to the
# matches: cheaper only when they are few in all. The newest rows (a probe: 400 titles or 2,000
# text_terms rows, 1-2 ms at 100,000 sessions) give the density, the table's size the matches:
# 'pacte' & 'mondial':* (~900 matches at 5,000 sessions) 24 ms by the bitmap vs 93 ms walking;
# 'pacto' & 'mundial':* (~30,000 at 100,000 sessions) 679 vs 84 ms; 'mig':* (dense) 10 ms walking vs
# 650 ms. A probe that saw PROBE_SURE matches is trusted for "huge"; one that saw fewer is not
# (a few hits in 2,000 rows may be 600 or 3,000 in all): the capped count decides, which builds the
# whole GIN bitmap (110-300 ms for 'labour' & 'mob':* at 100,000 sessions: the 200-row probe of
# texts.tsv was too small to be sure, and ~4x dearer a row than text_terms).
PROBE_ROWS, PROBE_SURE, BITMAP_MAX_MATCHES = 200, 5, 5_000


def _probably_huge(hits: int, read: int, rows: float, n: int) -> bool:
    """What a probe of the newest ``n`` rows says: ``hits`` of the ``read`` rows matched, in a table of
    ``rows``. Fewer rows than ``n``: the whole table was read, the count is exact. Else huge when
    at least PROBE_SURE matched and the density gives half PG_RANK_CAP or more in all (between half
    the cap and the cap, walking and ranking cost about the same, and a ranking that reaches the cap
    has cost both: 'return' & 'reinte':*, ~1,900 estimated, 3,032 in all); anything else is ranked,
    which finds out itself when the set is huge after all (_RANKED_HITS' ``n``)."""
    if read < n:
        return hits >= PG_RANK_CAP
    return hits >= PROBE_SURE and hits * rows / max(read, 1) >= PG_RANK_CAP / 2

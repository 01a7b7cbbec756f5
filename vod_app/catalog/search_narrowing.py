"""Search as you type: narrowing the next keystroke's query by the previous one's match set."""

from __future__ import annotations

import threading
import time

# FTS5 ranks every match before LIMIT applies: a word in most of a 100,000-session catalog costs ~1 s.
# Past this many matches, relevance says little anyway: newest entries first, which FTS5 streams.
RANK_CAP = 5_000

# A complete match set up to this size is kept for the next keystroke: its size and rowid range, all
# the next keystroke uses of it.
NARROW_CAP = RANK_CAP

Span = tuple[int, int | None, int | None]  # (rows, lowest rowid, highest rowid) of a complete match set


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
    keystroke's complete match set when narrowing (``span``). A plain class: @dataclass costs ~1 ms of
    start-up for each class it makes."""

    __slots__ = ("count", "huge", "params", "span")

    def __init__(self, huge: bool, span: Span | None = None, count: int | None = None) -> None:
        self.huge, self.span = huge, span
        # How many rows match at most (the count, or the narrowed superset's size); None: unknown.
        self.count = span[0] if span is not None else count
        self.params: dict[str, object] = {}

    def maybe_more_than(self, n: int) -> bool:
        return self.count is None or self.count > n

    @property
    def empty(self) -> bool:
        return self.span is not None and not self.span[0]

    def sql_filter(self, fts: str) -> str:
        # FTS5 uses a rowid range to bound its doclist walk (a rowid IN list would be one seek per id,
        # re-expanding a long prefix each time: 30 s for 4,800 ids at 100,000 sessions).
        if not self.span or not self.span[0]:
            return ""
        self.params = {f"lo_{fts}": self.span[1], f"hi_{fts}": self.span[2]}
        return f" AND {fts}.rowid BETWEEN :lo_{fts} AND :hi_{fts}"


class _Narrowing:
    """The previous keystroke's complete match sets, per FTS table, while the same words are typed."""

    # Kept only while someone types: a catalog changed by an import meanwhile is searched afresh soon.
    TTL_S = 10.0

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._match: str | None = None
        self._sets: dict[str, Span | None] = {}
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

    def _keep(self, match: str, fts: str, span: Span | None) -> None:
        with self._lock:
            if self._match == match:
                self._sets[fts] = span


class _Keystroke:
    def __init__(self, owner: _Narrowing, match: str, inherited: dict[str, Span | None]) -> None:
        self.owner, self.match, self.inherited = owner, match, inherited

    def candidates(self, conn, fts: str, match: str) -> _Candidates:  # noqa: ANN001
        old = self.inherited.get(fts)
        if old is not None:
            # Narrowing: this keystroke's rows are among the previous one's: no count, bounded ranking
            # (fewer than RANK_CAP), nothing at all when there were none, and their rowid range bounds
            # the walk. The superset stays valid for the next keystroke as long as it keeps narrowing.
            self.owner._keep(match, fts, old)
            return _Candidates(huge=False, span=old)
        # One row, not up to 5,000 rowids: SQLAlchemy's per-row processing cost ~4 ms for 5,000, and a
        # group_concat of them ~0.6 ms to split and sort in Python; the range is all that is used.
        n, lo, hi = conn.exec_driver_sql(f"SELECT count(*), min(rowid), max(rowid) FROM (SELECT rowid FROM {fts} WHERE {fts} MATCH :m "
                                         "LIMIT :cap)", {"m": match, "cap": NARROW_CAP}).one()
        self.owner._keep(match, fts, None if n >= NARROW_CAP else (n, lo, hi))
        return _Candidates(huge=n >= RANK_CAP, count=n)

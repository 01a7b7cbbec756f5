"""Search as you type: narrowing the next keystroke's query by the previous one's match set."""

from __future__ import annotations

import threading
import time

from sqlalchemy import text

# FTS5 ranks every match before LIMIT applies: a word in most of a 100,000-session catalog costs ~1 s.
# Past this many matches, relevance says little anyway: newest entries first, which FTS5 streams.
RANK_CAP = 5_000

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

    __slots__ = ("count", "huge", "ids", "params")

    def __init__(self, huge: bool, ids: list[int] | None = None, count: int | None = None) -> None:
        self.huge, self.ids = huge, ids
        # How many rows match at most (the count, or the narrowed superset's size); None: unknown.
        self.count = len(ids) if ids is not None else count
        self.params: dict[str, object] = {}

    def maybe_more_than(self, n: int) -> bool:
        return self.count is None or self.count > n

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
        # One row of text, not up to 5,000 rows: SQLAlchemy's per-row processing cost ~4 ms for 5,000.
        listed = conn.execute(text(f"SELECT group_concat(rowid) FROM (SELECT rowid FROM {fts} WHERE {fts} MATCH :m LIMIT :cap)"),
                              {"m": match, "cap": NARROW_CAP}).scalar()
        ids = sorted(map(int, listed.split(","))) if listed else []
        huge = len(ids) >= RANK_CAP
        self.owner._keep(match, fts, None if len(ids) >= NARROW_CAP else ids)
        return _Candidates(huge=huge, count=len(ids))

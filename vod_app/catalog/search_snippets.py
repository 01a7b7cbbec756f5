"""Description snippets for search hits: the query's words marked in the text shown (catalog/search.py).

Made here from the text rather than with FTS5's snippet(), which runs for every match before LIMIT.
"""

from __future__ import annotations

import dataclasses
import functools
import html
import itertools
import re
from collections.abc import Iterable, Sequence

from vod_app.domain.records import SearchHit

# Match marks inside a snippet until it is HTML-escaped (snippet_html turns them into <b></b>).
_MARK_START, _MARK_END = "\x02", "\x03"
_EXCERPT_TOKENS = 16


def snippet_html(marked: str) -> str:
    """Escape a snippet and turn FTS markers into <b> tags: safe to show as rich text."""
    escaped = html.escape(marked.replace("\r", " ").replace("\n", " "), quote=False)
    return escaped.replace(_MARK_START, "<b>").replace(_MARK_END, "</b>")


def with_snippets(hits: Iterable[SearchHit], made: dict[int, str]) -> list[SearchHit]:
    """``hits`` with the snippets still to be made taken from ``made`` (snippet_of -> HTML)."""
    return [h if h.snippet_of is None else dataclasses.replace(h, snippet=made.get(h.snippet_of, ""), snippet_of=None)
            for h in hits]


def _description_snippets(conn, match: str, text_ids: Sequence[int]) -> dict[int, str]:  # noqa: ANN001
    """Description snippets of the hits shown, the query's words marked, made here from the text.

    Not with FTS5's snippet(): in the ranked query it runs for every match before LIMIT, and for a
    title hit it needs ``MATCH`` plus ``rowid IN (...)``, which FTS5 answers with one seek per id,
    expanding a long prefix again each time (4 s for 100 rows at 100,000 sessions, ``"climat"*``).
    """
    if not text_ids:
        return {}
    ids = ",".join(str(int(i)) for i in text_ids)
    words = _query_words(match)
    out: dict[int, str] = {}
    for tid, desc in conn.exec_driver_sql(f"SELECT id, substr(description, 1, 2000) FROM texts WHERE id IN ({ids})").all():
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


# A word character that is not ASCII: where there is none, the folded text's words are the _fold of
# the description's words (same offsets), and regular expressions can find the phrases.
_NON_ASCII_WORD = re.compile(r"[^\W\x00-\x7f]")


@functools.lru_cache(maxsize=256)
def _phrase_patterns(phrases: tuple[Phrase, ...]) -> list[tuple[re.Pattern[str], int]]:
    """Each phrase as a pattern finding every start of it (overlapping ones too) in folded text."""
    out = []
    for ph in phrases:
        body = r"[\W_]+".join(re.escape(t) + (r"[^\W_]*" if p else r"(?![^\W_])") for t, p in ph)
        out.append((re.compile(r"(?<![^\W_])(?=" + body + ")"), len(ph)))
    return out


@functools.lru_cache(maxsize=64)
def _nth_word(n: int) -> re.Pattern[str]:
    """Matches from a word's start to the end of the ``n``-th word: words counted in C."""
    return re.compile(r"(?:[^\W_]+[\W_]+){" + str(n - 1) + r"}[^\W_]+")


def _phrase_hits_folded(
    folded: str, start: int, count: int, phrases: list[Phrase], size: int
) -> tuple[list[tuple[int, int, str]], list[int], int] | None:
    """:func:`_phrase_hits` on text folded in place (same offsets), and how many words it covers:
    the phrases found by regular expressions in C rather than word by word in Python, and the words
    listed only up to ``size`` past the first match (all a snippet shows). None where a word of the
    ``count`` is not ASCII."""
    first_word = _TOKEN.search(folded, start)
    if first_word is None:
        return [], [], 0
    s0 = first_word.start()
    last = _nth_word(count).match(folded, s0)
    end = last.end() if last else len(folded)
    if _NON_ASCII_WORD.search(folded, s0, end):
        return None
    words = count if last else len(_TOKEN.findall(folded, s0))
    found = [(m.start(), n) for pattern, n in _phrase_patterns(tuple(phrases)) for m in pattern.finditer(folded, s0, end)]
    first = len(_TOKEN.findall(folded, s0, min(f for f, _n in found))) if found else 0
    spans = [(m.start(), m.end(), "") for m in itertools.islice(_TOKEN.finditer(folded, s0), min(words, first + size))]
    hit = [0] * len(spans)
    index = {sp[0]: i for i, sp in enumerate(spans)}
    for k, (offset, n) in enumerate(found, start=1):  # numbered as _phrase_hits numbers them
        i = index.get(offset)
        if i is not None:
            hit[i : i + n] = [k] * min(n, len(spans) - i)
    return spans, hit, words


_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


# Kept for the next keystrokes: while a word is typed, mostly the same rows are shown again.
@functools.lru_cache(maxsize=1_024)
def _fold_in_place(desc: str) -> str:
    """``desc`` lower-cased, Latin letters without their diacritics (one character for one where it
    can). Only the non-ASCII runs go through the table: ``str.translate`` with a dict costs ~0.15 µs
    a character, most of a snippet's time for a 600-character description."""
    if desc.isascii():
        return desc.lower()
    table = _latin()
    return _NON_ASCII_RUN.sub(lambda m: m.group().translate(table), desc).lower()


@functools.lru_cache(maxsize=256)
def _word_start(token: str) -> re.Pattern[str]:
    return re.compile(r"(?<![^\W_])" + re.escape(token))


def _mark(desc: str, phrases: list[Phrase], size: int = 16) -> str:
    """About ``size`` words of ``desc`` from a little before the query's first match, matches marked
    as FTS5 would: a phrase where its words follow one another, one mark over consecutive words."""
    # Cheap tests first (C speed): most title hits' descriptions do not contain the query at all, and
    # in Latin text (folding keeps offsets) the first match is found without tokenising up to it.
    folded = _fold_in_place(desc)
    same = len(folded) == len(desc)
    if not same:
        import unicodedata

        folded = _MARKS.sub("", unicodedata.normalize("NFKD", desc.casefold()))
    present = any(ph[0][0] in folded for ph in phrases)
    start = 0
    if present and same:
        found = [m.start() for ph in phrases if (m := _word_start(ph[0][0]).search(folded))]
        if found and min(found) > 48:
            start = desc.rfind(" ", 0, min(found) - 48) + 1
    # Usually the first match is among the first few words from ``start``: look further only if not.
    for count in ((size * 3, 400) if present else (size,)):
        got = _phrase_hits_folded(folded, start, count, phrases if present else [], size) if same else None
        if got is None:
            spans, hit = _phrase_hits(desc, start, count, phrases if present else [])
            words = len(spans)
        else:
            spans, hit, words = got
        if any(hit) or words < count:
            break
    first = next((i for i, h in enumerate(hit) if h), 0)
    lo = max(0, min(first - size // 4, words - size))
    window = range(lo, min(words, lo + size))
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

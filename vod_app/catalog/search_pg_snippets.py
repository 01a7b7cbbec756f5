"""Snippets of PostgreSQL search hits (:mod:`vod_app.catalog.search_pg`): ts_headline of the rows shown only."""

from __future__ import annotations

from sqlalchemy import text

from vod_app.catalog.search import snippet_html
from vod_app.catalog.search_pg_sql import _Q

# ts_headline marks with the same control characters as FTS5's snippet() (snippet_html turns them
# into <b>): they cannot occur in stored text shown to people.
_HEADLINE_OPTS = "StartSel=\x02, StopSel=\x03, MaxWords=16, MinWords=6, MaxFragments=1, FragmentDelimiter=…, ShortWord=2"


def _headlines(conn, table: str, lang_col: str, col: str, q: str, ids: list[int]) -> dict[int, str]:  # noqa: ANN001
    """ts_headline of the rows shown only (it re-parses the whole text: the costly part of a search)."""
    if not ids:
        return {}
    rows = conn.execute(
        text(f"SELECT x.id, ts_headline(vod_ts_config(x.{lang_col}), x.{col}, {_Q}, :hl) FROM {table} AS x "
             "WHERE x.id = ANY(:ids)"),
        {"q": q, "hl": _HEADLINE_OPTS, "ids": list(ids)},
    ).all()
    return dict(rows)


def _text_snippets(conn, q: str, ids: list[int]) -> dict[int, str]:  # noqa: ANN001
    """Description snippets (HTML) of these texts rows; a description without a match (a title hit) starts it."""
    return {tid: snippet_html(snip if "\x02" in (snip or "") else _plain_start(snip))
            for tid, snip in _headlines(conn, "texts", "lang", "description", q, ids).items()}


def _cue_snippets(conn, q: str, ids: list[int]) -> dict[int, str]:  # noqa: ANN001
    return {cid: snippet_html(snip or "") for cid, snip in _headlines(conn, "cues", "language", "text", q, ids).items()}


def _plain_start(snip: str | None) -> str:
    """ts_headline without a match in the description (a title hit) starts the description: keep ~16 words."""
    words = (snip or "").split()
    return " ".join(words[:16]) + ("…" if len(words) > 16 else "")

"""Search as you type at scale: the titles-only index (migration 0006) and narrowing the previous
keystroke's match set while the same words are typed (catalog/search.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, text

from vod_app.catalog.database import open_catalog
from vod_app.catalog.importer import import_catalog_file
from vod_app.catalog.search import SqliteSearch, build_match

ROOT = Path(__file__).resolve().parents[2]
# Words of the built-in catalog (titles, descriptions, captions), whole and cut, plus noise.
WORDS = ["global", "compact", "migration", "migracion", "panel", "whole-of-government", "dialogue", "international",
         "gouvernement", "migrantes", "safe", "orderly", "regular", "partnerships", "cooperation", "zzz", "e-mail", "c++"]


def _key(hits: list) -> list[tuple]:  # noqa: ANN001
    return [(h.kind, h.session_id, h.panel_id, h.recording_id, h.start_ms, h.tier, h.title, h.snippet) for h in hits]


def _fts_in_sync(db: Path) -> None:
    conn = sqlite3.connect(db)
    try:
        conn.execute("INSERT INTO titles_fts(titles_fts, rank) VALUES ('integrity-check', 1)")  # raises if not
    finally:
        conn.close()


def test_titles_index_is_filled_by_import_and_follows_edits(catalog, tmp_path: Path) -> None:  # noqa: ANN001
    import_catalog_file(catalog, ROOT / "data" / "catalog.json")  # the importer's bulk path (trigger suspended)
    db = Path(catalog.engine.url.database)
    with catalog.read() as s:
        n_titles = s.execute(text("SELECT count(*) FROM texts WHERE title <> ''")).scalar_one()
        indexed = s.execute(text("SELECT count(*) FROM titles_fts WHERE titles_fts MATCH 'compact'")).scalar_one()
        expected = s.execute(text("SELECT count(*) FROM texts WHERE lower(title) LIKE '%compact%'")).scalar_one()
    assert n_titles > 0 and indexed == expected > 0
    _fts_in_sync(db)
    with catalog.write() as s:  # the triggers: an edited title is found by its new words only
        s.execute(text("UPDATE texts SET title = 'Zanzibar quokka' WHERE id = (SELECT min(id) FROM texts WHERE owner_kind = 'session')"))
    _fts_in_sync(db)
    hits = SqliteSearch(catalog).search("quokka")
    assert hits and hits[0].tier == 0 and hits[0].title == "Zanzibar quokka"


def test_title_tier_reads_the_titles_index_only(loaded_catalog) -> None:  # noqa: ANN001
    sent: list[str] = []
    event.listen(loaded_catalog.engine, "before_cursor_execute", lambda *a: sent.append(a[2]))
    hits = SqliteSearch(loaded_catalog).search("global compact")
    assert hits[0].tier == 0 and "<b>Global</b>" in hits[0].snippet
    assert any("titles_fts MATCH" in sql for sql in sent)
    assert not any("{title}" in sql for sql in sent)  # no column filter walking description doclists


@pytest.mark.parametrize(
    ("previous", "typed", "expected"),
    [
        ("global c", "global co", False),  # '"global"' -> '"global" "co"'? no: "co" is still too short
        ("global com", "global comp", True),  # the last word grows
        ("global", "global compact", True),  # a word is added
        ("global com", "global co", False),  # backspace widens
        ("migra", "migrb", False),
        ("whole-o", "whole-of", False),  # '"whole-"' (no prefix) -> '"whole-of"*': not a subset
        ("global com", "global compact ", True),  # the word ends: whole word
        ("uni", "un", False),
    ],
)
def test_narrows_only_when_every_new_match_is_an_old_one(previous: str, typed: str, expected: bool) -> None:
    from vod_app.catalog.search import narrows

    if build_match(previous) == build_match(typed):
        expected = True  # same expression, same rows
    assert narrows(build_match(previous), build_match(typed)) is expected


def test_narrowing_bounds_the_query_by_the_previous_keystrokes_rows(loaded_catalog) -> None:  # noqa: ANN001
    backend = SqliteSearch(loaded_catalog)
    sent: list[str] = []
    backend.search("migr")
    event.listen(loaded_catalog.engine, "before_cursor_execute", lambda *a: sent.append(a[2]))
    narrowed = backend.search("migra")
    assert any("rowid BETWEEN" in sql for sql in sent)  # the previous match set's range bounds the walk
    assert not any(sql.lstrip().startswith("SELECT rowid FROM") for sql in sent)  # not counted again
    assert _key(narrowed) == _key(SqliteSearch(loaded_catalog).search("migra"))


def test_a_word_that_matched_nothing_sends_no_query_while_it_grows(loaded_catalog) -> None:  # noqa: ANN001
    backend = SqliteSearch(loaded_catalog)
    assert backend.search("qzx") == []
    sent: list[str] = []
    event.listen(loaded_catalog.engine, "before_cursor_execute", lambda *a: sent.append(a[2]))
    assert backend.search("qzxv") == [] and backend.search("qzxvw") == []
    assert not any("MATCH" in sql for sql in sent)


@pytest.fixture(scope="module")
def shared_catalog(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    tmp = tmp_path_factory.mktemp("narrow")
    catalog = open_catalog(f"sqlite:///{tmp / 'c.sqlite3'}", backups_dir=tmp / "b")
    import_catalog_file(catalog, ROOT / "data" / "catalog.json")
    yield catalog
    catalog.dispose()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(WORDS) | st.text("aeimnorst- ", min_size=1, max_size=6), min_size=1, max_size=3),
       lang=st.sampled_from([None, "en", "fr", "es"]))
def test_narrowed_results_equal_a_fresh_query_at_every_keystroke(shared_catalog, words: list[str], lang: str | None) -> None:  # noqa: ANN001
    from vod_app.catalog.search import SearchFilters

    typed = " ".join(words)
    narrowing = SqliteSearch(shared_catalog)
    filters = SearchFilters(lang=lang)
    for k in range(1, len(typed) + 1):
        fresh = SqliteSearch(shared_catalog).search(typed[:k], filters, limit=100)
        assert _key(narrowing.search(typed[:k], filters, limit=100)) == _key(fresh), typed[:k]

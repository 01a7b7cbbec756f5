"""PostgreSQL search: what the probe of the newest rows decides (catalog/search_pg.py), and the
tsquery forms it reads text_terms with. Pure logic: the SQL runs in the PostgreSQL tests
(tests/unit/test_search.py on both engines, tests/integration/test_postgresql.py)."""

from __future__ import annotations

import pytest

from vod_app.catalog import search_pg, search_pg_sql


@pytest.mark.parametrize(
    ("hits", "read", "rows", "huge"),
    [
        (150, 2_000, 1_200_000.0, True),  # dense and large: walk, no count
        (5, 2_000, 1_200_000.0, True),  # ~3,000 in all, seen 5 times: sure enough
        (4, 2_000, 1_200_000.0, False),  # ~2,400 but seen 4 times: ranked, which counts up to the cap itself
        (0, 2_000, 1_200_000.0, False),
        (50, 2_000, 60_000.0, True),  # ~1,500 in all: within a factor 2 of the cap, walked (the same cost)
        (30, 2_000, 60_000.0, False),  # ~900 in all: ranked
        (40, 1_500, 1_500.0, False),  # a small table read whole: the count itself
        (search_pg.PG_RANK_CAP, 1_999, 1_999.0, True),
    ],
)
def test_the_probe_says_huge_only_when_sure(hits, read, rows, huge) -> None:  # noqa: ANN001
    assert search_pg._probably_huge(hits, read, rows, 2_000) is huge


@pytest.mark.parametrize(
    ("parsed", "anded"),
    [
        ("( 'whole' <-> 'of' <-> 'gov':* ) | ( 'whole' <2> 'gov':* )", "( 'whole' & 'of' & 'gov':* ) | ( 'whole' & 'gov':* )"),
        ("( 'labour' & 'mob':* )", "( 'labour' & 'mob':* )"),
    ],
)
def test_phrases_become_and_for_the_stripped_vectors(parsed: str, anded: str) -> None:
    assert search_pg_sql._PHRASE_OP.sub("&", parsed) == anded


def test_a_parse_another_implies_is_dropped() -> None:
    both = ["'return' & 'and' & 'rei':*", "'return' & 'rei':*"]
    assert search_pg_sql._absorbed(both) == ["'return' & 'rei':*"]
    assert search_pg_sql._absorbed(["'droit' & 'hum':*", "'droits' & 'hum':*"]) == ["'droit' & 'hum':*", "'droits' & 'hum':*"]
    phrase = ["'whole' <-> 'of' <-> 'gov':*", "'whole' <2> 'gov':*"]
    assert search_pg_sql._absorbed(phrase) == phrase  # phrases are left alone
    assert search_pg_sql._absorbed(["'a' & 'b'", "'a' & 'b'"]) == ["'a' & 'b'", "'a' & 'b'"]  # (DISTINCT upstream)


@pytest.mark.parametrize(
    ("q", "key"),
    [
        ("( 'disast' & 'risk' & 'red':* ) | ( 'disaster' & 'risk' & 'red':* )", "( 'disast' & 'risk' ) | ( 'disaster' & 'risk' )"),
        ("( 'mob':* )", "( 'mob':* )"),  # nothing else to look up
        ("( ( 'b':* & 'c' ) & 'x' )", "( ( 'b':* & 'c' ) & 'x' )"),  # nested: left alone
        ("( 'whole' <-> 'gov':* & 'x' )", "( 'whole' <-> 'gov':* & 'x' )"),
    ],
)
def test_the_index_reads_whole_words_and_the_prefix_is_tested_on_their_rows(q: str, key: str) -> None:
    assert search_pg_sql._key_terms(q) == key

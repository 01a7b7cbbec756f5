"""PostgreSQL search as you type: when one keystroke's tsquery bounds the next one's rows
(catalog/search_pg_narrowing.py). Pure logic on the parsed tsquery text; the SQL runs in
tests/integration/test_pg_narrowing.py."""

from __future__ import annotations

import pytest

from vod_app.catalog import search_pg_narrowing as nw


@pytest.mark.parametrize(
    ("new", "old", "implied"),
    [
        ("( 'return' & 'reintegra':* )", "( 'return' & 'rei':* )", True),  # the prefix grew
        ("( 'return' & 'rei':* )", "( 'return' )", True),  # a word was added
        ("( 'return' & 'reintegr' )", "( 'return' & 'reintegratio':* )", False),  # stemming cut it shorter
        ("( 'return' )", "( 'return' & 'rei':* )", False),  # fewer words: more rows
        ("( 'glob':* )", "( 'glob' )", False),  # a whole word does not bound its prefix
        ("( 'global' )", "( 'glob':* )", True),
        ("( 'a' & 'b' ) | ( 'a' & 'c' )", "( 'a' )", True),  # every branch of the new one under an old one
        ("( 'a' ) | ( 'c' )", "( 'a' & 'x' ) | ( 'a' )", False),  # 'c' alone is under none
        ("( 'whole' <-> 'of' <-> 'gove':* )", "( 'whole' <-> 'of' <-> 'gov':* )", True),  # the same phrase, longer prefix
        ("( 'whole' <2> 'gove':* )", "( 'whole' <-> 'of' <-> 'gov':* )", False),  # another phrase
        ("( 'whole' <-> 'gov':* )", "( 'whole' )", True),  # a phrase has each of its words
        ("( 'whole' & 'gov':* )", "( 'whole' <-> 'gov':* )", False),  # the words anywhere are not the phrase
        ("( ( 'b':* & 'c' ) & 'x' )", "( 'x' )", False),  # nested: unsure, so no
        ("!'a'", "'a'", False),
    ],
)
def test_a_keystroke_is_bounded_only_by_a_query_it_implies(new: str, old: str, implied: bool) -> None:
    assert nw.implies(new, old) is implied


def test_known_sets_are_kept_newest_first_for_a_while(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [100.0]
    monkeypatch.setattr(nw.time, "monotonic", lambda: clock[0])
    n = nw.PgNarrowing()
    assert n.begin() == {}
    n.keep("terms", nw.Known("( 'return' )", 0, 50, [3, 40, 3, 12]))
    got = n.begin()["terms"]
    assert got.ids == [40, 12, 3] and got.complete
    assert nw.usable(got, "( 'return' & 'rei':* )") is got
    assert not nw.Known("( 'return' )", 7, 50, []).complete  # a walked region is not the whole table
    assert nw.usable(got, "( 'labour' )") is None
    n.keep("terms", got)
    clock[0] += nw.PgNarrowing.TTL_S + 1  # nobody typed for a while: a catalog may have changed meanwhile
    assert n.begin() == {}

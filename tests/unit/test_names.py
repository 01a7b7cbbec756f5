"""Dates and part numbers read from file and folder names (formats/names.py, docs/folders.md)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vod_app.formats.names import date_from_name, find_date, find_part, tidy_title


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2019-05-10 Plenary", dt.date(2019, 5, 10)),
        ("Plenary 2019_05_10", dt.date(2019, 5, 10)),
        ("2019.05.10", dt.date(2019, 5, 10)),
        ("IMG_20190510_1430", dt.date(2019, 5, 10)),
        ("IDM_10_May_2019", dt.date(2019, 5, 10)),
        ("Council 10 May 2019 morning", dt.date(2019, 5, 10)),
        ("10th May 2019", dt.date(2019, 5, 10)),
        ("May 10, 2019 Council", dt.date(2019, 5, 10)),
        ("sept 3 2019", dt.date(2019, 9, 3)),
        ("Conseil 10 mai 2019", dt.date(2019, 5, 10)),
        ("1er avril 2020", dt.date(2020, 4, 1)),
        ("3 févr. 2021", dt.date(2021, 2, 3)),
        ("Consejo 10 de mayo de 2019", dt.date(2019, 5, 10)),
        ("10-05-2019", dt.date(2019, 5, 10)),  # day first when both could be the month
        ("10.05.2019", dt.date(2019, 5, 10)),
        ("05-31-2019", dt.date(2019, 5, 31)),  # 31 cannot be a month: US order
        ("2019-02-30 then 2019-03-01", dt.date(2019, 3, 1)),  # an impossible date is no date
    ],
)
def test_dates_in_names(name: str, expected: dt.date) -> None:
    assert date_from_name(name) == expected


@pytest.mark.parametrize(
    "name",
    ["20191399", "Panel 3", "2019", "Plenary part 2", "12345678", "1899-12-31", "2101-01-01", "31.12.1899", "Day 2 of 3", "May 2019", "4K 2160p"],
)
def test_numbers_that_are_not_dates(name: str) -> None:
    assert date_from_name(name) is None


def test_the_leftmost_date_wins_and_the_title_leaves_it_out() -> None:
    found = find_date("Council 2019-05-10 rerun 2020-01-01")
    assert found is not None and found.date == dt.date(2019, 5, 10)
    assert tidy_title("2019-05-10_Council_of_Ministers") == "Council of Ministers"
    assert tidy_title("Council - 10 May 2019") == "Council"
    assert tidy_title("Council (10 May 2019)") == "Council"
    assert tidy_title("Plenary (3)") == "Plenary (3)"
    assert tidy_title("2019-05-10") == "2019-05-10"  # nothing else to call it


@pytest.mark.parametrize(
    ("stem", "base", "number"),
    [
        ("Plenary part 1", "Plenary", 1),
        ("Plenary - Part 2", "Plenary", 2),
        ("Plenary_pt3", "Plenary", 3),
        ("Plenary pt. 2 of 3", "Plenary", 2),
        ("Plenary (2)", "Plenary", 2),
        ("Plenary 1of3", "Plenary", 1),
        ("Plenary 3 of 3", "Plenary", 3),
        ("Plénière partie 2", "Plénière", 2),
        ("Pleno parte 10", "Pleno", 10),
    ],
)
def test_part_numbers(stem: str, base: str, number: int) -> None:
    part = find_part(stem)
    assert part is not None and (part.base, part.number) == (base, number)


def test_parts_of_one_stem_share_a_key_and_bare_numbers_are_not_parts() -> None:
    keys = {find_part(s).key for s in ("Plenary part 1", "plenary_PT2", "Plenary (3)")}  # type: ignore[union-attr]
    assert keys == {"plenary"}
    for stem in ("Panel 2", "Day 3", "part 2", "Counterpart 2", "Plenary"):
        assert find_part(stem) is None, stem


_MONTH_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)), st.sampled_from(["iso", "compact", "dmy", "mdy", "under"]))
def test_any_real_date_written_in_a_documented_pattern_reads_back(d: dt.date, pattern: str) -> None:
    text = {
        "iso": d.isoformat(),
        "compact": d.strftime("%Y%m%d"),
        "dmy": f"{d.day} {_MONTH_EN[d.month - 1]} {d.year}",
        "mdy": f"{_MONTH_EN[d.month - 1]} {d.day}, {d.year}",
        "under": d.strftime("%Y_%m_%d"),
    }[pattern]
    assert date_from_name(f"Council {text} morning") == d


@given(st.text(max_size=60))
def test_whatever_the_name_a_date_is_real_and_in_range(name: str) -> None:
    found = find_date(name)
    if found is not None:
        assert 1900 <= found.date.year <= 2100
        assert 0 <= found.start < found.end <= len(name)
    assert tidy_title(name or "x")


def test_sessions_planned_from_names() -> None:
    """The grouping rule of docs/folders.md, on names only (plan_sessions touches no file)."""
    from pathlib import Path

    from vod_app.catalog.folder_sessions import plan_sessions

    root = Path("/rec")
    t = root / "talks"
    files = [
        t / "Budget part 1 2019-06-01.mkv",
        t / "Budget part 2 2019-06-01.mkv",
        t / "Budget part 1 2019-06-02.mkv",  # the same name on another day: another session
        t / "2019-05-10_Plenary_part_2.mkv",
        t / "2019-05-10_Plenary_part_10.mkv",
        t / "2019-05-10_Plenary_part_1.mkv",
        t / "Panel 2.mp4",
        t / "Panel 3.mp4",
        t / "Q&A (2).mp4",  # one part alone keeps its whole name
        root / "2019-05-10 Council" / "b.mkv",
        root / "2019-05-10 Council" / "a.mkv",
    ]
    groups = plan_sessions(files)
    got = {(g.title, g.date, tuple(p.name for p in g.members)) for g in groups}
    assert got == {
        ("Budget", dt.date(2019, 6, 1), ("Budget part 1 2019-06-01.mkv", "Budget part 2 2019-06-01.mkv")),
        ("Budget part 1", dt.date(2019, 6, 2), ("Budget part 1 2019-06-02.mkv",)),
        ("Plenary", dt.date(2019, 5, 10), ("2019-05-10_Plenary_part_1.mkv", "2019-05-10_Plenary_part_2.mkv", "2019-05-10_Plenary_part_10.mkv")),
        ("Panel 2", None, ("Panel 2.mp4",)),
        ("Panel 3", None, ("Panel 3.mp4",)),
        ("Q&A (2)", None, ("Q&A (2).mp4",)),
        ("Council", dt.date(2019, 5, 10), ("a.mkv", "b.mkv")),
    }
    # A file's session depends on its own path only: the same uid whatever else is in the folder.
    uids = {p: g.uid for g in groups for p in g.members}
    for g in plan_sessions(files[::2]):
        assert all(uids[p] == g.uid for p in g.members)

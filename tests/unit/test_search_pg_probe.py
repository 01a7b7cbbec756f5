"""PostgreSQL search: how a huge match set's newest rows are read (catalog/search_pg.py, the probe).
Pure decision logic: a stand-in connection answers the probe and the count; the SQL runs in the
PostgreSQL tests (tests/unit/test_search.py on both engines, tests/integration/test_postgresql.py)."""

from __future__ import annotations

import pytest

from vod_app.catalog import search_pg


class _Answers:
    def __init__(self, probe: tuple[int, float], count: int) -> None:
        self.probe, self.count = probe, count
        self.sent: list[str] = []

    def execute(self, statement, params):  # noqa: ANN001, ANN201
        sql = str(statement)
        self.sent.append(sql)
        answer = self

        class _Result:
            def one(self):  # noqa: ANN202
                return answer.probe

            def scalar_one(self):  # noqa: ANN202
                return answer.count

        return _Result()


@pytest.mark.parametrize(
    ("probe", "count", "huge", "key", "counted"),
    [
        ((150, 1_200_000.0), 1_000, True, "t.id", False),  # dense and large: walk, no count
        ((4, 1_200_000.0), 1_000, True, "t.id", True),  # sparse but ~24,000 in all: walk; too few to skip the count
        ((3, 60_000.0), 1_000, True, "t.id + 0", True),  # ~900 in all: the GIN bitmap
        ((0, 60_000.0), 1_000, True, "t.id + 0", True),
        ((0, 60_000.0), 12, False, "t.id + 0", True),  # not huge: ranked (the key is not used)
        ((50, 2_000.0), 40, False, "t.id + 0", True),  # a small catalog is always counted
    ],
)
def test_the_probe_chooses_the_walk_or_the_bitmap(probe, count, huge, key, counted) -> None:  # noqa: ANN001
    conn = _Answers(probe, count)
    assert search_pg._huge_and_newest(conn, "texts", "tsv", "'x':*", "t") == (huge, key)
    assert any("count(*) FROM (SELECT 1 FROM texts" in s for s in conn.sent) == counted

"""The ranking window (SQLite): only the best rows of the window are joined, and event texts dropped
after that cut never cost a hit (catalog/search.py, _TEXT_HITS_WINDOW)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vod_app.catalog import search as search_module
from vod_app.catalog.importer import import_catalog_file
from vod_app.catalog.search import SqliteSearch


def _ids(hits) -> list[tuple]:  # noqa: ANN001
    return [(h.kind, h.session_id, h.panel_id, h.tier) for h in hits]


@pytest.fixture
def event_heavy(catalog, tmp_path: Path):  # noqa: ANN001, ANN201
    """Events whose titles are the best matches for "harbour", then many sessions that match less well."""
    events = [{"id": f"e{i}", "organiser": "O", "year": 2020, "title": {"en": "Harbour harbour harbour"}} for i in range(3)]
    sessions = [{"id": f"s{i}", "event": f"e{i % 3}", "date": f"2020-01-{1 + i % 28:02d}",
                 "title": {"en": f"Harbour works number {i} and many other words that dilute the score"}, "recordings": []}
                for i in range(12)]
    doc = {"format": "vod-app-catalog", "version": 1, "events": events, "sessions": sessions}
    (tmp_path / "c.json").write_text(json.dumps(doc), "utf-8")
    import_catalog_file(catalog, tmp_path / "c.json")
    return catalog


@pytest.mark.parametrize("limit", [1, 2, 3, 5])
def test_event_texts_cut_by_the_window_cost_no_hit(event_heavy, limit: int) -> None:  # noqa: ANN001
    search = SqliteSearch(event_heavy)
    every = search.search("harbour", limit=50)
    assert len(every) == 12 and all(h.kind == "session" for h in every)
    assert _ids(SqliteSearch(event_heavy).search("harbour", limit=limit)) == _ids(every)[:limit]


def test_the_window_is_joined_whole_only_when_the_cut_lost_rows(event_heavy, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    calls: list[bool] = []
    real = search_module._window_cut_too_much

    def spy(*args):  # noqa: ANN002, ANN202
        calls.append(got := real(*args))
        return got

    monkeypatch.setattr(search_module, "_window_cut_too_much", spy)
    SqliteSearch(event_heavy).search("harbour", limit=1)  # the 3 event titles are the best 3: cut away
    SqliteSearch(event_heavy).search("works", limit=1)  # no event matches
    assert calls[0] is True and calls[-1] is False

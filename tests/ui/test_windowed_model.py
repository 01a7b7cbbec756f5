"""The recent list keeps rows near what was shown, not every row scrolled past (ui/models.py)."""

from __future__ import annotations

import gc

import pytest

from vod_app.catalog.database import open_catalog
from vod_app.catalog.repository import CatalogRepository
from vod_app.domain.records import RecordingSummary
from vod_app.ui.models import RecordingListModel, Roles

SESSIONS = 1_200


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    from bench.generator import Catalog
    from bench.importing import app_import

    tmp = tmp_path_factory.mktemp("windowed")
    db = tmp / "c.sqlite3"
    app_import(Catalog(SESSIONS, 7), db, validate=False)
    catalog = open_catalog(f"sqlite:///{db}", backups_dir=tmp / "b")
    yield CatalogRepository(catalog)
    catalog.dispose()


def _summaries_alive() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, RecordingSummary))


def test_scrolling_everything_keeps_a_bounded_window_and_rows_come_back(qtbot, repo) -> None:  # noqa: ANN001, ARG001
    def loader(cursor, n):  # noqa: ANN001, ANN202
        return repo.recent_recordings(limit=n, cursor=cursor)

    before = _summaries_alive()
    model = RecordingListModel(loader)
    model.MAX_PAGES = 3  # a window of 300 rows over 1,200 (the app keeps 30 pages over 100,000)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == SESSIONS
    held = _summaries_alive() - before
    assert held <= 3 * model.PAGE_SIZE  # not every row scrolled past

    # Scrolled back to the top: the evicted first page is read again, the same rows in the same order.
    fresh = RecordingListModel(loader)
    fresh.MAX_PAGES = 10_000
    while fresh.canFetchMore():
        fresh.fetchMore()
    for row in (0, 1, 99, 100, 650, SESSIONS - 1):
        assert model.record(row) == fresh.record(row), row
        assert model.data(model.index(row), Roles.Title) == fresh.record(row).title
    assert model.record(SESSIONS) is None and model.data(model.index(SESSIONS), Roles.Title) is None


def test_a_fixed_list_is_never_evicted(qtbot, repo) -> None:  # noqa: ANN001, ARG001
    items = list(repo.recent_recordings(limit=100).items) * 40  # 4,000 rows, more than the window
    model = RecordingListModel(lambda _c, _n: None)  # a loader that must never be called
    model.set_items(items)
    assert model.rowCount() == len(items)
    assert [model.record(i) for i in range(len(items))] == items

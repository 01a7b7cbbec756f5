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


def test_pages_read_ahead_are_the_pages_the_gui_thread_would_read(qtbot, repo) -> None:  # noqa: ANN001, ARG001
    """With ``read_ahead`` (ui/list_reads.py: the lists lane), the next fetchMore takes the page read
    aside and reads nothing itself; one asked for while being read is inserted when it arrives; a
    failed read is read at once; a reset starts from its first page again."""
    gui_reads: list[str | None] = []
    waiting: list = []  # (done, cursor, n) of the reads aside, answered when the test says so

    def loader(cursor, n):  # noqa: ANN001, ANN202
        gui_reads.append(cursor)
        return repo.recent_recordings(limit=n, cursor=cursor)

    def answer(failed: bool = False) -> None:
        done, cursor, n = waiting.pop(0)
        done(None if failed else repo.recent_recordings(limit=n, cursor=cursor))

    model = RecordingListModel(loader)
    model.MAX_PAGES = 10_000
    model.fetchMore()
    model.read_ahead = lambda cursor, n, done: waiting.append((done, cursor, n))
    model.fetchMore()  # nothing read ahead yet: read here, then the third page is asked for
    assert len(gui_reads) == 2 and len(waiting) == 1
    answer()
    model.fetchMore()  # the third page, from the read ahead
    assert len(gui_reads) == 2 and model.rowCount() == 3 * model.PAGE_SIZE
    model.fetchMore()  # the fourth is still being read: inserted when it arrives
    assert len(gui_reads) == 2 and model.rowCount() == 3 * model.PAGE_SIZE
    answer()
    assert len(gui_reads) == 2 and model.rowCount() == 4 * model.PAGE_SIZE
    model.fetchMore()
    answer(failed=True)  # the fifth's read failed: read here
    assert len(gui_reads) == 3 and model.rowCount() == 5 * model.PAGE_SIZE
    while model.canFetchMore():
        answer()
        model.fetchMore()
    fresh = RecordingListModel(lambda c, n: repo.recent_recordings(limit=n, cursor=c))
    fresh.MAX_PAGES = 10_000
    while fresh.canFetchMore():
        fresh.fetchMore()
    assert model.rowCount() == fresh.rowCount() == SESSIONS
    assert [model.record(r) for r in range(0, SESSIONS, 37)] == [fresh.record(r) for r in range(0, SESSIONS, 37)]
    model.reset_with()
    assert model.rowCount() == model.PAGE_SIZE and gui_reads[-1] is None

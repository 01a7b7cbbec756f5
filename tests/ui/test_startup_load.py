"""A second start on a catalog: the first page from plain sqlite3, then the ORM's services (startup.py)."""

from __future__ import annotations

import threading
from pathlib import Path


def test_a_second_start_shows_the_first_page_then_hands_over_to_the_orm(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from vod_app.catalog.database import Catalog
    from vod_app.startup import FirstPageRepository

    url = f"sqlite:///{tmp_path / 'ui.sqlite3'}"
    first = make_window(url)  # a new file: opened the normal way (built-in catalog loaded)
    assert not isinstance(first.services.repo, FirstPageRepository)
    shown = [first.recent_model.record(r).recording_uid for r in range(first.recent_model.rowCount())]
    first.close()
    first.catalog.dispose()

    again = make_window(url)
    assert isinstance(again.services.repo, FirstPageRepository)
    assert [again.recent_model.record(r).recording_uid for r in range(again.recent_model.rowCount())] == shown
    qtbot.waitUntil(lambda: isinstance(again.catalog, Catalog), timeout=20_000)  # loaded after the first paint
    assert again.browse.language_filter.count() > 1  # filled once the ORM had loaded
    assert again.services.repo.session_id_for_uid(again.recent_model.record(0).session_uid) is not None


def test_a_load_a_worker_asked_for_first_is_delivered_on_the_gui_thread(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from vod_app.app import build_window

    url = f"sqlite:///{tmp_path / 'ui.sqlite3'}"
    first = make_window(url)
    first.close()
    first.catalog.dispose()
    hidden = build_window(url, headless_playback=True, thumbnails=False)  # never shown: no first paint
    qtbot.addWidget(hidden)
    pending = hidden.services.repo._pending
    delivered: list[bool] = []
    pending.on_ready.append(lambda _loaded: delivered.append(threading.current_thread() is threading.main_thread()))
    got: list[int] = []
    hidden.runner.submit(lambda: hidden.services.users.person_id, on_done=got.append)  # a worker needs the ORM
    qtbot.waitUntil(lambda: bool(got) and bool(delivered), timeout=20_000)
    assert delivered == [True] and got[0] >= 1
    hidden.catalog.dispose()

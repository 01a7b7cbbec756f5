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
    qtbot.waitUntil(lambda: again.browse.language_filter.count() > 1, timeout=5_000)  # read on a worker once the ORM had loaded
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


def test_damage_found_by_the_load_after_the_first_page_offers_to_rebuild(make_window, qtbot, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from vod_app import startup
    from vod_app.app import AppShell
    from vod_app.catalog.database import Catalog, CorruptDatabaseError

    url = f"sqlite:///{tmp_path / 'ui.sqlite3'}"
    first = make_window(url)
    first.close()
    first.catalog.dispose()
    real = startup.LoadedServices.__init__
    calls: list[int] = []

    def damaged_once(self, *args, **kwargs) -> None:  # noqa: ANN001
        calls.append(1)
        if len(calls) == 1:  # the first load, after the first page: damage deeper in the file
            raise CorruptDatabaseError(f"{tmp_path / 'ui.sqlite3'}: database disk image is malformed")
        real(self, *args, **kwargs)

    monkeypatch.setattr(startup.LoadedServices, "__init__", damaged_once)
    monkeypatch.setattr("vod_app.catalog.recovery.recover_catalog", lambda *a, **k: type("R", (), {"lines": lambda self: ["rebuilt"]})())
    asked: list[str] = []
    shell = AppShell(url, headless_playback=True, ask=lambda error, parent=None: asked.append(error) or True,
                     tell=lambda *a, **k: None)
    assert shell.open()
    damaged = shell.window
    qtbot.addWidget(damaged)
    shell.show()
    qtbot.waitUntil(lambda: getattr(damaged, "load_error", None) is not None, timeout=20_000)
    assert damaged.services.repo._reader is None  # the first page's connection let go of the file
    shell.check_now()
    assert asked and "malformed" in asked[0]
    assert shell.window is not damaged
    qtbot.addWidget(shell.window)
    qtbot.waitUntil(lambda: isinstance(shell.window.catalog, Catalog), timeout=20_000)
    shell.window.close()
    shell.close()


def test_the_load_and_a_search_do_not_wait_for_another_process_write_lock(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """An import in another process holds the write lock: the ORM's load after the first page needs
    no write for a known person, and the search box's interrupt never waits for the load (bench: the
    GUI stall figure's search phase had frozen 8 s on it)."""
    import sqlite3
    import time

    from vod_app.catalog.database import Catalog
    from vod_app.startup import FirstPageRepository, Later

    db = tmp_path / "ui.sqlite3"
    first = make_window(f"sqlite:///{db}")
    first.close()
    first.catalog.dispose()
    holder = sqlite3.connect(db, isolation_level=None, timeout=1)
    holder.execute("BEGIN IMMEDIATE")  # as an import does
    try:
        again = make_window(f"sqlite:///{db}")
        assert isinstance(again.services.repo, FirstPageRepository)
        assert isinstance(again.services.search, Later)
        t0 = time.monotonic()
        again.services.search.interrupt()  # what the search box calls on the GUI thread
        assert time.monotonic() - t0 < 0.05
        qtbot.waitUntil(lambda: isinstance(again.catalog, Catalog), timeout=5_000)  # loaded while the lock is held
    finally:
        holder.execute("ROLLBACK")
        holder.close()

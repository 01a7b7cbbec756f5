"""The start page's lists read on the task runner's ``lists`` lane (issue 14, "GUI stall").

Coming back from the player (and a position write landing) read Continue watching on the GUI
thread: 40-70 ms while another worker ran Python. Scrolling read each page of the recent list
there too, waiting for the disk and the GIL. Both are read on the ``lists`` lane now (one thread:
before the ORM has loaded they share one ``sqlite3`` connection): Continue watching when the start
page comes back (the list read last shows meanwhile; only the newest read's result is shown), and
the recent list's next page while the current one is looked at (``RecordingListModel.read_ahead``).
An explicit refresh (the window's ``refresh_lists``: start-up, imports, filters) still reads at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from vod_app.domain.records import Page, RecordingSummary

LANE = "lists"


class ContinueWatching:
    """Fills ``model`` (a RecordingListModel of fixed items) with this person's partly watched recordings."""

    def __init__(self, window: Any, model: Any) -> None:
        self.window, self.model = window, model
        self._asked = 0  # the newest read; an older one's result is dropped

    def read_now(self) -> None:
        """Read on this thread (raises what the repository raises)."""
        self._asked += 1
        w = self.window
        self.model.set_items(w.services.repo.continue_watching(prefs=w.prefs_langs()))

    def read_later(self) -> None:
        """Read on the lists lane; the start page shows it when it arrives, if it is still showing."""
        self._asked += 1
        asked, w = self._asked, self.window
        repo, prefs = w.services.repo, w.prefs_langs()

        def read() -> list[RecordingSummary]:
            return repo.continue_watching(prefs=prefs)

        def done(items: list[RecordingSummary]) -> None:
            if asked != self._asked:
                return
            self.model.set_items(items)
            if w.stack.currentWidget() is w.browse and not w.browse.showing_results():
                w.browse.show_home()

        def failed(exc: BaseException) -> None:
            if asked == self._asked:
                w.report_error(QCoreApplication.translate("MainWindow", "The catalog could not be read: {error}").format(error=exc))

        w.runner.submit(read, on_done=done, on_error=failed, lane=LANE)


def recent_read_ahead(window: Any) -> Callable[[str | None, int, Callable[[Page[RecordingSummary] | None], None]], None]:
    """The recent list's ``read_ahead``: the page after ``cursor`` with the filters shown now, read on
    the lists lane (None when it failed: the model reads it again on the GUI thread, which says what is wrong)."""

    def read_ahead(cursor: str | None, n: int, done: Callable[[Page[RecordingSummary] | None], None]) -> None:
        repo, filters, prefs = window.services.repo, window._filters(), window.prefs_langs()

        def read() -> Page[RecordingSummary]:
            return repo.recent_recordings(limit=n, cursor=cursor, filters=filters, prefs=prefs)

        window.runner.submit(read, on_done=done, on_error=lambda _exc: done(None), lane=LANE)

    return read_ahead

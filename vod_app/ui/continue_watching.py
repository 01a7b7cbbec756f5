"""The start page's Continue watching list: read again on the task runner when the start page comes back.

Coming back from the player (and a position write landing) read the list on the GUI thread: 40-70 ms
while another worker ran Python (the bench's "GUI stall", play phase). The read now runs on the
runner's general pool; the list shown meanwhile is the one read last, and only the newest read's
result is shown. An explicit :meth:`read_now` (the window's ``refresh_lists``: start-up, imports,
filters) still reads at once.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from vod_app.domain.records import RecordingSummary


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
        """Read on the task runner; the start page shows it when it arrives, if it is still showing."""
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

        w.runner.submit(read, on_done=done, on_error=failed)

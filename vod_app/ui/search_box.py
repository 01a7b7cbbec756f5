"""The search box: the field, its debounce while typing, and the sequencing of queries.

Every query gets a sequence number; results of a query that a later keystroke (or Home) has
superseded are dropped, whatever order the worker finishes them in. The window decides what a
query's results do (show them on the browse page); this class only decides which results count.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from vod_app.tasks import TaskRunner

SEARCH_DEBOUNCE_MS = 150
# Hits whose snippets the search makes at once: a first screen of results (12 rows of 54 px in a 1280x800
# window) and some. The others are made when their row is painted (models.SearchResultsModel).
SNIPPETS_FIRST = 15


class SearchBox(QObject):
    """Owns `field` (a QLineEdit for the toolbar) and runs its queries on `runner`, newest only."""

    down_pressed = Signal()  # Down in the field: the window moves focus to the list

    def __init__(self, runner: TaskRunner, run: Callable[[], None], parent: QWidget) -> None:
        """run: called when the typing pauses (the window builds and starts the query)."""
        super().__init__(parent)
        self._runner = runner
        self._seq = 0
        self.field = QLineEdit(parent)
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText(
            QCoreApplication.translate("MainWindow", "Search titles, descriptions and captions (Ctrl+F)")
        )
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName(QCoreApplication.translate("MainWindow", "Search"))
        self.field.setMaxLength(1000)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self.debounce.timeout.connect(run)
        self.field.textChanged.connect(lambda _t: self.debounce.start())
        self.field.installEventFilter(self)

    def eventFilter(self, obj: Any, ev: QEvent) -> bool:  # noqa: N802
        """Down goes to the results or recent list; Escape empties the field."""
        if obj is self.field and ev.type() == QEvent.Type.KeyPress:
            if ev.key() == Qt.Key.Key_Down:
                self.down_pressed.emit()
                return True
            if ev.key() == Qt.Key.Key_Escape:
                self.field.clear()
                return True
        return super().eventFilter(obj, ev)

    def text(self) -> str:
        return self.field.text()

    def supersede(self) -> int:
        """A new query (or none, after Home): every query still running is now stale."""
        self._seq += 1
        return self._seq

    def cancel(self) -> None:
        """Drop the typed query not yet run and the results of any still running."""
        self.debounce.stop()
        self.supersede()

    def submit(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        interrupt: Callable[[], None] | None = None,
    ) -> None:
        """Run work on the runner's search lane; on_done / on_error only if no newer query started since.

        ``interrupt`` stops this query inside the search engine when the next one supersedes it."""
        seq = self.supersede()

        def done(result: Any) -> None:
            if seq == self._seq:
                on_done(result)

        def failed(exc: BaseException) -> None:
            if seq == self._seq:
                on_error(exc)

        self._runner.submit_latest("search", work, on_done=done, on_error=failed, interrupt=interrupt)

    def run_aside(self, work: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        """Run work for the current query's results (their snippets) on the search lane, after the
        query; skipped, and on_done not called, once a newer query has started. Errors are dropped:
        a snippet that cannot be made stays a placeholder."""
        seq = self._seq

        def aside() -> Any:
            return work() if seq == self._seq else None

        def done(result: Any) -> None:
            if seq == self._seq and result is not None:
                on_done(result)

        self._runner.submit(aside, on_done=done, lane="search")

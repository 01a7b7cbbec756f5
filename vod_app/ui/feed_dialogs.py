"""File → Subscribe to feed… and Refresh feeds: the URL dialog, and the work off the GUI thread with
progress and Cancel (a cancelled read writes nothing)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from vod_app.tasks import CancelToken, TaskRunner


class SubscribeDialog(QDialog):
    """Asks for a feed URL (podcast, media RSS or Atom)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("subscribeFeed")
        self.setWindowTitle(self.tr("Subscribe to feed"))
        self.setMinimumWidth(520)
        intro = QLabel(self.tr("The address of a podcast, media RSS or Atom feed (https://…). Its episodes become "
                               "sessions of one event; Refresh feeds adds new episodes."), self)
        intro.setWordWrap(True)
        self.url = QLineEdit(self)
        self.url.setObjectName("feedUrl")
        self.url.setPlaceholderText("https://example.org/feed.xml")
        self.url.setAccessibleName(self.tr("Feed address"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Subscribe"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.url.textChanged.connect(lambda t: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(t.strip())))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.url)
        lay.addWidget(self.buttons)
        intro.setMinimumHeight(intro.heightForWidth(496))  # a wrapped label's height is not known before layout


class FeedFlow(QObject):
    """Runs subscribe and refresh through the window's task runner and reports the result."""

    def __init__(self, window: Any, service: Any, runner: TaskRunner) -> None:
        super().__init__(window)
        self.window, self.service, self.runner = window, service, runner
        self.dialog: SubscribeDialog | None = None
        self.last_message = ""

    def session_opened(self, session_uid: str) -> None:
        """A feed's session is no longer "New" once opened; the start page is reloaded if that changed it."""
        if session_uid.startswith("feed-"):
            # A write: in order with the person's others, off the GUI thread (ui/writes.py); a failure is harmless.
            self.window.writes.call(lambda: self.service.mark_seen(session_uid), self._seen, lambda _exc: None)

    def _seen(self, changed: bool) -> None:
        if changed:
            self.window.refresh_lists()

    def subscribe_dialog(self) -> None:
        self.dialog = SubscribeDialog(self.window)
        self.dialog.accepted.connect(lambda: self.subscribe(self.dialog.url.text().strip()) if self.dialog else None)
        self.dialog.open()

    def _progress(self, text: str) -> tuple[QProgressDialog, CancelToken]:
        token = CancelToken()
        dialog = QProgressDialog(text, self.tr("Cancel"), 0, 0, self.window)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(token.cancel)
        return dialog, token

    def subscribe(self, url: str) -> None:
        dialog, token = self._progress(self.tr("Reading the feed…"))
        self.runner.submit(
            self.service.subscribe,
            on_done=lambda report: self._finished(dialog, [report]),
            on_error=lambda exc: self._failed(dialog, exc),
            location=url,
            cancel=token,
        )

    def refresh(self) -> None:
        dialog, token = self._progress(self.tr("Refreshing feeds…"))

        def progress(done: int, total: int, label: str) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)
            dialog.setLabelText(label)

        self.runner.submit(
            self.service.refresh,
            on_done=lambda results: self._finished(dialog, results),
            on_error=lambda exc: self._failed(dialog, exc),
            progress=self.runner.progress_callback(progress),
            cancel=token,
        )

    def _finished(self, dialog: QProgressDialog, results: list[Any]) -> None:
        dialog.close()
        reports = [r for r in results if not isinstance(r, BaseException)]
        errors = [str(r) for r in results if isinstance(r, BaseException)]
        added = sum(r.items_added for r in reports)
        skipped = [f"{name}: {why}" for r in reports for name, why in r.skipped]
        text = self.tr("%n new episode(s)", "", added)
        if errors or skipped:
            text += "\n" + self.tr("%n problem(s): see the details", "", len(errors) + len(skipped))
        self.last_message = text
        self.window.statusBar().showMessage(text.replace("\n", " "), 8000)
        if errors or skipped:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Feeds"), text, parent=self.window)
            box.setObjectName("feedSummary")
            box.setTextFormat(Qt.TextFormat.PlainText)  # feed text is never markup here
            box.setDetailedText("\n".join(errors + skipped))
            box.open()
        self.window.refresh_lists()

    def _failed(self, dialog: QProgressDialog, exc: BaseException) -> None:
        dialog.close()
        self.last_message = str(exc)
        self.window.report_error(self.tr("Nothing was changed. {error}").format(error=exc))

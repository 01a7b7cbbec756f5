"""A shared catalog's reachability in the window's status bar (issue 13)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot


class ServerStatus(QObject):
    """A shared catalog's reachability in the status bar, and pending writes retried every 10 s.

    ``message`` is emitted on task-runner threads (UserStateRepository.on_status) and delivered to
    the GUI thread through a queued connection to a slot.
    """

    message = Signal(str)

    def __init__(self, window, users, runner) -> None:  # noqa: ANN001
        super().__init__(window)
        from PySide6.QtCore import QTimer

        self.window, self.users, self.runner = window, users, runner
        self.message.connect(self._show, Qt.ConnectionType.QueuedConnection)
        users.on_status = self.message.emit
        self.timer = QTimer(self)
        self.timer.setInterval(10_000)
        self.timer.timeout.connect(self._retry)
        self.timer.start()

    @Slot(str)
    def _show(self, text: str) -> None:
        from vod_app.catalog.database import UNREACHABLE

        if text == UNREACHABLE:
            shown = QCoreApplication.translate("MainWindow", "Catalog server unreachable, retrying…")
        else:
            shown = QCoreApplication.translate("MainWindow", "Catalog server reachable again; your changes were saved")
        self.window.statusBar().showMessage(shown, 15_000)

    @Slot()
    def _retry(self) -> None:
        if self.users.has_pending:
            self.runner.submit(self.users.flush_pending, lane="writes")  # in order with the window's writes

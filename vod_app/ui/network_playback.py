"""The player page with media from a server: buffering, a clear message when the server fails, and
carrying on when it is back.

When an http(s) recording fails (cannot open, or its stream stops early), the server is asked once
(playback/network_probe.py, on a worker thread; the answer comes back through a queue read by a GUI
timer, so no Qt object is touched off the GUI thread). The message then names the host and tells an
unreachable server from a missing file. While the player page shows that recording, transient
failures are retried with backoff (2, 4, 8, 15, 30, 30... s); when the server answers again the
recording reopens at the position reached. "Try again" retries at once.
"""

from __future__ import annotations

import queue
import threading
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QLabel, QWidget

from vod_app.playback.network_probe import ServerCheck, check_server

RETRY_DELAYS_MS = (2_000, 4_000, 8_000, 15_000, 30_000)
POLL_MS = 50


def is_network(source: str | None) -> bool:
    return bool(source) and urlsplit(source or "").scheme.lower() in ("http", "https")


class NetworkPlayback(QObject):
    """Attached to a PlayerPage (``page.network``); talks to the page's controller and widgets."""

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self.page = page
        self.delays_ms = list(RETRY_DELAYS_MS)  # tests shorten them
        self.attempt = 0
        self.last_check: ServerCheck | None = None
        self._failed_source: str | None = None
        self._resume_ms = 0
        self._results: queue.SimpleQueue[tuple[int, ServerCheck]] = queue.SimpleQueue()
        self._ticket = 0  # a check answered after a newer one was asked is dropped
        self._checking = False
        self._reopened_at = -1

        self.buffering = QLabel(page)
        self.buffering.setObjectName("bufferingLabel")
        self.buffering.setTextFormat(Qt.TextFormat.PlainText)
        self.buffering.setStyleSheet("QLabel#bufferingLabel { background: #1d3a5a; color: white; padding: 4px 8px; }")
        self.buffering.hide()
        column = page.resume_box.parentWidget().layout()
        column.insertWidget(column.indexOf(page.resume_box) + 1, self.buffering)

        self._retry_timer = QTimer(self)
        self._retry_timer.setSingleShot(True)
        self._retry_timer.timeout.connect(self._retry)
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(POLL_MS)
        self._poll_timer.timeout.connect(self._poll_results)

        c = page.controller
        c.buffering_changed.connect(self._on_buffering)
        c.state_changed.connect(self._on_state)
        c.error_occurred.connect(self._on_error)  # after the page's own handler: refines its message
        page.retry_button.clicked.connect(self._on_user_retry)

    # --- buffering ---

    @Slot(int)
    def _on_buffering(self, percent: int) -> None:
        if 0 <= percent < 100 and is_network(self.page.controller.source()):
            self.buffering.setText(self.tr("Buffering… {percent}%").format(percent=percent))
            self.buffering.show()
        else:
            self.buffering.hide()

    @Slot(str)
    def _on_state(self, state: str) -> None:
        if state in ("playing", "paused"):
            self.attempt = 0
            self._failed_source = None
            self._retry_timer.stop()
        if state not in ("opening", "buffering", "playing"):
            self.buffering.hide()

    # --- failures ---

    @Slot(str)
    def _on_error(self, _message: str) -> None:
        source = self.page.controller.source()
        if not is_network(source) or not self.page.isVisible():
            return
        self._failed_source = source
        # Where to carry on from: the last position shown, or where this attempt was to start.
        self._resume_ms = max(self.page._last_ms, self._resume_ms if self.attempt else 0)
        self.page.message.setText(self.tr("Checking the server {host}…").format(host=self._host(source)))
        self._check(source)

    def _check(self, source: str) -> None:
        self._ticket += 1
        ticket, results = self._ticket, self._results
        self._checking = True
        # A daemon thread holding only plain Python objects: the answer goes through the queue.
        threading.Thread(target=lambda: results.put((ticket, check_server(source))), name="vod-server-check", daemon=True).start()
        self._poll_timer.start()

    @Slot()
    def _poll_results(self) -> None:
        try:
            ticket, check = self._results.get_nowait()
        except queue.Empty:
            return
        if ticket != self._ticket:
            return
        self._poll_timer.stop()
        self._checking = False
        self._on_check(check)

    def _on_check(self, check: ServerCheck) -> None:
        self.last_check = check
        source = self._failed_source
        if source is None or source != self.page.controller.source() or not self.page.isVisible():
            return  # the person moved on
        if check.kind == "ok":
            # The server is back, or a stream broke off midway while it stayed up: carry on (the
            # latter once per position, so that a file damaged there does not reopen forever).
            broke_off = self._resume_ms > 0 and self._reopened_at != self._resume_ms
            if self.page.controller.state() == "error" and (self.attempt or broke_off):
                self._reopened_at = self._resume_ms
                self._reopen()
            return  # otherwise the player's own message (a media problem) stands
        delay = self.delays_ms[min(self.attempt, len(self.delays_ms) - 1)] if check.transient else 0
        self.page.message.setText(self._describe(check, delay))
        self.page.retry_button.setVisible(True)
        self.page.locate_button.setVisible(False)
        if delay:
            self._retry_timer.start(delay)

    def _describe(self, check: ServerCheck, delay_ms: int) -> str:
        host = check.host
        if check.kind == "unreachable":
            text = self.tr("The server {host} cannot be reached ({reason}).").format(host=host, reason=check.detail)
        elif check.kind == "timeout":
            text = self.tr("The server {host} does not answer.").format(host=host)
        elif check.kind == "server_error":
            text = self.tr("The server {host} has a problem (HTTP {status}).").format(host=host, status=check.status)
        elif check.kind == "not_found":
            text = self.tr("The server {host} has no file {path} (HTTP {status}: not found).").format(host=host, path=check.path, status=check.status)
        elif check.kind == "denied":
            text = self.tr("The server {host} refuses access to {path} (HTTP {status}).").format(host=host, path=check.path, status=check.status)
        else:
            text = self.tr("This recording's address is not allowed.")
        if delay_ms:
            text += " " + self.tr("Trying again in {seconds} s; playback carries on from {where} when it is back.").format(
                seconds=max(1, round(delay_ms / 1000)), where=self._where()
            )
        return text

    def _where(self) -> str:
        from vod_app.ui.formatting import format_duration  # noqa: PLC0415 - small, only for messages

        return format_duration(self._resume_ms)

    @Slot()
    def _retry(self) -> None:
        source = self._failed_source
        if source is None or source != self.page.controller.source() or not self.page.isVisible():
            return
        self.attempt += 1
        self.page.message.setText(self.tr("Checking the server {host}…").format(host=self._host(source)))
        self._check(source)

    def _reopen(self) -> None:
        item = self.page.item
        if item is None:
            return
        self.page.play(item, start_ms=self._resume_ms)

    @Slot()
    def _on_user_retry(self) -> None:
        self._retry_timer.stop()
        self.attempt = 0

    @staticmethod
    def _host(source: str) -> str:
        return urlsplit(source).netloc.rsplit("@", 1)[-1]

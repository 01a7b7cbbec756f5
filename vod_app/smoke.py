"""A window smoke run for the installed package: ``VOD_APP_SMOKE_PLAY_S=3 vod-app``.

CI installs the .deb and has no Python of the project at hand (the bundle has no interpreter to
script), so the check lives in the app: open the window, play the first recording of the catalog
for that many seconds of playback time, then quit with exit status 0; a recording that never plays
quits with 1 and one line on stderr. Unset, nothing of this runs.

``VOD_APP_SMOKE_PLAY_S=0`` plays nothing: once the window is up with its recent list filled, it prints
``vod-app: smoke run started, N recent rows at T`` (T = ``time.monotonic()``, system-wide on Linux)
and quits. The bench times the installed package's start with it (bench/packaging.py).
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

ENV = "VOD_APP_SMOKE_PLAY_S"
TIMEOUT_S = 30


def seconds() -> float | None:
    raw = os.environ.get(ENV, "").strip()
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        sys.stderr.write(f"vod-app: {ENV}={raw!r} is not a number of seconds; smoke run ignored\n")
        return None
    return value if value >= 0 else None


def install(window: Any, play_s: float) -> None:
    """Play the newest recording of the window's catalog, quit once ``play_s`` seconds have played."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def fail(why: str) -> None:
        sys.stderr.write(f"vod-app: smoke run failed: {why}\n")
        QApplication.exit(1)

    def start() -> None:
        if play_s == 0:  # the start figure: window shown, recent list filled (libvlc not asked for)
            rows = window.recent_model.rowCount()
            sys.stdout.write(f"vod-app: smoke run started, {rows} recent rows at {time.monotonic()!r}\n")
            sys.stdout.flush()
            window.close()
            QApplication.exit(0 if rows else 1)
            return
        if not window.controller.is_available():
            fail(window.controller.unavailable_reason())
            return
        model = window.recent_model
        if model.rowCount() == 0:
            fail("the catalog has no recording")
            return
        window.play_recording(model.record(0).recording_id, 0)

    def check() -> None:
        if window.controller.state() == "error":
            fail("playback error")
        elif window.controller.time_ms() >= play_s * 1000:
            sys.stdout.write(f"vod-app: smoke run played {window.controller.time_ms()} ms\n")
            window.close()
            QApplication.exit(0)

    poll = QTimer(window)
    poll.setInterval(100)
    poll.timeout.connect(check)
    poll.start()
    QTimer.singleShot(0, start)
    QTimer.singleShot(int((TIMEOUT_S + play_s) * 1000), lambda: fail(f"no {play_s:g} s of playback in {TIMEOUT_S} s"))

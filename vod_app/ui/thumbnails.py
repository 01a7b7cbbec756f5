"""Thumbnail cache: generated off the GUI thread, kept in the cache folder, shown when ready."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QPixmap, QPixmapCache

from vod_app.tasks import TaskRunner


def _thumbnail_job(source: str, dest: Path, at_ms: int) -> bool:
    from vod_app.playback.snapshot import grab_frame

    return grab_frame(source, dest, at_ms)


class ThumbnailCache(QObject):
    """``pixmap(source, duration)`` returns a cached image or None and schedules its creation."""

    ready = Signal(str)  # source

    def __init__(self, folder: Path, runner: TaskRunner, enabled: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.runner = runner
        self.enabled = enabled
        self._pending: set[str] = set()
        self._failed: set[str] = set()

    def _file_for(self, source: str) -> Path:
        stamp = ""
        try:
            st = os.stat(source)
            stamp = f"{st.st_size}-{st.st_mtime_ns}"
        except OSError:
            pass
        key = hashlib.sha1(f"{source}|{stamp}".encode()).hexdigest()
        return self.folder / f"{key}.png"

    def pixmap(self, source: str, duration_ms: int | None) -> QPixmap | None:
        if source.startswith(("http://", "https://")):
            return None  # no network traffic just to decorate a list
        pm = QPixmap()
        if QPixmapCache.find(source, pm):
            return pm
        if source in self._failed or source in self._pending:
            return None
        path = self._file_for(source)
        if path.exists() and pm.load(str(path)):
            QPixmapCache.insert(source, pm)
            return pm
        if self.enabled:
            self._pending.add(source)
            at = min(max(int((duration_ms or 0) * 0.15), 1000), 60_000)
            self.runner.submit(
                _thumbnail_job,
                on_done=lambda ok, s=source: self._done(s, ok),
                on_error=lambda _e, s=source: self._done(s, False),
                source=source,
                dest=path,
                at_ms=at,
            )
        return None

    def _done(self, source: str, ok: bool) -> None:
        self._pending.discard(source)
        if not ok:
            self._failed.add(source)
        self.ready.emit(source)

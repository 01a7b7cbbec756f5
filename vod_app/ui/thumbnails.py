"""Thumbnail cache: generated off the GUI thread, kept in the cache folder, shown when ready.

Paint code only asks (:meth:`ThumbnailCache.pixmap`): a hit comes from memory, a miss is noted and
nothing else happens there — no file is read, no task is queued. A short timer later sends the rows
painted most recently (what is on screen now) to the runner's own ``thumbnails`` lane, a few at a
time: a frame grab takes up to 5 s, and scrolling past 100,000 rows used to queue one per row painted
on the pool that also runs search and writes. When one is ready the views repaint, which asks again
for whatever is visible by then. Images live in ``QPixmapCache`` (bounded; Qt's default 10 MB).
"""

from __future__ import annotations

import os
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap, QPixmapCache

from vod_app.tasks import TaskRunner

LANE = "thumbnails"
MAX_WANTED = 24  # misses remembered between two dispatches: a screenful of rows or two
MAX_IN_FLIGHT = 2  # jobs queued or running on the lane at once
DISPATCH_MS = 40  # paint notes misses; this long after the first one, they are sent


def _file_for(folder: Path, source: str) -> Path:
    stamp = ""
    try:
        st = os.stat(source)
        stamp = f"{st.st_size}-{st.st_mtime_ns}"
    except OSError:
        pass
    import hashlib  # here: not needed for the first paint

    key = hashlib.sha1(f"{source}|{stamp}".encode()).hexdigest()
    return folder / f"{key}.png"


def _thumbnail_job(source: str, folder: Path, duration_ms: int | None, generate: bool) -> QImage | None:
    """The thumbnail of ``source`` from the cache folder, or grabbed now when ``generate``: worker side.

    QImage, not QPixmap: only QImage may be made outside the GUI thread.
    """
    dest = _file_for(folder, source)
    if not dest.exists():
        if not generate:
            return None
        from vod_app.playback.snapshot import grab_frame

        at = min(max(int((duration_ms or 0) * 0.15), 1000), 60_000)
        if not grab_frame(source, dest, at):
            return None
    image = QImage(str(dest))
    return None if image.isNull() else image


class ThumbnailCache(QObject):
    """``pixmap(source, duration)`` returns a cached image or None; misses are fetched soon after."""

    ready = Signal(str)  # source

    def __init__(self, folder: Path, runner: TaskRunner, enabled: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.runner = runner
        self.enabled = enabled  # False: no thumbnails (only ones already in memory)
        self._wanted: OrderedDict[str, int | None] = OrderedDict()  # source -> duration, oldest first
        self._in_flight: set[str] = set()
        self._failed: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DISPATCH_MS)
        self._timer.timeout.connect(self._dispatch)

    @staticmethod
    def _key(source: str) -> str:
        return "vod-thumb:" + source

    def pixmap(self, source: str, duration_ms: int | None) -> QPixmap | None:
        """The cached thumbnail, or None (then noted for the next dispatch). Cheap: called from paint."""
        if source.startswith(("http://", "https://")):
            return None  # no network traffic just to decorate a list
        pm = QPixmap()
        if QPixmapCache.find(self._key(source), pm):
            return pm
        if not self.enabled or source in self._failed or source in self._in_flight:
            return None  # disabled (tests, bench): no work at all, nothing arrives after a window closed
        self._wanted[source] = duration_ms
        self._wanted.move_to_end(source)
        while len(self._wanted) > MAX_WANTED:
            self._wanted.popitem(last=False)  # painted longest ago: scrolled past
        if not self._timer.isActive():
            self._timer.start()
        return None

    def _dispatch(self) -> None:
        while self._wanted and len(self._in_flight) < MAX_IN_FLIGHT:
            source, duration = self._wanted.popitem(last=True)  # painted last: on screen now
            self._in_flight.add(source)
            self.runner.submit(
                _thumbnail_job,
                on_done=lambda image, s=source: self._done(s, image),
                on_error=lambda _e, s=source: self._done(s, None),
                lane=LANE,
                source=source,
                folder=self.folder,
                duration_ms=duration,
                generate=True,
            )
        # The rest were painted earlier; the repaint after each ready thumbnail asks again for what
        # is visible by then.
        self._wanted.clear()

    def _done(self, source: str, image: QImage | None) -> None:
        self._in_flight.discard(source)
        if image is None or image.isNull():
            self._failed.add(source)
        else:
            QPixmapCache.insert(self._key(source), QPixmap.fromImage(image))
        self.ready.emit(source)

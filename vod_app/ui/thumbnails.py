"""Thumbnail cache: generated off the GUI thread, kept in the cache folder, shown when ready.

Paint code only asks (:meth:`ThumbnailCache.pixmap`): a hit comes from memory, a miss is noted and
nothing else happens there — no file is read, no task is queued. A short timer later sends the rows
painted most recently (what is on screen now) to the runner's own ``thumbnails`` lane, a few at a
time: a frame grab takes up to 5 s, and scrolling past 100,000 rows used to queue one per row painted
on the pool that also runs search and writes. When one is ready the views repaint, which asks again
for whatever is visible by then. Images live in ``QPixmapCache`` (bounded; Qt's default 10 MB).

A row's stored location may not be a file on this machine: the worker then asks ``locate`` where the
recording plays from (this device's "Locate…" relocation, else the media roots: the same rule as the
player's, ``catalog/media_source.py``) and grabs the frame there. A location that is still an http(s)
URL gets no thumbnail: no network traffic just to decorate a list.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Callable
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


def _is_url(location: str) -> bool:
    return location.startswith(("http://", "https://"))


def _thumbnail_job(
    source: str,
    folder: Path,
    duration_ms: int | None,
    generate: bool,
    locate: Callable[[int], str | None] | None = None,
    recording_id: int | None = None,
) -> QImage | None:
    """The thumbnail of ``source`` from the cache folder, or grabbed now when ``generate``: worker side.

    QImage, not QPixmap: only QImage may be made outside the GUI thread.
    """
    if locate is not None and recording_id is not None and (_is_url(source) or not os.path.exists(source)):
        source = locate(recording_id) or source
    if _is_url(source):
        return None
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
        # Where a recording plays from, when its stored location is not a file here (asked on the worker).
        self.locate: Callable[[int], str | None] | None = None
        self._wanted: OrderedDict[str, tuple[int | None, int | None]] = OrderedDict()  # source -> (duration, recording), oldest first
        self._in_flight: set[str] = set()
        self._failed: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DISPATCH_MS)
        self._timer.timeout.connect(self._dispatch)

    @staticmethod
    def _key(source: str) -> str:
        return "vod-thumb:" + source

    def file_for(self, source: str) -> Path:
        """Where the thumbnail of the file ``source`` is kept (MPRIS's artUrl), made or not."""
        return _file_for(self.folder, source)

    def retry_failed(self) -> None:
        """Ask again for thumbnails that failed (this machine's media roots changed)."""
        self._failed.clear()

    def pixmap(self, source: str, duration_ms: int | None, recording_id: int | None = None) -> QPixmap | None:
        """The cached thumbnail, or None (then noted for the next dispatch). Cheap: called from paint."""
        if _is_url(source) and (self.locate is None or recording_id is None):
            return None  # no network traffic just to decorate a list (a media root may map it to a file)
        pm = QPixmap()
        if QPixmapCache.find(self._key(source), pm):
            return pm
        if not self.enabled or source in self._failed or source in self._in_flight:
            return None  # disabled (tests, bench): no work at all, nothing arrives after a window closed
        self._wanted[source] = (duration_ms, recording_id)
        self._wanted.move_to_end(source)
        while len(self._wanted) > MAX_WANTED:
            self._wanted.popitem(last=False)  # painted longest ago: scrolled past
        if not self._timer.isActive():
            self._timer.start()
        return None

    def _dispatch(self) -> None:
        while self._wanted and len(self._in_flight) < MAX_IN_FLIGHT:
            source, (duration, recording_id) = self._wanted.popitem(last=True)  # painted last: on screen now
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
                locate=self.locate,
                recording_id=recording_id,
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

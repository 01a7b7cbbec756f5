"""Thumbnails: paint code never queues work; what is on screen is fetched on a lane of its own."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from vod_app.tasks import TaskRunner
from vod_app.ui.thumbnails import ThumbnailCache

ROOT = Path(__file__).resolve().parents[2]
MAX_IN_FLIGHT = 2  # vod_app.ui.thumbnails.MAX_IN_FLIGHT
MEDIA = ROOT / "data" / "media" / "idm2017-panel-2-3.mkv"


class RecordingRunner(TaskRunner):
    """The real runner, noting what is submitted and to which lane."""

    def __init__(self) -> None:
        super().__init__()
        self.submitted: list[tuple[str | None, dict[str, Any]]] = []

    def submit(self, fn, on_done=None, on_error=None, *, lane=None, **kwargs):  # type: ignore[no-untyped-def]  # noqa: ANN001, ANN003
        self.submitted.append((lane, kwargs))
        super().submit(fn, on_done, on_error, lane=lane, **kwargs)


def test_painting_many_rows_queues_nothing_then_only_what_is_on_screen(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    runner = RecordingRunner()
    cache = ThumbnailCache(tmp_path / "thumbs", runner, enabled=True)
    # Scrolling past 500 rows (files that do not exist: each job ends at once): paint asks for each thumbnail once.
    for i in range(500):
        assert cache.pixmap(f"/media/session-{i}.mkv", 90_000) is None
    assert runner.submitted == []  # nothing queued from paint code
    qtbot.waitUntil(lambda: len(runner.submitted) >= MAX_IN_FLIGHT, timeout=2000)
    assert runner.wait(5000)
    qtbot.wait(100)
    # Only the rows painted last (on screen), on the thumbnails lane: not 500 jobs on the shared pool.
    assert len(runner.submitted) <= MAX_IN_FLIGHT * 2
    assert {lane for lane, _ in runner.submitted} == {"thumbnails"}
    assert runner.submitted[0][1]["source"] == "/media/session-499.mkv"


def test_a_real_thumbnail_is_grabbed_off_the_gui_thread_and_cached(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    media = tmp_path / "rec.mkv"
    shutil.copy(MEDIA, media)
    runner = TaskRunner()
    cache = ThumbnailCache(tmp_path / "thumbs", runner, enabled=True)
    (tmp_path / "thumbs").mkdir()
    assert cache.pixmap(str(media), 90_000) is None
    with qtbot.waitSignal(cache.ready, timeout=20_000) as got:
        pass
    assert got.args == [str(media)]
    pm = cache.pixmap(str(media), 90_000)
    assert pm is not None and not pm.isNull() and pm.width() > 0
    assert list((tmp_path / "thumbs").glob("*.png"))  # kept in the cache folder for the next start
    runner.wait(5000)

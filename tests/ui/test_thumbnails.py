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


def test_a_row_under_a_media_root_gets_its_thumbnail_from_where_it_plays(qtbot, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """The stored location /srv/archive/… is not a file here; this machine's media root maps it to a
    local folder (docs/deployment.md), and a URL root maps to a file too: the thumbnail comes from there."""
    import json
    from types import SimpleNamespace

    from vod_app.app import _located
    from vod_app.catalog.database import open_catalog
    from vod_app.catalog.importer import import_catalog_file
    from vod_app.catalog.repository import CatalogRepository

    mnt = tmp_path / "mnt"
    mnt.mkdir()
    shutil.copy(MEDIA, mnt / "rec.mkv")
    shutil.copy(MEDIA, mnt / "web.mkv")
    monkeypatch.setenv("VOD_APP_MEDIA_ROOTS", f"/srv/archive/={mnt}/;https://media.example.org/a/={mnt}/")
    doc = {
        "format": "vod-app-catalog",
        "version": 1,
        "sessions": [
            {"id": "s1", "title": "Talk", "date": "2030-01-01", "recordings": [{"id": "r1", "media": "/srv/archive/rec.mkv", "duration_ms": 90_000}]},
            {"id": "s2", "title": "Web", "date": "2030-01-02", "recordings": [{"id": "r2", "media": "https://media.example.org/a/web.mkv", "duration_ms": 90_000}]},
            {"id": "s3", "title": "Far", "date": "2030-01-03", "recordings": [{"id": "r3", "media": "https://elsewhere.example.org/x.mkv", "duration_ms": 90_000}]},
        ],
    }
    (tmp_path / "c.json").write_text(json.dumps(doc), "utf-8")
    catalog = open_catalog(f"sqlite:///{tmp_path / 'c.db'}", backups_dir=tmp_path / "b")
    import_catalog_file(catalog, tmp_path / "c.json")
    rows = {r.recording_uid: r for r in CatalogRepository(catalog).recent_recordings().items}
    runner = RecordingRunner()
    cache = ThumbnailCache(tmp_path / "thumbs", runner, enabled=True)
    (tmp_path / "thumbs").mkdir()
    cache.locate = lambda rid: _located(SimpleNamespace(repo=CatalogRepository(catalog)), rid)
    for uid in ("r1", "r2", "r3"):
        r = rows[uid]
        assert cache.pixmap(r.source, r.duration_ms, r.recording_id) is None
        with qtbot.waitSignal(cache.ready, timeout=20_000) as got:
            pass
        assert got.args == [r.source]
    for uid in ("r1", "r2"):
        pm = cache.pixmap(rows[uid].source, 90_000, rows[uid].recording_id)
        assert pm is not None and not pm.isNull(), uid
    assert cache.pixmap(rows["r3"].source, 90_000, rows["r3"].recording_id) is None  # still a URL: no network for a list
    assert len(list((tmp_path / "thumbs").glob("*.png"))) == 2
    assert cache.file_for(str(mnt / "rec.mkv")).exists()  # MPRIS's artUrl names the file played
    assert runner.wait(5000)
    catalog.dispose()

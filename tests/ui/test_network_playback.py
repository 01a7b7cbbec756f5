"""The player with media from a server (real libvlc, a real server on 127.0.0.1): buffering shown,
a clear message naming the host when the server is gone or the file is missing, and playback that
carries on, at the position reached, once the server is back."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from media_server import MediaServer  # noqa: E402

SAMPLE = ROOT / "data" / "media" / "idm2017-panel-2-3.mkv"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[MediaServer]:
    folder = tmp_path / "served"
    folder.mkdir()
    shutil.copyfile(SAMPLE, folder / "talk.mkv")
    srv = MediaServer(folder, rate=40_000)
    srv.start()
    yield srv
    srv.stop()


def _play(window, server: MediaServer, tmp_path: Path, name: str = "talk.mkv") -> None:  # noqa: ANN001
    """Import a catalog whose recording lives under /srv/archive/, served (media root) by ``server``."""
    from vod_app.catalog.importer import import_catalog_file
    from vod_app.catalog.repository import CatalogRepository

    doc = {
        "format": "vod-app-catalog",
        "version": 1,
        "media_roots": [{"path": "/srv/archive/", "url": f"http://127.0.0.1:{server.port}/"}],
        "sessions": [{"id": "s", "title": "Talk", "date": "2030-01-01", "recordings": [{"id": "talk-rec", "media": f"/srv/archive/{name}", "duration_ms": 90_000}]}],
    }
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(doc), "utf-8")
    import_catalog_file(window.catalog, path)
    rec = next(r for r in CatalogRepository(window.catalog).recent_recordings().items if r.recording_uid == "talk-rec")
    window.player.network.delays_ms = [300, 600, 1_000]
    window.play_recording(rec.recording_id, 0)


def test_unreachable_server_is_said_and_playback_starts_when_it_is_back(qtbot, window, server: MediaServer, tmp_path: Path) -> None:
    server.stop()
    _play(window, server, tmp_path)
    page = window.player
    host = f"127.0.0.1:{server.port}"
    qtbot.waitUntil(lambda: page.message_box.isVisible() and "cannot be reached" in page.message.text(), timeout=20_000)
    text = page.message.text()
    assert host in text and "Trying again" in text and "Traceback" not in text, text
    from vod_app.playback.http_relay import relay

    assert window.controller._handles.media.get_mrl().startswith(f"http://127.0.0.1:{relay().port}/")  # libvlc reads through the relay
    assert f":{relay().port}" not in text  # which the message never names
    assert page.retry_button.isVisible() and not page.locate_button.isVisible()
    qtbot.waitUntil(lambda: page.network.attempt >= 2, timeout=20_000)  # it keeps trying, further apart
    server.start()
    qtbot.waitUntil(lambda: window.controller.state() == "playing" and window.controller.time_ms() > 500, timeout=30_000)
    assert not page.message_box.isVisible() and page.network.attempt == 0
    assert window.controller.source() == server.url("talk.mkv")  # the media root, applied when opening


def test_a_server_lost_while_playing_carries_on_from_the_position_reached(qtbot, window, server: MediaServer, tmp_path: Path) -> None:
    _play(window, server, tmp_path)
    controller, page = window.controller, window.player
    qtbot.waitUntil(lambda: controller.state() == "playing" and controller.time_ms() > 2_500, timeout=20_000)
    server.stop()
    qtbot.waitUntil(lambda: page.message_box.isVisible() and "cannot be reached" in page.message.text(), timeout=60_000)
    reached = page.network._resume_ms
    assert reached >= 2_000, reached
    server.start()
    qtbot.waitUntil(lambda: controller.state() == "playing" and controller.time_ms() >= reached + 300, timeout=30_000)
    assert controller.time_ms() < reached + 15_000  # carried on from there, not from the start
    assert any(start > 0 for start, _end in server.ranges())


def test_a_missing_file_is_not_an_unreachable_server(qtbot, window, server: MediaServer, tmp_path: Path) -> None:
    _play(window, server, tmp_path, name="gone.mkv")
    page = window.player
    qtbot.waitUntil(lambda: page.message_box.isVisible() and "HTTP 404" in page.message.text(), timeout=20_000)
    text = page.message.text()
    assert f"127.0.0.1:{server.port}" in text and "/gone.mkv" in text and "cannot be reached" not in text, text
    assert not page.network._retry_timer.isActive()  # nothing to wait for: only "Try again"
    assert page.retry_button.isVisible()


def test_buffering_is_shown_with_its_percentage(qtbot, window, server: MediaServer, tmp_path: Path) -> None:
    shown: list[str] = []
    label = window.player.network.buffering

    def look(percent: int) -> None:  # runs after the page's own slot: the label is up to date
        if percent < 100 and label.isVisible():
            shown.append(label.text())

    window.controller.buffering_changed.connect(look)
    _play(window, server, tmp_path)
    qtbot.waitUntil(lambda: window.controller.state() == "playing" and window.controller.time_ms() > 300, timeout=20_000)
    assert shown and shown[0].startswith("Buffering…") and shown[0].endswith("%"), shown
    qtbot.waitUntil(lambda: not label.isVisible(), timeout=10_000)

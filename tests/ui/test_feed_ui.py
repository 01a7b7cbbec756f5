"""File → Subscribe to feed… and Refresh feeds in the real window: episodes appear, new ones are marked
"New" on the start page until opened, and the session page says where its fields came from."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from vod_app.ui.models import Roles

ROOT = Path(__file__).resolve().parents[2]
FEEDS = ROOT / "tests" / "fixtures" / "imports" / "feeds"
SAMPLE = ROOT / "data" / "media" / "idm2017-panel-2-3.mkv"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def feed_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "served"
    shutil.copytree(FEEDS, folder)
    shutil.copy(SAMPLE, folder / "idm2017.mkv")
    return folder


@pytest.fixture
def served(feed_dir: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(feed_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(5)


def _rows(window) -> dict[str, object]:  # noqa: ANN001
    model = window.recent_model
    return {model.index(i).data(Roles.Record).title: model.index(i) for i in range(model.rowCount())}


def test_subscribe_refresh_marks_new_episodes_until_opened(qtbot, window, feed_dir: Path, served: str) -> None:  # noqa: ANN001
    window.actions_.subscribe_feed.trigger()
    dialog = window.feed_flow.dialog
    qtbot.waitUntil(dialog.isVisible)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.url.setText(f"{served}/podcast.xml")
    ok.click()
    qtbot.waitUntil(lambda: "Panel 2: governance" in _rows(window), timeout=30_000)
    assert window.feed_flow.last_message == "2 new episode(s)"
    assert "New" not in _rows(window)["Panel 2: governance"].data(Roles.Subtitle)

    feed = feed_dir / "podcast.xml"
    item = '<item><guid>closing</guid><title>Closing remarks</title><enclosure url="idm2017.mkv" type="video/x-matroska"/></item></channel>'
    feed.write_text(feed.read_text("utf-8").replace("</channel>", item), "utf-8")
    later = feed.stat().st_mtime + 60
    os.utime(feed, (later, later))
    window.actions_.refresh_feeds.trigger()
    qtbot.waitUntil(lambda: "Closing remarks" in _rows(window), timeout=30_000)
    row = _rows(window)["Closing remarks"]
    assert row.data(Roles.Record).is_new and row.data(Roles.Subtitle).endswith("New")
    window.grab().save(str(feed_dir.parent / "feeds-new.png"))

    window.browse.session_requested.emit(row.data(Roles.Record).session_id)
    page = window.session_page
    qtbot.waitUntil(lambda: page.isVisible() and page.detail is not None and page.detail.title == "Closing remarks")
    assert page.sources.isVisible() and page.sources.text() == "Sources: feed (title, event)"
    window.go_home()
    qtbot.waitUntil(lambda: "Closing remarks" in _rows(window) and not _rows(window)["Closing remarks"].data(Roles.Record).is_new, timeout=10_000)


def test_a_refused_feed_url_is_one_message_and_changes_nothing(qtbot, window) -> None:  # noqa: ANN001
    before = window.recent_model.rowCount()
    window.feed_flow.subscribe("javascript:alert(1)")
    qtbot.waitUntil(lambda: bool(window.feed_flow.last_message), timeout=10_000)
    assert window.last_error == "Nothing was changed. javascript:alert(1): feed URL: 'javascript:alert(1)' is not an http/https URL"
    assert window.recent_model.rowCount() == before


def test_shipped_thumbnail_is_drawn_instead_of_a_snapshot(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from PySide6.QtGui import QFont

    from vod_app.domain.records import RecordingSummary
    from vod_app.ui.delegates import RecordingDelegate

    thumb = ROOT / "tests" / "fixtures" / "imports" / "ytdlp" / "idm2017-panels.webp"
    rec = RecordingSummary(1, "r", 1, "s", None, "", "t", 90_000, (), str(SAMPLE), thumbnail=str(thumb))
    pm = RecordingDelegate(None).thumbnail(rec, QFont())  # no snapshot cache at all
    assert pm is not None and (pm.width(), pm.height()) == (160, 90)

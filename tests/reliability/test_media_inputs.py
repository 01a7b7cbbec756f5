"""Media that changed after the catalog was made: replaced, emptied, cut, unreadable.

The player says what is wrong in the window (with Locate… where it helps), never crashes, and the
user's position is untouched.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from .processes import ROOT, one_line_error, vod_app

SAMPLE = ROOT / "data" / "media" / "idm2017-panel-2-3.mkv"


def _catalog(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SAMPLE, folder / "talk.mkv")
    doc = {
        "format": "vod-app-catalog",
        "version": 1,
        "sessions": [{"id": "s", "title": "Talk", "date": "2030-01-01", "recordings": [{"id": "talk-rec", "media": "talk.mkv", "duration_ms": 90_000}]}],
    }
    (folder / "catalog.json").write_text(json.dumps(doc), "utf-8")
    return folder / "catalog.json"


@pytest.fixture
def window(qtbot, tmp_path: Path):  # noqa: ANN001, ANN201
    from vod_app.app import build_window

    w = build_window(f"sqlite:///{tmp_path / 'ui.sqlite3'}", headless_playback=True, thumbnails=False)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()
    w.catalog.dispose()


def _replace(media: Path, how: str) -> None:
    if how == "random bytes":
        media.write_bytes(os.urandom(256 * 1024))
    elif how == "a directory":
        media.unlink()
        media.mkdir()
    elif how == "zero bytes":
        media.write_bytes(b"")
    elif how == "missing":
        media.unlink()
    elif how == "a FIFO":
        media.unlink()
        os.mkfifo(media)


@pytest.mark.parametrize(
    ("how", "reason"),
    [
        ("random bytes", "no audio or video could be decoded|could not|cannot"),
        ("a directory", "folder"),
        ("zero bytes", "empty"),
        ("missing", "does not exist"),
        ("a FIFO", "not a regular file"),
    ],
    ids=["random-bytes", "directory", "zero-bytes", "missing", "fifo"],
)
def test_media_replaced_between_import_and_play(qtbot, window, tmp_path: Path, how: str, reason: str) -> None:
    import re

    from vod_app.catalog.importer import import_catalog_file
    from vod_app.catalog.repository import CatalogRepository

    cat = _catalog(tmp_path / "lib")
    import_catalog_file(window.catalog, cat)
    window.services.users.save_position("talk-rec", 30_000, 90_000)
    rec = next(r for r in CatalogRepository(window.catalog).recent_recordings().items if r.recording_uid == "talk-rec")
    _replace(tmp_path / "lib" / "talk.mkv", how)
    window.play_recording(rec.recording_id, 0)
    player = window.player
    qtbot.waitUntil(lambda: player.message_box.isVisible(), timeout=15_000)
    text = player.message.text()
    assert str(tmp_path / "lib" / "talk.mkv") in text and re.search(reason, text), text
    assert "Traceback" not in text
    player.stop()
    window.runner.wait(5_000)
    assert window.services.users.position("talk-rec") == 30_000  # a failed play does not move it


def test_truncated_media_plays_what_is_there_or_says_so(qtbot, window, tmp_path: Path) -> None:
    from vod_app.catalog.importer import import_catalog_file
    from vod_app.catalog.repository import CatalogRepository

    import_catalog_file(window.catalog, _catalog(tmp_path / "lib"))
    media = tmp_path / "lib" / "talk.mkv"
    media.write_bytes(SAMPLE.read_bytes()[: 40 * 1024])
    rec = next(r for r in CatalogRepository(window.catalog).recent_recordings().items if r.recording_uid == "talk-rec")
    window.play_recording(rec.recording_id, 0)
    qtbot.waitUntil(lambda: window.controller.state() in ("ended", "error") or window.player.message_box.isVisible(), timeout=30_000)
    window.player.stop()


def test_unreadable_media_and_folder_import_name_the_reason(tmp_path: Path, _isolated_home: Path) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    shutil.copyfile(SAMPLE, folder / "good.mkv")
    shutil.copyfile(SAMPLE, folder / "locked.mkv")
    (folder / "locked.mkv").chmod(0)
    try:
        line = one_line_error(vod_app("probe", str(folder / "locked.mkv"), home=_isolated_home, unprivileged=True))
        assert "locked.mkv" in line and "ermission denied" in line
        proc = vod_app("import", str(folder), home=_isolated_home, unprivileged=True)
        assert proc.returncode == 0, proc.stderr
        assert "1 recording added" in proc.stdout and "1 skipped" in proc.stdout
        assert "warning: skipped" in proc.stdout and "locked.mkv: permission denied" in proc.stdout
    finally:
        (folder / "locked.mkv").chmod(0o644)

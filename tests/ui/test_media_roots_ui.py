"""File → Media folders on this computer…: this machine's media roots edited in the window, kept in
the config folder's media-roots.txt, applied at the next play; a wrong row is named, nothing written."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "media" / "idm2017-panel-2-3.mkv"


def _import_archive_catalog(window, tmp_path: Path) -> int:  # noqa: ANN001
    """A catalog whose recording lives under /srv/archive/ (not on this machine): its recording id."""
    from vod_app.catalog.importer import import_catalog_file
    from vod_app.catalog.repository import CatalogRepository

    doc = {
        "format": "vod-app-catalog",
        "version": 1,
        "sessions": [{"id": "s", "title": "Talk", "date": "2030-01-01", "recordings": [{"id": "talk-rec", "media": "/srv/archive/talk.mkv", "duration_ms": 90_000}]}],
    }
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(doc), "utf-8")
    import_catalog_file(window.catalog, path)
    return next(r.recording_id for r in CatalogRepository(window.catalog).recent_recordings().items if r.recording_uid == "talk-rec")


def test_a_folder_saved_in_the_window_applies_at_the_next_play_and_a_wrong_row_is_named(qtbot, fake_window, tmp_path: Path) -> None:  # noqa: ANN001
    from vod_app.catalog.media_source import repository_media_source
    from vod_app.paths import app_paths

    window = fake_window
    rid = _import_archive_catalog(window, tmp_path)
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    shutil.copyfile(SAMPLE, mnt / "talk.mkv")
    assert repository_media_source(window.services.repo, rid)[1] == "/srv/archive/talk.mkv"

    action = window.actions_.media_roots
    assert action in window.menuBar().actions()[0].menu().actions()  # in the File menu
    action.trigger()
    dialog = window.media_roots_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    dialog.add_row("/srv/archive/", "rtsp://cam.example.org/")  # not a folder, not http(s)
    dialog.save()
    assert dialog.isVisible() and dialog.problems.isVisible()
    assert "Row 1, On this computer" in dialog.problems.text() and "rtsp" in dialog.problems.text()
    saved = app_paths().media_roots_file
    assert not saved.exists()  # nothing written while a row is wrong

    dialog.table.item(0, 1).setText(f"{mnt}/")
    dialog.add_row()  # an empty row is left out
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    assert f"/srv/archive/={mnt}/\n" in saved.read_text("utf-8")  # as typed
    assert repository_media_source(window.services.repo, rid)[1] == str(mnt / "talk.mkv")  # the next play, no restart

    # Opened again: the saved row is there; removing it and saving puts the stored location back.
    action.trigger()
    again = window.media_roots_dialog
    qtbot.waitUntil(again.isVisible, timeout=5_000)
    assert again.rows() == [("/srv/archive/", f"{mnt}/")]
    again.table.setFocus()
    again.table.selectRow(0)
    qtbot.keyClick(again.table, Qt.Key.Key_Delete)  # the keyboard's way to remove a row
    assert again.rows() == []
    again.save()
    qtbot.waitUntil(lambda: not again.isVisible(), timeout=5_000)
    assert repository_media_source(window.services.repo, rid)[1] == "/srv/archive/talk.mkv"


def test_a_wrong_line_of_media_roots_txt_is_a_warning_naming_it_and_the_rest_applies(tmp_path: Path) -> None:
    from vod_app.paths import app_paths, this_machine_roots

    saved = app_paths().media_roots_file
    saved.parent.mkdir(parents=True, exist_ok=True)
    saved.write_text("# comment\n/srv/ok/=/mnt/ok\n/srv/cam=rtsp://cam.example.org/\n", "utf-8")
    roots, problems = this_machine_roots()
    assert [str(r) for r in roots] == ["/srv/ok=/mnt/ok"]
    assert problems and problems[0].startswith("media-roots.txt line 3: ")
    env = {**os.environ}
    r = subprocess.run([sys.executable, "-m", "vod_app", "recent"], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "warning: media-roots.txt line 3" in r.stderr and "left out" in r.stderr


def test_an_unreadable_media_roots_txt_is_said_and_kept_when_the_dialog_saves(qtbot, fake_window) -> None:  # noqa: ANN001
    from vod_app.paths import app_paths

    saved = app_paths().media_roots_file
    saved.parent.mkdir(parents=True, exist_ok=True)
    saved.write_bytes(b"\xff\xfe/srv/a=/mnt/a\n")  # not UTF-8
    fake_window.actions_.media_roots.trigger()
    dialog = fake_window.media_roots_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    assert dialog.problems.isVisible() and "media-roots.txt.bak" in dialog.problems.text()
    dialog.add_row("/srv/b/", "/mnt/b/")
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    assert saved.with_name("media-roots.txt.bak").read_bytes() == b"\xff\xfe/srv/a=/mnt/a\n"  # nothing lost
    assert "/srv/b/=/mnt/b/" in saved.read_text("utf-8")


def test_a_wrong_row_is_explained_in_the_viewers_language(qtbot, fake_window, interface_language) -> None:  # noqa: ANN001
    interface_language("fr")
    fake_window.actions_.media_roots.trigger()
    dialog = fake_window.media_roots_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    dialog.add_row("/srv/archive/", "rtsp://cam.example.org/")
    dialog.add_row("/srv/../etc", "/mnt/x")
    dialog.save()
    said = dialog.problems.text()
    assert "Ligne 1" in said and "seulement des adresses http et https" in said, said
    assert "«\u00a0.\u00a0» ou «\u00a0..\u00a0» dans le chemin" in said, said
    assert "is refused" not in said and "segments" not in said  # the domain check's English is not shown
    dialog.reject()

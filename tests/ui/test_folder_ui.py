"""Add folder in the window: the summary, the remembered folder, Edit…/Remove from catalog with Undo."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

import vod_app.ui.import_flow as import_flow_mod
from vod_app.catalog.repository import CatalogRepository
from vod_app.catalog.user_state import UserStateRepository

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "media" / "idm2017-panel-2-3.mkv"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "2019-05-10 Council"
    root.mkdir()
    shutil.copy(SAMPLE, root / "morning.mkv")
    shutil.copy(SAMPLE, root / "afternoon.mkv")
    (root / "empty.mkv").write_bytes(b"")
    (root / "broken.mp4").write_bytes(os.urandom(4096))
    return root


def _add(qtbot, window, folder: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:  # noqa: ANN001
    """Add folder… with the folder dialog answered by ``folder``; returns where the dialog opened."""
    opened: list[str] = []

    def pick(_parent, _caption, start):  # noqa: ANN001, ANN202
        opened.append(start)
        return str(folder)

    monkeypatch.setattr(import_flow_mod.QFileDialog, "getExistingDirectory", pick)
    window.actions_.add_folder.trigger()
    qtbot.waitUntil(lambda: getattr(window, "folder_summary", None) is not None and window.folder_summary.isVisible(), timeout=30_000)
    return opened


def _session_id(window) -> int:  # noqa: ANN001
    repo = CatalogRepository(window.catalog)
    return next(s.session_id for s in repo.sessions(limit=100).items if s.session_uid.startswith("folder-"))


def test_summary_lists_what_was_added_and_each_skipped_file_with_its_reason(qtbot, window, folder: Path, monkeypatch) -> None:  # noqa: ANN001
    _add(qtbot, window, folder, monkeypatch)
    summary = window.folder_summary
    text = summary.counts.text()
    assert "1 session(s) added" in text and "2 file(s) skipped" in text
    reasons = {Path(p).name: r for p, r in summary.rows()}
    assert set(reasons) == {"empty.mkv", "broken.mp4"}
    assert "0 bytes" in reasons["empty.mkv"] and reasons["broken.mp4"]
    summary.grab().save(str(Path(os.environ.get("VOD_APP_SHOTS", folder.parent)) / "folder-summary.png"))


def test_the_folder_dialog_reopens_where_the_last_folder_was_added(qtbot, make_window, folder: Path, monkeypatch, tmp_path: Path) -> None:  # noqa: ANN001
    db = f"sqlite:///{tmp_path / 'prefs.sqlite3'}"
    first = make_window(db)
    assert _add(qtbot, first, folder, monkeypatch) == [str(Path.home())]
    first.runner.wait()
    qtbot.waitUntil(lambda: UserStateRepository(first.catalog).preference("last_folder") == str(folder))
    first.close()
    second = make_window(db)  # a new start of the app: the preference comes from the catalog
    assert _add(qtbot, second, folder, monkeypatch) == [str(folder)]


def test_edit_and_remove_a_folder_session_with_undo_and_redo(qtbot, window, folder: Path, monkeypatch) -> None:  # noqa: ANN001
    _add(qtbot, window, folder, monkeypatch)
    window.folder_summary.close()
    repo = CatalogRepository(window.catalog)
    builtin = repo.session_id_for_uid("iom-idm-2017-04-18-panels-2-3")
    window.browse.session_requested.emit(builtin)
    page = window.session_page
    assert page.edit_button.isHidden() and page.remove_button.isHidden(), "catalog-file sessions are curated elsewhere"

    sid = _session_id(window)
    window.browse.session_requested.emit(sid)
    assert page.isVisible() and page.edit_button.isVisible() and page.remove_button.isVisible()
    page.edit_button.click()
    qtbot.waitUntil(lambda: window.session_editing.dialog is not None and window.session_editing.dialog.isVisible())
    dialog = window.session_editing.dialog
    assert dialog.title_edit.text() == "Council"
    dialog.title_edit.setText("")
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.title_edit.setText("Council of Ministers")
    dialog.event_box.setEditText("Spring Council 2019")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: page.title.text() == "Council of Ministers")
    assert "Spring Council 2019" in page.meta.text()
    assert window.actions_.undo.isEnabled() and "Ctrl+Z" in [k.toString() for k in window.actions_.undo.shortcuts()]
    assert window.actions_.undo.text() == "&Undo Edit “Council of Ministers”"

    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: page.title.text() == "Council")
    window.actions_.redo.trigger()
    qtbot.waitUntil(lambda: page.title.text() == "Council of Ministers")

    uid = repo.session_detail(sid).recordings[0].uid
    UserStateRepository(window.catalog).save_position(uid, 20_000, 90_000)
    page.remove_button.click()
    qtbot.waitUntil(lambda: repo.session_detail(sid) is None and window.stack.currentWidget() is window.browse)
    assert (folder / "morning.mkv").is_file() and (folder / "afternoon.mkv").is_file()
    assert "Ctrl+Z" in window.statusBar().currentMessage()

    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: repo.session_detail(sid) is not None)
    detail = repo.session_detail(sid)
    assert detail.title == "Council of Ministers" and UserStateRepository(window.catalog).position(uid) == 20_000
    assert sid in {s.session_id for s in repo.sessions(limit=100).items}


def test_removed_files_are_skipped_on_a_rescan_until_added_again_from_the_summary(qtbot, window, folder: Path, monkeypatch) -> None:  # noqa: ANN001
    _add(qtbot, window, folder, monkeypatch)
    first = window.folder_summary
    assert first.include_again.isHidden()
    first.close()
    repo = CatalogRepository(window.catalog)
    sid = _session_id(window)
    window.browse.session_requested.emit(sid)
    window.session_page.remove_button.click()
    qtbot.waitUntil(lambda: repo.session_detail(sid) is None)

    _add(qtbot, window, folder, monkeypatch)
    summary = window.folder_summary
    assert summary is not first and "0 session(s) added" in summary.counts.text()
    reasons = {Path(p).name: r for p, r in summary.rows()}
    assert "removed" in reasons["morning.mkv"] and "removed" in reasons["afternoon.mkv"]
    assert summary.include_again.isVisible()
    summary.include_again.click()
    qtbot.waitUntil(lambda: window.folder_summary is not summary and window.folder_summary.isVisible(), timeout=30_000)
    assert "1 session(s) added" in window.folder_summary.counts.text()
    assert any(s.session_uid.startswith("folder-") for s in repo.sessions(limit=100).items)


def test_the_edit_dialog_keeps_four_digit_years_and_reads_a_typed_event_as_new(qtbot) -> None:  # noqa: ANN001
    import datetime as dt

    from PySide6.QtCore import QLocale

    from vod_app.ui.folder_dialogs import SessionEditDialog

    before = QLocale()
    QLocale.setDefault(QLocale("en_US"))  # short format "M/d/yy"
    try:
        dialog = SessionEditDialog("Council", dt.date(1998, 5, 10), "ev-1", [("ev-1", "Spring Council"), ("ev-2", "IDM 2017")])
        qtbot.addWidget(dialog)
    finally:
        QLocale.setDefault(before)
    assert "1998" in dialog.date_edit.text()
    assert dialog.values() == type(dialog.values())("Council", dt.date(1998, 5, 10), "ev-1", None)
    dialog.event_box.setEditText("idm 2017")
    assert (dialog.values().event_uid, dialog.values().new_event_title) == ("ev-2", None)
    dialog.event_box.setEditText("  Autumn   Council ")
    assert (dialog.values().event_uid, dialog.values().new_event_title) == (None, "Autumn Council")
    dialog.event_box.setEditText("")
    assert (dialog.values().event_uid, dialog.values().new_event_title) == (None, None)

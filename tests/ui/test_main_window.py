"""The three jobs, end to end in the real window: browse recent, search, play with the description."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtTest import QTest

ROOT = Path(__file__).resolve().parents[2]
SESSION_UID = "iom-idm-2017-04-18-panels-2-3"
REC_UID = "iom-idm-2017-04-18-panels-2-3-rec"


def find_row(model, predicate) -> int:  # noqa: ANN001
    for row in range(model.rowCount()):
        if predicate(model.record(row)):
            return row
    raise AssertionError("row not found")


def recording_id(window) -> int:  # noqa: ANN001
    row = find_row(window.recent_model, lambda r: r.recording_uid == REC_UID)
    return window.recent_model.record(row).recording_id


def search(qtbot, window, text: str) -> None:  # noqa: ANN001
    with qtbot.waitSignal(window.search_finished, timeout=10_000, check_params_cb=lambda q, n: q == text):
        window.search_field.setText(text)


def wait_playing(qtbot, window, at_least_ms: int = 1) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: window.controller.state() == "playing" and window.controller.time_ms() >= at_least_ms, timeout=10_000)


def test_recent_list_shows_the_18_april_2017_session(fake_window) -> None:
    window = fake_window  # video is irrelevant here: no libvlc
    row = find_row(window.recent_model, lambda r: r.session_uid == SESSION_UID)
    rec = window.recent_model.record(row)
    assert rec.date.isoformat() == "2017-04-18"
    assert rec.event_title == "International Dialogue on Migration 2017"
    assert not rec.is_sample
    assert {"en", "fr", "es"} <= set(rec.languages)


def test_search_whole_of_government_finds_panel_3(qtbot, fake_window) -> None:
    window = fake_window  # video is irrelevant here: no libvlc
    search(qtbot, window, "whole-of-government")
    hit = window.results_model.hit(0)
    assert hit.kind == "panel" and hit.panel_uid == "iom-idm-2017-panel-3"
    assert window.browse.showing_results()
    window.browse.results_view.setFocus()
    window.open_hit(hit)
    assert window.stack.currentWidget() is window.session_page
    assert window.session_page.moments.count() > 0  # the caption moments matching the query


def test_search_as_you_type_drops_stale_queries(qtbot, fake_window, monkeypatch) -> None:
    window = fake_window  # video is irrelevant here: no libvlc
    """A slow first query that finishes after a fast second one must not replace its results."""
    release, slow_returned = threading.Event(), threading.Event()
    search_fn = window.services.search.search

    def ordered(query, *args, **kwargs):  # noqa: ANN001, ANN202 - runs on a worker thread
        if query == "stakeholders":
            assert release.wait(10), "the fast query never finished"
        try:
            return search_fn(query, *args, **kwargs)
        finally:
            if query == "stakeholders":
                slow_returned.set()

    monkeypatch.setattr(window.services.search, "search", ordered)
    # Search runs on a lane of its own: the next keystroke's query interrupts the running one (in
    # SQLite; here the wait stands for a slow statement), which then returns and is dropped.
    real_interrupt = window.services.search.interrupt
    monkeypatch.setattr(window.services.search, "interrupt", lambda: (release.set(), real_interrupt()))
    finished: list[str] = []
    window.search_finished.connect(lambda q, _n: finished.append(q))
    window.search_field.setText("stakeholders")
    window._search_now_and_focus()  # the slow one starts and waits
    search(qtbot, window, "whole-of-government")  # the fast one finishes first
    fast = [window.results_model.hit(r) for r in range(window.results_model.rowCount())]
    release.set()
    assert slow_returned.wait(10)
    window.runner.wait(5_000)
    QCoreApplication.processEvents()  # delivers the late result, if anything would take it
    assert [window.results_model.hit(r) for r in range(window.results_model.rowCount())] == fast
    assert fast[0].panel_uid == "iom-idm-2017-panel-3"
    assert finished == ["whole-of-government"]


def test_playing_switches_description_from_panel_2_to_panel_3_at_the_boundary(qtbot, window) -> None:
    window.play_recording(recording_id(window), 12_000)
    wait_playing(qtbot, window, 12_000)
    pane = window.player.description
    assert pane.title_text().startswith("Panel 2 – The Global Compact")
    assert "New York Declaration" in pane.body_text()
    assert window.player.chapter_list.currentRow() == 1
    window.player.seek(49_000)
    with qtbot.waitSignal(window.player.panel_changed, timeout=5_000):
        pass
    lag = window.controller.time_ms() - 50_000
    assert 0 <= lag <= 250, f"switched {lag} ms after the boundary (playback time)"
    assert pane.title_text().startswith("Panel 3 – Reaching a-whole-of-government")
    assert window.player.chapter_list.currentRow() == 2


def test_description_language_is_independent_of_audio(qtbot, window) -> None:
    window.play_recording(recording_id(window), 20_000)
    wait_playing(qtbot, window, 20_000)
    window.player.set_description_language("es")
    assert window.player.description.title_text().startswith("Panel 2 – El Pacto Mundial sobre Migración")
    assert window.player.description.shown_lang == "es"
    assert window.controller.audio_tracks()  # audio untouched


def test_seek_by_chapter_and_by_clicking_a_marker(qtbot, window) -> None:
    window.play_recording(recording_id(window), 1_000)
    wait_playing(qtbot, window)
    window.actions_.next_chapter.trigger()
    qtbot.waitUntil(lambda: 10_000 <= window.controller.time_ms() < 20_000, timeout=5_000)
    assert window.player.description.title_text().startswith("Panel 2")
    bar = window.player.seek_bar
    x = bar.tick_x(50_000)
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x, bar.height() // 2))
    qtbot.waitUntil(lambda: 50_000 <= window.controller.time_ms() < 60_000, timeout=5_000)
    assert window.player.description.title_text().startswith("Panel 3")
    window.actions_.previous_chapter.trigger()
    qtbot.waitUntil(lambda: 10_000 <= window.controller.time_ms() < 50_000, timeout=5_000)
    item = window.player.chapter_list.item(0)
    window.player.chapter_list.itemClicked.emit(item)
    qtbot.waitUntil(lambda: window.controller.time_ms() < 10_000, timeout=5_000)


def test_audio_track_switch_is_remembered_for_the_next_recording(qtbot, window) -> None:
    window.play_recording(recording_id(window), 5_000)
    wait_playing(qtbot, window)
    qtbot.waitUntil(lambda: window.player.audio.count() >= 3, timeout=5_000)
    assert window.player.choose_audio_language("fr")
    qtbot.waitUntil(lambda: window.controller.current_audio_track() == window.player.audio.currentData(), timeout=5_000)
    assert window.prefs.audio_language == "fr"
    assert window.writes.wait(5_000)  # every write made so far, queued ones too (runner.wait sees only the running one)
    assert window.services.users.preference("audio_language") == "fr"
    other = next(r.recording_id for r in map(window.recent_model.record, range(window.recent_model.rowCount()))
                 if r.is_sample)  # a sample session replaying the same file
    window.play_recording(other, 0)
    wait_playing(qtbot, window)
    qtbot.waitUntil(lambda: window.player.audio.currentText() == "French", timeout=5_000)  # names in the interface language


def test_resume_offers_to_continue_where_it_stopped(qtbot, window) -> None:
    rid = recording_id(window)
    window.play_recording(rid, 55_000)
    wait_playing(qtbot, window, 55_500)
    with qtbot.waitSignal(window.player.position_saved, timeout=5_000):
        window.go_back()  # leaving the player saves the position
    assert window.writes.wait(5_000)  # every write made so far, queued ones too (runner.wait sees only the running one)
    assert 55_000 <= window.services.users.position(REC_UID) < 70_000
    window.play_recording(rid)
    wait_playing(qtbot, window)
    assert window.player.resume_box.isVisible()
    assert "Panel 3" in window.player.resume_label.text()
    window.player.resume_button.click()
    qtbot.waitUntil(lambda: window.controller.time_ms() >= 55_000, timeout=5_000)
    assert not window.player.resume_box.isVisible()


def test_caption_hit_opens_the_player_at_its_time(qtbot, window) -> None:
    search(qtbot, window, "stakeholders")
    cues = [window.results_model.hit(r) for r in range(window.results_model.rowCount()) if window.results_model.hit(r).kind == "cue"]
    assert cues, "the captions mention stakeholders"
    window.open_hit(cues[0])
    assert window.stack.currentWidget() is window.player
    wait_playing(qtbot, window, cues[0].start_ms)
    assert abs(window.controller.time_ms() - cues[0].start_ms) < 3_000


def test_missing_file_shows_the_path_and_locate_remembers_the_new_place(qtbot, make_window, tmp_path: Path) -> None:
    folder = tmp_path / "cat"
    folder.mkdir()
    doc = {"format": "vod-app-catalog", "version": 1, "sessions": [{"id": "s", "title": "Moved", "date": "2030-01-01",
           "recordings": [{"id": "r", "media": "gone/missing.mkv", "duration_ms": 90000}]}]}
    (folder / "c.json").write_text(json.dumps(doc), "utf-8")
    window = make_window()
    window.services.import_file(folder / "c.json")
    window.refresh_lists()
    rec = window.recent_model.record(find_row(window.recent_model, lambda r: r.recording_uid == "r"))
    window.play_recording(rec.recording_id, 0)
    qtbot.waitUntil(lambda: window.player.message_box.isVisible(), timeout=5_000)
    assert str(folder / "gone" / "missing.mkv") in window.player.message.text()
    assert window.player.locate_button.isVisible()
    new = tmp_path / "found.mkv"
    shutil.copy(ROOT / "data" / "media" / "idm2017-panel-2-3.mkv", new)
    window.player.relocate_to(str(new))
    wait_playing(qtbot, window)
    assert not window.player.message_box.isVisible()
    assert window.writes.wait(10_000)  # the relocation is written off the GUI thread
    assert window.services.repo.play_item(rec.recording_id).recording.source == str(new)


def test_keyboard_drives_playback_and_navigation(qtbot, window) -> None:
    window.play_recording(recording_id(window), 12_000)
    wait_playing(qtbot, window, 12_000)
    window.player.setFocus()
    QTest.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.controller.state() == "paused", timeout=5_000)
    QTest.keyClick(window, Qt.Key.Key_K)
    qtbot.waitUntil(lambda: window.controller.state() == "playing", timeout=5_000)
    QTest.keyClick(window, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: window.controller.time_ms() >= 50_000, timeout=5_000)
    QTest.keyClick(window, Qt.Key.Key_BracketRight)
    assert window.controller.rate() == pytest.approx(1.25)
    QTest.keyClick(window, Qt.Key.Key_M)
    assert window.controller.is_muted()
    QTest.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentWidget() is window.browse
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_field.hasFocus() or window.focusWidget() is window.search_field


def test_filters_narrow_the_recent_list(qtbot, fake_window) -> None:
    window = fake_window  # video is irrelevant here: no libvlc
    browse = window.browse
    all_rows = window.recent_model.rowCount()
    browse.year_filter.setCurrentIndex(browse.year_filter.findData(2016))
    browse.filters_changed.emit()
    assert 0 < window.recent_model.rowCount() < all_rows
    assert all(window.recent_model.record(r).date.year == 2016 for r in range(window.recent_model.rowCount()))
    browse.year_filter.setCurrentIndex(0)
    browse.filters_changed.emit()  # the event choices follow the year: back to every event
    browse.event_filter.setCurrentIndex(browse.event_filter.findData("iom-idm-2017"))
    browse.filters_changed.emit()
    assert [window.recent_model.record(r).recording_uid for r in range(window.recent_model.rowCount())] == [REC_UID]


def test_back_and_forward_between_pages(qtbot, fake_window) -> None:
    window = fake_window  # video is irrelevant here: no libvlc
    window.browse.session_requested.emit(window.recent_model.record(find_row(window.recent_model, lambda r: r.session_uid == SESSION_UID)).session_id)
    assert window.stack.currentWidget() is window.session_page
    assert window.session_page.title.text() == "(Panel 2 & 3) International Dialogue on Migration 2017"
    assert "Available languages" in window.session_page.languages.text()
    window.go_back()
    assert window.stack.currentWidget() is window.browse
    window.go_forward()
    assert window.stack.currentWidget() is window.session_page


def test_every_shortcut_is_unique_and_every_action_reachable_from_a_menu(fake_window) -> None:
    window = fake_window  # video is irrelevant here: no libvlc
    seen: dict[str, str] = {}
    for act in window.actions_.all():
        for seq in act.shortcuts():
            key = seq.toString()
            assert key not in seen, f"{key} is used by {seen[key]} and {act.text()}"
            seen[key] = act.text()
    in_menus = set()
    for menu_action in window.menuBar().actions():
        for a in menu_action.menu().actions():
            in_menus.add(a)
    missing = [a.text() for a in window.actions_.all() if a not in in_menus and a is not window.actions_.leave_fullscreen]
    assert missing == []


def test_about_names_the_version_components_and_how_to_replace_lgpl_parts(fake_window) -> None:
    from vod_app.diagnose import app_version
    from vod_app.ui.menus import about_text

    text = about_text()
    assert app_version() in text
    for part in ("Qt", "libvlc", "LGPL", "SQLite", "replace"):
        assert part in text, text

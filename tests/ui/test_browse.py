"""Start page, filters, search and session page in the real window (issue 9, items 8, 9 and 16)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QAbstractButton, QApplication

from vod_app.domain.records import SearchHit

SESSION_UID = "iom-idm-2017-04-18-panels-2-3"
REC_UID = "iom-idm-2017-04-18-panels-2-3-rec"
EVENT_UID = "iom-idm-2017"


def rows(model) -> list:  # noqa: ANN001
    return [model.record(r) for r in range(model.rowCount())]


def recording_id(window) -> int:  # noqa: ANN001
    return next(r.recording_id for r in rows(window.recent_model) if r.recording_uid == REC_UID)


def session_id(window) -> int:  # noqa: ANN001
    return next(r.session_id for r in rows(window.recent_model) if r.session_uid == SESSION_UID)


def search(qtbot, window, text: str) -> None:  # noqa: ANN001
    with qtbot.waitSignal(window.search_finished, timeout=10_000, check_params_cb=lambda q, n: q == text):
        window.search_field.setText(text)


def choose(combo, value) -> None:  # noqa: ANN001
    i = combo.findData(value)
    assert i >= 0, f"{value!r} is not offered: {[combo.itemData(j) for j in range(combo.count())]}"
    combo.setCurrentIndex(i)


def offered(combo) -> list:  # noqa: ANN001
    return [combo.itemData(i) for i in range(combo.count())]


def import_doc(window, tmp_path: Path, doc: dict) -> None:  # noqa: ANN001
    path = tmp_path / "extra.json"
    path.write_text(json.dumps({"format": "vod-app-catalog", "version": 1, **doc}), "utf-8")
    window.services.import_file(path)
    window.refresh_lists()


# --- 16: polish ---


def test_the_window_title_names_the_app_once(fake_window) -> None:
    window = fake_window  # video is irrelevant here: no libvlc
    # The platform (xcb, Windows, macOS) appends the application display name to every window title.
    QApplication.setApplicationDisplayName("vod-app")
    shown = f"{window.windowTitle()} — {QApplication.applicationDisplayName()}"
    assert shown.count("vod-app") == 1, shown


def test_sample_sessions_come_below_real_ones_page_after_page(fake_window) -> None:
    window = fake_window  # video is irrelevant here: no libvlc
    listed = rows(window.recent_model)
    samples = [r.is_sample for r in listed]
    assert samples[0] is False and True in samples
    assert samples == sorted(samples), f"a sample above a real session: {[r.session_uid for r in listed]}"
    repo = window.services.repo
    paged, cursor = [], None
    while True:  # one row per page: every page boundary, including the one between the two walks
        page = repo.recent_recordings(limit=1, cursor=cursor)
        paged += [r.recording_uid for r in page.items]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert paged == [r.recording_uid for r in listed]


def test_a_title_hit_shows_a_piece_of_the_description_not_the_title_again(qtbot, fake_window) -> None:
    window = fake_window  # video is irrelevant here: no libvlc
    search(qtbot, window, "whole-of-government")
    hit = window.results_model.hit(0)
    assert hit.kind == "panel" and hit.tier == 0
    plain = hit.snippet.replace("<b>", "").replace("</b>", "")
    assert plain and plain not in hit.title
    assert "This panel explored the whole of government approaches" in plain  # the panel's description
    assert "<b>whole of government</b>" in hit.snippet  # the match marked there too


def test_result_counts_say_1_result_and_2_results(fake_window) -> None:
    window = fake_window  # video is irrelevant here: no libvlc
    hit = SearchHit(kind="session", session_id=1, session_uid="s", title="A talk", snippet="", lang="en")
    window.stack.setCurrentWidget(window.browse)
    window.results_model.set_hits([hit])
    window.browse.show_results("talk")
    assert window.browse.results_heading.text().endswith("1 result")
    window.results_model.set_hits([hit, hit])
    window.browse.show_results("talk")
    assert window.browse.results_heading.text().endswith("2 results")


def visible_back_buttons(window) -> list[QAbstractButton]:  # noqa: ANN001
    return [b for b in window.findChildren(QAbstractButton) if b.isVisible() and "back" in b.text().replace("&", "").lower()]


def test_one_back_button_on_every_page(qtbot, fake_window) -> None:
    window = fake_window  # video is irrelevant here: no libvlc
    window.browse.session_requested.emit(session_id(window))
    assert window.stack.currentWidget() is window.session_page
    assert len(visible_back_buttons(window)) == 1, [b.text() for b in visible_back_buttons(window)]
    window.play_recording(recording_id(window), 0)
    assert window.stack.currentWidget() is window.player
    assert len(visible_back_buttons(window)) == 1, [b.text() for b in visible_back_buttons(window)]


def test_session_page_list_of_recordings_is_as_tall_as_its_rows(qtbot, fake_window) -> None:
    window = fake_window  # video is irrelevant here: no libvlc
    window.browse.session_requested.emit(session_id(window))
    view = window.session_page.recordings
    assert view.count() == 1
    qtbot.waitUntil(lambda: view.isVisible())
    one_row = view.sizeHintForRow(0) + 2 * view.frameWidth()
    assert view.height() <= one_row + 2, f"{view.height()} px for one row of {view.sizeHintForRow(0)} px"


def test_continue_watching_is_as_tall_as_its_rows(qtbot, fake_window) -> None:
    window = fake_window  # video is irrelevant here: no libvlc
    window.services.users.save_position(REC_UID, 30_000, 90_000)
    window.go_home()
    view = window.browse.continue_view
    qtbot.waitUntil(lambda: view.isVisible() and window.continue_model.rowCount() == 1)
    one_row = view.rowHeight(0) + 2 * view.frameWidth()
    assert view.height() <= one_row + 2, f"{view.height()} px for one row of {view.rowHeight(0)} px"


def test_session_page_shows_each_panel_start_and_plays_from_there(qtbot, window) -> None:
    window.browse.session_requested.emit(session_id(window))
    body = window.session_page.body
    text = body.toPlainText()
    at_10, at_50 = text.index("0:10"), text.index("0:50")  # the session's description may name the panels too
    assert at_10 < at_50
    assert text.rfind("Panel 2 – The Global Compact", 0, at_10) != -1 and text.find("Panel 3 – Reaching", at_10, at_50) != -1
    links = re.findall(r'href="(play:[^"]+)"', body.toHtml())
    assert len(links) == 2
    body.anchorClicked.emit(QUrl(links[1]))  # Panel 3's link, as a click on it delivers it
    assert window.stack.currentWidget() is window.player
    qtbot.waitUntil(lambda: window.controller.state() == "playing" and window.controller.time_ms() >= 50_000, timeout=10_000)
    assert window.controller.time_ms() < 55_000
    qtbot.waitUntil(lambda: window.player.description.title_text().startswith("Panel 3"), timeout=5_000)


# --- 9: Home ---


def test_home_clears_the_search_and_shows_the_start_page(qtbot, window) -> None:
    search(qtbot, window, "global")
    assert window.browse.showing_results()
    window.actions_.home.trigger()
    assert window.search_field.text() == ""
    assert window.stack.currentWidget() is window.browse and not window.browse.showing_results()
    window.browse.session_requested.emit(session_id(window))
    window.search_field.setText("migration")  # typed, then Home before the search runs
    window.actions_.home.trigger()
    assert not window._debounce.isActive()  # the typed query is not searched after all
    window.runner.wait(5_000)
    QApplication.processEvents()
    assert not window.browse.showing_results() and window.search_field.text() == ""



def test_home_from_the_fullscreen_player_brings_the_window_back(qtbot, window) -> None:
    window.play_recording(recording_id(window), 0)
    window.toggle_fullscreen()
    assert window.isFullScreen()
    window.actions_.home.trigger()
    assert window.stack.currentWidget() is window.browse
    assert not window.isFullScreen() and window.toolbar.isVisible() and window.menuBar().isVisible()


def test_continue_watching_is_current_when_coming_back_from_the_player(qtbot, window, monkeypatch) -> None:
    window.play_recording(recording_id(window), 30_000)
    qtbot.waitUntil(lambda: window.controller.state() == "playing" and window.controller.time_ms() >= 30_500, timeout=10_000)
    # The position write is a task (the window's writes lane): hold it until the start page is up,
    # as a slow disk would.
    held, submit = [], window.runner.submit

    def holding(fn, on_done=None, on_error=None, **kwargs):  # noqa: ANN001, ANN202
        if getattr(kwargs.get("w"), "op", "") == "save_position":
            held.append((fn, on_done, on_error, kwargs))
        else:
            submit(fn, on_done, on_error, **kwargs)

    monkeypatch.setattr(window.runner, "submit", holding)
    window.actions_.home.trigger()
    assert window.stack.currentWidget() is window.browse
    assert held, "leaving the player writes the position"
    monkeypatch.undo()
    for fn, on_done, on_error, kwargs in held:
        submit(fn, on_done, on_error, **kwargs)

    def shown() -> bool:
        return any(r.recording_uid == REC_UID and r.position_ms >= 30_000 for r in rows(window.continue_model))

    qtbot.waitUntil(lambda: shown() and window.browse.continue_view.isVisible(), timeout=5_000)


# --- 8: filters ---


def test_year_choices_follow_the_event_and_the_other_way_round(window, tmp_path: Path) -> None:
    import_doc(window, tmp_path, {
        "events": [{"id": "other-2016", "title": "Other forum 2016"}],
        "sessions": [{"id": "other-s", "event": "other-2016", "title": "Other talk", "date": "2016-05-02",
                      "recordings": [{"id": "other-r", "media": "none.mkv", "duration_ms": 1000}]}],
    })
    browse = window.browse
    assert {2017, 2016, 2015} <= set(offered(browse.year_filter))
    assert {EVENT_UID, "other-2016"} <= set(offered(browse.event_filter))
    choose(browse.event_filter, EVENT_UID)
    browse.filters_changed.emit()
    assert offered(browse.year_filter) == [None, 2017]
    browse.event_filter.setCurrentIndex(0)
    browse.filters_changed.emit()
    choose(browse.year_filter, 2016)
    browse.filters_changed.emit()
    assert offered(browse.event_filter) == [None, "other-2016"]
    assert browse.year_filter.currentData() == 2016


def test_a_search_narrowed_to_nothing_by_filters_says_so_and_offers_to_search_everything(qtbot, window) -> None:
    browse = window.browse
    choose(browse.year_filter, 2015)
    browse.filters_changed.emit()
    search(qtbot, window, "whole-of-government")
    assert window.results_model.rowCount() == 0
    message = browse.no_results.text()
    assert "whole-of-government" in message and "Year: 2015" in message, message
    assert browse.search_everything_button.isVisible()
    with qtbot.waitSignal(window.search_finished, timeout=10_000, check_params_cb=lambda q, n: n > 0):
        browse.search_everything_button.click()
    assert browse.filters() == (None, None, None)
    assert window.results_model.hit(0).panel_uid == "iom-idm-2017-panel-3"
    assert not browse.search_everything_button.isVisible()


def test_an_empty_list_names_the_active_filters_and_clears_them(qtbot, window, tmp_path: Path) -> None:
    import_doc(window, tmp_path, {
        "events": [{"id": "empty-ev", "title": "Forum without videos"}],
        "sessions": [{"id": "empty-s", "event": "empty-ev", "title": "Unrecorded", "date": "2014-03-01"}],
    })
    browse = window.browse
    choose(browse.event_filter, "empty-ev")
    browse.filters_changed.emit()
    assert window.recent_model.rowCount() == 0
    assert browse.empty_label.isVisible()
    assert "Event: Forum without videos" in browse.empty_label.text(), browse.empty_label.text()
    assert browse.clear_filters_button.isVisible()
    browse.clear_filters_button.click()
    assert browse.filters() == (None, None, None)
    assert window.recent_model.rowCount() > 0 and not browse.empty_label.isVisible()


def test_each_sample_session_has_a_thumbnail_of_its_own(window) -> None:
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

    from vod_app.ui.delegates import THUMB_H, THUMB_W

    view = window.browse.recent_view
    delegate = view.itemDelegate()
    thumbs = {}
    for row, rec in enumerate(rows(window.recent_model)):
        img = QImage(600, THUMB_H + 12, QImage.Format.Format_ARGB32)
        img.fill(0)
        option = QStyleOptionViewItem()
        option.rect = img.rect()
        option.font = view.font()
        option.palette = view.palette()
        painter = QPainter(img)
        delegate.paint(painter, option, window.recent_model.index(row, 0))
        painter.end()
        thumbs[rec.recording_uid] = (rec.is_sample, img.copy(6, 6, THUMB_W, THUMB_H))
    samples = [img for sample, img in thumbs.values() if sample]
    assert len(samples) == 4
    others = [img for sample, img in thumbs.values() if not sample]
    for i, img in enumerate(samples):
        assert all(img != other for other in samples[i + 1:] + others), "two rows show the same picture"


def test_snippets_past_the_first_screen_are_made_when_their_rows_are_painted(qtbot, fake_window, monkeypatch) -> None:
    """Issue 14: the search makes the first SNIPPETS_FIRST snippets; the rest come when painted, the
    same as the search makes them all at once, and the rows are laid out again for them."""
    import vod_app.ui.main_window as main_window
    from vod_app.ui.models import Roles, SearchResultsModel

    window = fake_window  # video is irrelevant here: no libvlc
    monkeypatch.setattr(main_window, "SNIPPETS_FIRST", 0)
    monkeypatch.setattr(SearchResultsModel, "AHEAD", 0)
    window.resize(560, 420)
    model, view = window.results_model, window.browse.results_view
    pending: list[int] = []  # when the results arrive, before any paint
    window.search_finished.connect(lambda _q, _n: pending.extend(r for r in range(model.rowCount()) if model.hit(r).snippet_of))
    search(qtbot, window, "migration")
    everything = window.services.search.search("migration", limit=100)
    assert pending[:2] == [0, 1] and all(h.snippet_of is None for h in everything)
    assert model.data(model.index(0), Roles.Snippet) == "…"  # a line kept for it
    qtbot.waitUntil(lambda: all(model.hit(r).snippet_of is None for r in range(2)), timeout=5_000)
    assert model.hit(0).snippet == everything[0].snippet and "<b>Migration</b>" in model.hit(0).snippet
    assert view.visualRect(model.index(0)).height() > view.visualRect(model.index(model.rowCount() - 1)).height()  # 2 lines
    view.scrollToBottom()
    qtbot.waitUntil(lambda: all(model.hit(r).snippet_of is None for r in range(model.rowCount())), timeout=5_000)
    assert [model.hit(r) for r in range(model.rowCount())] == everything

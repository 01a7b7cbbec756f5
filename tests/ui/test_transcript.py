"""The Transcript tab on real libvlc (issue 10): it follows playback, seeks, finds, pauses and resumes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QGuiApplication
from PySide6.QtTest import QTest

from vod_app.ui.transcript_model import HeadingRole, StartRole

REC_UID = "iom-idm-2017-04-18-panels-2-3-rec"


def recording_id(window) -> int:  # noqa: ANN001
    model = window.recent_model
    for row in range(model.rowCount()):
        if model.record(row).recording_uid == REC_UID:
            return model.record(row).recording_id
    raise AssertionError("sample recording not listed")


def open_transcript(qtbot, window, start_ms: int = 0, captions: str | None = None):  # noqa: ANN001, ANN201
    pane = window.player.transcript
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        window.play_recording(recording_id(window), start_ms, captions)
    window.player.side_tabs.setCurrentWidget(pane)
    qtbot.waitUntil(lambda: window.controller.state() == "playing" and window.controller.time_ms() >= start_ms, timeout=10_000)
    return pane


def cue_rows(pane) -> list[int]:  # noqa: ANN001
    m = pane.model
    return [r for r in range(m.rowCount()) if not m.index(r).data(HeadingRole)]


def test_highlight_follows_playback_within_250_ms(qtbot, window) -> None:
    pane = open_transcript(qtbot, window, 14_000)
    m = pane.model
    qtbot.waitUntil(lambda: m.current_row() >= 0 and m.current_row() == m.row_at(window.controller.time_ms()), timeout=5_000)
    lags = []
    for _ in range(3):  # three cue boundaries crossed while playing
        with qtbot.waitSignal(pane.current_changed, timeout=10_000):
            pass
        row = pane.model.current_row()
        line = pane.model.line(row)
        lags.append(window.controller.time_ms() - line.start_ms)
        assert not line.is_heading
    assert all(-50 <= lag <= 250 for lag in lags), lags
    # The current line is in view while following.
    rect = pane.view.visualRect(pane.model.index(pane.model.current_row()))
    assert pane.view.viewport().rect().intersects(rect)


def test_click_and_enter_seek_there(qtbot, window) -> None:
    pane = open_transcript(qtbot, window)
    rows = cue_rows(pane)
    target = rows[-3]
    index = pane.model.index(target)
    start = index.data(StartRole)
    pane.view.scrollTo(index)
    QTest.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=pane.view.visualRect(index).center())
    qtbot.waitUntil(lambda: abs(window.controller.time_ms() - start) < 1500, timeout=5_000)
    qtbot.waitUntil(lambda: pane.model.current_row() == target, timeout=5_000)
    other = pane.model.index(rows[2])
    pane.view.setCurrentIndex(other)
    pane.view.setFocus()
    QTest.keyClick(pane.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: abs(window.controller.time_ms() - other.data(StartRole)) < 1500, timeout=5_000)


def test_panel_boundaries_are_headings_that_match_the_description(qtbot, window) -> None:
    pane = open_transcript(qtbot, window)
    m = pane.model
    headings = [m.line(r) for r in range(m.rowCount()) if m.line(r).is_heading]
    ranges = window.player.item.recording.panel_ranges
    assert [h.start_ms for h in headings] == sorted(r.start_ms for r in ranges)
    assert len(headings) >= 2
    # Seeking into the second panel: the description pane's title is the heading above the current line.
    second = headings[1]
    window.player.seek(second.start_ms + 3_000)
    qtbot.waitUntil(lambda: window.player.description.title_text() == second.heading, timeout=5_000)
    row = m.current_row()
    above = next(m.line(r) for r in range(row, -1, -1) if m.line(r).is_heading)
    assert above == second


def test_find_is_accent_insensitive_with_count_and_next_previous(qtbot, window) -> None:
    pane = open_transcript(qtbot, window, 0, "es")
    assert pane.current_language() == "es"
    window.player.side_tabs.setCurrentWidget(pane)
    pane.setFocus()
    QTest.keyClick(pane, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert pane.find_field.hasFocus()
    QTest.keyClicks(pane.find_field, "migracion")
    n = pane.match_count()
    assert n >= 2
    assert all("migración" in pane.model.line(r).text.lower() or "migracion" in pane.model.line(r).text.lower()
               for r in pane._matches)
    assert pane.match_label.text() == f"1 of {n}"
    first = pane.view.currentIndex().row()
    pane.next_button.click()
    assert pane.match_label.text() == f"2 of {n}"
    assert pane.view.currentIndex().row() != first
    pane.prev_button.click()
    assert pane.view.currentIndex().row() == first
    pane.find_field.setText("zzzz-nothing")
    assert pane.match_label.text() == "No match"


def test_following_pauses_on_scroll_and_resumes(qtbot, window) -> None:
    pane = open_transcript(qtbot, window, 5_000)
    pane.view.setFixedHeight(90)  # a few lines in view: the sample's 18 rows need scrolling
    assert pane.is_following()
    assert not pane.follow_button.isVisible()
    bar = pane.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 10, timeout=5_000)
    bar.setValue(bar.maximum())  # the person scrolls away to read (the end: playback is near the start)
    assert not pane.is_following()
    assert pane.follow_button.isVisible()
    value = bar.value()
    with qtbot.waitSignal(pane.current_changed, timeout=10_000):
        pass
    assert bar.value() == value  # the list stays where the person left it
    pane.follow_button.click()
    assert pane.is_following()
    assert not pane.follow_button.isVisible()
    rect = pane.view.visualRect(pane.model.index(pane.model.current_row()))
    assert pane.view.viewport().rect().intersects(rect)
    # Selecting lines pauses following too; Ctrl+C copies them with their times.
    first, second = cue_rows(pane)[1:3]
    pane.view.selectionModel().select(pane.model.index(first), pane.view.selectionModel().SelectionFlag.Select)
    pane.view.selectionModel().select(pane.model.index(second), pane.view.selectionModel().SelectionFlag.Select)
    assert not pane.is_following()
    pane.view.setFocus()
    QTest.keyClick(pane.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text().splitlines()
    assert copied == [pane.model.line_text(pane.model.line(first)), pane.model.line_text(pane.model.line(second))]
    assert copied[0].startswith("0:")


def test_current_cue_is_exposed_to_screen_readers(qtbot, window) -> None:
    pane = open_transcript(qtbot, window, 20_000)
    iface = QAccessible.queryAccessibleInterface(pane.view)
    assert iface.text(QAccessible.Text.Name) == "Transcript"
    with qtbot.waitSignal(pane.current_changed, timeout=10_000):
        pass
    line = pane.model.line(pane.model.current_row())
    assert line.text in iface.text(QAccessible.Text.Description)


def test_speakers_from_voice_spans_list_jump_and_filter(qtbot, window) -> None:
    pane = open_transcript(qtbot, window)
    speakers = window.player.speakers
    assert speakers.speakers() == ["Moderator", "Panelist A", "Panelist B"]
    top = speakers.model.item(1)  # Panelist A: one intervention, in panel 2
    assert top.text().startswith("Panelist A — 1 intervention")
    child = top.child(0)
    assert pane.model.line_text(pane.model.line(0)).startswith("0:00  Moderator: Welcome")
    window.player.side_tabs.setCurrentWidget(speakers)
    speakers.view.expandAll()
    index = speakers.model.indexFromItem(child)
    speakers.view.setCurrentIndex(index)
    speakers.view.setFocus()
    QTest.keyClick(speakers.view, Qt.Key.Key_Return)  # the keyboard jumps there as a click does
    start = speakers.interventions[[i.speaker for i in speakers.interventions].index("Panelist A")].start_ms
    qtbot.waitUntil(lambda: abs(window.controller.time_ms() - start) < 1500, timeout=5_000)
    label = window.player.speaking_now
    qtbot.waitUntil(lambda: label.text() == "Speaking: Panelist A", timeout=5_000)
    iface = QAccessible.queryAccessibleInterface(label)
    assert "Panelist A" in iface.text(QAccessible.Text.Name) + iface.text(QAccessible.Text.Description)
    # The transcript filtered to one speaker: their lines and the panel headings only.
    pane.filter_speaker("Panelist B")
    lines = [pane.model.line(r) for r in range(pane.model.rowCount())]
    assert {x.speaker for x in lines if not x.is_heading} == {"Panelist B"}
    assert sum(x.is_heading for x in lines) == 2
    pane.filter_speaker("")
    assert {x.speaker for x in pane.model.lines() if not x.is_heading} == {"Moderator", "Panelist A", "Panelist B"}


def test_choosing_a_speaker_shades_their_interventions_on_the_seek_bar(qtbot, window) -> None:
    open_transcript(qtbot, window)
    speakers, bar = window.player.speakers, window.player.seek_bar
    assert bar.shaded() == ()
    before = bar.grab().toImage()
    top = speakers.model.item(0)  # Moderator
    window.player.side_tabs.setCurrentWidget(speakers)
    speakers.view.clicked.emit(speakers.model.indexFromItem(top))
    ranges = [(i.start_ms, i.end_ms) for i in speakers.interventions if i.speaker == "Moderator"]
    assert bar.shaded() == tuple(ranges) and len(ranges) == 2
    # The shade is drawn: the groove under the moderator's second intervention changed colour.
    after = bar.grab().toImage()
    x = bar.tick_x((ranges[1][0] + ranges[1][1]) // 2)
    assert after.pixelColor(x, bar.height() // 2 - 3) != before.pixelColor(x, bar.height() // 2 - 3)

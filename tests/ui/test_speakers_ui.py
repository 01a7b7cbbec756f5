"""Speakers in the window (issue 10): the catalog's speaker index wins over voice tags in the player,
the session page lists speakers and plays an intervention, search shows and opens speaker hits, and a
change of speaker is announced to screen readers."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import text

import vod_app.ui.player_page as player_page_module
from vod_app.catalog.importer import import_catalog_file
from vod_app.catalog.search import search_backend
from vod_app.ui.models import Roles

SESSION = "iom-idm-2017-04-18-panels-2-3"
REC = SESSION + "-rec"


def ids(window) -> tuple[int, int]:  # noqa: ANN001
    with window.catalog.read() as s:
        sid = s.execute(text("SELECT id FROM sessions WHERE uid = :u"), {"u": SESSION}).scalar_one()
        rid = s.execute(text("SELECT id FROM recordings WHERE uid = :u"), {"u": REC}).scalar_one()
    return sid, rid


def open_player(qtbot, window, start_ms: int):  # noqa: ANN001, ANN201
    _sid, rid = ids(window)
    with qtbot.waitSignal(window.player.transcript.loaded, timeout=10_000):
        window.play_recording(rid, start_ms)
    return window.player


def test_catalog_speakers_win_over_voice_tags_in_the_player(qtbot, fake_window) -> None:
    player = open_player(qtbot, fake_window, 20_000)
    speakers = player.speakers
    qtbot.waitUntil(lambda: speakers.source == "catalog", timeout=5_000)
    assert speakers.source_label.text() == "From the catalog"
    assert speakers.speakers() == ["Moderator", "Panelist A", "Panelist B"]
    assert (
        "Panelist, Panel 2" in speakers.model.item(1).text()
        and "sample speaker" in speakers.model.item(1).text()
    )
    # Who is speaking now comes from the catalog's times, with its source in the tooltip.
    assert (
        player.speaking_now.text() == "Speaking: Panelist A"
        and player.speaking_now.toolTip() == "From the catalog"
    )
    player.seek(47_000)  # between interventions: nobody
    assert player.speaking_now.isHidden()
    player.seek(60_000)
    assert player.speaking_now.text() == "Speaking: Panelist B"
    # The transcript's speakers and filter are the catalog's names.
    pane = player.transcript
    names = [pane.speaker_filter.itemText(i) for i in range(1, pane.speaker_filter.count())]
    assert names == ["Moderator", "Panelist A", "Panelist B"]
    pane.filter_speaker("Panelist B")
    assert {x.speaker for x in pane.model.lines() if not x.is_heading} == {"Panelist B"}
    # Shading follows the catalog's interventions.
    player.side_tabs.setCurrentWidget(speakers)
    speakers.view.clicked.emit(speakers.model.indexFromItem(speakers.model.item(0)))
    assert player.seek_bar.shaded() == ((400, 17_747), (50_400, 56_164))


def test_voice_tags_are_the_speakers_where_the_catalog_has_none(
    qtbot, fake_window, builtin_copy: Path
) -> None:
    doc = json.loads(builtin_copy.read_text("utf-8"))
    for rec in doc["sessions"][0]["recordings"]:
        rec.pop("interventions")
    builtin_copy.write_text(json.dumps(doc), "utf-8")
    import_catalog_file(fake_window.catalog, builtin_copy)
    player = open_player(qtbot, fake_window, 20_000)
    speakers = player.speakers
    qtbot.waitUntil(lambda: speakers.source == "captions", timeout=5_000)
    assert speakers.source_label.text() == "From caption voice tags"
    assert speakers.speakers() == ["Moderator", "Panelist A", "Panelist B"]
    qtbot.waitUntil(lambda: player.speaking_now.text() == "Speaking: Panelist A", timeout=5_000)
    assert player.speaking_now.toolTip() == "From caption voice tags"


def test_a_change_of_speaker_is_announced_to_screen_readers(qtbot, fake_window, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtGui import QAccessible

    announced: list[str] = []

    class Recorder:
        def __getattr__(self, name: str) -> object:
            return getattr(QAccessible, name)

        @staticmethod
        def updateAccessibility(event) -> None:  # noqa: ANN001, N802 - mirrors QAccessible's
            announced.append(event.message())

    monkeypatch.setattr(player_page_module, "QAccessible", Recorder())
    player = open_player(qtbot, fake_window, 20_000)
    qtbot.waitUntil(lambda: player.speakers.source == "catalog", timeout=5_000)
    player.seek(60_000)
    assert announced[-1] == "Speaking: Panelist B"
    player.seek(61_000)  # the same speaker: nothing more to say
    assert announced.count("Speaking: Panelist B") == 1
    iface = QAccessible.queryAccessibleInterface(player.speaking_now)
    assert "Panelist B" in iface.text(QAccessible.Text.Name) + iface.text(QAccessible.Text.Description)
    tree = QAccessible.queryAccessibleInterface(player.speakers.view)
    assert (
        tree.text(QAccessible.Text.Name) == "Speakers"
        and tree.text(QAccessible.Text.Description) == "From the catalog"
    )


def test_session_page_lists_speakers_and_an_intervention_opens_the_player_there(qtbot, fake_window) -> None:
    fake_window.resize(800, 600)
    sid, rid = ids(fake_window)
    fake_window.open_session(sid)
    page = fake_window.session_page
    box = page.speakers
    assert box.isVisible() and box.model.rowCount() == 3
    top = box.model.item(1)
    assert top.text() == "Panelist A · Panelist, Panel 2 · sample speaker · 1 intervention, 0:26 in all"
    assert top.child(0).text() == "0:18 – 0:44 · English"  # the language spoken, from the catalog
    # It fits at 800x600: the list and the panels' text both have room on the page.
    assert box.view.height() >= 3 * box.view.sizeHintForRow(0) and page.body.height() >= 100
    assert page.body.geometry().bottom() <= page.height()
    # The keyboard: Enter on an intervention plays from there.
    box.view.expandAll()
    box.view.setFocus()
    box.view.setCurrentIndex(box.model.indexFromItem(top.child(0)))
    QTest.keyClick(box.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: fake_window.stack.currentWidget() is fake_window.player, timeout=5_000)
    assert (
        fake_window.controller.time_ms() == 18_197 and fake_window.player.item.recording.recording_id == rid
    )
    # A click on a speaker plays their first intervention.
    fake_window.open_session(sid)
    box.view.clicked.emit(box.model.indexFromItem(box.model.item(2)))
    qtbot.waitUntil(lambda: fake_window.controller.time_ms() == 56_614, timeout=5_000)


def test_search_shows_speaker_hits_and_opens_them_at_the_first_intervention(qtbot, fake_window) -> None:
    hits = search_backend(fake_window.catalog).search("panelist a ")
    hit = hits[0]
    assert (hit.kind, hit.title, hit.start_ms) == ("speaker", "Panelist A", 18_197)
    fake_window.results_model.set_hits(hits)
    index = fake_window.results_model.index(0, 0)
    assert index.data(Roles.Subtitle).startswith("Speaker · ") and "at 0:18" in index.data(Roles.Subtitle)
    fake_window.open_hit(hit)
    qtbot.waitUntil(lambda: fake_window.stack.currentWidget() is fake_window.player, timeout=5_000)
    assert fake_window.controller.time_ms() == 18_197
    assert fake_window.player.captions.currentText() == "Off"  # a speaker hit does not turn captions on

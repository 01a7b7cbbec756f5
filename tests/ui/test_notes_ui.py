"""Bookmarks and notes in the window (issue 11): add with B, edit in place, Undo, seek from the list,
the seek-bar marks, copy link/citation, and vod:// links (also from a second process)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication

REC = "iom-idm-2017-04-18-panels-2-3-rec"
ROOT = Path(__file__).resolve().parents[2]


def _rec_id(w) -> int:  # noqa: ANN001
    from vod_app.catalog.notes import resolve_target

    return resolve_target(w.catalog, "recording", REC)[0]


def _play_at(w, qtbot, ms: int) -> int:  # noqa: ANN001
    rid = _rec_id(w)
    w.play_recording(rid, start_ms=ms)
    qtbot.waitUntil(lambda: w.controller.time_ms() == ms and w.notes.recording is not None, timeout=5000)
    return rid


def _stored(w) -> list[tuple[int, str]]:  # noqa: ANN001
    """The bookmarks in the catalog once the window's writes (queued off the GUI thread) landed."""
    assert w.writes.wait(10_000)
    return sorted((b.position_ms, b.note) for b in w.services.users.bookmarks(REC))


def test_b_adds_a_bookmark_with_its_panel_then_edit_and_undo(fake_window, qtbot) -> None:  # noqa: ANN001
    w = fake_window
    _play_at(w, qtbot, 54_000)
    w.player.setFocus()
    qtbot.keyClick(w.player, Qt.Key.Key_B)
    assert _stored(w) == [(54_000, "")]
    panel = w.notes.panel
    assert panel.list.count() == 1 and panel.list.item(0).text().startswith("0:54")
    assert panel.current_note().panel, "the panel on screen at that time is kept with the bookmark"
    assert w.player.seek_bar.bookmarks() == (54_000,)
    qtbot.keyClicks(panel.note, "a quote")
    panel.commit_note()
    assert _stored(w) == [(54_000, "a quote")]
    assert w.actions_.undo.isEnabled() and "Edit note" in w.actions_.undo.text()
    w.actions_.undo.trigger()
    assert _stored(w) == [(54_000, "")] and panel.note.toPlainText() == ""
    w.actions_.undo.trigger()
    assert _stored(w) == [] and panel.list.count() == 0 and w.player.seek_bar.bookmarks() == ()
    w.actions_.redo.trigger()
    w.actions_.redo.trigger()
    assert _stored(w) == [(54_000, "a quote")], "redo brings back the same bookmark with its note"


def test_delete_with_undo_and_seek_from_the_list(fake_window, qtbot) -> None:  # noqa: ANN001
    w = fake_window
    _play_at(w, qtbot, 30_000)
    panel = w.notes.panel
    w.notes.add_here()
    w.player.seek(50_000)
    uid = w.notes.add_here()
    assert panel.list.count() == 2
    panel.select(uid)
    panel.delete_current()
    assert _stored(w) == [(30_000, "")]
    w.actions_.undo.trigger()
    assert _stored(w) == [(30_000, ""), (50_000, "")]
    first = panel.list.item(0)
    panel.list.itemActivated.emit(first)
    assert w.controller.time_ms() == 30_000


def test_bookmark_marks_are_drawn_apart_from_chapter_ticks(fake_window, qtbot) -> None:  # noqa: ANN001
    w = fake_window
    _play_at(w, qtbot, 45_000)
    w.notes.add_here()
    bar = w.player.seek_bar
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5000)
    img = bar.grab().toImage()
    x, mid = bar.tick_x(45_000), bar.height() // 2
    from vod_app.ui.seek_bar import BOOKMARK_COLOUR

    assert QColor(img.pixel(x, mid)) == BOOKMARK_COLOUR
    chapter_ms = next(c.start_ms for c in bar.chapters() if c.start_ms > 0)
    assert QColor(img.pixel(bar.tick_x(chapter_ms), mid)) != BOOKMARK_COLOUR  # chapters: edge ticks only


def test_copy_link_and_citation(fake_window, qtbot) -> None:  # noqa: ANN001
    w = fake_window
    rid = _play_at(w, qtbot, 754_000 % 90_000)
    link = w.notes.copy_link()
    assert link == f"vod://recording/{rid}?t={754 % 90}" and QGuiApplication.clipboard().text() == link
    w.notes.add_here()
    plain = w.notes.copy_citation()
    assert plain.endswith(link) and "International Dialogue on Migration" in plain and "2017-04-18" in plain
    md = w.notes.copy_citation(markdown=True)
    assert md.startswith("*[") and f"]({link})*" in md
    assert bytes(QGuiApplication.clipboard().mimeData().data("text/markdown")).decode() == md


def test_links_open_the_moment_or_say_what_is_wrong(fake_window, qtbot) -> None:  # noqa: ANN001
    w = fake_window
    rid = _rec_id(w)
    sid = w.services.repo.session_id_for_uid("iom-idm-2017-04-18-panels-2-3")
    assert w.notes.open_link(f"vod://session/{sid}?t=41&lang=fr")
    qtbot.waitUntil(lambda: w.controller.time_ms() == 41_000, timeout=5000)
    assert w.stack.currentWidget() is w.player and w.player.item.recording.recording_id == rid
    assert not w.notes.open_link("vod://recording/99999?t=1")
    assert w.last_error == "There is no recording 99999 in this catalog."
    assert not w.notes.open_link("vod://session/99999")
    assert w.last_error == "There is no session 99999 in this catalog."
    assert w.notes.open_link(f"vod://recording/{rid}?t=3600")
    assert "past the end of this recording (1:30)" in w.last_error
    assert not w.notes.open_link("vod://recording/abc")
    assert "is not a number" in w.last_error


def test_a_link_from_a_second_launch_lands_the_running_window_there(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from vod_app.app import AppShell
    from vod_app.single_instance import SingleInstance, instance_name

    url = f"sqlite:///{tmp_path / 'linked.sqlite3'}"
    shell = AppShell(url, headless_playback=True)
    assert shell.open()
    w = shell.window
    qtbot.addWidget(w)
    guard = SingleInstance(instance_name(url))
    assert guard.acquire()
    guard.activated.connect(shell.bring_forward)
    try:
        w.show()
        rid = _rec_id(w)
        w.play_recording(rid, start_ms=42_000)
        qtbot.waitUntil(lambda: w.controller.time_ms() >= 42_000, timeout=10_000)
        link = w.notes.copy_link()
        target = link.replace("?t=42", "?t=75")
        w.go_home()
        env = {**os.environ, "VOD_APP_HOME": str(tmp_path / "home"), "PYTHONPATH": str(ROOT)}
        with qtbot.waitSignal(guard.activated, timeout=15_000):
            second = subprocess.Popen([sys.executable, "-m", "vod_app", "--db", url, target], env=env, cwd=ROOT,
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        qtbot.waitUntil(lambda: w.stack.currentWidget() is w.player and 75_000 <= w.controller.time_ms() < 90_000, timeout=15_000)
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=15_000)
        assert second.returncode == 0 and "already running" in second.stderr.read()  # type: ignore[union-attr]
    finally:
        guard.release()
        w.close()
        shell.close()


def test_my_notes_page_filters_searches_and_opens_the_moment(fake_window, qtbot) -> None:  # noqa: ANN001
    w = fake_window
    rid = _play_at(w, qtbot, 20_000)
    first = w.notes.add_here()
    w.notes.panel.select(first)
    qtbot.keyClicks(w.notes.panel.note, "remittances matter")
    w.player.seek(40_000)
    w.notes.add_here()  # commits the first note's text, then a second bookmark
    page = w.notes.page
    with qtbot.waitSignal(page.loaded, timeout=5000):
        w.notes.my_notes_action.trigger()
    assert w.stack.currentWidget() is page
    assert [n.text for n in page.shown()] == ["", "remittances matter"]  # newest first
    assert page.event.count() == 2 and page.session.count() == 2  # "All …" + the one there is
    page.search.setText("REMITT")
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == 1, timeout=3000)
    assert page.count.text() == "1 note"
    page.session.setCurrentIndex(1)
    assert page.tree.topLevelItemCount() == 1
    page.tree.itemActivated.emit(page.tree.topLevelItem(0), 0)
    qtbot.waitUntil(lambda: w.stack.currentWidget() is w.player and w.controller.time_ms() == 20_000, timeout=5000)
    assert w.player.item.recording.recording_id == rid


def test_main_search_finds_notes_as_their_own_kind(fake_window, qtbot) -> None:  # noqa: ANN001
    w = fake_window
    _play_at(w, qtbot, 33_000)
    w.notes.add_here()
    qtbot.keyClicks(w.notes.panel.note, "zanzibar quote")
    w.notes.panel.commit_note()
    w.go_home()
    assert w.writes.wait(10_000)  # the search reads the catalog: the note's write first
    with qtbot.waitSignal(w.search_finished, timeout=10_000):
        w.search_field.setText("zanzibar")
        w._run_search()
    hit = w.results_model.hit(0)
    assert hit is not None and hit.kind == "note" and hit.start_ms == 33_000 and "<b>zanzibar</b>" in hit.snippet
    from vod_app.ui.models import Roles

    assert w.results_model.data(w.results_model.index(0), Roles.Subtitle).startswith("My note")
    w.open_hit(hit)
    qtbot.waitUntil(lambda: w.controller.time_ms() == 33_000, timeout=5000)


def test_export_and_import_round_trip_in_the_window(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from vod_app.playback.fake_player import FakePlayer

    w = make_window(f"sqlite:///{tmp_path / 'one.sqlite3'}", FakePlayer())
    _play_at(w, qtbot, 12_000)
    uid = w.notes.add_here()
    qtbot.keyClicks(w.notes.panel.note, "line one")
    w.notes.panel.commit_note()
    for suffix in (".md", ".csv", ".vtt"):
        with qtbot.waitSignal(w.notes.finished, timeout=10_000) as blocker:
            w.notes.export_to(tmp_path / f"notes{suffix}")
        assert blocker.args == [f"1 note exported to notes{suffix}"]
        assert "line one" in (tmp_path / f"notes{suffix}").read_text(encoding="utf-8")
    w.notes.panel.select(uid)
    w.notes.panel.delete_current()
    with qtbot.waitSignal(w.notes.finished, timeout=10_000) as blocker:
        w.notes.import_from(tmp_path / "notes.vtt")
    assert blocker.args == ["notes.vtt: 0 notes added, 1 already here"]  # a deleted note stays deleted
    assert _stored(w) == []
    other = make_window(f"sqlite:///{tmp_path / 'two.sqlite3'}", FakePlayer())
    for expected in ("notes.csv: 1 note added, 0 already here", "notes.csv: 0 notes added, 1 already here"):
        with qtbot.waitSignal(other.notes.finished, timeout=10_000) as blocker:
            other.notes.import_from(tmp_path / "notes.csv")
        assert blocker.args == [expected]
    assert [(b.bookmark_uid, b.position_ms, b.note) for b in other.services.users.bookmarks()] == [(uid, 12_000, "line one")]
    (tmp_path / "bad.csv").write_text("uid,recording_uid,position_ms\n,x,soon\n", encoding="utf-8")
    with qtbot.waitSignal(other.notes.finished, timeout=10_000):
        other.notes.import_from(tmp_path / "bad.csv")
    assert other.last_error == "Notes: bad.csv: line 2: position_ms 'soon' is not a number of milliseconds"


def test_session_page_lists_its_notes(fake_window, qtbot) -> None:  # noqa: ANN001
    w = fake_window
    _play_at(w, qtbot, 25_000)
    w.notes.add_here()
    qtbot.keyClicks(w.notes.panel.note, "on the session page")
    w.notes.panel.commit_note()
    sid = w.player.item.recording.session_id
    w.open_session(sid)
    box = w.notes.session_list
    assert box.isVisible() and box.count() == 1 and box.item(0).text() == "0:25  on the session page"
    box.itemActivated.emit(box.item(0))
    qtbot.waitUntil(lambda: w.stack.currentWidget() is w.player and w.controller.time_ms() == 25_000, timeout=5000)
    other = next(s for s in w.services.repo.sessions(limit=10).items if s.session_id != sid)
    w.open_session(other.session_id)
    assert not box.isVisible()


def test_ctrl_z_from_the_list_undoes_and_the_speaker_hook_is_kept(fake_window, qtbot) -> None:  # noqa: ANN001
    w = fake_window
    rid = _play_at(w, qtbot, 22_000)
    w.notes.speaker_at = lambda recording_id, ms: f"Speaker at {ms // 1000}s of {recording_id}"
    w.notes.add_here()
    assert w.notes.panel.current_note().speaker == f"Speaker at 22s of {rid}"
    w.notes.panel.list.setFocus()
    qtbot.keyClick(w.notes.panel.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _stored(w) == []


def test_export_from_the_notes_page_takes_its_session_filter(fake_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    w = fake_window
    _play_at(w, qtbot, 5_000)
    w.notes.add_here()
    sid = w.player.item.recording.session_id
    other = next(s.session_id for s in w.services.repo.sessions(limit=10).items if s.session_id != sid)
    with qtbot.waitSignal(w.notes.finished, timeout=10_000) as blocker:
        w.notes.export_to(tmp_path / "none.csv", session_id=other)
    assert blocker.args == ["0 notes exported to none.csv"]
    with qtbot.waitSignal(w.notes.finished, timeout=10_000) as blocker:
        w.notes.export_to(tmp_path / "one.csv", session_id=sid)
    assert blocker.args == ["1 note exported to one.csv"]

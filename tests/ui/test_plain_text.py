"""Catalog, file and typed text is shown as typed on every page: never read as markup (issue 9, item 5).

HTML-looking text goes in through a catalog file (event, session, panel, recording, chapter and audio
labels), a media file name, a catalog file name and the search box. On every page each label, tooltip,
list row and text view is rendered the way Qt would render it (rich when the format says so or, for
AutoText, when ``Qt.mightBeRichText``), and every marker must still be there literally: an ``<img>``
that became an image, a ``<b>`` that became bold or an ``<a>`` that became a link fails.
"""

from __future__ import annotations

import html
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGuiNs
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QListWidget,
    QStyleOptionViewItem,
    QTextBrowser,
    QWidget,
)

from vod_app.ui.delegates import SearchHitDelegate

ROOT = Path(__file__).resolve().parents[2]
IMG = '<img src="evil.png">'  # no "/": file names carry it too
BOLD = "<b>boldword</b>"
LINK = '<a href="https://example.org/x">linkword</a>'
MARKERS = {"evil.png": IMG, "boldword": BOLD, "linkword": LINK}
ALL = f"{IMG} {BOLD} {LINK}"


def rendered(raw: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """The text a person sees: what Qt makes of ``raw`` under ``fmt``."""
    rich = fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and QtGuiNs.mightBeRichText(raw))
    if not rich:
        return raw
    doc = QTextDocument()
    doc.setHtml(raw)
    return doc.toPlainText()


def markup_read_as_markup(where: str, raw: str, shown: str) -> list[str]:
    return [f"{where}: {marker!r} not shown as typed in {shown!r} (from {raw!r})"
            for marker in MARKERS.values() if marker_in(raw) and marker_in(raw, marker) and marker not in shown]


def marker_in(raw: str, marker: str | None = None) -> bool:
    """Whether ``raw`` carries the marker (as typed or escaped for a rich-text view)."""
    markers = [marker] if marker else list(MARKERS.values())
    return any(m in raw or html.escape(m, quote=False) in raw or html.escape(m) in raw for m in markers)


def texts_on_screen(window: QWidget) -> Iterator[tuple[str, str, str]]:
    """(where, raw, shown) for every label, tooltip, list row and text view of the window."""
    yield "window title", window.windowTitle(), window.windowTitle()
    for w in window.findChildren(QWidget):
        name = f"{type(w).__name__}({w.objectName() or w.accessibleName()})"
        if isinstance(w, QLabel) and w.text():
            yield name, w.text(), rendered(w.text(), w.textFormat())
        if w.toolTip():
            yield f"{name} tooltip", w.toolTip(), rendered(w.toolTip())
        if isinstance(w, QTextBrowser):
            yield name, w.toHtml(), w.toPlainText()
        if isinstance(w, QListWidget):
            for i in range(w.count()):
                item = w.item(i)
                yield f"{name} row {i}", item.text(), item.text()
                if item.toolTip():
                    yield f"{name} row {i} tooltip", item.toolTip(), rendered(item.toolTip())
        elif isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView) and w.model() is not None:
            model = w.model()
            for row in range(model.rowCount()):
                ix = model.index(row, 0)
                tip = model.data(ix, Qt.ItemDataRole.ToolTipRole)
                if tip:
                    yield f"{name} row {row} tooltip", tip, rendered(tip)
                if isinstance(w.itemDelegate(), SearchHitDelegate):
                    doc = w.itemDelegate()._doc(QStyleOptionViewItem(), ix, 600)
                    yield f"{name} row {row}", doc.toHtml(), doc.toPlainText()


def assert_shown_as_typed(window: QWidget, page: str) -> int:
    problems, seen = [], 0
    for where, raw, shown in texts_on_screen(window):
        if any(word in raw for word in MARKERS):
            seen += 1
        problems += markup_read_as_markup(f"{page}: {where}", raw, shown)
    assert not problems, "\n".join(problems)
    return seen


def write_catalog(folder: Path) -> Path:
    media = folder / f"clip {IMG}.mkv"
    shutil.copy(ROOT / "data" / "media" / "idm2017-panel-2-3.mkv", media)
    doc = {
        "format": "vod-app-catalog", "version": 1,
        "events": [{"id": "ev", "title": f"Forum {ALL}", "year": 2031}],
        "sessions": [{
            "id": "s", "event": "ev", "date": "2031-02-03", "place": f"Hall {ALL}",
            "title": f"Talk {ALL}", "description": f"About {ALL}",
            "speakers": [{"id": "sp", "name": f"Voice {ALL}", "role": f"Role {ALL}", "affiliation": f"Org {ALL}",
                          "country": f"Land {ALL}"}],
            "panels": [{"id": "p1", "number": 1, "title": f"Panel one {ALL}", "description": f"First {ALL}",
                        "speakers": [f"Speaker {ALL}"]}],
            "recordings": [
                {"id": "r1", "media": media.name, "duration_ms": 90000, "title": f"Morning {ALL}",
                 "panels": [{"panel": "p1", "start_ms": 0, "end_ms": 90000}],
                 "chapters": [{"start_ms": 0, "title": f"Chapter {ALL}", "panel": "p1"}],
                 "audio_tracks": [{"language": "en", "label": f"Floor {ALL}"}],
                 "interventions": [{"speaker": "sp", "start_ms": 0, "end_ms": 30000}]},
                {"id": "r2", "media": f"gone {IMG}.mkv", "duration_ms": 90000, "title": f"Afternoon {ALL}"},
            ],
        }],
    }
    path = folder / "catalog.json"
    path.write_text(json.dumps(doc), "utf-8")
    return path


def test_markup_in_catalog_file_and_typed_text_is_shown_as_typed_on_every_page(qtbot, make_window, tmp_path: Path) -> None:
    folder = tmp_path / "cat"
    folder.mkdir()
    window = make_window()
    window.services.import_file(write_catalog(folder))
    window.refresh_lists()
    rows = [window.recent_model.record(r) for r in range(window.recent_model.rowCount())]
    r1 = next(r for r in rows if r.recording_uid == "r1")
    window.services.users.save_position("r1", 20_000, 90_000)  # in Continue watching too
    window.actions_.home.trigger()
    window.refresh_lists()
    assert window.continue_model.rowCount() == 1
    seen = assert_shown_as_typed(window, "browse")

    with qtbot.waitSignal(window.search_finished, timeout=10_000, check_params_cb=lambda q, n: n > 0):
        window.search_field.setText("boldword")
    assert window.browse.showing_results()
    assert_shown_as_typed(window, "search results")

    query = f"{IMG} {BOLD} zzqxv"
    with qtbot.waitSignal(window.search_finished, timeout=10_000, check_params_cb=lambda q, n: q == query):
        window.search_field.setText(query)
    assert window.browse.no_results.isVisible()
    assert_shown_as_typed(window, "nothing found")

    window.actions_.home.trigger()
    window.browse.session_requested.emit(r1.session_id)
    assert window.stack.currentWidget() is window.session_page
    assert_shown_as_typed(window, "session")

    window.play_recording(r1.recording_id, 1_000)
    qtbot.waitUntil(lambda: window.controller.state() == "playing", timeout=10_000)
    qtbot.waitUntil(lambda: "boldword" in window.player.description.title_text(), timeout=5_000)
    assert_shown_as_typed(window, "player")

    r2 = next(r for r in rows if r.recording_uid == "r2")
    window.play_recording(r2.recording_id, 0)
    qtbot.waitUntil(lambda: window.player.message_box.isVisible(), timeout=5_000)
    assert "evil.png" in window.player.message.text()
    assert_shown_as_typed(window, "player, missing file")

    bad = folder / f"broken {IMG}.json"
    bad.write_text("{ not json", "utf-8")
    window.import_path(bad)
    qtbot.waitUntil(lambda: "evil.png" in getattr(window, "last_error", ""), timeout=10_000)
    QApplication.processEvents()
    assert_shown_as_typed(window, "import error")
    assert seen >= 3, "the markers reached the start page (two recordings, one in Continue watching)"

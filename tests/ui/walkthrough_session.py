"""The new-user walkthrough as pictures: every page at one window size in one language (xcb, real video).

    DISPLAY=:1 QT_QPA_PLATFORM=xcb .venv/bin/python tests/ui/walkthrough_session.py OUT_DIR fr 800x600

Writes OUT_DIR/<lang>-<W>x<H>-<page>.png for the start page, a session, the player and search results,
and prints one JSON line: the window's size on each page (it must never grow) and the controls whose
text does not fit (their size hint is wider than the room they got).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QWidget

ROOT = Path(__file__).resolve().parents[2]
REC_UID = "iom-idm-2017-04-18-panels-2-3-rec"


def clipped(window: QWidget) -> list[str]:
    """Visible buttons, combo boxes and one-line labels narrower than their text needs."""
    out = []
    for w in window.findChildren(QWidget):
        if not w.isVisible() or not isinstance(w, (QAbstractButton, QComboBox, QLabel)):
            continue
        text = w.currentText() if isinstance(w, QComboBox) else w.text()
        if not text or (isinstance(w, QLabel) and w.wordWrap()):
            continue  # icon-only buttons (a line edit's clear button) and wrapping labels fit by design
        if w.width() + 1 < w.minimumSizeHint().width():
            out.append(f"{type(w).__name__} {w.objectName() or text!r}: {w.width()} < {w.minimumSizeHint().width()}")
    return out


def main(out: Path, lang: str, size: str) -> int:
    out.mkdir(parents=True, exist_ok=True)
    width, height = (int(v) for v in size.split("x"))
    QLocale.setDefault(QLocale(lang))
    app = QApplication(sys.argv[:1])
    translator = QTranslator(app)
    if translator.load(f"vod_app_{lang}", str(ROOT / "build" / "translations")):
        app.installTranslator(translator)
    from vod_app.app import build_window

    window = build_window(headless_playback=False, thumbnails=True)
    window.resize(width, height)
    window.show()
    result: dict[str, object] = {"lang": lang, "asked": [width, height], "sizes": {}, "clipped": {}}

    def grab(page: str) -> None:
        result["sizes"][page] = [window.width(), window.height()]
        result["clipped"][page] = clipped(window)
        window.screen().grabWindow(0).copy(window.frameGeometry()).save(str(out / f"{lang}-{width}x{height}-{page}.png"))

    def browse() -> None:
        grab("browse")
        sid = next(window.recent_model.record(r).session_id for r in range(window.recent_model.rowCount())
                   if window.recent_model.record(r).recording_uid == REC_UID)
        window.open_session(sid)
        QTimer.singleShot(800, session)

    def session() -> None:
        grab("session")
        rid = window.session_page.detail.recordings[0].recording_id
        window.play_recording(rid, 52_000)
        QTimer.singleShot(2500, player)

    def player() -> None:
        grab("player")
        window.player.side_tabs.setCurrentWidget(window.player.speakers)
        QTimer.singleShot(600, speakers)

    def speakers() -> None:
        grab("speakers")
        window.go_home()
        window.search_field.setText("migration")
        QTimer.singleShot(1500, searched)

    def searched() -> None:
        grab("search")
        window.close()
        app.quit()

    QTimer.singleShot(2000, browse)  # let thumbnails appear
    app.exec()
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2], sys.argv[3]))

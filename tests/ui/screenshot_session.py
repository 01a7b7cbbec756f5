"""Run under a real X server (xcb): play the sample and save screenshots of the real window.

Used by test_screenshots.py (which starts Xvfb); can be run by hand:
    DISPLAY=:1 QT_QPA_PLATFORM=xcb .venv/bin/python tests/ui/screenshot_session.py OUT_DIR
Prints one JSON line with what it measured.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

REC_UID = "iom-idm-2017-04-18-panels-2-3-rec"


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    from vod_app.app import build_window

    window = build_window(headless_playback=False, thumbnails=True)
    window.resize(1360, 820)
    window.show()
    result: dict[str, object] = {"platform": app.platformName()}

    def grab(name: str) -> None:
        window.screen().grabWindow(0).copy(window.frameGeometry()).save(str(out / f"{name}.png"))

    def browse() -> None:
        grab("browse")
        rid = next(window.recent_model.record(r).recording_id for r in range(window.recent_model.rowCount())
                   if window.recent_model.record(r).recording_uid == REC_UID)
        window.play_recording(rid, 52_000)
        QTimer.singleShot(2500, player)

    def player() -> None:
        result["state"] = window.controller.state()
        result["time_ms"] = window.controller.time_ms()
        result["panel_title"] = window.player.description.title_text()
        result["chapter_ticks"] = len(window.player.seek_bar.chapters())
        grab("player")
        video = window.player.video
        img = window.screen().grabWindow(int(video.winId())).toImage()
        colours = {img.pixel(x, y) for x in range(0, img.width(), 17) for y in range(0, img.height(), 17)}
        result["video_distinct_colours"] = len(colours)
        window.player.side_tabs.setCurrentWidget(window.player.speakers)  # who speaks, from the catalog
        window.player.speakers.view.expandAll()
        QTimer.singleShot(800, speakers)

    def speakers() -> None:
        result["speakers"] = window.player.speakers.speakers()
        grab("speakers")
        window.player.side_tabs.setCurrentIndex(0)
        window.search_field.setText("whole-of-government")
        QTimer.singleShot(1200, searched)

    def searched() -> None:
        grab("search")
        window.close()
        app.quit()

    QTimer.singleShot(2500, browse)  # let thumbnails appear
    app.exec()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))

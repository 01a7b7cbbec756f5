"""Run under a real X server (xcb): is the on-screen indicator drawn on top of the native video?

Used by test_player_page.py (which starts Xvfb). Prints one JSON line with what it measured.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

REC_UID = "iom-idm-2017-04-18-panels-2-3-rec"


def main() -> int:
    app = QApplication(sys.argv[:1])
    from vod_app.app import build_window

    window = build_window(headless_playback=False, thumbnails=False)
    window.resize(800, 600)
    window.show()
    result: dict[str, object] = {"platform": app.platformName()}

    def start() -> None:
        model = window.recent_model
        rid = next(model.record(r).recording_id for r in range(model.rowCount()) if model.record(r).recording_uid == REC_UID)
        window.play_recording(rid, 5_000)
        QTimer.singleShot(2000, flash)

    def flash() -> None:
        window.actions_.volume_down.trigger()
        QTimer.singleShot(200, measure)

    def measure() -> None:
        osd, video = window.player.osd, window.player.video
        result["state"] = window.controller.state()
        result["osd_text"] = osd.text()
        screen = window.screen().grabWindow(0).toImage()
        g = osd.geometry()
        # The indicator's text is pure white: on screen only if its window is above the video's.
        result["osd_white_pixels"] = sum(
            1
            for x in range(g.x(), g.right(), 2)
            for y in range(g.y(), g.bottom(), 2)
            if screen.pixel(x, y) & 0xFFFFFF == 0xFFFFFF
        )
        corner = video.mapToGlobal(video.rect().topLeft())
        result["over_video"] = video.rect().translated(corner).contains(g)
        img = window.screen().grabWindow(int(video.winId())).toImage()
        result["video_distinct_colours"] = len({img.pixel(x, y) for x in range(0, img.width(), 17) for y in range(0, img.height(), 17)})
        window.close()
        app.quit()

    QTimer.singleShot(1000, start)
    app.exec()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

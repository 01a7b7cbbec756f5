"""A real window under Xvfb (xcb): video really embedded, screenshots taken.

The test writes its screenshots into a temporary folder; `make screenshots` sets
VOD_APP_SCREENSHOTS_DIR to docs/screenshots to update the README's pictures. A test run never
rewrites files in the repository.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "docs" / "screenshots"


def shots_state() -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_mtime_ns, p.stat().st_size) for p in SHOTS.glob("*.png")}


def test_real_window_plays_video_beside_the_description(xvfb: str, tmp_path: Path) -> None:
    out = Path(os.environ.get("VOD_APP_SCREENSHOTS_DIR") or tmp_path / "screenshots")
    updating = out.resolve() == SHOTS.resolve()
    before = shots_state()
    env = {**os.environ, "DISPLAY": xvfb, "QT_QPA_PLATFORM": "xcb", "VOD_APP_HOME": str(tmp_path / "home")}
    proc = subprocess.run([sys.executable, str(Path(__file__).with_name("screenshot_session.py")), str(out)],
                          env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["platform"] == "xcb"
    assert result["state"] == "playing"
    assert result["panel_title"].startswith("Panel 3")
    assert result["chapter_ticks"] == 3
    assert result["video_distinct_colours"] > 3, "the video area is black: libvlc did not draw into the window"
    assert result["speakers"] == ["Moderator", "Panelist A", "Panelist B"]  # the sample's speaker index
    for name in ("browse", "player", "speakers", "search"):
        assert (out / f"{name}.png").stat().st_size > 10_000
    if not updating:
        assert shots_state() == before, "a test run rewrote docs/screenshots (that is `make screenshots`' job)"

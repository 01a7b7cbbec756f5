"""Thumbnails: one frame of a recording, grabbed headless by libvlc (worker threads only).

Blocking by design: it runs on the task runner's threads, never on the GUI thread.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from vod_app.playback.vlc_runtime import (
    UnsupportedSource,
    load_vlc,
    local_path,
    make_player,
    media_from_source,
)

_instance_lock = threading.Lock()
_instance = None


def _headless_instance():  # noqa: ANN202 - vlc.Instance | None
    global _instance
    with _instance_lock:
        if _instance is None:
            vlc = load_vlc()
            if vlc is None:
                return None
            _instance = vlc.Instance(
                [
                    "--quiet",
                    "--vout=dummy",
                    "--aout=dummy",
                    "--no-audio",
                    "--no-video-title-show",
                    "--no-snapshot-preview",
                ]
            )
        return _instance


def grab_frame(source: str, dest: Path, at_ms: int, width: int = 320, timeout_s: float = 5.0) -> bool:
    """Write a PNG of the frame at ``at_ms`` to ``dest``; False when it cannot be had."""
    try:
        path = local_path(source)
    except UnsupportedSource:
        return False
    if path is not None and not Path(path).is_file():
        return False
    instance = _headless_instance()
    if instance is None:
        return False
    player = make_player(instance)
    try:
        media = media_from_source(instance, source)
        media.add_option(f":start-time={max(0, at_ms) / 1000:.3f}")
        media.add_option(":no-audio")
        # Sidecar captions would be auto-loaded, and stopping with a subtitle track open blocks for seconds.
        media.add_option(":no-sub-autodetect-file")
        media.add_option(":no-spu")
        player.set_media(media)
        if player.play() == -1:
            return False
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if (
                player.has_vout() > 0
                and player.get_time() >= 0
                and player.get_state() == load_vlc().State.Playing
            ):  # type: ignore[union-attr]
                break
            if player.get_state() in (load_vlc().State.Error, load_vlc().State.Ended):  # type: ignore[union-attr]
                return False
            time.sleep(0.01)
        else:
            return False
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_suffix(".tmp.png")
        for _ in range(50):  # the first decoded picture can take a few ms after the vout appears
            if (
                player.video_take_snapshot(0, str(tmp), width, 0) == 0
                and tmp.exists()
                and tmp.stat().st_size > 0
            ):
                tmp.replace(dest)
                return True
            time.sleep(0.02)
        return False
    finally:
        player.stop()
        player.release()

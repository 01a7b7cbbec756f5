"""libvlc's controller for the window, made on the player page's first use (ui/pages.py).

Nothing here imports python-vlc or the controller's module: the window is built and painted first.
"""

from __future__ import annotations

from typing import Any


class PlayerMaker:
    """Called: a `PlayerController`; :meth:`prepare` (on a worker, before): its libvlc Instance."""

    def __init__(self, headless: bool) -> None:
        self.headless = headless

    def __call__(self) -> Any:
        from vod_app.playback.controller import PlayerController

        return PlayerController(headless=self.headless)

    def prepare(self) -> None:
        """Make the controller's libvlc Instance now, on the calling worker thread: ``libvlc_new``
        took ~35 ms of the GUI thread in the window's idle warm-up."""
        from vod_app.playback.vlc_runtime import prepare_instance

        prepare_instance(self.headless)

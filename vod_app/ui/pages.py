"""The window's pages other than the start page, built on first use (issue 14, start-up).

The first paint needs the browse page, the menus and the search field only. The session page, the
player page with its libvlc controller, and the notes page are built when first asked for
(``window.session_page``, ``window.player``, ``window.controller``, ``window.notes.page``), or in idle
time once the start page is up (:meth:`Pages.warm_up`): their modules are imported on the task
runner's ``startup`` lane with the ORM (startup.py), then each page is built on the GUI thread in a
turn of the event loop of its own, so neither the first paint nor the first "open a session" or
"play" waits for them. Code that only looks (MPRIS, closing, fullscreen) uses ``player_page`` and
``controller_built``, which are None until then and build nothing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from vod_app.ui import notes_wiring

#: What the pages import, loaded off the GUI thread after the first paint (startup.py).
PAGE_MODULES = (
    "vod_app.ui.session_page",
    "vod_app.ui.speakers_view",
    "vod_app.ui.player_page",
    "vod_app.ui.bookmarks_view",
    "vod_app.ui.notes_page",
    "vod_app.playback.controller",
)


def import_page_modules() -> None:
    """Import the pages' modules and libvlc's binding (on a worker: no widget is made)."""
    import importlib

    for name in PAGE_MODULES:
        importlib.import_module(name)
    from vod_app.playback.vlc_runtime import load_vlc

    load_vlc()  # None when libvlc is missing: the player page says so when built


class Pages(QObject):
    """Builds the session and player pages (and libvlc's controller) once, when first needed."""

    player_built = Signal(object)  # the PlayerPage, just built (MPRIS follows it)

    def __init__(self, window: Any, controller: Any = None, make_controller: Callable[[], Any] | None = None) -> None:
        super().__init__(window)
        self.window = window
        self._controller, self._make_controller = controller, make_controller
        self.player_page: Any = None
        self.session: Any = None
        self._warming = False
        #: Work for libvlc's controller that needs no GUI thread (app.py: libvlc's Instance), run on
        #: the task runner before the warm-up builds the controller.
        self.prepare: Callable[[], object] | None = None

    # --- what exists already (builds nothing) ---

    @property
    def controller_built(self) -> Any:
        return self._controller

    # --- first use ---

    def controller(self) -> Any:
        if self._controller is None:
            if self._make_controller is None:
                raise RuntimeError("the window has no player")
            self._controller = self._make_controller()
        return self._controller

    def player(self) -> Any:
        if self.player_page is None:
            self._build_player()
        return self.player_page

    def session_page(self) -> Any:
        if self.session is None:
            self._build_session()
        return self.session

    def _build_session(self) -> None:
        from vod_app.ui.session_page import SessionPage
        from vod_app.ui.speakers_view import install_speakers

        w = self.window
        page = self.session = SessionPage(w)
        w.stack.addWidget(page)
        page.play_requested.connect(w.play_recording)
        page.language_changed.connect(w.set_description_language)
        install_speakers(None, w.runner.submit, w.services.repo, page.speakers)
        w.session_editing.attach_page(page)
        notes_wiring.attach_session_page(w.notes, page)

    def _build_player(self) -> None:
        from vod_app.ui.menus import attach_player
        from vod_app.ui.player_page import PlayerPage
        from vod_app.ui.speakers_view import install_speakers
        from vod_app.ui.transcript_view import install_transcript

        w = self.window
        page = PlayerPage(self.controller(), w.prefs, w._save_position, w._relocate, w)
        self.player_page = page
        install_transcript(page.transcript, w.runner.submit, w.services.repo.catalog)
        install_speakers(page.speakers, w.runner.submit, w.services.repo)
        w.stack.addWidget(page)
        attach_player(w, page)
        notes_wiring.attach_player(w.notes, page)
        self.player_built.emit(page)

    # --- idle time ---

    def warm_up(self) -> None:
        """Build the session page, libvlc's controller and the player page, one per event-loop turn
        (input and paints go between them), unless something built them first."""
        if self._warming:
            return
        self._warming = True
        steps: list[Callable[[], object]] = [self.session_page]
        if self._make_controller is not None or self._controller is not None:
            steps += [self.controller, self.player]

        def next_step() -> None:
            if steps and not self.window.isHidden():
                steps.pop(0)()
                QTimer.singleShot(0, self, next_step)  # with self as context: never after the window is gone

        def prepared(_result: object = None) -> None:
            with contextlib.suppress(RuntimeError):  # the window (and self) went away meanwhile
                QTimer.singleShot(0, self, next_step)

        if self.prepare is not None and self._controller is None:
            self.window.runner.submit(self.prepare, on_done=prepared, on_error=prepared)
        else:
            prepared()

"""Back/forward history of the window's pages, without Qt (tested as plain logic).

A page joins navigation by naming itself in `Place.page`; the window decides how to show a place.
New pages (a "My notes" page, a vod:// link target) add a page name and, where needed, a field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """One entry of the back/forward history."""

    page: str  # browse | session | player (and any page that joins later)
    session_id: int | None = None
    recording_id: int | None = None
    query: str = ""


class NavigationHistory:
    """The places visited (last = current) and the ones Back left behind (for Forward)."""

    def __init__(self) -> None:
        self._history: list[Place] = []
        self._future: list[Place] = []

    def current(self) -> Place | None:
        return self._history[-1] if self._history else None

    def can_go_back(self) -> bool:
        return len(self._history) > 1

    def can_go_forward(self) -> bool:
        return bool(self._future)

    def visit(self, place: Place, record: bool = True) -> None:
        """Record a place shown; record=False only seeds an empty history (a refresh is no visit)."""
        if record and place != self.current():
            self._history.append(place)
            self._future.clear()
        elif not self._history:
            self._history.append(place)

    def back(self) -> tuple[Place, Place] | None:
        """Step back: (place to show, place left), or None at the start."""
        if not self.can_go_back():
            return None
        leaving = self._history.pop()
        self._future.append(leaving)
        return self._history[-1], leaving

    def forward(self) -> tuple[Place, Place | None] | None:
        """Step forward: (place to show, place left), or None at the end."""
        if not self._future:
            return None
        place = self._future.pop()
        leaving = self.current()
        self._history.append(place)
        return place, leaving

    def forget(self, gone: Callable[[Place], bool]) -> None:
        """Drop every place that no longer exists (a removed session), both ways."""
        self._history = [p for p in self._history if not gone(p)]
        self._future = [p for p in self._future if not gone(p)]

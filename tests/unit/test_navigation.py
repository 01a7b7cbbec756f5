"""NavigationHistory: the window's back/forward as plain logic (no Qt)."""

from __future__ import annotations

from pathlib import Path

from vod_app.ui import navigation
from vod_app.ui.navigation import NavigationHistory, Place


def test_back_and_forward_walk_the_places_and_a_new_visit_drops_forward() -> None:
    h = NavigationHistory()
    browse, session, player = Place("browse"), Place("session", session_id=1), Place("player", recording_id=2)
    h.visit(browse, record=False)
    h.visit(session)
    h.visit(session)  # the same place again is no new step
    h.visit(player)
    assert h.back() == (session, player)
    assert h.back() == (browse, session)
    assert h.back() is None and not h.can_go_back()
    assert h.forward() == (session, browse)
    h.visit(Place("session", session_id=3))
    assert not h.can_go_forward() and h.forward() is None


def test_forget_drops_a_removed_session_both_ways() -> None:
    h = NavigationHistory()
    for place in (Place("browse"), Place("session", session_id=1), Place("session", session_id=2)):
        h.visit(place)
    h.back()
    h.forget(lambda p: p.page == "session" and p.session_id == 2)
    assert not h.can_go_forward() and h.current() == Place("session", session_id=1)


def test_navigation_needs_no_qt() -> None:
    source = Path(navigation.__file__).read_text(encoding="utf-8")
    assert "PySide6" not in source and "vod_app.ui." not in source.replace("vod_app.ui.navigation", "")

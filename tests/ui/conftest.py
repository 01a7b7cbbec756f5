from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def make_window(qtbot, tmp_path: Path) -> Iterator[object]:
    """Build the real main window on a fresh catalog file (built-in catalog seeded), headless playback."""
    from vod_app.app import build_window

    windows = []

    def make(db_url: str | None = None, player=None):  # noqa: ANN001, ANN202
        w = build_window(
            db_url or f"sqlite:///{tmp_path / 'ui.sqlite3'}", headless_playback=True, thumbnails=False, player=player
        )
        qtbot.addWidget(w)
        w.resize(1200, 800)
        w.show()
        windows.append(w)
        return w

    yield make
    for w in windows:
        w.close()
        w.catalog.dispose()


@pytest.fixture
def window(make_window):  # noqa: ANN001, ANN201
    return make_window()


@pytest.fixture
def fake_window(make_window):  # noqa: ANN001, ANN201
    """The real window over a FakePlayer: for tests where video is irrelevant (no libvlc started)."""
    from vod_app.playback.fake_player import FakePlayer

    return make_window(player=FakePlayer())

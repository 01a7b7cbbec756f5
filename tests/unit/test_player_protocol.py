"""The UI talks to playback through the Player protocol: both implementations provide all of it."""

from __future__ import annotations

import inspect

import pytest

from vod_app.playback.controller import PlayerController
from vod_app.playback.fake_player import FakePlayer
from vod_app.playback.player import Player


def _members() -> set[str]:
    names = {n for n in vars(Player) if not n.startswith("_")}
    return names | set(Player.__annotations__)


@pytest.mark.parametrize("impl", [PlayerController, FakePlayer])
def test_implementation_has_every_member_of_the_protocol(impl: type) -> None:
    missing = sorted(n for n in _members() if not hasattr(impl, n))
    assert missing == []


@pytest.mark.parametrize("impl", [PlayerController, FakePlayer])
def test_methods_take_the_protocols_parameters(impl: type) -> None:
    differ = []
    for name, proto in vars(Player).items():
        if name.startswith("_") or not callable(proto):
            continue
        want = list(inspect.signature(proto).parameters)
        have = list(inspect.signature(getattr(impl, name)).parameters)
        if want != have:
            differ.append(f"{name}: {have} != {want}")
    assert differ == []


def test_fake_player_follows_open_seek_and_stop(qtbot) -> None:  # noqa: ANN001
    player = FakePlayer(length_ms=90_000)
    states: list[str] = []
    player.state_changed.connect(states.append)
    assert player.open("/nowhere.mkv", start_ms=10_000)
    assert (player.state(), player.time_ms(), player.length_ms()) == ("playing", 10_000, 90_000)
    assert player.seek(120_000) == 90_000
    player.stop()
    assert states == ["opening", "playing", "stopped"] and player.time_ms() == 0

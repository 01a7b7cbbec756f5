"""MPRIS2 against a private session bus, driven from another process (gdbus), on the real window + libvlc."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator

import pytest
from PySide6.QtDBus import QDBusConnection

from tests.ui.test_main_window import recording_id, wait_playing

SERVICE = "org.mpris.MediaPlayer2.vod_app"
PATH = "/org/mpris/MediaPlayer2"
PLAYER = "org.mpris.MediaPlayer2.Player"


@pytest.fixture
def bus_address(tmp_path) -> Iterator[str]:  # noqa: ANN001
    """A private ``dbus-daemon --session`` (never the desktop's bus), stopped after the test."""
    assert shutil.which("dbus-daemon") and shutil.which("gdbus"), "apt: dbus-daemon, libglib2.0-bin"
    proc = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    address = proc.stdout.readline().strip()
    assert address.startswith("unix:"), address
    yield address
    proc.terminate()
    proc.wait(timeout=5)


@pytest.fixture
def mpris(qtbot, window, bus_address):  # noqa: ANN001, ANN201
    from vod_app.ui.mpris import MprisService

    bus = QDBusConnection.connectToBus(bus_address, f"mpris-test-{id(window)}")
    assert bus.isConnected()
    service = MprisService(window, window.controller, bus, window.thumbnails)
    assert service.register()
    yield service
    service.unregister()
    QDBusConnection.disconnectFromBus(bus.name())


def gdbus(qtbot, address: str, *args: str) -> str:  # noqa: ANN001
    """Run gdbus in another process while this one's event loop answers it."""
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address}
    proc = subprocess.Popen(
        ["gdbus", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=10_000)
    out, err = proc.communicate()
    assert proc.returncode == 0, err
    return out


def call(qtbot, address: str, method: str, *args: str) -> str:  # noqa: ANN001
    return gdbus(qtbot, address, "call", "--session", "-d", SERVICE, "-o", PATH, "-m", method, *args)


def prop(qtbot, address: str, name: str, iface: str = PLAYER) -> str:  # noqa: ANN001
    return call(qtbot, address, "org.freedesktop.DBus.Properties.Get", iface, name)


def test_identity_and_stopped_before_anything_plays(qtbot, window, mpris, bus_address) -> None:  # noqa: ANN001
    assert window.pages.player_page is None  # registering read the state without building the player page
    assert "'vod-app'" in prop(qtbot, bus_address, "Identity", "org.mpris.MediaPlayer2")
    assert "'vod-app'" in prop(qtbot, bus_address, "DesktopEntry", "org.mpris.MediaPlayer2")
    assert "'Stopped'" in prop(qtbot, bus_address, "PlaybackStatus")
    assert "NoTrack" in prop(qtbot, bus_address, "Metadata")


def test_transport_seek_chapters_volume_and_metadata_from_another_process(qtbot, window, mpris, bus_address) -> None:  # noqa: ANN001
    window.play_recording(recording_id(window), 1_000)
    wait_playing(qtbot, window)
    assert "'Playing'" in prop(qtbot, bus_address, "PlaybackStatus")
    meta = prop(qtbot, bus_address, "Metadata")
    assert "International Dialogue on Migration" in meta or "Panels 2" in meta, meta
    assert "mpris:length" in meta and "/org/vod_app/recording/" in meta

    call(qtbot, bus_address, f"{PLAYER}.PlayPause")
    qtbot.waitUntil(lambda: window.controller.state() == "paused", timeout=5_000)
    assert "'Paused'" in prop(qtbot, bus_address, "PlaybackStatus")
    call(qtbot, bus_address, f"{PLAYER}.Play")
    qtbot.waitUntil(lambda: window.controller.state() == "playing", timeout=5_000)

    call(qtbot, bus_address, f"{PLAYER}.Next")  # chapter 2 starts at 10 s
    qtbot.waitUntil(lambda: 10_000 <= window.controller.time_ms() < 20_000, timeout=5_000)
    call(qtbot, bus_address, f"{PLAYER}.Seek", "40000000")  # +40 s: panel 3
    qtbot.waitUntil(lambda: window.player.description.title_text().startswith("Panel 3"), timeout=5_000)
    meta = prop(qtbot, bus_address, "Metadata")
    assert "Panel 3" in meta, meta
    call(qtbot, bus_address, f"{PLAYER}.Previous")
    qtbot.waitUntil(lambda: window.controller.time_ms() < 50_000, timeout=5_000)

    track = f"/org/vod_app/recording/{recording_id(window)}"
    call(qtbot, bus_address, f"{PLAYER}.SetPosition", track, "30000000")
    qtbot.waitUntil(lambda: 29_000 <= window.controller.time_ms() < 40_000, timeout=5_000)  # keyframe
    call(qtbot, bus_address, f"{PLAYER}.SetPosition", "/org/vod_app/recording/999999", "1000000")  # stale: ignored
    assert window.controller.time_ms() >= 29_000
    position = int(prop(qtbot, bus_address, "Position").split()[-1].rstrip(">,)"))
    assert position >= 29_000_000

    call(qtbot, bus_address, "org.freedesktop.DBus.Properties.Set", PLAYER, "Volume", "<0.25>")
    assert window.player.volume.value() == 25
    assert "0.25" in prop(qtbot, bus_address, "Volume")

    call(qtbot, bus_address, f"{PLAYER}.Stop")
    qtbot.waitUntil(lambda: window.controller.state() in ("stopped", "idle"), timeout=5_000)


def test_properties_changed_is_sent_on_pause(qtbot, window, mpris, bus_address) -> None:  # noqa: ANN001
    window.play_recording(recording_id(window), 1_000)
    wait_playing(qtbot, window)
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": bus_address}
    monitor = subprocess.Popen(
        ["dbus-monitor", "--session", "type='signal',interface='org.freedesktop.DBus.Properties'"],
        stdout=subprocess.PIPE, env=env,
    )
    try:
        chunks: list[bytes] = []
        os.set_blocking(monitor.stdout.fileno(), False)

        def read() -> str:
            try:
                chunk = os.read(monitor.stdout.fileno(), 65536)
            except BlockingIOError:
                chunk = b""
            chunks.append(chunk)
            return b"".join(chunks).decode("utf-8", "replace")

        # dbus-monitor listens once it has become a monitor (it prints its own NameLost then).
        qtbot.waitUntil(lambda: "member=NameLost" in read(), timeout=5_000)
        window.player.toggle_play()
        qtbot.waitUntil(lambda: '"Paused"' in read(), timeout=5_000)
        assert "PropertiesChanged" in read()
        window.player.volume.setValue(40)
        qtbot.waitUntil(lambda: "double 0.4" in read(), timeout=5_000)
    finally:
        monitor.terminate()
        monitor.wait(timeout=5)


def test_install_without_a_session_bus_is_nothing(window, monkeypatch) -> None:  # noqa: ANN001
    from vod_app.ui import mpris

    class NoBus:
        def isConnected(self) -> bool:  # noqa: N802
            return False

    monkeypatch.setattr(mpris.QDBusConnection, "sessionBus", staticmethod(lambda: NoBus()))
    assert mpris.install(window) is None


def test_follows_the_new_window_after_the_catalog_is_rebuilt(qtbot, tmp_path, bus_address) -> None:  # noqa: ANN001
    """Rebuild replaces the main window (new controller, new player page): MPRIS must drive that one."""
    from vod_app.app import AppShell
    from vod_app.ui.mpris import MprisService

    shell = AppShell(
        f"sqlite:///{tmp_path / 'rebuilt.sqlite3'}", headless_playback=True,
        ask=lambda *_a: True, tell=lambda *_a, **_k: None,
    )
    assert shell.open()
    first = shell.window
    qtbot.addWidget(first)
    bus = QDBusConnection.connectToBus(bus_address, "mpris-test-rebuild")
    shell.mpris = MprisService(first, first.controller, bus, first.thumbnails)
    assert shell.mpris.register()
    try:
        assert shell.rebuild("a damaged page (test)")  # what the Rebuild dialog's answer runs
        second = shell.window
        assert second is not None and second is not first
        qtbot.addWidget(second)
        assert shell.mpris.window is second

        second.play_recording(recording_id(second), 1_000)
        wait_playing(qtbot, second)
        assert shell.mpris.controller is second.controller  # the new window's player page, once built
        assert "'Playing'" in prop(qtbot, bus_address, "PlaybackStatus")
        assert f"/org/vod_app/recording/{recording_id(second)}" in prop(qtbot, bus_address, "Metadata")
        call(qtbot, bus_address, f"{PLAYER}.PlayPause")
        qtbot.waitUntil(lambda: second.controller.state() == "paused", timeout=5_000)
        call(qtbot, bus_address, "org.freedesktop.DBus.Properties.Set", PLAYER, "Volume", "<0.25>")
        assert second.player.volume.value() == 25
        assert "0.25" in prop(qtbot, bus_address, "Volume")
    finally:
        shell.mpris.unregister()
        QDBusConnection.disconnectFromBus(bus.name())
        if shell.window is not None:
            shell.window.close()
        shell.close()

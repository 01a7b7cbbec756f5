"""The player page in the real window (offscreen, headless libvlc): issue 9's player items."""

from __future__ import annotations

REC_UID = "iom-idm-2017-04-18-panels-2-3-rec"


def recording_id(window) -> int:  # noqa: ANN001
    model = window.recent_model
    for row in range(model.rowCount()):
        if model.record(row).recording_uid == REC_UID:
            return model.record(row).recording_id
    raise AssertionError("sample recording not listed")


def wait_playing(qtbot, window, at_least_ms: int = 1) -> None:  # noqa: ANN001
    qtbot.waitUntil(
        lambda: window.controller.state() == "playing" and window.controller.time_ms() >= at_least_ms, timeout=10_000
    )


def test_continue_watching_starts_at_the_saved_position_without_asking(qtbot, window) -> None:
    window.play_recording(recording_id(window), 40_000)
    wait_playing(qtbot, window, 40_500)
    with qtbot.waitSignal(window.player.position_saved, timeout=5_000):
        window.go_back()
    window.runner.wait(5_000)
    window.actions_.home.trigger()
    model = window.continue_model
    qtbot.waitUntil(lambda: any(model.record(r).recording_uid == REC_UID for r in range(model.rowCount())), timeout=5_000)
    row = next(r for r in range(model.rowCount()) if model.record(r).recording_uid == REC_UID)
    window.browse.continue_view.activated.emit(model.index(row, 0))
    assert window.stack.currentWidget() is window.player
    wait_playing(qtbot, window, 40_000)
    assert not window.player.resume_box.isVisible()
    assert window.controller.time_ms() < 50_000


def test_stop_then_play_starts_at_zero(qtbot, window) -> None:
    window.play_recording(recording_id(window), 30_000)
    wait_playing(qtbot, window, 30_000)
    window.actions_.stop.trigger()
    qtbot.waitUntil(lambda: window.controller.state() == "stopped", timeout=5_000)
    window.actions_.play_pause.trigger()
    wait_playing(qtbot, window)
    assert window.controller.time_ms() < 10_000, window.controller.time_ms()



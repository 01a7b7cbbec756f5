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




def sample_recording_id(window) -> int:  # noqa: ANN001
    """A sample session: it replays the sample video and has no caption files in the catalog."""
    model = window.recent_model
    for row in range(model.rowCount()):
        rec = model.record(row)
        if rec.is_sample:
            return rec.recording_id
    raise AssertionError("no sample session listed")


def test_captions_menu_offers_the_subtitle_tracks_inside_the_file(qtbot, window) -> None:
    window.play_recording(sample_recording_id(window), 0)
    wait_playing(qtbot, window)
    combo = window.player.captions
    qtbot.waitUntil(lambda: combo.count() == 4, timeout=5_000)  # Off + the video's en/fr/es tracks
    assert combo.isEnabled()
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels[0] == "Off" and set(labels[1:]) == {"English", "Français", "Español"}
    french = labels.index("Français")
    combo.setCurrentIndex(french)
    combo.activated.emit(french)
    track = combo.itemData(french)[1]
    qtbot.waitUntil(lambda: window.controller.current_subtitle_track() == track, timeout=5_000)
    assert window.prefs.captions_language == "fr"


def test_caption_hit_opens_the_player_with_captions_in_the_hits_language(qtbot, window) -> None:
    window.search_field.setText("Bienvenue")
    qtbot.waitUntil(lambda: window.results_model.rowCount() > 0, timeout=10_000)
    model = window.results_model
    hits = [model.hit(r) for r in range(model.rowCount()) if model.hit(r).kind == "cue" and model.hit(r).lang == "fr"]
    assert hits, "the French captions say Bienvenue"
    window.open_hit(hits[0])
    wait_playing(qtbot, window)
    player = window.player
    assert player.captions_language() == "fr"
    assert player.captions.currentText() == "Français"
    source = player.captions.currentData()[1]
    qtbot.waitUntil(
        lambda: window.controller.subtitle_track_of_file(source) is not None
        and window.controller.current_subtitle_track() == window.controller.subtitle_track_of_file(source),
        timeout=5_000,
    )

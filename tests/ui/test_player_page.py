"""The player page in the real window (offscreen, headless libvlc): issue 9's player items."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QRect, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QToolButton, QWidget

ROOT = Path(__file__).resolve().parents[2]
LRELEASE = Path(sys.executable).with_name("pyside6-lrelease")

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
    assert window.writes.wait(5_000)  # the position write, queued or running
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
    assert labels == ["Off", "English", "French", "Spanish"]  # names in the interface language, one order
    french = labels.index("French")
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
    assert player.captions.currentText() == "French"
    source = player.captions.currentData()[1]
    qtbot.waitUntil(
        lambda: window.controller.subtitle_track_of_file(source) is not None
        and window.controller.current_subtitle_track() == window.controller.subtitle_track_of_file(source),
        timeout=5_000,
    )


def clipped_controls(page: QWidget, window: QWidget) -> list[str]:
    """Visible controls narrower than they need, or reaching outside the window."""
    bad = []
    inside = QRect(0, 0, window.width(), window.height())
    for w in page.findChildren(QWidget):
        if not w.isVisible() or not isinstance(w, QToolButton | QComboBox | QLabel):
            continue
        if isinstance(w, QLabel) and w.wordWrap():
            continue  # wraps instead of being cut
        name = w.accessibleName() or getattr(w, "text", lambda: "")() or type(w).__name__
        if w.width() < w.sizeHint().width():
            bad.append(f"{name}: {w.width()} < {w.sizeHint().width()} px")
        top_left = w.mapTo(window, w.rect().topLeft())
        if not inside.contains(QRect(top_left, w.size())):
            bad.append(f"{name}: outside the window at {top_left.x()},{top_left.y()}")
    return bad


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_the_player_fits_an_800_by_600_window(qtbot, make_window, interface_language, lang: str) -> None:
    interface_language(lang)
    window = make_window()
    window.resize(800, 600)
    qtbot.waitUntil(lambda: window.width() == 800, timeout=2_000)
    window.play_recording(recording_id(window), 0)
    wait_playing(qtbot, window)
    qtbot.waitUntil(lambda: window.player.audio.count() >= 3 and window.player.captions.count() >= 4, timeout=5_000)
    for _ in range(3):  # layouts settle over a few event loop turns
        qtbot.wait(20)
    assert (window.width(), window.height()) == (800, 600)
    assert window.minimumSizeHint().width() <= 800
    assert clipped_controls(window.player, window) == []


def test_player_buttons_have_theme_icons_and_tooltips(qtbot, window) -> None:
    p = window.player
    buttons = (p.play_button, p.prev_chapter_button, p.next_chapter_button, p.mute_button, p.fullscreen_button)
    for button in buttons:
        assert not button.icon().isNull(), button.accessibleName()
        assert button.toolTip(), button.accessibleName()
    window.play_recording(recording_id(window), 0)
    wait_playing(qtbot, window)
    playing_icon = p.play_button.icon().cacheKey()
    window.actions_.play_pause.trigger()
    qtbot.waitUntil(lambda: window.controller.state() == "paused", timeout=5_000)
    assert p.play_button.icon().cacheKey() != playing_icon  # a pause symbol while playing, play when paused
    assert "Play" in p.play_button.toolTip()


def test_on_screen_indicator_for_volume_speed_and_seeks(qtbot, window) -> None:
    p = window.player
    window.play_recording(recording_id(window), 20_000)
    wait_playing(qtbot, window, 20_000)
    start = p.volume.value()
    window.actions_.volume_down.trigger()
    assert p.osd.isVisible() and p.osd.text() == f"Volume {start - 5}%"
    video_corner = p.video.mapToGlobal(p.video.rect().topLeft())
    assert p.osd.geometry().intersects(p.video.geometry().translated(video_corner - p.video.pos()))
    window.actions_.faster.trigger()
    assert p.osd.text() == "Speed 1.25×"
    window.actions_.seek_forward.trigger()
    assert p.osd.text().startswith("+10 s") and p.osd.text().endswith("/ 1:30")
    window.actions_.seek_back_long.trigger()
    assert p.osd.text().startswith("−1 min")
    qtbot.waitUntil(lambda: not p.osd.isVisible(), timeout=3_000)  # gone after about a second
    window.actions_.mute.trigger()
    assert p.osd.isVisible() and p.osd.text() == "Muted"
    window.go_back()
    assert not p.osd.isVisible()


def test_before_the_first_panel_the_pane_shows_the_session_description(qtbot, window) -> None:
    window.play_recording(recording_id(window), 2_000)
    wait_playing(qtbot, window, 2_000)
    pane = window.player.description
    assert pane.title_text() == "(Panel 2 & 3) International Dialogue on Migration 2017"
    assert "This recording holds two panels" in pane.body_text()
    window.player.set_description_language("fr")
    assert "Cet enregistrement contient deux panels" in pane.body_text()
    assert pane.title_text().startswith("(Panels 2 et 3)")


def test_chapter_titles_in_the_chosen_language(qtbot, window) -> None:
    window.play_recording(recording_id(window), 0)
    wait_playing(qtbot, window)
    chapters = window.player.chapter_list
    for lang, opening in (("fr", "Ouverture"), ("es", "Apertura"), ("en", "Opening")):
        window.player.set_description_language(lang)
        assert chapters.item(0).text().endswith(opening), (lang, chapters.item(0).text())
    window.player.set_description_language("fr")
    assert "Le Pacte mondial" in chapters.item(1).text()
    bar = window.player.seek_bar  # the seek bar's chapter tooltips too
    assert [bar.chapter_title(c) for c in bar.chapters()][0] == "Ouverture"


def test_a_recording_without_any_description_says_so(qtbot, make_window, tmp_path: Path) -> None:
    media = ROOT / "data" / "media" / "idm2017-panel-2-3.mkv"
    doc = {"format": "vod-app-catalog", "version": 1, "sessions": [{"id": "bare", "title": "Bare session", "date": "2031-01-01",
           "recordings": [{"id": "bare-rec", "media": str(media), "duration_ms": 90000}]}]}
    (tmp_path / "bare.json").write_text(json.dumps(doc), "utf-8")
    window = make_window()
    window.services.import_file(tmp_path / "bare.json")
    window.refresh_lists()
    model = window.recent_model
    rid = next(model.record(r).recording_id for r in range(model.rowCount()) if model.record(r).recording_uid == "bare-rec")
    window.play_recording(rid, 0)
    wait_playing(qtbot, window)
    pane = window.player.description
    assert pane.title_text() == "Bare session"
    assert pane.body_text() == "This recording has no description."


@pytest.fixture
def system_locale():  # noqa: ANN201
    """Set the system locale (what a first run reads) for one test."""
    before = QLocale()

    def use(name: str) -> None:
        QLocale.setDefault(QLocale(name))

    yield use
    QLocale.setDefault(before)


def test_first_run_the_interface_language_picks_the_audio(qtbot, make_window, system_locale) -> None:
    system_locale("es_ES")
    window = make_window()
    assert window.prefs.audio_language == "es" and window.prefs.captions_automatic
    window.play_recording(recording_id(window), 0)
    wait_playing(qtbot, window)
    qtbot.waitUntil(lambda: window.player.audio.count() >= 3, timeout=5_000)
    qtbot.waitUntil(lambda: window.player.audio.currentData(Qt.ItemDataRole.UserRole + 1) == "es", timeout=5_000)
    assert window.player.audio.currentText() == "Español"  # named in the interface language
    assert window.player.captions_language() is None  # Spanish audio: no captions needed


def test_first_run_captions_in_the_interface_language_when_the_audio_is_not(qtbot, make_window, tmp_path: Path) -> None:
    media = ROOT / "data" / "media"
    doc = {"format": "vod-app-catalog", "version": 1, "sessions": [{"id": "fr-only", "title": "Exposé", "date": "2031-01-01",
           "recordings": [{"id": "fr-only-rec", "media": str(media / "idm2017-panel-2-3.mkv"), "duration_ms": 90000,
                           "audio_tracks": [{"language": "fra"}],
                           "captions": [{"language": "en", "file": str(media / "idm2017-panel-2-3.en.vtt")}]}]}]}
    (tmp_path / "fr.json").write_text(json.dumps(doc), "utf-8")
    window = make_window()  # the test locale: English
    assert window.prefs.captions_automatic and window.prefs.captions_language == ""
    window.services.import_file(tmp_path / "fr.json")
    window.refresh_lists()
    model = window.recent_model
    rid = next(model.record(r).recording_id for r in range(model.rowCount()) if model.record(r).recording_uid == "fr-only-rec")
    window.play_recording(rid, 0)
    wait_playing(qtbot, window)
    assert window.player.captions_language() == "en"
    source = window.player.captions.currentData()[1]
    qtbot.waitUntil(lambda: window.controller.current_subtitle_track() == window.controller.subtitle_track_of_file(source) != -1, timeout=5_000)


@pytest.mark.xvfb
def test_on_screen_indicator_shows_on_top_of_the_native_video(xvfb: str, tmp_path: Path) -> None:
    env = {**os.environ, "DISPLAY": xvfb, "QT_QPA_PLATFORM": "xcb", "VOD_APP_HOME": str(tmp_path / "home")}
    proc = subprocess.run([sys.executable, str(Path(__file__).with_name("osd_session.py"))],
                          env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["platform"] == "xcb" and result["state"] == "playing"
    assert result["video_distinct_colours"] > 3, "libvlc did not draw into the window"
    assert result["osd_text"].startswith("Volume") and result["over_video"]
    assert result["osd_white_pixels"] > 20, "the indicator is hidden under the video"


def test_recording_rows_name_their_languages_like_every_other_list(window) -> None:
    from vod_app.ui.models import Roles

    model = window.recent_model
    row = next(r for r in range(model.rowCount()) if model.record(r).recording_uid == REC_UID)
    assert model.data(model.index(row, 0), Roles.Languages) == "English · French · Spanish"

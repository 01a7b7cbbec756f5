"""PlayerController with real libvlc (dummy audio/video outputs) on short real media."""

from __future__ import annotations

import ctypes
import random
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QThread

from vod_app.playback.controller import PlayerController

TIMEOUT = 5000  # ms; playback of these files reaches Playing in ~50 ms
#: libvlc 3.0.24 blocks ~6 s in stop() 0.1-0.3 s after a start with a subtitle track selected, not
#: every time: delays after "playing", cycled to hit that window several times.
CAPTION_HANG_DELAYS_MS = (100, 150, 200, 250, 300, 100, 200, 300)
GUI_CALL_BOUND_S = 1.0  # generous: the failure mode is 6 s, a fresh player costs ~1 ms


def _record(signal: object) -> list:
    values: list = []
    signal.connect(lambda *args: values.append(args[0] if len(args) == 1 else args))  # type: ignore[attr-defined]
    return values


def _open_and_play(qtbot, ctl: PlayerController, source: Path | str, **kwargs) -> None:
    with qtbot.waitSignal(ctl.first_frame, timeout=TIMEOUT):
        assert ctl.open(str(source), **kwargs)
    qtbot.waitUntil(lambda: ctl.state() == "playing", timeout=TIMEOUT)


def test_open_play_reaches_playing_and_position_advances(qtbot, controller, session_media: Path) -> None:
    states = _record(controller.state_changed)
    positions = _record(controller.position_changed)
    lengths = _record(controller.length_changed)
    _open_and_play(qtbot, controller, session_media)
    assert states[:2] == ["opening", "playing"]
    qtbot.waitUntil(lambda: controller.time_ms() > 400, timeout=TIMEOUT)
    moving = [p for p in positions if p > 0]
    assert moving and moving == sorted(moving)
    assert abs(controller.length_ms() - 6000) < 100 and lengths[-1] == controller.length_ms()


def test_signals_arrive_on_the_gui_thread(qtbot, controller, session_media: Path) -> None:
    threads: set[object] = set()

    def note(*_args: object) -> None:
        threads.add(QThread.currentThread())

    for signal in (controller.state_changed, controller.length_changed, controller.tracks_changed):
        signal.connect(note)
    _open_and_play(qtbot, controller, session_media)
    qtbot.waitUntil(lambda: len(threads) > 0)
    assert threads == {controller.thread()}
    assert threading.current_thread() is threading.main_thread()


def test_chapters_available_once_playing(qtbot, controller, session_media: Path, session_chapters) -> None:
    assert controller.chapters() == []
    _open_and_play(qtbot, controller, session_media)
    # Read on a worker once Playing (libvlc may make the read wait for the input): soon after.
    qtbot.waitUntil(lambda: len(controller.chapters()) == len(session_chapters), timeout=TIMEOUT)
    chapters = controller.chapters()
    assert [(c.title, c.start_ms) for c in chapters] == [(t, s) for t, s, _ in session_chapters]
    assert chapters[-1].end_ms == controller.length_ms()


def test_default_edition_chapters_follow_the_title_switch(qtbot, controller, media_chapters: Path) -> None:
    # simple.mka opens on edition 0 and switches to its default edition 3 after starting.
    with qtbot.waitSignal(
        controller.state_changed, check_params_cb=lambda s: s == "playing", timeout=TIMEOUT
    ):
        controller.open(str(media_chapters / "upstream/ChapterReader/simple.mka"))
    qtbot.waitUntil(lambda: [c.title for c in controller.chapters()][:1] == ["Part 1"], timeout=TIMEOUT)
    assert [c.title for c in controller.chapters()] == ["Part 1", "Part 2", "Subpart 2", "Chapter 4"]


def test_seek_pause_and_resume(qtbot, controller, session_media: Path) -> None:
    _open_and_play(qtbot, controller, session_media)
    with qtbot.waitSignal(controller.state_changed, check_params_cb=lambda s: s == "paused", timeout=TIMEOUT):
        controller.pause()
    with qtbot.waitSignal(controller.position_changed, check_params_cb=lambda ms: ms == 3000, timeout=1000):
        assert controller.seek(3000) == 3000
    qtbot.waitUntil(lambda: abs(controller.time_ms() - 3000) < 300, timeout=TIMEOUT)
    paused_at = controller.time_ms()
    assert controller.state() == "paused"
    controller.toggle_pause()
    qtbot.waitUntil(lambda: controller.state() == "playing", timeout=TIMEOUT)
    qtbot.waitUntil(lambda: controller.time_ms() > paused_at + 200, timeout=TIMEOUT)
    assert controller.seek(-50) == 0
    assert controller.seek(10**9) == controller.length_ms()


def test_rate_volume_and_mute_are_clamped(qtbot, controller, session_media: Path) -> None:
    _open_and_play(qtbot, controller, session_media)
    player = controller._handles.player
    assert controller.set_rate(1.5) == 1.5 and controller.rate() == 1.5
    assert player.get_rate() == pytest.approx(1.5)
    assert controller.set_rate(8.0) == 2.0 and controller.set_rate(0.1) == 0.5
    controller.set_volume(150)
    assert controller.volume() == 150
    controller.set_volume(500)
    assert controller.volume() == 200
    controller.set_volume(-3)
    assert controller.volume() == 0
    controller.set_muted(True)
    assert controller.is_muted()
    controller.set_muted(False)
    assert not controller.is_muted()
    assert controller.state() == "playing"


def test_audio_tracks_and_switch_once_playing(qtbot, controller, session_media: Path) -> None:
    _open_and_play(qtbot, controller, session_media)
    tracks = controller.audio_tracks()
    assert [(t.language, t.label) for t in tracks] == [
        ("en", "English"),
        ("fr", "Français"),
        ("es", "Español"),
    ]
    assert controller.current_audio_track() == tracks[0].id
    with qtbot.waitSignal(controller.tracks_changed, timeout=TIMEOUT):
        assert controller.set_audio_track(tracks[2].id)
    qtbot.waitUntil(lambda: controller.current_audio_track() == tracks[2].id, timeout=TIMEOUT)


def test_track_names_from_vlc_descriptions(qtbot, controller, media_chapters: Path) -> None:
    # Languages from the container (und -> None), labels from track titles, VLC's "Track N" dropped.
    _open_and_play(
        qtbot, controller, media_chapters / "upstream/music-metadata/matroska-test-w1-test5-short.mkv"
    )
    assert [(t.id, t.language, t.label) for t in controller.audio_tracks()] == [
        (1, None, None),
        (8, "en", "Commentary"),
    ]
    subtitles = controller.subtitle_tracks()
    assert [t.language for t in subtitles] == ["en", "hu", "de", "fr", "es", "it", "ja", None]
    assert controller.set_subtitle_track(subtitles[3].id)
    qtbot.waitUntil(lambda: controller.current_subtitle_track() == subtitles[3].id, timeout=TIMEOUT)
    assert controller.set_subtitle_track(-1)
    qtbot.waitUntil(lambda: controller.current_subtitle_track() == -1, timeout=TIMEOUT)


@pytest.mark.parametrize(("preferred", "index"), [("fr", 1), ("spa", 2), ("es-MX", 2), ("de", 0)])
def test_preferred_audio_language_applied_on_open(
    qtbot, controller, session_media: Path, preferred, index
) -> None:
    _open_and_play(qtbot, controller, session_media, preferred_audio_language=preferred)
    expected = controller.audio_tracks()[index].id  # "de": no such track, the default stays
    qtbot.waitUntil(lambda: controller.current_audio_track() == expected, timeout=TIMEOUT)


def test_audio_track_chosen_before_playing_is_applied(qtbot, controller, session_media: Path) -> None:
    controller.open(str(session_media))
    assert controller.set_audio_track(3)  # remembered: libvlc ignores it before Playing
    qtbot.waitUntil(lambda: controller.current_audio_track() == 3, timeout=TIMEOUT)


def test_open_paused_at_a_start_time(qtbot, controller, session_media: Path) -> None:
    states = _record(controller.state_changed)
    with qtbot.waitSignal(controller.state_changed, check_params_cb=lambda s: s == "paused", timeout=TIMEOUT):
        controller.open(str(session_media), start_ms=2000, autoplay=False)
    assert "playing" not in states
    qtbot.waitUntil(lambda: abs(controller.time_ms() - 2000) < 300, timeout=TIMEOUT)
    assert len(controller.chapters()) == 3 and len(controller.audio_tracks()) == 3
    controller.play()
    qtbot.waitUntil(lambda: controller.time_ms() > 2400, timeout=TIMEOUT)
    assert controller.state() == "playing"


def test_end_of_media_after_seeking_near_the_end(qtbot, controller, session_media: Path) -> None:
    positions = _record(controller.position_changed)
    _open_and_play(qtbot, controller, session_media)
    controller.seek(controller.length_ms() - 400)
    with qtbot.waitSignal(controller.state_changed, check_params_cb=lambda s: s == "ended", timeout=TIMEOUT):
        pass
    assert positions[-1] == controller.length_ms()
    # Playing again after the end restarts (libvlc needs stop() first; the controller does it).
    controller.play()
    qtbot.waitUntil(lambda: controller.state() == "playing", timeout=TIMEOUT)


def test_stop(qtbot, controller, session_media: Path) -> None:
    _open_and_play(qtbot, controller, session_media)
    controller.stop()
    assert controller.state() == "stopped" and controller.time_ms() == 0
    controller.play()
    qtbot.waitUntil(lambda: controller.state() == "playing", timeout=TIMEOUT)


def test_missing_file_is_reported_before_libvlc(qtbot, controller, tmp_path: Path) -> None:
    missing = tmp_path / "Session 9: gone.mkv"
    with qtbot.waitSignal(controller.error_occurred, timeout=1000) as blocker:
        assert controller.open(str(missing)) is False
    message = blocker.args[0]
    assert str(missing) in message and "does not exist" in message
    assert controller.state() == "error"
    assert controller._handles.player.get_media() is None  # never handed to libvlc


@pytest.mark.parametrize("source", ["screen://", "v4l2:///dev/video0", "vlc://quit", "dshow://"])
def test_unsupported_scheme_is_refused(qtbot, controller, source: str) -> None:
    with qtbot.waitSignal(controller.error_occurred, timeout=1000) as blocker:
        assert controller.open(source) is False
    assert "Unsupported media source" in blocker.args[0] and source in blocker.args[0]
    assert controller._handles.player.get_media() is None


def test_undecodable_file_gives_an_error(qtbot, controller, tmp_path: Path) -> None:
    junk = tmp_path / "junk.mp4"
    # Fixed bytes: ~1% of random 32 KB blobs contain something a libvlc demuxer "plays" and ends.
    junk.write_bytes(random.Random(20170418).randbytes(32 * 1024))
    with qtbot.waitSignal(controller.error_occurred, timeout=TIMEOUT) as blocker:
        assert controller.open(str(junk))
    assert str(junk) in blocker.args[0] and "decode" in blocker.args[0]
    assert controller.state() == "error"


def test_opening_another_file_drops_stale_events(
    qtbot, controller, session_media: Path, media_chapters
) -> None:
    _open_and_play(qtbot, controller, session_media)
    controller.seek(controller.length_ms() - 100)  # the first file is about to end
    states = _record(controller.state_changed)
    _open_and_play(qtbot, controller, media_chapters / "generated/base.mkv")
    qtbot.waitUntil(lambda: controller.time_ms() > 300, timeout=TIMEOUT)
    assert "ended" not in states and "error" not in states
    assert controller.length_ms() == 5023 and controller.chapters() == []


def test_subtitle_file_added(qtbot, controller, session_media: Path) -> None:
    _open_and_play(qtbot, controller, session_media)
    assert controller.subtitle_tracks() == []
    assert controller.add_subtitle_file(str(session_media.with_name("session.en.vtt")))
    qtbot.waitUntil(lambda: len(controller.subtitle_tracks()) == 1, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: controller.current_subtitle_track() == controller.subtitle_tracks()[0].id)
    with qtbot.waitSignal(controller.error_occurred, timeout=1000):
        assert not controller.add_subtitle_file(str(session_media.with_name("missing.vtt")))
    # A new libvlc input after stop() still has the added file.
    controller.stop()
    controller.play()
    qtbot.waitUntil(lambda: controller.state() == "playing", timeout=TIMEOUT)
    qtbot.waitUntil(lambda: len(controller.subtitle_tracks()) == 1, timeout=TIMEOUT)


def _timed(call: Callable[[], object]) -> float:
    start = time.monotonic()
    call()
    return time.monotonic() - start


def _playing_with_captions(qtbot, ctl: PlayerController, source: Path, captions: Path) -> None:
    with qtbot.waitSignal(ctl.state_changed, check_params_cb=lambda s: s == "playing", timeout=TIMEOUT):
        assert ctl.open(str(source))
    assert ctl.add_subtitle_file(str(captions))  # added and selected


@pytest.fixture
def libvlc_stops(monkeypatch) -> list[tuple[str, float]]:
    """(thread name, seconds) of every MediaPlayer.stop() call, wherever it comes from."""
    import vlc

    calls: list[tuple[str, float]] = []
    real_stop = vlc.MediaPlayer.stop

    def stop(player: object) -> None:
        start = time.monotonic()
        try:
            real_stop(player)
        finally:
            calls.append((threading.current_thread().name, time.monotonic() - start))

    monkeypatch.setattr(vlc.MediaPlayer, "stop", stop)
    return calls


def _on_gui_thread(stops: list[tuple[str, float]]) -> list[float]:
    return [took for name, took in stops if name == threading.main_thread().name]


def test_stop_right_after_start_with_captions_does_not_block(
    qtbot, controller, session_media: Path, libvlc_stops
) -> None:
    # libvlc 3.0.24: MediaPlayer.stop() 0.1-0.3 s after the start with a subtitle track selected
    # blocks ~6 s (a subtitle decoder waits for the video output the stop destroyed). The
    # controller's stop() runs on the GUI thread and must return at once.
    captions = session_media.with_name("session.en.vtt")
    for delay in CAPTION_HANG_DELAYS_MS:
        _playing_with_captions(qtbot, controller, session_media, captions)
        qtbot.wait(delay)
        took = _timed(controller.stop)
        assert took < GUI_CALL_BOUND_S, f"stop() {delay} ms after playing blocked the GUI thread {took:.2f} s"
        assert controller.state() == "stopped" and controller.time_ms() == 0
    assert _on_gui_thread(libvlc_stops) == []  # libvlc's stop never runs on the GUI thread
    # The media plays again normally, with the added captions.
    states = _record(controller.state_changed)
    controller.play()
    qtbot.waitUntil(lambda: controller.state() == "playing" and controller.time_ms() > 300, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: len(controller.subtitle_tracks()) == 1, timeout=TIMEOUT)
    assert states[0] == "opening" and not {"stopped", "ended", "error"} & set(states)
    assert abs(controller.length_ms() - 6000) < 100 and len(controller.audio_tracks()) == 3


def test_switching_media_right_after_start_with_captions_does_not_block(
    qtbot, controller, session_media: Path, media_chapters: Path, libvlc_stops
) -> None:
    captions = session_media.with_name("session.en.vtt")
    other = media_chapters / "generated/base.mkv"
    for delay in CAPTION_HANG_DELAYS_MS:
        _playing_with_captions(qtbot, controller, session_media, captions)
        qtbot.wait(delay)
        states = _record(controller.state_changed)
        took = _timed(lambda: controller.open(str(other)))
        assert took < GUI_CALL_BOUND_S, f"open() {delay} ms after playing blocked the GUI thread {took:.2f} s"
        # The next media plays normally; nothing of the one left behind leaks into it.
        qtbot.waitUntil(
            lambda: controller.state() == "playing" and controller.time_ms() > 200, timeout=TIMEOUT
        )
        assert states[0] == "opening" and not {"stopped", "ended", "error"} & set(states)
        assert controller.length_ms() == 5023 and controller.chapters() == []
        assert controller.subtitle_tracks() == []  # the captions belonged to the other media
    assert _on_gui_thread(libvlc_stops) == []


def test_audio_choice_survives_end_and_replay(qtbot, controller, session_media: Path) -> None:
    _open_and_play(qtbot, controller, session_media)
    assert controller.set_audio_track(3)
    qtbot.waitUntil(lambda: controller.current_audio_track() == 3, timeout=TIMEOUT)
    controller.seek(controller.length_ms() - 300)
    qtbot.waitUntil(lambda: controller.state() == "ended", timeout=TIMEOUT)
    controller.play()
    qtbot.waitUntil(lambda: controller.state() == "playing", timeout=TIMEOUT)
    qtbot.waitUntil(lambda: controller.current_audio_track() == 3, timeout=TIMEOUT)


def test_snapshot(qtbot, controller, session_media: Path, tmp_path: Path) -> None:
    _open_and_play(qtbot, controller, session_media)
    target = tmp_path / "thumb.png"
    qtbot.waitUntil(lambda: controller.take_snapshot(str(target), 80), timeout=TIMEOUT)
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_video_window_is_not_bound_on_offscreen(qtbot, controller, session_media: Path) -> None:
    # set_xwindow under offscreen would override --vout=dummy and crash libvlc.
    controller.set_video_window(12345, "offscreen")
    assert controller._handles.player.get_xwindow() == 0
    _open_and_play(qtbot, controller, session_media)


def test_release_is_final_and_idempotent(qtbot, session_media: Path) -> None:
    ctl = PlayerController(headless=True)
    _open_and_play(qtbot, ctl, session_media)
    ctl.release()
    ctl.release()
    ctl.play()
    ctl.seek(1000)
    assert ctl.audio_tracks() == [] and not ctl.take_snapshot("/tmp/never.png")
    qtbot.wait(100)  # queued events from before release must be ignored, not crash


def test_unavailable_reason_mentions_how_to_install(monkeypatch) -> None:
    from vod_app.playback import vlc_runtime

    monkeypatch.setattr(vlc_runtime, "_loaded", True)
    monkeypatch.setattr(vlc_runtime, "_vlc", None)
    monkeypatch.setattr(vlc_runtime, "_reason", "The VLC library (libvlc) could not be loaded (test).")
    ctl = PlayerController(headless=True)
    assert not ctl.is_available()
    assert "apt-get install libvlc5" in ctl.unavailable_reason()
    errors = _record(ctl.error_occurred)
    assert ctl.open("/any.mkv") is False and "apt-get install" in errors[0]
    ctl.release()


def _true_is_immortal() -> bool:
    """Whether True's reference count is frozen (PEP 683, Python 3.12+), checked, not assumed.

    On 3.11 a list of 1000 Trues adds 1000 references; if it adds none on an older Python the
    measurement itself is broken and the test says so instead of passing on a frozen number.
    """
    before = sys.getrefcount(True)
    probe = [True] * 1000
    moved = sys.getrefcount(True) - before
    del probe
    if moved >= 1000:
        return False
    assert sys.version_info >= (3, 12), f"True's reference count did not move ({moved}): nothing would be measured"
    return True


def _assert_true_survives(work) -> None:  # noqa: ANN001
    """Run ``work`` and check that it did not drain references to True (see the tests below)."""
    if not _true_is_immortal():
        before = sys.getrefcount(True)
        work()
        assert sys.getrefcount(True) - before > -10
        return
    # Immortal True: a drain like PySide6 6.12.0's cannot free it. Check that this interpreter really
    # ignores releases of True (3000 > the ~700 that aborted 3.11), then that the work itself runs.
    count = sys.getrefcount(True)
    for _ in range(3000):
        ctypes.pythonapi.Py_DecRef(ctypes.py_object(True))
    assert sys.getrefcount(True) == count
    work()
    assert sys.getrefcount(True) == count


def test_emitting_signals_does_not_drain_true(qtbot, controller) -> None:
    # PySide6 6.12.0: each SignalInstance.emit() drops a reference to True; on Python 3.11 the
    # process aborts ("bool_dealloc") after ~700 emits, i.e. ~35 s of position updates.
    def emit_many() -> None:
        for _ in range(3000):
            controller.position_changed.emit(1)

    _assert_true_survives(emit_many)


def test_playback_does_not_drain_true(qtbot, controller, session_media: Path) -> None:
    def play() -> None:
        _open_and_play(qtbot, controller, session_media)
        qtbot.waitUntil(lambda: controller.time_ms() > 500, timeout=TIMEOUT)
        controller.stop()  # dozens of signals were emitted meanwhile

    _assert_true_survives(play)


def test_interpreter_exit_while_playing_is_clean(session_media: Path) -> None:
    """No release() call, playback running, the interpreter exits: libvlc is stopped first."""
    script = textwrap.dedent(
        f"""
        import os
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QCoreApplication, QTimer
        from vod_app.playback.controller import PlayerController
        app = QCoreApplication([])
        ctl = PlayerController(headless=True)
        ctl.open({str(session_media)!r})
        ctl.first_frame.connect(lambda: QTimer.singleShot(300, app.quit))
        QTimer.singleShot(5000, lambda: os._exit(3))
        app.exec()
        print("state", ctl.state())
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=Path(__file__).parents[2],
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "state playing" in done.stdout


def test_interpreter_exit_right_after_zapping_with_captions_is_clean(session_media: Path) -> None:
    """Close as MainWindow does (stop + release) while libvlc may still be stopping earlier media
    on worker threads: the process exits normally (after a bounded wait), without a crash."""
    script = textwrap.dedent(
        f"""
        import os
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QCoreApplication, QTimer
        from vod_app.playback import controller as playback
        app = QCoreApplication([])
        ctl = playback.PlayerController(headless=True)
        media, captions = {str(session_media)!r}, {str(session_media.with_name("session.en.vtt"))!r}
        opened = [1]

        def step():
            if opened[0] < 4:
                opened[0] += 1
                ctl.open(media)  # the previous player stops on a worker thread
            else:
                ctl.stop()
                ctl.release()
                app.quit()

        def on_state(state):
            if state == "playing":
                ctl.add_subtitle_file(captions)
                QTimer.singleShot(100, step)

        ctl.state_changed.connect(on_state)
        ctl.open(media)
        QTimer.singleShot(20000, lambda: os._exit(3))
        app.exec()
        print("opened", opened[0], "state", ctl.state())
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).parents[2],
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "opened 4 state stopped" in done.stdout


def test_stop_then_play_starts_at_zero_not_at_the_opening_position(qtbot, controller, session_media: Path) -> None:
    _open_and_play(qtbot, controller, session_media, start_ms=4000)
    qtbot.waitUntil(lambda: controller.time_ms() >= 3900, timeout=TIMEOUT)
    controller.stop()
    controller.play()
    qtbot.waitUntil(lambda: controller.state() == "playing" and controller.time_ms() > 0, timeout=TIMEOUT)
    assert controller.time_ms() < 2000, f"replay started at {controller.time_ms()} ms"


@pytest.fixture(scope="module")
def media_with_subtitles(session_media: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """session_media with a French text track inside the file (tagged 'fra', as Matroska stores it)."""
    out = tmp_path_factory.mktemp("embedded subtitles") / "session-subs.mkv"
    srt = out.with_suffix(".fr.srt")
    srt.write_text("1\n00:00:00,000 --> 00:00:06,000\nBienvenue au panel.\n", encoding="utf-8")
    cmd = ["ffmpeg", "-v", "error", "-y", "-i", str(session_media), "-i", str(srt), "-map", "0", "-map", "1"]
    cmd += ["-c", "copy", "-c:s", "srt", "-metadata:s:s:0", "language=fra", "-metadata:s:s:0", "title=Français", str(out)]
    subprocess.run(cmd, check=True, timeout=60)
    return out


def test_embedded_subtitle_tracks_apart_from_added_files(qtbot, controller, media_with_subtitles: Path, session_media: Path) -> None:
    _open_and_play(qtbot, controller, media_with_subtitles)
    qtbot.waitUntil(lambda: len(controller.embedded_subtitle_tracks()) == 1, timeout=TIMEOUT)
    embedded = controller.embedded_subtitle_tracks()[0]
    assert embedded.language == "fr"
    vtt = str(session_media.with_name("session.en.vtt"))
    assert controller.add_subtitle_file(vtt)
    qtbot.waitUntil(lambda: controller.subtitle_track_of_file(vtt) is not None, timeout=TIMEOUT)
    assert [t.id for t in controller.embedded_subtitle_tracks()] == [embedded.id]
    assert controller.subtitle_track_of_file(vtt) != embedded.id
    qtbot.waitUntil(lambda: controller.current_subtitle_track() == controller.subtitle_track_of_file(vtt), timeout=TIMEOUT)
    assert controller.set_subtitle_track(embedded.id)
    qtbot.waitUntil(lambda: controller.current_subtitle_track() == embedded.id, timeout=TIMEOUT)
    # Choosing the file again selects its track: no second copy of it.
    assert controller.add_subtitle_file(vtt)
    qtbot.waitUntil(lambda: controller.current_subtitle_track() == controller.subtitle_track_of_file(vtt), timeout=TIMEOUT)
    assert len(controller.subtitle_tracks()) == 2

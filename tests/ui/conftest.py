from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def xvfb() -> Iterator[str]:
    """A private Xvfb display (":N") for tests of the real window under xcb, where the video surface
    is a native X window as on a desktop: the screenshots and the on-screen indicator over video."""
    exe = shutil.which("Xvfb")
    assert exe, "Xvfb is required (packaging/system-deps.sh test installs it)"
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen([exe, "-displayfd", str(write_fd), "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
                            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as f:
        display = f.readline().strip()
    assert display, "Xvfb did not start"
    yield f":{display}"
    proc.terminate()
    proc.wait(10)


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


@pytest.fixture
def interface_language(tmp_path: Path):  # noqa: ANN201
    """Install the app's translation for a language, as app.main() does (compiled from the .ts)."""
    installed: list[QTranslator] = []

    def install(lang: str) -> None:
        if lang == "en":
            return
        qm = tmp_path / f"vod_app_{lang}.qm"
        ts = Path(__file__).resolve().parents[2] / "resources" / "translations" / f"vod_app_{lang}.ts"
        subprocess.run([str(Path(sys.executable).with_name("pyside6-lrelease")), str(ts), "-qm", str(qm)], check=True, capture_output=True)
        translator = QTranslator()
        assert translator.load(QLocale(lang), "vod_app", "_", str(tmp_path))
        assert QCoreApplication.installTranslator(translator)
        installed.append(translator)

    yield install
    for translator in installed:
        QCoreApplication.removeTranslator(translator)

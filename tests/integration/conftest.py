"""Fixtures for the playback tests: real libvlc with dummy outputs, real media files."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import importlib.util  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests"))
from media_server import MediaServer  # noqa: E402

SAMPLE = REPO / "data" / "media" / "idm2017-panel-2-3.mkv"
MEDIA_CHAPTERS = (
    Path(os.environ.get("VOD_APP_TESTDATA", str(REPO.parent / "shared" / "testdata"))) / "media_chapters"
)

# A 6 s session shaped like the sample recording: chapters, audio and subtitles in 3 languages.
SESSION_CHAPTERS = [("Opening", 0, 1500), ("Panel 2", 1500, 4000), ("Panel 3", 4000, 6000)]
SESSION_LANGUAGES = [("eng", "English"), ("fra", "Français"), ("spa", "Español")]


def _ffmetadata(chapters: list[tuple[str, int, int]]) -> str:
    lines = [";FFMETADATA1"]
    for title, start, end in chapters:
        lines += ["[CHAPTER]", "TIMEBASE=1/1000", f"START={start}", f"END={end}", f"title={title}"]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="session")
def media_chapters() -> Path:
    """The shared media_chapters test set.

    Without ../shared (a clone alone) the tests asking for it are left out and reported once by
    tests/conftest.py; in CI a missing copy fails the run (a set-up bug, never a skip).
    """
    assert (MEDIA_CHAPTERS / "expected.json").is_file(), f"test data missing: {MEDIA_CHAPTERS}"
    return MEDIA_CHAPTERS


@pytest.fixture(scope="session")
def session_media(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """session.mkv: 6 s 160x90, chapters Opening/Panel 2/Panel 3, audio eng/fra/spa (+ session.en.vtt)."""
    ffmpeg = shutil.which("ffmpeg")
    assert ffmpeg, "ffmpeg is needed to build the test media (apt-get install ffmpeg)"
    folder = tmp_path_factory.mktemp("session media")
    meta = folder / "chapters.ffmeta"
    meta.write_text(_ffmetadata(SESSION_CHAPTERS), encoding="utf-8")
    out = folder / "session.mkv"
    cmd = [ffmpeg, "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=160x90:rate=25:duration=6"]
    for freq in (440, 550, 660):
        cmd += ["-f", "lavfi", "-i", f"sine=frequency={freq}:duration=6"]
    cmd += ["-f", "ffmetadata", "-i", str(meta), "-map", "0", "-map", "1", "-map", "2", "-map", "3"]
    cmd += ["-map_chapters", "4", "-c:v", "libx264", "-preset", "ultrafast", "-crf", "40"]
    cmd += ["-c:a", "aac", "-b:a", "32k"]
    for i, (code, title) in enumerate(SESSION_LANGUAGES):
        cmd += [f"-metadata:s:a:{i}", f"language={code}", f"-metadata:s:a:{i}", f"title={title}"]
    cmd += ["-disposition:a:0", "default", "-disposition:a:1", "0", "-disposition:a:2", "0", str(out)]
    subprocess.run(cmd, check=True, timeout=60)
    (folder / "session.en.vtt").write_text(
        "WEBVTT\n\n00:00.000 --> 00:03.000\nWelcome to the panel.\n\n00:03.000 --> 00:06.000\nThank you.\n",
        encoding="utf-8",
    )
    return out


@pytest.fixture(scope="session")
def session_chapters() -> list[tuple[str, int, int]]:
    """(title, start ms, end ms) of session_media's chapters."""
    return list(SESSION_CHAPTERS)


@pytest.fixture
def controller(qtbot: object) -> Iterator[object]:
    from vod_app.playback.controller import PlayerController

    ctl = PlayerController(headless=True)
    assert ctl.is_available(), ctl.unavailable_reason()
    yield ctl
    ctl.release()


# ---- media from a server (test_http_media.py, test_media_relay.py) ----


def _load_make_sample_media():  # noqa: ANN202
    spec = importlib.util.spec_from_file_location("make_sample_media", REPO / "data" / "make_sample_media.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def make_sample_media():  # noqa: ANN201
    """data/make_sample_media.py, loaded as a module."""
    return _load_make_sample_media()


@pytest.fixture(scope="session")
def served_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample and its HLS rendition (hls/*.m3u8 + .ts), as a server would hold them."""
    assert shutil.which("ffmpeg"), "ffmpeg is needed to build the HLS rendition (apt-get install ffmpeg)"
    folder = tmp_path_factory.mktemp("served")
    shutil.copyfile(SAMPLE, folder / SAMPLE.name)
    playlist = _load_make_sample_media().build_hls(SAMPLE, folder / "hls")
    assert playlist.name == "idm2017-panel-2-3.m3u8"
    return folder


@pytest.fixture
def server(served_folder: Path) -> Iterator[MediaServer]:
    srv = MediaServer(served_folder, rate=100_000)  # ~100 KB/s: the file is not all fetched at once
    srv.start()
    yield srv
    srv.stop()

"""The parser commands from outside: `vod-app captions|chapters|probe` on shared test material."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from vod_app.formats.captions import captions_json

ROOT = Path(__file__).resolve().parents[2]
TESTDATA = Path(os.environ.get("VOD_APP_TESTDATA") or ROOT.parent / "shared" / "testdata")


def vod(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "VOD_APP_HOME": str(home)}
    proc = subprocess.run([sys.executable, "-m", "vod_app", *args], capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)
    assert "Traceback" not in proc.stderr
    return proc


CAPTION_FILES = sorted(
    [*(TESTDATA / "webvtt_py_samples").rglob("*.vtt"), *(TESTDATA / "webvtt_py_samples").rglob("*.srt"), *(TESTDATA / "srt_pysrt").rglob("*.srt")]
)


@pytest.mark.parametrize("path", CAPTION_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_captions_command_matches_the_parser_and_rejects_with_one_line(path: Path, tmp_path: Path) -> None:
    proc = vod("captions", str(path), "--json", home=tmp_path)
    try:
        expected = captions_json(path)
    except ValueError:
        assert proc.returncode == 1
        assert proc.stderr.count("\n") == 1 and str(path.name) in proc.stderr
        return
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == expected


def test_chapters_command_on_media_vtt_and_description(tmp_path: Path) -> None:
    mkv = ROOT / "data" / "media" / "idm2017-panel-2-3.mkv"
    out = json.loads(vod("chapters", str(mkv), "--json", home=tmp_path).stdout)
    assert [(c["start_ms"], c["title"]) for c in out] == [(0, "Opening"), (10_000, "Panel 2"), (50_000, "Panel 3")]
    desc = tmp_path / "desc.txt"
    desc.write_text("Recorded in Geneva.\n0:00 Opening\n12:30 - Panel 2\nPanel 3 1:02:03\n", "utf-8")
    out = json.loads(vod("chapters", str(desc), "--duration", "4000", "--json", home=tmp_path).stdout)
    assert [(c["start_ms"], c["title"]) for c in out] == [(0, "Opening"), (750_000, "Panel 2"), (3_723_000, "Panel 3")]
    assert out[-1]["end_ms"] == 4_000_000
    probe = json.loads(vod("probe", str(mkv), "--json", home=tmp_path).stdout)
    assert probe["duration_ms"] == 90_000
    assert [a["language"] for a in probe["audio_tracks"]] == ["en", "fr", "es"]
    bad = tmp_path / "random.mp4"
    bad.write_bytes(os.urandom(2048))
    proc = vod("probe", str(bad), "--json", home=tmp_path)
    assert proc.returncode == 1 and "random.mp4" in proc.stderr


MEDIA_FILES = sorted((TESTDATA / "media_chapters" / "generated").glob("*.m[kp][v4]"))


@pytest.mark.parametrize("path", MEDIA_FILES, ids=lambda p: p.name)
def test_captions_on_media_files_names_them_without_raw_bytes(path: Path, tmp_path: Path) -> None:
    proc = vod("captions", str(path), home=tmp_path)
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "this is a media file" in proc.stderr and "vod-app probe" in proc.stderr
    assert all(ch == "\n" or " " <= ch <= "~" for ch in proc.stderr)


def test_chapters_of_a_media_file_without_chapters_says_so(tmp_path: Path) -> None:
    base = TESTDATA / "media_chapters" / "generated" / "base.mkv"
    proc = vod("chapters", str(base), "--json", home=tmp_path)
    assert proc.returncode == 0 and json.loads(proc.stdout) == []
    assert proc.stderr == f"vod-app: {base}: no chapters: the media file has no chapters in its container\n"

"""Folder import on a generated folder: real MKV/MP4 with chapters, sidecars, bad files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from vod_app.catalog.folder import import_folder
from vod_app.catalog.repository import CatalogRepository, UserStateRepository
from vod_app.catalog.search import SqliteSearch
from vod_app.playback.probe import probe_media

ROOT = Path(__file__).resolve().parents[2]
FFMPEG = shutil.which("ffmpeg")


def _make_media(path: Path, chapters: list[tuple[int, int, str]], langs: list[str]) -> None:
    meta = path.with_suffix(".ffmeta")
    lines = [";FFMETADATA1"]
    for start, end, title in chapters:
        lines += ["[CHAPTER]", "TIMEBASE=1/1000", f"START={start}", f"END={end}", f"title={title}"]
    meta.write_text("\n".join(lines) + "\n", "utf-8")
    cmd = [FFMPEG, "-y", "-loglevel", "error", "-f", "lavfi", "-i", "color=c=blue:s=160x90:r=5:d=6"]
    for i, _ in enumerate(langs):
        cmd += ["-f", "lavfi", "-i", f"sine=frequency={300 + 100 * i}:duration=6"]
    cmd += ["-i", str(meta), "-map", "0:v"]
    for i, _ in enumerate(langs):
        cmd += ["-map", f"{i + 1}:a"]
    cmd += ["-map_chapters", str(len(langs) + 1)]
    for i, lang in enumerate(langs):
        cmd += [f"-metadata:s:a:{i}", f"language={lang}"]
    cmd += ["-c:v", "libx264" if path.suffix == ".mp4" else "libvpx-vp9", "-c:a", "aac" if path.suffix == ".mp4" else "libopus", "-shortest", str(path)]
    subprocess.run(cmd, check=True, timeout=120)
    meta.unlink()


@pytest.fixture(scope="module")
def media_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert FFMPEG, "ffmpeg is required (packaging/system-deps.sh test installs it)"
    root = tmp_path_factory.mktemp("folder")
    (root / "day1").mkdir()
    _make_media(root / "day1" / "Opening_session.mkv", [(0, 2000, "Welcome"), (2000, 4000, "Keynote"), (4000, 6000, "Questions")], ["eng", "fra"])
    _make_media(root / "day1" / "panel.mp4", [(0, 3000, "Part one"), (3000, 6000, "Part two")], ["eng"])
    (root / "day1" / "Opening_session.en.vtt").write_text("WEBVTT\n\n00:00.500 --> 00:01.500\nWelcome to the migration dialogue\n", "utf-8")
    (root / "day1" / "Opening_session.fr.srt").write_text("1\n00:00:00,500 --> 00:00:01,500\nBienvenue au dialogue sur la migración\n", "utf-8")
    (root / "day1" / "panel.json").write_text(json.dumps({"title": {"en": "Panel on labour mobility"}, "date": "2018-03-01"}), "utf-8")
    (root / "day1" / "panel.chapters.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nIntro\n\n00:01.000 --> 00:06.000\nDebate\n", "utf-8")
    (root / "broken.mp4").write_bytes(os.urandom(4096))
    (root / "empty.mkv").write_bytes(b"")
    (root / "folder.mkv").mkdir()
    return root


def test_folder_imports_chapters_tracks_and_captions_and_lists_bad_files(catalog, media_folder: Path) -> None:
    report = import_folder(catalog, media_folder, probe=probe_media)
    assert report.sessions_added == 2
    skipped = {Path(p).name: reason for p, reason in report.skipped}
    assert set(skipped) == {"broken.mp4", "empty.mkv", "folder.mkv"}
    assert "0 bytes" in skipped["empty.mkv"] and "directory" in skipped["folder.mkv"]
    repo = CatalogRepository(catalog)
    by_title = {r.title: r for r in repo.recent_recordings().items}
    assert set(by_title) == {"Opening session", "Panel on labour mobility"}
    opening = repo.play_item(by_title["Opening session"].recording_id).recording
    assert [(c.start_ms, c.title, c.source) for c in opening.chapters] == [(0, "Welcome", "container"), (2000, "Keynote", "container"), (4000, "Questions", "container")]
    assert [a.language for a in opening.audio_tracks] == ["en", "fr"]
    assert {c.language for c in opening.captions} == {"en", "fr"}
    panel = repo.play_item(by_title["Panel on labour mobility"].recording_id).recording
    assert [(c.title, c.source) for c in panel.chapters] == [("Intro", "chapters_file"), ("Debate", "chapters_file")]
    hits = SqliteSearch(catalog).search("migracion")
    assert [(h.kind, h.start_ms, h.lang) for h in hits] == [("cue", 500, "fr")]


def test_rescan_is_incremental_and_disappeared_files_are_kept(catalog, media_folder: Path, tmp_path: Path) -> None:
    work = tmp_path / "copy"
    shutil.copytree(media_folder, work, ignore=shutil.ignore_patterns("folder.mkv"))
    import_folder(catalog, work, probe=probe_media)
    rec = CatalogRepository(catalog).recent_recordings().items[0]
    UserStateRepository(catalog).save_position(rec.recording_uid, 3000, 6000)
    calls: list[str] = []

    def counting_probe(src: str):  # noqa: ANN202
        calls.append(src)
        return probe_media(src)

    again = import_folder(catalog, work, probe=counting_probe)
    assert again.unchanged_files == 2 and again.sessions_added == 0
    assert [Path(c).name for c in calls] == ["broken.mp4"]  # only the file that failed before
    os.remove(rec.source)
    third = import_folder(catalog, work, probe=counting_probe)
    assert third.missing == [rec.source]
    assert UserStateRepository(catalog).position(rec.recording_uid) == 3000
    assert rec.recording_uid in {r.recording_uid for r in CatalogRepository(catalog).recent_recordings().items}


def test_cancel_writes_nothing(catalog, media_folder: Path) -> None:
    from vod_app.catalog.folder import ImportCancelled
    from vod_app.tasks import CancelToken

    token = CancelToken()
    token.cancel()
    with pytest.raises(ImportCancelled):
        import_folder(catalog, media_folder, probe=probe_media, cancel=token)
    assert CatalogRepository(catalog).counts()["recordings"] == 0


def test_cli_imports_a_folder(media_folder: Path, tmp_path: Path) -> None:
    env = {**os.environ, "VOD_APP_HOME": str(tmp_path / "home")}
    proc = subprocess.run([sys.executable, "-m", "vod_app", "import", str(media_folder), "--json"], capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["sessions_added"] == 2
    assert any("broken.mp4" in w for w in report["warnings"])

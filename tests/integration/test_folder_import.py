"""Folder import on a generated folder: real MKV/MP4 with chapters, sidecars, bad files."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from vod_app.catalog.folder import import_folder
from vod_app.catalog.repository import CatalogRepository
from vod_app.catalog.search import SqliteSearch
from vod_app.catalog.user_state import UserStateRepository
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


# --- dates, grouping, edits and removals (issue 9, item 11; docs/folders.md) -----------------------

SAMPLE = ROOT / "data" / "media" / "idm2017-panel-2-3.mkv"


def _copy(dest: Path, mtime: dt.datetime | None = None) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(SAMPLE, dest)
    if mtime is not None:
        os.utime(dest, (mtime.timestamp(), mtime.timestamp()))
    return dest


@pytest.fixture
def named_folder(tmp_path: Path) -> Path:
    """Files named the way people name recordings."""
    root = tmp_path / "recordings"
    old = dt.datetime(2015, 6, 1, 12, 0)
    _copy(root / "2019-05-10 Council" / "morning.mkv", old)
    _copy(root / "2019-05-10 Council" / "afternoon.mkv", old)
    _copy(root / "talks" / "Keynote 20180301.mkv", old)
    _copy(root / "talks" / "Undated talk.mkv", old)
    _copy(root / "talks" / "Plenary part 2.mkv", old)
    _copy(root / "talks" / "Plenary part 1.mkv", old)
    _copy(root / "talks" / "Plenary (3).mkv", old)
    _copy(root / "IDM 10 May 2017" / "day" / "Opening.mkv", old)
    return root


def _sessions(catalog) -> dict[str, object]:  # noqa: ANN001
    return {s.title: s for s in CatalogRepository(catalog).sessions(limit=100).items}


def test_dates_come_from_names_else_the_file_time_and_parts_make_one_session(catalog, named_folder: Path) -> None:
    report = import_folder(catalog, named_folder, probe=probe_media)
    assert report.skipped == [] and (report.sessions_added, report.recordings_added) == (5, 8)
    assert "8 recordings added (5 sessions added" in report.summary()
    sessions = _sessions(catalog)
    assert {t: s.date for t, s in sessions.items()} == {
        "Council": dt.date(2019, 5, 10),  # the folder is named as a session: both files in it
        "Keynote": dt.date(2018, 3, 1),  # 20180301 in the file name (and left out of the title)
        "Undated talk": dt.date(2015, 6, 1),  # the file's time, not today
        "Plenary": dt.date(2015, 6, 1),
        "Opening": dt.date(2017, 5, 10),  # the nearest dated folder above the file
    }
    repo = CatalogRepository(catalog)
    plenary = repo.session_detail(sessions["Plenary"].session_id)
    assert [r.title for r in plenary.recordings] == ["Plenary part 1", "Plenary part 2", "Plenary (3)"]
    council = repo.session_detail(sessions["Council"].session_id)
    assert [Path(r.source).name for r in council.recordings] == ["afternoon.mkv", "morning.mkv"]
    assert all(r.duration_ms for r in council.recordings)


def test_rescans_are_stable_and_positions_survive_regrouping(catalog, named_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vod_app.catalog import folder as folder_mod

    # The catalog as an earlier version left it: one session per file.
    with monkeypatch.context() as mp:
        mp.setattr(folder_mod, "plan_sessions", _one_session_per_file)
        import_folder(catalog, named_folder, probe=probe_media)
    assert CatalogRepository(catalog).counts()["sessions"] == 8
    part2 = next(r for r in CatalogRepository(catalog).recent_recordings(limit=100).items if r.source.endswith("Plenary part 2.mkv"))
    UserStateRepository(catalog).save_position(part2.recording_uid, 42_000, 90_000)

    regrouped = import_folder(catalog, named_folder, probe=probe_media)
    counts = CatalogRepository(catalog).counts()
    assert (counts["sessions"], counts["recordings"]) == (5, 8), "no duplicates"
    assert regrouped.skipped == [] and regrouped.recordings_added == 0, "the same recordings, regrouped"
    assert UserStateRepository(catalog).position(part2.recording_uid) == 42_000
    plenary = CatalogRepository(catalog).session_detail(_sessions(catalog)["Plenary"].session_id)
    assert part2.recording_uid in [r.uid for r in plenary.recordings]

    before = {t: (s.session_id, s.session_uid) for t, s in _sessions(catalog).items()}
    again = import_folder(catalog, named_folder, probe=probe_media)
    assert (again.unchanged_files, again.sessions_added, again.sessions_updated) == (8, 0, 0)
    assert {t: (s.session_id, s.session_uid) for t, s in _sessions(catalog).items()} == before


def _one_session_per_file(media_files: list[Path]) -> list[object]:
    from vod_app.catalog.folder_sessions import SessionGroup, path_uid

    return [SessionGroup(path_uid("folder", p), p.stem, None, [p]) for p in media_files]


def test_an_edited_session_keeps_its_edit_through_rescans(catalog, named_folder: Path) -> None:
    from vod_app.catalog.sessions_edit import edit_session, session_fields

    import_folder(catalog, named_folder, probe=probe_media)
    sid = _sessions(catalog)["Plenary"].session_id
    before = edit_session(catalog, sid, title="Opening plenary", date=dt.date(2016, 9, 19), new_event_title="UN Summit 2016")
    assert before.title == "Plenary" and before.override is None
    # A changed file makes the rescan rewrite that session from the names again.
    part1 = named_folder / "talks" / "Plenary part 1.mkv"
    os.utime(part1, (part1.stat().st_atime, part1.stat().st_mtime + 60))
    report = import_folder(catalog, named_folder, probe=probe_media)
    assert report.sessions_updated == 1
    s = _sessions(catalog)["Opening plenary"]
    assert (s.date, s.event_title, s.session_id) == (dt.date(2016, 9, 19), "UN Summit 2016", sid)
    assert [h.title for h in SqliteSearch(catalog).search("opening plenary")][:1] == ["Opening plenary"]
    fields = session_fields(catalog, sid)
    assert fields.override == {"title": "Opening plenary", "date": "2016-09-19", "event": fields.event_uid}


def test_remove_keeps_files_and_positions_a_rescan_does_not_bring_it_back_and_undo_restores(catalog, named_folder: Path) -> None:
    from vod_app.catalog.sessions_edit import remove_session, restore_session

    import_folder(catalog, named_folder, probe=probe_media)
    repo, users = CatalogRepository(catalog), UserStateRepository(catalog)
    council = repo.session_detail(_sessions(catalog)["Council"].session_id)
    uid = council.recordings[0].uid
    users.save_position(uid, 30_000, 90_000)
    counts = repo.counts()

    removed = remove_session(catalog, council.session_id)
    assert "Council" not in _sessions(catalog)
    assert all(Path(r.source).is_file() for r in council.recordings), "files untouched"
    assert users.position(uid) == 30_000
    rescan = import_folder(catalog, named_folder, probe=probe_media)
    assert "Council" not in _sessions(catalog)
    reasons = {Path(p).name: r for p, r in rescan.skipped}
    assert set(reasons) == {"afternoon.mkv", "morning.mkv"} and "removed" in reasons["morning.mkv"]

    restore_session(catalog, removed)
    assert repo.counts() == counts
    assert repo.session_detail(council.session_id) == council
    assert users.position(uid) == 30_000
    after = import_folder(catalog, named_folder, probe=probe_media)
    assert after.skipped == [] and after.unchanged_files == 8


def test_catalog_file_sessions_cannot_be_edited_or_removed(loaded_catalog) -> None:
    from vod_app.catalog.sessions_edit import SessionEditError, edit_session, remove_session

    sid = CatalogRepository(loaded_catalog).session_id_for_uid("iom-idm-2017-04-18-panels-2-3")
    with pytest.raises(SessionEditError, match="catalog file"):
        edit_session(loaded_catalog, sid, title="x", date=None)
    with pytest.raises(SessionEditError, match="catalog file"):
        remove_session(loaded_catalog, sid)
    with pytest.raises(SessionEditError, match="title: must not be empty"):
        edit_session(loaded_catalog, sid, title="  ", date=None)


def test_schema_0002_upgrades_and_keeps_state_while_folders_are_edited(tmp_path: Path, named_folder: Path) -> None:
    from vod_app.catalog.database import open_catalog
    from vod_app.catalog.sessions_edit import edit_session, remove_session

    db = tmp_path / "old.sqlite3"
    shutil.copy(ROOT / "tests" / "fixtures" / "db" / "schema-0002.sqlite3", db)
    catalog = open_catalog(f"sqlite:///{db}", backups_dir=tmp_path / "backups")
    try:
        import_folder(catalog, named_folder, probe=probe_media)
        sessions = _sessions(catalog)
        edit_session(catalog, sessions["Keynote"].session_id, title="Keynote speech", date=dt.date(2018, 3, 2))
        remove_session(catalog, sessions["Council"].session_id)
        users = UserStateRepository(catalog)
        assert users.position("iom-idm-2017-04-18-panels-2-3-rec") == 42_000
        assert [b.note for b in users.bookmarks()] == ["Panel 3 starts"]
        assert _sessions(catalog)["Keynote speech"].date == dt.date(2018, 3, 2)
    finally:
        catalog.dispose()


def test_an_edit_or_removal_made_while_a_scan_probes_is_not_overwritten(catalog, named_folder: Path) -> None:
    """The app edits while the command line rescans the same catalog: the person's change wins."""
    from vod_app.catalog.sessions_edit import edit_session, remove_session

    import_folder(catalog, named_folder, probe=probe_media)
    sessions = _sessions(catalog)
    plenary, council = sessions["Plenary"].session_id, sessions["Council"].session_id
    for f in (named_folder / "talks" / "Plenary part 1.mkv", named_folder / "2019-05-10 Council" / "morning.mkv"):
        os.utime(f, (f.stat().st_atime, f.stat().st_mtime + 60))  # both sessions get rewritten
    done: list[str] = []

    def probe_while_the_app_edits(src: str):  # noqa: ANN202
        if not done:
            edit_session(catalog, plenary, title="Opening plenary", date=dt.date(2016, 9, 19))
            remove_session(catalog, council)
            done.append(src)
        return probe_media(src)

    report = import_folder(catalog, named_folder, probe=probe_while_the_app_edits)
    titles = _sessions(catalog)
    assert "Council" not in titles and titles["Opening plenary"].date == dt.date(2016, 9, 19)
    assert {Path(p).name for p, _r in report.skipped} == {"morning.mkv", "afternoon.mkv"}


def test_a_rewritten_group_keeps_the_recordings_whose_files_disappeared(catalog, named_folder: Path) -> None:
    import_folder(catalog, named_folder, probe=probe_media)
    repo, users = CatalogRepository(catalog), UserStateRepository(catalog)
    sid = _sessions(catalog)["Plenary"].session_id
    gone = repo.session_detail(sid).recordings[1]  # part 2
    users.save_position(gone.uid, 12_000, 90_000)
    os.remove(gone.source)
    part1 = named_folder / "talks" / "Plenary part 1.mkv"
    os.utime(part1, (part1.stat().st_atime, part1.stat().st_mtime + 60))  # the group is rewritten

    report = import_folder(catalog, named_folder, probe=probe_media)
    assert report.missing == [gone.source] and report.sessions_updated == 1
    detail = repo.session_detail(sid)
    assert [r.title for r in detail.recordings] == ["Plenary part 1", "Plenary (3)", "Plenary part 2"]
    kept = next(r for r in detail.recordings if r.uid == gone.uid)
    assert kept.duration_ms == gone.duration_ms and kept.audio_tracks == gone.audio_tracks
    assert users.position(gone.uid) == 12_000
    assert repo.counts()["recordings"] == 8


def test_a_file_gets_the_same_date_whichever_of_its_folders_is_added(catalog, named_folder: Path) -> None:
    import_folder(catalog, named_folder / "IDM 10 May 2017" / "day", probe=probe_media)
    assert _sessions(catalog)["Opening"].date == dt.date(2017, 5, 10)
    again = import_folder(catalog, named_folder, probe=probe_media)
    assert again.unchanged_files == 1 and _sessions(catalog)["Opening"].date == dt.date(2017, 5, 10)


def test_remove_and_undo_keep_search_in_step(catalog, media_folder: Path, tmp_path: Path) -> None:
    from vod_app.catalog.sessions_edit import remove_session, restore_session

    work = tmp_path / "copy"
    shutil.copytree(media_folder, work, ignore=shutil.ignore_patterns("folder.mkv"))
    import_folder(catalog, work, probe=probe_media)
    search = SqliteSearch(catalog)
    [hit] = search.search("migracion")
    removed = remove_session(catalog, hit.session_id)
    assert search.search("migracion") == [] and search.search("opening session") == []
    restore_session(catalog, removed)
    assert search.search("migracion") == [hit]
    assert [h.session_id for h in search.search("opening session")] == [hit.session_id]

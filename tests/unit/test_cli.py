"""The command line as people and scripts use it: exit codes, JSON, one-line errors, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, home: Path, check: bool = False) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "VOD_APP_HOME": str(home)}
    env.pop("VOD_APP_DB", None)
    proc = subprocess.run([sys.executable, "-m", "vod_app", *args], capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)
    assert "Traceback" not in proc.stderr, proc.stderr
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli-home")


def test_fresh_install_seeds_builtin_catalog_and_recent_lists_it(home: Path) -> None:
    out = json.loads(run("recent", "--json", home=home, check=True).stdout)
    real = [r for r in out if not r["sample"]]
    assert real[0]["session_id"] == "iom-idm-2017-04-18-panels-2-3"
    assert real[0]["date"] == "2017-04-18"
    assert set(real[0]["languages"]) >= {"en", "fr", "es"}


def test_search_global_compact_returns_panel_2_session_first(home: Path) -> None:
    hits = json.loads(run("search", "global compact", "--json", home=home, check=True).stdout)
    assert hits[0]["session_id"] == "iom-idm-2017-04-18-panels-2-3"
    assert {"kind", "session_id", "title", "snippet"} <= set(hits[0])


def test_search_migracion_in_spanish(home: Path) -> None:
    hits = json.loads(run("search", "migracion", "--lang", "es", "--json", home=home, check=True).stdout)
    assert hits and any("migración" in h["snippet"].replace("<b>", "").replace("</b>", "").lower() for h in hits)


def test_search_cue_hits_carry_recording_and_time(home: Path) -> None:
    hits = json.loads(run("search", "whole-of-government", "--json", "--limit", "50", home=home, check=True).stdout)
    cues = [h for h in hits if h["kind"] == "cue"]
    assert cues and {"recording_id", "start_ms"} <= set(cues[0])


def test_hostile_search_exits_0(home: Path) -> None:
    assert run("search", '"NEAR(( e-mail 10:30 c++', home=home).returncode == 0


def test_import_twice_is_identical_and_broken_file_changes_nothing(home: Path, tmp_path: Path) -> None:
    db = home / "data" / "catalog.sqlite3"
    run("import", str(ROOT / "data" / "catalog.json"), home=home, check=True)
    first = run("show", "iom-idm-2017-04-18-panels-2-3", "--json", home=home, check=True).stdout
    report = json.loads(run("import", str(ROOT / "data" / "catalog.json"), "--json", home=home, check=True).stdout)
    assert report["sessions_added"] == report["sessions_updated"] == 0
    assert run("show", "iom-idm-2017-04-18-panels-2-3", "--json", home=home, check=True).stdout == first
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "vod-app-catalog", "version": 1, "sessions": [{"id": "x", "title": 3}]}', "utf-8")
    size_before = db.stat().st_size
    proc = run("import", str(bad), home=home)
    assert proc.returncode == 1
    first_line = proc.stderr.splitlines()[0]
    assert str(bad) in first_line and "$.sessions[0].title" in first_line
    assert db.stat().st_size == size_before
    assert run("show", "x", home=home).returncode == 1


def test_show_unknown_and_usage_errors(home: Path) -> None:
    proc = run("show", "no-such-session", home=home)
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1
    assert run("search", home=home).returncode == 2
    assert run("recent", "-n", "0", home=home).returncode == 1
    assert run("frobnicate", home=home).returncode in (1, 2)


def test_db_commands(home: Path) -> None:
    check = json.loads(run("db", "check", "--json", home=home, check=True).stdout)
    assert check["ok"] and check["counts"]["sessions"] >= 1
    assert json.loads(run("db", "upgrade", "--json", home=home, check=True).stdout)["revision"]
    backup = Path(json.loads(run("db", "backup", "--json", home=home, check=True).stdout)["backup"])
    assert backup.exists() and backup.stat().st_size > 0


def test_db_url_override_and_unusable_database(tmp_path: Path, home: Path) -> None:
    url = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    assert run("--db", url, "recent", home=home, check=True).stdout
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not sqlite" * 100)
    proc = run("--db", f"sqlite:///{junk}", "recent", home=home)
    assert proc.returncode == 1 and str(junk) in proc.stderr


# ---------------------------------------------------------------- issue 9, item 14: daily use


def test_a_closed_pipe_ends_the_command_quietly(home: Path, tmp_path: Path) -> None:
    # `vod-app captions big.srt | head -1`: the reader goes away after one line.
    big = tmp_path / "big.srt"
    big.write_text("".join(f"{i}\n00:00:{i % 60:02d},000 --> 00:00:{i % 60:02d},500\nline {i}\n\n" for i in range(1, 20_000)), "utf-8")
    env = {**os.environ, "VOD_APP_HOME": str(home)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "vod_app", "captions", str(big)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline().strip().endswith(b"line 1")
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0
    assert stderr == ""


@pytest.mark.parametrize("words", [["-2017"], ["--", "-2017"], ["-foo"], ["global", "-compact"], ["--", "--json"]])
def test_any_text_is_a_query_even_with_a_leading_dash(home: Path, words: list[str]) -> None:
    proc = run("search", "--json", *words, home=home)
    assert proc.returncode == 0, proc.stderr
    assert isinstance(json.loads(proc.stdout), list)


def test_unquoted_words_are_one_query(home: Path) -> None:
    quoted = run("search", "global compact", "--json", home=home, check=True).stdout
    assert run("search", "global", "compact", "--json", home=home, check=True).stdout == quoted


def test_empty_query_says_it_needs_text(home: Path) -> None:
    for query in ("", "   "):
        proc = run("search", query, home=home)
        assert proc.returncode == 2
        assert proc.stderr.count("\n") == 1 and "needs some text" in proc.stderr


@pytest.mark.parametrize("command", [["search", "migration"], ["recent"], ["show", "iom-idm-2017-04-18-panels-2-3"]])
def test_unknown_lang_lists_the_catalogs_languages(home: Path, command: list[str]) -> None:
    proc = run(*command, "--lang", "xx", home=home)
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "'xx'" in proc.stderr and "en, es, fr" in proc.stderr
    assert run(*command, "--lang", "ES", home=home).returncode == 0


def _printable_ascii(text: str) -> bool:
    return all(ch == "\n" or " " <= ch <= "~" for ch in text)


def test_captions_on_a_media_file_says_so_without_raw_bytes(home: Path) -> None:
    mkv = ROOT / "data" / "media" / "idm2017-panel-2-3.mkv"
    proc = run("captions", str(mkv), home=home)
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr == (
        f"vod-app: {mkv}: this is a media file (Matroska/WebM), not a caption file (try 'vod-app probe {mkv}')\n"
    )


def test_control_characters_are_escaped_in_output_and_messages(home: Path, tmp_path: Path) -> None:
    vtt = tmp_path / "evil.vtt"
    vtt.write_text("WEBVTT\n\n00:01.000 --> 00:02.000\nred \x1b[31malert\x07 \u202eevil\n", "utf-8")
    proc = run("captions", str(vtt), home=home, check=True)
    assert "red \\x1b[31malert\\x07 \\u202eevil" in proc.stdout
    assert json.loads(run("captions", str(vtt), "--json", home=home, check=True).stdout)[0]["text"].startswith("red \x1b")
    missing = tmp_path / "no\x1b[2Jsuch.srt"
    proc = run("captions", str(missing), home=home)
    assert proc.returncode == 1 and "no\\x1b[2Jsuch.srt" in proc.stderr and "\x1b" not in proc.stderr


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "bad.vtt",
            "WEBVTT\n\n00:05.000 --> 00:01.000\nbackwards\n\nno timing here\n\n00:06.000 --> 00:07.000\nfine\n",
            ["line 3: cue ends before it starts", "line 6: text without a timing line ignored: 'no timing here'"],
        ),
        (
            "bad.srt",
            "1\n00:00:05,000 --> 00:00:01,000\nbackwards\n\n2\n00:00:0x,000 --> 00:00:06,000\nlost\n\n3\n00:00:06,000 --> 00:00:07,000\nfine\n",
            ["line 2: cue ends before it starts", "line 6: bad timing line"],
        ),
    ],
)
def test_bad_cues_are_warnings_with_line_numbers(home: Path, tmp_path: Path, name: str, content: str, expected: list[str]) -> None:
    path = tmp_path / name
    path.write_text(content, "utf-8")
    proc = run("captions", str(path), "--json", home=home, check=True)
    assert [c["text"] for c in json.loads(proc.stdout)] == ["backwards", "fine"]
    warnings = proc.stderr.splitlines()
    assert len(warnings) == len(expected)
    for line, part in zip(warnings, expected, strict=True):
        assert line.startswith(f"vod-app: warning: {path}: ") and part in line


def test_chapters_refuses_a_caption_file_but_reads_a_chapters_track(home: Path, tmp_path: Path) -> None:
    captions = ROOT / "data" / "media" / "idm2017-panel-2-3.en.vtt"
    proc = run("chapters", str(captions), home=home)
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "not a chapters file" in proc.stderr
    srt = tmp_path / "talk.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:02,000\nHello\n", "utf-8")
    proc = run("chapters", str(srt), home=home)
    assert proc.returncode == 1 and "SRT caption file" in proc.stderr
    track = tmp_path / "talk.chapters.vtt"
    track.write_text("WEBVTT\n\n00:00.000 --> 00:03.000\nIntro\n\n00:03.000 --> 00:09.000\nTalk\n", "utf-8")
    out = json.loads(run("chapters", str(track), "--json", home=home, check=True).stdout)
    assert [(c["start_ms"], c["title"]) for c in out] == [(0, "Intro"), (3000, "Talk")]


@pytest.mark.parametrize(
    ("description", "why"),
    [
        ("Recorded in Geneva.\n", "no line starts or ends with a timestamp"),
        ("0:00 Opening\n12:30 Panel 2\n", "only 2 timestamped lines"),
        ("09:00 Registration\n09:30 Opening\n10:00 Panel 2\n", "agenda of clock times"),
    ],
)
def test_chapters_says_why_it_found_none(home: Path, tmp_path: Path, description: str, why: str) -> None:
    path = tmp_path / "description.txt"
    path.write_text(description, "utf-8")
    proc = run("chapters", str(path), "--json", home=home, check=True)
    assert json.loads(proc.stdout) == []
    assert proc.stderr.startswith(f"vod-app: {path}: no chapters: ") and why in proc.stderr


def test_chapters_lists_an_untitled_lead_in(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "description.txt"
    path.write_text("(0:36) Welcome\n(4:12) Opening remarks\n(21:05) Panel 2\n", "utf-8")
    proc = run("chapters", str(path), "--duration", "1800", home=home, check=True)
    assert proc.stdout.splitlines() == ["   0:00  (untitled lead-in)", "   0:36  Welcome", "   4:12  Opening remarks", "  21:05  Panel 2"]


def test_counts_use_english_plurals(home: Path, tmp_path: Path) -> None:
    doc = {"format": "vod-app-catalog", "version": 1, "sessions": [{"id": "plural-1", "title": "One", "date": "2020-01-02"}]}
    path = tmp_path / "one.json"
    path.write_text(json.dumps(doc), "utf-8")
    out = run("import", str(path), home=home, check=True).stdout
    assert out == f"{path}: 1 session added, 0 updated, 0 unchanged; 0 events; 0 caption cues\n"


def test_help_says_that_no_command_opens_the_window(home: Path) -> None:
    out = " ".join(run("--help", home=home, check=True).stdout.split())
    assert "with no command to open the window" in out and "none of them opens the window" in out
    for option in ("--open SESSION", "vod://LINK", "--headless-playback", "--version", "--diagnose"):
        assert option in out, option  # the window's own options are listed too


def test_a_media_file_with_any_known_suffix_is_probed_not_read_as_text(home: Path, tmp_path: Path) -> None:
    # .mts (AVCHD) is a recording for the folder import; `chapters` must treat it as one too.
    clip = tmp_path / "camera.mts"
    clip.write_bytes(b"\x00" * 4096)
    proc = run("chapters", str(clip), "--json", home=home)
    assert proc.returncode == 1 and "camera.mts" in proc.stderr and proc.stdout == ""


def test_recovery_report_counts_use_english_plurals(tmp_path: Path) -> None:
    from vod_app.catalog.recovery import RecoveryReport

    db = tmp_path / "catalog.sqlite3"
    report = RecoveryReport(
        db_path=db,
        kept_aside=[tmp_path / "catalog.sqlite3.damaged"],
        catalog_from="built-in catalog",
        user_state={"watch_state": 1, "bookmarks": 1, "preferences": 2, "relocations": 0},
        salvaged={"bookmarks": 1, "watch_state": 3},
    )
    lines = report.lines()  # what `db recover` prints
    assert lines[0].endswith("user state: 1 position, 1 bookmark, 2 settings, 0 relocated files")
    assert "read from the damaged file: 1 bookmark, 3 positions" in lines


@pytest.mark.parametrize(("name", "kind"), [("noise.srt", "an SRT"), ("noise.vtt", "a WebVTT"), ("noise.txt", None)])
def test_binary_garbage_is_named_not_quoted(home: Path, tmp_path: Path, name: str, kind: str | None) -> None:
    path = tmp_path / name
    path.write_bytes(bytes(range(256)) * 12)  # every byte value: what random or compressed data holds
    proc = run("chapters" if kind is None else "captions", str(path), home=home)
    assert proc.returncode == 1 and proc.stdout == "" and proc.stderr.count("\n") == 1
    expected = f"not {kind} file: binary data, not text" if kind else "binary data, not text"
    assert expected in proc.stderr and all(ch == "\n" or " " <= ch <= "~" for ch in proc.stderr), proc.stderr


def test_catalog_and_person_options_work_after_the_command_too(home: Path, tmp_path: Path) -> None:
    # `vod-app search x --db URL` used to search the default catalog for the words "--db URL x" and say
    # "no results"; `vod-app db check --db URL` was a usage error. Both places name the same catalog now.
    other = tmp_path / "other.sqlite3"
    url = f"sqlite:///{other}"
    before = json.loads(run("--db", url, "search", "global compact", "--json", home=home, check=True).stdout)
    after = json.loads(run("search", "global compact", "--json", "--db", url, home=home, check=True).stdout)
    assert before == after and before and other.exists()
    assert run("db", "check", "--db", url, home=home, check=True).stdout == run("--db", url, "db", "check", home=home, check=True).stdout
    # The value after the command wins; a missing value is a usage error naming the option.
    missing = run("recent", "--db", url, "--db", f"sqlite:///{tmp_path}/nowhere/x.db", home=home)
    assert missing.returncode == 1 and "nowhere" in missing.stderr
    bad = run("search", "x", "--db", home=home)
    assert bad.returncode == 2 and "--db" in bad.stderr
    # --user's value is not the command word: a dash-led query after it is still a query.
    proc = run("--user", "ana", "search", "-2017", "--json", home=home)
    assert proc.returncode == 0 and isinstance(json.loads(proc.stdout), list), proc.stderr
    assert run("notes", "list", "--user", "", home=home).returncode == 1

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

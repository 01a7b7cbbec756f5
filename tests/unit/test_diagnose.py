"""`vod-app --version` and `vod-app --diagnose`: run as the installed command runs (a subprocess)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def vod(*args: str, home: Path, db: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "VOD_APP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("VOD_APP_DB", None)
    if db:
        env["VOD_APP_DB"] = db
    return subprocess.run([sys.executable, "-m", "vod_app", *args], capture_output=True, text=True, env=env, timeout=120)


def test_version_is_one_line_with_the_package_version(tmp_path: Path) -> None:
    from vod_app.diagnose import app_version

    r = vod("--version", home=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout == f"vod-app {app_version()}\n"
    assert not (tmp_path / "data").exists()  # no catalog, no window


def test_diagnose_names_versions_paths_and_the_catalog_without_private_parts(tmp_path: Path) -> None:
    seeded = vod("import", str(ROOT / "data" / "catalog.json"), home=tmp_path)
    assert seeded.returncode == 0, seeded.stderr
    db = tmp_path / "data" / "catalog.sqlite3"
    before = db.stat().st_mtime_ns
    r = vod("--diagnose", home=tmp_path)
    assert r.returncode == 0, r.stderr
    out = r.stdout
    for key in ("Python", "Qt", "libvlc", "SQLite", "data folder", "catalog schema", "catalog sessions"):
        assert key in out, out
    assert "3.0." in out.split("libvlc", 1)[1].splitlines()[0]  # libvlc's real version, not "unavailable"
    assert str(db) in out
    assert db.stat().st_mtime_ns == before  # read-only


def test_diagnose_hides_the_home_folder_and_server_credentials(tmp_path: Path) -> None:
    from vod_app.diagnose import private

    assert private(Path.home() / "x" / "catalog.sqlite3") == str(Path("~") / "x" / "catalog.sqlite3")
    r = vod("--diagnose", home=tmp_path, db="postgresql+psycopg://alice:s3cret@db.example.org/vod")
    assert r.returncode == 0, r.stderr
    assert "s3cret" not in r.stdout and "alice" not in r.stdout and "example.org" not in r.stdout
    assert "postgresql server" in r.stdout


def test_diagnose_with_extra_arguments_is_a_usage_error(tmp_path: Path) -> None:
    r = vod("--diagnose", "nonsense", home=tmp_path)
    assert r.returncode == 2 and r.stderr.startswith("vod-app:") and "Traceback" not in r.stderr


def test_a_bad_media_root_in_the_environment_is_a_warning_naming_it_and_the_rest_applies(tmp_path: Path) -> None:
    env_roots = "/srv/ok/=/mnt/ok;/srv/cam=rtsp://cam.example.org/"
    env = {**os.environ, "VOD_APP_HOME": str(tmp_path), "VOD_APP_MEDIA_ROOTS": env_roots}
    env.pop("VOD_APP_DB", None)
    r = subprocess.run([sys.executable, "-m", "vod_app", "recent"], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "warning: VOD_APP_MEDIA_ROOTS" in r.stderr and "rtsp" in r.stderr and "left out" in r.stderr
    assert "International Dialogue on Migration 2017" in r.stdout
    d = subprocess.run([sys.executable, "-m", "vod_app", "--diagnose"], capture_output=True, text=True, env=env, timeout=120)
    line = next(x for x in d.stdout.splitlines() if x.startswith("media roots"))
    assert "1; 1 invalid, left out" in line and "cam.example.org" not in line

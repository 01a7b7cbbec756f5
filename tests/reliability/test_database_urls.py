"""``--db`` and ``VOD_APP_DB``: a clear line for a wrong folder, a wrong URL or a missing driver.

Only the default catalog (the user data folder, or VOD_APP_HOME) gets its folders created: a
catalog named elsewhere in a folder that does not exist used to be created silently, folders and all
(a typo made a new, empty catalog somewhere unexpected).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .processes import env_for, one_line_error, vod_app


def test_db_in_a_missing_folder_names_it_and_creates_nothing(home: Path, tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "sub" / "catalog.sqlite3"
    for args in (("recent",), ("import", "data/catalog.json"), ("db", "upgrade")):
        line = one_line_error(vod_app("--db", f"sqlite:///{target}", *args, home=home))
        assert f"the folder {target.parent} does not exist" in line, (args, line)
    assert not (tmp_path / "no such folder").exists()


def test_vod_app_db_in_a_missing_folder_is_refused_too(home: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    from .processes import ROOT

    target = tmp_path / "missing" / "catalog.sqlite3"
    proc = subprocess.run(
        [sys.executable, "-m", "vod_app", "recent"], capture_output=True, text=True, timeout=120, cwd=ROOT,
        env={**env_for(home), "VOD_APP_DB": f"sqlite:///{target}"},
    )
    assert "does not exist" in one_line_error(proc)
    assert not target.parent.exists()


def test_the_default_catalog_gets_its_folders(tmp_path: Path) -> None:
    home = tmp_path / "fresh home"  # nothing there yet: a first start
    proc = vod_app("recent", "-n", "1", home=home)
    assert proc.returncode == 0 and proc.stdout.strip(), proc.stderr
    assert (home / "data" / "catalog.sqlite3").is_file()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("garbage", "'garbage' is not a database URL"),
        ("/home/me/catalog.sqlite3", "is not a database URL (a catalog file is sqlite:///PATH)"),
        # psycopg is installed (the PostgreSQL extra): a server that is not there is one clear line too
        ("postgresql+psycopg://me@127.0.0.1:1/vod", "postgresql+psycopg://me@127.0.0.1:1/vod: the catalog server cannot be reached"),
        ("postgresql+pg8000://me@localhost/vod", "the database driver 'pg8000' is not installed (pip install 'pg8000')"),
        ("mysql+pymysql://me@localhost/vod", "the database driver 'pymysql' is not installed (pip install 'PyMySQL')"),
        ("nosuchdb://me@localhost/vod", "unknown kind of database 'nosuchdb'"),
    ],
)
def test_bad_urls_and_missing_drivers_are_one_clear_line(url: str, expected: str, home: Path) -> None:
    for args in (("recent",), ("db", "check")):
        line = one_line_error(vod_app("--db", url, *args, home=home))
        assert expected in line, (args, line)
        assert "internal error" not in line


def test_window_names_a_bad_url(qtbot) -> None:  # noqa: ANN001
    from vod_app.app import AppShell

    told: list[str] = []
    shell = AppShell("garbage", headless_playback=True, ask=lambda *a: True, tell=lambda kind, text, parent=None: told.append(text))
    assert shell.open() is False
    assert len(told) == 1 and "'garbage' is not a database URL" in told[0], told

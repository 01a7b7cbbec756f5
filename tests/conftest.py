"""Shared fixtures: every test runs against real SQLite files in a temporary folder."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads or writes the real user folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("VOD_APP_HOME", str(home))
    monkeypatch.delenv("VOD_APP_DB", raising=False)
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    return home


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'catalog.sqlite3'}"


@pytest.fixture
def catalog(db_url: str, tmp_path: Path) -> Iterator[object]:
    from vod_app.catalog.database import open_catalog

    cat = open_catalog(db_url, backups_dir=tmp_path / "backups")
    yield cat
    cat.dispose()


@pytest.fixture
def builtin_copy(tmp_path: Path) -> Path:
    """A copy of the built-in catalog with its media folder (tests may edit it)."""
    dest = tmp_path / "builtin"
    dest.mkdir()
    shutil.copy(DATA / "catalog.json", dest / "catalog.json")
    (dest / "media").mkdir()
    for f in (DATA / "media").glob("*.vtt"):
        shutil.copy(f, dest / "media" / f.name)
    mkv = DATA / "media" / "idm2017-panel-2-3.mkv"
    if mkv.exists():
        (dest / "media" / mkv.name).symlink_to(mkv)
    return dest / "catalog.json"


@pytest.fixture
def loaded_catalog(catalog: object) -> object:
    from vod_app.catalog.importer import import_catalog_file

    import_catalog_file(catalog, DATA / "catalog.json")  # type: ignore[arg-type]
    return catalog

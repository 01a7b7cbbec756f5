"""Reliability tests: bad input, crashes, two instances, untrusted catalogs (docs/reliability.md)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def home(_isolated_home: Path) -> Path:
    return _isolated_home


@pytest.fixture
def db(home: Path) -> Path:
    """The default catalog of this test's VOD_APP_HOME, with content and user state."""
    from .catalogs import make_catalog_db

    path = home / "data" / "catalog.sqlite3"
    path.parent.mkdir(parents=True)
    return make_catalog_db(path)

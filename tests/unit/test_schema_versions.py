"""The start-up's schema check: the head revision known without importing Alembic."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from vod_app.catalog.schema_versions import SCHEMA_HEAD, head_revision, script_head

ROOT = Path(__file__).resolve().parents[2]


def test_schema_head_constant_is_alembics_head() -> None:
    # A new migration moves Alembic's head: move SCHEMA_HEAD with it (the first paint compares a
    # catalog's alembic_version with it, and anything else goes the normal way through Alembic).
    assert SCHEMA_HEAD == head_revision() == script_head()


def test_file_checks_import_no_sqlalchemy_or_alembic() -> None:
    code = (
        "import sys\n"
        "import vod_app.catalog.sqlite_files, vod_app.catalog.errors, vod_app.catalog.schema_versions\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip() == "[]"

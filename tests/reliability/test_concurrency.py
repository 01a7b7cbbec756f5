"""Two instances on one catalog: imports and position saves at the same time, nothing lost."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .catalogs import generated_catalog, integrity, make_catalog_db, write_catalog
from .processes import HERE, ROOT, env_for

SECONDS = 30
SESSIONS = 1000
LONG_IMPORT_S = 14  # longer than the 10 s busy timeout


@pytest.fixture(scope="module")
def catalogs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("concurrency")
    return [write_catalog(folder / f"{e}.json", generated_catalog(SESSIONS, e)) for e in ("a", "b")]


def test_two_instances_import_and_save_positions_for_30_seconds(tmp_path: Path, catalogs: list[Path]) -> None:
    db = make_catalog_db(tmp_path / "catalog.sqlite3", n_sessions=0)
    url = f"sqlite:///{db}"
    procs = {
        tag: subprocess.Popen(
            [sys.executable, str(HERE / "instance_worker.py"), url, tag, str(SECONDS), str(LONG_IMPORT_S if tag == "one" else 0), *(catalogs if tag == "one" else catalogs[::-1])],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env_for(tmp_path),
            cwd=ROOT,
        )
        for tag in ("one", "two")
    }
    reports = {}
    for tag, proc in procs.items():
        out, err = proc.communicate(timeout=SECONDS + 180)
        assert proc.returncode == 0, err
        reports[tag] = json.loads(out)
    print(json.dumps(reports, indent=1))
    import sqlite3

    with sqlite3.connect(db) as conn:
        for tag, report in reports.items():
            assert report["save_errors"] == [], report["save_errors"][:3]
            assert report["import_errors"] == [], report["import_errors"][:3]
            assert report["read_mismatches"] == 0
            assert report["imports"] >= 2 and report["saved"] >= 100
            rows = dict(conn.execute("SELECT recording_uid, position_ms FROM watch_state WHERE recording_uid LIKE ?", (f"{tag}-%",)))
            assert len(rows) == report["saved"], "a saved position was lost"
            assert all(rows[f"{tag}-{i}"] == 1000 * i + 7 for i in range(report["saved"]))
    conn.close()
    assert integrity(db) == ["ok"]
    # The long import really held the lock past the busy timeout, and the others waited it out.
    assert reports["one"]["long_import_s"] >= LONG_IMPORT_S
    assert max(r["slowest_save_s"] for r in reports.values()) > 10

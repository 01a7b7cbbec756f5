"""A damaged, foreign, newer, read-only or full catalog database: a clear message, nothing lost.

Each case runs the command line as a person would (one line on stderr, exit 1, no traceback) and
checks the file afterwards. See docs/reliability.md for the table.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from vod_app.catalog.database import CorruptDatabaseError, open_catalog
from vod_app.catalog.repository import CatalogRepository
from vod_app.catalog.user_state import UserStateRepository

from .catalogs import (
    REC_UID,
    flip_page,
    generated_catalog,
    integrity,
    page_of,
    user_state,
    write_catalog,
)
from .processes import ROOT, env_for, one_line_error, vod_app


def test_random_bytes_are_refused_untouched(home: Path) -> None:
    db = home / "data" / "catalog.sqlite3"
    db.parent.mkdir(parents=True)
    db.write_bytes(os.urandom(64 * 1024))
    before = db.read_bytes()
    line = one_line_error(vod_app("recent", home=home))
    assert str(db) in line and "not a SQLite database" in line and "db recover" in line
    line = one_line_error(vod_app("db", "check", home=home))
    assert "not a SQLite database" in line and "db recover" in line
    assert db.read_bytes() == before


def test_truncated_file_is_reported_as_damaged_untouched(db: Path, home: Path) -> None:
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptDatabaseError, match="damaged"):
        open_catalog(f"sqlite:///{db}")
    line = one_line_error(vod_app("recent", home=home))
    assert str(db) in line and "damaged" in line and "db recover" in line
    assert db.read_bytes() == data[: len(data) // 2]


def test_flipped_page_fails_the_integrity_check_and_queries_name_the_damage(db: Path, home: Path) -> None:
    flip_page(db, page_of(db, "sessions"))
    before = db.read_bytes()
    proc = vod_app("db", "check", "--json", home=home)
    line = one_line_error(proc)
    assert "integrity check failed" in line or "damaged" in line
    assert "db recover" in line
    # A query that reaches the damaged page: the catalog's own error, not a SQLAlchemy dump.
    catalog = open_catalog(f"sqlite:///{db}")
    try:
        with pytest.raises(CorruptDatabaseError, match=r"damaged.*db recover"):
            CatalogRepository(catalog).sessions(limit=100_000)
    finally:
        catalog.dispose()
    line = one_line_error(vod_app("recent", "-n", "100000", home=home))
    assert "damaged" in line
    assert integrity(db) != ["ok"]
    assert db.read_bytes() == before  # reported, never "repaired" behind the user's back


def test_zero_byte_file_becomes_an_empty_catalog(home: Path) -> None:
    db = home / "data" / "catalog.sqlite3"
    db.parent.mkdir(parents=True)
    db.touch()
    proc = vod_app("recent", "--json", home=home)
    assert proc.returncode == 0 and '"session_id"' in proc.stdout  # seeded with the built-in catalog


def test_directory_in_place_of_the_file(home: Path) -> None:
    db = home / "data" / "catalog.sqlite3"
    db.mkdir(parents=True)
    (db / "keep.txt").write_text("mine")
    line = one_line_error(vod_app("recent", home=home))
    assert "is a directory" in line
    assert (db / "keep.txt").read_text() == "mine"


def test_newer_schema_is_refused_and_left_untouched_even_by_recover(db: Path, home: Path) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    before = db.read_bytes()
    for args in (("recent",), ("import", str(ROOT / "data" / "catalog.json")), ("db", "upgrade"), ("db", "recover")):
        line = one_line_error(vod_app(*args, home=home))
        assert "newer version" in line, args
    assert db.read_bytes() == before
    assert not list(db.parent.glob("*.damaged-*"))


def test_read_only_file_reads_and_refuses_writes_clearly(db: Path, home: Path, tmp_path: Path) -> None:
    new = write_catalog(tmp_path / "new.json", generated_catalog(5, "b"))
    db.chmod(0o444)
    try:
        before = db.read_bytes()
        proc = vod_app("recent", "-n", "3", home=home, unprivileged=True)
        assert proc.returncode == 0 and proc.stdout.strip()
        line = one_line_error(vod_app("import", str(new), home=home, unprivileged=True))
        assert str(db) in line and "read-only" in line
        assert db.read_bytes() == before
    finally:
        db.chmod(0o644)
    catalog = open_catalog(f"sqlite:///{db}")
    try:
        assert UserStateRepository(catalog).position(REC_UID) == 42_000
    finally:
        catalog.dispose()


def test_read_only_folder_is_named_in_one_line(db: Path, home: Path, tmp_path: Path) -> None:
    new = write_catalog(tmp_path / "new.json", generated_catalog(5, "b"))
    state = user_state(db)
    for side in (Path(f"{db}-wal"), Path(f"{db}-shm")):  # a cleanly closed catalog has neither
        side.unlink(missing_ok=True)
    folder = db.parent
    folder.chmod(0o555)
    try:
        # No -shm can be made beside the file: reads and writes are refused, with the reason.
        for args in (("recent",), ("import", str(new))):
            line = one_line_error(vod_app(*args, home=home, unprivileged=True))
            assert str(db) in line and "read-only" in line and "folder" in line, line
    finally:
        folder.chmod(0o755)
    assert user_state(db) == state and integrity(db) == ["ok"]


def test_read_only_folder_with_existing_wal_still_works(db: Path, home: Path, tmp_path: Path) -> None:
    new = write_catalog(tmp_path / "new.json", generated_catalog(5, "b"))
    user_state(db)  # a reader leaves -wal and -shm beside the file
    assert Path(f"{db}-shm").exists()
    db.parent.chmod(0o555)
    try:
        proc = vod_app("import", str(new), home=home, unprivileged=True)
    finally:
        db.parent.chmod(0o755)
    # The catalog file is writable, so the import works; only the recovery snapshot (a new file
    # in the folder) cannot be made, and that is one warning line.
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines() == [line for line in proc.stderr.splitlines() if line.startswith("vod-app: warning: no user-state snapshot")]
    assert integrity(db) == ["ok"]


def _limit_file_size(limit: int):  # noqa: ANN202
    def apply() -> None:
        # Python ignores SIGXFSZ, so an over-long write fails with EFBIG (as on a full disk).
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_disk_full_during_import_changes_nothing(db: Path, home: Path, tmp_path: Path) -> None:
    assert signal.getsignal(signal.SIGXFSZ) == signal.SIG_IGN
    big = write_catalog(tmp_path / "big.json", generated_catalog(400, "b"))
    state, before = user_state(db), catalog_counts(db)
    # the WAL may grow to 256 KB; the import needs megabytes
    line = one_line_error(vod_app("import", str(big), home=home, preexec_fn=_limit_file_size(256 * 1024)))
    assert str(db) in line and "disk is full" in line and "nothing was changed" in line
    assert integrity(db) == ["ok"]
    assert catalog_counts(db) == before
    assert user_state(db) == state
    # and with room again, the same import works
    assert vod_app("import", str(big), home=home).returncode == 0


def catalog_counts(db: Path) -> dict[str, int]:
    catalog = open_catalog(f"sqlite:///{db}", upgrade=False)
    try:
        return CatalogRepository(catalog).counts()
    finally:
        catalog.dispose()


_WRITER = """
import sys, os
from vod_app.catalog.database import open_catalog
from vod_app.catalog.user_state import UserStateRepository
cat = open_catalog(sys.argv[1])
users = UserStateRepository(cat)
for i in range(50):
    users.save_position(f"wal-{i}", 1000 * i, 3_600_000)
print("saved", flush=True)
os.kill(os.getpid(), 9)  # no clean close: the positions live only in the -wal
"""


def test_wal_without_shm_keeps_every_committed_write(db: Path, tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-c", _WRITER, f"sqlite:///{db}"], capture_output=True, text=True, env=env_for(tmp_path), timeout=60)
    assert proc.stdout.strip() == "saved" and proc.returncode == -signal.SIGKILL
    wal, shm = Path(f"{db}-wal"), Path(f"{db}-shm")
    assert wal.exists() and wal.stat().st_size > 0
    # Copy the pair elsewhere without the -shm (as a backup tool or a sync service might)
    moved = tmp_path / "moved" / "catalog.sqlite3"
    moved.parent.mkdir()
    shutil.copyfile(db, moved)
    shutil.copyfile(wal, f"{moved}-wal")
    shm.unlink()
    for path in (db, moved):
        catalog = open_catalog(f"sqlite:///{path}")
        try:
            users = UserStateRepository(catalog)
            assert [users.position(f"wal-{i}") for i in range(50)] == [1000 * i for i in range(50)]
            assert users.position(REC_UID) == 42_000
        finally:
            catalog.dispose()
        assert integrity(path) == ["ok"]

"""Files that are not ours stay untouched: not one byte changes before vod-app has recognised a file.

Every command that takes ``--db``, and the window's start, on another program's SQLite database
(rollback journal and WAL mode), a newer vod-app's catalog, a catalog cut short and random bytes:
SHA-256 before and after, and no ``-wal``/``-shm`` left beside the file. ``db recover`` may keep a
damaged catalog aside (that is its job) but under another name, with the same bytes.

A 0-byte file is an empty SQLite database (what ``touch`` makes): the commands that use the catalog
turn it into one, as they do for a missing file; ``db check`` and ``db backup`` leave it alone.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from .catalogs import make_catalog_db
from .processes import ROOT, one_line_error, vod_app

COMMANDS: list[tuple[str, ...]] = [
    ("recent",),
    ("search", "migration"),
    ("show", "iom-idm-2017-04-18-panels-2-3"),
    ("import", str(ROOT / "data" / "catalog.json")),
    ("db", "upgrade"),
    ("db", "check"),
    ("db", "backup"),
    ("db", "recover"),  # last: on a damaged catalog it keeps the file aside
]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _foreign(path: Path, *, wal: bool) -> None:
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.executemany("INSERT INTO notes (body) VALUES (?)", [(f"note {i}",) for i in range(200)])
    conn.commit()
    conn.close()  # the last connection checkpoints and removes the -wal/-shm


def _newer(path: Path) -> None:
    make_catalog_db(path, n_sessions=20)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()


def _truncated(path: Path) -> None:
    make_catalog_db(path, n_sessions=200)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _random(path: Path) -> None:
    path.write_bytes(os.urandom(64 * 1024))


FILES: dict[str, tuple[Callable[[Path], None], str, bool]] = {
    # kind: (maker, words of the refusal, damaged: db recover keeps it aside)
    "foreign-sqlite": (lambda p: _foreign(p, wal=False), "no vod-app schema version", False),
    "foreign-wal": (lambda p: _foreign(p, wal=True), "no vod-app schema version", False),
    "newer-schema": (_newer, "newer version", False),
    "truncated-catalog": (_truncated, "damaged", True),
    "random-bytes": (_random, "not a SQLite database", True),
}


def _side_files(path: Path) -> list[Path]:
    return [p for p in (Path(f"{path}{s}") for s in ("-wal", "-shm", "-journal")) if p.exists()]


@pytest.mark.parametrize("kind", list(FILES))
def test_commands_leave_files_that_are_not_ours_untouched(kind: str, home: Path, tmp_path: Path) -> None:
    make, refusal, damaged = FILES[kind]
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    path = folder / "their.sqlite3"
    make(path)
    assert not _side_files(path)
    digest = _sha256(path)
    listing = sorted(p.name for p in folder.iterdir())
    for args in COMMANDS:
        proc = vod_app("--db", f"sqlite:///{path}", *args, home=home)
        if args == ("db", "recover") and damaged:
            assert proc.returncode == 0, proc.stderr
            kept = sorted(folder.glob("their.sqlite3.damaged-*"))
            assert len(kept) == 1, kept
            assert _sha256(kept[0]) == digest, "recover changed the damaged file it kept aside"
            assert not _side_files(kept[0])
            return
        if args == ("db", "check"):
            assert proc.returncode == 1, (args, proc.stdout, proc.stderr)
            assert refusal in proc.stderr, (args, proc.stderr)
        else:
            line = one_line_error(proc)
            assert refusal in line, (args, line)
        assert _sha256(path) == digest, f"'{' '.join(args)}' changed {kind}"
        assert not _side_files(path), f"'{' '.join(args)}' left {_side_files(path)}"
        assert sorted(p.name for p in folder.iterdir()) == listing, args


@pytest.mark.parametrize("kind", list(FILES))
def test_window_start_leaves_files_that_are_not_ours_untouched(kind: str, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from vod_app.app import AppShell

    make, refusal, damaged = FILES[kind]
    path = tmp_path / "their.sqlite3"
    make(path)
    digest = _sha256(path)
    listing = sorted(p.name for p in tmp_path.iterdir())
    asked: list[str] = []
    told: list[str] = []
    shell = AppShell(
        f"sqlite:///{path}", headless_playback=True,
        ask=lambda error, parent=None: asked.append(error) or False,  # Quit
        tell=lambda kind_, text, parent=None: told.append(text),
    )
    assert shell.open() is False
    assert shell.window is None
    said = asked if damaged else told  # a damaged catalog is offered for Rebuild; others are refused
    assert len(said) == 1 and refusal in said[0], (asked, told)
    assert _sha256(path) == digest
    assert not _side_files(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == listing


def test_zero_byte_file_becomes_a_catalog_but_check_and_backup_leave_it(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "touched.sqlite3"
    path.touch()
    for args in (("db", "check"), ("db", "backup")):
        proc = one_line_error(vod_app("--db", f"sqlite:///{path}", *args, home=home))
        assert "no catalog" in proc, (args, proc)
        assert path.stat().st_size == 0 and not _side_files(path)
    assert not (tmp_path / "backups").exists()
    proc = vod_app("--db", f"sqlite:///{path}", "recent", home=home)
    assert proc.returncode == 0 and "International Dialogue on Migration" in proc.stdout, proc.stderr

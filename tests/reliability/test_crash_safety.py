"""SIGKILL during an import, at seeded points: the catalog is whole, before or after, never between.

Each kill lands just before one SQL statement of the import (an insert, a delete, its COMMIT)
or of the user-state snapshot after it, chosen from a seed: the same seed kills at the same
statements, so a failure replays exactly (``VOD_APP_CRASH_SEED=<seed>``), and what each kill must
leave (before / after / finished) follows from where it lands, not from timing.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from .catalogs import generated_catalog, integrity, make_catalog_db, user_state, write_catalog
from .processes import HERE, ROOT, env_for, vod_app

KILLS = 20
SESSIONS = 800  # an update import of these runs ~36,000 statements (and ~28,000 trigger steps)


def _edition(db: Path) -> set[str]:
    """Which catalog file the generated sessions come from: {'a'}, {'b'}, or a mix (a torn import)."""
    with sqlite3.connect(db) as conn:
        titles = conn.execute(
            "SELECT t.title FROM texts AS t JOIN sessions AS s ON t.owner_kind = 'session' AND t.owner_id = s.id "
            "WHERE s.uid LIKE 'gen-%' AND t.lang = 'en'"
        ).fetchall()
    conn.close()
    return {title[-2] for (title,) in titles}  # "Session 12 on labour (a)"


def _counts(db: Path) -> dict[str, int]:
    tables = ("sessions", "panels", "recordings", "chapters", "audio_tracks", "texts", "texts_fts", "session_languages", "events")
    with sqlite3.connect(db) as conn:
        out = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    conn.close()
    return out


def _import(path: Path, home: Path, kill_at: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(HERE / "import_killer.py"), str(kill_at), str(path)],
        capture_output=True, text=True, env=env_for(home), cwd=ROOT, timeout=300,
    )


def _plan(statements: list[str]) -> tuple[int, int]:
    """(the 1-based number of the import's COMMIT, how many statements the whole run has).

    The import is one transaction, by far the longest: its COMMIT ends the longest BEGIN..COMMIT run.
    """
    best, begin, commit_at = -1, None, 0
    for i, kind in enumerate(statements, 1):
        if kind == "BEGIN":
            begin = i
        elif kind == "COMMIT" and begin is not None:
            if i - begin > best:
                best, commit_at = i - begin, i
            begin = None
    assert best > 1000, "no long import transaction traced"
    return commit_at, len(statements)


def _dry_run(path: Path, home: Path) -> tuple[int, int]:
    proc = _import(path, home, 0)
    assert proc.returncode == 0, proc.stderr
    return _plan(json.loads(proc.stderr.splitlines()[-1])["statements"])


def _kill_points(rng: random.Random, commit_at: int, total: int) -> list[int]:
    """Most kills inside the import (COMMIT included), two after its commit, one past the end."""
    points = [rng.randint(1, commit_at) for _ in range(KILLS - 3)]
    points += [rng.randint(commit_at + 1, total) for _ in range(2)] if total > commit_at else []
    points.append(total + 1)
    rng.shuffle(points)
    return points


def test_sigkill_during_import_leaves_the_before_or_the_after_state(_isolated_home: Path, tmp_path: Path) -> None:
    home = _isolated_home
    db = home / "data" / "catalog.sqlite3"
    db.parent.mkdir(parents=True)
    make_catalog_db(db, n_sessions=0)
    files = {e: write_catalog(tmp_path / f"{e}.json", generated_catalog(SESSIONS, e)) for e in ("a", "b")}
    assert vod_app("import", str(files["a"]), home=home).returncode == 0
    counts, users = _counts(db), user_state(db)
    assert _edition(db) == {"a"} and counts["sessions"] == SESSIONS + 5
    plans = {"b": _dry_run(files["b"], home)}  # an update import in each direction, traced
    assert _edition(db) == {"b"} and _counts(db) == counts
    plans["a"] = _dry_run(files["a"], home)
    assert _edition(db) == {"a"} and _counts(db) == counts

    # A new seed each run (more points covered over time); VOD_APP_CRASH_SEED=<seed> replays one exactly.
    seed = int(os.environ.get("VOD_APP_CRASH_SEED") or random.randrange(2**32))
    print(f"VOD_APP_CRASH_SEED={seed}")
    rng = random.Random(seed)
    current = "a"
    outcomes = []
    points = {e: _kill_points(random.Random(rng.random()), *plans[e]) for e in ("a", "b")}
    for n in range(KILLS):
        target = "a" if current == "b" else "b"
        commit_at, total = plans[target]
        kill_at = points[target][n]
        expected = "before" if kill_at <= commit_at else "after" if kill_at <= total else "finished"
        proc = _import(files[target], home, kill_at)
        where = f"kill {n} at statement {kill_at} of {total} (commit at {commit_at}); VOD_APP_CRASH_SEED={seed}"
        assert proc.returncode == (0 if expected == "finished" else -signal.SIGKILL), (where, proc.returncode, proc.stderr[-500:])
        # what the next start of the app sees
        assert integrity(db) == ["ok"], where
        edition = _edition(db)
        assert edition == ({current} if expected == "before" else {target}), f"{edition}: {where}"
        assert _counts(db) == counts, where
        assert user_state(db) == users, where
        outcomes.append(expected)
        current = edition.pop()
    print("outcomes:", {k: outcomes.count(k) for k in ("before", "after", "finished")})
    check = vod_app("db", "check", home=home)
    assert check.returncode == 0, check.stderr

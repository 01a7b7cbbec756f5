"""SIGKILL during an import, at random moments: the catalog is whole, before or after, never between."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from .catalogs import generated_catalog, integrity, make_catalog_db, user_state, write_catalog
from .processes import ROOT, env_for, vod_app

KILLS = 20
SESSIONS = 800  # an update import of these takes ~3 s here: long enough to be killed anywhere


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


def _import(path: Path, home: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "vod_app", "import", str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env_for(home), cwd=ROOT
    )


def test_sigkill_during_import_leaves_the_before_or_the_after_state(_isolated_home: Path, tmp_path: Path) -> None:
    home = _isolated_home
    db = home / "data" / "catalog.sqlite3"
    db.parent.mkdir(parents=True)
    make_catalog_db(db, n_sessions=0)
    files = {e: write_catalog(tmp_path / f"{e}.json", generated_catalog(SESSIONS, e)) for e in ("a", "b")}
    assert vod_app("import", str(files["a"]), home=home).returncode == 0
    counts, users = _counts(db), user_state(db)
    assert _edition(db) == {"a"} and counts["sessions"] == SESSIONS + 5
    t0 = time.monotonic()
    assert vod_app("import", str(files["b"]), home=home).returncode == 0  # how long a whole update takes
    duration = time.monotonic() - t0
    assert _edition(db) == {"b"} and _counts(db) == counts

    # A new seed each run (more moments covered over time); CRASH_SEED=<seed> replays a failure.
    seed = int(os.environ.get("CRASH_SEED", random.randrange(2**32)))
    print(f"CRASH_SEED={seed}")
    rng = random.Random(seed)
    current = "b"
    outcomes = []
    for _ in range(KILLS):
        target = "a" if current == "b" else "b"
        proc = _import(files[target], home)
        time.sleep(rng.uniform(0.05, duration * 1.15))  # some land after the commit
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        finished = proc.returncode == 0
        assert proc.returncode in (0, -signal.SIGKILL), (proc.returncode, seed)
        # what the next start of the app sees
        assert integrity(db) == ["ok"], seed
        edition = _edition(db)
        assert edition in ({current}, {target}), f"a torn import: {edition} (CRASH_SEED={seed})"
        assert _counts(db) == counts, seed
        assert user_state(db) == users, seed
        if finished:
            assert edition == {target}
        outcomes.append("finished" if finished else ("after" if edition == {target} else "before"))
        current = edition.pop()
    print("outcomes:", {k: outcomes.count(k) for k in ("before", "after", "finished")})
    assert outcomes.count("before") >= 3, outcomes  # most kills landed inside the import
    check = vod_app("db", "check", home=home)
    assert check.returncode == 0, check.stderr

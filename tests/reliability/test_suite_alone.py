"""A clone of this repository alone (no ../shared beside it) runs its suite; CI without it fails.

Before, collection stopped with errors on ../shared/testdata (module-level reads of its index files).
Now the tests that need the shared conformance suites are left out and reported in one line; with
CI set, the missing suites fail the run, since CI has them and must run them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from .processes import ROOT

# The files that read ../shared/testdata at collection or in tests (and one that never does).
FILES = [
    "tests/unit/test_webvtt.py",
    "tests/unit/test_srt.py",
    "tests/unit/test_timestamps.py",
    "tests/unit/test_caption_decode.py",
    "tests/integration/test_cli_parsers.py",
    "tests/integration/test_probe.py",
    "tests/unit/test_layering.py",
]


def _alone(tmp_path: Path) -> Path:
    """The repository's tests and settings, copied where no ../shared is beside them."""
    clone = tmp_path / "alone" / "vod-app"
    clone.mkdir(parents=True)
    shutil.copy(ROOT / "pyproject.toml", clone)
    shutil.copytree(ROOT / "tests", clone / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    assert not (clone.parent / "shared").exists()
    return clone


def _pytest(clone: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", **env}
    for name in ("VOD_APP_TESTDATA", "CI", "PYTEST_ADDOPTS"):
        if name not in env:
            environment.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", *args],
        cwd=clone, env=environment, capture_output=True, text=True, timeout=300,
    )


def test_a_clone_alone_collects_and_says_once_what_it_did_not_run(tmp_path: Path) -> None:
    clone = _alone(tmp_path)
    proc = _pytest(clone, "--collect-only", *FILES)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "ERROR collecting" not in proc.stdout and not re.search(r"\d+ errors?\b", proc.stdout), proc.stdout[-3000:]
    assert not re.search(r"\d+ skipped", proc.stdout)  # .ci/run fails on any skip
    lines = [line for line in proc.stdout.splitlines() if line.startswith("shared conformance suites not run")]
    assert len(lines) == 1, proc.stdout[-2000:]
    assert str(clone.parent / "shared" / "testdata") in lines[0]
    assert "test_layering.py::" in proc.stdout  # the rest is collected


def test_ci_without_the_shared_suites_fails(tmp_path: Path) -> None:
    clone = _alone(tmp_path)
    proc = _pytest(clone, "--collect-only", "tests/unit/test_layering.py", CI="true")
    assert proc.returncode != 0
    assert "the shared conformance suites are missing" in proc.stdout + proc.stderr


def test_with_the_shared_suites_nothing_is_left_out(tmp_path: Path) -> None:
    testdata = ROOT.parent / "shared" / "testdata"
    if not testdata.is_dir():  # a worktree or clone alone: use the project's copy the suite would use
        testdata = Path(os.environ.get("VOD_APP_TESTDATA") or "/work/shared/testdata")
    assert testdata.is_dir(), f"no shared test data to compare with: {testdata}"
    clone = _alone(tmp_path)
    proc = _pytest(clone, "--collect-only", *FILES[:5], VOD_APP_TESTDATA=str(testdata), CI="true")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "deselected" not in proc.stdout and "shared conformance suites not run" not in proc.stdout

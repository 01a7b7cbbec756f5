"""Package figures (issue 12): bundle and .deb size; cold start of the bundle against the venv.

Measured when a bundle is built (``make bundle`` or ``make deb``: ``dist/vod-app/``, or ``--bundle DIR``,
e.g. ``/opt/vod-app`` for the installed package); without one the figure is skipped with one line.

Start = process spawned -> main window shown with its recent list filled, the point the ``start`` figure
stops at. The bundle has no interpreter to run ``bench.child`` in, so both sides run the app's own
``main()`` with ``VOD_APP_SMOKE_PLAY_S=0`` (vod_app/smoke.py), which prints ``time.monotonic()`` at that
point and quits: the bundle's executable, and the venv's ``python -m vod_app`` on this tree. Each side
has its own home (the built-in catalog, seeded by one untimed run); the page cache is dropped before
every timed process (bench/cold.py), sides interleaved. Sizes have no floor (nothing to compare with).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

from bench.cold import drop_page_cache
from bench.run import ROOT, Figure, child_env, log, median

STARTED = re.compile(r"smoke run started, (\d+) recent rows at ([0-9.]+)")


def _mib(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 2**20
    return sum(p.lstat().st_size for p in path.rglob("*") if not p.is_symlink() and p.is_file()) / 2**20


def _start(cmd: list[str], home: Path, out: Path, *, bundled: bool) -> tuple[float, int]:
    """One process: (ms from spawn to the recent list shown, rows in it)."""
    env = child_env(out)
    env["VOD_APP_HOME"] = str(home)
    env["VOD_APP_SMOKE_PLAY_S"] = "0"
    if bundled:  # as installed: nothing of the project's Python on the way
        env.pop("PYTHONPATH", None)
        env.pop("VIRTUAL_ENV", None)
    t0 = time.monotonic()
    proc = subprocess.run(cmd, cwd="/", env=env, capture_output=True, text=True, timeout=120, check=False)
    m = STARTED.search(proc.stdout)
    if proc.returncode != 0 or m is None:
        raise RuntimeError(f"{cmd[0]} failed (exit {proc.returncode}): {proc.stderr[-1500:]}")
    return (float(m.group(2)) - t0) * 1000, int(m.group(1))


def figures(out: Path, runs: int, method: str, bundle: Path | None = None) -> tuple[Figure, ...]:
    """bundle size, package size, start (cold) of the bundle vs the venv; () when no bundle is built."""
    bundle = bundle or ROOT / "dist" / "vod-app"
    exe = bundle / "vod-app"
    if not exe.exists():
        line = f"package: skipped, no bundle at {bundle} (make bundle, or make deb, first)"
        log(line)
        print(line, flush=True)
        return ()
    log(f"package: sizes; {runs} cold starts of {exe} and of the venv's python -m vod_app, interleaved")
    fb = Figure("bundle size", "MiB", [_mib(bundle)], [], "-")
    internal = bundle / "_internal"
    parts = {"Qt/PySide6": internal / "PySide6", "data": internal / "data"}
    fb.notes.append(f"bundle size: {bundle} ({sum(1 for _ in bundle.rglob('*')):,} files); "
                    + ", ".join(f"{k} {_mib(p):.0f} MiB" for k, p in parts.items() if p.exists()))
    figs = [fb]
    debs = sorted((ROOT / "dist").glob("vod-app_*.deb"), key=lambda p: p.stat().st_mtime)
    if debs:
        fd = Figure("package .deb", "MiB", [_mib(debs[-1])], [], "-")
        fd.notes.append(f"package .deb: {debs[-1].name} (xz), {_mib(debs[-1]) / fb.app[0]:.0%} of the bundle")
        figs.append(fd)
    else:
        fb.notes.append("package .deb: none in dist/ (make deb)")

    venv_cmd = [sys.executable, "-m", "vod_app"]
    homes = {side: out / f"package-home-{side}" for side in ("bundle", "venv")}
    warm: dict[str, list[float]] = {"bundle": [], "venv": []}
    rows = 0
    for side, cmd in (("bundle", [str(exe)]), ("venv", venv_cmd)):
        _start(cmd, homes[side], out, bundled=side == "bundle")  # seeds the catalog: not timed
        for _ in range(2):
            warm[side].append(_start(cmd, homes[side], out, bundled=side == "bundle")[0])
    app, floor = [], []
    used = ""
    for _ in range(runs):
        used = drop_page_cache(homes["bundle"] / "data" / "catalog.sqlite3", method)
        ms, rows = _start([str(exe)], homes["bundle"], out, bundled=True)
        app.append(ms)
        drop_page_cache(homes["venv"] / "data" / "catalog.sqlite3", method)
        floor.append(_start(venv_cmd, homes["venv"], out, bundled=False)[0])
    fs = Figure("start (cold), package", "ms", app, floor, "vs venv")
    fs.notes.append(
        f"start (cold), package: {exe} vs {sys.executable} -m vod_app (this tree), spawn -> window "
        f"shown with the recent list filled ({rows} rows, the built-in catalog); page cache dropped before every "
        f"process ({used}); warm medians bundle {median(warm['bundle']):.0f} ms, venv {median(warm['venv']):.0f} ms"
    )
    if used == "fadvise":
        fs.notes.append("start (cold), package: fadvise drops only the catalog's pages: Python, Qt and the "
                        "bundle stay cached, so this is close to a warm start (run as root for a cold one)")
    return tuple(figs + [fs])


if __name__ == "__main__":  # python -m bench.packaging [BUNDLE]: the figures alone, not recorded
    from bench.run import table

    got = figures(Path(os.environ.get("TMPDIR", "/tmp")) / "vod-app-bench", 3, "auto",
                  Path(sys.argv[1]) if len(sys.argv) > 1 else None)
    print(table(list(got), markdown=False))
    for f in got:
        for n in f.notes:
            print("  " + n)

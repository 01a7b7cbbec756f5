"""Figures "start (cold)" and "scroll (cold)": the first launch after a reboot, next to the warm ones.

Before each cold process the page cache is dropped: all of it when we may write
``/proc/sys/vm/drop_caches`` (root: Python, Qt and libvlc are read from disk again, as after a reboot),
else only the catalog's pages with ``posix_fadvise(POSIX_FADV_DONTNEED)`` (the catalog is what grows
with the number of sessions). The method used is printed with the figures.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from bench.run import Figure, flatness, log, median, percentile, run_child

DROP_CACHES = Path("/proc/sys/vm/drop_caches")


def drop_page_cache(db: Path, method: str = "auto") -> str:
    """Drop cached pages before a cold measurement: "drop_caches" or "fadvise" (what was done).

    Called with no connection open on ``db`` in this process: fadvise opens and closes the file, and
    closing a descriptor drops every SQLite lock the process holds on it (POSIX advisory locks).
    """
    os.sync()  # dirty pages are not dropped: write them first
    if method == "auto":
        try:
            DROP_CACHES.write_text("1\n")  # 1: the page cache only
            return "drop_caches"
        except OSError:
            pass
    for suffix in ("", "-wal", "-shm"):
        path = Path(f"{db}{suffix}")
        if path.exists():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)
    return "fadvise"


def fig_cold(db: Path, out: Path, runs: int, method: str, warm: dict[str, Figure]) -> tuple[Figure, Figure]:
    log(f"cold: {runs} app and {runs} floor starts, each after dropping the page cache; one cold scroll")
    app, floor = [], []
    used = ""
    run_child(out, "settle-app", str(db))  # after a reboot the cache folder is still there
    for _ in range(runs):
        used = drop_page_cache(db, method)
        r, t0 = run_child(out, "start-app", str(db))
        app.append((r["t_shown"] - t0) * 1000)
        drop_page_cache(db, method)
        r, t0 = run_child(out, "start-floor")
        floor.append((r["t_shown"] - t0) * 1000)
    fs = Figure("start (cold)", "ms", app, floor, "<= 2x cold floor", check=lambda f: f.ratio <= 2)
    w = warm.get("start")
    fs.notes.append(f"start (cold): page cache dropped before every process ({used}); "
                    + (f"warm median {median(w.app):.0f} ms (floor {median(w.floor):.0f} ms) vs cold "
                       f"{median(app):.0f} ms (floor {median(floor):.0f} ms)" if w and w.app else "no warm run to compare"))

    drop_page_cache(db, method)
    r, _ = run_child(out, "browse-app", str(db))
    pages = [p * 1000 for p in r["pages"]]
    from bench.importing import connect_raw

    drop_page_cache(db, method)
    raw = connect_raw(db)
    floor_pages = []
    for statements in r["statements"]:
        t = time.perf_counter()
        for sql, params in statements:
            raw.execute(sql, params).fetchall()
        floor_pages.append((time.perf_counter() - t) * 1000)
    raw.close()
    fc = Figure("scroll (cold)", "ms/fetchMore page", pages, floor_pages, "no page > 100 ms",
                check=lambda f: max(f.app) <= 100)
    w = warm.get("scroll")
    warm_txt = (f"warm p95 {percentile(w.app, 95):.1f} ms, max page {max(w.app):.0f} ms" if w and w.app else "no warm run")
    fc.notes.append(
        f"scroll (cold): {r['rows']:,} rows, {r['total_s']:.1f} s in all; p95 {percentile(pages, 95):.1f} ms, "
        f"max page {max(pages, default=float('nan')):.0f} ms, last/first 10% {flatness(pages):.2f}; {warm_txt}; "
        f"floor = the same SQL through raw sqlite3 after another drop ({used})"
    )
    return fs, fc


def fig_stall(db: Path, out: Path, lock_s: float = 10.0) -> Figure:
    log(f"stall: heartbeat on the GUI thread while another process holds the write lock for {lock_s:g} s")
    a, _ = run_child(out, "stall-app", str(db), str(lock_s))
    b, _ = run_child(out, "stall-floor")
    listed = ("scroll", "search", "play", "relocate")  # relocate: the Locate... dialog's write (issue 14)
    app = [a["stalls_ms"][p] for p in listed if p in a["stalls_ms"]]
    floor = [b["stalls_ms"][p] for p in listed if p in b["stalls_ms"]]
    f = Figure("GUI stall", "ms longest", app, floor, "< 50 ms", check=lambda f: max(f.app) < 50)
    per = ", ".join(f"{k} {v:.0f} ms" for k, v in a["stalls_ms"].items())
    f.notes.append(
        f"GUI stall: longest gap of a 5 ms GUI-thread timer per phase while another process held the write "
        f"lock for {lock_s:g} s (held throughout scroll/search/play/relocate: {a['lock_held_throughout']}): {per}; floor (bare "
        f"window, same heartbeat): {', '.join(f'{k} {v:.0f} ms' for k, v in b['stalls_ms'].items())}; "
        "relocate = the Locate... dialog's write (on the writes lane since issue 14)"
    )
    return f

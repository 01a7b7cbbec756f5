"""``python -m bench``: every figure as vod-app's median and p95 next to a floor measured in the same run.

See bench/README.md for what each figure and floor is. Results are printed as a table and prepended to
bench/RESULTS.md (newest first) with the machine's description.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
FIGURES = ("import", "search", "start", "open", "chapter", "memory", "scroll", "stall", "cold", "transcript", "package")
SEED = 20170418


# --- statistics ---------------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """Linear interpolation between closest ranks (q in 0..100); nan for no values."""
    if not values:
        return math.nan
    v = sorted(values)
    k = (len(v) - 1) * q / 100
    lo, hi = math.floor(k), math.ceil(k)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


def median(values: Sequence[float]) -> float:
    return percentile(values, 50)


@dataclass
class Figure:
    name: str
    unit: str
    app: list[float]
    floor: list[float]
    target: str  # human-readable
    check: Callable[[Figure], bool] | None = None
    notes: list[str] = field(default_factory=list)
    ratio_override: float | None = None

    @property
    def ratio(self) -> float:
        if self.ratio_override is not None:
            return self.ratio_override
        f = median(self.floor)
        return median(self.app) / f if f and not math.isnan(f) else math.nan

    def ok(self) -> str:
        if self.check is None or not self.app:
            return "-"
        return "yes" if self.check(self) else "NO"

    def row(self) -> list[str]:
        def fmt(x: float) -> str:
            if math.isnan(x):
                return "-"
            return f"{x:.0f}" if abs(x) >= 100 else f"{x:.1f}" if abs(x) >= 10 else f"{x:.2f}"

        return [
            self.name, self.unit, str(len(self.app)),
            fmt(median(self.app)), fmt(percentile(self.app, 95)),
            fmt(median(self.floor)), fmt(percentile(self.floor, 95)),
            "-" if math.isnan(self.ratio) else f"{self.ratio:.2f}x",
            self.target, self.ok(),
        ]

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "unit": self.unit, "app": self.app, "floor": self.floor, "ratio": self.ratio,
                "target": self.target, "ok": self.ok(), "notes": self.notes}


HEADER = ["figure", "unit", "n", "app median", "app p95", "floor median", "floor p95", "ratio", "target", "met"]


def table(figures: list[Figure], *, markdown: bool) -> str:
    rows = [HEADER] + [f.row() for f in figures]
    if markdown:
        out = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
        out += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        return "\n".join(out)
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


# --- helpers ------------------------------------------------------------------------------------


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def child_env(out: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["VOD_APP_HOME"] = str(out / "home")
    runtime = out / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env["XDG_RUNTIME_DIR"] = str(runtime)
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.pop("VOD_APP_DB", None)
    return env


def run_child(out: Path, *args: str, timeout: float = 600) -> tuple[dict[str, Any], float]:
    """Run ``python -m bench.child ARGS``: (its JSON result, time.monotonic() just before spawning)."""
    cmd = [sys.executable, "-m", "bench.child", *args]
    t0 = time.monotonic()
    proc = subprocess.run(cmd, cwd=ROOT, env=child_env(out), capture_output=True, text=True, timeout=timeout, check=False)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"{' '.join(args)} failed (exit {proc.returncode}): {proc.stderr[-2000:]}")
    return json.loads(lines[-1]), t0


# --- figures ------------------------------------------------------------------------------------


def fig_import(gen: Any, db: Path, out: Path, validate: bool) -> Figure:
    from bench import importing

    log(f"import: app ({gen.sessions:,} sessions, validate={validate})")
    app_total, app_chunks, report = importing.app_import(gen, db, validate=validate)
    log(f"import: app {app_total:.1f} s ({report.summary()}); floor")
    floor_db = out / f"floor-{gen.sessions}.sqlite3"
    floor_total, floor_chunks = importing.floor_import(gen, floor_db)
    log(f"import: floor {floor_total:.1f} s")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{floor_db}{suffix}").unlink(missing_ok=True)
    f = Figure(
        "import", f"s/{importing.CHUNK // 1000}k sessions" if gen.sessions >= importing.CHUNK else "s total",
        app_chunks or [app_total], floor_chunks or [floor_total], "<= 1.5x",
        check=lambda f: f.ratio <= 1.5, ratio_override=app_total / floor_total,
    )
    f.notes.append(f"import: total {app_total:.1f} s vs floor {floor_total:.1f} s (ratio of totals); "
                   f"{report.sessions_added:,} sessions, {report.cues:,} cues; validate={validate}")
    if validate is False:
        f.notes.append("import: " + validation_cost(gen))
    return f


def validation_cost(gen: Any, n: int = 300) -> str:
    """Per-session cost of schema validation (import_stream(validate=True)), measured on n sessions."""
    from bench.generator import DATA_DIR
    from vod_app.catalog.validation import validate_session

    sessions = [gen.session(i) for i in range(min(n, gen.sessions))]
    validate_session(sessions[0], DATA_DIR)
    t = time.perf_counter()
    bad = sum(1 for i, s in enumerate(sessions) if validate_session(s, DATA_DIR, ("sessions", i)))
    per = (time.perf_counter() - t) / len(sessions)
    return (f"validate=True would add {per * 1000:.2f} ms/session ({per * gen.sessions:.0f} s for this catalog; "
            f"{bad} of {len(sessions)} sampled sessions invalid)")


def fig_search(db: Path) -> Figure:
    from bench import searching

    log("search: typing 20 queries one character at a time")
    r = searching.run(db)
    f = Figure("search", "ms/keystroke", r["app_ms"], r["floor_ms"], "<= 1.3x, p95 < 16 ms",
               check=lambda f: f.ratio <= 1.3 and percentile(f.app, 95) < 16)
    slow = ", ".join(f"{s['text']!r} {s['app_ms']:.0f}/{s['floor_ms']:.0f} ms" for s in r["slowest"])
    f.notes.append(f"search: {r['keystrokes']} keystrokes; slowest (app/floor): {slow}")
    return f


def fig_start(db: Path, out: Path, runs: int) -> Figure:
    log(f"start: {runs} app and {runs} floor processes, interleaved")
    app, floor, interp = [], [], []
    run_child(out, "settle-app", str(db))  # a returning user: what the last run kept for this start is there
    for _ in range(runs):
        r, t0 = run_child(out, "start-app", str(db))
        app.append((r["t_shown"] - t0) * 1000)
        interp.append((r["t_enter"] - t0) * 1000)
        r, t0 = run_child(out, "start-floor")
        floor.append((r["t_shown"] - t0) * 1000)
    f = Figure("start", "ms", app, floor, "<= 1.5x", check=lambda f: f.ratio <= 1.5)
    f.notes.append(f"start: python interpreter up in {median(interp):.0f} ms (median) of that")
    return f


def fig_play(db: Path, out: Path, opens: int, rounds: int, batches: int = 5) -> tuple[Figure, Figure]:
    """Opens in ``batches`` app/floor process pairs, alternating: on a shared machine the load moves
    within a minute, and one app process then one floor process would compare different minutes."""
    log(f"open + chapter sync: {opens} opens each in {batches} alternating batches, {4 * rounds} boundary crossings each")
    batches = max(1, min(batches, opens))
    app_opens: list[float] = []
    floor_opens: list[float] = []
    lags: tuple[list[float], list[float]] = ([], [])
    for i in range(batches):
        n = opens // batches + (1 if i < opens % batches else 0)
        r = rounds if i == 0 else 0  # chapter sync once, in the first pair
        a, _ = run_child(out, "play-app", str(db), str(n), str(r))
        b, _ = run_child(out, "play-floor", str(n), str(r))
        app_opens += a["opens_s"]
        floor_opens += b["opens_s"]
        lags[0].extend(a["chapter_lags_ms"])
        lags[1].extend(b["chapter_lags_ms"])
    fo = Figure("open", "ms", [x * 1000 for x in app_opens], [x * 1000 for x in floor_opens], "<= 1.2x",
                check=lambda f: f.ratio <= 1.2)
    fo.notes.append(f"open: {batches} app/floor process pairs alternating, each after one warm-up open")
    fc = Figure("chapter sync", "ms playback", lags[0], lags[1], "p95 <= 100 ms",
                check=lambda f: percentile(f.app, 95) <= 100)
    fc.notes.append("chapter sync: floor = bare python-vlc polling get_time() every 1 ms (libvlc's own time granularity)")
    return fo, fc


def fig_browse(db: Path, out: Path, runs: int, floor_runs: int) -> tuple[Figure, Figure]:
    """Scroll + memory: the app scrolls its whole recent list, then plays a recording (peak RSS)."""
    from bench.importing import connect_raw

    log(f"scroll + memory: {runs} app process(es) scrolling the whole recent list, {floor_runs} floor processes")
    rss, rows, first = [], 0, None
    for _ in range(runs):
        r, _ = run_child(out, "browse-app", str(db))
        rss.append(r["peak_rss_kib"] / 1024)
        rows = r["rows"]
        first = first or r
    floor_rss = [run_child(out, "memory-floor")[0]["peak_rss_kib"] / 1024 for _ in range(floor_runs)]
    fm = Figure("memory", "MiB peak RSS", rss, floor_rss, "<= 1.3x", check=lambda f: f.ratio <= 1.3)
    fm.notes.append(f"memory: the app scrolled all {rows:,} rows of the recent list, then played a recording for 2 s; "
                    "floor: a bare Qt window + libvlc playing the same file for 2 s")
    r = first
    pages = [p * 1000 for p in r["pages"]]
    raw = connect_raw(db)
    floor = []
    for statements in r["statements"]:
        t = time.perf_counter()
        for sql, params in statements:
            raw.execute(sql, params).fetchall()
        floor.append((time.perf_counter() - t) * 1000)
    raw.close()
    fs = Figure("scroll", "ms/fetchMore page", pages, floor, "each <= 5 ms, flat",
                check=lambda f: percentile(f.app, 95) <= 5 and flatness(f.app) <= 1.5)
    steps = [s * 1000 for s in r["steps"]]
    fs.notes.append(
        f"scroll: {r['rows']:,} rows in {len(pages)} pages of {r['page_size']}, {r['total_s']:.1f} s in all; "
        f"max page {max(pages, default=math.nan):.1f} ms; last/first 10% median {flatness(pages):.2f} (1.0 = flat); "
        f"scroll step incl. layout+paint median {median(steps):.1f} ms, last/first 10% {flatness(steps):.2f}; "
        "page = loader start -> rowsInserted handled by the view; floor = the page's SQL through raw sqlite3"
    )
    return fm, fs


def flatness(values: Sequence[float]) -> float:
    n = max(1, len(values) // 10)
    if len(values) < 4:
        return 1.0
    return median(values[-n:]) / median(values[:n])


# --- results ------------------------------------------------------------------------------------


def record(results: Path, sessions: int, figures: list[Figure], machine: dict[str, str], elapsed: float, note: str) -> None:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [f"## {stamp} — {sessions:,} sessions", ""]
    if note:
        lines += [note, ""]
    lines += ["Machine: " + "; ".join(f"{k} {v}" for k, v in machine.items()), ""]
    lines += [table(figures, markdown=True), ""]
    lines += [f"- {n}" for f in figures for n in f.notes]
    lines += [f"- whole run: {elapsed:.0f} s", "", ""]
    section = "\n".join(lines)
    intro = "# Benchmark results (newest first)\n\nWritten by `python -m bench` (see README.md). Ratios are to floors measured in the same run.\n\n"
    old = results.read_text("utf-8") if results.exists() else intro
    if old.startswith("# "):
        head, sep, rest = old.partition("\n## ")
        new = head.rstrip("\n") + "\n\n" + section + (("## " + rest) if sep else "")
    else:
        new = intro + section + old
    results.write_text(new, "utf-8")


def ensure_catalog(gen: Any, db: Path) -> None:
    """The generated catalog for figures other than import (reused when already built)."""
    stamp = Path(f"{db}.ok")
    if db.exists() and stamp.exists():
        return
    from bench import importing

    log(f"building the {gen.sessions:,}-session catalog (not timed)")
    importing.app_import(gen, db, validate=False)
    stamp.write_text("ok\n")


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    p.add_argument("--sessions", type=int, default=100_000, help="sessions in the synthetic catalog (default 100000)")
    p.add_argument("--only", action="append", choices=FIGURES, metavar="FIGURE",
                   help=f"run only this figure (repeatable): {', '.join(FIGURES)}")
    p.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "vod-app-bench",
                   help="folder for the generated databases and raw results (default: $TMPDIR/vod-app-bench)")
    p.add_argument("--results", type=Path, default=BENCH / "RESULTS.md", help="where to prepend the results")
    p.add_argument("--no-record", action="store_true", help="print the table only")
    p.add_argument("--note", default="", help="a line recorded with the results (e.g. what changed)")
    p.add_argument("--start-runs", type=int, default=7, help="start processes per side (default 7)")
    p.add_argument("--opens", type=int, default=10, help="recording opens per side (default 10)")
    p.add_argument("--chapter-rounds", type=int, default=3, help="rounds of the 4 panel-boundary crossings (default 3)")
    p.add_argument("--browse-runs", type=int, default=1,
                   help="app processes scrolling the whole list then playing (scroll + memory; default 1)")
    p.add_argument("--memory-floor-runs", type=int, default=3, help="memory floor processes (default 3)")
    p.add_argument("--validate", action="store_true", help="time the import with schema validation")
    p.add_argument("--lock-seconds", type=float, default=10.0, help="stall: how long another process holds the write lock")
    p.add_argument("--cold-runs", type=int, default=3, help="cold start processes per side (default 3)")
    p.add_argument("--drop", choices=("auto", "fadvise"), default="auto",
                   help="cold figures: drop the whole page cache when root (auto), or only the catalog's pages")
    p.add_argument("--bundle", type=Path, default=None, help="package: the bundle to time (default dist/vod-app)")
    p.add_argument("--seed", type=int, default=SEED)
    args = p.parse_args(argv)

    from bench import machine
    from bench.generator import Catalog

    t_run = time.perf_counter()
    chosen = [f for f in FIGURES if not args.only or f in args.only]
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    info = machine.describe()
    gen = Catalog(args.sessions, args.seed)
    db = out / f"catalog-{args.sessions}-{args.seed}.sqlite3"
    figures: list[Figure] = []
    failures: list[str] = []

    def attempt(name: str, fn: Callable[[], Any]) -> None:
        try:
            got = fn()
            figures.extend(got if isinstance(got, tuple) else [got])
        except Exception as exc:  # noqa: BLE001 - one figure failing must not hide the others
            log(f"{name}: FAILED: {exc}")
            failures.append(f"{name}: {exc}")

    if "import" in chosen:
        Path(f"{db}.ok").unlink(missing_ok=True)
        attempt("import", lambda: fig_import(gen, db, out, args.validate))
        if db.exists() and any(f.name == "import" for f in figures):
            Path(f"{db}.ok").write_text("ok\n")
    if any(f not in ("import", "transcript", "package") for f in chosen):
        ensure_catalog(gen, db)
    if "transcript" in chosen:  # bench/transcript.py: needs no catalog
        from bench import transcript

        attempt("transcript", lambda: transcript.figures(out))
    if "package" in chosen:  # bench/packaging.py: needs a built bundle, no catalog
        from bench import packaging

        attempt("package", lambda: packaging.figures(out, args.cold_runs, args.drop, args.bundle))
    if "search" in chosen:
        attempt("search", lambda: fig_search(db))
    if "start" in chosen:
        attempt("start", lambda: fig_start(db, out, args.start_runs))
    if "open" in chosen or "chapter" in chosen:
        def play() -> tuple[Figure, ...]:
            fo, fc = fig_play(db, out, args.opens, args.chapter_rounds)
            return tuple(f for f in (fo, fc) if (f.name == "open" and "open" in chosen) or (f.name == "chapter sync" and "chapter" in chosen))
        attempt("open/chapter", play)
    if "memory" in chosen or "scroll" in chosen:
        def browse() -> tuple[Figure, ...]:
            fm, fs = fig_browse(db, out, args.browse_runs, args.memory_floor_runs)
            return tuple(f for f in (fm, fs) if f.name in chosen)
        attempt("memory/scroll", browse)

    if "stall" in chosen:
        from bench.cold import fig_stall

        attempt("stall", lambda: fig_stall(db, out, args.lock_seconds))
    if "cold" in chosen:
        from bench.cold import fig_cold

        attempt("cold", lambda: fig_cold(db, out, args.cold_runs, args.drop, {f.name: f for f in figures}))

    elapsed = time.perf_counter() - t_run
    print()
    print(f"vod-app benchmark, {args.sessions:,} sessions ({elapsed:.0f} s); ratio = app median / floor median")
    print(table(figures, markdown=False))
    for f in figures:
        for n in f.notes:
            print("  " + n)
    for fail in failures:
        print("  FAILED " + fail)
    (out / "last-run.json").write_text(json.dumps({"machine": info, "sessions": args.sessions,
                                                   "figures": [f.to_json() for f in figures], "failures": failures}, indent=1))
    if not args.no_record:
        record(args.results, args.sessions, figures, info, elapsed, args.note + ("" if not failures else " FAILED: " + "; ".join(failures)))
        print(f"\nrecorded in {args.results}")
    return 1 if failures else 0

"""Transcript figures (issue 10): a 20,000-cue transcript opens in < 200 ms; the highlight moves in < 2 ms p95.

Run in a child process (``python -m bench.transcript``, offscreen Qt) so that the figure has a fresh
QApplication. Open = the Transcript tab given the cues (headings inserted, model reset) until the view
has laid out and painted; floor = a bare QListView over a QStringListModel of the same lines.
Highlight = ``TranscriptPane.set_time`` at each next cue, then the event loop paints what changed
(two rows, or the whole list after a keep-in-view scroll); floor = two-row dataChanged + scrollTo on
the bare view, painted the same way.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

CUES = 20_000
OPENS = 15
MOVES = 2_000


def _cues(n: int = CUES) -> list[tuple[int, int, str, str]]:
    words = ["the", "global", "compact", "on", "migration", "as", "a", "tool", "for", "governance", "and", "the", "role", "of", "regional", "actors"]
    return [
        (i * 3_000, i * 3_000 + 2_800, " ".join(words[(i + k) % len(words)] for k in range(9)), f"Speaker {i // 40 % 12}")
        for i in range(n)
    ]


def child() -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import QAbstractItemView, QApplication, QListView

    from vod_app.domain.records import PanelRange
    from vod_app.ui.transcript_view import TranscriptPane

    app = QApplication.instance() or QApplication([])
    cues = _cues()
    ranges = [PanelRange(p, p * 3_000_000, (p + 1) * 3_000_000) for p in range(20)]
    pane = TranscriptPane()
    pane.resize(480, 700)
    pane.show()
    pane._ranges = ranges  # noqa: SLF001 - what open() sets before the cues arrive from the catalog
    pane._panel_title = lambda pid: f"Panel {pid}"  # noqa: SLF001
    floor_view = QListView()
    floor_view.setUniformItemSizes(True)
    floor_view.resize(480, 700)
    floor_view.show()
    app.processEvents()

    opens, floor_opens = [], []
    for _ in range(OPENS):
        t = time.perf_counter()
        pane.set_cues(cues)
        pane.view.viewport().repaint()
        app.processEvents()
        opens.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        model = QStringListModel([f"{s // 1000}  {sp}: {text}" for s, _e, text, sp in cues])
        floor_view.setModel(model)
        floor_view.viewport().repaint()
        app.processEvents()
        floor_opens.append((time.perf_counter() - t) * 1000)

    moves, floor_moves = [], []
    starts = [c[0] + 100 for c in cues[:MOVES]]
    for ms in starts:
        t = time.perf_counter()
        pane.set_time(ms)
        app.processEvents()  # paints what changed: two rows, or the list after a keep-in-view scroll
        moves.append((time.perf_counter() - t) * 1000)
    for row in range(MOVES):
        t = time.perf_counter()
        index = model.index(row)
        model.dataChanged.emit(index, index)
        if row:
            model.dataChanged.emit(model.index(row - 1), model.index(row - 1))
        floor_view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        app.processEvents()
        floor_moves.append((time.perf_counter() - t) * 1000)
    assert pane.model.current_row() > 0
    return {"opens_ms": opens, "floor_opens_ms": floor_opens, "moves_ms": moves, "floor_moves_ms": floor_moves}


def figures(out: Path) -> tuple[Any, Any]:
    """The two figures, measured in a child process."""
    from bench.run import Figure, child_env, log, percentile

    log(f"transcript: {CUES:,} cues, {OPENS} opens, {MOVES:,} highlight moves")
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.run([sys.executable, "-m", "bench.transcript"], cwd=root, env=child_env(out), capture_output=True,
                          text=True, timeout=600, check=False)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"transcript child failed (exit {proc.returncode}): {proc.stderr[-2000:]}")
    r = json.loads(lines[-1])
    fo = Figure("transcript open", "ms/20k cues", r["opens_ms"], r["floor_opens_ms"], "< 200 ms",
                check=lambda f: percentile(f.app, 95) < 200)
    fh = Figure("transcript highlight", "ms/update", r["moves_ms"], r["floor_moves_ms"], "p95 < 2 ms",
                check=lambda f: percentile(f.app, 95) < 2)
    fo.notes.append("transcript open: 20,000 cues + 20 panel headings into the Transcript tab until painted; "
                    "floor = a bare QListView over a QStringListModel of the same lines")
    fh.notes.append("transcript highlight: set_time at the next cue + the event loop's paint (rows, or the list "
                    "after a keep-in-view scroll); floor = dataChanged + scrollTo(center) + paint on the bare view")
    return fo, fh


if __name__ == "__main__":
    print(json.dumps(child()))

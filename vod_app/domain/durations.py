"""Durations as people read them (m:ss, h:mm:ss): one formatter for the window and the terminal."""

from __future__ import annotations


def format_duration(ms: int | None) -> str:
    """``1:05`` or ``1:02:03``; ``--:--`` when unknown (None or negative)."""
    if ms is None or ms < 0:
        return "--:--"
    s = ms // 1000
    h, m, sec = s // 3600, s % 3600 // 60, s % 60
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"

"""Checks of a session's speakers and its recordings' interventions that a JSON Schema cannot make.

Each message names the session or recording and the value, beside the JSON path validation gives it:
an intervention naming a speaker the session does not list, ending before it starts, lying outside
its recording, or overlapping another of the same speaker in the same recording (two people may
speak at once; one person cannot speak twice at once).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Add = Callable[[tuple[Any, ...], str], None]


def speaker_problems(session: dict[str, Any], path: tuple[Any, ...], add: Add) -> None:
    """Report (through ``add``) every problem of ``session``'s speakers and interventions."""
    sid = session.get("id")
    known: set[str] = set()
    for i, sp in enumerate(session.get("speakers", [])):
        if sp["id"] in known:
            add(path + ("speakers", i, "id"), f"duplicate speaker id {sp['id']!r} in session {sid!r}")
        known.add(sp["id"])
        if not sp["name"].strip():
            add(path + ("speakers", i, "name"), f"speaker {sp['id']!r} of session {sid!r} has an empty name")
    for i, rec in enumerate(session.get("recordings", [])):
        _recording(rec, path + ("recordings", i), sid, known, add)


def _recording(rec: dict[str, Any], rp: tuple[Any, ...], sid: Any, known: set[str], add: Add) -> None:
    rid = rec.get("id")
    duration = rec.get("duration_ms")
    by_speaker: dict[str, list[tuple[int, int, int]]] = {}
    for j, iv in enumerate(rec.get("interventions", [])):
        ip = rp + ("interventions", j)
        who, start, end = iv["speaker"], iv["start_ms"], iv["end_ms"]
        if who not in known:
            add(
                ip + ("speaker",),
                f"unknown speaker {who!r} in recording {rid!r} (not one of session {sid!r}'s speakers)",
            )
        if end <= start:
            add(
                ip + ("end_ms",), f"end {end} is not after start {start} (recording {rid!r}, speaker {who!r})"
            )
            continue
        if duration is not None and end > duration:
            add(
                ip + ("end_ms",),
                f"end {end} is past recording {rid!r}'s duration {duration} (speaker {who!r})",
            )
        by_speaker.setdefault(who, []).append((start, end, j))
    for who, spans in by_speaker.items():
        spans.sort()
        for (s0, e0, j0), (s1, _e1, j1) in zip(spans, spans[1:], strict=False):
            if s1 < e0:
                add(
                    rp + ("interventions", j1, "start_ms"),
                    f"speaker {who!r} already speaks from {s0} to {e0} in recording {rid!r} (interventions[{j0}]): "
                    f"their interventions may not overlap",
                )

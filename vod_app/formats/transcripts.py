"""Podcasting 2.0 transcripts (``podcast:transcript``) that are not already WebVTT or SRT: the JSON
and HTML forms the spec defines, turned into WebVTT text so they are stored, searched and shown like
any caption file. Spec: github.com/Podcastindex-org/podcast-namespace (transcripts/transcripts.md).
"""

from __future__ import annotations

import json
import re
from typing import Any

from vod_app.formats.sidecar import SidecarError, clip, clock_ms, plain_text, seconds_ms

MAX_SEGMENTS = 100_000
_HTML_TIME = re.compile(r"<time[^>]*>\s*([0-9:.,]+)\s*</time>", re.IGNORECASE)


def _stamp(ms: int) -> str:
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, frac = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{frac:03d}"


def to_webvtt(cues: list[tuple[int, int, str]]) -> str:
    lines = ["WEBVTT", ""]
    for start, end, text in cues:
        body = text.replace("-->", "->").strip()
        if not body:
            continue
        lines += [f"{_stamp(start)} --> {_stamp(max(end, start + 1))}", *body.splitlines(), ""]
    return "\n".join(lines)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def json_transcript(data: bytes, file: str) -> list[tuple[int, int, str]]:
    """``{"version": "1.0.0", "segments": [{"speaker", "startTime", "endTime", "body"}]}``."""
    try:
        raw = json.loads(data.decode("utf-8"), parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError) as exc:
        raise SidecarError(file, "", f"not a valid JSON transcript ({exc})") from None
    segments = raw.get("segments") if isinstance(raw, dict) else None
    if not isinstance(segments, list):
        raise SidecarError(file, "segments", "expected a list of segments")
    out = []
    for i, seg in enumerate(segments[:MAX_SEGMENTS]):
        where = f"segments[{i}]"
        if not isinstance(seg, dict):
            raise SidecarError(file, where, f"expected an object, got {clip(seg)}")
        start = seconds_ms(seg.get("startTime"), file, f"{where}.startTime")
        end = seconds_ms(seg.get("endTime"), file, f"{where}.endTime")
        body = seg.get("body")
        if start is None or not isinstance(body, str):
            raise SidecarError(file, where, "needs startTime and body")
        speaker = seg.get("speaker")
        text = f"{speaker}: {body}" if isinstance(speaker, str) and speaker.strip() else body
        out.append((start, end if end is not None and end > start else start + 2000, text.strip()))
    return out


def html_transcript(data: bytes, file: str) -> list[tuple[int, int, str]]:
    """``<cite>Speaker:</cite><time>0:00</time><p>text</p>`` blocks; a cue ends where the next starts."""
    text = data.decode("utf-8", errors="replace")
    marks = list(_HTML_TIME.finditer(text))
    if not marks:
        raise SidecarError(file, "time", "no <time> marks: not a timed HTML transcript")
    out = []
    for i, mark in enumerate(marks):
        start = clock_ms(mark.group(1), file, f"time[{i + 1}]")
        chunk = text[mark.end() : marks[i + 1].start() if i + 1 < len(marks) else len(text)]
        chunk = re.sub(r"<cite[^>]*>.*?</cite>", "", chunk, flags=re.IGNORECASE | re.DOTALL)
        body = plain_text(chunk)
        out.append([start, start + 5000, body])
    for i in range(len(out) - 1):
        out[i][1] = max(out[i][0] + 1, out[i + 1][0])
    return [(s, e, b) for s, e, b in out if b]

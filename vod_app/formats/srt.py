"""SubRip (SRT) parsing, tolerant in the ways pysrt, cdown/srt and VLC are.

Accepted beyond the strict format: no index line, any text as index (kept as the id),
"." ":" or full-width separators before the milliseconds, 0-9 fraction digits read as a
whole number of milliseconds (as pysrt, cdown/srt, VLC and ffmpeg do), no milliseconds,
arrows "-->", "- >", "-- >", unpadded or overlong fields, text after the end timestamp
(kept as the "proprietary" setting), blank lines inside a cue's text, a missing blank
line before the next "index + timing" pair. Text that is not part of a cue is skipped
with a warning; a file with text but no cue at all is rejected.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from vod_app.formats.decode import split_lines
from vod_app.formats.diagnostics import Diagnostics, snippet
from vod_app.formats.model import CaptionDocument, CaptionFormatError, Cue

__all__ = ["format_srt", "format_srt_timestamp", "parse_srt", "parse_srt_timing_line"]

_WS = " \t\f\v"
# Field lengths are capped: longer digit runs are garbage, and int() of huge runs raises.
_TS = r"([0-9]{1,9})[:：]([0-9]{1,9})[:：]([0-9]{1,9})(?:[,.:，．。：]([0-9]{0,9}))?"
_TIMING = re.compile(rf"[ \t\f\v]*{_TS}[ \t\f\v]*-[ -][ \t\f\v]*>[ \t\f\v]*{_TS}(.*)")
_INDEX = re.compile(r"[ \t\f\v]*-?[0-9]+(?:\.[0-9]*)?[ \t\f\v]*")


def parse_srt(text: str) -> CaptionDocument:
    """Parse SRT text. Blank input gives an empty document; text with no cue raises CaptionFormatError."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = split_lines(text.replace("\0", "\ufffd"))
    count = len(lines)
    warnings = Diagnostics()
    cues: list[Cue] = []
    garbage: list[int] = []  # indexes of the current run of lines that belong to no cue

    def flush_garbage() -> None:
        if garbage:
            _report_garbage(warnings, lines, garbage)
            garbage.clear()

    index = 0
    while index < count:
        line = lines[index]
        if _is_blank(line):
            flush_garbage()
            index += 1
            continue
        timing = _TIMING.match(line)
        cue_id: str | None = None
        # A failed timing line is not an index, even when a good one follows it.
        if timing is None and index + 1 < count and not _has_arrow(line):
            timing = _TIMING.match(lines[index + 1])
            if timing is not None:
                cue_id = line.strip(_WS)
                index += 1
        if timing is None:
            garbage.append(index)
            index += 1
            continue
        flush_garbage()
        start, end = _timing_ms(timing)
        if end < start:
            warnings.add(
                f"line {index + 1}: cue ends before it starts "
                f"({format_srt_timestamp(start)} > {format_srt_timestamp(end)})"
            )
        proprietary = timing.group(9).strip(_WS)
        text_lines, index = _collect_text(lines, index + 1)
        cues.append(
            Cue(
                start,
                end,
                "\n".join(text_lines),
                cue_id,
                (("proprietary", proprietary),) if proprietary else (),
            )
        )
    flush_garbage()

    if not cues and any(not _is_blank(line) for line in lines):
        first = next(line for line in lines if not _is_blank(line))
        raise CaptionFormatError(
            f"not an SRT file: no cue with a valid timing line (first line {snippet(first)})"
        )
    return CaptionDocument(cues=cues, warnings=warnings.result(), format="srt", encoding="")


def parse_srt_timing_line(line: str) -> tuple[int, int, str] | None:
    """``(start_ms, end_ms, proprietary text)`` for an SRT timing line, else None."""
    match = _TIMING.match(line)
    if match is None:
        return None
    start, end = _timing_ms(match)
    return start, end, match.group(9).strip(_WS)


def format_srt_timestamp(ms: int) -> str:
    """``hh:mm:ss,ttt`` with at least two hour digits."""
    if ms < 0:
        raise ValueError(f"negative timestamp {ms} ms cannot be written as SRT")
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d},{millis:03d}"


def format_srt(cues: Iterable[Cue]) -> str:
    """Serialise cues as SRT; ids are written as given (no index line when None)."""
    blocks = []
    for cue in cues:
        timing = f"{format_srt_timestamp(cue.start_ms)} --> {format_srt_timestamp(cue.end_ms)}"
        proprietary = dict(cue.settings).get("proprietary")
        if proprietary:
            timing += " " + proprietary
        lines = [cue.id] if cue.id is not None else []
        lines.append(timing)
        if cue.text:
            lines.append(cue.text)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n" if blocks else ""


def _has_arrow(line: str) -> bool:
    """Whether a line was probably meant as a timing line ("-->", "->", "- >")."""
    # Substring tests, not a regex with ".*": garbage lines can be megabytes long.
    return "->" in line or "- >" in line


def _is_blank(line: str) -> bool:
    return not line.strip(_WS)


def _timing_ms(match: re.Match[str]) -> tuple[int, int]:
    fields = [int(value) if value else 0 for value in match.groups()[:8]]
    start = ((fields[0] * 60 + fields[1]) * 60 + fields[2]) * 1000 + fields[3]
    end = ((fields[4] * 60 + fields[5]) * 60 + fields[6]) * 1000 + fields[7]
    return start, end


def _starts_block(lines: list[str], index: int) -> bool:
    """Whether the line at ``index`` (after a blank line) begins a new cue rather than more text."""
    line = lines[index]
    if _TIMING.match(line) or _INDEX.fullmatch(line):
        return True
    return index + 1 < len(lines) and _TIMING.match(lines[index + 1]) is not None


def _collect_text(lines: list[str], index: int) -> tuple[list[str], int]:
    """The text lines of a cue from ``index``; returns them and where the next block starts."""
    count = len(lines)
    text: list[str] = []
    while index < count:
        line = lines[index]
        if _TIMING.match(line):
            # No blank line before the next cue: its index, if any, is our last line.
            if text and _INDEX.fullmatch(text[-1]):
                text.pop()
                index -= 1
            break
        if _is_blank(line):
            following = index + 1
            while following < count and _is_blank(lines[following]):
                following += 1
            if following >= count or _starts_block(lines, following):
                return text, following
            # cdown/srt keeps blank lines that are followed by more text as part of the cue.
            text.extend(lines[index:following])
            index = following
            continue
        text.append(line)
        index += 1
    return text, index


def _report_garbage(warnings: Diagnostics, lines: list[str], run: list[int]) -> None:
    first, last = run[0], run[-1]
    where = f"line {first + 1}" if first == last else f"lines {first + 1}-{last + 1}"
    timing_like = next((i for i in run if _has_arrow(lines[i])), None)
    if timing_like is not None:
        warnings.add(f"line {timing_like + 1}: bad timing line {snippet(lines[timing_like])}, cue dropped")
    else:
        warnings.add(f"{where}: skipped text that is not part of a cue: {snippet(lines[first])}")

"""WebVTT parsing after the W3C WebVTT parser algorithm, plus chapters and serialisation.

The structure follows the spec's "WebVTT parser algorithm" and "collect a WebVTT block":
a line containing "-->" starts a cue when it is the first line of a block, or the second
after an identifier; anywhere else it ends the current block and starts the next one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from vod_app.formats.cuetext import cue_plain_text
from vod_app.formats.decode import split_lines
from vod_app.formats.diagnostics import Diagnostics, snippet
from vod_app.formats.model import CaptionDocument, CaptionFormatError, ChapterMark, Cue

__all__ = [
    "format_webvtt",
    "format_webvtt_timestamp",
    "has_webvtt_signature",
    "parse_webvtt",
    "parse_webvtt_timestamp",
    "webvtt_chapters",
]

_SIGNATURE = "WEBVTT"
_ARROW = "-->"
# ASCII whitespace as the spec defines it, minus LF/CR, which never occur inside a line.
_LINE_WS = " \t\f"
_SETTING_SPLIT = re.compile(r"[ \t\f]+")
# Digits are ASCII only: Python's \d would accept e.g. Arabic-Indic digits.
_TIMESTAMP = re.compile(r"([0-9]+):([0-9]+)(?::([0-9]+))?\.([0-9]+)")
# Beyond the spec: an hour field this long is nonsense, and int() of thousands of digits raises.
_MAX_HOUR_DIGITS = 9
_PERCENTAGE = re.compile(r"[0-9]+(?:\.[0-9]+)?%")
_LINE_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_BLOCK_KEYWORD = re.compile(r"(STYLE|REGION|NOTE)(?:[ \t]|$)")


def has_webvtt_signature(text: str) -> bool:
    """True when ``text`` (optionally after a BOM) starts with a valid WebVTT signature."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.startswith(_SIGNATURE) and (len(text) == 6 or text[6] in " \t\n\r")


def parse_webvtt(text: str) -> CaptionDocument:
    """Parse WebVTT text; raises CaptionFormatError when the WEBVTT signature is missing."""
    if not has_webvtt_signature(text):
        raise CaptionFormatError(f"not a WebVTT file: it must start with 'WEBVTT' ({_describe_start(text)})")
    if text.startswith("\ufeff"):
        text = text[1:]
    return _WebVTTParser(split_lines(text.replace("\0", "\ufffd"))).run()


def _describe_start(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text:
        return "it is empty"
    first_line = split_lines(text[:200])[0] if text[0] not in "\r\n" else ""
    return f"it starts with {snippet(first_line)}" if first_line else "the first line is empty"


def parse_webvtt_timestamp(text: str) -> int | None:
    """Milliseconds for a complete WebVTT timestamp such as ``01:02.003``, else None."""
    match = _TIMESTAMP.fullmatch(text)
    return _timestamp_ms(match) if match else None


def format_webvtt_timestamp(ms: int) -> str:
    """``hh:mm:ss.ttt`` with at least two hour digits."""
    if ms < 0:
        raise ValueError(f"negative timestamp {ms} ms cannot be written as WebVTT")
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def format_webvtt(cues: Iterable[Cue]) -> str:
    """Serialise cues as a WebVTT file; identifiers and settings are written as given."""
    blocks = ["WEBVTT"]
    for cue in cues:
        timing = f"{format_webvtt_timestamp(cue.start_ms)} --> {format_webvtt_timestamp(cue.end_ms)}"
        if cue.settings:
            timing += " " + " ".join(f"{name}:{value}" for name, value in cue.settings)
        lines = [cue.id] if cue.id else []
        lines.append(timing)
        if cue.text:
            lines.append(cue.text)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def webvtt_chapters(doc: CaptionDocument) -> tuple[list[ChapterMark], list[str]]:
    """Chapters from a WebVTT chapters file: a flat, non-overlapping list in time order.

    Nested chapters are left out and partial overlaps cut the earlier chapter short;
    both are reported in the returned warnings. Titles are plain text.
    """
    warnings = Diagnostics()
    chapters: list[ChapterMark] = []
    # Parents before their children: by start, then longest first.
    ordered = sorted(doc.cues, key=lambda cue: (cue.start_ms, -cue.end_ms))
    for cue in ordered:
        title = cue_plain_text(cue.text)
        when = f"{format_webvtt_timestamp(cue.start_ms)}-{format_webvtt_timestamp(cue.end_ms)}"
        if cue.end_ms < cue.start_ms:
            warnings.add(f"chapter {snippet(title)} ({when}) ends before it starts: left out")
            continue
        if chapters:
            previous = chapters[-1]
            assert previous.end_ms is not None
            if cue.start_ms < previous.end_ms:
                if cue.end_ms <= previous.end_ms:
                    warnings.add(
                        f"chapter {snippet(title)} ({when}) is nested in {snippet(previous.title)}: "
                        "only top-level chapters are listed"
                    )
                    continue
                warnings.add(
                    f"chapter {snippet(title)} ({when}) starts inside {snippet(previous.title)} and ends after it: "
                    f"{snippet(previous.title)} now ends at {format_webvtt_timestamp(cue.start_ms)}"
                )
                chapters[-1] = ChapterMark(previous.start_ms, cue.start_ms, previous.title)
        chapters.append(ChapterMark(cue.start_ms, cue.end_ms, title))
    return chapters, warnings.result()


def _timestamp_ms(match: re.Match[str]) -> int | None:
    """Apply the value rules of "collect a WebVTT timestamp" to a regex match."""
    first, second, third, fraction = match.groups()
    if len(fraction) != 3 or len(second) != 2:
        return None
    hours_first = len(first) != 2 or int(first) > 59
    if third is None:
        if hours_first:
            return None
        hours, minutes, seconds = 0, int(first), int(second)
    else:
        if len(third) != 2 or len(first) > _MAX_HOUR_DIGITS:
            return None
        hours, minutes, seconds = int(first), int(second), int(third)
    if minutes > 59 or seconds > 59:
        return None
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + int(fraction)


class _WebVTTParser:
    """One parse of one file: the spec's block loop over pre-split lines."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.cues: list[Cue] = []
        self.styles: list[str] = []
        self.regions: set[str] = set()
        self.seen_cue = False
        self.warnings = Diagnostics()

    def run(self) -> CaptionDocument:
        lines = self.lines
        count = len(lines)
        index = 1  # line 0 is the signature line, whatever follows "WEBVTT" on it
        if index < count:
            if lines[index] != "":
                index = self._collect_block(index, in_header=True)
            while index < count:
                if lines[index] == "":
                    index += 1
                    continue
                index = self._collect_block(index, in_header=False)
        return CaptionDocument(
            cues=self.cues, warnings=self.warnings.result(), format="webvtt", encoding="", styles=self.styles
        )

    def _collect_block(self, index: int, *, in_header: bool) -> int:
        """Collect one block starting at ``index``; returns the index where the next one starts."""
        lines = self.lines
        count = len(lines)
        first_index = index
        line_count = 0
        previous = index
        buffer: list[str] = []
        seen_arrow = False
        cue: tuple[int, int, tuple[tuple[str, str], ...], str | None] | None = None
        kind = ""
        bad_timing = False
        while index < count:
            line = lines[index]
            line_count += 1
            index += 1
            if _ARROW in line:
                if not in_header and (line_count == 1 or (line_count == 2 and not seen_arrow)):
                    seen_arrow = True
                    previous = index
                    timing = self._parse_timing_line(line)
                    if timing is None:
                        cue = None
                        bad_timing = True
                        self.warnings.add(f"line {index}: bad timing line {snippet(line)}, cue dropped")
                    else:
                        start, end, settings = timing
                        cue = (start, end, settings, buffer[0] if buffer and buffer[0] else None)
                        buffer = []
                        self.seen_cue = True
                        if end < start:
                            self.warnings.add(
                                f"line {index}: cue ends before it starts "
                                f"({format_webvtt_timestamp(start)} > {format_webvtt_timestamp(end)})"
                            )
                    continue
                index = previous
                break
            if line == "":
                break
            if not in_header and line_count == 2 and not self.seen_cue and cue is None and not bad_timing:
                # The spec decides STYLE / REGION on the second line, once the first is known.
                keyword = buffer[0] if buffer else ""
                if keyword.startswith("STYLE") and keyword[5:].strip(_LINE_WS) == "":
                    kind, buffer = "style", []
                elif keyword.startswith("REGION") and keyword[6:].strip(_LINE_WS) == "":
                    kind, buffer = "region", []
            buffer.append(line)
            previous = index

        if cue is not None:
            start, end, settings, cue_id = cue
            self.cues.append(Cue(start, end, "\n".join(buffer), cue_id, settings))
        elif kind == "style":
            self.styles.append("\n".join(buffer))
        elif kind == "region":
            self._add_region(buffer)
        elif not in_header and not bad_timing:
            self._report_ignored_block(first_index, lines[first_index:index])
        return index

    def _report_ignored_block(self, first_index: int, block: list[str]) -> None:
        first = block[0] if block else ""
        keyword = _BLOCK_KEYWORD.match(first)
        if keyword and keyword.group(1) == "NOTE":
            return
        if keyword:
            # Before the first cue this is an empty STYLE / REGION block: nothing lost.
            if self.seen_cue:
                self.warnings.add(
                    f"line {first_index + 1}: {keyword.group(1)} block after the first cue ignored"
                )
            return
        text = [line for line in block if line.strip(_LINE_WS)]
        if text:
            self.warnings.add(
                f"line {first_index + 1}: text without a timing line ignored: {snippet(text[0])}"
            )

    def _add_region(self, buffer: list[str]) -> None:
        for setting in _SETTING_SPLIT.split(" ".join(buffer)):
            name, colon, value = setting.partition(":")
            if colon and name == "id" and value and _ARROW not in value:
                self.regions.add(value)

    def _parse_timing_line(self, line: str) -> tuple[int, int, tuple[tuple[str, str], ...]] | None:
        """The spec's "collect WebVTT cue timings and settings"; None on failure."""
        position = len(line) - len(line.lstrip(_LINE_WS))
        match = _TIMESTAMP.match(line, position)
        start = _timestamp_ms(match) if match else None
        if match is None or start is None:
            return None
        position = match.end()
        while position < len(line) and line[position] in _LINE_WS:
            position += 1
        if not line.startswith(_ARROW, position):
            return None
        position += len(_ARROW)
        while position < len(line) and line[position] in _LINE_WS:
            position += 1
        match = _TIMESTAMP.match(line, position)
        end = _timestamp_ms(match) if match else None
        if match is None or end is None:
            return None
        return start, end, self._parse_settings(line[match.end() :])

    def _parse_settings(self, remainder: str) -> tuple[tuple[str, str], ...]:
        """The spec's "parse the WebVTT cue settings": valid ones as written, the last of a name wins."""
        kept: dict[str, str] = {}
        for setting in _SETTING_SPLIT.split(remainder):
            name, colon, value = setting.partition(":")
            if not colon or not name or not value or not self._setting_is_valid(name, value):
                continue
            kept.pop(name, None)
            kept[name] = value
        return tuple(kept.items())

    def _setting_is_valid(self, name: str, value: str) -> bool:
        if name == "vertical":
            return value in ("rl", "lr")
        if name == "align":
            return value in ("start", "center", "end", "left", "right")
        if name == "size":
            return _is_percentage(value)
        if name == "region":
            return value in self.regions
        if name == "line":
            position, comma, alignment = value.partition(",")
            if comma and alignment not in ("start", "center", "end"):
                return False
            if position.endswith("%"):
                return _is_percentage(position)
            return _LINE_NUMBER.fullmatch(position) is not None
        if name == "position":
            position, comma, alignment = value.partition(",")
            if comma and alignment not in ("line-left", "center", "line-right"):
                return False
            return _is_percentage(position)
        return False


def _is_percentage(value: str) -> bool:
    return _PERCENTAGE.fullmatch(value) is not None and float(value[:-1]) <= 100

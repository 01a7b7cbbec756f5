"""Chapters from a file given as chapters: a WebVTT chapters track or a description with timestamps.

An ordinary caption file is refused rather than read: every caption cue would become a "chapter"
(a WebVTT file) or nothing would be found for no stated reason (an SRT file). When a file yields no
chapters, ``why_none`` says why in one line, so ``vod-app chapters`` never answers with silence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from vod_app.formats.captions import read_limited
from vod_app.formats.decode import binary_data_reason, decode_text, split_lines
from vod_app.formats.model import CaptionDocument, CaptionFormatError, ChapterMark
from vod_app.formats.srt import parse_srt_timing_line
from vod_app.formats.timestamps import description_chapters
from vod_app.formats.webvtt import has_webvtt_signature, parse_webvtt, webvtt_chapters

__all__ = ["ChaptersFileResult", "looks_like_webvtt_chapters", "read_chapters_file"]

# Chapter and description files are small; refuse anything that is clearly something else.
_MAX_TEXT_FILE_BYTES = 16 * 1024 * 1024
_KIND_HEADER = re.compile(r"^Kind:\s*(\S+)", re.IGNORECASE)
# A chapter title is a short label; a caption is a sentence, often on two lines.
_MAX_TITLE_CHARS = 100
# Chapters partition the recording; captions leave gaps where nobody speaks.
_MAX_CHAPTER_GAP_MS = 1000
_MIN_CHAPTER_MS = 10_000
_VOICE_TAG = re.compile(r"<v[ .]")


@dataclass
class ChaptersFileResult:
    chapters: list[ChapterMark]
    warnings: list[str] = field(default_factory=list)
    why_none: str = ""


def read_chapters_file(path: Path, duration_ms: int | None) -> ChaptersFileResult:
    """Read ``path`` as chapters. Raises CaptionFormatError (message starts with the path) for a
    caption file, which is not a chapters file."""
    path = Path(path)
    text, _encoding, warnings = decode_text(read_limited(path, _MAX_TEXT_FILE_BYTES))
    binary = binary_data_reason(text)
    if binary is not None:
        raise CaptionFormatError(f"{path}: {binary}: neither a chapters track nor a description")
    if has_webvtt_signature(text):
        doc = parse_webvtt(text)
        if not looks_like_webvtt_chapters(doc, text, path.name):
            raise CaptionFormatError(
                f"{path}: a WebVTT caption file, not a chapters file (its cues are captions: "
                "several lines, cue settings, speakers or gaps between them); name a chapters "
                "track NAME.chapters.vtt or put 'Kind: chapters' in its header"
            )
        chapters, chapter_warnings = webvtt_chapters(doc)
        warnings += doc.warnings + chapter_warnings
        chapters = _fit_to_duration(chapters, duration_ms)
        why = "" if chapters else _why_no_webvtt_chapters(doc, duration_ms)
        return ChaptersFileResult(chapters, warnings, why)
    for number, line in enumerate(split_lines(text), 1):
        if parse_srt_timing_line(line) is not None:
            raise CaptionFormatError(
                f"{path}: an SRT caption file (line {number} is a cue timing), not chapters; "
                "give chapters as a WebVTT chapters track or a description with timestamps"
            )
    chapters, why = description_chapters(text, duration_ms)
    return ChaptersFileResult(chapters, warnings, why)


def looks_like_webvtt_chapters(doc: CaptionDocument, text: str, name: str = "") -> bool:
    """Is a WebVTT file a chapters track? By name or header first, else by the shape of its cues."""
    kind = _header_kind(text)
    if kind is not None:
        return kind == "chapters"
    if "chapters" in name.lower():  # NAME.chapters.vtt, the folder import's sidecar name
        return True
    cues = sorted(doc.cues, key=lambda cue: cue.start_ms)
    for cue in cues:
        if cue.settings or "\n" in cue.text.strip() or len(cue.text) > _MAX_TITLE_CHARS:
            return False
        if _VOICE_TAG.search(cue.text):
            return False
    top_level: list[tuple[int, int]] = []
    for cue in cues:
        if top_level and cue.end_ms <= top_level[-1][1]:
            continue  # nested chapter
        if top_level and cue.start_ms - top_level[-1][1] > _MAX_CHAPTER_GAP_MS:
            return False
        top_level.append((cue.start_ms, cue.end_ms))
    # YouTube's rule: a chapter lasts at least 10 s; a caption lasts a few seconds.
    lengths = sorted(end - start for start, end in top_level)
    return not lengths or lengths[len(lengths) // 2] >= _MIN_CHAPTER_MS


def _header_kind(text: str) -> str | None:
    """The value of a 'Kind:' line in the WebVTT header (the lines before the first blank one)."""
    for line in split_lines(text[:4096])[1:]:
        if not line.strip():
            return None
        match = _KIND_HEADER.match(line)
        if match:
            return match.group(1).lower()
    return None


def _why_no_webvtt_chapters(doc: CaptionDocument, duration_ms: int | None) -> str:
    if not doc.cues:
        return "the WebVTT file has no cues"
    if duration_ms is not None:
        return f"every chapter starts at or after the end of the recording ({duration_ms / 1000:g} s)"
    return "no cue is a usable chapter (see the warnings)"


def _fit_to_duration(chapters: list[ChapterMark], duration_ms: int | None) -> list[ChapterMark]:
    """Drop chapters that start at or after the end of the media and cut the last one there."""
    if duration_ms is None:
        return chapters
    fitted = []
    for chapter in chapters:
        if chapter.start_ms >= duration_ms:
            continue
        end = chapter.end_ms
        if end is not None and end > duration_ms:
            end = duration_ms
        fitted.append(ChapterMark(chapter.start_ms, end, chapter.title))
    return fitted

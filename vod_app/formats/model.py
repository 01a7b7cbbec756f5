"""Plain records shared by the caption and chapter parsers."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["CaptionDocument", "CaptionFormatError", "ChapterMark", "Cue"]


@dataclass(frozen=True, slots=True)
class Cue:
    """One timed caption.

    ``text`` is the cue text as in the file: tags kept, line breaks as ``"\\n"``.
    ``settings`` holds WebVTT cue settings that are valid per the spec, as written
    (``("line", "40%")``); for SRT it holds ``("proprietary", "X1:40 X2:600 ...")``
    when text follows the end timestamp on the timing line.
    """

    start_ms: int
    end_ms: int
    text: str
    id: str | None = None
    settings: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class ChapterMark:
    """A chapter start with its title; ``end_ms`` is None where unknown."""

    start_ms: int
    end_ms: int | None
    title: str


@dataclass(slots=True)
class CaptionDocument:
    """Result of parsing a caption file.

    ``encoding`` is what the bytes were decoded as ("" when the parser was given text).
    ``styles`` holds the raw text of WebVTT STYLE blocks.
    """

    cues: list[Cue]
    warnings: list[str]
    format: str
    encoding: str
    styles: list[str] = field(default_factory=list)


class CaptionFormatError(ValueError):
    """The input is not a caption file of the expected format; the message is one line."""

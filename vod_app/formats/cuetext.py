"""Plain text from cue text, for search indexing and plain display."""

from __future__ import annotations

import re
from html.entities import html5

__all__ = ["cue_plain_text", "cue_voice"]

# Only things that are markup in WebVTT or in SRT as players treat it: element tags
# (<b>, </i>, <v Roger>, <c.loud>, <font color="red">), WebVTT timestamp tags (<00:17.500>)
# and ASS override blocks ({\an8}). A lone "<" as in "2<3,5>1" stays text.
_MARKUP = re.compile(r"</?[A-Za-z][^<>]*>|<[0-9]+(?::[0-9]+)+\.[0-9]+>|\{\\[^{}\n]*\}")
_ENTITY = re.compile(r"&(?:#([0-9]{1,8})|#[xX]([0-9A-Fa-f]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));")
_SPACES = re.compile(r"\s+")
# A WebVTT voice span's start tag: <v Name> or <v.class Name>; the annotation is the speaker.
_VOICE = re.compile(r"<v(?:\.[^\s<>]*)?[ \t\f]+([^<>]+)>")


def cue_plain_text(text: str) -> str:
    """Strip tags, unescape character references, fold whitespace; keeps line breaks between lines."""
    text = _MARKUP.sub("", text)
    text = _ENTITY.sub(_unescape, text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _unescape(match: re.Match[str]) -> str:
    decimal, hexadecimal, name = match.groups()
    if name is not None:
        return html5.get(name + ";", match.group(0))
    code = int(decimal) if decimal is not None else int(hexadecimal, 16)
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    return chr(code)


def cue_voice(text: str) -> str:
    """The speaker named by the cue's first WebVTT voice span (``<v Roger Bingham>``), else ''."""
    match = _VOICE.search(text)
    if match is None:
        return ""
    return _SPACES.sub(" ", _ENTITY.sub(_unescape, match.group(1))).strip()

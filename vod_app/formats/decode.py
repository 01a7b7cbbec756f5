"""Bytes to text for caption and chapter files, never guessing silently."""

from __future__ import annotations

import codecs

__all__ = ["binary_data_reason", "decode_text", "split_lines"]

# UTF-32 first: its little-endian BOM starts with the UTF-16 little-endian one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)

# Bytes that Windows-1252 leaves undefined; browsers (WHATWG) map them to the C1 controls
# of the same value, which is what surrogateescape + this table reproduces.
_CP1252_HOLES = {0xDC00 + b: b for b in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}

_UTF16_SNIFF_BYTES = 4096


def decode_text(data: bytes) -> tuple[str, str, list[str]]:
    """Decode caption bytes: BOM (UTF-8/16/32), else UTF-8, else Windows-1252 with a warning.

    Returns ``(text, encoding, warnings)``; the BOM is not part of ``text``. Never raises.
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return _decode_or_replace(data[len(bom) :], codec, label)

    guessed = _sniff_utf16(data)
    if guessed is not None:
        try:
            text = data.decode(guessed)
        except UnicodeDecodeError:
            pass
        else:
            return (
                text,
                guessed,
                [f"no byte order mark, but the bytes look like {guessed.upper()}: decoded as such"],
            )

    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as exc:
        bad = data[exc.start]
        warning = (
            f"not valid UTF-8 (byte 0x{bad:02X} at offset {exc.start}): decoded as Windows-1252; "
            "re-save the file as UTF-8 if characters look wrong"
        )
    text = data.decode("cp1252", errors="surrogateescape").translate(_CP1252_HOLES)
    return text, "windows-1252", [warning]


def _decode_or_replace(body: bytes, codec: str, label: str) -> tuple[str, str, list[str]]:
    try:
        return body.decode(codec), label, []
    except UnicodeDecodeError as exc:
        warning = (
            f"invalid {codec.upper()} data after the byte order mark (offset {exc.start}): "
            "undecodable bytes replaced with U+FFFD"
        )
        return body.decode(codec, errors="replace"), label, [warning]


def _sniff_utf16(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16 of mostly-ASCII text by its pattern of NUL bytes."""
    sample = data[:_UTF16_SNIFF_BYTES]
    half = len(sample) // 2
    if half < 2 or b"\x00" not in sample:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    if odd_nuls >= 0.4 * half and even_nuls <= 0.05 * half:
        return "utf-16-le"
    if even_nuls >= 0.4 * half and odd_nuls <= 0.05 * half:
        return "utf-16-be"
    return None


def split_lines(text: str) -> list[str]:
    """Split on CRLF, CR or LF only (not on U+2028 etc.); a final line break ends the last line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines


# Controls that never occur in text people write (tab, line breaks, form feed and ESC excluded).
_BINARY_CONTROLS = frozenset(chr(c) for c in range(0x20) if c not in (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B))
_BINARY_SAMPLE_CHARS = 4096


def binary_data_reason(text: str) -> str | None:
    """Why decoded ``text`` is binary data rather than text (None when it is text).

    Random or compressed bytes decode as Windows-1252 into printable-looking garbage with control
    characters sprinkled through (about one in ten); quoting it back would show the user that
    garbage. Text files have none or a stray one.
    """
    sample = text[:_BINARY_SAMPLE_CHARS]
    controls = [i for i, ch in enumerate(sample) if ch in _BINARY_CONTROLS]
    if len(controls) >= 4 and len(controls) * 50 > len(sample):
        return f"binary data, not text (control character 0x{ord(sample[controls[0]]):02X} at character {controls[0]})"
    return None

"""Caption files from disk: read, decode, pick WebVTT or SRT, report errors with the file name."""

from __future__ import annotations

from pathlib import Path

from vod_app.formats.cuetext import cue_plain_text
from vod_app.formats.decode import binary_data_reason, decode_text
from vod_app.formats.mediafile import media_kind
from vod_app.formats.model import CaptionDocument, CaptionFormatError
from vod_app.formats.srt import parse_srt
from vod_app.formats.webvtt import has_webvtt_signature, parse_webvtt

__all__ = [
    "DEFAULT_MAX_BYTES",
    "captions_json",
    "cue_plain_text",
    "load_caption_file",
    "parse_caption_bytes",
    "read_limited",
]

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
_WEBVTT_SUFFIXES = (".vtt", ".webvtt")


def read_limited(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a whole file, refusing one larger than ``max_bytes`` before reading it."""
    size = path.stat().st_size
    if size > max_bytes:
        raise CaptionFormatError(f"{path}: file is too large ({size} bytes, limit {max_bytes})")
    with path.open("rb") as stream:
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:  # it grew while we looked
        raise CaptionFormatError(f"{path}: file is too large (more than {max_bytes} bytes)")
    return data


def parse_caption_bytes(data: bytes, name: str = "") -> CaptionDocument:
    """Decode and parse caption bytes: WebVTT by signature or a .vtt name, SRT otherwise.

    ``name`` is a file name used for the format choice only. Raises CaptionFormatError.
    """
    kind = media_kind(data[:1024])
    if kind is not None:  # decoded as Windows-1252, its header would be echoed as garbage
        raise CaptionFormatError(f"this is a media file ({kind}), not a caption file")
    if len(data) > 4096 and name.lower().endswith(_WEBVTT_SUFFIXES):
        # A .vtt without the signature is rejected: decide on the first bytes instead of decoding
        # (and, for garbage, CP1252-translating) up to 200 MB first.
        head, _encoding, _warnings = decode_text(data[:64])
        if not has_webvtt_signature(head):
            binary = binary_data_reason(decode_text(data[:4096])[0])
            if binary is not None:
                raise CaptionFormatError(f"not a WebVTT file: {binary}")
            parse_webvtt(head)  # raises the same "not a WebVTT file" error as the full parse
    text, encoding, decode_warnings = decode_text(data)
    if not text or text.isspace():
        raise CaptionFormatError("file is empty")
    is_webvtt = has_webvtt_signature(text) or name.lower().endswith(_WEBVTT_SUFFIXES)
    binary = None if has_webvtt_signature(text) else binary_data_reason(text)
    if binary is not None:  # quoting its first line would print garbage
        raise CaptionFormatError(f"not {'a WebVTT' if is_webvtt else 'an SRT'} file: {binary}")
    doc = parse_webvtt(text) if is_webvtt else parse_srt(text)
    doc.encoding = encoding
    doc.warnings[:0] = decode_warnings
    return doc


def load_caption_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> CaptionDocument:
    """Read and parse a WebVTT or SRT file; CaptionFormatError messages start with the path."""
    path = Path(path)
    data = read_limited(path, max_bytes)
    try:
        return parse_caption_bytes(data, path.name)
    except CaptionFormatError as exc:
        raise CaptionFormatError(f"{path}: {exc}") from None


def captions_json(path: Path) -> list[dict]:
    """The cues of a caption file as ``vod-app captions FILE --json`` prints them."""
    doc = load_caption_file(path)
    return [
        {"id": cue.id, "start_ms": cue.start_ms, "end_ms": cue.end_ms, "text": cue.text} for cue in doc.cues
    ]

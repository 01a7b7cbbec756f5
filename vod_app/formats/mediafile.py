"""Which files are media (audio/video) rather than text: one list of suffixes, and a content sniff.

The folder import and the command line both decide "is this a recording?" from the name; they share
this one list so that a file the import picks up is also one ``vod-app chapters`` probes (and the
other way round). The content sniff catches a media file given where text is expected
(``vod-app captions talk.mkv``), whatever its name, so that no binary header is ever echoed.
"""

from __future__ import annotations

__all__ = ["MEDIA_SUFFIXES", "is_media_name", "media_kind"]

# Containers libvlc plays that recordings of sessions come in, audio-only ones included.
# .mts/.m2ts: AVCHD camcorders; .ts: broadcast captures; .m4b: audiobook-style chaptered audio.
MEDIA_SUFFIXES: frozenset[str] = frozenset(
    {
        ".mkv", ".mka", ".webm",
        ".mp4", ".m4v", ".m4a", ".m4b", ".mov", ".3gp",
        ".avi", ".wmv", ".wma", ".asf", ".flv",
        ".ts", ".mts", ".m2ts", ".mpg", ".mpeg", ".vob",
        ".ogg", ".ogv", ".oga", ".opus",
        ".mp3", ".wav", ".flac", ".aac",
    }
)  # fmt: skip

# (offset, magic bytes, name). Checked on the first bytes of a file only.
_SIGNATURES: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x1a\x45\xdf\xa3", "Matroska/WebM"),
    (4, b"ftyp", "MP4/QuickTime"),
    (4, b"moov", "QuickTime"),
    (4, b"mdat", "QuickTime"),
    (0, b"OggS", "Ogg"),
    (0, b"fLaC", "FLAC"),
    (0, b"ID3", "MP3"),
    (0, b"FLV\x01", "FLV"),
    (0, b"\x30\x26\xb2\x75\x8e\x66\xcf\x11", "ASF/WMV"),
    (0, b"\x00\x00\x01\xba", "MPEG program stream"),
)


def is_media_name(name: str) -> bool:
    """True when the file name ends in a media suffix (any case)."""
    dot = name.rfind(".")
    return dot >= 0 and name[dot:].lower() in MEDIA_SUFFIXES


def media_kind(head: bytes) -> str | None:
    """The container name when ``head`` (a file's first bytes, 16+ wanted) is a media file, else None."""
    for offset, magic, name in _SIGNATURES:
        if head[offset : offset + len(magic)] == magic:
            return name
    if head[:4] == b"RIFF" and head[8:12] in (b"AVI ", b"WAVE"):
        return "AVI" if head[8:12] == b"AVI " else "WAV"
    # MPEG transport stream: a 0x47 sync byte every 188 bytes (192 for .m2ts with a time code).
    for packet, start in ((188, 0), (192, 4)):
        if len(head) >= start + 2 * packet + 1 and all(head[start + i * packet] == 0x47 for i in range(3)):
            return "MPEG transport stream"
    return None

"""Cheap checks on a local media file before libvlc sees it.

libvlc is lenient: it plays 92 ms out of a Matroska file whose EBML header is damaged, reports
the full length and every chapter of a file cut after 20 KB, and treats a directory as a
playlist. These checks read a few hundred bytes and turn such inputs into a clear reason.
"""

from __future__ import annotations

import os
import stat
from typing import BinaryIO

_EBML_MAGIC = b"\x1a\x45\xdf\xa3"
_SEGMENT_ID = 0x18538067
_MP4_TOP_LEVEL = frozenset(
    {
        b"ftyp",
        b"styp",
        b"moov",
        b"mdat",
        b"free",
        b"skip",
        b"wide",
        b"pdin",
        b"moof",
        b"mfra",
        b"sidx",
        b"uuid",
        b"meta",
    }
)
_MAX_BOXES = 10_000


def _read_vint(f: BinaryIO, keep_marker: bool) -> tuple[int, int, bool] | None:
    """EBML variable-length integer -> (value, length, all_ones) or None when malformed."""
    first = f.read(1)
    if not first or first[0] == 0:
        return None
    b0 = first[0]
    length = 8 - b0.bit_length() + 1
    rest = f.read(length - 1)
    if len(rest) != length - 1:
        return None
    value = b0 if keep_marker else b0 & ((1 << (8 - length)) - 1)
    for b in rest:
        value = (value << 8) | b
    all_ones = not keep_marker and value == (1 << (7 * length)) - 1
    return value, length, all_ones


def _matroska_problem(f: BinaryIO, size: int) -> str | None:
    f.seek(4)
    header_size = _read_vint(f, keep_marker=False)
    if header_size is None or header_size[2]:
        return "its Matroska (EBML) header is damaged"
    header_end = f.tell() + header_size[0]
    if header_end > size:
        return "its Matroska (EBML) header is cut short"
    # Every child of the EBML header must be a well-formed element ending inside the header.
    while f.tell() < header_end:
        element_id = _read_vint(f, keep_marker=True)
        if element_id is None or element_id[1] > 4:
            return "its Matroska (EBML) header is damaged"
        child_size = _read_vint(f, keep_marker=False)
        if child_size is None or f.tell() + child_size[0] > header_end:
            return "its Matroska (EBML) header is damaged"
        f.seek(f.tell() + child_size[0])
    segment_id = _read_vint(f, keep_marker=True)
    if segment_id is None or segment_id[0] != _SEGMENT_ID:
        return None  # not the usual layout: leave the verdict to libvlc
    segment_size = _read_vint(f, keep_marker=False)
    if segment_size is None:
        return "its Matroska segment header is damaged"
    value, _, unknown = segment_size
    needed = f.tell() + value
    if not unknown and needed > size:
        return f"the file is truncated ({size:,} bytes; its Matroska segment needs {needed:,})"
    return None


def _mp4_problem(f: BinaryIO, size: int) -> str | None:
    offset = 0
    for _ in range(_MAX_BOXES):
        if offset >= size:
            return None
        f.seek(offset)
        header = f.read(8)
        if len(header) < 8:
            return f"the file is truncated (a box header at byte {offset:,} is cut short)"
        box_size = int.from_bytes(header[:4], "big")
        box_type = header[4:]
        if box_size == 1:
            large = f.read(8)
            if len(large) < 8:
                return "the file is truncated (a box header is cut short)"
            box_size = int.from_bytes(large, "big")
        elif box_size == 0:
            return None  # last box, extends to the end of the file
        if box_size < 8:
            return f"its MP4 structure is damaged (box of {box_size} bytes at byte {offset:,})"
        if offset + box_size > size:
            kind = box_type.decode("latin-1")
            return f"the file is truncated ({size:,} bytes; its MP4 {kind!r} box needs {offset + box_size:,})"
        offset += box_size
    return None


def container_problem(path: str) -> str | None:
    """A reason why a Matroska/MP4 file is damaged or truncated, or None when it looks whole.

    Only structure that costs a few small reads is checked; other formats get None.
    """
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as f:
            head = f.read(8)
            if head.startswith(_EBML_MAGIC):
                return _matroska_problem(f, size)
            if len(head) == 8 and head[4:8] in _MP4_TOP_LEVEL:
                return _mp4_problem(f, size)
    except OSError as exc:
        return f"it cannot be read ({exc.strerror or exc})"
    return None


def local_file_problem(path: str) -> str | None:
    """Why a local path cannot be played (missing, folder, empty, unreadable), else None.

    Special files are refused: opening a FIFO would block forever.
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return "the file does not exist"
    except NotADirectoryError:
        return "the file does not exist"
    except OSError as exc:
        return f"it cannot be accessed ({exc.strerror or exc})"
    if stat.S_ISDIR(st.st_mode):
        return "it is a folder, not a media file"
    if not stat.S_ISREG(st.st_mode):
        return "it is not a regular file"
    if st.st_size == 0:
        return "the file is empty (0 bytes)"
    try:
        with open(path, "rb") as f:
            f.read(1)
    except OSError as exc:
        return f"the file cannot be read ({exc.strerror or exc})"
    return None


def describe_problem(path: str, reason: str) -> str:
    """One message naming the file and the reason, as the UI and CLI show it."""
    return f"Cannot play {path}: {reason}."

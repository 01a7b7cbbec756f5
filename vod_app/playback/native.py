"""Direct ctypes calls into libvlc where python-vlc's wrappers are unsafe.

* python-vlc 3.0.21203 declares `libvlc_media_track_t` with three pointers where libvlc has a
  union of one pointer: every later field is read at the wrong offset and `.language` can
  segfault (oaubert/python-vlc#222). The struct below is libvlc 3's.
* python-vlc's `get_full_chapter_descriptions()` raises ValueError for -1, returns None for 0
  and never releases libvlc's array; the reader below copies the data and releases it.

Function pointers come from `dll[name]` (a fresh object each time) so setting argtypes here never
changes the prototypes python-vlc uses.
"""

from __future__ import annotations

import ctypes
from typing import Any

from vod_app.playback.chapters import RawChapter
from vod_app.playback.tracks import RawTrack


class _MediaTrack(ctypes.Structure):
    # libvlc 3, include/vlc/libvlc_media.h: libvlc_media_track_t
    _fields_ = (
        ("i_codec", ctypes.c_uint32),
        ("i_original_fourcc", ctypes.c_uint32),
        ("i_id", ctypes.c_int),
        ("i_type", ctypes.c_int),  # libvlc_track_type_t
        ("i_profile", ctypes.c_int),
        ("i_level", ctypes.c_int),
        ("p_union", ctypes.c_void_p),  # union { audio*, video*, subtitle* }
        ("i_bitrate", ctypes.c_uint),
        ("psz_language", ctypes.c_char_p),
        ("psz_description", ctypes.c_char_p),
    )


class _ChapterDescription(ctypes.Structure):
    # libvlc 3, include/vlc/libvlc_media_player.h: libvlc_chapter_description_t
    _fields_ = (
        ("i_time_offset", ctypes.c_int64),
        ("i_duration", ctypes.c_int64),
        ("psz_name", ctypes.c_char_p),
    )


_TrackArray = ctypes.POINTER(ctypes.POINTER(_MediaTrack))
_ChapterArray = ctypes.POINTER(ctypes.POINTER(_ChapterDescription))
_cache: dict[tuple[int, str], Any] = {}


def _function(vlc: Any, name: str, restype: Any, *argtypes: Any) -> Any:
    key = (id(vlc.dll), name)
    if key not in _cache:
        f = vlc.dll[name]
        f.argtypes = argtypes
        f.restype = restype
        _cache[key] = f
    return _cache[key]


def _text(raw: bytes | None) -> str | None:
    if not raw:
        return None
    text = raw.decode("utf-8", "replace").strip()
    return text or None


def _fourcc(value: int) -> str | None:
    text = (value & 0xFFFFFFFF).to_bytes(4, "little").decode("latin-1").strip()
    return text if text and text.isprintable() else None


def read_media_tracks(vlc: Any, media: Any) -> list[RawTrack]:
    """Elementary streams of a parsed (or playing) Media, in libvlc's order."""
    get = _function(
        vlc, "libvlc_media_tracks_get", ctypes.c_uint, ctypes.c_void_p, ctypes.POINTER(_TrackArray)
    )
    release = _function(vlc, "libvlc_media_tracks_release", None, _TrackArray, ctypes.c_uint)
    array = _TrackArray()
    count = get(media._as_parameter_, ctypes.byref(array))
    if not count or not array:
        return []
    try:
        tracks = []
        for i in range(count):
            t = array[i].contents
            tracks.append(
                RawTrack(
                    id=int(t.i_id),
                    type=int(t.i_type),
                    codec=_fourcc(t.i_codec),
                    language=_text(t.psz_language),
                    description=_text(t.psz_description),
                )
            )
        return tracks
    finally:
        release(array, count)


def read_chapters(vlc: Any, player: Any, title: int = -1) -> list[RawChapter]:
    """Chapters of a title of the playing input (-1: the current title); [] when there are none."""
    get = _function(
        vlc,
        "libvlc_media_player_get_full_chapter_descriptions",
        ctypes.c_int,
        ctypes.c_void_p,
        ctypes.c_int,
        ctypes.POINTER(_ChapterArray),
    )
    release = _function(vlc, "libvlc_chapter_descriptions_release", None, _ChapterArray, ctypes.c_uint)
    array = _ChapterArray()
    count = get(player._as_parameter_, title, ctypes.byref(array))
    if count <= 0 or not array:
        return []
    try:
        chapters = []
        for i in range(count):
            c = array[i].contents
            chapters.append(RawChapter(start_ms=int(c.i_time_offset), name=c.psz_name))
        return chapters
    finally:
        release(array, count)

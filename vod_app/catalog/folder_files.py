"""What a folder holds for folder import: its media files, and the sidecars beside each one.

Walking and naming only: nothing here opens a media file (probing is the caller's) or reads what a
sidecar says (catalog/sidecars.py does).
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from vod_app.catalog.validation import normalize_lang
from vod_app.formats.mediafile import MEDIA_SUFFIXES

CAPTION_SUFFIXES = (".vtt", ".srt")
LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})?$")
THUMBNAIL_SUFFIXES = ("jpg", "jpeg", "png", "webp")


@dataclass
class Sidecars:
    captions: list[tuple[Path, str | None]] = field(default_factory=list)  # (file, language)
    chapters_file: Path | None = None
    metadata: Path | None = None
    info_json: Path | None = None  # yt-dlp
    nfo: Path | None = None  # Kodi NAME.nfo
    show_nfo: Path | None = None  # Kodi tvshow.nfo of the folder (or the one above a season folder)
    thumbnail: Path | None = None
    original_captions: set[Path] = field(default_factory=set)  # yt-dlp's NAME.LANG-orig.vtt

    def files(self) -> list[Path]:
        out = [p for p, _ in self.captions]
        out += [p for p in (self.chapters_file, self.metadata, self.info_json, self.nfo, self.show_nfo, self.thumbnail) if p is not None]
        return out


def find_sidecars(media: Path, siblings: list[Path]) -> Sidecars:
    """NAME.vtt, NAME.en.vtt, NAME.chapters.vtt, NAME.srt, NAME.fr.srt, NAME.json beside NAME.ext;
    yt-dlp's NAME.info.json, NAME.en-orig.vtt and NAME.jpg/.png/.webp; Kodi's NAME.nfo and tvshow.nfo."""
    stem = media.stem
    out = Sidecars()
    for p in siblings:
        name = p.name
        if name.lower() == "tvshow.nfo":
            out.show_nfo = p
        if not name.startswith(stem + ".") or p == media:
            continue
        middle = name[len(stem) + 1 :]
        lower = middle.lower()
        if lower == "json":
            out.metadata = p
        elif lower == "info.json":
            out.info_json = p
        elif lower == "nfo":
            out.nfo = p
        elif lower in THUMBNAIL_SUFFIXES:
            if out.thumbnail is None or THUMBNAIL_SUFFIXES.index(lower) < THUMBNAIL_SUFFIXES.index(out.thumbnail.suffix[1:].lower()):
                out.thumbnail = p
        elif lower == "chapters.vtt":
            out.chapters_file = p
        elif lower.endswith(CAPTION_SUFFIXES):
            tag = middle[: -4]
            if tag.lower().endswith("-orig"):  # yt-dlp: the track in the language spoken
                tag = tag[: -len("-orig")]
                out.original_captions.add(p)
            if tag == "":
                out.captions.append((p, None))
            elif LANG_TAG.match(tag):
                out.captions.append((p, normalize_lang(tag)))
    if out.nfo is None and sum(1 for p in siblings if p.suffix.lower() in MEDIA_SUFFIXES) == 1:
        # Kodi's movie.nfo describes the one film of its folder.
        out.nfo = next((p for p in siblings if p.name.lower() == "movie.nfo"), None)
    if out.show_nfo is None:
        above = media.parent.parent / "tvshow.nfo"  # Kodi: Show/tvshow.nfo, Show/Season 1/episode.mkv
        if above.is_file():
            out.show_nfo = above
    out.captions.sort(key=lambda c: (c[1] or "", c[0].name))
    return out


def file_stamp(media: Path, st: os.stat_result, side: Sidecars) -> str:
    """Changes when the file or one of its sidecars changes (size, mtime): unchanged files are not
    probed again."""
    h = hashlib.sha1(f"{st.st_size}:{st.st_mtime_ns}".encode())
    for p in side.files():
        try:
            s = p.stat()
            h.update(f"|{p.name}:{s.st_size}:{s.st_mtime_ns}".encode())
        except OSError:
            h.update(f"|{p.name}:gone".encode())
    return h.hexdigest()


def scan(folder: Path) -> tuple[list[Path], list[tuple[str, str]]]:
    """Media files below ``folder`` (sorted), and what could not be read while walking."""
    media: list[Path] = []
    problems: list[tuple[str, str]] = []

    def onerror(exc: OSError) -> None:
        problems.append((str(exc.filename), exc.strerror or str(exc)))

    for root, dirs, files in os.walk(folder, onerror=onerror):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            p = Path(root) / name
            if p.suffix.lower() in MEDIA_SUFFIXES and not name.startswith("."):
                media.append(p)
        for d in list(dirs):
            if Path(root, d).suffix.lower() in MEDIA_SUFFIXES:
                problems.append((str(Path(root, d)), "is a directory, not a media file"))
    return media, problems

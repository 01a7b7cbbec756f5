"""One list of media suffixes for the folder import and the command line, and the content sniff."""

from __future__ import annotations

from pathlib import Path

import pytest

from vod_app.catalog import folder_files
from vod_app.formats.mediafile import MEDIA_SUFFIXES, is_media_name, media_kind

ROOT = Path(__file__).resolve().parents[2]


def test_folder_import_uses_the_shared_list() -> None:
    assert folder_files.MEDIA_SUFFIXES is MEDIA_SUFFIXES
    assert {".mts", ".m2ts", ".ts", ".mkv", ".mp4", ".m4b", ".webm", ".mp3"} <= MEDIA_SUFFIXES
    assert not MEDIA_SUFFIXES & {".vtt", ".srt", ".json", ".txt"}


@pytest.mark.parametrize(("name", "media"), [("a.MKV", True), ("clip.mts", True), ("a.chapters.vtt", False), ("mkv", False)])
def test_is_media_name(name: str, media: bool) -> None:
    assert is_media_name(name) is media


def test_media_kind_from_the_first_bytes() -> None:
    assert media_kind((ROOT / "data" / "media" / "idm2017-panel-2-3.mkv").read_bytes()[:1024]) == "Matroska/WebM"
    assert media_kind(b"\x00\x00\x00\x20ftypisom" + bytes(100)) == "MP4/QuickTime"
    assert media_kind(b"RIFF\x00\x00\x00\x00WAVEfmt ") == "WAV"
    ts = (b"\x47" + bytes(187)) * 4
    assert media_kind(ts) == "MPEG transport stream"
    assert media_kind(b"WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n") is None
    assert media_kind("1\n00:00:01,000 --> 00:00:02,000\nGrüße\n".encode()) is None

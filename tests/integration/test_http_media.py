"""Media from a server on 127.0.0.1, played by real libvlc: Range requests and seeking, HLS, failures.

The server (tests/media_server.py, fixture ``server`` in conftest.py) serves the sample recording
and an HLS rendition of it made by data/make_sample_media.py (``build_hls``) into a temporary folder.
libvlc reads it through the app's relay (test_media_relay.py).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from media_server import MediaServer  # noqa: E402

SAMPLE = ROOT / "data" / "media" / "idm2017-panel-2-3.mkv"


def _wait_playing(qtbot, controller, past_ms: int = 300) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: controller.state() == "error" or (controller.state() == "playing" and controller.time_ms() > past_ms), timeout=20_000)
    assert controller.state() == "playing", controller.state()


def test_hls_rendition_is_small_and_reproducible(served_folder: Path, tmp_path: Path, make_sample_media) -> None:  # noqa: ANN001
    hls = served_folder / "hls"
    playlist = (hls / "idm2017-panel-2-3.m3u8").read_text("utf-8")
    segments = sorted(hls.glob("*.ts"))
    assert "#EXT-X-ENDLIST" in playlist and 5 <= len(segments) <= 12
    assert sum(p.stat().st_size for p in segments) < 3_000_000
    again = make_sample_media.build_hls(SAMPLE, tmp_path / "again")
    assert again.read_text("utf-8") == playlist
    assert all((tmp_path / "again" / p.name).read_bytes() == p.read_bytes() for p in segments)


def test_http_file_plays_and_a_seek_is_a_range_request(qtbot, controller, server: MediaServer) -> None:
    buffering: list[int] = []
    controller.buffering_changed.connect(buffering.append)
    controller.open(server.url(SAMPLE.name))
    _wait_playing(qtbot, controller)
    assert controller.length_ms() == 90_000
    assert buffering and buffering[0] < 100  # a network input reports its cache filling
    seen = len(server.requests)
    controller.seek(60_000)
    qtbot.waitUntil(lambda: 61_000 <= controller.time_ms() <= 64_000 and controller.state() == "playing", timeout=20_000)  # played on past 1:00
    later = [start for start, _end in server.ranges()[seen:] if start > 500_000]
    assert later, server.requests  # the bytes around 1:00 came from a new Range request


def test_hls_playlist_plays_and_seeks(qtbot, controller, server: MediaServer) -> None:
    controller.open(server.url("hls/idm2017-panel-2-3.m3u8"))
    _wait_playing(qtbot, controller)
    assert 89_000 <= controller.length_ms() <= 91_000
    controller.seek(45_000)
    qtbot.waitUntil(lambda: 46_000 <= controller.time_ms() <= 49_000, timeout=20_000)
    fetched = [path for path, _range in server.requests]
    assert "/hls/idm2017-panel-2-3-004.ts" in fetched and "/hls/idm2017-panel-2-3-002.ts" not in fetched


def test_missing_file_and_stopped_server_fail_with_the_url(qtbot, controller, server: MediaServer) -> None:
    from vod_app.playback.network_probe import check_server

    errors: list[str] = []
    controller.error_occurred.connect(errors.append)
    controller.open(server.url("nothere.mkv"))
    qtbot.waitUntil(lambda: controller.state() == "error", timeout=20_000)
    assert "nothere.mkv" in errors[-1] and "Traceback" not in errors[-1]
    found = check_server(server.url("nothere.mkv"))
    assert (found.kind, found.status, found.host) == ("not_found", 404, f"127.0.0.1:{server.port}")
    assert check_server(server.url(SAMPLE.name)).kind == "ok"
    server.stop()
    controller.open(server.url(SAMPLE.name))
    qtbot.waitUntil(lambda: controller.state() == "error", timeout=20_000)
    down = check_server(server.url(SAMPLE.name))
    assert down.kind == "unreachable" and down.transient and "refused" in down.detail.lower()


def test_a_stream_cut_off_midway_is_an_error_not_the_end(qtbot, controller, served_folder: Path) -> None:
    slow = MediaServer(served_folder, rate=15_000)  # about the media's own bit rate
    slow.start()
    try:
        controller.open(slow.url(SAMPLE.name))
        _wait_playing(qtbot, controller, past_ms=1_000)
        slow.stop()  # the connection is cut while it plays
        qtbot.waitUntil(lambda: controller.state() in ("error", "ended"), timeout=60_000)
        assert controller.state() == "error"
        assert controller.time_ms() < 80_000
    finally:
        slow.stop()


def test_an_option_in_the_url_is_sent_to_the_server_not_read_by_libvlc(qtbot, controller, server: MediaServer, tmp_path: Path) -> None:
    dst = tmp_path / "written-by-sout.ts"
    url = server.url(f"{SAMPLE.name}?:sout=file/ts:{dst}&:demux=dump")
    assert ":" in url.split("?", 1)[1]
    controller.open(url)
    _wait_playing(qtbot, controller, past_ms=1_000)
    assert not dst.exists()
    assert any(path.startswith(f"/{SAMPLE.name}?:sout=") for path, _range in server.requests)



MEDIA_PLAYLIST = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:10\n#EXT-X-MEDIA-SEQUENCE:0\n{}\n#EXT-X-ENDLIST\n"


@pytest.mark.parametrize(
    "playlist",
    [
        MEDIA_PLAYLIST.format("#EXTINF:10.0,\n{local_uri}"),  # a segment on this machine
        MEDIA_PLAYLIST.format("#EXTINF:10.0,\nfile:{local_path}"),
        "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=200000\n{local_playlist_uri}\n",  # a local variant playlist
    ],
    ids=["file-uri-segment", "file-path-segment", "file-variant-playlist"],
)
def test_a_remote_playlist_never_makes_libvlc_read_a_local_file(
    qtbot, controller, server: MediaServer, served_folder: Path, tmp_path: Path, playlist: str  # noqa: ANN001
) -> None:
    """A playlist from a server (the catalog's media server, a media root) naming file:// segments
    or variant playlists: libvlc 3's adaptive module fetches only http(s), and the app's relay
    rewrites such URIs to its refused path, so nothing local is played (docs/playback.md, "Media
    from a server"). The same segment from the server plays (test_hls_playlist_plays_and_seeks)."""
    local = tmp_path / "private-copy.ts"
    shutil.copyfile(served_folder / "hls" / "idm2017-panel-2-3-000.ts", local)
    local_list = tmp_path / "private.m3u8"
    local_list.write_text(MEDIA_PLAYLIST.format(f"#EXTINF:10.0,\n{local.as_uri()}"), "utf-8")
    name = f"hls/{tmp_path.name}.m3u8"
    body = playlist.format(local_uri=local.as_uri(), local_path=local, local_playlist_uri=local_list.as_uri())
    (served_folder / name).write_text(body, "utf-8")
    seen: list[int] = []
    controller.open(server.url(name))
    qtbot.waitUntil(lambda: seen.append(controller.time_ms()) or controller.state() in ("error", "ended"), timeout=20_000)
    assert max(seen) <= 0, f"libvlc played {max(seen)} ms of a local file"
    assert any(path == f"/{name}" for path, _range in server.requests)  # libvlc did read the playlist

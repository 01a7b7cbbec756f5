"""The relay's pure parts: HLS playlist rewriting, relay URLs and the token (no libvlc)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vod_app.playback.http_relay import HttpRelay, is_playlist, rewrite_playlist

PREFIX = "http://127.0.0.1:1/T/"


def _to_relay(url: str | None) -> str:
    return PREFIX + ("refused" if url is None else url)


def test_every_uri_becomes_a_relay_url_resolved_against_the_final_playlist_url() -> None:
    text = (
        "\ufeff#EXTM3U\n"
        '#EXT-X-KEY:METHOD=AES-128,URI="key.bin",IV=0x1\n'
        '#EXT-X-MAP:URI="file:///etc/passwd\n'  # unclosed: a parser could read it to the end
        '#EXT-X-MEDIA:TYPE=AUDIO,uri=../a/b.m3u8,NAME="x"\n'
        "#EXTINF:10,\nseg0.ts\n  /abs/seg1.ts\n//cdn.example/seg2.ts?x=1#frag\n"
        "http://other.example:8080/seg3.ts\nfile:///tmp/x.ts\nv4l2:///dev/video0\ndata:,x\nß/ü.ts\n"
    )
    out = rewrite_playlist(text, "https://h.example/hls/list.m3u8?tok=1", _to_relay).splitlines()
    assert out == [
        "#EXTM3U",
        f'#EXT-X-KEY:METHOD=AES-128,URI="{PREFIX}https://h.example/hls/key.bin",IV=0x1',
        f'#EXT-X-MAP:URI="{PREFIX}refused"',
        f'#EXT-X-MEDIA:TYPE=AUDIO,URI="{PREFIX}https://h.example/a/b.m3u8",NAME="x"',
        "#EXTINF:10,",
        f"{PREFIX}https://h.example/hls/seg0.ts",
        f"{PREFIX}https://h.example/abs/seg1.ts",
        f"{PREFIX}https://cdn.example/seg2.ts?x=1",
        f"{PREFIX}http://other.example:8080/seg3.ts",
        f"{PREFIX}refused",
        f"{PREFIX}refused",
        f"{PREFIX}refused",
        f"{PREFIX}https://h.example/hls/%C3%9F/%C3%BC.ts",  # UTF-8, percent-encoded
    ]


line = st.one_of(
    st.text(max_size=40),
    st.builds(lambda tag, v: f"#{tag}:URI={v}", st.text(max_size=10), st.text(max_size=30)),
    st.sampled_from(["file:///etc/passwd", "udp://@:5599", "a.ts", "/x.ts", "http://h/x.ts", "#EXTINF:1,", "  file:/x"]),
)


@given(st.lists(line, max_size=12))
@settings(max_examples=300)
def test_no_uri_leaves_a_playlist_unrelayed(lines: list[str]) -> None:
    out = rewrite_playlist("\n".join(lines), "http://h.example/p/list.m3u8", _to_relay)
    for row in out.splitlines():
        if row.startswith("#"):
            for m in re.finditer(r"URI=", row, re.IGNORECASE):
                assert row[m.end() :].startswith('"' + PREFIX), row
        else:
            assert row == "" or row.startswith(PREFIX), row


def test_playlists_are_told_by_type_or_name() -> None:
    assert is_playlist("application/vnd.apple.mpegurl; charset=utf-8", "http://h/x")
    assert is_playlist("Audio/MpegURL", "http://h/x")
    assert is_playlist(None, "http://h/live/INDEX.M3U8?t=1")
    assert not is_playlist("video/mp2t", "http://h/x.ts?name=a.m3u8")


def test_relay_urls_keep_the_path_and_query_and_need_the_token() -> None:
    relay = HttpRelay()
    try:
        url = relay.url_for("https://Media.example:8443/a%20b/c.mkv?:sout=x&y=1")
        base = f"http://127.0.0.1:{relay.port}/{relay.token}"
        assert url == f"{base}/https/Media.example:8443/a%20b/c.mkv?:sout=x&y=1"
        path = url.removeprefix(f"http://127.0.0.1:{relay.port}")
        assert relay.remote_url(path) == "https://Media.example:8443/a%20b/c.mkv?:sout=x&y=1"
        assert relay.remote_url(path.replace(relay.token, "x" * len(relay.token))) is None
        assert relay.remote_url(f"/{relay.token}/file//etc/passwd") == ""
        assert relay.remote_url(f"/{relay.token}/refused") == ""
        assert relay.remote_url(f"/{relay.token}/http/u:p@h/x") == ""  # what url_problem refuses
        assert relay.url_for("http://h") == f"{base}/http/h/"
        assert relay.url_for("http://bücher.example:8080/a.mkv") == f"{base}/http/xn--bcher-kva.example:8080/a.mkv"
        assert relay.url_for("http://h/Vortrag-ü.mkv?t=ß") == f"{base}/http/h/Vortrag-%C3%BC.mkv?t=%C3%9F"
        assert relay.remote_url(f"/{relay.token}/http/h/\xc3\xbc.mkv") == "http://h/%C3%BC.mkv"  # raw UTF-8, read as latin-1
        other = HttpRelay()
        other.stop()
        assert len(relay.token) >= 32 and relay.token != other.token and relay.port != other.port
    finally:
        relay.stop()


@pytest.mark.parametrize(
    ("header", "url"),
    [
        # http.client reads a header's bytes as latin-1: a server's UTF-8 arrives as mojibake.
        ("http://bücher.example/ét?q=ñ".encode().decode("latin-1"), "http://xn--bcher-kva.example/%C3%A9t?q=%C3%B1"),
        ("https://bücher.example:8443/a b".encode().decode("latin-1"), "https://xn--bcher-kva.example:8443/a%20b"),  # as browsers send it
        ("/other/plain.mkv", "/other/plain.mkv"),
        ("http://host.example/caf\xe9", "http://host.example/caf%C3%A9"),  # latin-1 bytes, not UTF-8
    ],
)
def test_a_redirect_to_a_non_ascii_host_goes_to_its_punycode_name(header: str, url: str) -> None:
    from vod_app.playback.http_relay import redirect_location

    assert redirect_location(header) == url

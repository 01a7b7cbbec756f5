"""Media from a server goes through the app's loopback relay (playback/http_relay.py), real libvlc.

libvlc 3 follows an http(s) redirect to any scheme; the relay follows redirects itself, within
http(s), and answers 502 to the others. Redirects within http(s), Range seeking and HLS (relative,
absolute and redirected playlists) still play; the relay is no open proxy (token, GET/HEAD only).
"""

from __future__ import annotations

import http.client
import logging
import shutil
from pathlib import Path

import pytest
from media_server import MediaServer
from test_http_media import SAMPLE, _wait_playing

HLS = "hls/idm2017-panel-2-3.m3u8"


def _never_plays(qtbot, controller) -> list[int]:  # noqa: ANN001
    seen: list[int] = []
    qtbot.waitUntil(lambda: seen.append(controller.time_ms()) or controller.state() in ("error", "ended") or max(seen) > 0, timeout=20_000)
    qtbot.wait(300)  # what libvlc would still do after the relay's 502 shows here
    seen.append(controller.time_ms())
    return seen


@pytest.mark.parametrize("where", ["local-file", "camera", "udp-listener"])
def test_a_redirect_out_of_http_is_never_followed(qtbot, controller, server: MediaServer, tmp_path: Path, caplog: pytest.LogCaptureFixture, where: str) -> None:  # noqa: ANN001
    """Before the relay, libvlc played the local file, opened the camera, listened on the port."""
    local = tmp_path / "local.mkv"
    shutil.copyfile(SAMPLE, local)  # a real, playable local copy
    location = {"local-file": local.as_uri(), "camera": "v4l2:///dev/video0", "udp-listener": "udp://@:5599"}[where]
    server.redirects["/moved.mkv"] = location
    caplog.set_level(logging.WARNING, logger="vod_app.playback.http_relay")
    controller.open(server.url("moved.mkv"))
    seen = _never_plays(qtbot, controller)
    assert controller.state() == "error" and max(seen) <= 0, f"libvlc played {max(seen)} ms"
    from vod_app.playback.http_relay import relay

    assert controller._handles.media.get_mrl().startswith(f"http://127.0.0.1:{relay().port}/{relay().token}/http/")
    refusals = [r.getMessage() for r in caplog.records if "not followed" in r.getMessage()]
    assert refusals and all(location in m for m in refusals), caplog.text
    assert any(p == "/moved.mkv" for p, _r in server.requests)


@pytest.mark.parametrize("location", ["absolute", "relative"])
def test_a_redirect_within_http_plays_and_seeks(qtbot, controller, server: MediaServer, location: str) -> None:  # noqa: ANN001
    server.redirects["/old/talk.mkv"] = server.url(SAMPLE.name) if location == "absolute" else f"/{SAMPLE.name}"
    controller.open(server.url("old/talk.mkv"))
    _wait_playing(qtbot, controller)
    assert controller.length_ms() == 90_000
    seen = len(server.requests)
    controller.seek(60_000)
    qtbot.waitUntil(lambda: 61_000 <= controller.time_ms() <= 64_000 and controller.state() == "playing", timeout=20_000)
    later = [(path, rng) for path, rng in server.requests[seen:] if rng and rng != "bytes=0-"]
    assert later and all(path in ("/old/talk.mkv", f"/{SAMPLE.name}") for path, _r in later), server.requests[seen:]


@pytest.mark.parametrize("kind", ["absolute-segments", "redirected-playlist"])
def test_hls_through_the_relay(qtbot, controller, server: MediaServer, served_folder: Path, kind: str) -> None:  # noqa: ANN001
    """Segments named by absolute http URLs, and a playlist reached by a redirect whose relative
    segments resolve against where it was found (/hls/), not the URL first asked (/moved/)."""
    if kind == "absolute-segments":
        text = (served_folder / HLS).read_text("utf-8")
        lines = [server.url(f"hls/{ln}") if ln.endswith(".ts") else ln for ln in text.splitlines()]
        (served_folder / "absolute.m3u8").write_text("\n".join(lines) + "\n", "utf-8")
        url = server.url("absolute.m3u8")
    else:
        server.redirects["/moved/list.m3u8"] = f"/{HLS}"
        url = server.url("moved/list.m3u8")
    controller.open(url)
    _wait_playing(qtbot, controller, past_ms=1_000)
    assert 89_000 <= controller.length_ms() <= 91_000
    fetched = [path for path, _range in server.requests]
    assert "/hls/idm2017-panel-2-3-000.ts" in fetched and not [p for p in fetched if p.startswith("/moved/") and p.endswith(".ts")]


def _ask(port: int, method: str, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request(method, path, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def test_the_relay_passes_ranges_and_serves_only_with_its_token(server: MediaServer, caplog: pytest.LogCaptureFixture) -> None:
    from vod_app.playback.http_relay import relay

    r = relay()
    path = r.url_for(server.url(SAMPLE.name)).removeprefix(f"http://127.0.0.1:{r.port}")
    size = SAMPLE.stat().st_size
    status, headers, body = _ask(r.port, "GET", path, {"Range": "bytes=100-199"})
    assert (status, headers["content-range"], headers["accept-ranges"], body) == (206, f"bytes 100-199/{size}", "bytes", SAMPLE.read_bytes()[100:200])
    assert headers["content-type"] == "video/x-matroska"
    status, headers, _ = _ask(r.port, "GET", path, {"Range": f"bytes={size + 10}-"})
    assert (status, headers["content-range"]) == (416, f"bytes */{size}")
    assert _ask(r.port, "HEAD", path)[:2][0] == 200
    assert _ask(r.port, "GET", r.url_for(server.url("nothere.mkv")).removeprefix(f"http://127.0.0.1:{r.port}"))[0] == 404
    wrong = path.replace(r.token, r.token[::-1])
    assert _ask(r.port, "GET", wrong)[0] == 403
    assert _ask(r.port, "GET", f"/{SAMPLE.name}")[0] == 403
    assert _ask(r.port, "POST", path)[0] == 501
    caplog.set_level(logging.WARNING, logger="vod_app.playback.http_relay")
    assert _ask(r.port, "GET", f"/{r.token}/file//etc/passwd")[0] == 403
    assert "refused to fetch" in caplog.text and r.token not in caplog.text
    requests = [p for p, _r in server.requests]
    assert requests.count(f"/{SAMPLE.name}") == 3  # the wrong-token and POST requests never reached it


def test_the_app_quits_with_the_relay_stopped(server: MediaServer) -> None:
    from vod_app.playback import http_relay

    first = http_relay.relay()
    http_relay.stop_relay()
    with pytest.raises(OSError):
        _ask(first.port, "GET", "/")
    again = http_relay.relay()  # the next http(s) open starts a new one
    assert again is not first and again.token != first.token
    status, _headers, _body = _ask(again.port, "HEAD", again.url_for(server.url(SAMPLE.name)).removeprefix(f"http://127.0.0.1:{again.port}"))
    assert status == 200


def test_https_certificates_are_verified(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A self-signed server: the relay refuses it (502), as libvlc's own https client did."""
    import ssl
    import subprocess
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from vod_app.playback.http_relay import relay

    assert shutil.which("openssl"), "openssl is needed for a self-signed certificate"
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-days", "1", "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True, timeout=60)

    class Ok(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args: object) -> None:
            pass

    srv = ThreadingHTTPServer(("127.0.0.1", 0), Ok)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    srv.socket = context.wrap_socket(srv.socket, server_side=True)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        r = relay()
        caplog.set_level(logging.INFO, logger="vod_app.playback.http_relay")
        url = f"https://127.0.0.1:{srv.server_address[1]}/a.mkv"
        status, _headers, _body = _ask(r.port, "GET", r.url_for(url).removeprefix(f"http://127.0.0.1:{r.port}"))
        assert status == 502 and "CERTIFICATE_VERIFY_FAILED" in caplog.text
    finally:
        srv.shutdown()
        srv.server_close()


def test_a_relay_that_cannot_listen_is_a_message(qtbot, controller, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    from vod_app.playback import http_relay

    def no_socket(self: object) -> None:
        raise PermissionError(13, "Permission denied")

    http_relay.stop_relay()
    monkeypatch.setattr(http_relay.HttpRelay, "__init__", no_socket)
    errors: list[str] = []
    controller.error_occurred.connect(errors.append)
    assert controller.open("http://127.0.0.1:9/a.mkv") is False
    assert controller.state() == "error" and "media relay could not start" in errors[-1] and "http://127.0.0.1:9/a.mkv" in errors[-1]

"""check_server against real sockets on 127.0.0.1: each kind of failure is told apart."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from vod_app.playback.network_probe import check_server


@pytest.fixture
def raw_server() -> Iterator[tuple[socket.socket, list[bytes]]]:
    """A listening socket; the test decides what (if anything) each connection gets back."""
    sock = socket.create_server(("127.0.0.1", 0))
    yield sock, []
    sock.close()


def _answer_once(sock: socket.socket, reply: bytes | None, seen: list[bytes]) -> threading.Thread:
    def serve() -> None:
        conn, _ = sock.accept()
        with conn:
            seen.append(conn.recv(4096))
            if reply is None:
                conn.recv(1)  # say nothing until the client gives up
            else:
                conn.sendall(reply)

    t = threading.Thread(target=serve, daemon=True)
    t.start()
    return t


@pytest.mark.parametrize(
    ("status", "kind"),
    [(200, "ok"), (206, "ok"), (302, "ok"), (404, "not_found"), (410, "not_found"), (403, "denied"), (401, "denied"), (503, "server_error"), (500, "server_error")],
)
def test_status_codes(raw_server, status: int, kind: str) -> None:  # noqa: ANN001
    sock, seen = raw_server
    port = sock.getsockname()[1]
    t = _answer_once(sock, f"HTTP/1.1 {status} X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".encode(), seen)
    found = check_server(f"http://127.0.0.1:{port}/archive/a%20b.mkv?x=1", timeout=3)
    t.join(3)
    assert (found.kind, found.status, found.host, found.path) == (kind, status, f"127.0.0.1:{port}", "/archive/a%20b.mkv")
    assert seen[0].startswith(b"GET /archive/a%20b.mkv?x=1 HTTP/1.1") and b"Range: bytes=0-0" in seen[0]
    assert found.transient == (kind == "server_error")


def test_a_server_that_does_not_answer_is_a_timeout(raw_server) -> None:  # noqa: ANN001
    sock, seen = raw_server
    _answer_once(sock, None, seen)
    found = check_server(f"http://127.0.0.1:{sock.getsockname()[1]}/a.mkv", timeout=0.5)
    assert found.kind == "timeout" and found.transient


def test_nobody_listening_and_refused_urls() -> None:
    free = socket.create_server(("127.0.0.1", 0))
    port = free.getsockname()[1]
    free.close()
    found = check_server(f"http://127.0.0.1:{port}/a.mkv", timeout=2)
    assert found.kind == "unreachable" and "refused" in found.detail.lower()
    assert check_server("https://ana:pw@127.0.0.1/a.mkv").kind == "refused_url"  # never even asked


@pytest.mark.parametrize("location", ["file:///etc/passwd", "v4l2:///dev/video0", "udp://@:5599", "http://u:p@127.0.0.1/a.mkv"])
def test_a_redirect_out_of_http_is_a_refused_url(raw_server, location: str) -> None:  # noqa: ANN001
    """The check sees what the player's relay sees: a redirect it would not follow names the URL."""
    sock, seen = raw_server
    port = sock.getsockname()[1]
    t = _answer_once(sock, f"HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".encode(), seen)
    found = check_server(f"http://127.0.0.1:{port}/a.mkv", timeout=3)
    t.join(3)
    assert (found.kind, found.host, found.path) == ("refused_url", f"127.0.0.1:{port}", "/a.mkv")
    assert location.split(":", 1)[0] in found.detail and not found.transient


def test_a_redirect_within_http_is_followed(raw_server) -> None:  # noqa: ANN001
    sock, seen = raw_server
    port = sock.getsockname()[1]

    def serve() -> None:
        for reply in ("HTTP/1.1 302 Found\r\nLocation: /moved/b.mkv\r\nContent-Length: 0\r\n\r\n", "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"):
            conn, _ = sock.accept()
            with conn:
                seen.append(conn.recv(4096))
                conn.sendall(reply.encode())

    t = threading.Thread(target=serve, daemon=True)
    t.start()
    found = check_server(f"http://127.0.0.1:{port}/a.mkv", timeout=3)
    t.join(3)
    assert (found.kind, found.status, found.path) == ("not_found", 404, "/a.mkv")  # the original URL's path
    assert seen[1].startswith(b"GET /moved/b.mkv HTTP/1.1")


def test_a_redirect_to_a_non_ascii_path_is_followed_percent_encoded(raw_server) -> None:  # noqa: ANN001
    sock, seen = raw_server
    port = sock.getsockname()[1]

    def serve() -> None:
        for reply in ("HTTP/1.1 302 Found\r\nLocation: /Vortrag-ü.mkv\r\nContent-Length: 0\r\n\r\n", "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"):
            conn, _ = sock.accept()
            with conn:
                seen.append(conn.recv(4096))
                conn.sendall(reply.encode("utf-8"))

    t = threading.Thread(target=serve, daemon=True)
    t.start()
    found = check_server(f"http://127.0.0.1:{port}/a.mkv", timeout=3)
    t.join(3)
    assert found.kind == "ok" and seen[1].startswith(b"GET /Vortrag-%C3%BC.mkv HTTP/1.1")

"""A small threaded HTTP server on 127.0.0.1 serving a folder, for the tests of media from a server.

It honours ``Range`` (206 with ``Content-Range``, ``Accept-Ranges: bytes``, 416 past the end),
answers 404 for what is not there, answers ``302`` for the paths in ``redirects`` (to any
Location, ``file:`` and ``v4l2:`` included), records every request (path and Range header), and can be
stopped (open connections are cut, as when a server goes away) and started again on the same port.
"""

from __future__ import annotations

import contextlib
import re
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

TYPES = {".mkv": "video/x-matroska", ".mp4": "video/mp4", ".m3u8": "application/vnd.apple.mpegurl", ".ts": "video/mp2t", ".vtt": "text/vtt"}
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


class MediaServer:
    def __init__(self, root: Path, rate: int | None = None) -> None:
        self.root = root.resolve()
        self.rate = rate  # bytes per second per response (None: as fast as it goes)
        self.requests: list[tuple[str, str | None]] = []  # (path, Range header)
        self.redirects: dict[str, str] = {}  # request path ("/a.mkv") -> Location of a 302
        self.port = 0
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._sockets: set[socket.socket] = set()
        self._lock = threading.Lock()

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/{name}"

    @property
    def running(self) -> bool:
        return self._server is not None

    def ranges(self) -> list[tuple[int, int | None]]:
        """(first byte, last byte or None) of every Range request seen, in order."""
        out = []
        for _path, header in list(self.requests):
            m = _RANGE.match(header or "")
            if m and m.group(1):
                out.append((int(m.group(1)), int(m.group(2)) if m.group(2) else None))
        return out

    def start(self) -> None:
        server = ThreadingHTTPServer(("127.0.0.1", self.port), self._handler())
        server.daemon_threads = True
        self.port = server.server_address[1]
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="media-server", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop listening and cut every open connection (libvlc's included)."""
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        with self._lock:
            for sock in list(self._sockets):
                with contextlib.suppress(OSError):  # already closed by the client
                    sock.shutdown(socket.SHUT_RDWR)
            self._sockets.clear()
        self._server = None

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
                pass

            def setup(self) -> None:
                super().setup()
                with owner._lock:
                    owner._sockets.add(self.connection)

            def finish(self) -> None:
                with owner._lock:
                    owner._sockets.discard(self.connection)
                with contextlib.suppress(OSError):  # the connection was cut by stop()
                    super().finish()

            def do_HEAD(self) -> None:  # noqa: N802 - http.server's name
                self._serve(body=False)

            def do_GET(self) -> None:  # noqa: N802
                self._serve(body=True)

            def _serve(self, body: bool) -> None:
                owner.requests.append((self.path, self.headers.get("Range")))
                if self.path in owner.redirects:
                    self.send_response(302)
                    self.send_header("Location", owner.redirects[self.path])
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                rel = unquote(urlsplit(self.path).path).lstrip("/")
                path = (owner.root / rel).resolve()
                if not path.is_relative_to(owner.root) or not path.is_file():
                    self._plain(404, b"not found\n", body)
                    return
                size = path.stat().st_size
                start, end, status = 0, size - 1, 200
                m = _RANGE.match(self.headers.get("Range") or "")
                if m and (m.group(1) or m.group(2)):
                    if m.group(1):
                        start = int(m.group(1))
                        end = min(int(m.group(2)), size - 1) if m.group(2) else size - 1
                    else:
                        start = max(0, size - int(m.group(2)))
                    if start >= size or start > end:
                        self.send_response(416)
                        self.send_header("Content-Range", f"bytes */{size}")
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return
                    status = 206
                self.send_response(status)
                self.send_header("Content-Type", TYPES.get(path.suffix, "application/octet-stream"))
                self.send_header("Accept-Ranges", "bytes")
                self.send_header("Content-Length", str(end - start + 1))
                if status == 206:
                    self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
                self.end_headers()
                if not body:
                    return
                with path.open("rb") as f:
                    f.seek(start)
                    left = end - start + 1
                    try:
                        while left > 0:
                            chunk = f.read(min(16 * 1024 if owner.rate else 64 * 1024, left))
                            if not chunk:
                                break
                            self.wfile.write(chunk)
                            left -= len(chunk)
                            if owner.rate:
                                time.sleep(len(chunk) / owner.rate)  # a slow link: seeks need new ranges
                    except OSError:
                        pass  # the client went away (a seek) or the server was stopped

            def _plain(self, status: int, text: bytes, body: bool) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(text)))
                self.end_headers()
                if body:
                    self.wfile.write(text)

        return Handler

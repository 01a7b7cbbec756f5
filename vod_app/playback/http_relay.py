"""A loopback relay between libvlc and media servers: redirects are followed by the app, within http(s).

libvlc 3's core follows an http(s) ``3xx`` to any scheme (``file:``, ``v4l2:``, ``udp:``...) and has
no option against it (docs/playback.md, "Media from a server"). So libvlc never talks to a media
server: it is handed ``http://127.0.0.1:PORT/<token>/<scheme>/<host[:port]>/<path>?<query>``, and
this relay fetches the remote URL with http.client (https with certificate verification), follows
at most ``MAX_REDIRECTS`` redirects itself, only to URLs that pass ``url_problem``, and answers 502
to any other (libvlc never sees a 3xx). Range requests and their answers (206, 416, Content-Range)
pass through, bodies are streamed in chunks. HLS playlists are rewritten: every URI in them
(segments, variants, ``URI="..."`` of keys, maps, renditions) becomes an absolute relay URL,
resolved against the final (post-redirect) playlist URL; URIs of other schemes become a relay URL
that is refused.

The token (``secrets.token_urlsafe``) keeps it from being an open proxy for other local processes
or web pages: a request without it gets 403. Only GET and HEAD are served.

Threads: one ``vod-relay`` thread accepts, each connection gets a daemon thread (libvlc opens a
few per input). Started on the first http(s) open (``relay_url``), stopped by ``stop_relay`` at
quit (and at interpreter exit). Plain stdlib, no Qt: probe and thumbnail workers use it too.
"""

from __future__ import annotations

import atexit
import contextlib
import http.client
import logging
import re
import secrets
import socket
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from vod_app.domain.media_locations import url_problem

log = logging.getLogger(__name__)

MAX_REDIRECTS = 5
UPSTREAM_TIMEOUT_S = 30.0
#: A connection from libvlc that neither asks nor reads for this long is closed (its thread ends).
#: libvlc stops reading while paused; when it reads again it reconnects with a Range request.
IDLE_TIMEOUT_S = 600.0
CHUNK = 64 * 1024
MAX_PLAYLIST = 4 * 1024 * 1024
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
PLAYLIST_TYPES = frozenset({"application/vnd.apple.mpegurl", "application/x-mpegurl", "audio/mpegurl", "audio/x-mpegurl"})
#: What libvlc's request may pass on (no cookies, no Icy-MetaData: the answer is passed on as is).
REQUEST_HEADERS = ("Range", "If-Range", "User-Agent", "Accept", "Accept-Language")
RESPONSE_HEADERS = ("Content-Type", "Content-Length", "Content-Range", "Accept-Ranges", "Last-Modified", "ETag")
#: The path, under the token, of what the relay will not fetch (a playlist's file: or data: URIs).
REFUSED = "refused"
#: A URI attribute, quoted (closed or not: a parser may read an unclosed one to the end) or bare.
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_URI_ATTR = re.compile(r'URI=(?:"([^"]*)"?|([^,\s]*))', re.IGNORECASE)


def _ascii(text: str, encoding: str) -> str:
    """``text`` with its non-ASCII characters percent-encoded (as ``encoding`` bytes): http.client sends ASCII."""
    return _NON_ASCII.sub(lambda m: quote(m.group(0).encode(encoding, "replace"), safe=""), text)


def redirect_location(raw: str) -> str:
    """A Location header as a URL http.client can send: http.client reads headers as latin-1, so a
    server's UTF-8 is decoded back; a non-ASCII host name becomes its IDNA (punycode) form, as DNS
    knows it (percent-encoded, bücher.example was a 502); path and query are percent-encoded, as
    browsers do (spaces too). Bytes that are not UTF-8 are taken as latin-1."""
    text = raw.strip()
    with contextlib.suppress(UnicodeError):
        text = text.encode("latin-1").decode("utf-8")
    if not _NON_ASCII.search(text) and " " not in text:
        return text  # as sent (urlunsplit would rewrite 'v4l2:///dev/video0' in the refusal's message)
    parts = urlsplit(text)

    def wire(part: str) -> str:
        return _ascii(part, "utf-8").replace(" ", "%20")

    return urlunsplit((parts.scheme, wire(_dns_netloc(parts.netloc)), wire(parts.path), wire(parts.query), wire(parts.fragment)))


def _dns_netloc(netloc: str) -> str:
    """A host name such as bücher.example as DNS knows it (IDNA); unchanged when it cannot be."""
    with contextlib.suppress(UnicodeError):
        return netloc.encode("idna").decode("ascii")
    return netloc


class RefusedRedirect(Exception):
    """The server sent the relay somewhere libvlc must not go (another scheme, too many hops)."""


def is_playlist(content_type: str | None, url: str) -> bool:
    """An HLS playlist by its Content-Type, or by a path ending in .m3u8 / .m3u."""
    kind = (content_type or "").split(";", 1)[0].strip().lower()
    return kind in PLAYLIST_TYPES or urlsplit(url).path.lower().endswith((".m3u8", ".m3u"))


def rewrite_playlist(text: str, base: str, to_relay) -> str:  # noqa: ANN001 - (str | None) -> str
    """Every URI of an HLS playlist as ``to_relay(absolute url)``, resolved against ``base``.

    A URI that is not an acceptable http(s) URL once resolved (file:, data:, skd:...) becomes
    ``to_relay(None)``, the relay's refused path: the playlist keeps its shape, the URI leads nowhere.
    """

    def one(uri: str) -> str:
        absolute = _ascii(urljoin(base, uri.strip()).split("#", 1)[0], "utf-8")
        return to_relay(None if url_problem(absolute) else absolute)

    out = []
    for line in text.removeprefix("\ufeff").splitlines():
        stripped = line.strip()
        if not stripped:
            out.append("")
        elif stripped.startswith("#"):
            out.append(_URI_ATTR.sub(lambda m: f'URI="{one(m.group(1) if m.group(1) is not None else m.group(2))}"', stripped))
        else:
            out.append(one(stripped))
    return "\n".join(out) + "\n"


def open_upstream(
    url: str, method: str, headers: dict[str, str], context: ssl.SSLContext | None, timeout: float = UPSTREAM_TIMEOUT_S
) -> tuple[http.client.HTTPConnection, http.client.HTTPResponse, str]:
    """(connection, response, final url) of ``url``, redirects followed within http(s) only.

    Raises RefusedRedirect, OSError or http.client.HTTPException. The caller closes the connection.
    The relay and `network_probe.check_server` both ask servers through it: they see the same hops.
    """
    for _hop in range(MAX_REDIRECTS + 1):
        parts = urlsplit(url)
        if parts.scheme.lower() == "https":
            conn: http.client.HTTPConnection = http.client.HTTPSConnection(
                parts.hostname or "", parts.port, timeout=timeout, context=context
            )
        else:
            conn = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=timeout)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            conn.request(method, target, headers={**headers, "Connection": "close"})
            resp = conn.getresponse()
        except BaseException:
            conn.close()
            raise
        location = resp.getheader("Location")
        if resp.status not in REDIRECT_STATUSES or not location:
            return conn, resp, url
        conn.close()
        following = urljoin(url, redirect_location(location)).split("#", 1)[0]
        problem = url_problem(following)
        if problem:
            raise RefusedRedirect(f"{url[:200]} redirected to {following[:200]!r}, not followed: {problem}")
        url = following
    raise RefusedRedirect(f"more than {MAX_REDIRECTS} redirects, the last to {url[:200]}")


class HttpRelay:
    """The loopback server; ``url_for`` turns a remote http(s) URL into the URL libvlc is given."""

    def __init__(self) -> None:
        self.token = secrets.token_urlsafe(24)
        self.context = ssl.create_default_context()  # verified, whatever PYTHONHTTPSVERIFY says
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._server.relay = self  # type: ignore[attr-defined] - read by _Handler
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.2}, name="vod-relay", daemon=True
        )
        self._thread.start()

    def url_for(self, url: str | None) -> str:
        """The relay URL of a remote http(s) URL (None: the refused path)."""
        base = f"http://127.0.0.1:{self.port}/{self.token}"
        if url is None:
            return f"{base}/{REFUSED}"
        parts = urlsplit(url)
        netloc = _dns_netloc(parts.netloc)
        query = f"?{_ascii(parts.query, 'utf-8')}" if parts.query else ""
        return f"{base}/{parts.scheme.lower()}/{netloc}{_ascii(parts.path, 'utf-8') or '/'}{query}"

    def remote_url(self, path: str) -> str | None:
        """The remote URL a request path of ours names; None without the token, "" for the refused path."""
        token, _, rest = _ascii(path, "latin-1").lstrip("/").partition("/")  # http.server read it as latin-1
        if not secrets.compare_digest(token.encode(), self.token.encode()):
            return None
        scheme, _, rest = rest.partition("/")
        if scheme not in ("http", "https"):
            return ""
        url = f"{scheme}://{rest}" if "/" in rest else f"{scheme}://{rest}/"
        return "" if url_problem(url) else url

    def track(self, sock: socket.socket, add: bool) -> None:
        with self._lock:
            (self._sockets.add if add else self._sockets.discard)(sock)

    def stop(self) -> None:
        """Stop listening and cut open connections (a player still stopping gets EOF at once)."""
        self._server.shutdown()
        self._server.server_close()
        with self._lock:
            for sock in list(self._sockets):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
            self._sockets.clear()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = IDLE_TIMEOUT_S
    server_version = "vod-app-relay"

    @property
    def relay(self) -> HttpRelay:
        return self.server.relay  # type: ignore[attr-defined]

    def setup(self) -> None:
        super().setup()
        self.relay.track(self.connection, True)

    def finish(self) -> None:
        self.relay.track(self.connection, False)
        with contextlib.suppress(OSError):  # libvlc closed first, or stop() cut it
            super().finish()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        if log.isEnabledFor(logging.DEBUG):
            log.debug("media relay: %s", (format % args).replace(self.relay.token, "…"))

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self._serve("GET")

    def do_HEAD(self) -> None:  # noqa: N802
        self._serve("HEAD")

    def _serve(self, method: str) -> None:
        try:
            self._relay(method)
        except (OSError, http.client.HTTPException):
            self.close_connection = True  # libvlc went away (a seek, a stop) or the server cut the body

    def _relay(self, method: str) -> None:
        url = self.relay.remote_url(self.path)
        if url is None:
            self._plain(403, "forbidden")
            return
        if not url:
            log.warning("media relay: refused to fetch %s (not an http(s) URL)", self.path[:200].replace(self.relay.token, "…"))
            self._plain(403, "not relayed")
            return
        headers = {name: value for name in REQUEST_HEADERS if (value := self.headers.get(name))}
        if is_playlist(None, url):  # rewritten whole: never a part of one
            headers.pop("Range", None)
            headers.pop("If-Range", None)
        try:
            conn, resp, final = open_upstream(url, method, headers, self.relay.context)
        except RefusedRedirect as exc:
            log.warning("media relay: %s", exc)
            self._plain(502, "redirect refused")
            return
        except TimeoutError:
            self._plain(504, "the server does not answer")
            return
        except (OSError, http.client.HTTPException, ValueError) as exc:  # ValueError: a non-ASCII URL
            log.info("media relay: %s: %s", url[:200], exc)
            self._plain(502, "the server cannot be reached")
            return
        with contextlib.closing(conn):
            if resp.status < 300 and is_playlist(resp.getheader("Content-Type"), final):
                self._send_playlist(resp, final, method)
            else:
                self._stream(resp, method)

    def _send_playlist(self, resp: http.client.HTTPResponse, final: str, method: str) -> None:
        body = resp.read(MAX_PLAYLIST + 1) if method == "GET" else b""
        if len(body) > MAX_PLAYLIST:
            self._plain(502, "playlist too large")
            return
        text = rewrite_playlist(body.decode("utf-8", "replace"), final, self.relay.url_for)
        data = text.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", resp.getheader("Content-Type") or "application/vnd.apple.mpegurl")
        if method == "GET":
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        else:
            self.close_connection = True  # a HEAD's length is not known without reading the body
            self.end_headers()

    def _stream(self, resp: http.client.HTTPResponse, method: str) -> None:
        self.send_response(resp.status, resp.reason)
        for name in RESPONSE_HEADERS:
            value = resp.getheader(name)
            if value is not None:
                self.send_header(name, value)
        length = resp.getheader("Content-Length")
        expected = int(length) if length and length.isdigit() else None
        if expected is None and method == "GET" and resp.status not in (204, 304):
            self.send_header("Connection", "close")  # the end of the body is the end of the connection
            self.close_connection = True
        self.end_headers()
        if method == "HEAD":
            return
        sent = 0
        while chunk := resp.read1(CHUNK):
            self.wfile.write(chunk)
            sent += len(chunk)
        if expected is not None and sent < expected:
            self.close_connection = True  # the server cut the body: so does the relay

    def _plain(self, status: int, text: str) -> None:
        data = (text + "\n").encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)


_lock = threading.Lock()
_relay: HttpRelay | None = None


def relay() -> HttpRelay:
    """The process's relay, started on first use (thread-safe: player, probe and thumbnail workers)."""
    global _relay
    with _lock:
        if _relay is None:
            _relay = HttpRelay()
        return _relay


def relay_url(url: str) -> str:
    """The loopback URL libvlc is given for the remote http(s) ``url`` (checked by the caller)."""
    return relay().url_for(url)


def stop_relay() -> None:
    """Stop the relay if it runs (at quit); the next http(s) open starts a new one."""
    global _relay
    with _lock:
        current, _relay = _relay, None
    if current is not None:
        current.stop()


atexit.register(stop_relay)

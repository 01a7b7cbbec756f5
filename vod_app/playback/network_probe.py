"""Why a network recording did not play: asks its server once, the way the player's relay would.

libvlc 3 reports every failure to open an http(s) input as the same "EncounteredError". One small
request (``GET`` of the first byte) tells the cases apart: no server at all, a server that does not
answer, a missing file (404), refused access, a server error, a redirect the relay refuses (to
another scheme), or a server that is fine (then the media itself is at fault). Plain stdlib, no Qt: called off the GUI thread (ui/network_playback.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from vod_app.domain.media_locations import url_problem

TIMEOUT_S = 5.0

#: What a check found. "unreachable", "timeout" and "server_error" may pass: the player retries.
KINDS = ("ok", "unreachable", "timeout", "not_found", "denied", "server_error", "refused_url")
TRANSIENT = frozenset({"unreachable", "timeout", "server_error"})


@dataclass(frozen=True, slots=True)
class ServerCheck:
    kind: str  # one of KINDS
    host: str  # host[:port] as the URL names it
    path: str
    status: int = 0  # the HTTP status when the server answered
    detail: str = ""  # the system's reason (connection refused, name not known...), for the message

    @property
    def transient(self) -> bool:
        return self.kind in TRANSIENT


def _host(parts: object) -> str:
    netloc: str = parts.netloc  # type: ignore[attr-defined]
    return netloc.rsplit("@", 1)[-1]


def check_server(url: str, timeout: float = TIMEOUT_S) -> ServerCheck:
    """One request to the server of ``url``; never raises.

    Redirects are followed as the player's relay follows them (playback/http_relay.py): within
    http(s), and one to another scheme is ``refused_url``. Host and path are those of ``url``.
    """
    # Here, not at the top: http.client brings ssl and email (~15 ms) onto the player page's import.
    import http.client
    import socket
    import ssl

    from vod_app.playback.http_relay import RefusedRedirect, open_upstream

    parts = urlsplit(url)
    host, path = _host(parts), parts.path or "/"
    if url_problem(url) is not None:
        return ServerCheck("refused_url", host, path)
    try:
        conn, resp, _final = open_upstream(url, "GET", {"Range": "bytes=0-0", "User-Agent": "vod-app"}, None, timeout)
        status = resp.status
        conn.close()
    except RefusedRedirect as exc:
        return ServerCheck("refused_url", host, path, detail=str(exc))
    except TimeoutError:
        return ServerCheck("timeout", host, path)
    except ssl.SSLError as exc:
        return ServerCheck("unreachable", host, path, detail=f"TLS: {exc.reason or exc}")
    except socket.gaierror as exc:
        return ServerCheck("unreachable", host, path, detail=exc.strerror or str(exc))
    except (OSError, http.client.HTTPException, ValueError) as exc:  # ValueError: a non-ASCII redirect
        return ServerCheck("unreachable", host, path, detail=getattr(exc, "strerror", None) or str(exc) or type(exc).__name__)
    if status < 400:
        return ServerCheck("ok", host, path, status)
    if status in (404, 410):
        return ServerCheck("not_found", host, path, status)
    if status in (401, 403, 407):
        return ServerCheck("denied", host, path, status)
    return ServerCheck("server_error", host, path, status)

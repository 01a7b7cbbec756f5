"""HTTP GET for feeds a person names: http/https only, size-capped, conditional (ETag /
Last-Modified), redirects only to http/https. The only network vod-app uses at import."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from vod_app.formats.sidecar import MAX_SIDECAR_BYTES

TIMEOUT_S = 20
USER_AGENT = "vod-app/0.1 (+feed reader)"


class FetchError(Exception):
    """One line naming the URL and what went wrong."""


@dataclass(frozen=True)
class Fetched:
    status: int  # 200, or 304 when the server says nothing changed
    data: bytes
    etag: str | None
    last_modified: str | None


class _SafeRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001, ANN201 - urllib's signature
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise FetchError(f"{req.full_url}: redirected to {newurl[:80]!r}, which is not http/https; not followed")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, *, etag: str | None = None, last_modified: str | None = None, max_bytes: int = MAX_SIDECAR_BYTES) -> Fetched:
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise FetchError(f"{url[:80]!r}: only http/https URLs are fetched")
    headers = {"User-Agent": USER_AGENT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    opener = urllib.request.build_opener(_SafeRedirects())
    try:
        with opener.open(urllib.request.Request(url, headers=headers), timeout=TIMEOUT_S) as resp:
            data = resp.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise FetchError(f"{url}: larger than {max_bytes // (1024 * 1024)} MB; not read")
            return Fetched(resp.status, data, resp.headers.get("ETag"), resp.headers.get("Last-Modified"))
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return Fetched(304, b"", etag, last_modified)
        raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise FetchError(f"{url}: {reason}") from None

"""Where a recording's media may be, and how media roots rewrite it on this machine.

A media location is a local path or an http(s) URL; nothing else reaches libvlc (``url_problem``
is the one allow-list, used by the importer and again by the player). Media roots rewrite a
location's *prefix* when it is opened, never the stored location:

- a prefix matches on path-segment boundaries (``/srv/archive`` matches ``/srv/archive/a.mkv``, not
  ``/srv/archive2/a.mkv``); the longest matching prefix wins;
- this machine's roots (``--media-root``, ``VOD_APP_MEDIA_ROOTS``) are tried before the catalog's;
- at most one substitution is made (no chaining), and a remainder with ``.``/``..`` segments is not
  substituted (a root never lets a location climb out of its target).

Stdlib only: the catalog (import, ``vod-app show``) and playback both use it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import PureWindowsPath
from urllib.parse import quote, unquote, urlsplit

ALLOWED_URL_SCHEMES = ("http", "https")
MAX_LOCATION = 4096
MACHINE_ROOTS_ENV = "VOD_APP_MEDIA_ROOTS"
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_UNSAFE = re.compile(r"[\x00-\x20\x7f\\\"<>^`{|}]")


def is_url(location: str) -> bool:
    """True for anything with a URL scheme (not a Windows drive letter such as ``C:``)."""
    m = _SCHEME.match(location)
    return bool(m) and not PureWindowsPath(location).drive and "://" in location[: m.end() + 2]


def url_problem(url: str) -> str | None:
    """Why ``url`` may not be given to libvlc, or None when it is an acceptable http(s) URL.

    Refused: other schemes (file with a host, rtsp, smb, screen, javascript, data...), user names and
    passwords (they would be stored and shown in clear), fragments (libvlc reads ``#...`` as title,
    chapter or archive selectors), spaces and control characters (libvlc options are separate
    arguments, but an MRL is never built from anything that could look like one).
    """
    m = _SCHEME.match(url)
    if not m:
        return "it is not a URL"
    scheme = m.group(1).lower()
    if scheme not in ALLOWED_URL_SCHEMES:
        return f"the URL scheme {scheme!r} is not allowed (only http and https)"
    if len(url) > MAX_LOCATION:
        return f"the URL is too long ({len(url)} characters; at most {MAX_LOCATION})"
    bad = _UNSAFE.search(url)
    if bad:
        ch = bad.group(0)
        what = "a space" if ch == " " else f"the character {ch!r}"
        return f"the URL contains {what} (write it percent-encoded)"
    if not url[m.end() :].startswith("//"):
        return "the URL has no host"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "the URL's host or port is not valid"
    if "@" in parts.netloc:
        return "a user name or password in a media URL is not allowed"
    if not parts.hostname:
        return "the URL has no host"
    if port == 0:
        return "the URL's port is not valid"
    if "#" in url:
        return "a fragment ('#...') is not allowed in a media URL"
    return None


@dataclass(frozen=True, slots=True)
class MediaRoot:
    """``prefix`` (a local folder or an http(s) URL prefix) is read as ``target``."""

    prefix: str
    target: str
    origin: str = "catalog"  # "catalog" or "machine"

    def __str__(self) -> str:
        return f"{self.prefix}={self.target}"


@dataclass(frozen=True, slots=True)
class Resolution:
    location: str  # what to open
    root: MediaRoot | None  # the root applied, None when the location is used as stored


class RootProblem(ValueError):
    """Why a media root's side cannot be used: ``reason`` is one of ROOT_REASONS (a window translates
    it), the message says it in English with the value (the commands print it)."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


#: RootProblem.reason values.
ROOT_REASONS = ("unusable", "not-absolute", "refused-url", "query", "dots", "whole-file-system")


def _kind(value: str) -> str:
    """'url', 'windows' or 'posix'; raises ValueError for anything else."""
    if is_url(value):
        return "url"
    if PureWindowsPath(value).drive and len(value) > 2 and value[2] in "\\/":
        return "windows"
    if value.startswith("/"):
        return "posix"
    raise RootProblem(f"{value!r} is neither an absolute path nor an http(s) URL", "not-absolute")


def _check_side(value: str, what: str) -> str:
    if not value or len(value) > MAX_LOCATION or re.search(r"[\x00-\x1f\x7f]", value):
        raise RootProblem(f"the {what} {value[:80]!r} is empty, too long or has control characters", "unusable")
    kind = _kind(value)
    if kind == "url":
        problem = url_problem(value)
        if problem:
            raise RootProblem(f"the {what} {value[:80]!r} is refused: {problem}", "refused-url")
        if urlsplit(value).query:
            raise RootProblem(f"the {what} {value[:80]!r} has a query ('?...'); a root is a folder", "query")
    segments = _segments(value, kind)
    if any(s in (".", "..") for s in segments):
        raise RootProblem(f"the {what} {value!r} has '.' or '..' segments", "dots")
    if not segments and kind != "url":
        raise RootProblem(f"the {what} {value!r} is a whole file system; name a folder", "whole-file-system")
    return kind


def _segments(value: str, kind: str) -> list[str]:
    if kind == "url":
        path = urlsplit(value).path
        return [unquote(s) for s in path.split("/") if s]
    body = value[2:] if kind == "windows" else value
    return [s for s in re.split(r"[\\/]", body) if s]


def make_root(prefix: str, target: str, origin: str = "catalog") -> MediaRoot:
    """A checked root; raises ValueError with a readable reason. Trailing separators are dropped."""
    pk = _check_side(prefix, "media root")
    _check_side(target, "replacement")
    strip = "/\\" if pk == "windows" else "/"
    p = prefix if (pk == "url" and urlsplit(prefix).path in ("", "/")) else prefix.rstrip(strip)
    if pk == "url":
        p = p.rstrip("/")
    return MediaRoot(p, target.rstrip("/\\") if _kind(target) != "url" else target.rstrip("/"), origin)


def _remainder(location: str, root: MediaRoot) -> str | None:
    """The part of ``location`` after ``root.prefix`` ('' or starting with a separator), or None."""
    pk = _kind(root.prefix)
    try:
        lk = _kind(location)
    except ValueError:
        return None
    if pk != lk:
        return None
    if pk == "url":
        pp, lp = urlsplit(root.prefix), urlsplit(location)
        if (pp.scheme.lower(), pp.netloc.lower()) != (lp.scheme.lower(), lp.netloc.lower()):
            return None
        head = pp.path.rstrip("/")
        path = lp.path
        if path != head and not path.startswith(head + "/"):
            return None
        return path[len(head) :] + (f"?{lp.query}" if lp.query else "")
    if pk == "windows":
        norm = location.replace("\\", "/")
        head = root.prefix.replace("\\", "/")
        if norm.lower() != head.lower() and not norm.lower().startswith(head.lower() + "/"):
            return None
        return norm[len(head) :]
    if location != root.prefix and not location.startswith(root.prefix + "/"):
        return None
    return location[len(root.prefix) :]


def _apply(root: MediaRoot, rest: str) -> str | None:
    pk, tk = _kind(root.prefix), _kind(root.target)
    query, raw = "", rest
    if pk == "url":
        raw, _, query = rest.partition("?")
        rest = unquote(raw)  # %2e%2e is '..' and %2F a separator to the server and to a file system
    if any(s in (".", "..") for s in re.split(r"[\\/]", rest)) or "\x00" in rest:
        return None
    if tk == "url":
        # URL to URL: the remainder as it was written (decoding and re-encoding could turn %2F into /).
        out = root.target + (raw if pk == "url" else quote(rest.replace("\\", "/") if pk == "windows" else rest, safe="/"))
        out += f"?{query}" if query else ""
        return out if url_problem(out) is None else None
    if query:
        return None  # a local file has no query
    return root.target + (rest.replace("/", "\\") if tk == "windows" else rest)


class MediaRoots:
    """This machine's roots, then the catalog's: ``resolve(location)`` says what to open."""

    def __init__(self, machine: list[MediaRoot] | tuple[MediaRoot, ...] = (), catalog: list[MediaRoot] | tuple[MediaRoot, ...] = ()) -> None:
        key = lambda r: len(r.prefix)  # noqa: E731 - longest prefix first
        self.machine = sorted(machine, key=key, reverse=True)
        self.catalog = sorted(catalog, key=key, reverse=True)

    def __bool__(self) -> bool:
        return bool(self.machine or self.catalog)

    def resolve(self, location: str) -> Resolution:
        for roots in (self.machine, self.catalog):
            for root in roots:
                rest = _remainder(location, root)
                if rest is None:
                    continue
                out = _apply(root, rest)
                if out is not None:
                    return Resolution(out, root)
        return Resolution(location, None)


def parse_root_spec(spec: str, origin: str = "machine") -> MediaRoot:
    """``FROM=TO`` (split at the first ``=``) -> a root; ValueError with the reason."""
    prefix, sep, target = spec.strip().partition("=")
    if not sep:
        raise ValueError(f"{spec[:80]!r} is not FROM=TO (e.g. /srv/archive/=/mnt/archive/)")
    return make_root(prefix.strip(), target.strip(), origin)


SAVED_ROOTS_FILE = "media-roots.txt"  # in the config folder: File → Media folders on this computer…


def machine_roots(
    specs: list[str] | None = None, environ: dict[str, str] | None = None, saved: str = ""
) -> tuple[list[MediaRoot], list[str]]:
    """This machine's roots: ``saved`` (the text of ``media-roots.txt``: one ``FROM=TO`` a line, ``#``
    comments), then ``VOD_APP_MEDIA_ROOTS`` (items separated by ``;`` or new lines; set by
    ``--media-root``), then ``specs``: (roots, problems). A later item for the same prefix replaces
    an earlier one."""
    env = os.environ if environ is None else environ
    items = [(f"{SAVED_ROOTS_FILE} line {n}", line) for n, line in enumerate(saved.splitlines(), 1) if not line.lstrip().startswith("#")]
    items += [(MACHINE_ROOTS_ENV, i) for i in re.split(r"[;\n]", env.get(MACHINE_ROOTS_ENV, ""))]
    items += [("--media-root", i) for i in specs or []]
    roots: dict[str, MediaRoot] = {}
    problems = []
    for source, item in items:
        if not item.strip():
            if source == "--media-root":  # the flag given without its value
                problems.append("--media-root: needs FROM=TO (e.g. /srv/archive/=/mnt/archive/)")
            continue
        try:
            root = parse_root_spec(item)
        except ValueError as exc:
            problems.append(f"{source}: {exc}")
            continue
        roots[root.prefix] = root
    return list(roots.values()), problems

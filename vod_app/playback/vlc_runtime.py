"""Loading libvlc lazily and creating instances, players and media safely.

`import vlc` happens only here, on first use: a machine without libvlc gets a message
(`vlc_unavailable_reason()`), not an ImportError when the app starts.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import unquote, urlsplit

from vod_app.domain.media_locations import url_problem

INSTALL_HINT = "sudo apt-get install libvlc5 libvlc-bin vlc-plugin-base vlc-plugin-video-output"

_lock = threading.Lock()
_loaded = False
_vlc: ModuleType | None = None
_reason = ""

#: Schemes handed to libvlc as network URLs. Everything else that is not a local file is refused:
#: `screen://`, `v4l2://`, `dshow://`, `vlc://`, `smb://`, `rtsp://`... would let catalog data
#: capture the screen or a camera, or reach into the local network.
NETWORK_SCHEMES = frozenset({"http", "https"})


class UnsupportedSource(ValueError):
    """The source is neither a local file nor an http(s) URL."""


def load_vlc() -> ModuleType | None:
    """Import python-vlc once; None when it or libvlc is missing (see vlc_unavailable_reason)."""
    global _loaded, _vlc, _reason
    with _lock:
        if _loaded:
            return _vlc
        _loaded = True
        try:
            import vlc  # noqa: PLC0415 - lazy on purpose

            # python-vlc imports fine without libvlc on some platforms and only fails here.
            vlc.libvlc_get_version()
        except ImportError as exc:
            _reason = f"The python-vlc package is not installed ({exc})."
        except (OSError, AttributeError, NameError) as exc:
            _reason = f"The VLC library (libvlc) could not be loaded ({exc})."
        else:
            _vlc = vlc
        return _vlc


def vlc_unavailable_reason() -> str:
    """Human text explaining why playback is unavailable, with how to fix it; '' when available."""
    if load_vlc() is not None:
        return ""
    return f"Video playback is unavailable: {_reason} Install VLC's library with: {INSTALL_HINT}"


def libvlc_version() -> str:
    vlc = load_vlc()
    if vlc is None:
        return ""
    return vlc.libvlc_get_version().decode("utf-8", "replace")


def instance_args(headless: bool) -> list[str]:
    # No title overlay and no snapshot thumbnail drawn over the video; subtitle files next to the
    # media are not loaded behind the app's back (it adds the ones the catalog lists).
    args = ["--quiet", "--no-video-title-show", "--no-snapshot-preview", "--no-sub-autodetect-file"]
    if headless:
        # Without a display libvlc's default video output is `caca`, which crashes the process;
        # without a sound device the default audio output logs errors and can block.
        args += ["--vout=dummy", "--aout=dummy"]
    return args


_prepared: dict[bool, Any] = {}  # headless -> an Instance made ahead by prepare_instance
_prepared_lock = threading.Lock()


def prepare_instance(headless: bool) -> None:
    """Make the next ``make_instance(headless)``'s Instance now, on the calling (worker) thread:
    ``libvlc_new`` took ~35 ms on the GUI thread in the window's idle warm-up (ui/pages.py)."""
    vlc = load_vlc()
    if vlc is None:
        return
    with _prepared_lock:
        if headless in _prepared:
            return
    try:
        instance = vlc.Instance(instance_args(headless))
    except Exception:  # noqa: BLE001 - make_instance tries again and the controller says why
        return
    with _prepared_lock:
        kept = _prepared.setdefault(headless, instance)
    if kept is not instance:
        instance.release()  # another thread prepared one meanwhile


def make_instance(headless: bool) -> Any:
    """A new libvlc Instance (None when libvlc is unavailable or refuses to start)."""
    with _prepared_lock:
        prepared = _prepared.pop(headless, None)
    if prepared is not None:
        return prepared
    vlc = load_vlc()
    if vlc is None:
        return None
    return vlc.Instance(instance_args(headless))


def make_player(instance: Any) -> Any:
    """A MediaPlayer with libvlc's own keyboard and mouse handling off, so Qt receives them."""
    player = instance.media_player_new()
    player.video_set_key_input(False)
    player.video_set_mouse_input(False)
    return player


def source_scheme(source: str) -> str:
    """'' for a plain local path, else the lower-case URL scheme ('file', 'http', ...)."""
    if os.name == "nt" and len(source) >= 2 and source[1] == ":":
        return ""  # C:\\... is a drive letter, not a scheme
    parts = urlsplit(source)
    scheme = parts.scheme.lower()
    # A name such as "Session 1: Opening.mkv" has no "//" after the colon and is a path.
    if scheme and "://" not in source and scheme != "file":
        return ""
    return scheme


def local_path(source: str) -> str | None:
    """The filesystem path a source names, or None for a network URL.

    Raises UnsupportedSource for any scheme other than file/http/https.
    """
    scheme = source_scheme(source)
    if scheme == "":
        return source
    if scheme == "file":
        parts = urlsplit(source)
        if parts.netloc not in ("", "localhost"):
            raise UnsupportedSource(f"Remote file URLs are not supported: {source}")
        return unquote(parts.path)
    if scheme in NETWORK_SCHEMES:
        # Checked again here (the importer did): a URL reaches libvlc only through this allow-list.
        problem = url_problem(source)
        if problem:
            raise UnsupportedSource(f"Cannot play {source[:300]}: {problem}.")
        return None
    raise UnsupportedSource(
        f"Unsupported media source {source!r}: only local files and http(s) URLs can be played."
    )


def media_from_source(instance: Any, source: str) -> Any:
    """A libvlc Media for a local path or file:// URL (media_new_path) or an http(s) URL (media_new).

    `media_new` would treat a local name such as `Session 1: Opening.mkv` as a URL and never play
    it, hence the split. No option from data is ever added to the media. An http(s) URL reaches
    libvlc as a URL of the app's loopback relay (playback/http_relay.py), which follows the server's
    redirects itself, within http(s): libvlc would follow one to any scheme (file:, v4l2:, udp:...).
    """
    path = local_path(source)
    if path is None:
        from vod_app.playback.http_relay import relay_url  # noqa: PLC0415 - http.client, ssl: on first use

        return instance.media_new(relay_url(source))
    return instance.media_new_path(os.fspath(Path(path)))


def add_untrusted_option(media: Any, option: str) -> None:
    """Add an option that came from data: flagged untrusted so libvlc refuses unsafe ones (:sout=...)."""
    media.add_option_flag(option, 0)

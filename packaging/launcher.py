"""The bundle's entry point (PyInstaller runs this file as __main__): the same as ``vod-app``."""

import os
import sys

from vod_app.__main__ import main


def _use_bundled_libvlc() -> None:
    """Point python-vlc and libvlc at a libvlc inside the bundle, when there is one.

    The shipped package has none (it depends on the system's libvlc5; docs/packaging.md): this only
    serves the measured variant of packaging/libvlc-variant.sh, which copies libvlc, libvlccore and the
    plugins into ``_internal/``. Before ``import vlc``: python-vlc reads these once, at import.
    """
    here = getattr(sys, "_MEIPASS", "")
    lib = os.path.join(here, "libvlc.so.5")
    plugins = os.path.join(here, "vlc", "plugins")
    if not (here and os.path.exists(lib) and os.path.isdir(plugins)):
        return
    import ctypes

    # Loaded first, by path: libvlc.so.5 and the plugins name these by soname only (and the plugins'
    # RUNPATH is the system's /usr/lib/x86_64-linux-gnu/vlc), so the copies here must already be in.
    for name in ("libvlccore.so.9", "vlc/libvlc_xcb_events.so.0", "vlc/libvlc_pulse.so.0", "vlc/libvlc_vdpau.so.0"):
        try:
            ctypes.CDLL(os.path.join(here, name), mode=ctypes.RTLD_GLOBAL)
        except OSError as exc:  # e.g. no libpulse on this system: that plugin will not load
            sys.stderr.write(f"vod-app: bundled {name} not loaded: {exc}\n")
    os.environ.setdefault("PYTHON_VLC_LIB_PATH", lib)
    os.environ.setdefault("PYTHON_VLC_MODULE_PATH", plugins)
    os.environ.setdefault("VLC_PLUGIN_PATH", plugins)


if __name__ == "__main__":
    _use_bundled_libvlc()
    sys.exit(main())

"""The machine's description recorded with every run (CPU, cores, RAM, versions)."""

from __future__ import annotations

import os
import platform
import sqlite3
import sys
from importlib import metadata


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_gib() -> float:
    try:
        with open("/proc/meminfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return 0.0


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "-"


def _libvlc() -> str:
    try:
        import vlc

        return vlc.libvlc_get_version().decode("utf-8", "replace")
    except Exception:  # noqa: BLE001 - absent or broken libvlc
        return "unavailable"


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "-"


def describe() -> dict[str, str]:
    import PySide6

    return {
        "cpu": _cpu_model(),
        "cores": str(os.cpu_count() or 0),
        "ram": f"{_ram_gib():.1f} GiB",
        "os": f"{platform.system()} {platform.release()}",
        "python": sys.version.split()[0],
        "sqlite": sqlite3.sqlite_version,
        "libvlc": _libvlc(),
        "python-vlc": _version("python-vlc"),
        "pyside6": PySide6.__version__,
        "sqlalchemy": _version("SQLAlchemy"),
        "load average at start": _load(),
    }

"""The house layering: core packages never import the UI (or Qt widgets)."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[2] / "vod_app"

FORBIDDEN = {
    "domain": ("PySide6", "vod_app.ui", "vod_app.playback", "vod_app.catalog", "sqlalchemy", "vlc"),
    "formats": ("PySide6", "vod_app.ui", "vod_app.playback", "vod_app.catalog", "sqlalchemy", "vlc"),
    "catalog": ("PySide6", "vod_app.ui", "vod_app.playback", "vlc"),
    "playback": ("PySide6.QtWidgets", "PySide6.QtGui", "vod_app.ui", "vod_app.catalog", "sqlalchemy"),
    # Widgets receive domain records: never ORM models, sessions or libvlc; never the CLI or the root.
    "ui": ("vod_app.catalog.models", "sqlalchemy", "vlc", "vod_app.cli", "vod_app.app", "vod_app.playback.controller"),
    # The headless commands never build widgets.
    "cli": ("PySide6.QtWidgets", "PySide6.QtGui", "vod_app.ui", "vod_app.app"),
}

#: Modules that must not import Qt at all (plain logic, tested without a QApplication).
QT_FREE = ("ui/navigation.py", "backups.py")

#: Modules still over the size limit, each with its owner's reason; nothing new may join.
MAX_LINES = 400
OVER_LIMIT = {
}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
            out |= {f"{node.module}.{a.name}" for a in node.names}  # `from pkg import module` too
    return out


def relative_imports(path: Path) -> list[int]:
    """Line numbers of ``from . import x`` / ``from .mod import x`` (absolute imports only here)."""
    tree = ast.parse(path.read_text("utf-8"))
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level > 0]


def test_layers_import_only_downwards() -> None:
    bad = []
    for layer, forbidden in FORBIDDEN.items():
        for f in (PKG / layer).rglob("*.py"):
            for mod in imports_of(f):
                if any(mod == x or mod.startswith(x + ".") for x in forbidden):
                    bad.append(f"{f.relative_to(PKG)} imports {mod}")
    assert bad == []


def test_no_relative_imports() -> None:
    bad = [f"{f.relative_to(PKG)}:{line}" for f in PKG.rglob("*.py") for line in relative_imports(f)]
    assert bad == []


def test_plain_logic_modules_import_no_qt() -> None:
    bad = [name for name in QT_FREE if any(m.startswith("PySide6") for m in imports_of(PKG / name))]
    assert bad == []


def test_no_module_grows_over_the_limit() -> None:
    sizes = {
        str(f.relative_to(PKG)): len(f.read_text("utf-8").splitlines())
        for f in PKG.rglob("*.py")
        if "migrations" not in f.parts
    }
    over = {name: n for name, n in sizes.items() if n > MAX_LINES and name not in OVER_LIMIT}
    assert over == {}


def test_the_composition_root_reads_preferences_through_the_repository() -> None:
    assert "vod_app.catalog.models" not in imports_of(PKG / "app.py")

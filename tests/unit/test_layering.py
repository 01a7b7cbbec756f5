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
}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
    return out


def test_layers_import_only_downwards() -> None:
    bad = []
    for layer, forbidden in FORBIDDEN.items():
        for f in (PKG / layer).rglob("*.py"):
            for mod in imports_of(f):
                if any(mod == x or mod.startswith(x + ".") for x in forbidden):
                    bad.append(f"{f.relative_to(PKG)} imports {mod}")
    assert bad == []

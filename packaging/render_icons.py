"""Render resources/icons/vod-app.svg to the hicolor PNG sizes (build output, never committed).

    python packaging/render_icons.py OUT_DIR   ->  OUT_DIR/<n>x<n>/apps/vod-app.png for each size

Qt's own SVG renderer (PySide6-Essentials ships QtSvg), so the build needs no extra tool.
"""

from __future__ import annotations

import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SVG = Path(__file__).resolve().parent.parent / "resources" / "icons" / "vod-app.svg"


def render(out: Path) -> list[Path]:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(["render_icons", "-platform", "offscreen"])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {SVG}: not a valid SVG")
    written = []
    for n in SIZES:
        image = QImage(n, n, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        dest = out / f"{n}x{n}" / "apps" / "vod-app.png"
        dest.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(dest)):
            raise SystemExit(f"render_icons: cannot write {dest}")
        written.append(dest)
    return written


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: render_icons.py OUT_DIR")
    for p in render(Path(sys.argv[1])):
        print(p)

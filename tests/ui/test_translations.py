"""French and Spanish catalogs: complete, compilable, and found by tr() at run time."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QWidget

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "resources" / "translations"
LANGS = ("fr", "es")
LRELEASE = Path(sys.executable).with_name("pyside6-lrelease")
PLACEHOLDER = re.compile(r"\{\w*\}|%n|%\d")
# Contexts passed by name rather than taken from a class: QCoreApplication.translate("app", ...) in app.py,
# ("ChapterMarks", ...) in playback/chapters.py (no Qt widgets there).
EXPLICIT_CONTEXTS = {"app", "ChapterMarks"}


def ts_path(lang: str) -> Path:
    return TS_DIR / f"vod_app_{lang}.ts"


def messages(lang: str) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts_path(lang)).getroot()
    return [(ctx.findtext("name") or "", msg) for ctx in root.iter("context") for msg in ctx.iter("message")]


def texts(msg: ET.Element) -> list[str]:
    tr = msg.find("translation")
    forms = tr.findall("numerusform") if msg.get("numerus") == "yes" else [tr]
    return [f.text or "" for f in forms]


def ui_classes() -> set[str]:
    """What PySide6's tr() uses as context: the name of the class of the object."""
    names = set()
    for path in (ROOT / "vod_app" / "ui").glob("*.py"):
        names |= {n.name for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(n, ast.ClassDef)}
    return names


@pytest.fixture
def compiled(tmp_path: Path) -> Path:
    for lang in LANGS:
        out = subprocess.run([str(LRELEASE), str(ts_path(lang)), "-qm", str(tmp_path / f"vod_app_{lang}.qm")],
                             capture_output=True, text=True, check=True).stdout
        assert "0 unfinished" in out, out
        assert "untranslated" not in out, out
    return tmp_path


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_translated(lang: str) -> None:
    msgs = messages(lang)
    assert len(msgs) >= 100
    for ctx, msg in msgs:
        src = msg.findtext("source")
        tr = msg.find("translation")
        assert tr is not None and tr.get("type") is None, (ctx, src, tr is not None and tr.get("type"))
        forms = texts(msg)
        assert all(f.strip() for f in forms), (ctx, src)
        if msg.get("numerus") == "yes":
            assert len(forms) == 2, (ctx, src, forms)  # French and Spanish: singular, plural
        for form in forms:
            assert sorted(set(PLACEHOLDER.findall(form))) == sorted(set(PLACEHOLDER.findall(src))), (ctx, src, form)
            assert ("&" in form) == ("&" in src), (ctx, src, form)  # menu mnemonics kept
            assert ("…" in form) == ("…" in src), (ctx, src, form)


@pytest.mark.parametrize("lang", LANGS)
def test_contexts_are_the_ones_tr_looks_up(lang: str) -> None:
    # lupdate files `tr = self.tr; tr("...")` under "" and `window.tr(...)` under "window": tr() never finds those.
    contexts = {ctx for ctx, _ in messages(lang)}
    assert contexts <= ui_classes() | EXPLICIT_CONTEXTS, contexts - ui_classes() - EXPLICIT_CONTEXTS


def test_french_actions_through_a_translator(qtbot, compiled: Path) -> None:
    from vod_app.ui.actions import Actions

    app = QCoreApplication.instance()
    translator = QTranslator()
    assert translator.load(QLocale("fr_FR"), "vod_app", "_", str(compiled))
    assert app.installTranslator(translator)
    try:
        parent = QWidget()
        qtbot.addWidget(parent)
        actions = Actions(parent)
        assert actions.play_pause.text() == "&Lecture/Pause"
        assert actions.stop.text() == "&Arrêter"
        assert actions.import_catalog.text() == "&Importer un catalogue…"
        assert app.translate("MainWindow", "%n result(s)", "", 1) == "1 résultat"
        assert app.translate("MainWindow", "%n result(s)", "", 3) == "3 résultats"
        assert app.translate("MainWindow", "Something went wrong: {error}").startswith("Une erreur")
    finally:
        app.removeTranslator(translator)
    assert Actions(parent).play_pause.text() == "&Play/Pause"


def test_spanish_catalog_loads(compiled: Path) -> None:
    translator = QTranslator()
    assert translator.load(QLocale("es_ES"), "vod_app", "_", str(compiled))
    assert translator.translate("Actions", "&Play/Pause") == "&Reproducir/Pausa"
    assert translator.translate("MainWindow", "%n result(s)", "", 2) == "%n resultados"


# French puts a no-break space (U+00A0, or the narrow U+202F) before : ; ! ? — never a plain space
# or none. Placeholders, URLs, clock times, file names and Qt's ";;" filter separator are not prose.
_NOT_PROSE = re.compile(r"\{\w*\}|%n|%\d|https?://\S*|\d+:\d+|[\w.-]+\.(?:json|nfo|md)\b|;;")


def french_typography_problems(text: str) -> list[str]:
    prose = _NOT_PROSE.sub("x", text)
    return [prose[max(0, m.start() - 12):m.end()] for m in re.finditer(r"[:;!?]", prose)
            if m.start() == 0 or prose[m.start() - 1] not in "\u00a0\u202f"]


def test_french_typography() -> None:
    assert french_typography_problems("Sources : {list}") == ["Sources :"]
    assert french_typography_problems("Sources\u00a0: {list} à 10:30 (https://x.org/a:b)") == []
    problems = [(ctx, form) for ctx, msg in messages("fr") for form in texts(msg) if french_typography_problems(form)]
    assert problems == []


def test_english_plural_forms_are_shipped(compiled_en: Path) -> None:
    # Without them Qt shows the source text, "1 result(s)"; app.py loads vod_app_en.qm for English.
    translator = QTranslator()
    assert translator.load(str(compiled_en))
    assert translator.translate("MainWindow", "%n result(s)", "", 1) == "%n result"  # %n: filled by tr()
    assert translator.translate("MainWindow", "%n result(s)", "", 2) == "%n results"


@pytest.fixture
def compiled_en(tmp_path: Path) -> Path:
    out = tmp_path / "vod_app_en.qm"
    subprocess.run([str(LRELEASE), str(TS_DIR / "vod_app_en.ts"), "-qm", str(out)], capture_output=True, text=True, check=True)
    return out


def test_no_aliases_hide_strings_from_lupdate() -> None:
    """lupdate extracts only literal ``self.tr("…")`` and ``QCoreApplication.translate("Ctx", "…")``
    calls: ``t = QCoreApplication.translate`` or ``tr = self.tr`` leaves strings untranslated, silently."""
    found = []
    for path in (ROOT / "vod_app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Attribute) and node.value.attr in {"tr", "translate"}:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []

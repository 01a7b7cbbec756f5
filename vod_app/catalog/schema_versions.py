"""Schema revisions: the head, the known ones, and migrating (Alembic is imported only to migrate).

Start-up compares a catalog's ``alembic_version`` with :data:`SCHEMA_HEAD` before reading it, without
importing Alembic (~250 ms); ``tests/unit/test_schema_versions.py`` keeps the constant equal to
Alembic's head.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

#: Alembic's head revision (migrations/versions); a new migration moves it (a test says so).
SCHEMA_HEAD = "0012"


def _migrations_dir() -> Path:
    return Path(__file__).resolve().parent / "migrations"


def _alembic_config():  # -> alembic.config.Config, imported lazily (start-up time)
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(_migrations_dir()))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}


_SCRIPT_VARS = re.compile(r"^(revision|down_revision|branch_labels|depends_on)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)


def script_head() -> str | None:
    """The head revision read from the migration scripts without importing Alembic, or None.

    Importing Alembic costs ~250 ms and ~17 MB (Mako, Pygments, every dialect's DDL) at each start
    just to learn that the catalog is already at head. This reads ``revision``/``down_revision`` from
    versions/*.py; anything it is not sure about (branches, dependencies, a file it cannot read)
    gives None and Alembic decides, as before.
    """
    parents: dict[str, tuple[str, ...]] = {}
    try:
        for script in sorted((_migrations_dir() / "versions").glob("*.py")):
            found: dict[str, list[str]] = {}
            for name, value in _SCRIPT_VARS.findall(script.read_text("utf-8")):
                found.setdefault(name, []).append(value)
            if not found and script.name.startswith("_"):
                continue
            if any(len(found.get(k, ())) != 1 for k in ("revision", "down_revision")):
                return None
            if any(ast.literal_eval(v) is not None for k in ("branch_labels", "depends_on") for v in found.get(k, ())):
                return None
            rev, down = ast.literal_eval(found["revision"][0]), ast.literal_eval(found["down_revision"][0])
            if not isinstance(rev, str) or rev in parents:
                return None
            parents[rev] = () if down is None else (down,) if isinstance(down, str) else tuple(down)
    except (OSError, ValueError, SyntaxError, TypeError):
        return None
    heads = set(parents) - {p for ps in parents.values() for p in ps}
    return heads.pop() if len(heads) == 1 else None


def migrate(engine: Any, revision: str = "head") -> None:
    from alembic import command

    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)

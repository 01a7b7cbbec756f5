"""Two process-wide settings of the interpreter for a GUI thread that shares it with workers (issue 14).

**GIL hand-over.** Python's ``sqlite3`` releases the GIL around every ``sqlite3_step``, i.e. for
every row fetched. While another thread runs Python (the ORM loading on the ``startup`` lane, a
search on the ``search`` lane), the GUI thread then waits up to the switch interval (5 ms by
default) to get the GIL back, row after row: a 300-row page of titles measured 0.4 ms alone and
250-450 ms beside a busy thread (the "GUI stall" bench's scroll phase, 110-230 ms). At 0.5 ms the
same read takes ~1 ms; CPU-bound threads switch more often, a cost too small to measure here.

**PySide6's import hook.** Once PySide6 is imported, every module imported afterwards is read as
source (``shibokensupport.feature._mod_uses_pyside``: ``inspect.getsource`` and a search for
"PySide6", to learn whether it may use ``from __feature__ import ...``). Every source file then
stays in ``linecache``: after the ORM has loaded, 435 files, 8 M characters, ~20 MiB of RSS and
~50 ms of the load. The same answer is found by searching the file's bytes, and nothing is kept.
"""

from __future__ import annotations

import sys
from types import ModuleType

SWITCH_INTERVAL_S = 0.0005


def _uses_pyside(module: ModuleType) -> bool:
    """Whether ``module``'s source names PySide6 (what PySide6's own check answers), without linecache."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False  # what inspect.getsource gives for extension and source-less modules: no source
    try:
        with open(path, "rb") as fh:
            return b"PySide6" in fh.read()
    except OSError:
        return False


def tune() -> None:
    """Set both (idempotent); call once PySide6 is imported, before the workers start."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    feature = sys.modules.get("shibokensupport.feature")
    # A private function of PySide6 (checked on 6.11): replaced only while it is what is described above.
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = _uses_pyside

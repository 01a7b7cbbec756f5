"""What every command prints and how: JSON or text, one-line errors, escapes for control characters.

Exit status: 0 ok, 1 a user error (one clear line on stderr), 2 a usage error. Never a traceback.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any

#: A command: parsed arguments in, exit status out.
Handler = Callable[[argparse.Namespace], int]


class UserError(Exception):
    """Shown as one line on stderr; exit status 1."""


class UsageError(Exception):
    """A command given without what it needs: one line on stderr; exit status 2."""


# C0/C1 controls and the bidi overrides/isolates: echoed from a file or a name they could move the
# cursor, recolour the terminal or reorder what the reader sees ("Trojan Source").
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with control characters written as escapes (``\\x1b``, ``\\u202e``)."""

    def escape(match: re.Match[str]) -> str:
        char = match.group(0)
        if keep_newlines and char == "\n":
            return char
        code = ord(char)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _UNPRINTABLE.sub(escape, text)


def error(message: str) -> None:
    """One line on stderr, whatever the message holds."""
    sys.stderr.write(f"vod-app: {printable(message)}\n")


def warn(message: str) -> None:
    error(f"warning: {message}")


def emit(args: argparse.Namespace, data: Any, text_lines: Sequence[str]) -> None:
    out = sys.stdout
    if getattr(args, "json", False):
        out.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        for line in text_lines:
            out.write(printable(line, keep_newlines=True) + "\n")


def terminal_progress():  # -> callable(done, total, label) | None
    if not sys.stderr.isatty():
        return None

    def progress(done: int, total: int, label: str) -> None:
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {printable(label[-40:]):<40}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return progress

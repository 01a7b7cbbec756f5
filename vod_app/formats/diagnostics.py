"""Bounded collection of parser warnings."""

from __future__ import annotations

# A 100 MB file of garbage must not turn into millions of warning strings.
MAX_WARNINGS = 100
_SNIPPET_CHARS = 60


class Diagnostics:
    """Collects human-readable warnings, keeping the first ``limit``."""

    __slots__ = ("_limit", "_messages", "_dropped")

    def __init__(self, limit: int = MAX_WARNINGS) -> None:
        self._limit = limit
        self._messages: list[str] = []
        self._dropped = 0

    def add(self, message: str) -> None:
        if len(self._messages) < self._limit:
            self._messages.append(message)
        else:
            self._dropped += 1

    def result(self) -> list[str]:
        if self._dropped:
            return [*self._messages, f"{self._dropped} more warnings not shown"]
        return list(self._messages)


def snippet(text: str) -> str:
    """Quote a piece of input for a warning, shortened so one warning stays one short line."""
    if len(text) > _SNIPPET_CHARS:
        text = text[: _SNIPPET_CHARS - 1] + "…"
    return repr(text)

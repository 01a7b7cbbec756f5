"""ImportReport: what an import did (catalog file or folder), for the status line, the CLI and tests."""

from __future__ import annotations

from dataclasses import dataclass, field

from vod_app.domain.texts import plural


@dataclass
class ImportReport:
    source: str
    events_added: int = 0
    events_updated: int = 0
    sessions_added: int = 0
    sessions_updated: int = 0
    sessions_unchanged: int = 0
    cues: int = 0
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.source}: {plural(self.sessions_added, 'session')} added, {self.sessions_updated} updated, "
            f"{self.sessions_unchanged} unchanged; {plural(self.events_added + self.events_updated, 'event')}; "
            f"{plural(self.cues, 'caption cue')}"
        )

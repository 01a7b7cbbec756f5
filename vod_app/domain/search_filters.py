"""SearchFilters: what narrows a search or the recent list, shared by the UI, the CLI and any backend.

A plain value in domain/ so the UI builds it without importing the catalog, and a future search
backend (PostgreSQL) receives the same record.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SearchFilters:
    lang: str | None = None  # language of the text or caption matched
    event_uid: str | None = None
    year: int | None = None

"""Reliability tests: bad input, crashes, two instances, untrusted catalogs (docs/reliability.md)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

"""Emitting Qt signals from Python without PySide6 6.12.0's reference leak on True.

PySide6 6.12.0's `SignalInstance.emit()` (and `disconnect()`) return `True` without taking a
reference. On Python 3.11, where `True` is an ordinary object (immortal only from 3.12), each
call drops its reference count by one: after ~700 emits (a few seconds of playback)
the interpreter aborts with "Fatal Python error: bool_dealloc". 6.11.3 does not have the bug.

`emit()` measures the leak once and, only where it exists, gives back the reference each emit
takes. Remove this module once PySide6 is pinned to a version without the bug.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal

_PROBE_EMITS = 16


class _Probe(QObject):
    ping = Signal()


def _measure_leak() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBE_EMITS):
        probe.ping.emit()
    # Other threads may move the count a little; the bug moves it by exactly one per emit.
    return before - sys.getrefcount(True) >= _PROBE_EMITS - 2


EMIT_LEAKS_TRUE = _measure_leak()
if EMIT_LEAKS_TRUE:
    _incref = ctypes.pythonapi["Py_IncRef"]
    _incref.argtypes = (ctypes.py_object,)
    _incref.restype = None
    for _ in range(_PROBE_EMITS):  # give back what the measuring emits took
        _incref(True)


def emit(signal: Any, *args: Any) -> None:
    """signal.emit(*args), safe on every PySide6 version."""
    result = signal.emit(*args)
    if EMIT_LEAKS_TRUE and result is True:
        _incref(True)

"""Bucket arithmetic shared by every velocity backend.

All backends must agree to the last event, so the few formulas that decide
which bucket an instant falls in and where a window starts live here, written
with plain IEEE double operations (``floor(t / width)``) that the Redis Lua
script reproduces bit for bit. Python's float ``//`` is deliberately avoided:
it can differ from ``floor(t / width)`` at bucket edges.
"""

from __future__ import annotations

import math
from typing import Sequence


def check_windows(windows: Sequence[int], buckets: int, *, name: str = "windows") -> tuple[int, ...]:
    """Validate a window tuple: positive integer seconds, at least one."""
    result = tuple(windows)
    if not result or any(not isinstance(w, int) or isinstance(w, bool) or w <= 0 for w in result):
        raise ValueError(f"{name} must be a non-empty sequence of positive integer seconds, got {windows!r}")
    if len(set(result)) != len(result):
        raise ValueError(f"{name} must not repeat a window: {windows!r}")
    if not isinstance(buckets, int) or isinstance(buckets, bool) or buckets < 1:
        raise ValueError(f"buckets must be a positive integer, got {buckets!r}")
    return result


def widths(windows: Sequence[int], buckets: int) -> tuple[float, ...]:
    """Bucket width in seconds of each window."""
    return tuple(w / buckets for w in windows)


def bucket_of(t: float, width: float) -> int:
    """Index of the bucket holding instant ``t``."""
    return math.floor(t / width)


def since(t: float, width: float, buckets: int) -> float:
    """Earliest instant still inside a distinct window read at ``t``.

    A member last seen at ``s`` is in the window iff ``s >= since(t, ...)``:
    the window is the ``buckets`` buckets ending with the one holding ``t``.
    """
    return (math.floor(t / width) - buckets + 1) * width

"""Fast JSON for the offline hot paths, with the standard library's semantics.

Replay and training decode every input line and replay encodes every output
line; orjson does both several times faster than ``json``. It is stricter
(no NaN or Infinity literals, no lone surrogates, UTF-8 only), so a line it
refuses is decoded again by ``json``; and it reads an integer beyond 64 bits
as a float, so a line with a run of 19 digits goes to ``json`` directly
(found by mapping every byte to digit or not and searching the result: a
regular expression costs more than orjson saves).
Whatever ``json.loads`` accepts is accepted, with the same result. Without
orjson installed, ``json`` does everything.
"""

from __future__ import annotations

import json
from typing import Any

try:
    import orjson
except ImportError:  # pragma: no cover - orjson is a declared dependency
    orjson = None  # type: ignore[assignment]

_DIGIT_OR_NOT = bytes(0x30 if 0x30 <= b <= 0x39 else 0x78 for b in range(256))
_LONG_RUN = b"0" * 19  # 2**64 has 20 digits: a shorter run is an exact int in orjson too


def _has_long_number(line: str | bytes) -> bool:
    raw = line.encode("utf-8", "surrogatepass") if isinstance(line, str) else line
    return _LONG_RUN in raw.translate(_DIGIT_OR_NOT)


def loads(line: str | bytes) -> Any:
    """``json.loads``, faster for the lines orjson accepts."""
    if orjson is not None and not _has_long_number(line):
        try:
            return orjson.loads(line)
        except orjson.JSONDecodeError:
            pass
    return json.loads(line)


def dumps(obj: Any) -> str:
    """Compact JSON text that can be written as UTF-8: non-ASCII kept, no spaces.

    With orjson, floats are written in their shortest form (``5e-6`` where
    ``json`` writes ``5e-06``) and NaN as ``null``: still the same values
    for any JSON reader.
    """
    if orjson is not None:
        try:
            return orjson.dumps(obj).decode()
        except TypeError:
            pass  # a type orjson does not serialise, a >64-bit integer, a lone surrogate
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate (JSON input may spell one as \ud800) cannot be
        # written as UTF-8; escaped, it reads back as the same string.
        return json.dumps(obj, separators=(",", ":"))
    return text

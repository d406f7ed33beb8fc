"""The raw event: one signup or login attempt exactly as the portal saw it.

This is contract 1 (``signup-event.schema.json``). The live middleware builds a
``RawEvent`` from a request, replay and training read one per JSON line, and
the rest of the pipeline only ever sees this type. Parsing is forgiving where
the contract says so (a malformed IP is kept and scored as unknown, oversized
fields are truncated, unknown keys are kept) and strict where it must be
(required fields and their types), raising ``EventError`` with a clear message.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any, Mapping

from signupguard import jsonl

KINDS = ("signup", "login")
LABELS = ("fraud", "legit")

# Truncation limits (contract maxLength, plus sane bounds for free-form parts).
MAX_EVENT_ID = 128
MAX_ACCOUNT = 256
MAX_EMAIL = 320
MAX_USERNAME = 256
MAX_IP = 64
MAX_HEADER_VALUE = 2048
MAX_HEADERS = 64
MAX_DEVICE_STRING = 512
MAX_DEVICE_KEYS = 64

_KNOWN_KEYS = frozenset(
    ["event_id", "kind", "occurred_at", "ip", "account", "email", "username",
     "success", "headers", "device", "form", "label"]
)


class EventError(ValueError):
    """A raw event that cannot be used: the message says which field and why."""


@dataclass(slots=True)
class RawEvent:
    event_id: str
    kind: str
    occurred_at: dt.datetime  # always timezone-aware, UTC
    ip: str
    account: str | None = None
    email: str | None = None
    username: str | None = None
    success: bool | None = None
    headers: dict[str, str] = field(default_factory=dict)
    device: dict[str, Any] | None = None
    form: dict[str, Any] | None = None
    label: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    # Fields of headers, device or form of another type than the contract's: scored as live capture scores them,
    # and reported by replay and training.
    problems: tuple[str, ...] = ()

    @property
    def timestamp(self) -> float:
        """Seconds since the epoch, the clock used by velocity."""
        return self.occurred_at.timestamp()

    def header(self, name: str) -> str:
        return self.headers.get(name, "")

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object (unknown keys preserved)."""
        out: dict[str, Any] = dict(self.extra)
        out.update(
            event_id=self.event_id,
            kind=self.kind,
            occurred_at=self.occurred_at.isoformat().replace("+00:00", "Z"),
            ip=self.ip,
        )
        for key in ("account", "email", "username", "success", "device", "form", "label"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        if self.headers:
            out["headers"] = dict(self.headers)
        return out

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable(value: Any) -> Any:
    """``value`` with text every database stores: NUL and lone surrogates become U+FFFD.

    JSON lets a request spell both (``\\u0000``, ``\\ud800``); PostgreSQL
    refuses NUL in text and jsonb, and no UTF-8 database takes a lone
    surrogate. Live events are built through this, so what is scored is
    what is stored; replay, which stores nothing, keeps lines as they are.
    """
    if isinstance(value, str):
        return _UNSTORABLE.sub("\ufffd", value) if _UNSTORABLE.search(value) else value
    if isinstance(value, dict):
        return {storable(k): storable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [storable(v) for v in value]
    return value


_LEAP_SECOND = re.compile(r"(.*[Tt ]\d\d:\d\d:)60(?:[.,]\d+)?((?:[+-]\d\d:\d\d)?)")
_FRACTION = re.compile(r"[Tt ]\d\d:\d\d:\d\d[.,](\d+)")


_LEAP = re.compile(r"[Tt ]\d\d:\d\d:60")
LEAP_SORT = 10**18  # above any 18 digits past the microsecond


def sub_microsecond(value: Any) -> int:
    """The digits of ``occurred_at``'s fraction past the microsecond (which datetime drops), for sorting.

    A leap second is read as the last microsecond before it (``parse_timestamp``): it sorts after
    every time within that microsecond, and among leap times by its whole fraction.
    """
    if not isinstance(value, str):
        return 0
    found = _FRACTION.search(value)
    if _LEAP.search(value):
        return LEAP_SORT + (int(found[1][:18].ljust(18, "0")) if found else 0)
    if found is None or len(found[1]) <= 6:
        return 0
    return int(found[1][6:24].ljust(18, "0"))


def parse_timestamp(value: Any) -> dt.datetime:
    """ISO 8601 with an offset or ``Z`` → aware UTC datetime."""
    if not isinstance(value, str) or not value:
        raise EventError("occurred_at must be an ISO 8601 string")
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        # RFC 3339 (the schema's "date-time") allows a leap second, :60, which Python cannot hold:
        # it is read as the last microsecond of the second before, so it sorts where it belongs.
        leap = _LEAP_SECOND.fullmatch(text)
        try:
            if leap is None:
                raise ValueError
            moment = dt.datetime.fromisoformat(f"{leap[1]}59.999999{leap[2]}")
        except ValueError:
            raise EventError(f"occurred_at is not an ISO 8601 date-time: {value[:40]!r}") from None
    if moment.tzinfo is None:
        raise EventError("occurred_at needs a UTC offset or Z")
    try:
        return moment.astimezone(dt.timezone.utc)
    except OverflowError:  # 9999-12-31T23:59-01:00 is past the last instant Python can hold in UTC
        raise EventError(f"occurred_at is out of range in UTC: {value[:40]!r}") from None


def _clip(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[:limit]


def _optional_string(data: Mapping[str, Any], key: str, limit: int) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise EventError(f"{key} must be a string")
    return _clip(value, limit)


# The types the contract's schema gives the device and form fields it declares. Other types are scored as live
# capture scores them (cleaned, or ignored by the analysis), and offline runs report the line (``RawEvent.problems``).
_DECLARED: dict[str, dict[str, type]] = {
    "device": {"fingerprint": str, "timezone": str, "screen": str, "platform": str, "languages": list,
               "webdriver": bool, "hardware_concurrency": int, "touch_points": int, "device_memory": float},
    "form": {"fill_ms": int, "honeypot": str},
}
_TYPE_NAMES = {str: "a string", list: "an array of strings", bool: "a boolean", int: "an integer", float: "a number"}


def _of_type(item: Any, expected: type) -> bool:
    """JSON Schema's reading: a boolean is no number, and 8.0 is an integer."""
    kind = type(item)
    if expected is float:
        return kind is int or kind is float
    if expected is int:
        return kind is int or (kind is float and item.is_integer())
    if expected is list:
        return kind is list and all(type(x) is str for x in item)
    return kind is expected


def _clean_headers(value: Any, problems: list[str]) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise EventError("headers must be an object")
    headers: dict[str, str] = {}
    items = value.items() if len(value) <= MAX_HEADERS else list(value.items())[:MAX_HEADERS]
    for name, header_value in items:
        # Hostile clients send numbers or nulls; keep what can be read as text.
        if header_value is None:
            continue
        if type(header_value) is not str:
            problems.append(f"headers.{str(name)[:40]} is not a string")
            header_value = str(header_value)
        if len(header_value) > MAX_HEADER_VALUE:
            header_value = header_value[:MAX_HEADER_VALUE]
        name = (name if type(name) is str else str(name)).lower()
        headers[name if len(name) <= 128 else name[:128]] = header_value
    return headers


def _clean_mapping(value: Any, key: str, problems: list[str]) -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise EventError(f"{key} must be an object")
    cleaned: dict[str, Any] = {}
    declared = _DECLARED[key]
    items = value.items() if len(value) <= MAX_DEVICE_KEYS else list(value.items())[:MAX_DEVICE_KEYS]
    for name, item in items:
        expected = declared.get(name)
        if expected is not None and item is not None and not _of_type(item, expected):
            problems.append(f"{key}.{name} is not {_TYPE_NAMES[expected]}")
            # Scored as live capture scores it (collector.clean_device, clean_form): it drops such a value,
            # and keeps the strings of a list. Read here, "8" or "en-GB" or a honeypot of true gave replay
            # and training other features than the live attempt had (found in an audit).
            if expected is not list or type(item) is not list:
                continue
            item = [x for x in item if type(x) is str]
        kind = type(item)
        if kind is str:
            if len(item) > MAX_DEVICE_STRING:
                item = item[:MAX_DEVICE_STRING]
        elif kind is list:
            item = [x[:MAX_DEVICE_STRING] if type(x) is str else x for x in item[:32]]
        if type(name) is not str:  # JSON object keys are; dicts built in Python may not be
            name = str(name)
        cleaned[name if len(name) <= 64 else name[:64]] = item
    return cleaned


def parse_event(data: Any) -> RawEvent:
    """Validate one decoded JSON object against the contract.

    Raises ``EventError`` for what cannot be scored (missing or mistyped
    required fields); everything else is normalised and kept.
    """
    if not isinstance(data, dict):
        raise EventError("an event must be a JSON object")
    missing = [key for key in ("event_id", "kind", "occurred_at", "ip") if key not in data]
    if missing:
        raise EventError("missing required field(s): " + ", ".join(missing))
    event_id = data["event_id"]
    if not isinstance(event_id, str) or not event_id:
        raise EventError("event_id must be a non-empty string")
    kind = data["kind"]
    if kind not in KINDS:
        raise EventError(f"kind must be one of {', '.join(KINDS)}")
    ip = data["ip"]
    if not isinstance(ip, str):
        raise EventError("ip must be a string")
    success = data.get("success")
    if success is not None and not isinstance(success, bool):
        raise EventError("success must be a boolean")
    label = data.get("label")
    if label is not None and label not in LABELS:
        raise EventError(f"label must be one of {', '.join(LABELS)}")
    problems: list[str] = []
    return RawEvent(
        event_id=_clip(event_id, MAX_EVENT_ID),
        kind=kind,
        occurred_at=parse_timestamp(data["occurred_at"]),
        ip=_clip(ip.strip(), MAX_IP),
        account=_optional_string(data, "account", MAX_ACCOUNT),
        email=_optional_string(data, "email", MAX_EMAIL),
        username=_optional_string(data, "username", MAX_USERNAME),
        success=success,
        headers=_clean_headers(data.get("headers"), problems),
        device=_clean_mapping(data.get("device"), "device", problems),
        form=_clean_mapping(data.get("form"), "form", problems),
        label=label,
        extra={k: v for k, v in data.items() if k not in _KNOWN_KEYS},
        problems=tuple(problems),
    )


def parse_line(line: str | bytes) -> RawEvent:
    """Decode and validate one JSON Lines line."""
    try:
        data = jsonl.loads(line)
    except (ValueError, RecursionError) as exc:
        raise EventError(f"not valid JSON: {exc}") from None
    return parse_event(data)

"""Signals a portal may not send: ways to leave them out of raw events.

The simulator's events carry every signal the contract allows: Client Hints
for Chromium browsers, the collector's device block, a form fill time. A real
portal may send less (no collector script, a proxy that strips ``sec-ch-*``
headers, an API-only signup), and so may another traffic generator.
``signupguard_simulate --without ...`` writes such a portal's traffic (the
same people and the same events, fewer fields), and the shift benchmark
replays files through the same functions.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

Event = dict[str, Any]
Omission = Callable[[Event], None]

CLIENT_HINTS = ("sec-ch-ua", "sec-ch-ua-mobile", "sec-ch-ua-platform")
# The device fields of the contract's example event: what a minimal collector sends.
CONTRACT_DEVICE = ("fingerprint", "timezone", "languages", "screen", "webdriver")


def _drop(*path: str) -> Omission:
    def drop(event: Event) -> None:
        holder: Any = event
        for name in path[:-1]:
            holder = holder.get(name)
            if not isinstance(holder, dict):
                return
        holder.pop(path[-1], None)
    return drop


def _no_client_hints(event: Event) -> None:
    headers = event.get("headers")
    if isinstance(headers, dict):
        for name in CLIENT_HINTS:
            headers.pop(name, None)


def _contract_device_only(event: Event) -> None:
    if isinstance(event.get("device"), dict):
        event["device"] = {k: v for k, v in event["device"].items() if k in CONTRACT_DEVICE}


SIGNALS: dict[str, Omission] = {
    "client-hints": _no_client_hints,
    "accept-language": _drop("headers", "accept-language"),
    "device": _drop("device"),  # no collector script
    "device-extras": _contract_device_only,  # a collector sending only the contract's example fields
    "fingerprint": _drop("device", "fingerprint"),
    "device-timezone": _drop("device", "timezone"),
    "form": _drop("form"),
    "username": _drop("username"),
}
# What a portal sending only what the contract's example shows leaves out.
CONTRACT_MINIMUM = ("client-hints", "device-extras", "form", "username")


def omissions(names: Iterable[str]) -> tuple[Omission, ...]:
    """The functions leaving out ``names`` (keys of ``SIGNALS``); a ValueError names any unknown one."""
    names = list(names)
    unknown = [name for name in names if name not in SIGNALS]
    if unknown:
        raise ValueError(f"unknown signal(s): {', '.join(unknown)}; known: {', '.join(SIGNALS)}")
    return tuple(SIGNALS[name] for name in names)

"""The server side of the browser collector: its form fields and how they are read.

``collector.js`` fills ``sg_device`` with a JSON object; ``forms.py`` and the
template tag render a signed render timestamp (``sg_ts``) and a CSS-hidden
honeypot (``sg_homepage``). These functions turn whatever a client posted
into the contract's ``device`` and ``form`` objects, dropping what is
malformed instead of raising.
"""

from __future__ import annotations

import hashlib
import json
import math
import secrets
import time
from typing import Any, Mapping

from django.core import signing

from signupguard.conf import seconds_setting
# Texts are cut where parsing cuts them: a honeypot cut shorter (256) read empty live and filled in replay.
from signupguard.context import MAX_DEVICE_STRING

DEVICE_FIELD = "sg_device"
TIMESTAMP_FIELD = "sg_ts"
HONEYPOT_FIELD = "sg_homepage"
MAX_DEVICE_JSON = 8 * 1024
# What collector.js reports, kept first when a device object is over MAX_DEVICE_JSON.
COLLECTOR_KEYS = (
    "fingerprint", "timezone", "languages", "screen", "platform", "webdriver", "touch_points",
    "hardware_concurrency", "device_memory", "webgl_renderer",
)
_SIGNING_SALT = "signupguard.form.rendered"
# The contract's type of each collector key (signup-event.schema.json, "device"); bool is
# not a number there, though it is an int in Python.
_DEVICE_TYPES: dict[str, tuple[type, ...]] = {
    "fingerprint": (str,), "timezone": (str,), "screen": (str,), "platform": (str,), "languages": (list,),
    "webdriver": (bool,), "hardware_concurrency": (int,), "touch_points": (int,), "device_memory": (int, float),
}


def _typed(key: str, value: Any) -> bool:
    types = _DEVICE_TYPES[key]
    if int in types and type(value) is float and value.is_integer():
        # JSON Schema's integer, as the contract reads it (context._of_type): replay and training score
        # 8.0 as 8, so capture keeps it rather than scoring the device's figure as unknown.
        return True
    return isinstance(value, types) and (bool in types or not isinstance(value, bool))


def _scalar(value: Any) -> Any:
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return value if abs(value) < 2**53 else None
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, str):
        return value[:512]
    return None


def clean_device(value: Any) -> dict[str, Any] | None:
    """The collector's dict, reduced to scalars and short lists; None if unusable."""
    if isinstance(value, (str, bytes)):
        if len(value) > MAX_DEVICE_JSON:
            return None
        try:
            value = json.loads(value)
        except (ValueError, RecursionError):
            return None
    if not isinstance(value, dict):
        return None
    device: dict[str, Any] = {}
    # The collector's own fields first: 64 invented keys must not push them out.
    ordered = [k for k in COLLECTOR_KEYS if k in value] + [k for k in value if k not in COLLECTOR_KEYS]
    for key in ordered[:64]:
        item = value[key]
        if not isinstance(key, str):
            continue
        if isinstance(item, list):
            cleaned = [_scalar(x) for x in item[:32]]
            device[key[:64]] = [x for x in cleaned if x is not None]
        elif not isinstance(item, dict):
            scalar = _scalar(item)
            if scalar is not None:
                device[key[:64]] = scalar
    # The contract's types (signup-event.schema.json, "device"): a value of another type is dropped.
    for key in _DEVICE_TYPES:
        if key in device and not _typed(key, device[key]):
            del device[key]
    if isinstance(device.get("languages"), list):
        device["languages"] = [x for x in device["languages"] if isinstance(x, str)]
    return _within_budget(device) or None


def _within_budget(device: dict[str, Any]) -> dict[str, Any]:
    """``device`` in at most MAX_DEVICE_JSON bytes of JSON, the collector's own fields first.

    The same budget as a posted string: a JSON client's dict could otherwise
    reach megabytes within the per-key limits, stored with every attempt and
    read by every page of the review queue.
    """
    if _json_size(device) <= MAX_DEVICE_JSON:
        return device
    kept: dict[str, Any] = {}
    size = 2  # the braces
    for key in device:  # clean_device put the collector's fields first
        entry = _json_size({key: device[key]}) - 1  # "key":value and its comma
        if size + entry <= MAX_DEVICE_JSON:
            kept[key] = device[key]
            size += entry
    return kept


def _json_size(value: Any) -> int:
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass"))


def sign_render_time(now: float | None = None) -> str:
    """A signed token of the form's render time (milliseconds), for ``fill_ms``.

    It carries a random nonce, so two forms rendered in the same millisecond
    still get different tokens, and one token names one render: the signup
    that uses it spends it (``render_tokens``).
    """
    millis = int((time.time() if now is None else now) * 1000)
    return signing.TimestampSigner(salt=_SIGNING_SALT).sign(f"{millis}.{secrets.token_urlsafe(9)}")


def _render(token: Any, now: float | None = None) -> tuple[int, str] | None:
    """(milliseconds from the render to ``now``, the signed "millis.nonce"), or None when forged or stale.

    Tokens signed before nonces hold "millis" alone.
    """
    if not isinstance(token, str) or len(token) > 200:
        return None
    try:
        # seconds_setting: a max age that is no number (a string from the environment) made unsign() raise
        # TypeError for every token, silently costing every signup its fill time (check E043).
        max_age = seconds_setting("FORM_TIMESTAMP_MAX_AGE")
        value = signing.TimestampSigner(salt=_SIGNING_SALT).unsign(token, max_age=max_age)  # type: ignore[arg-type]  # a float: compared with the age in seconds
        rendered = int(value.partition(".")[0])
    except (signing.BadSignature, ValueError, TypeError):
        return None
    fill = int((time.time() if now is None else now) * 1000) - rendered
    if fill > int(max_age) * 1000:
        return None
    return max(0, fill), value  # max: a little clock skew between web processes


def fill_ms_from(token: Any, *, now: float | None = None) -> int | None:
    """Milliseconds since ``token`` was signed, or None when it is forged or stale."""
    render = _render(token, now)
    return None if render is None else render[0]


def render_key(token: Any) -> str | None:
    """What names the render of a valid token in its event (``form.render``); None for a forged or stale
    token, or one signed before nonces (it names a millisecond, which two people can share)."""
    render = _render(token)
    return None if render is None else _key_of(render[1])


def _key_of(signed: str) -> str | None:
    if "." not in signed:
        return None
    return hashlib.blake2b(signed.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


def clean_form(data: Mapping[str, Any] | None, *, form: Any = None) -> dict[str, Any] | None:
    """``form`` object of the event from posted fields and/or a client's ``form`` dict."""
    out: dict[str, Any] = {}
    if isinstance(form, dict):  # JSON clients: {"fill_ms", "honeypot", "ts"}
        fill = form.get("fill_ms")
        if type(fill) is float and fill.is_integer():
            fill = int(fill)  # 24000.0 is the contract's integer: replay and training read it as 24000
        if isinstance(fill, int) and not isinstance(fill, bool) and 0 <= fill < 2**31:
            out["fill_ms"] = fill
        if isinstance(form.get("honeypot"), str):
            out["honeypot"] = form["honeypot"][:MAX_DEVICE_STRING]
        token = form.get("ts")
    else:
        token = None
    if data is not None:
        token = field_value(data, TIMESTAMP_FIELD) or token
        honeypot = field_value(data, HONEYPOT_FIELD)
        if honeypot is not None:
            out["honeypot"] = honeypot[:MAX_DEVICE_STRING]
    if token is not None:
        render = _render(token)
        out["signed"] = render is not None
        if render is not None:
            out["fill_ms"] = render[0]
            key = _key_of(render[1])
            if key is not None:
                out["render"] = key  # the signup scored first spends it (render_tokens)
    return out or None


def field_value(data: Mapping[str, Any], name: str) -> str | None:
    try:
        value = data.get(name)
    except Exception:
        return None
    return value if isinstance(value, str) else None

"""Request → raw event (contract 1): the only place that reads a live request.

What is captured, and what is deliberately not:

* **Client address**: the socket address (``REMOTE_ADDR``). ``X-Forwarded-For``
  is believed only when the socket peer is one of ``TRUSTED_PROXIES``; then the
  chain is walked from the right, skipping trusted hops, and the first
  untrusted hop is the client. Other forwarding headers (X-Real-IP, Forwarded,
  CF-Connecting-IP ...) are never read: anyone can send them. Parsing is
  python-ipware's (brackets, ports, IPv4-mapped IPv6).
* **Headers**: lower-cased and filtered to ``CAPTURED_HEADERS`` (plus
  ``EXTRA_CAPTURE_HEADERS``); cookies and credentials are never captured.
* **Device and form**: the collector's hidden JSON field, the signed render
  timestamp (→ ``fill_ms``) and the honeypot, from the form POST, a JSON body,
  or a DRF request's parsed data.

Nothing here raises on hostile input: whatever is malformed is dropped and the
event is scored with that part unknown.
"""

from __future__ import annotations

import ipaddress
import json
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any, Iterable, Mapping

from python_ipware import IpWare
from python_ipware.modern.parsers import TIER_REJECT, ip_tier, parse_ip

from signupguard.collector import (  # noqa: F401 - the field names are part of this module's API
    DEVICE_FIELD, HONEYPOT_FIELD, TIMESTAMP_FIELD, clean_device, clean_form, field_value, fill_ms_from,
    sign_render_time,
)
from signupguard.conf import list_entries, sg_settings
from signupguard.context import EventError, RawEvent, parse_event, storable

CAPTURED_HEADERS: frozenset[str] = frozenset(
    ["user-agent", "accept-language", "accept", "accept-encoding", "dnt"]
)
CAPTURED_PREFIXES: tuple[str, ...] = ("sec-ch-ua", "sec-fetch-")
# Never captured, whatever the settings say: secrets and session material.
REFUSED_HEADERS: frozenset[str] = frozenset(
    ["cookie", "set-cookie", "authorization", "proxy-authorization", "x-csrftoken", "x-api-key"]
)
MAX_BODY = 64 * 1024  # JSON bodies larger than this are not parsed for device data
MAX_CHAIN_HOPS = 16

_REMOTE = IpWare(precedence=("REMOTE_ADDR",))


@dataclass(slots=True)
class Snapshot:
    """What the request said, before any account is known (cheap to build)."""

    received_at: datetime
    ip: str
    headers: dict[str, str]
    device: dict[str, Any] | None
    form: dict[str, Any] | None


# --- client address -----------------------------------------------------------

_IPV4_MAPPED = ipaddress.IPv6Network("::ffff:0:0/96")


@lru_cache(maxsize=32)
def _networks(entries: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    networks = []
    for entry in entries:
        try:
            network = ipaddress.ip_network(entry.strip(), strict=False)
        except ValueError:
            continue  # reported by the signupguard.E040 system check
        if isinstance(network, ipaddress.IPv6Network) and network.prefixlen >= 96 and network.subnet_of(_IPV4_MAPPED):
            # Addresses are read as IPv4 (parse_ip unmaps ::ffff:a.b.c.d): so is a proxy written that way.
            network = ipaddress.ip_network(f"{network.network_address.ipv4_mapped}/{network.prefixlen - 96}")
        networks.append(network)
    return tuple(networks)


def trusted_networks() -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    """``TRUSTED_PROXIES`` as networks; accepts a list or a comma-separated string."""
    value = sg_settings.TRUSTED_PROXIES or ()
    # A lone non-string (an int, an ip_network) is one entry, not a TypeError raised in every request.
    entries = value.split(",") if isinstance(value, str) else list_entries(value)
    return _networks(tuple(str(v) for v in entries if str(v).strip()))


def _is_trusted(address: Any, networks: Iterable[Any]) -> bool:
    if address is None:
        return False
    return any(address.version == net.version and address in net for net in networks)


def _forwarded_hop(token: str) -> Any:
    """One X-Forwarded-For entry as an address, or None.

    Entries are split on every comma, quotes or not: ipware's RFC 7239 quoting
    lets an unbalanced quote in the client's own part swallow the hops our
    proxies appended after it, which would make the client's forged address
    the rightmost one.
    """
    hop = parse_ip(token)
    return hop if hop is not None and ip_tier(hop) != TIER_REJECT else None


def _only(meta: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    # ipware folds every key of what it is given to find its header: under a
    # real server META holds dozens. Give it the one key when it is there.
    value = meta.get(key)
    return {key: value} if value is not None else meta


@lru_cache(maxsize=256)
def _socket_peer(remote_addr: str) -> Any:
    # REMOTE_ADDR is the same few load balancers on every request behind a
    # proxy: parse each once (ipware's answer depends on the string alone).
    remote, _ = _REMOTE.get_client_ip({"REMOTE_ADDR": remote_addr})
    return remote


def client_ip(meta: Mapping[str, Any]) -> str:
    """The client's address, as text ("" when the request carries none)."""
    try:
        raw = meta.get("REMOTE_ADDR")
        if isinstance(raw, str):
            remote = _socket_peer(raw)
        else:
            remote, _ = _REMOTE.get_client_ip(_only(meta, "REMOTE_ADDR"))
    except Exception:  # a hostile or broken META must never fail the request
        remote = None
    if remote is None:
        raw = meta.get("REMOTE_ADDR")
        return raw.strip()[:64] if isinstance(raw, str) else ""
    networks = trusted_networks()
    if not networks or not _is_trusted(remote, networks):
        return str(remote)
    # The peer is our proxy: walk X-Forwarded-For from the right. Hop k (0 is
    # the rightmost) was written by a trusted machine as long as every hop to
    # its right is trusted, so the first untrusted one is the client.
    client = remote
    try:
        header = meta.get("HTTP_X_FORWARDED_FOR")
    except Exception:  # same rule as above: a broken META is a request without the header
        return str(client)
    tokens = header.rsplit(",", MAX_CHAIN_HOPS)[::-1][:MAX_CHAIN_HOPS] if isinstance(header, str) else []
    for token in tokens:
        try:
            hop = _forwarded_hop(token)
        except Exception:
            hop = None
        if hop is None:
            break  # chain exhausted or unreadable: the last trusted hop is all we know
        client = hop
        if not _is_trusted(hop, networks):
            break
    return str(client)


# --- headers --------------------------------------------------------------------

def _wanted(name: str, extra: frozenset[str]) -> bool:
    if name in REFUSED_HEADERS:
        return False
    return name in CAPTURED_HEADERS or name in extra or name.startswith(CAPTURED_PREFIXES)


# Headers captured by prefix alone (Client Hints, Fetch metadata): a browser sends about a
# dozen; a client inventing hundreds of "sec-fetch-x1: ..." would otherwise store them all.
MAX_PREFIXED_HEADERS = 24


def header_name(entry: str) -> str:
    """A configured header name as captured: "X-Request-ID", "HTTP_X_REQUEST_ID" -> "x-request-id"."""
    name = entry.strip().lower()
    return name.removeprefix("http_").replace("_", "-")


def extra_capture_entries(value: Any) -> list[Any] | None:
    """An ``EXTRA_CAPTURE_HEADERS`` value's entries (a list, or a comma-separated string); None for another type."""
    if value is None or isinstance(value, str):  # None: unset
        return (value or "").split(",")
    return list(value) if isinstance(value, (list, tuple)) else None


def extra_capture_headers() -> frozenset[str]:
    """``EXTRA_CAPTURE_HEADERS`` as header names.

    Another type, and entries that are not strings, are ignored (the signupguard.E044
    check names them): capture runs on every signup and must not raise.
    """
    entries = extra_capture_entries(sg_settings.EXTRA_CAPTURE_HEADERS) or []
    return frozenset(name for name in (header_name(v) for v in entries if isinstance(v, str)) if name)


def captured_headers(meta: Mapping[str, Any]) -> dict[str, str]:
    """Allow-listed request headers, names lower-cased with dashes."""
    extra = extra_capture_headers()
    headers: dict[str, str] = {}
    prefixed = 0
    for key, value in meta.items():
        if not isinstance(key, str) or not isinstance(value, str) or not key.startswith("HTTP_"):
            continue
        name = key[5:].lower().replace("_", "-")
        if not _wanted(name, extra):
            continue
        if name not in CAPTURED_HEADERS and name not in extra:
            if prefixed >= MAX_PREFIXED_HEADERS:
                continue
            prefixed += 1
        headers[name] = value[:2048]
    return headers


def _body_data(request: Any) -> tuple[Mapping[str, Any] | None, Any, Any]:
    """(form fields, device, form dict) from whatever body the request has."""
    data: Any = None
    if hasattr(request, "_request") and hasattr(request, "data"):  # DRF Request
        try:
            data = request.data
        except Exception:
            data = None
    else:
        try:
            content_type = getattr(request, "content_type", "") or ""
            if content_type == "application/json":
                body = request.body
                data = json.loads(body) if 0 < len(body) <= MAX_BODY else None
            elif request.method == "POST":
                data = request.POST
        except Exception:  # RequestDataTooBig, bad multipart, body already read, bad JSON
            data = None
    if not isinstance(data, Mapping):
        return None, None, None
    device = field_value(data, DEVICE_FIELD) or _safe_get(data, "device")
    return data, device, _safe_get(data, "form")


def _safe_get(data: Mapping[str, Any], key: str) -> Any:
    try:
        return data.get(key)
    except Exception:
        return None


def snapshot(request: Any, *, received_at: datetime | None = None, body: bool = True) -> Snapshot:
    """Read the request once; never raises.

    ``body=False``: without the device and form (None), for a caller that was
    given both: the body is then neither parsed again nor cleaned.
    """
    django_request = getattr(request, "_request", request)
    meta = getattr(django_request, "META", None)
    meta = meta if isinstance(meta, Mapping) else {}
    data, device, form = _body_data(request) if body else (None, None, None)
    return Snapshot(
        received_at=received_at or datetime.now(timezone.utc),
        ip=client_ip(meta),
        headers=captured_headers(meta),
        device=clean_device(device),
        form=clean_form(data, form=form),
    )


def request_snapshot(request: Any, *, body: bool = True) -> Snapshot:
    """The snapshot the middleware attached, else one taken now.

    ``body=False`` (the caller has the device and form): the attached one if
    it was already taken, else one without the body, not kept on the request.
    """
    taken = getattr(getattr(request, "_request", request), "signupguard", None)
    if taken is not None:
        try:
            if body or "snapshot" in vars(taken):
                return taken.snapshot
            return snapshot(taken.request, received_at=taken.received_at, body=False)
        except Exception:
            pass
    return snapshot(request, body=body)


def build_event(
    snap: Snapshot,
    *,
    kind: str,
    account: str | None = None,
    email: str | None = None,
    username: str | None = None,
    success: bool | None = None,
    occurred_at: datetime | None = None,
) -> RawEvent:
    """The contract event for this snapshot; validated by ``parse_event``."""
    moment = (occurred_at or snap.received_at).astimezone(timezone.utc)
    data: dict[str, Any] = {
        "event_id": uuid.uuid4().hex,
        "kind": kind,
        "occurred_at": moment.isoformat().replace("+00:00", "Z"),
        "ip": snap.ip,
        "headers": snap.headers,
    }
    if account is not None and not isinstance(account, str):
        account = str(account)  # an adapter's get_account_id returning the pk itself (an int, a UUID)
    for key, value in (("account", account), ("email", email), ("username", username)):
        if isinstance(value, str) and value:
            data[key] = value
    if kind == "login" and success is not None:
        data["success"] = bool(success)
    if snap.device:
        data["device"] = snap.device
    if snap.form:
        data["form"] = snap.form
    data = storable(data)
    try:
        return parse_event(data)
    except EventError:  # cannot happen with the above, but a signup must never fail
        return parse_event({k: data[k] for k in ("event_id", "kind", "occurred_at")} | {"ip": ""})

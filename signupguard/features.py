"""The one feature pipeline: (event, enrichment, velocity) -> ordered vector.

Pure and deterministic. Live scoring calls ``build_features`` for one
event; replay and training compute the same rows a batch at a time
(``event_features`` per event, ``velocity_rows`` for the batch, which gives
what ``velocity_features`` gives one event: tested). ``FEATURE_NAMES``
fixes the order and ``SCHEMA_HASH`` identifies it, so a model trained on
another layout is refused.

Feature design favours signals that generalise beyond any one data set:
consistency checks (device zone vs IP country, client hints vs UA), relative
velocity (share of recent traffic, surge over a key's own baseline) and
cluster structure (accounts per device, prefixes per browser profile), rather
than identifiers such as ASN numbers or countries. Missing values are NaN,
which LightGBM routes on its own.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from zoneinfo import ZoneInfo

import numpy as np

from signupguard.context import RawEvent
from signupguard.enrichment.gpu import NO_CHIP_KINDS
from signupguard.enrichment.types import Enrichment
from signupguard.velocity import DISTINCT_WINDOW_NAMES, WINDOW_NAMES
from signupguard.velocity.keys import (
    COUNT_NAMES, DISTINCT, Velocity, flat_count, flat_distinct, profile_of, usual, usual_day,
)

NAN = float("nan")

_NETWORK = ("hosting", "vpn", "tor", "mobile", "education", "residential")
_UA_CLASSES = ("desktop", "mobile", "tablet")
# Raw counts where the number itself means something whatever the traffic
# volume (one /24, one device, one mailbox); the rest are used relatively.
_RAW_COUNTERS = ("ip", "prefix", "device", "email")
_RELATIVE_COUNTERS = ("prefix", "asn", "domain", "profile", "template")
# Distinct counts used as they are; "asn_addresses" (a network's size, which depends on
# the traffic volume) only serves to normalise an address's traffic against its network's.
_RAW_DISTINCT = tuple(name for name in DISTINCT if name != "asn_addresses")
# Share of a key's traffic (signups and logins) that carried a tell (velocity.keys.carries_tell).
_TELL_SHARES = (("ip", "7d"), ("device", "7d"), ("profile", "7d"), ("profile", "24h"), ("asn", "7d"))
_W = {name: i for i, name in enumerate(WINDOW_NAMES)}
# The counter windows matching the distinct windows (1h, 7d), for loads per address.
_LOAD_WINDOWS = tuple(_W[name] for name in DISTINCT_WINDOW_NAMES)
# Shares of a key's traffic (signups and logins), in feature order: (key, its other kind, the marked
# counter, window). The tell shares, then the foreign-clock shares of an address and of its network.
_TRAFFIC_SHARES = (
    *((dim, f"other_{dim}", f"tell_{dim}", _W[window]) for dim, window in _TELL_SHARES),
    ("ip", "other_ip", "foreign_ip", _W["7d"]),
    ("asn", "other_asn", "foreign_asn", _W["7d"]),
)

FEATURE_NAMES: tuple[str, ...] = (
    "is_login",
    "login_failed",
    *(f"net_{kind}" for kind in _NETWORK),
    "ip_invalid",
    "ip_v6",
    "ip_private",
    "ip_anonymous",
    "asn_missing",
    "geo_missing",
    "email_missing",
    "email_invalid",
    "email_disposable",
    "email_freemail",
    "email_role",
    "email_plus",
    "email_dots_removed",
    "email_local_len",
    "email_local_digits",
    "email_digit_ratio",
    "email_entropy",
    "email_trailing_digits",
    "email_class_runs",
    "username_email_overlap",
    "ua_missing",
    "ua_headless",
    "ua_automation",
    "ua_bot",
    "ua_script",
    *(f"ua_{cls}" for cls in _UA_CLASSES),
    "ua_hints_present",
    "ua_hints_mismatch",
    "ua_version_age",
    "accept_language_missing",
    "device_missing",
    "device_webdriver",
    "device_fingerprint_missing",
    "device_tz_country_mismatch",
    "device_tz_offset_diff",
    "device_clock_non_geographic",
    "device_lang_header_mismatch",
    "device_lang_country_mismatch",
    "device_screen_mismatch",
    "device_touch_mismatch",
    "device_platform_mismatch",
    "device_gpu_mismatch",
    "device_gpu_virtual",
    "device_clock_restricted",
    "device_language_restricted",
    "device_hw_concurrency",
    "device_memory",
    "form_fill_ms",
    "form_honeypot",
    "local_hour",
    *(f"v_{dim}_{w}" for dim in _RAW_COUNTERS for w in WINDOW_NAMES),
    *(f"share_{dim}_1h" for dim in _RELATIVE_COUNTERS),
    *(f"share_{dim}_24h" for dim in _RELATIVE_COUNTERS),
    *(f"surge_{dim}" for dim in _RELATIVE_COUNTERS),
    *(f"d_{name}_{w}" for name in _RAW_DISTINCT for w in DISTINCT_WINDOW_NAMES),
    "failed_ip_1h",
    "failed_account_1h",
    "failed_share_asn_1h",
    "ua_hints_missing",
    "form_fill_missing",
    "zone_foreign_share_24h",
    "zone_foreign_share_7d",
    *(f"tell_share_{dim}_{w}" for dim, w in _TELL_SHARES),
    "foreign_share_ip_7d",
    "foreign_share_asn_7d",
    "foreign_excess_ip_7d",
    "asn_load_7d",
    "ip_load_vs_asn_1h",
    "ip_load_vs_asn_7d",
    "ip_kind_share_vs_asn_7d",
)
FEATURE_INDEX: dict[str, int] = {name: i for i, name in enumerate(FEATURE_NAMES)}
# The features of the event alone come first; the velocity features follow.
EVENT_FEATURES: int = FEATURE_INDEX["local_hour"] + 1
SCHEMA_HASH: str = hashlib.sha256("\n".join(FEATURE_NAMES).encode()).hexdigest()[:16]


def _b(value: bool | None) -> float:
    return NAN if value is None else (1.0 if value else 0.0)


def _n(value: float | int | None) -> float:
    return NAN if value is None else float(value)


@lru_cache(maxsize=1024)
def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ValueError, KeyError, OSError):
        return None


def _trailing_digits(template: str | None) -> float:
    if not template:
        return NAN
    return float(len(template) - len(template.rstrip("#")))


def _class_runs(template: str | None) -> float:
    if not template:
        return NAN
    runs, previous = 0, ""
    for char in template:
        if char != previous:
            runs += 1
            previous = char
    return float(runs)


def _overlap(username: str | None, local: str | None) -> float:
    """Share of the shorter of username / email local part found in the other."""
    if not username or not local:
        return NAN
    a = "".join(c for c in username.lower() if c.isalnum())
    b = "".join(c for c in local.split("+")[0] if c.isalnum())
    if not a or not b:
        return NAN
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    best = 0
    # Longest common substring, bounded: both strings are short.
    for i in range(len(short)):
        for j in range(i + best + 1, len(short) + 1):
            if short[i:j] in long_:
                best = j - i
            else:
                break
    return best / len(short)


def _local_hour(event: RawEvent, enrichment: Enrichment) -> float:
    """The time of day at the address (its City record's zone); NaN where the zone is unknown.

    Not the device's clock, which the client sets: and so that a deployment
    without a City database reads NaN everywhere, as training's copies of it do.
    """
    zone_name = enrichment.ip.geo_timezone
    zone = _zone(zone_name) if zone_name else None
    if zone is None:
        return NAN
    moment = event.occurred_at.astimezone(zone)
    return moment.hour + moment.minute / 60.0


def build_features(event: RawEvent, enrichment: Enrichment, velocity: Velocity) -> list[float]:
    """The feature vector of one event, in ``FEATURE_NAMES`` order."""
    return event_features(event, enrichment) + velocity_features(velocity, velocity_presence(enrichment))


def event_features(event: RawEvent, enrichment: Enrichment) -> list[float]:
    """The leading ``EVENT_FEATURES`` features: those of the event alone, without velocity."""
    ip, email, ua, device, form = enrichment.ip, enrichment.email, enrichment.ua, enrichment.device, enrichment.form
    local = email.local
    digits = email.local_digits
    row: list[float] = [
        1.0 if event.kind == "login" else 0.0,
        1.0 if (event.kind == "login" and event.success is False) else 0.0,
        *(1.0 if ip.network_kind == kind else 0.0 for kind in _NETWORK),
        1.0 if ip.address is None else 0.0,
        1.0 if ip.version == 6 else 0.0,
        1.0 if ip.is_private else 0.0,
        1.0 if (ip.is_anonymous or ip.is_public_proxy or ip.is_residential_proxy) else 0.0,
        1.0 if ip.asn is None else 0.0,
        1.0 if ip.country is None else 0.0,
        0.0 if email.present else 1.0,
        0.0 if (email.valid or not email.present) else 1.0,
        _b(email.disposable),
        _b(email.freemail),
        _b(email.role),
        _b(email.plus_tag),
        float(email.dots_removed),
        float(email.local_length) if email.valid else NAN,
        float(digits) if email.valid else NAN,
        (digits / email.local_length) if (email.valid and email.local_length) else NAN,
        email.local_entropy if email.valid else NAN,
        _trailing_digits(email.template),
        _class_runs(email.template),
        _overlap(event.username, local),
        0.0 if ua.present else 1.0,
        _b(ua.is_headless),
        _b(ua.is_automation),
        1.0 if ua.device_class == "bot" else 0.0,
        1.0 if ua.is_script else 0.0,
        *(1.0 if ua.device_class == cls else 0.0 for cls in _UA_CLASSES),
        _b(ua.client_hints_present),
        _b(ua.client_hints_mismatch),
        _n(ua.version_age),
        0.0 if ua.accept_language else 1.0,
        0.0 if device.collector_present else 1.0,
        _b(device.webdriver),
        0.0 if device.fingerprint else 1.0,
        _b(device.tz_country_mismatch),
        _n(device.tz_offset_diff_hours),
        _b(device.clock_non_geographic),
        _b(device.lang_header_mismatch),
        _b(device.lang_country_mismatch),
        _b(device.screen_mismatch),
        _b(device.touch_mismatch),
        _b(device.platform_mismatch),
        _b(device.gpu_mismatch),
        NAN if device.gpu_kind is None else (1.0 if device.gpu_kind in NO_CHIP_KINDS else 0.0),
        _b(device.clock_restricted),
        _b(device.language_restricted),
        _n(device.hardware_concurrency),
        _n(device.device_memory),
        _n(form.fill_ms),
        _b(form.honeypot_filled),
        _local_hour(event, enrichment),
    ]
    return row


def velocity_presence(enrichment: Enrichment) -> tuple[bool | None, ...]:
    """Which velocity keys the event has (a zone, an address, a device, a browser profile, an ASN),
    whether a Chromium's Client Hints are missing (None when none are expected), and whether
    the form fill time is.

    A missing key reads as zero counts; the relative features below say NaN
    for it instead. Plain data, so offline workers can send it along.
    """
    ip, device = enrichment.ip, enrichment.device
    return (
        bool(device.timezone), ip.address is not None, bool(device.fingerprint), profile_of(enrichment) is not None,
        ip.asn is not None, enrichment.ua.client_hints_missing, enrichment.form.fill_ms is None,
    )


# Where each figure the velocity features read sits in a flat reading (``keys.observe_flat``).
_C = {name: flat_count(name) for name in COUNT_NAMES}
_D = {name: flat_distinct(name) for name in DISTINCT}
_DAY = _W["24h"]
# ``velocity_presence`` as columns: which keys the event has, then its two "missing" flags.
_HAS_ZONE, _HAS_IP, _HAS_DEVICE, _HAS_PROFILE, _HAS_ASN, _HINTS_MISSING, _FORM_MISSING = range(7)
_HAS = {"ip": _HAS_IP, "device": _HAS_DEVICE, "profile": _HAS_PROFILE, "asn": _HAS_ASN}
_RAW_COLUMNS = [_C[dim] + w for dim in _RAW_COUNTERS for w in range(len(WINDOW_NAMES))]
_DISTINCT_COLUMNS = [_D[name] + w for name in _RAW_DISTINCT for w in range(len(DISTINCT_WINDOW_NAMES))]
VELOCITY_FEATURES: int = len(FEATURE_NAMES) - EVENT_FEATURES


def presence_values(presence: tuple[bool | None, ...]) -> list[float]:
    """``velocity_presence`` as floats: 1.0, 0.0, NaN for None."""
    return [NAN if p is None else (1.0 if p else 0.0) for p in presence]


def _missing_where_usual_rows(missing: np.ndarray, flat: np.ndarray, expected: str, sent: str) -> np.ndarray:
    """``_missing_where_usual`` of many rows (``missing``: NaN, 1.0 or 0.0)."""
    could, did = flat[:, _C[expected] + _DAY], flat[:, _C[sent] + _DAY]
    return np.where(usual_day(could, did), missing, NAN)


def velocity_rows(flat: np.ndarray, presence: np.ndarray) -> np.ndarray:
    """The velocity features of many events at once: relative and distinct counts, shares, loads.

    ``flat``: one flat reading per row (``keys.observe_flat``, integers);
    ``presence``: ``presence_values`` per row. Returns float64 rows of
    ``VELOCITY_FEATURES``; every value is the one the same arithmetic gives on
    Python numbers (integers below 2**53 convert to floats exactly). What
    each feature means is said once, in ``velocity_features``.
    """
    n = len(flat)
    flat = flat.astype(np.int64, copy=False)
    out = np.empty((n, VELOCITY_FEATURES))

    def c(name: str, window: int) -> np.ndarray:
        return flat[:, _C[name] + window]

    at = 0

    def put(values: np.ndarray) -> None:
        nonlocal at
        width = 1 if values.ndim == 1 else values.shape[1]
        out[:, at:at + width] = values if values.ndim > 1 else values[:, None]
        at += width

    put(flat[:, _RAW_COLUMNS])
    total_1h, total_24h = c("all", 1) + 1.0, c("all", 2) + 1.0
    put(np.stack([c(dim, 1) / total_1h for dim in _RELATIVE_COUNTERS], axis=1))
    put(np.stack([c(dim, 2) / total_24h for dim in _RELATIVE_COUNTERS], axis=1))
    # Last hour against this key's own hourly baseline over the week.
    put(np.stack([c(dim, 1) / (c(dim, 3) / 168.0 + 1.0) for dim in _RELATIVE_COUNTERS], axis=1))
    put(flat[:, _DISTINCT_COLUMNS])
    put(c("failed_ip", 1))
    put(c("failed_account", 1))
    # Failed logins through the event's network against all its events in the last hour.
    has = presence[:, :_HINTS_MISSING] == 1.0
    put(np.where(has[:, _HAS_ASN], c("failed_asn", 1) / ((c("asn", 1) + c("other_asn", 1)) + 1.0), NAN))
    # Signals whose absence can be the deployment's (Client Hints, a form fill time).
    put(_missing_where_usual_rows(presence[:, _HINTS_MISSING], flat, "hints_expected", "hints_sent"))
    put(_missing_where_usual_rows(presence[:, _FORM_MISSING], flat, "forms_expected", "forms_timed"))
    # The device clock's zone: the share of its recent events from addresses in a country not using it.
    for window in (2, 3):
        put(np.where(has[:, _HAS_ZONE], c("zone_foreign", window) / (c("zone", window) + 1.0), NAN))
    # Shares of a key's traffic that carried a tell, or a clock foreign to the address's country.
    for dim, other, marked, w in _TRAFFIC_SHARES:
        put(np.where(has[:, _HAS[dim]], c(marked, w) / ((c(dim, w) + c(other, w)) + 1.0), NAN))
    # The address's foreign clocks against its network's usual share.
    put(out[:, at - 2] - out[:, at - 1])
    # An address's events against the events per address of its network.
    addresses = flat[:, _D["asn_addresses"]:_D["asn_addresses"] + len(_LOAD_WINDOWS)]
    known = has[:, _HAS_IP] & has[:, _HAS_ASN] & (addresses[:, 1] != 0)
    load = [(c("asn", w) + c("other_asn", w)) / np.maximum(addresses[:, i], 1) for i, w in enumerate(_LOAD_WINDOWS)]
    put(np.where(known, load[1], NAN))
    for i, w in enumerate(_LOAD_WINDOWS):
        put(np.where(known, ((c("ip", w) + c("other_ip", w)) + 1.0) / (load[i] + 1.0), NAN))
    mine = (c("ip", 3) + 1.0) / ((c("ip", 3) + c("other_ip", 3)) + 2.0)
    theirs = (c("asn", 3) + 1.0) / ((c("asn", 3) + c("other_asn", 3)) + 2.0)
    put(np.where(known, mine / theirs, NAN))
    assert at == VELOCITY_FEATURES, (at, VELOCITY_FEATURES)
    return out


def _kind_share(mine: tuple[int, ...], theirs: tuple[int, ...]) -> float:
    """Smoothed share of the event's own kind (signups for a signup) in a key's traffic over 7 days."""
    return (mine[3] + 1.0) / (mine[3] + theirs[3] + 2.0)


def _missing_where_usual(missing: bool | None, counts: dict[str, tuple[int, ...]], expected: str, sent: str) -> float:
    """1.0 for a signal the event lacks, where most of the deployment's last day had it.

    Whether some signals arrive depends on the deployment as much as on the
    attempt. Chromium sends its low-entropy Client Hints to secure origins
    only, a proxy or CDN may strip sec-ch-* headers, and one integration of
    several may pass on only the identity headers (judged apart:
    ``keys.forwarded``); an API-only portal has no form to time. There their
    absence says nothing about one attempt.
    The flag is read only where at least half of the last day's events that
    could carry the signal (``keys.DEPLOYMENT_EVIDENCE`` or more) did; elsewhere it is
    NaN, as for events that never carry it (``missing`` None).
    """
    if missing is None:
        return NAN
    could, did = counts.get(expected), counts.get(sent)
    if could is None or did is None or not usual(could, did):
        return NAN
    return 1.0 if missing else 0.0


def velocity_features(velocity: Velocity, presence: tuple[bool | None, ...]) -> list[float]:
    """``velocity_rows`` of one event, from its named figures: what live scoring runs.

    Numpy's cost per call is worth it for a chunk of events, not for one
    (a single row through ``velocity_rows`` took 166 µs, this 17 µs), so one
    event's features are computed in plain Python. Both give the same rows
    (tested on random readings, and on the simulator's traffic through
    replay and training). ``presence`` is ``velocity_presence`` of the
    event's enrichment.
    """
    # Counts stay ints (a float where the model reads them); this runs for
    # every live event, so the row is built with few Python steps.
    counts = velocity.counts
    everything = counts["all"]
    row: list[float] = [x for dim in _RAW_COUNTERS for x in counts[dim]]
    total_1h, total_24h = everything[1] + 1.0, everything[2] + 1.0
    relative = [counts[dim] for dim in _RELATIVE_COUNTERS]
    row += [c[1] / total_1h for c in relative]
    row += [c[2] / total_24h for c in relative]
    # Last hour against this key's own hourly baseline over the week.
    row += [c[1] / (c[3] / 168.0 + 1.0) for c in relative]
    distinct = velocity.distinct
    row += [x for name in _RAW_DISTINCT for x in distinct[name]]
    failed = velocity.failed
    row += (failed["failed_ip"][1], failed["failed_account"][1])
    # Failed logins through the event's network in the last hour, against all its events then: a
    # combo list sprayed through a proxy pool fails a few times per exit, but a lot per network.
    asn_events = counts["asn"][1] + counts["other_asn"][1]
    row.append(failed["failed_asn"][1] / (asn_events + 1.0) if presence[4] else NAN)
    # Signals whose absence can be the deployment's (Client Hints, a form fill time).
    row.append(_missing_where_usual(presence[5], counts, "hints_expected", "hints_sent"))
    row.append(_missing_where_usual(presence[6], counts, "forms_expected", "forms_timed"))
    # Population consistency: of the recent events whose device clock was set to
    # this zone, the share that came from an address in a country not using it.
    # Travellers and VPN users make a small share of any zone's traffic; a zone
    # whose traffic is almost all foreign is one the service is reached from
    # only through other countries' networks.
    zone, foreign = counts.get("zone"), counts.get("zone_foreign")
    has_zone, *keys = presence[:5]
    if has_zone and zone is not None and foreign is not None:
        row += [foreign[2] / (zone[2] + 1.0), foreign[3] / (zone[3] + 1.0)]
    else:
        row += [NAN, NAN]
    # Shares of a key's traffic that carried a tell; and the same population
    # check as above for one address: of its recent events, the share whose
    # device clock was set to a zone its country does not use. A household's
    # address serves people of one country (a traveller's own visit is not
    # counted: only the events before this one are); a proxy exit rented by
    # people from elsewhere serves a crowd of foreign clocks.
    present = dict(zip(("ip", "device", "profile", "asn"), keys))
    for dim, other, marked, w in _TRAFFIC_SHARES:
        mine, theirs, hits = counts.get(dim), counts.get(other), counts.get(marked)
        if not present[dim] or mine is None or theirs is None or hits is None:
            row.append(NAN)
            continue
        row.append(hits[w] / (mine[w] + theirs[w] + 1.0))
    # The address's foreign clocks against its network's usual share: a commercial VPN's or a
    # security gateway's every exit serves foreign clocks, so one more says nothing; a home
    # address among households serving them is a proxy exit. NaN when either is unknown.
    row.append(row[-2] - row[-1])
    # An address against the other addresses of its own network: its earlier
    # events (signups and logins) over the events per address of its
    # autonomous system in the same window. A mobile carrier's CGNAT address
    # or a campus NAT carries a crowd like every address of its network; a
    # home address carries one household, and a home address (a residential
    # proxy exit) carrying a crowd stands out against its neighbours however
    # few signups a day that crowd makes.
    addresses = distinct.get("asn_addresses")
    if present["ip"] and present["asn"] and addresses and addresses[1]:
        load = [(counts["asn"][w] + counts["other_asn"][w]) / max(n, 1) for w, n in zip(_LOAD_WINDOWS, addresses)]
        ip, other_ip = counts["ip"], counts["other_ip"]
        row += [load[1], *((ip[w] + other_ip[w] + 1.0) / (per + 1.0) for w, per in zip(_LOAD_WINDOWS, load))]
        row.append(_kind_share(ip, other_ip) / _kind_share(counts["asn"], counts["other_asn"]))
    else:
        row += [NAN, NAN, NAN, NAN]
    return row


assert len(FEATURE_NAMES) == len(set(FEATURE_NAMES)), "duplicate feature names"

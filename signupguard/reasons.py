"""Feature contributions in words a reviewer understands.

``describe(name, value)`` renders one feature of one event, e.g.
``v_prefix_1h = 14`` -> "14 signups from this /24 in the last hour". The
model's TreeSHAP contributions pick *which* features to show; this module
only says them. Every name in FEATURE_NAMES has a wording (a test checks it).
"""

from __future__ import annotations

import math
from typing import Any, Sequence

import numpy as np

from signupguard.features import FEATURE_NAMES

_WINDOW_WORDS = {"10m": "in the last 10 minutes", "1h": "in the last hour", "24h": "in the last 24 hours", "7d": "in the last 7 days"}
_COUNTER_WORDS = {
    "ip": "from this IP address",
    "prefix": "from this network (/24 or /64)",
    "device": "from this device",
    "email": "with this mailbox (after normalisation)",
}
_SHARE_WORDS = {
    "prefix": "this network (/24 or /64)",
    "asn": "this autonomous system",
    "domain": "this email domain",
    "profile": "this exact browser profile (version, screen, time zone)",
    "template": "this email address pattern",
}
# (singular, plural); the counts include this attempt's own account, device or network.
_DISTINCT_WORDS = {
    "device_accounts": ("account used this device", "accounts used this device"),
    "ip_accounts": ("account used this IP address", "accounts used this IP address"),
    "email_accounts": ("account uses this mailbox", "accounts share this mailbox"),
    "profile_prefixes": ("network (/24) sent this exact browser profile", "networks (/24) sent this exact browser profile"),
    "device_prefixes": ("network (/24) this device came from", "networks (/24) this device came from"),
    "prefix_devices": ("device seen in this network (/24)", "devices seen in this network (/24)"),
    "ip_devices": ("device seen behind this IP address", "devices seen behind this IP address"),
    "account_prefixes": ("network (/24) this account came from", "networks (/24) this account came from"),
}

_FLAGS: dict[str, tuple[str, str]] = {
    # name: (text when 1, text when 0): a flag that is off can push a score too (its absence is unusual here).
    # A flag is also 0 where its subject is absent (a signup's login_failed, a missing address's ip_v6):
    # the off-text must hold then too.
    "is_login": ("this is a login", "this is a signup"),
    "login_failed": ("the login failed", "no failed login"),
    "net_hosting": ("the address belongs to a hosting provider / data centre", "the address is not a known data centre"),
    "net_vpn": ("the address is a VPN or proxy exit", "the address is not a known VPN"),
    "net_tor": ("the address is a Tor exit node", "the address is not a known Tor exit"),
    "net_mobile": ("the address belongs to a mobile carrier", "the address is not a known mobile carrier"),
    "net_education": ("the address belongs to a university network", "the address is not a known university network"),
    "net_residential": ("the address belongs to a residential ISP", "the address is not a known residential ISP"),
    "ip_invalid": ("the client address could not be parsed", "the client address was read"),
    "ip_v6": ("the address is IPv6", "the address is not IPv6"),
    "ip_private": ("the address is private or loopback", "the address is not private or loopback"),
    "ip_anonymous": ("the address is flagged as an anonymiser", "the address is not flagged as an anonymiser"),
    "asn_missing": ("the network owner (ASN) is unknown", "the network owner (ASN) is known"),
    "geo_missing": ("the address's country is unknown", "the address's country is known"),
    "email_missing": ("no email address was given", "an email address was given"),
    "email_invalid": ("the email address is not valid", "no invalid email address"),
    "email_disposable": ("the email domain is a disposable-mail service", "the email domain is not disposable"),
    "email_freemail": ("the email is at a free-mail provider", "the email is at a custom domain"),
    "email_role": ("the email is a role address (admin@, info@ ...)", "the email is not a role address"),
    "email_plus": ("the email used a +tag alias", "the email used no +tag alias"),
    "ua_missing": ("no User-Agent header was sent", "a User-Agent header was sent"),
    "ua_headless": ("the browser identifies as headless", "the browser does not identify as headless"),
    "ua_automation": ("the User-Agent is an automation tool or HTTP library", "the User-Agent is no known automation tool"),
    "ua_bot": ("the User-Agent is a bot", "the User-Agent is not a known bot"),
    "ua_script": ("the User-Agent is a scripting tool or HTTP library (curl, python-requests ...), not a browser or an app",
                  "the User-Agent is not a scripting tool"),
    "ua_desktop": ("a desktop browser", "not a desktop browser"),
    "ua_mobile": ("a mobile browser", "not a mobile browser"),
    "ua_tablet": ("a tablet browser", "not a tablet browser"),
    "ua_hints_present": ("the browser sent Client Hints", "the browser sent no Client Hints"),
    "ua_hints_mismatch": ("the Client Hints contradict the User-Agent", "the Client Hints agree with the User-Agent"),
    "ua_hints_missing": (
        "the User-Agent claims a Chromium browser but sent no Client Hints (every Chromium since version 90 does, "
        "and this site's Chromium browsers mostly did)",
        "the Chromium browser sent its Client Hints",
    ),
    "accept_language_missing": ("no Accept-Language header was sent", "an Accept-Language header was sent"),
    "device_missing": ("the browser collector did not run (no device data)", "the browser collector ran"),
    "device_webdriver": ("the browser reports it is driven by automation (navigator.webdriver)",
                         "the browser does not report automation (navigator.webdriver)"),
    "device_fingerprint_missing": ("no device fingerprint", "a device fingerprint was collected"),
    "device_tz_country_mismatch": ("the device's time zone is not used in the address's country", "the device's time zone fits the address's country"),
    "device_clock_non_geographic": ("the device clock is set to UTC, a zone of no country (servers, containers, privacy browsers)",
                                    "the device clock is set to a country's zone"),
    "device_lang_header_mismatch": ("the device languages contradict the Accept-Language header",
                                    "the device languages agree with the Accept-Language header"),
    "device_lang_country_mismatch": ("none of the device's languages is spoken in the address's country", "the device's language fits the address's country"),
    "device_screen_mismatch": ("the screen size does not fit the browser's device type",
                               "the screen size fits the browser's device type"),
    "device_touch_mismatch": ("the touch support does not fit the browser's device type",
                              "the touch support fits the browser's device type"),
    "device_platform_mismatch": ("the device platform contradicts the User-Agent", "the device platform fits the User-Agent"),
    "device_gpu_mismatch": ("the graphics chip (WebGL renderer) is one no device of the User-Agent's system has",
                            "the graphics chip fits the User-Agent's system"),
    "device_gpu_virtual": ("the browser draws without a graphics chip (a software renderer, a virtual machine "
                           "or an emulator)", "the browser draws with a graphics chip"),
    "device_clock_restricted": ("the device clock is set to a zone of a country this service does not serve",
                                "the device clock is not set to a restricted country's zone"),
    "device_language_restricted": ("the browser's first language names a country this service does not serve",
                                   "the browser's first language names no restricted country"),
    "form_fill_missing": ("no form fill time, where most of this site's recent attempts had one",
                          "the form fill time is known"),
    "form_honeypot": ("the hidden honeypot field was filled in", "the hidden honeypot field was left empty"),
}


def _plural(value: float, word: str) -> str:
    return word if value == 1 else word + "s"


def _fmt(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}"


# What a missing value means, where "unknown" alone would not tell a reviewer why.
_MISSING = {
    "form_fill_ms": ("the form fill time is unknown (no signed form timestamp, or one another signup "
                     "already used: an API client or a script)"),
    "device_tz_offset_diff": "the device clock could not be compared with the address's time zone",
    "device_tz_country_mismatch": "the device time zone could not be compared with the address's country",
    "device_clock_non_geographic": "the device reported no time zone",
    "device_lang_country_mismatch": "the device languages could not be compared with the address's country",
    "device_lang_header_mismatch": "the device languages could not be compared with Accept-Language",
    "device_screen_mismatch": "the screen could not be checked against the browser type",
    "device_touch_mismatch": "touch support could not be checked against the browser type",
    "device_platform_mismatch": "the device platform could not be checked against the User-Agent",
    "device_gpu_mismatch": "no WebGL renderer to check against the User-Agent (an older collector, or the browser hides it)",
    "device_gpu_virtual": "no WebGL renderer was reported (an older collector, or the browser hides it)",
    "device_clock_restricted": "no device clock of a known zone, or no restricted countries configured",
    "device_language_restricted": "no browser language, or no restricted countries configured",
    "ua_version_age": "the browser version is unknown",
    "form_fill_missing": "most of this site's recent attempts came without a form fill time (an API-only portal)",
    "ua_hints_missing": "no Client Hints are expected from this browser here (not a Chromium, or this site's Chromium browsers mostly send none through requests like this one)",
    "zone_foreign_share_24h": "the device reported no time zone",
    "zone_foreign_share_7d": "the device reported no time zone",
    "foreign_share_ip_7d": "no IP address to look up",
    "foreign_share_asn_7d": "no network owner (ASN) to look up",
    "foreign_excess_ip_7d": "no IP address or network owner (ASN) to look up",
    "asn_load_7d": "no IP address or network owner (ASN) to look up",
    "ip_load_vs_asn_1h": "no IP address or network owner (ASN) to look up",
    "ip_load_vs_asn_7d": "no IP address or network owner (ASN) to look up",
    "ip_kind_share_vs_asn_7d": "no IP address or network owner (ASN) to look up",
    "failed_share_asn_1h": "no network owner (ASN) to look up",
    "device_hw_concurrency": "the device did not report its CPU cores",
    "device_memory": "the device did not report its memory",
    # Unknown on any install without a GeoIP City record for the address, or without a usable email.
    "local_hour": "the local time is unknown (no time zone for the address)",
    "username_email_overlap": "no username or no email address to compare",
    **{name: "no valid email address to describe" for name in (
        "email_dots_removed", "email_local_len", "email_local_digits", "email_digit_ratio", "email_entropy",
        "email_trailing_digits", "email_class_runs",
    )},
}


_TELL_WORDS = {
    "ip": "from this IP address",
    "device": "from this device",
    "profile": "with this exact browser profile (version, screen, time zone)",
    "asn": "from this autonomous system",
}


_TELL_MISSING = {"ip": "IP address", "device": "device fingerprint", "profile": "browser profile",
                 "asn": "network owner (ASN)"}


def describe(name: str, value: float) -> str:
    """One feature's value in plain words."""
    missing = value is None or (isinstance(value, float) and math.isnan(value))
    if missing:
        if name.startswith("tell_share_"):
            return f"no {_TELL_MISSING[name[11:].rsplit('_', 1)[0]]} to look up"
        return _MISSING.get(name) or f"{name.replace('_', ' ')}: unknown"
    if name in _FLAGS:
        on, off = _FLAGS[name]
        return on if value >= 0.5 else off
    if name.startswith("v_"):
        dim, window = name[2:].rsplit("_", 1)
        return f"{_fmt(value)} earlier {_plural(value, 'attempt')} {_COUNTER_WORDS[dim]} {_WINDOW_WORDS[window]}"
    if name.startswith("share_"):
        dim, window = name[6:].rsplit("_", 1)
        if value <= 0:  # the first: new keys are what this feature notices
            return f"no other attempt {_WINDOW_WORDS[window]} came from {_SHARE_WORDS[dim]}"
        share = f"{value:.1%}" if value >= 0.001 else "under 0.1%"
        return f"{share} of all attempts {_WINDOW_WORDS[window]} came from {_SHARE_WORDS[dim]}"
    if name.startswith("surge_"):
        dim = name[6:]
        return f"{_SHARE_WORDS[dim].capitalize()} is {_fmt(value)}x as busy this hour as its weekly hourly average"
    if name.startswith("tell_share_"):
        dim, window = name[11:].rsplit("_", 1)
        return (f"{value:.0%} of the earlier attempts {_TELL_WORDS[dim]} {_WINDOW_WORDS[window]} showed automation, "
                "a forged browser, a disposable mailbox or a failed login")
    if name.startswith("d_"):
        kind, window = name[2:].rsplit("_", 1)
        one, many = _DISTINCT_WORDS[kind]
        return f"{_fmt(value)} {one if value == 1 else many} {_WINDOW_WORDS[window]}"
    return _SPECIAL[name](value)


_SPECIAL = {
    "email_dots_removed": lambda v: f"{_fmt(v)} dots removed from a Gmail address (dot aliasing)",
    "email_local_len": lambda v: f"the mailbox name is {_fmt(v)} characters long",
    "email_local_digits": lambda v: f"the mailbox name has {_fmt(v)} digits",
    "email_digit_ratio": lambda v: f"{v:.0%} of the mailbox name is digits",
    "email_entropy": lambda v: f"the mailbox name looks {'random' if v > 3.3 else 'name-like'} (entropy {v:.2f} bits/char)",
    "email_trailing_digits": lambda v: f"the mailbox name ends in {_fmt(v)} digits",
    "email_class_runs": lambda v: f"the mailbox name alternates letters/digits/symbols {_fmt(v)} times",
    "username_email_overlap": lambda v: f"the username and mailbox name overlap {v:.0%}",
    "ua_version_age": lambda v: f"the browser is {_fmt(v)} major versions behind the newest seen",
    "device_tz_offset_diff": lambda v: f"the device clock is {_fmt(v)} h away from the address's time zone",
    "device_hw_concurrency": lambda v: f"the device reports {_fmt(v)} CPU cores",
    "device_memory": lambda v: f"the device reports {_fmt(v)} GB of memory",
    "form_fill_ms": lambda v: f"the form was filled in {v / 1000:.1f} s",
    "local_hour": lambda v: f"local time at the address was {int(v):02d}:{int((v % 1) * 60):02d}",
    "failed_ip_1h": lambda v: f"{_fmt(v)} failed logins from this IP address in the last hour",
    "failed_account_1h": lambda v: f"{_fmt(v)} failed logins to this account in the last hour",
    "failed_share_asn_1h": lambda v: (
        f"failed logins were {v:.0%} of this network's attempts in the last hour (a combo list sprayed "
        "over a proxy pool fails a few times per address but often across the network)"),
    "zone_foreign_share_24h": lambda v: (
        f"{v:.0%} of the earlier attempts in the last 24 hours whose device clock was set to this time zone "
        "came from addresses in other countries"),
    "zone_foreign_share_7d": lambda v: (
        f"{v:.0%} of the earlier attempts in the last 7 days whose device clock was set to this time zone "
        "came from addresses in other countries"),
    "foreign_share_ip_7d": lambda v: (
        f"{v:.0%} of the earlier attempts from this IP address in the last 7 days had a device clock set to a "
        "time zone not used in the address's country (a home address serves people of one country; "
        "a proxy exit rented from elsewhere serves foreign clocks)"),
    "foreign_share_asn_7d": lambda v: (
        f"{v:.0%} of the earlier attempts from this network (ASN) in the last 7 days had a device clock set to a "
        "time zone not used in their address's country (a VPN's or a security gateway's exits all serve foreign clocks)"),
    "foreign_excess_ip_7d": lambda v: (
        f"this IP address's share of foreign device clocks was {abs(v) * 100:.0f} points "
        f"{'above' if v >= 0 else 'below'} its network's in the last 7 days "
        "(a home address among households serving foreign clocks is a proxy exit)"),
    "asn_load_7d": lambda v: (
        f"each address of this autonomous system sent {_fmt(round(v, 2))} attempts on average in the last 7 days"),
    "ip_load_vs_asn_1h": lambda v: (
        f"this IP address was {_fmt(round(v, 2))}x as busy in the last hour as the usual address of its network "
        "(counting this attempt)"),
    "ip_load_vs_asn_7d": lambda v: (
        f"this IP address was {_fmt(round(v, 2))}x as busy in the last 7 days as the usual address of its network "
        "(counting this attempt; a home address behind a crowd stands out, a mobile carrier's shared address does not)"),
    "ip_kind_share_vs_asn_7d": lambda v: (
        f"attempts of this kind (signups, or logins) made {_fmt(round(v, 2))}x the share of this IP address's traffic "
        "in the last 7 days that they make of its network's"),
}


def top_reasons(
    contributions: Sequence[float], values: Sequence[float], *, limit: int = 5, positive_only: bool = True
) -> list[dict[str, Any]]:
    """The largest contributions as ``{"feature", "contribution", "text"}``, largest first.

    ``contributions`` is one row of TreeSHAP output (log-odds units) aligned
    with FEATURE_NAMES (the bias term, if present, is ignored).
    """
    if limit <= 0:  # MAX_REASONS = 0: no reason at all (the loop below checks the limit only after adding one)
        return []
    n = len(FEATURE_NAMES)
    # A stable sort of the negated values: largest first, ties in feature order.
    order = np.argsort(-np.asarray(contributions[:n], dtype=np.float64), kind="stable")
    out: list[dict[str, Any]] = []
    for i in order.tolist():
        c = float(contributions[i])
        if positive_only and c <= 0.0:
            break
        if c == 0.0:
            continue
        out.append({"feature": FEATURE_NAMES[i], "contribution": round(c, 4), "text": describe(FEATURE_NAMES[i], values[i])})
        if len(out) >= limit:
            break
    return out

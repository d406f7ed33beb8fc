"""Django system checks of SignupGuard: bad configuration is a check, not a crash.

Run with ``python manage.py check --tag signupguard`` (they also run at start-up).

=================  ==========================================================
signupguard.E001   a configured GeoIP path is missing or unreadable
signupguard.E002   a configured GeoIP file is not a valid MaxMind DB (it does
                   not open, its metadata does not read, or lookups fail)
signupguard.E003   a GeoIP file's database_type does not match its setting
                   (say a GeoLite2-ASN file configured as GEOIP_CITY)
signupguard.W001   neither GEOIP_ASN nor GEOIP_CITY is configured: scores lose
                   the network and location signals
=================  ==========================================================

Other areas add their checks in the marked section at the end of this module
(velocity backend, model registry ...), each with its own id range.
"""

from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage, Error, Warning, register

from signupguard.conf import sg_settings
from signupguard.enrichment.geo import check_databases

TAG = "signupguard"


@register(TAG)
def check_geoip(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """E001-E003 for each configured MaxMind file, W001 when ASN and City are both absent."""
    messages: list[CheckMessage] = []
    for problem in check_databases():
        messages.append(
            Error(problem.message, hint=problem.hint, obj=problem.setting, id=f"signupguard.{problem.code}")
        )
    if not sg_settings.GEOIP_ASN and not sg_settings.GEOIP_CITY:
        messages.append(
            Warning(
                "No GeoIP database is configured (SIGNUPGUARD['GEOIP_ASN'] and ['GEOIP_CITY'] are unset).",
                hint="Scores lack ASN, network kind, country and time-zone signals; "
                "download GeoLite2-ASN and GeoLite2-City and set both paths.",
                obj="SIGNUPGUARD",
                id="signupguard.W001",
            )
        )
    return messages


# ---------------------------------------------------------------------------
# Checks of other areas go below, one function each, registered with
# @register(TAG):
#   - velocity backend: the VELOCITY_BACKEND dotted path imports and connects
#     (ids signupguard.E010-E019);
#   - model: MODEL_DIR exists, the active model loads and its feature-schema
#     hash matches FEATURE_NAMES (ids signupguard.E020-E029);
#   - policy settings: thresholds in [0, 1], lists parse (signupguard.E030-E039).
# ---------------------------------------------------------------------------


# ---------------------------------------------------------------------------
# Live integration (capture, hold, gate): signupguard.E040-E049, W040-W049.
#   E040  a TRUSTED_PROXIES entry is not an address or CIDR
#   E041  ADAPTER does not import, or is not a DefaultAdapter subclass
#   E042  FAIL_MODE is not "open" or "closed"
#   E043  SYNC_WAIT or SWEEP_AFTER_SECONDS is not a non-negative number
#   W040  SignupGuardMiddleware is not in MIDDLEWARE
# ---------------------------------------------------------------------------


@register(TAG)
def check_live_integration(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    import ipaddress

    from django.conf import settings
    from django.utils.module_loading import import_string

    messages: list[CheckMessage] = []
    proxies = sg_settings.TRUSTED_PROXIES or []
    entries = proxies.split(",") if isinstance(proxies, str) else list(proxies)
    for entry in entries:
        try:
            if str(entry).strip():
                ipaddress.ip_network(str(entry).strip(), strict=False)
        except ValueError:
            messages.append(Error(
                f"TRUSTED_PROXIES entry {entry!r} is not an IP address or CIDR network; it is ignored.",
                hint="Use addresses such as '10.0.0.5' or networks such as '10.0.0.0/8'.",
                obj="SIGNUPGUARD['TRUSTED_PROXIES']", id="signupguard.E040",
            ))
    try:
        from signupguard.adapter import DefaultAdapter

        adapter = import_string(sg_settings.ADAPTER)
        if not (isinstance(adapter, type) and issubclass(adapter, DefaultAdapter)):
            raise TypeError("not a subclass of signupguard.adapter.DefaultAdapter")
    except (ImportError, TypeError) as exc:
        messages.append(Error(
            f"SIGNUPGUARD['ADAPTER'] = {sg_settings.ADAPTER!r} is unusable: {exc}",
            hint="Point it at a subclass of signupguard.adapter.DefaultAdapter.",
            obj="SIGNUPGUARD['ADAPTER']", id="signupguard.E041",
        ))
    if str(sg_settings.FAIL_MODE).lower() not in ("open", "closed"):
        messages.append(Error(
            f"SIGNUPGUARD['FAIL_MODE'] = {sg_settings.FAIL_MODE!r}; expected 'open' or 'closed'.",
            obj="SIGNUPGUARD['FAIL_MODE']", id="signupguard.E042",
        ))
    for key in ("SYNC_WAIT", "SWEEP_AFTER_SECONDS"):
        value = sg_settings.get(key)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            messages.append(Error(
                f"SIGNUPGUARD[{key!r}] = {value!r}; expected a number of seconds >= 0.",
                obj=f"SIGNUPGUARD[{key!r}]", id="signupguard.E043",
            ))
    if "signupguard.middleware.SignupGuardMiddleware" not in getattr(settings, "MIDDLEWARE", []):
        messages.append(Warning(
            "signupguard.middleware.SignupGuardMiddleware is not in MIDDLEWARE.",
            hint="Signups and logins are still recorded, but with the time they were recorded rather than "
            "received, and failed logins sent without a request are missed.",
            obj="MIDDLEWARE", id="signupguard.W040",
        ))
    return messages

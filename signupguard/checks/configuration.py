"""The SIGNUPGUARD dict itself and the GeoIP files: signupguard.E001-E004, W001-W003 (listed in the package's docstring)."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

from django.core.checks import CheckMessage, Error, Warning, register

from signupguard.checks.base import TAG
from signupguard.conf import DEFAULTS, sg_settings
from signupguard.enrichment.geo import check_databases


@register(TAG)
def check_settings_dict(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """E004 when SIGNUPGUARD is not a dict, W003 for each key SignupGuard does not read.

    Both were silent: conf.Settings reads another type as {} and never looks at an unknown key,
    so SIGNUPGUARD = {"DENY_IP_RANGE": [...]} ran with no deny list and nothing said so.
    """
    from django.conf import settings

    value = getattr(settings, "SIGNUPGUARD", None)
    if value is None:
        return []
    if not isinstance(value, Mapping):
        return [Error(f"SIGNUPGUARD = {value!r} is not a dict: SignupGuard ignores it and uses every default.",
                      hint='Write SIGNUPGUARD = {"KEY": value, ...} (README: SIGNUPGUARD settings).',
                      obj="SIGNUPGUARD", id="signupguard.E004")]
    messages: list[CheckMessage] = []
    for key in value:
        if key in DEFAULTS:
            continue
        close = difflib.get_close_matches(str(key).upper(), list(DEFAULTS), n=1)
        messages.append(Warning(
            f"SIGNUPGUARD[{key!r}] is not a SignupGuard setting; it is ignored.",
            hint=(f"Did you mean {close[0]!r}? " if close else "") + "The settings are listed in the README "
            "(SIGNUPGUARD settings) and signupguard/conf.py.",
            obj="SIGNUPGUARD", id="signupguard.W003",
        ))
    return messages


@register(TAG)
def check_geoip(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """E001-E003 for each configured MaxMind file, W001 when ASN and City are both absent, W002 when one is."""
    messages: list[CheckMessage] = []
    for problem in check_databases():
        messages.append(
            Error(problem.message, hint=problem.hint, obj=problem.setting, id=f"signupguard.{problem.code}")
        )
    if not sg_settings.GEOIP_ASN and not sg_settings.GEOIP_CITY:
        messages.append(
            Warning(
                "No GeoIP database is configured (SIGNUPGUARD['GEOIP_ASN'] and ['GEOIP_CITY'] are unset).",
                hint="SignupGuard works without them, but scores lack ASN, network kind, country and "
                "time-zone signals; download GeoLite2-ASN and GeoLite2-City (README: GeoLite2 databases) "
                "and set both paths.",
                obj="SIGNUPGUARD",
                id="signupguard.W001",
            )
        )
    elif not sg_settings.GEOIP_ASN or not sg_settings.GEOIP_CITY:
        missing, lost = (
            ("GEOIP_ASN", "the ASN and the network kind (hosting, VPN, mobile, residential)")
            if not sg_settings.GEOIP_ASN else ("GEOIP_CITY", "the country and the address's time zone")
        )
        messages.append(
            Warning(
                f"SIGNUPGUARD['{missing}'] is unset: scores lack {lost}.",
                hint="The model still scores, but holds more legitimate signups without it (docs/detection.md: "
                "GeoIP databases a deployment does not have); download the GeoLite2 database and set its path.",
                obj="SIGNUPGUARD",
                id="signupguard.W002",
            )
        )
    return messages

"""Enrichment: derive IP, network, email, user-agent, device and form signals.

``Enricher.enrich(event)`` is pure with respect to the event (no network calls,
no database writes); the only state it keeps is open MaxMind readers and the
newest browser version seen per family.
"""

from __future__ import annotations

from typing import Iterable

from signupguard.conf import is_country_code
from signupguard.context import RawEvent

from .device import UserAgentAnalyser, analyse_device, analyse_form
from .email import analyse_email
from .geo import GeoDatabases
from .types import DeviceInfo, EmailInfo, Enrichment, FormInfo, IPInfo, UAInfo

__all__ = [
    "DeviceInfo", "EmailInfo", "Enricher", "Enrichment", "FormInfo", "IPInfo", "UAInfo",
]


class Enricher:
    """Composes the enrichers; one instance per process (or per replay run)."""

    def __init__(
        self, *, geo: GeoDatabases | None = None, ua: UserAgentAnalyser | None = None,
        restricted_countries: Iterable[str] = (),
    ) -> None:
        self.geo = geo if geo is not None else GeoDatabases()
        # Entries that are not country codes could match nothing (system check E032 reports them).
        codes = restricted_countries if isinstance(restricted_countries, (list, tuple, set, frozenset)) else ()
        self.restricted = frozenset(code.strip().upper() for code in codes if is_country_code(code))
        # Version age is measured against the newest release seen in the
        # traffic itself (not a calendar table, which only caps what a first
        # sighting may claim), so replays of past or simulated traffic and live
        # scoring measure it the same way. Forged versions cannot move it far
        # or for long (UserAgentAnalyser).
        self.ua = ua if ua is not None else UserAgentAnalyser(newest={})

    @classmethod
    def from_settings(cls) -> "Enricher":
        from signupguard.conf import sg_settings

        return cls(geo=GeoDatabases.from_settings(), restricted_countries=sg_settings.RESTRICTED_COUNTRIES or ())

    def enrich(self, event: RawEvent) -> Enrichment:
        ip = self.geo.lookup(event.ip)
        ua = self.ua.analyse(event.headers)
        return Enrichment(
            ip=ip,
            email=analyse_email(event.email),
            ua=ua,
            device=analyse_device(event.device, event.headers, ip=ip, ua=ua, when=event.occurred_at,
                                  restricted=self.restricted),
            form=analyse_form(event.form),
        )

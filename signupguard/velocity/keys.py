"""Which velocity keys an event touches, in a fixed layout.

Every event reads the same dimensions in the same order, so ``features.py``
can address figures by name. A dimension the event cannot fill (no device
fingerprint, free-mail domain, invalid address) reads as zero and records
nothing. Signups and logins are counted separately (the key says which), but
the distinct accounts per device and per address span both: one device that
signs up five accounts and logs into ten more is the same farm.
"""

from __future__ import annotations

from dataclasses import dataclass

from signupguard.context import RawEvent
from signupguard.enrichment.types import Enrichment

from . import DISTINCT_WINDOWS, WINDOWS, VelocityReading, VelocityStore

# Counted dimensions: events of the same kind sharing this attribute.
COUNTERS: tuple[str, ...] = (
    "ip", "prefix", "prefix_wide", "asn", "device", "email", "domain", "profile", "template", "all",
)
# Distinct members: (dimension, what is counted).
DISTINCT: tuple[str, ...] = (
    "device_accounts",  # accounts seen on one device fingerprint (signups and logins)
    "ip_accounts",  # accounts seen from one address (signups and logins)
    "email_accounts",  # accounts behind one normalised mailbox
    "profile_prefixes",  # /24s one UA+screen+zone profile came from (proxy rotation)
    "device_prefixes",  # /24s one device came from
    "prefix_devices",  # devices seen in one /24 (a NAT has many, a farm box few)
    "ip_devices",  # devices behind one address (a home has a few; a reused proxy exit, many)
    "account_prefixes",  # /24s one account came from (logins hopping across proxies)
)
# Read-only: failed logins (recorded only by failed logins themselves).
PEEKS: tuple[str, ...] = ("failed_ip", "failed_account")


@dataclass(slots=True)
class Velocity:
    """Figures of one event in the fixed layout (tuples aligned with WINDOWS)."""

    counts: dict[str, tuple[int, ...]]
    distinct: dict[str, tuple[int, ...]]
    failed: dict[str, tuple[int, ...]]

    def to_dict(self) -> dict[str, dict[str, list[int]]]:
        return {
            "counts": {k: list(v) for k, v in self.counts.items()},
            "distinct": {k: list(v) for k, v in self.distinct.items()},
            "failed": {k: list(v) for k, v in self.failed.items()},
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Velocity":
        return cls(
            counts={k: tuple(v) for k, v in data["counts"].items()},
            distinct={k: tuple(v) for k, v in data["distinct"].items()},
            failed={k: tuple(v) for k, v in data.get("failed", {}).items()},
        )


def profile_of(enrichment: Enrichment) -> str | None:
    """UA family/major/OS + screen + zone: what a farm's cloned browsers share."""
    ua, device = enrichment.ua, enrichment.device
    if not ua.present:
        return None
    return f"{ua.family}/{ua.major}/{ua.os_family}/{device.screen or '-'}/{device.timezone or '-'}"


def email_template_key(enrichment: Enrichment) -> str | None:
    email = enrichment.email
    if not email.valid or not email.template:
        return None
    return f"{email.template}@{email.domain}"


def _plan(event: RawEvent, enrichment: Enrichment) -> tuple[list[str | None], list[tuple[str, str] | None], list[str | None]]:
    ip, email, device = enrichment.ip, enrichment.email, enrichment.device
    k = "s" if event.kind == "signup" else "l"
    address = ip.address
    fingerprint = device.fingerprint
    profile = profile_of(enrichment)
    template = email_template_key(enrichment)
    custom_domain = email.domain if (email.valid and email.domain and not email.freemail) else None
    counters: list[str | None] = [
        f"{k}:ip:{address}" if address else None,
        f"{k}:p:{ip.prefix}" if ip.prefix else None,
        f"{k}:pw:{ip.prefix_wide}" if ip.prefix_wide else None,
        f"{k}:asn:{ip.asn}" if ip.asn is not None else None,
        f"{k}:dev:{fingerprint}" if fingerprint else None,
        f"{k}:em:{email.normalized}" if email.normalized else None,
        f"{k}:dom:{custom_domain}" if custom_domain else None,
        f"{k}:prof:{profile}" if profile else None,
        f"{k}:tpl:{template}" if template else None,
        f"{k}:all",
    ]
    account = event.account or (email.normalized if email.normalized else None)
    distinct: list[tuple[str, str] | None] = [
        (f"d:dev:{fingerprint}", account) if fingerprint and account else None,
        (f"d:ip:{address}", account) if address and account else None,
        (f"d:em:{email.normalized}", account) if email.normalized and account and k == "s" else None,
        (f"d:prof:{profile}", ip.prefix) if profile and ip.prefix else None,
        (f"d:devp:{fingerprint}", ip.prefix) if fingerprint and ip.prefix else None,
        (f"d:pdev:{ip.prefix}", fingerprint) if fingerprint and ip.prefix else None,
        (f"d:ipdev:{address}", fingerprint) if fingerprint and address else None,
        (f"d:acp:{event.account}", ip.prefix) if event.account and ip.prefix else None,
    ]
    peeks: list[str | None] = [
        f"f:ip:{address}" if address else None,
        f"f:acct:{event.account}" if event.account else None,
    ]
    return counters, distinct, peeks


@dataclass(slots=True)
class Plan:
    """The keys one event reads and records: everything ``observe_plan`` needs, as plain data.

    Planning needs the enrichment, observing only this; offline training
    plans in worker processes and observes, in time order, in one.
    """

    now: float
    failed_login: bool
    counters: list[str | None]
    distinct: list[tuple[str, str] | None]
    peeks: list[str | None]


def plan_event(event: RawEvent, enrichment: Enrichment) -> Plan:
    counters, distinct, peeks = _plan(event, enrichment)
    return Plan(event.timestamp, event.kind == "login" and event.success is False, counters, distinct, peeks)


def observe_plan(store: VelocityStore, plan: Plan) -> Velocity:
    """Read and record one planned event in ``store``; return its figures by name."""
    counters, distinct, peeks, failed_login = plan.counters, plan.distinct, plan.peeks, plan.failed_login
    if failed_login:
        # A failed login is recorded under the failure keys (and still read).
        counters = counters + peeks
    live_counters = [c for c in counters if c]
    live_distinct = [d for d in distinct if d]
    live_peeks = [p for p in peeks if p] if not failed_login else []
    reading: VelocityReading = store.observe(
        now=plan.now, counters=live_counters, distinct=live_distinct, peek=live_peeks
    )
    zero_c = (0,) * len(WINDOWS)
    zero_d = (0,) * len(DISTINCT_WINDOWS)
    count_iter = iter(reading.counts)
    all_counts = [next(count_iter) if c else zero_c for c in counters]
    distinct_iter = iter(reading.distinct)
    peek_iter = iter(reading.peeked)
    if failed_login:
        failed_values = all_counts[len(COUNTERS):]
    else:
        failed_values = [next(peek_iter) if p else zero_c for p in peeks]
    return Velocity(
        counts=dict(zip(COUNTERS, all_counts[: len(COUNTERS)])),
        distinct={name: (next(distinct_iter) if d else zero_d) for name, d in zip(DISTINCT, distinct)},
        failed=dict(zip(PEEKS, failed_values)),
    )


def observe_event(store: VelocityStore, event: RawEvent, enrichment: Enrichment) -> Velocity:
    """Read and record one event in ``store``; return its figures by name."""
    return observe_plan(store, plan_event(event, enrichment))

"""Which velocity keys an event touches, in a fixed layout.

Every event reads the same dimensions in the same order, so ``features.py``
can address figures by name. A dimension the event cannot fill (no device
fingerprint, free-mail domain, invalid address) reads as zero and records
nothing. Signups and logins are counted separately (the key says which), but
the distinct accounts per device and per address span both: one device that
signs up five accounts and logs into ten more is the same farm.

Besides the plain counters, an event reads:

* *marked* counters, recorded only by events that carry a mark and read by
  every event: how many events of this device time zone came from an address
  in another country; how many events of this address, and of its autonomous
  system, came with a device clock foreign to the address's country; how many
  events of this address, device, browser profile or autonomous system
  carried a tell (``carries_tell``: automation, a forged or contradicted
  browser, a honeypot, a disposable mailbox, a failed login);
  and, across the whole deployment, how many browsers that should send Client
  Hints did (read and recorded by those browsers alone), and how many events
  came with a form fill time. The Client Hints are counted apart for requests
  whose browser headers came through and for those that carry only the
  identity headers (``forwarded``), since one portal's integrations can differ;
* the *other kind's* counters of the same address, device, profile and
  autonomous system, so that those tells are measured as a share of all
  the traffic of the key, signups and logins together.

All of them are ordinary counter keys, read and recorded by one ``observe``
of any backend.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import compress
from typing import TYPE_CHECKING, Any, NamedTuple, Sequence

from signupguard.context import RawEvent
from signupguard.enrichment.types import Enrichment

from . import DISTINCT_WINDOWS, WINDOWS, VelocityReading, VelocityStore

if TYPE_CHECKING:  # live scoring (Redis, the database) never needs the in-process store
    from .memory import MemoryVelocityStore

# Counted dimensions: events of the same kind sharing this attribute.
COUNTERS: tuple[str, ...] = (
    "ip", "prefix", "asn", "device", "email", "domain", "profile", "template", "all",
    "zone",  # events whose device clock is set to this time zone
)
# Marked counters: read by every event, recorded only by events with the mark.
MARKED: tuple[str, ...] = (
    "zone_foreign",  # events of this device time zone from an address in a country that does not use it
    "tell_ip", "tell_device", "tell_profile", "tell_asn",  # events of either kind carrying a tell
    "foreign_ip",  # events of either kind from this address whose device clock is set to a zone its country does not use
    "foreign_asn",  # the same for the address's autonomous system: the usual share of its network
    # The whole deployment's Chromium browsers, and those of them that sent Client Hints: whether
    # a missing hint means anything here (an HTTP origin or a proxy that strips sec-ch-* loses all).
    # Kept per ``forwarded``: an integration that passes on only the identity headers loses them all.
    "hints_expected", "hints_sent",
    # The whole deployment's events, and those with a form fill time: an API-only portal times none.
    "forms_expected", "forms_timed",
)
# Read-only: the same dimensions counted for the other kind (logins for a signup, and back).
OTHER_KIND: tuple[str, ...] = ("other_ip", "other_device", "other_profile", "other_asn")
# Distinct members: (dimension, what is counted).
DISTINCT: tuple[str, ...] = (
    "device_accounts",  # accounts seen on one device (its fingerprint, clock and languages; signups and logins)
    "ip_accounts",  # accounts seen from one address (signups and logins)
    "email_accounts",  # accounts behind one normalised mailbox
    "profile_prefixes",  # /24s one UA+screen+zone profile came from (proxy rotation)
    "device_prefixes",  # /24s one device came from
    "prefix_devices",  # devices seen in one /24 (a NAT has many, a farm box few)
    "ip_devices",  # devices behind one address (a home has a few; a reused proxy exit, many)
    "account_prefixes",  # /24s one account came from (logins hopping across proxies)
    "asn_addresses",  # addresses seen in one autonomous system: how much traffic its usual address carries
)
# Read-only: failed logins (recorded only by failed logins themselves).
PEEKS: tuple[str, ...] = (
    "failed_ip", "failed_account",
    "failed_asn",  # failed logins through one network: combo lists sprayed over a proxy pool's exits
)


_HINTS_EXPECTED = MARKED.index("hints_expected")
_DAY = WINDOWS.index(86400)

# One event's figures as one flat list of ints (``observe_flat``): every counter of
# COUNT_NAMES over WINDOWS, then every set of DISTINCT over DISTINCT_WINDOWS. Offline
# runs read the figures of thousands of events at once from it (``features.velocity_rows``);
# naming them per event (``Velocity``) costs more than the store's reading.
COUNT_NAMES: tuple[str, ...] = (*COUNTERS, *MARKED, *OTHER_KIND, *PEEKS)
_NC, _ND = len(WINDOWS), len(DISTINCT_WINDOWS)
FLAT_DISTINCT_START = len(COUNT_NAMES) * _NC
FLAT_LENGTH = FLAT_DISTINCT_START + len(DISTINCT) * _ND
_ZERO_FLAT = [0] * FLAT_LENGTH


def flat_count(name: str) -> int:
    """Where counter ``name``'s figures start in a flat reading."""
    return COUNT_NAMES.index(name) * _NC


def flat_distinct(name: str) -> int:
    """Where distinct set ``name``'s figures start in a flat reading."""
    return FLAT_DISTINCT_START + DISTINCT.index(name) * _ND


_AT_COUNTERS = tuple(flat_count(n) for n in COUNTERS)
_AT_MARKED = tuple(flat_count(n) for n in MARKED)
_AT_OTHER = tuple(flat_count(n) for n in OTHER_KIND)
_AT_PEEKS = tuple(flat_count(n) for n in PEEKS)
_AT_DISTINCT = tuple(flat_distinct(n) for n in DISTINCT)
_AT_HINTS = flat_count("hints_expected"), flat_count("hints_sent")


class Velocity:
    """Figures of one event in the fixed layout (tuples aligned with WINDOWS), by name.

    ``counts``, ``distinct`` and ``failed`` map names to tuples. A velocity
    read from a store (``from_flat``) keeps its flat reading and names the
    figures only when asked: offline runs never ask, and naming costs more
    than the store's reading.
    """

    __slots__ = ("_flat", "_named")

    def __init__(
        self, counts: dict[str, tuple[int, ...]], distinct: dict[str, tuple[int, ...]],
        failed: dict[str, tuple[int, ...]],
    ) -> None:
        self._flat: list[int] | None = None
        self._named: tuple[dict, dict, dict] | None = (counts, distinct, failed)

    @classmethod
    def from_flat(cls, flat: list[int]) -> "Velocity":
        """The figures of a flat reading (``observe_flat``)."""
        velocity = cls.__new__(cls)
        velocity._flat, velocity._named = flat, None
        return velocity

    def _names(self) -> tuple[dict, dict, dict]:
        if self._named is None:
            # zip(*[iterator] * k) cuts the list into k-tuples in C.
            assert self._flat is not None  # one of the two is always set
            figures = iter(self._flat)
            counts = dict(zip(COUNT_NAMES, zip(*[figures] * _NC)))
            distinct = dict(zip(DISTINCT, zip(*[figures] * _ND)))
            self._named = (counts, distinct, {name: counts.pop(name) for name in PEEKS})
        return self._named

    @property
    def counts(self) -> dict[str, tuple[int, ...]]:
        return self._names()[0]

    @property
    def distinct(self) -> dict[str, tuple[int, ...]]:
        return self._names()[1]

    @property
    def failed(self) -> dict[str, tuple[int, ...]]:
        return self._names()[2]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Velocity):
            return NotImplemented
        return self._names() == other._names()

    __hash__ = None  # type: ignore[assignment]  # mutable dicts inside, as the dataclass it replaced

    def __repr__(self) -> str:
        counts, distinct, failed = self._names()
        return f"Velocity(counts={counts!r}, distinct={distinct!r}, failed={failed!r})"

    def to_dict(self) -> dict[str, dict[str, list[int]]]:
        counts, distinct, failed = self._names()
        return {
            "counts": {k: list(v) for k, v in counts.items()},
            "distinct": {k: list(v) for k, v in distinct.items()},
            "failed": {k: list(v) for k, v in failed.items()},
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


def carries_tell(event: RawEvent, enrichment: Enrichment) -> bool:
    """Whether the event shows a tell that real users almost never do.

    Automation (webdriver, a headless or scripted client), a browser that
    contradicts itself (Client Hints that disagree with the User-Agent or are
    missing from a Chromium, touch support that does not fit the device, a
    graphics chip no device of its operating system has), a
    filled honeypot, a disposable mailbox, or a failed login. Failed logins
    happen to real users too; what the features use is the *share* of a key's
    traffic that carries a tell, never one event's.

    Missing Client Hints are added by ``plan_from_parts``, and only where
    this deployment's Chromium browsers usually send them (``Deployment``):
    they are sent to secure origins only, and proxies may strip them.
    """
    ua, device = enrichment.ua, enrichment.device
    return bool(
        (event.kind == "login" and event.success is False)
        or device.webdriver or ua.is_headless or ua.is_automation
        or ua.client_hints_mismatch or device.touch_mismatch or device.gpu_mismatch
        or enrichment.form.honeypot_filled or enrichment.email.disposable
    )


# A signal the deployment usually carries: at least half of the last day's events that could carry it,
# and DEPLOYMENT_EVIDENCE of them or more (features._missing_where_usual, Deployment).
DEPLOYMENT_EVIDENCE = 20
DEPLOYMENT_SHARE = 0.5


def usual_day(could: Any, did: Any) -> Any:
    """``usual`` on the last day's figures alone: two ints, or two numpy columns of many events."""
    return (could >= DEPLOYMENT_EVIDENCE) & (did >= DEPLOYMENT_SHARE * could)


def usual(could: Sequence[int], did: Sequence[int]) -> bool:
    """Whether the last day's readings of a signal's counters (``could`` carry it, ``did``) make it the norm."""
    return bool(usual_day(could[_DAY], did[_DAY]))


@dataclass(slots=True)
class Deployment:
    """What the velocity readings of earlier events say about this deployment.

    A Chromium without Client Hints carries a tell only where the site's
    Chromium browsers usually send theirs. The mark is recorded in the same
    store call that reads the deployment's figures, so it follows the last
    reading before it: in time order offline, and in this process's previous
    Chromium event live (the figures are the whole deployment's, and move
    slowly). Until a first reading, missing hints are no tell. Requests
    carrying only the identity headers (not ``forwarded``) have their own norm.
    """

    hints_usual: bool = False  # for requests whose browser headers came through (``forwarded``)
    hints_usual_identity_only: bool = False  # for requests with the identity headers alone


@dataclass(slots=True)
class Plan:
    """The keys one event reads and records: everything ``observe_plan`` needs, as plain data.

    Planning needs the enrichment, observing only this; offline training
    takes each event's ``Parts`` in worker processes, and plans and observes
    them, in time order, in one.
    """

    now: float
    failed_login: bool
    # Aligned with COUNTERS, MARKED, OTHER_KIND, DISTINCT and PEEKS; None where the event has no such key.
    counters: list[str | None]
    marked: list[str | None]
    marks: list[bool]  # per MARKED key: whether this event carries the mark (records it)
    other: list[str | None]
    distinct: list[tuple[str, str] | None]
    peeks: list[str | None]


class Parts(NamedTuple):
    """What an event's keys are made of: plain data, several times smaller than the keys.

    Offline training computes these in worker processes and sends them to
    the velocity process, which builds the keys (``plan_from_parts``).
    """

    signup: bool
    now: float
    failed_login: bool
    address: str | None
    prefix: str | None
    asn: int | None
    device: str | None  # DeviceInfo.identity: the fingerprint with the collector's clock and languages
    email: str | None  # normalised
    custom_domain: str | None  # the domain, when it is valid and not free-mail
    profile: str | None
    template: str | None
    zone: str | None
    account: str | None  # the event's own account field
    tell: bool
    foreign: bool
    hints: bool | None  # whether the Client Hints a Chromium sends arrived; None when none are expected
    timed: bool  # whether the event came with a form fill time
    forwarded: bool  # whether the request's browser headers came through (``forwarded``)


# Headers browsers send besides their identity (Accept, Accept-Encoding, the Fetch metadata
# headers); every common HTTP client library sends Accept or Accept-Encoding too.
_BROWSER_HEADERS = frozenset(
    ["accept", "accept-encoding", "sec-fetch-site", "sec-fetch-mode", "sec-fetch-dest", "sec-fetch-user"]
)
_IDENTITY_ONLY = ":id"  # the suffix of the Client Hints keys of requests that are not ``forwarded``


def forwarded(headers: dict[str, str]) -> bool:
    """Whether a request's browser headers came through, not only User-Agent and Accept-Language.

    An integration may pass on the identity headers alone (a mobile-lite
    endpoint, a log that kept two columns). The Client Hints of every
    Chromium through it are lost, and their absence is the integration's, not
    the attempt's: whether hints are usual is judged apart for such requests.
    Every browser and every common HTTP client sends Accept or Accept-Encoding,
    so a request without them either came through such an integration or
    was stripped on purpose; the fill-time tell stays deployment-wide, so a
    script that strips its headers still answers for the form it did not time.
    """
    return not _BROWSER_HEADERS.isdisjoint(headers)


def plan_parts(event: RawEvent, enrichment: Enrichment) -> Parts:
    ip, email, device = enrichment.ip, enrichment.email, enrichment.device
    return Parts(
        event.kind == "signup", event.timestamp, event.kind == "login" and event.success is False,
        ip.address, ip.prefix, ip.asn, device.identity, email.normalized,
        email.domain if (email.valid and email.domain and not email.freemail) else None,
        profile_of(enrichment), email_template_key(enrichment), device.timezone, event.account,
        carries_tell(event, enrichment), bool(device.tz_country_mismatch),
        None if enrichment.ua.client_hints_missing is None else not enrichment.ua.client_hints_missing,
        enrichment.form.fill_ms is not None, forwarded(event.headers),
    )


def plan_event(event: RawEvent, enrichment: Enrichment, deployment: Deployment | None = None) -> Plan:
    return plan_from_parts(plan_parts(event, enrichment), deployment)


def plan_from_parts(parts: Parts, deployment: Deployment | None = None) -> Plan:
    (signup, now, failed_login, address, prefix, asn, device, email, custom_domain, profile, template, zone,
     event_account, tell, foreign, hints, timed, headers_forwarded) = parts
    if hints is False and deployment is not None and (
        deployment.hints_usual if headers_forwarded else deployment.hints_usual_identity_only
    ):
        tell = True
    k, other = ("s", "l") if signup else ("l", "s")
    scope = "" if headers_forwarded else _IDENTITY_ONLY
    counters: list[str | None] = [
        f"{k}:ip:{address}" if address else None,
        f"{k}:p:{prefix}" if prefix else None,
        f"{k}:asn:{asn}" if asn is not None else None,
        f"{k}:dev:{device}" if device else None,
        f"{k}:em:{email}" if email else None,
        f"{k}:dom:{custom_domain}" if custom_domain else None,
        f"{k}:prof:{profile}" if profile else None,
        f"{k}:tpl:{template}" if template else None,
        f"{k}:all",
        f"{k}:tz:{zone}" if zone else None,
    ]
    marked: list[str | None] = [
        f"{k}:tzx:{zone}" if zone else None,
        f"t:ip:{address}" if address else None,
        f"t:dev:{device}" if device else None,
        f"t:prof:{profile}" if profile else None,
        f"t:asn:{asn}" if asn is not None else None,
        f"x:ip:{address}" if address else None,
        f"x:asn:{asn}" if asn is not None else None,
        f"h:exp{scope}" if hints is not None else None,
        f"h:sent{scope}" if hints is not None else None,
        "fm:all",
        "fm:timed",
    ]
    marks = [foreign, tell, tell, tell, tell, foreign, foreign, True, bool(hints), True, timed]
    others: list[str | None] = [
        f"{other}:ip:{address}" if address else None,
        f"{other}:dev:{device}" if device else None,
        f"{other}:prof:{profile}" if profile else None,
        f"{other}:asn:{asn}" if asn is not None else None,
    ]
    account = event_account or email or None
    distinct: list[tuple[str, str] | None] = [
        (f"d:dev:{device}", account) if device and account else None,
        (f"d:ip:{address}", account) if address and account else None,
        (f"d:em:{email}", account) if email and account and signup else None,
        (f"d:prof:{profile}", prefix) if profile and prefix else None,
        (f"d:devp:{device}", prefix) if device and prefix else None,
        (f"d:pdev:{prefix}", device) if device and prefix else None,
        (f"d:ipdev:{address}", device) if device and address else None,
        (f"d:acp:{event_account}", prefix) if event_account and prefix else None,
        (f"d:asnip:{asn}", address) if address and asn is not None else None,
    ]
    peeks: list[str | None] = [
        f"f:ip:{address}" if address else None,
        f"f:acct:{event_account}" if event_account else None,
        f"f:asn:{asn}" if asn is not None else None,
    ]
    return Plan(now, failed_login, counters, marked, marks, others, distinct, peeks)


def _places(plan: Plan) -> tuple[list[str], list[int], list[tuple[str, str]], list[int], list[str], list[int]]:
    """The event's keys to record, its sets and the keys only read, each with the place of its reading.

    The keys to record are this kind's counters, the marked counters whose
    mark the event carries and, for a failed login, the failure keys;
    everything else is read without recording.
    """
    # Keys and their places are gathered with itertools.compress (a None key drops
    # out): this runs for every event of a replay, and loops in Python cost more than the store.
    counters, peeks, marked, distinct = plan.counters, plan.peeks, plan.marked, plan.distinct
    record = list(compress(counters, counters))
    record_at = list(compress(_AT_COUNTERS, counters))
    look = list(compress(plan.other, plan.other))
    look_at = list(compress(_AT_OTHER, plan.other))
    if plan.failed_login:
        record += compress(peeks, peeks)
        record_at += compress(_AT_PEEKS, peeks)
    else:
        look += compress(peeks, peeks)
        look_at += compress(_AT_PEEKS, peeks)
    for at, key, mark in zip(_AT_MARKED, marked, plan.marks):
        if key:
            if mark:
                record.append(key)
                record_at.append(at)
            else:
                look.append(key)
                look_at.append(at)
    # compress() drops the None keys, which mypy cannot see.
    return record, record_at, list(compress(distinct, distinct)), list(compress(_AT_DISTINCT, distinct)), look, look_at  # type: ignore[return-value,arg-type]


def _learn(flat: Any, plan: Plan, deployment: Deployment | None) -> None:
    """What the next plans need from this reading: whether Client Hints are usual (``Deployment``)."""
    hints_key = plan.marked[_HINTS_EXPECTED]
    if deployment is not None and hints_key:
        expected, sent = _AT_HINTS
        hints_usual = usual(flat[expected:expected + _NC], flat[sent:sent + _NC])
        if hints_key.endswith(_IDENTITY_ONLY):
            deployment.hints_usual_identity_only = hints_usual
        else:
            deployment.hints_usual = hints_usual


def observe_flat(store: VelocityStore, plan: Plan, deployment: Deployment | None = None) -> list[int]:
    """Read and record one planned event in ``store``; return its figures as a flat reading.

    One ``observe`` (the keys, ``_places``); ``deployment`` learns from the
    reading what the next plans need.
    """
    record, record_at, distinct, distinct_at, look, look_at = _places(plan)
    reading: VelocityReading = store.observe(now=plan.now, counters=record, distinct=distinct, peek=look)
    # Each reading is written into its place with one slice assignment.
    flat = list(_ZERO_FLAT)
    for at, figures in zip(record_at, reading.counts):
        flat[at:at + _NC] = figures
    for at, figures in zip(look_at, reading.peeked):
        flat[at:at + _NC] = figures
    for at, figures in zip(distinct_at, reading.distinct):
        flat[at:at + _ND] = figures
    _learn(flat, plan, deployment)
    return flat


def observe_row(store: MemoryVelocityStore, plan: Plan, row: Any, deployment: Deployment | None = None) -> None:
    """``observe_flat`` into ``row``, a zeroed int64 NumPy row of ``FLAT_LENGTH``: offline training's path.

    The in-process store writes the readings there itself; the row is then
    read for many events at once (``features.velocity_rows``).
    """
    record, record_at, distinct, distinct_at, look, look_at = _places(plan)
    store.observe_into(row, now=plan.now, counters=record, counters_at=record_at, distinct=distinct,
                       distinct_at=distinct_at, peek=look, peek_at=look_at)
    _learn(row, plan, deployment)


def observe_plan(store: VelocityStore, plan: Plan, deployment: Deployment | None = None) -> Velocity:
    """``observe_flat``, with the figures by name."""
    return Velocity.from_flat(observe_flat(store, plan, deployment))


def observe_event(
    store: VelocityStore, event: RawEvent, enrichment: Enrichment, deployment: Deployment | None = None
) -> Velocity:
    """Read and record one event in ``store``; return its figures by name."""
    return observe_plan(store, plan_event(event, enrichment, deployment), deployment)

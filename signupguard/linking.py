"""Which attributes link two accounts into one campaign cluster (pure).

Two accounts are linked when they share a *link key*. The kinds, strongest first:

``device``   the device's identity: the collector's fingerprint with its clock and
             languages (``DeviceInfo.identity``; the bare fingerprint for
             attempts stored before it). Strong, but only among a household's
             few accounts: owners of one budget phone model share a
             fingerprint worldwide, and often a clock and languages too.
``email``    the normalised mailbox (case; Gmail's dots, Proton's dots, hyphens
             and underscores, Apple's and Yandex's other domains, and +tags
             where the provider ignores them: ``linking_mailbox``).
``domain``   a custom email domain: never a free-mail, disposable or other
             shared domain (a privacy relay's: Hide My Email's
             privaterelay.appleid.com), which unrelated people share by the million.
``prefix``   the /24 (IPv4) or /64 (IPv6) network, only within ``window``
             seconds of each other and never on mobile networks, whose
             carrier-grade NAT puts whole towns behind one /24.
``profile``  user agent family/major/OS + screen + time zone (what a farm's
             cloned browsers share), only within ``window`` seconds.

Giant clusters are what makes campaign linking useless: one popular profile or
one busy NAT would chain every legitimate user together. Hence every rule has
a *fan-out cap*: a key already held by more than ``max_holders`` accounts in
its window is common, not a campaign's, and stops linking new accounts (the
accounts it linked so far stay linked). Windowed keys, additionally, only
link when the key's holders used few distinct devices (``max_devices``): a
farm box cycles accounts on one or a few browsers, a NAT hides many. For them
commonness is counted over a day (``horizon``), longer than the link window,
so a busy NAT or a popular browser setup cannot chain hour after hour of
unrelated users into one cluster.

Everything here is pure, so the rules can be replayed and tested without a
database; ``signupguard.clusters`` applies them to stored attempts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from signupguard.enrichment.email import is_shared_domain, linking_mailbox
from signupguard.enrichment.types import Enrichment
from signupguard.velocity.keys import profile_of

DAY = 86400.0
# A device key held by more accounts than this is a popular phone model's or a lab's as much
# as one operator's: a household or a small office shares a device among a handful of accounts
# (the login check LOGIN_MAX_ACCOUNTS_PER_DEVICE reviews beyond 5), while in generator f 47% of
# the legitimate signups with a fingerprint share it with four or more others (docs/detection.md).
# Past it the key links weakly (``device_crowd``): a farm box cycling hundreds of accounts stays
# one cluster, but one fraud signup no longer holds every owner of a phone model as "same device".
DEVICE_STRONG_HOLDERS = 5


@dataclass(frozen=True, slots=True)
class LinkRule:
    """How one kind of key links accounts."""

    kind: str
    label: str  # what a reviewer reads on the cluster page
    window: float  # seconds: only holders seen this recently are linked
    max_holders: int  # fan-out cap: more holders than this in the window = common key
    max_devices: int | None = None  # windowed keys: more distinct devices = a NAT, not a farm box
    horizon: float | None = None  # seconds over which commonness is counted (default: the window)
    strong: bool = False  # strong links (same device, same mailbox) weigh more in the retroactive policy
    strong_holders: int | None = None  # strong only while the key has at most this many other holders
    weak_kind: str | None = None  # the kind its links get past ``strong_holders``


RULES: dict[str, LinkRule] = {
    rule.kind: rule
    for rule in (
        LinkRule("device", "same device fingerprint", 90 * DAY, 500, strong=True,
                 strong_holders=DEVICE_STRONG_HOLDERS, weak_kind="device_crowd"),
        # Never a key of its own: the links of a device key past DEVICE_STRONG_HOLDERS.
        LinkRule("device_crowd", "same device as many other accounts (a popular model?)", 90 * DAY, 500),
        LinkRule("email", "same mailbox (after normalisation)", 365 * DAY, 50, strong=True),
        LinkRule("domain", "same custom email domain", 30 * DAY, 200),
        LinkRule("prefix", "same /24 or /64 network within an hour", 3600.0, 200, max_devices=6, horizon=DAY),
        LinkRule("profile", "same browser profile (UA, screen, time zone) within 5 minutes", 300.0, 20,
                 max_devices=6, horizon=DAY),
    )
}
KINDS: tuple[str, ...] = tuple(RULES)


@dataclass(frozen=True, slots=True)
class LinkKey:
    kind: str
    value: str

    @property
    def rule(self) -> LinkRule:
        return RULES[self.kind]

    def linking(self, holders: int) -> LinkKey:
        """The key as it links when ``holders`` other accounts hold it: demoted to weak past the rule's limit."""
        rule = self.rule
        if rule.weak_kind and rule.strong_holders is not None and holders > rule.strong_holders:
            return LinkKey(rule.weak_kind, self.value)
        return self


def link_keys(enrichment: Enrichment | dict[str, Any] | None) -> list[LinkKey]:
    """The link keys of one attempt, from its stored enrichment."""
    if enrichment is None:
        return []
    if isinstance(enrichment, dict):
        try:
            enrichment = Enrichment.from_dict(enrichment)
        except (KeyError, TypeError):
            return []
    keys: list[LinkKey] = []
    device, email, ip = enrichment.device, enrichment.email, enrichment.ip
    if device.fingerprint:
        keys.append(LinkKey("device", device_key(device.identity, device.fingerprint)))
    if email.normalized:  # a valid address's mailbox, or an overlong +tag's (``analyse_email``)
        keys.append(LinkKey("email", linking_mailbox(email.normalized)[:255]))
        # A relay's or a webmail domain the free-mail list misses is no company's: one blocked signup
        # with a made-up address there would hold every user of the domain for review.
        if email.domain and not email.freemail and not email.disposable and not is_shared_domain(email.domain):
            keys.append(LinkKey("domain", email.domain[:255]))
    if ip.prefix and not ip.is_private and ip.network_kind != "mobile":
        keys.append(LinkKey("prefix", ip.prefix))
    profile = profile_of(enrichment)
    if profile and enrichment.device.screen and enrichment.device.timezone:
        keys.append(LinkKey("profile", profile[:255]))
    return keys


def device_key(identity: str | None, fingerprint: str) -> str:
    """The device a key names: its identity, or the bare fingerprint when stored without one."""
    return (identity or fingerprint)[:255]


def describe_key(kind: str, value: str) -> str:
    """A link in a reviewer's words, e.g. ``same custom email domain: acme.io``."""
    rule = RULES.get(kind)
    return f"{rule.label if rule else kind}: {value}"

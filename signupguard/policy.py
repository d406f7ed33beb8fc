"""Policy: a fraud probability plus hard rules -> allow / review / block, with reasons.

Pure. Thresholds come from the model's metadata (chosen at training time to
meet target rates on legitimate traffic) and can be overridden in settings.
Hard rules run first: an allow-listed range, ASN or domain is allowed whatever
the score; a deny-listed one is blocked. A filled honeypot holds the attempt
for review at least, and the score decides whether it is blocked: scripts
fill it, but so does a browser's autofill now and then (the simulator's
people do, 0.3% of them, and a block there alone would be three times the
0.1% of legitimate signups the block threshold allows).
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable, Sequence

from signupguard.conf import list_entries, sg_settings
from signupguard.enrichment.types import Enrichment

ALLOW, REVIEW, BLOCK = "allow", "review", "block"
DECISIONS = (ALLOW, REVIEW, BLOCK)


@dataclass(frozen=True, slots=True)
class Thresholds:
    review: float
    block: float

    def __post_init__(self) -> None:
        if not (0.0 <= self.review <= self.block <= 1.0):
            raise ValueError(f"thresholds must satisfy 0 <= review <= block <= 1, got {self.review}, {self.block}")

    def blocks(self, score: Any) -> Any:
        """Whether ``score`` (a number, or a NumPy array of them) is blocked by score (``reaches_block``)."""
        return reaches_block(score, self.block)


def reaches_block(score: Any, block: float) -> Any:
    """``score`` at or above the block threshold ``block``; a threshold of 1.0 blocks nothing by score.

    1.0 is how settings say "hold rather than block" (README, the dashboard, signupguard_thresholds'
    "none blocked by score"), but a model sure of itself scores exactly 1.0, and those attempts were
    blocked with no reviewer looking. The review threshold, at most 1.0, still holds them.
    """
    return (score >= block) & (block < 1.0)


@dataclass(slots=True)
class Decision:
    decision: str
    reasons: list[dict[str, Any]]
    rule: str | None = None  # the hard rule that decided, if any


@dataclass(frozen=True, slots=True)
class HardRules:
    allow_networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
    deny_networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
    allow_asns: frozenset[int] = field(default_factory=frozenset)
    deny_asns: frozenset[int] = field(default_factory=frozenset)
    allow_domains: frozenset[str] = field(default_factory=frozenset)
    deny_domains: frozenset[str] = field(default_factory=frozenset)
    _allow_index: "NetworkIndex" = field(init=False, repr=False, compare=False)
    _deny_index: "NetworkIndex" = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_allow_index", NetworkIndex(self.allow_networks))
        object.__setattr__(self, "_deny_index", NetworkIndex(self.deny_networks))

    @classmethod
    def from_settings(cls) -> "HardRules":
        return _rules_from(
            _hashable(sg_settings.ALLOW_IP_RANGES), _hashable(sg_settings.DENY_IP_RANGES),
            _hashable(sg_settings.ALLOW_ASNS), _hashable(sg_settings.DENY_ASNS),
            _hashable(sg_settings.ALLOW_EMAIL_DOMAINS), _hashable(sg_settings.DENY_EMAIL_DOMAINS),
        )

    def match(self, enrichment: Enrichment) -> tuple[str, str] | None:
        """(decision, reason text) of the first rule that applies, else None."""
        ip, email = enrichment.ip, enrichment.email
        # Parsing the address is the costly part: only when a range is listed.
        address = ipaddress.ip_address(ip.address) if ip.address and (self.allow_networks or self.deny_networks) else None
        # Lists hold domains in their IDNA form: the event's once, and only when a list is set.
        domain = _ascii(email.domain) if email.domain and (self.deny_domains or self.allow_domains) else ""
        # Network rules first, most specific first: a deny-listed range inside an allow-listed ASN blocks.
        # The email domain is typed by the signer-up: its allow list never overrides a network deny list.
        listed = self._deny_index.holding(address)
        if listed is not None:
            return BLOCK, f"the address is in the deny-listed range {listed}"
        listed = self._allow_index.holding(address)
        if listed is not None:  # the listed range, not the client's address: the reason outlives the attempt
            return ALLOW, f"the address is in the allow-listed range {listed}"
        if ip.asn is not None and ip.asn in self.deny_asns:
            return BLOCK, f"AS{ip.asn} ({ip.as_org or 'unknown organisation'}) is deny-listed"
        if ip.asn is not None and ip.asn in self.allow_asns:
            return ALLOW, f"AS{ip.asn} is allow-listed"
        if domain and _domain_in(domain, self.deny_domains):
            return BLOCK, f"email domain {email.domain} is deny-listed"
        if domain and _domain_in(domain, self.allow_domains):
            return ALLOW, f"email domain {email.domain} is allow-listed"
        return None


# The ``feature`` of the reason a hard rule puts first: what a rule decided is no training label.
RULE_FEATURE = "rule"
HONEYPOT = "the hidden honeypot field was filled in: a script does that, and now and then a browser's autofill"
REPLAYED = ("the form's render token was already used by another signup: a script posting one form many times, "
            "or a person going back to create a second account")
# Rules that raise an allow to review and leave the model's review or block as they are.
REVIEW_FLOORS = frozenset({HONEYPOT, REPLAYED})


class NetworkIndex:
    """Listed ranges by prefix length: a lookup costs one dict probe per length listed, not one test per range.

    Portals list thousands of ranges (a cloud's published egress, Tor exits);
    scanning them made each replayed event cost milliseconds. The narrowest
    range holding the address answers, so a reason names the most specific entry.
    """

    __slots__ = ("_by_length",)

    def __init__(self, networks: Iterable[ipaddress.IPv4Network | ipaddress.IPv6Network]) -> None:
        by_length: dict[tuple[int, int], dict[int, Any]] = {}
        for net in networks:
            # The first listing of a range is the one named, as when the list was scanned in order.
            number = int(net.network_address) >> (net.max_prefixlen - net.prefixlen)
            by_length.setdefault((net.version, net.prefixlen), {}).setdefault(number, net)
        # (version, host bits, ranges by network number), narrowest ranges first.
        self._by_length = [
            (version, (32 if version == 4 else 128) - length, ranges)
            for (version, length), ranges in sorted(by_length.items(), key=lambda item: -item[0][1])
        ]

    def holding(self, address: ipaddress.IPv4Address | ipaddress.IPv6Address | None) -> Any:
        """The narrowest listed range that holds ``address``, or None."""
        if address is None or not self._by_length:
            return None
        version, value = address.version, int(address)
        for listed_version, host_bits, ranges in self._by_length:
            if listed_version == version:
                found = ranges.get(value >> host_bits)
                if found is not None:
                    return found
        return None


def _domain_in(domain: str, listed: frozenset[str]) -> bool:
    parts = domain.split(".")
    return any(".".join(parts[i:]) in listed for i in range(len(parts)))


@lru_cache(maxsize=16)
def _rules_from(
    allow_ranges: tuple[str, ...], deny_ranges: tuple[str, ...], allow_asns: tuple[Any, ...], deny_asns: tuple[Any, ...],
    allow_domains: tuple[str, ...], deny_domains: tuple[str, ...],
) -> HardRules:
    return HardRules(
        allow_networks=tuple(parsed(allow_ranges, parse_network)),
        deny_networks=tuple(parsed(deny_ranges, parse_network)),
        allow_asns=frozenset(parsed(allow_asns, parse_asn)),
        deny_asns=frozenset(parsed(deny_asns, parse_asn)),
        allow_domains=frozenset(parsed(allow_domains, parse_domain)),
        deny_domains=frozenset(parsed(deny_domains, parse_domain)),
    )


def parse_network(value: Any) -> Any:
    """A list's address or CIDR entry ("10.0.0.0/8", surrounding spaces aside); ValueError if it is none."""
    return ipaddress.ip_network(str(value).strip(), strict=False)


def parse_asn(value: Any) -> int:
    """A list's AS number entry (64500, "64500", "AS64500"); ValueError if it is none."""
    return int(str(value).strip().upper().removeprefix("AS"))


def parse_domain(value: Any) -> str:
    """A list's email domain entry in its IDNA (xn--) form; ValueError if it is none."""
    if not isinstance(value, str) or not (domain := _ascii(value)) or any(c.isspace() for c in domain):
        raise ValueError(f"{value!r} is not a domain")
    return domain


def parsed(values: Iterable[Any], parse: Any) -> list[Any]:
    """The entries that parse (check E031 reports the others): one typo must not stop every verdict."""
    out = []
    for value in values:
        try:
            out.append(parse(value))
        except ValueError:
            continue
    return out


def _ascii(domain: str) -> str:
    """A domain in its IDNA (xn--) form, lower case, without surrounding dots or spaces."""
    domain = domain.strip().strip(".").lower()
    try:
        return domain.encode("idna").decode("ascii")
    except UnicodeError:
        return domain


def _hashable(value: Any) -> tuple:
    """``conf.list_entries(value)`` as ``_rules_from``'s cache can take it.

    An entry that cannot be hashed (a nested list, a dict) parses as nothing anyway (check E031):
    its text stands in, rather than a TypeError in every scoring task.
    """
    entries = []
    for entry in list_entries(value):
        try:
            hash(entry)
        except TypeError:
            entry = repr(entry)
        entries.append(entry)
    return tuple(entries)


def effective_thresholds(model_thresholds: Thresholds) -> Thresholds:
    """The model's thresholds with any settings override applied (``resolve_thresholds``)."""
    return resolve_thresholds(model_thresholds, review=_threshold(sg_settings.REVIEW_THRESHOLD),
                              block=_threshold(sg_settings.BLOCK_THRESHOLD))


def _threshold(value: Any) -> float | None:
    """An override in [0, 1], else None: the model's own (check E030 reports it) rather than no verdicts."""
    try:
        number = float(value) if value is not None else None
    except (TypeError, ValueError):
        return None
    return number if number is not None and 0.0 <= number <= 1.0 else None


def resolve_thresholds(model: Thresholds, *, review: float | None, block: float | None) -> Thresholds:
    """``model``'s thresholds with the set overrides, never review above block.

    A threshold set alone wins over the model's other one, which yields to it
    (a BLOCK_THRESHOLD below the model's review threshold leaves nothing to
    review); with both set and crossed (check error E030) review drops to block.
    Every attempt would otherwise fail to score, not just be judged differently.
    """
    if review is not None and block is not None:
        return Thresholds(review=min(review, block), block=block)
    if block is not None:
        return Thresholds(review=min(model.review, block), block=block)
    if review is not None:
        return Thresholds(review=review, block=max(model.block, review))
    return model


def decide(
    *,
    score: float,
    thresholds: Thresholds,
    enrichment: Enrichment,
    reasons: Sequence[dict[str, Any]] = (),
    rules: HardRules | None = None,
) -> Decision:
    """Turn a score into a decision. ``reasons`` are the model's, largest first."""
    rules = rules if rules is not None else HardRules()
    hit = rules.match(enrichment)
    if hit is not None:
        decision, text = hit
        rule_reason = {"feature": RULE_FEATURE, "contribution": 0.0, "text": text}
        return Decision(decision=decision, reasons=[rule_reason, *reasons], rule=text)
    if thresholds.blocks(score):
        decision = BLOCK
    elif score >= thresholds.review:
        decision = REVIEW
    else:
        decision = ALLOW
    floor = HONEYPOT if enrichment.form.honeypot_filled else REPLAYED if enrichment.form.replayed else None
    if floor is not None:
        rule_reason = {"feature": RULE_FEATURE, "contribution": 0.0, "text": floor}
        return Decision(decision=REVIEW if decision == ALLOW else decision, reasons=[rule_reason, *reasons],
                        rule=floor if decision == ALLOW else None)
    return Decision(decision=decision, reasons=list(reasons))

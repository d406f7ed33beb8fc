"""Network signals of an address: velocity prefix keys and the kind of network.

Pure helpers, no I/O beyond reading the shipped ``data/networks.json`` once.

``network_kind`` answers "what sort of network is this signup coming from?"
(hosting, vpn, tor, mobile, education, residential, unknown). The evidence is
taken in order of precision:

1. GeoIP2-Anonymous-IP flags, when that database has a record for the address
   (tor > vpn > public or residential proxy > hosting). A residential proxy is
   reported as ``vpn``: the traffic is relayed by a third party to hide its
   origin, which is what ``vpn`` means to the model, and the raw
   ``is_residential_proxy`` flag stays available in ``IPInfo`` for features.
2. The curated tor, VPN and hosting ASN lists, plus the host's
   ``EXTRA_HOSTING_ASNS`` / ``EXTRA_VPN_ASNS``: an explicit list beats a guess.
3. A GeoIP2-Connection-Type of ``Cellular`` (or an ISP record carrying a mobile
   network code) → mobile.
4. The curated mobile, education and residential ASN lists.
5. Keywords in the organisation name, so unknown ASNs still get a kind
   (tor, vpn, education, mobile, hosting, in that order).
6. Any other address with a known ASN or connection type → residential: most
   eyeball networks are consumer ISPs. Nothing known → unknown.
"""

from __future__ import annotations

import bisect
import functools
import ipaddress
import json
import re
import unicodedata
from importlib import resources
from typing import Any, Iterable, Mapping

__all__ = [
    "NetworkClassifier", "canonical_address", "is_private_address", "is_private_value", "load_networks",
    "normalise_org", "prefixes", "prefixes_of",
]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_KEYWORD_ORDER = ("tor", "vpn", "education", "mobile", "hosting")
_RESIDENTIAL_CONNECTIONS = frozenset({"Cable/DSL", "Dialup", "Satellite"})


# Ranges that are never a real client on the Internet (IANA special-purpose
# registries, RFC 6890 and successors): private, shared (CGNAT), loopback,
# link-local, documentation, benchmarking, multicast, reserved. (6to4,
# 2002::/16, stays public: real MaxMind files map it onto the IPv4 tree.)
# Sorted and non-overlapping, searched with bisect: ipaddress.is_global builds
# networks on every call and costs several microseconds.
_NON_GLOBAL = {
    4: ("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
        "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15",
        "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/3"),
    6: ("::/8", "100::/64", "2001::/23", "2001:db8::/32", "3fff::/20",
        "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8"),
}


def _ranges(cidrs: Iterable[str]) -> tuple[list[int], list[int]]:
    networks = sorted(ipaddress.ip_network(cidr) for cidr in cidrs)
    return [int(n.network_address) for n in networks], [int(n.broadcast_address) for n in networks]


_NON_GLOBAL_RANGES = {version: _ranges(cidrs) for version, cidrs in _NON_GLOBAL.items()}


def is_private_address(address: IPAddress) -> bool:
    """True for addresses no real client has: private, loopback, CGNAT, link-local, multicast ..."""
    address = canonical_address(address)
    return is_private_value(address.version, int(address))


def is_private_value(version: int, value: int) -> bool:
    """``is_private_address`` of the canonical address given as (version, integer value)."""
    starts, ends = _NON_GLOBAL_RANGES[version]
    index = bisect.bisect_right(starts, value) - 1
    return index >= 0 and value <= ends[index]


def canonical_address(address: IPAddress) -> IPAddress:
    """The address to use everywhere: IPv4-mapped IPv6 becomes its IPv4 address."""
    if address.version == 6:
        mapped = address.ipv4_mapped
        if mapped is not None:
            return mapped
    return address


def prefixes(address: IPAddress) -> tuple[str, str]:
    """The (narrow, wide) velocity prefixes: /24 and /16 for IPv4, /64 and /48 for IPv6.

    A /24 or /64 is what one customer or one hosting allocation usually holds,
    the /16 or /48 what one provider site holds; campaigns that rotate
    addresses inside them still share the key.
    """
    address = canonical_address(address)
    return prefixes_of(address.version, int(address))


def prefixes_of(version: int, value: int) -> tuple[str, str]:
    """``prefixes`` of the canonical address given as (version, integer value)."""
    if version == 4:
        a, b, c = value >> 24, (value >> 16) & 255, (value >> 8) & 255
        return f"{a}.{b}.{c}.0/24", f"{a}.{b}.0.0/16"
    return _ipv6_prefix(value >> 64, 4) + "/64", _ipv6_prefix(value >> 80, 3) + "/48"


def _ipv6_prefix(upper: int, hextets: int) -> str:
    """RFC 5952 text of a network whose low bits are zero, given its top hextets.

    Much faster than ``IPv6Network(...).compressed``: the zero tail (four or
    five hextets) is always the longest run of zeros, so only the trailing zero
    hextets of the top part join it.
    """
    groups = [(upper >> (16 * (hextets - 1 - i))) & 0xFFFF for i in range(hextets)]
    while groups and groups[-1] == 0:
        groups.pop()
    return ":".join(f"{group:x}" for group in groups) + "::"


@functools.cache
def load_networks() -> dict[str, Any]:
    """The shipped curated lists (``signupguard/data/networks.json``), read once."""
    text = resources.files("signupguard").joinpath("data/networks.json").read_text(encoding="utf-8")
    return json.loads(text)


def normalise_org(name: str) -> str:
    """Case-folded, accent-free organisation name: 'Universität' → 'universitat'."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _keyword_pattern(rules: Mapping[str, Iterable[str]]) -> re.Pattern[str] | None:
    parts = [re.escape(normalise_org(word)) for word in rules.get("anywhere", ())]
    parts += [r"\b" + re.escape(normalise_org(word)) + r"\b" for word in rules.get("word", ())]
    return re.compile("|".join(parts)) if parts else None


def _asn_set(values: Iterable[Any]) -> frozenset[int]:
    """ASNs from JSON keys or settings; entries that are not integers are ignored."""
    out: set[int] = set()
    for value in values:
        try:
            number = int(str(value).upper().removeprefix("AS"))
        except (TypeError, ValueError):
            continue
        if number > 0:
            out.add(number)
    return frozenset(out)


class NetworkClassifier:
    """Decides ``network_kind`` from anonymity flags, connection type, ASN and org name."""

    def __init__(
        self,
        *,
        data: Mapping[str, Any] | None = None,
        extra_hosting_asns: Iterable[Any] = (),
        extra_vpn_asns: Iterable[Any] = (),
    ) -> None:
        data = data if data is not None else load_networks()
        asns = data.get("asns", {})
        self.tor_asns = _asn_set(asns.get("tor", {}))
        self.vpn_asns = _asn_set(asns.get("vpn", {})) | _asn_set(extra_vpn_asns)
        # A host-listed VPN ASN is a VPN even when the shipped list calls it hosting.
        self.hosting_asns = (_asn_set(asns.get("hosting", {})) | _asn_set(extra_hosting_asns)) - _asn_set(
            extra_vpn_asns
        )
        self.mobile_asns = _asn_set(asns.get("mobile", {}))
        self.education_asns = _asn_set(asns.get("education", {}))
        self.residential_asns = _asn_set(asns.get("residential", {}))
        keywords = data.get("keywords", {})
        self._patterns = [
            (kind, pattern)
            for kind in _KEYWORD_ORDER
            if (pattern := _keyword_pattern(keywords.get(kind, {}))) is not None
        ]
        # Organisation names repeat across lookups: match each one once.
        self.kind_from_keywords = functools.lru_cache(maxsize=8192)(self._kind_from_keywords)

    @classmethod
    def from_settings(cls) -> "NetworkClassifier":
        """The shipped lists plus ``EXTRA_HOSTING_ASNS`` / ``EXTRA_VPN_ASNS`` as set now."""
        from signupguard.conf import list_entries, sg_settings

        # A lone ASN (13335, "AS13335") is one entry: an int made every scoring task raise, and a
        # string's digits were read as ASNs of their own (check E031 reports both).
        return cls(
            extra_hosting_asns=list_entries(sg_settings.EXTRA_HOSTING_ASNS),
            extra_vpn_asns=list_entries(sg_settings.EXTRA_VPN_ASNS),
        )

    def _kind_from_keywords(self, *names: str | None) -> str | None:
        """The kind suggested by organisation names, or None when no keyword matches."""
        text = " | ".join(normalise_org(name) for name in names if name)
        if not text:
            return None
        for kind, pattern in self._patterns:
            if pattern.search(text):
                return kind
        return None

    def classify(
        self,
        *,
        asn: int | None = None,
        org_names: Iterable[str | None] = (),
        anonymous: Mapping[str, Any] | None = None,
        connection_type: str | None = None,
    ) -> str:
        """One of ``NETWORK_KINDS``; see the module docstring for the order of evidence.

        ``anonymous`` is the Anonymous-IP record of the address (None when the
        database is absent or has no record, which MaxMind means as "not
        anonymous"); ``connection_type`` the Connection-Type value, or
        ``"Cellular"`` when an ISP record carries a mobile network code.
        """
        if anonymous:
            if anonymous.get("is_tor_exit_node"):
                return "tor"
            if (
                anonymous.get("is_anonymous_vpn")
                or anonymous.get("is_public_proxy")
                or anonymous.get("is_residential_proxy")
            ):
                return "vpn"
            if anonymous.get("is_hosting_provider"):
                return "hosting"
            if anonymous.get("is_anonymous"):
                return "vpn"
        if asn is not None:
            if asn in self.tor_asns:
                return "tor"
            if asn in self.vpn_asns:
                return "vpn"
            if asn in self.hosting_asns:
                return "hosting"
        if connection_type == "Cellular":
            return "mobile"
        if asn is not None:
            if asn in self.mobile_asns:
                return "mobile"
            if asn in self.education_asns:
                return "education"
            if asn in self.residential_asns:
                return "residential"
        keyword_kind = self.kind_from_keywords(*org_names)
        if keyword_kind is not None:
            return keyword_kind
        if asn is not None or connection_type in _RESIDENTIAL_CONNECTIONS:
            return "residential"
        return "unknown"

"""A synthetic internet: countries, autonomous systems, address blocks, proxies.

Everything the simulated people connect through lives here, so that the events
and the demo GeoIP databases written beside them agree. ASNs and organisation
names are real (``world_data``); address blocks are allocated from the IPv4
and IPv6 ranges of the right regional registry, never from private,
shared (CGNAT 100.64/10) or documentation ranges, so a real GeoIP database would
also treat them as public addresses.
"""

from __future__ import annotations

import ipaddress
import random
from dataclasses import dataclass, field
from typing import Iterator

from . import world_data as data

_V6_RESIDENTIAL_SHARE = {"US": 0.45, "DE": 0.5, "FR": 0.6, "IN": 0.6, "JP": 0.4, "BR": 0.35, "GB": 0.3, "BE": 0.5, "MX": 0.3}
_HUB_COUNTRIES = {"US", "BR", "DE", "GB", "NL", "FR", "JP", "SG"}
_RELAY_HUBS = {"arin": ["US"], "lacnic": ["BR", "US"], "ripe": ["DE", "GB", "NL", "FR"], "apnic": ["JP", "SG"], "afrinic": ["GB", "DE"]}


@dataclass(slots=True)
class Block:
    """A contiguous range of one network, geolocated to one country and zone."""

    base: int
    prefixlen: int
    version: int
    country: str
    zone: str
    pool: list[int] = field(default_factory=list)  # shared public addresses (CGNAT, relay egress)

    @property
    def cidr(self) -> str:
        net = ipaddress.ip_network((self.base, self.prefixlen)) if self.version == 4 else ipaddress.IPv6Network((self.base, self.prefixlen))
        return str(net)

    @property
    def size(self) -> int:
        return 1 << ((32 if self.version == 4 else 128) - self.prefixlen)


@dataclass(slots=True)
class Network:
    """One autonomous system as seen by the service: its kind, home country and blocks."""

    asn: int
    org: str
    kind: str  # residential, mobile, hosting, vpn, relay, proxyhost, tor, business, education
    country: str
    blocks: list[Block] = field(default_factory=list)
    blocks6: list[Block] = field(default_factory=list)
    v6_share: float = 0.0
    mail_domain: str | None = None

    def block_for(self, rng: random.Random, zone: str | None = None, v6: bool = False) -> Block:
        blocks = self.blocks6 if (v6 and self.blocks6) else self.blocks
        if zone:
            matching = [b for b in blocks if b.zone == zone]
            if matching:
                return rng.choice(matching)
        return rng.choice(blocks)


@dataclass(slots=True)
class Country:
    iso: str
    weight: float
    zones: list[str]
    zone_weights: list[float]
    languages: list[str]
    locales: list[str]
    mobile_share: float
    ios_share: float
    rir: str
    mail_domains: list[str]
    mail_weights: list[float]


def v4_text(value: int) -> str:
    return f"{value >> 24}.{(value >> 16) & 255}.{(value >> 8) & 255}.{value & 255}"


def v6_text(value: int) -> str:
    return ipaddress.IPv6Address(value).compressed


class World:
    """The whole synthetic internet, deterministic for a seed."""

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(f"world-{seed}")
        self._v4_free = {rir: self._shuffled_16s(octets) for rir, octets in data.RIR_V4.items()}
        self._v6_next = {rir: 0 for rir in data.RIR_V6}
        self.countries: dict[str, Country] = {}
        self.networks: list[Network] = []
        self._index: dict[tuple[str, str], list[Network]] = {}
        self._build_countries()
        self._build_access_networks()
        self._build_providers()
        self.residential_proxy_pools = {
            "bright": self._proxy_pool(6000, flagged=0.25),
            "smart": self._proxy_pool(2500, flagged=0.12),
        }
        self.tor_exits = [b.pool for n in self.of_kind("tor") for b in n.blocks]

    # -- allocation ---------------------------------------------------------
    def _shuffled_16s(self, octets: list[int]) -> list[int]:
        units = [(a << 24) | (b << 16) for a in octets for b in range(1, 255)]
        self._rng.shuffle(units)
        return units

    def _alloc4(self, rir: str, country: str, zone: str, pool: int = 0) -> Block:
        base = self._v4_free[rir].pop()
        block = Block(base, 16, 4, country, zone)
        if pool:
            block.pool = [base + self._rng.randrange(256, 65280) for _ in range(pool)]
        return block

    def _alloc6(self, rir: str, country: str, zones: list[str]) -> list[Block]:
        hextets = data.RIR_V6[rir]
        n = self._v6_next[rir]
        self._v6_next[rir] = n + 1
        first = hextets[n % len(hextets)]
        second = 0x1000 + ((n // len(hextets)) * 0x2f1 + self._rng.randrange(0x100)) % 0xE000
        base = (first << 112) | (second << 96)
        # The /32 is split into one /36 per zone.
        return [Block(base | (i << 92), 36, 6, country, zone) for i, zone in enumerate(zones[:16])]

    def _add(self, network: Network) -> Network:
        self.networks.append(network)
        self._index.setdefault((network.country, network.kind), []).append(network)
        self._index.setdefault(("*", network.kind), []).append(network)
        return network

    def _rir(self, iso: str) -> str:
        return self.countries[iso].rir if iso in self.countries else data.COUNTRY_RIR_EXTRA.get(iso, "ripe")

    # -- construction -------------------------------------------------------
    def _build_countries(self) -> None:
        for iso, row in data.COUNTRIES.items():
            weight, zones, langs, locales, mobile, ios, rir, mail = row[:8]
            self.countries[iso] = Country(
                iso, weight, [z for z, _ in zones], [w for _, w in zones], langs, locales, mobile, ios, rir,
                list(mail), list(mail.values()),
            )

    def _build_access_networks(self) -> None:
        for iso, row in data.COUNTRIES.items():
            country = self.countries[iso]
            residential, mobile, education = row[8], row[9], row[10]
            per_zone = 2 if country.weight >= 3 else 1
            for asn, org in residential:
                net = Network(asn, org, "residential", iso, v6_share=_V6_RESIDENTIAL_SHARE.get(iso, 0.12))
                for zone in country.zones:
                    net.blocks += [self._alloc4(country.rir, iso, zone) for _ in range(per_zone)]
                net.blocks6 = self._alloc6(country.rir, iso, country.zones)
                self._add(net)
            for asn, org, v6 in mobile:
                net = Network(asn, org, "mobile", iso, v6_share=v6)
                pool = 12 + int(country.weight * 6)
                net.blocks = [self._alloc4(country.rir, iso, zone, pool=pool) for zone in country.zones]
                net.blocks6 = self._alloc6(country.rir, iso, country.zones)
                self._add(net)
            for asn, org, domain in education:
                net = Network(asn, org, "education", iso, mail_domain=domain)
                net.blocks = [self._alloc4(country.rir, iso, country.zones[0])]
                self._add(net)

    def _build_providers(self) -> None:
        for kind, table in (("hosting", data.HOSTING), ("vpn", data.VPN), ("proxyhost", data.PROXY_HOSTS), ("tor", data.TOR)):
            for asn, org, locations in table:
                for iso, zone in locations:
                    net = Network(asn, org, kind, iso)
                    pool = 48 if kind == "tor" else (96 if kind == "vpn" else 0)
                    net.blocks = [self._alloc4(self._rir(iso), iso, zone, pool=pool)]
                    if kind == "hosting":
                        net.blocks6 = self._alloc6(self._rir(iso), iso, [zone])
                    self._add(net)
        for asn, org in data.RELAY:
            for iso, country in self.countries.items():
                if iso in data.UNSUPPORTED or (country.weight < 2 and iso not in _HUB_COUNTRIES):
                    continue
                net = Network(asn, org, "relay", iso)
                net.blocks = [self._alloc4(country.rir, iso, country.zones[0], pool=40)]
                self._add(net)
        for asn, org in data.BUSINESS:
            for iso in ("US", "GB", "DE", "FR", "NL", "JP", "IN", "SG", "AU", "CA", "BR", "SE"):
                net = Network(asn, org, "business", iso)
                net.blocks = [self._alloc4(self._rir(iso), iso, self.countries[iso].zones[0])]
                self._add(net)

    def _proxy_pool(self, size: int, flagged: float) -> list[tuple[str, str, str, bool]]:
        """Exit nodes of a residential proxy provider: real home and phone connections."""
        rng = self._rng
        supported = [c for c in self.countries.values() if c.weight > 0]
        weights = [c.weight ** 0.7 for c in supported]
        exits = []
        for country in rng.choices(supported, weights, k=size):
            kind = "mobile" if rng.random() < 0.25 else "residential"
            net = rng.choice(self.of(country.iso, kind))
            if net.blocks6 and rng.random() < 0.08:  # a few providers also sell IPv6 exits
                block = rng.choice(net.blocks6)
                exits.append((World.address(rng, block), country.iso, block.zone, False))
                continue
            block = rng.choice(net.blocks)
            address = block.base + rng.randrange(256, block.size - 256)
            exits.append((v4_text(address), country.iso, block.zone, rng.random() < flagged))
        return exits

    # -- queries ------------------------------------------------------------
    def of(self, iso: str, kind: str) -> list[Network]:
        return self._index.get((iso, kind), [])

    def served(self) -> tuple[list[str], list[float]]:
        """The countries the portal serves and their weights in its population of people."""
        isos = [iso for iso, c in self.countries.items() if c.weight > 0]
        return isos, [self.countries[iso].weight for iso in isos]

    def of_kind(self, kind: str) -> list[Network]:
        return self._index.get(("*", kind), [])

    def relay_for(self, rng: random.Random, iso: str) -> Network:
        """The relay egress a user of ``iso`` gets: same country when it has one, else a hub."""
        local = self.of(iso, "relay")
        if local and rng.random() < 0.85:
            return rng.choice(local)
        hubs = _RELAY_HUBS[self.countries[iso].rir] if iso in self.countries else ["US"]
        return rng.choice(self.of(rng.choice(hubs), "relay"))

    @staticmethod
    def address(rng: random.Random, block: Block, *, pooled: bool = True) -> str:
        """A client address in ``block``: one of its shared addresses when it has a pool."""
        if block.version == 6:
            subnets = 1 << (64 - block.prefixlen)
            return v6_text(block.base | (rng.randrange(subnets) << 64) | rng.getrandbits(64) | 1)
        if pooled and block.pool:
            return v4_text(rng.choice(block.pool))
        return v4_text(block.base + rng.randrange(256, block.size - 256))

    # -- GeoIP records ------------------------------------------------------
    def _all_blocks(self) -> Iterator[tuple[Network, Block]]:
        for net in self.networks:
            for block in net.blocks + net.blocks6:
                yield net, block

    def asn_records(self) -> Iterator[tuple[str, int, str]]:
        for net, block in self._all_blocks():
            yield block.cidr, net.asn, net.org

    def city_records(self) -> Iterator[tuple[str, str, str | None]]:
        for _, block in self._all_blocks():
            yield block.cidr, block.country, block.zone

    def anonymous_records(self) -> Iterator[tuple[str, dict]]:
        """What a commercial anonymity feed would know: most, not all, of the truth."""
        for i, (net, block) in enumerate(self._all_blocks()):
            if net.kind == "hosting" or (net.kind == "proxyhost" and i % 2 == 0):
                yield block.cidr, {"is_hosting_provider": True}
            elif net.kind == "vpn" and i % 7 != 3:
                yield block.cidr, {"is_anonymous": True, "is_anonymous_vpn": True, "is_hosting_provider": True}
            elif net.kind == "tor" and block.version == 4:
                for address in sorted(set(block.pool)):
                    yield f"{v4_text(address)}/32", {"is_anonymous": True, "is_tor_exit_node": True}
        seen: set[str] = set()
        for pool in self.residential_proxy_pools.values():
            for proxy, _, _, flagged in pool:
                if flagged and proxy not in seen:
                    seen.add(proxy)
                    yield f"{proxy}/32", {"is_anonymous": True, "is_residential_proxy": True}

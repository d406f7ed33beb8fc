"""What every campaign shares: sizing, schedules, proxies, anti-detect profiles."""

from __future__ import annotations

import random
from typing import Any

from .. import emails
from ..cohort import Cohort, Sim, local_time
from ..devices import Device, build_device, pick_row, with_major
from ..world import World

BOT_AGENTS = ["python-requests/2.31.0", "python-httpx/0.27.0", "axios/1.6.8", "Go-http-client/2.0", "node-fetch/1.0", "curl/8.5.0", "okhttp/4.12.0"]
COMMON_SCREENS = ["1920x1080x24", "1920x1080x24", "1536x864x24", "1366x768x24", "1440x900x24", "2560x1440x24", "1600x900x24"]


class Campaign(Cohort):
    """A fraud archetype: ``base_size`` accounts at scale 1.0, parameters as class attributes."""

    label = "fraud"
    base_size = 100

    def __init__(self, sim: Sim, rng: random.Random, **params: Any) -> None:
        super().__init__(sim, rng)
        for key, value in params.items():
            if not hasattr(self, key):
                raise TypeError(f"{type(self).__name__} has no parameter {key!r}")
            setattr(self, key, value)

    @property
    def size(self) -> int:
        return max(3, round(self.base_size * self.sim.scale))

    def span(self, lo: float, hi: float) -> tuple[float, float]:
        """A time span given as fractions of the simulated window."""
        return self.sim.start + lo * (self.sim.end - self.sim.start), self.sim.start + hi * (self.sim.end - self.sim.start)

    # -- networks ------------------------------------------------------------
    def proxy_exit(self, pool: str = "bright", iso: str | None = None) -> tuple[str, str, str]:
        """A residential proxy exit: (address, country, zone)."""
        exits = self.sim.world.residential_proxy_pools[pool]
        for _ in range(40):
            address, country, zone, _ = self.rng.choice(exits)
            if iso is None or country == iso:
                return address, country, zone
        return address, country, zone

    def provider_ip(self, kind: str, *, iso: str | None = None, pooled: bool = True, networks: list | None = None) -> tuple[str, str, str]:
        """An address of a hosting, VPN or proxy-host network: (address, country, zone)."""
        nets = networks or self.sim.world.of_kind(kind)
        if iso:
            nets = [n for n in nets if n.country == iso] or nets
        net = self.rng.choice(nets)
        block = net.blocks[0]
        return World.address(self.rng, block, pooled=pooled), block.country, block.zone

    def carrier_ip(self, iso: str, v6_bias: float = 0.0) -> tuple[str, str]:
        """A phone's address on a mobile carrier of ``iso``: shared CGNAT or a fresh IPv6 /64."""
        net = self.rng.choice(self.sim.world.of(iso, "mobile"))
        v6 = self.rng.random() < min(1.0, net.v6_share + v6_bias)
        block = net.block_for(self.rng, v6=v6)
        return World.address(self.rng, block), block.zone

    # -- devices ------------------------------------------------------------
    def antidetect(self, *, zone: str, languages: list[str], leak: float = 0.1, lag: int = 4) -> Device:
        """An anti-detect browser profile: plausible, unique, a version or two behind, sometimes leaky."""
        rng = self.rng
        os = rng.choice(["windows", "windows", "windows", "mac"])
        row = pick_row(rng, "desktop", os, "Chrome")
        if lag and row.major > 100:
            row = with_major(row, row.major - rng.randint(0, lag))
        platform, hints = None, True
        r = rng.random()
        if r < leak * 0.5:
            platform = rng.choice(["MacIntel", "Linux x86_64"]) if os == "windows" else "Win32"
        elif r < leak:
            hints = False
        cores = rng.choice([2, 4, 4, 8, 8, 12, 16, 6])
        return build_device(rng, row, timezone=zone, languages=languages, screen=rng.choice(COMMON_SCREENS), cores=cores,
                            memory=rng.choice([8, 8, 4, 2]), platform=platform, hints=hints)

    def api_headers(self, *, browser_ua: str | None = None, language: str | None = "en-US,en;q=0.9",
                    language_share: float = 0.5) -> dict[str, str]:
        """Headers of a scripted HTTP client, sometimes dressed up with a browser's user agent.

        HTTP libraries send no Accept-Language unless told to; half the scripts are told. (Always
        sending it made the header a tell of the simulator's farms against its developers' scripts.)
        """
        headers = {"user-agent": browser_ua or self.rng.choice(BOT_AGENTS), "content-type": "application/json"}
        if language and self.rng.random() < language_share:
            headers["accept-language"] = language
        return headers

    # -- identities ---------------------------------------------------------------
    def identity(self, locale: str, *, domains: list[str], styles: list[str] | None = None, digits: float = 0.5) -> tuple[str, str | None]:
        """An email and username from a name list, the way a generator script makes them."""
        rng = self.rng
        first, last = emails.person_name(rng, locale)
        style = rng.choice(styles) if styles else None
        local = emails.local_part(rng, first, last, rng.randint(1975, 2004), style)
        if rng.random() < digits and not local[-1].isdigit():
            local += str(rng.randint(1, 9999))
        email = emails.finish(rng, local, rng.choice(domains), plus=0.0, caps=0.0)
        return email, emails.username_for(rng, first, last, local)

    def shift_time(self, zone: str, day_start: float, profile: tuple[float, ...] | None = None) -> float:
        return local_time(self.rng, zone, day_start, profile) if profile else local_time(self.rng, zone, day_start)

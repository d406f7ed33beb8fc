"""Campaigns run by people: a CAPTCHA/click farm, a free-tier cycler, geo-evaders.

Real devices, human fill times and ordinary mailboxes: the tells are in how
the pieces fit together (a clock set to Dhaka behind a US VPN exit, one
laptop opening dozens of accounts, one Gmail inbox behind many addresses).
"""

from __future__ import annotations

from .. import emails
from ..cohort import lognormal_ms
from ..devices import Device, build_device, consumer_device, pick_kind_os
from ..population import Persona, make_persona
from ..world import Network
from .base import Campaign

# (home country, device, VPN network, spoofs its clock, works nights)
Worker = tuple[str, Device, Network, bool, bool]
# (origin country, device, exit kind, exit (address, country, zone))
Evader = tuple[str, Device, str, tuple[str, str, str]]

_SHIFT = (0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 4, 4, 3, 4, 4, 4, 3, 2, 1, 0, 0, 0, 0, 0)
_NIGHT = (3, 4, 4, 4, 3, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 3)


class CaptchaFarm(Campaign):
    """Paid workers on their own laptops and phones, each opening accounts all shift through a VPN."""

    name = "captcha_farm"
    base_size = 400
    workers = (6, 12)
    homes = ["BD", "PK", "NG", "PH", "IN", "VN", "KE", "EG"]
    targets = ["US", "GB", "DE", "CA", "AU"]
    spoof_share = 0.3

    def setup(self) -> None:
        rng, world = self.rng, self.sim.world
        self.crew: list[Worker] = []
        for _ in range(rng.randint(*self.workers)):
            home = rng.choice(self.homes)
            country = world.countries[home]
            kind, os = ("desktop", "windows") if rng.random() < 0.7 else ("mobile", "android")
            languages = ["en-US", "en"] if rng.random() < 0.6 else country.languages
            device = consumer_device(rng, kind=kind, os=os, timezone=country.zones[0], languages=languages)
            target = rng.choice(self.targets)
            vpn = [n for n in world.of_kind("vpn") if n.country == target] or world.of_kind("vpn")
            self.crew.append((home, device, rng.choice(vpn), rng.random() < self.spoof_share, rng.random() < 0.25))
        per = max(1, self.size // len(self.crew))
        t0, t1 = self.span(0.1, 0.9)
        days = max(1, int((t1 - t0) // 86400))
        for worker in self.crew:
            home, device, _, _, night = worker
            for _ in range(per):
                day = t0 + rng.randrange(days) * 86400
                self.at(self.shift_time(device.timezone, day, _NIGHT if night else _SHIFT), self.signup, worker)

    def signup(self, ts: float, worker: Worker) -> dict:
        rng = self.rng
        home, device, vpn, spoof, _ = worker
        if spoof:
            device = build_device(rng, device.row, timezone=device.timezone, languages=device.languages, screen=device.screen,
                                  cores=device.cores, memory=device.memory)
        if rng.random() < 0.75:
            ip = self.sim.world.address(rng, vpn.blocks[0])
        else:
            ip = self.proxy_exit("bright", iso=vpn.country)[0]
        email, username = self.identity(rng.choice(["en_US", "en_GB", "en_US", "en_CA"]), domains=["gmail.com", "outlook.com", "yahoo.com", "hotmail.com"], digits=0.55)
        return self.event("signup", ip=ip, device=device, account=self.account_id(), email=email, username=username,
                          fill_ms=lognormal_ms(rng, 24, 0.4, 6, 180), honeypot="")


class FreeTierCycler(Campaign):
    """A few people recycling the free tier with Gmail dot and +tag aliases of their real inboxes."""

    name = "free_tier_cycler"
    base_size = 120
    cyclers = (3, 6)

    def setup(self) -> None:
        rng, world = self.rng, self.sim.world
        supported = [iso for iso, c in world.countries.items() if c.weight >= 1]
        people = []
        for _ in range(rng.randint(*self.cyclers)):
            persona = make_persona(world, rng, rng.choice(supported), companies=[], account="")
            persona.mode = "browser"
            first, last = persona.first, persona.last
            inbox = emails.local_part(rng, first, last, rng.randint(1980, 2002), rng.choice(["firstlast", "firstlast##", "first.last", "firstlastyyyy"]))
            people.append((persona, [inbox.replace(".", "")]))
        t0, t1 = self.span(0.0, 1.0)
        per = max(1, self.size // len(people))
        for persona, inboxes in people:
            t = t0 + rng.uniform(0, 86400)
            for _ in range(per):
                self.at(t, self.signup, persona, inboxes)
                t += rng.uniform(0.25, 1.5) * (t1 - t0) / per

    def signup(self, ts: float, persona: Persona, inboxes: list[str]) -> dict:
        rng, world = self.rng, self.sim.world
        email = emails.gmail_variant(rng, rng.choice(inboxes), dots=0.75, tag=0.45)
        r = rng.random()
        if r < 0.55:
            ip = persona.home_ip
        elif r < 0.8 and persona.carrier_block is not None:
            ip = world.address(rng, persona.carrier_block)
        else:
            ip = self.provider_ip("vpn")[0]
        device = persona.devices[0]
        r = rng.random()
        if r < 0.25:
            kind, os = pick_kind_os(rng, mobile_share=0.3, ios_share=0.5)
            device = consumer_device(rng, kind=kind, os=os, timezone=device.timezone, languages=device.languages)
        elif r < 0.4:
            device = build_device(rng, device.row, timezone=device.timezone, languages=device.languages, screen=device.screen)
        account = self.account_id()
        for _ in range(rng.randint(0, 3)):
            self.at(ts + rng.uniform(600, 4 * 86400), self.login, account, device, ip)
        return self.event("signup", ip=ip, device=device, account=account, email=email,
                          username=emails.username_for(rng, persona.first, persona.last, email.split("@")[0]),
                          fill_ms=rng.randint(1200, 4000) if rng.random() < 0.4 else lognormal_ms(rng, 20, 0.5, 4, 300), honeypot="")

    def login(self, ts: float, account: str, device: Device, ip: str) -> dict:
        return self.event("login", ip=ip, device=device, account=account, success=True, fill_ms=self.rng.randint(800, 9000), honeypot="")


class GeoEvasion(Campaign):
    """People from an unsupported region signing up through VPNs and 'airport' proxies."""

    name = "geo_evasion"
    base_size = 350
    origins = {"CN": 0.7, "RU": 0.2, "IR": 0.1}
    match_clock = 0.2

    def setup(self) -> None:
        rng = self.rng
        t0, t1 = self.span(0.0, 1.0)
        days = max(1, int((t1 - t0) // 86400))
        made = 0
        while made < self.size:
            origin = rng.choices(list(self.origins), list(self.origins.values()))[0]
            n = 1 if rng.random() < 0.8 else rng.randint(2, 3)
            zone = self.sim.world.countries[origin].zones[0]
            ts = self.shift_time(zone, t0 + rng.randrange(days) * 86400)
            person = self._person(origin)
            for k in range(n):
                self.at(ts + k * rng.uniform(120, 3 * 86400), self.signup, person)
            made += n

    def _person(self, origin: str) -> Evader:
        rng = self.rng
        country = self.sim.world.countries[origin]
        kind, os = pick_kind_os(rng, mobile_share=0.6, ios_share=0.45)
        exit_kind = rng.choices(["vpn", "hosting", "proxy"], [0.5, 0.4, 0.1])[0]
        if exit_kind == "proxy":
            exit_ = self.proxy_exit("smart", iso=rng.choice(["US", "JP", "SG", "HK", "GB"]))
        else:
            exit_ = self.provider_ip(exit_kind, iso=rng.choice(["US", "JP", "SG", "HK", "GB", "DE"]))
        zone = exit_[2] if rng.random() < self.match_clock else country.zones[0]
        languages = country.languages if rng.random() < 0.85 else ["en-US", "en"]
        device = consumer_device(rng, kind=kind, os=os, timezone=zone, languages=languages)
        return origin, device, exit_kind, exit_

    def signup(self, ts: float, person: Evader) -> dict:
        rng = self.rng
        origin, device, exit_kind, exit_ = person
        ip = exit_[0] if rng.random() < 0.7 else (self.proxy_exit("smart")[0] if exit_kind == "proxy" else self.provider_ip(exit_kind, iso=exit_[1])[0])
        country = self.sim.world.countries[origin]
        if origin == "CN" and rng.random() < 0.3:
            email = f"{rng.randint(10**8, 4 * 10**9)}@qq.com"
            username = None
        else:
            domain = rng.choices(country.mail_domains, country.mail_weights)[0]
            email, username = self.identity(country.locales[0], domains=[domain], digits=0.5)
        account = self.account_id()
        if rng.random() < 0.5:
            self.at(ts + rng.uniform(3600, 6 * 86400), self.login, account, device, exit_)
        return self.event("signup", ip=ip, device=device, account=account, email=email, username=username,
                          fill_ms=lognormal_ms(rng, 35, 0.5, 5, 600), honeypot="")

    def login(self, ts: float, account: str, device: Device, exit_: tuple[str, str, str]) -> dict:
        return self.event("login", ip=exit_[0], device=device, account=account, success=True,
                          fill_ms=lognormal_ms(self.rng, 8, 0.5, 1, 60), honeypot="")

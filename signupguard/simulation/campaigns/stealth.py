"""Campaigns built to blend in: residential low-and-slow, and a camouflaged cluster.

Both copy what the legitimate population looks like (names, devices, timing,
residential addresses); what gives them away is structure that only shows
across accounts: proxy exits reused days apart, browser profiles reappearing
behind different addresses, accounts that wake up together.
"""

from __future__ import annotations

import random

from ..cohort import lognormal_ms
from ..devices import Device
from ..population import LegitPopulation, Persona, human_fill, make_persona
from .base import Campaign


class ResidentialLowAndSlow(Campaign):
    """Few accounts a day through residential proxies and anti-detect browsers, each with its own profile."""

    name = "residential_low_slow"
    base_size = 350
    targets = ["US", "US", "GB", "DE", "FR", "CA", "AU"]
    geo_match = 0.85
    reuse_exit = 0.3
    operator_zone = "Europe/Moscow"

    def setup(self) -> None:
        rng = self.rng
        t0, t1 = self.span(0.0, 1.0)
        days = max(1, int((t1 - t0) // 86400))
        for _ in range(self.size):
            iso = rng.choice(self.targets)
            zone = self.sim.world.countries[iso].zones[0]
            self.at(self.shift_time(zone, t0 + rng.randrange(days) * 86400), self.signup, iso)
        self.last_exit: tuple[str, str, str] | None = None

    def signup(self, ts: float, iso: str) -> dict:
        rng, world = self.rng, self.sim.world
        if self.last_exit is not None and rng.random() < self.reuse_exit:
            exit_ = self.last_exit
        else:
            exit_ = self.proxy_exit(rng.choice(["bright", "smart"]), iso=iso)
        self.last_exit = exit_
        ip, country, zone = exit_
        match = rng.random() < self.geo_match
        languages = world.countries[country].languages if match else ["en-US", "en"]
        device = self.antidetect(zone=zone if match else self.operator_zone, languages=languages, leak=0.1, lag=6)
        email, username = self.identity(rng.choice(world.countries[country].locales),
                                        domains=world.countries[country].mail_domains[:4], digits=0.35)
        account = self.account_id()
        if rng.random() < 0.4:
            self.at(ts + rng.uniform(6 * 3600, 5 * 86400), self.login, account, device, country)
        return self.event("signup", ip=ip, device=device, account=account, email=email, username=username,
                          fill_ms=lognormal_ms(rng, 28, 0.45, 8, 400), honeypot="")

    def login(self, ts: float, account: str, device: Device, country: str) -> dict:
        ip = self.proxy_exit("bright", iso=country)[0]
        return self.event("login", ip=ip, device=device, account=account, success=True,
                          fill_ms=lognormal_ms(self.rng, 7, 0.5, 1.5, 60), honeypot="")


class CamouflagedCluster(Campaign):
    """Accounts cut from the legitimate population's own cloth, run from a small pool of exits and profiles."""

    name = "camouflaged"
    base_size = 300
    exit_pool = 80
    profile_pool = 40
    profile_reuse = 0.5
    warmups = 3

    def setup(self) -> None:
        rng, world = self.rng, self.sim.world
        population = LegitPopulation(self.sim, random.Random(0))
        self.supported, self.weights = population.supported, population.weights
        self.exits = [self.proxy_exit("bright") for _ in range(self.exit_pool)]
        self.profiles = []
        for _ in range(self.profile_pool):
            iso = rng.choices(self.supported, self.weights)[0]
            self.profiles.append(make_persona(world, rng, iso, companies=[], account="").devices[0])
        t0, t1 = self.span(0.05, 0.8)
        days = max(1, int((t1 - t0) // 86400))
        self.accounts: list[tuple] = []
        for _ in range(self.size):
            iso = rng.choices(self.supported, self.weights)[0]
            persona = make_persona(world, rng, iso, companies=[], account=self.account_id())
            persona.mode = "browser"
            self.at(self.shift_time(persona.devices[0].timezone, t0 + rng.randrange(days) * 86400), self.signup, persona)
        for _ in range(self.warmups):  # the whole cluster logs in together to look active
            self.at(rng.uniform(*self.span(0.5, 1.0)), self.warmup)

    def signup(self, ts: float, persona: Persona) -> dict:
        rng = self.rng
        same_country = [e for e in self.exits if e[1] == persona.country]
        ip, _, _ = rng.choice(same_country) if same_country and rng.random() < 0.7 else rng.choice(self.exits)
        device = rng.choice(self.profiles) if rng.random() < self.profile_reuse else persona.devices[0]
        self.accounts.append((persona, device))
        return self.event("signup", ip=ip, device=device, account=persona.account, email=persona.email, username=persona.username,
                          fill_ms=human_fill(rng, persona), honeypot="")

    def warmup(self, ts: float) -> None:
        rng = self.rng
        for persona, device in self.accounts:
            if rng.random() < 0.7:
                self.at(ts + rng.uniform(0, 3600), self.login, persona, device)
        return None

    def login(self, ts: float, persona: Persona, device: Device) -> dict:
        ip = self.rng.choice(self.exits)[0]
        return self.event("login", ip=ip, device=device, account=persona.account, success=True,
                          fill_ms=human_fill(self.rng, persona, login=True), honeypot="")

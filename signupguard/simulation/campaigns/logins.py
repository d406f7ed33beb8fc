"""Attacks on logins: credential stuffing from combo lists, and takeover of aged accounts."""

from __future__ import annotations

import random

from .. import emails
from ..devices import Device, pick_row
from ..population import LegitPopulation
from .base import Campaign


class CredentialStuffing(Campaign):
    """Combo-list logins through rotating proxies: mostly failures, a few reused passwords that work."""

    name = "credential_stuffing"
    base_size = 3000  # login attempts
    waves = (2, 4)
    hit_rate = 0.015

    def setup(self) -> None:
        rng = self.rng
        self.population = LegitPopulation(self.sim, random.Random(0))
        self.agents = [pick_row(rng, "desktop", rng.choice(["windows", "mac"])).ua for _ in range(40)]
        self.starts = [rng.uniform(*self.span(0.1, 0.95)) for _ in range(rng.randint(*self.waves))]
        for _ in range(self.size):
            self.at(rng.choice(self.starts) + rng.uniform(0, rng.uniform(2, 6) * 3600), self.attempt)
        self.sticky: tuple[str, int] | None = None

    def attempt(self, ts: float) -> dict:
        rng = self.rng
        if self.sticky and self.sticky[1] > 0:
            ip = self.sticky[0]
            self.sticky = (ip, self.sticky[1] - 1)
        else:
            ip = self.proxy_exit("bright")[0] if rng.random() < 0.8 else self.provider_ip("hosting", pooled=False)[0]
            if rng.random() < 0.2:
                self.sticky = (ip, rng.randint(3, 10))
        headers = {"user-agent": rng.choice(self.agents), "accept-language": "en-US,en;q=0.9"}
        if rng.random() < self.hit_rate:
            victim = self.population.existing_persona(rng.randrange(self.sim.existing_accounts or 2000))
            return self.event("login", ip=ip, device=None, account=victim.account, email=victim.email, success=rng.random() < 0.35,
                              headers=headers, fill_ms=rng.randint(150, 900) if rng.random() < 0.5 else None)
        first, last = emails.person_name(rng, rng.choice(["en_US", "en_GB", "de_DE", "fr_FR", "es_ES"]))
        email = emails.finish(rng, emails.local_part(rng, first, last, rng.randint(1960, 2005)),
                              rng.choice(["gmail.com", "yahoo.com", "hotmail.com", "aol.com", "outlook.com"]), plus=0, caps=0)
        return self.event("login", ip=ip, device=None, account=None, email=email, success=False, headers=headers,
                          fill_ms=rng.randint(150, 900) if rng.random() < 0.5 else None)


class AccountTakeover(Campaign):
    """Aged legitimate accounts logged into from a new device and network, after a guess or two."""

    name = "account_takeover"
    base_size = 60

    def setup(self) -> None:
        rng = self.rng
        self.population = LegitPopulation(self.sim, random.Random(0))
        for _ in range(self.size):
            self.at(rng.uniform(*self.span(0.05, 1.0)), self.takeover, rng.randrange(self.sim.existing_accounts or 2000), 0)

    def takeover(self, ts: float, index: int, step: int) -> dict:
        rng = self.rng
        victim = self.population.existing_persona(index)
        if rng.random() < 0.6:
            ip, iso, zone = self.proxy_exit("bright", iso=victim.country)
        else:
            ip, iso, zone = self.provider_ip(rng.choice(["vpn", "hosting"]), iso=victim.country)
        languages = victim.languages if rng.random() < 0.5 else ["en-US", "en"]
        device = self.antidetect(zone=victim.zone if rng.random() < 0.5 else zone, languages=languages, leak=0.1)
        failures = rng.choice([0, 0, 1, 2])
        if step < failures:
            self.at(ts + rng.uniform(5, 120), self.takeover, index, step + 1)
            success = False
        else:
            success = True
            for _ in range(rng.randint(0, 3)):
                self.at(ts + rng.uniform(600, 2 * 86400), self.use, victim.account, device, ip)
        return self.event("login", ip=ip, device=device, account=victim.account, email=victim.email if rng.random() < 0.7 else None,
                          success=success, fill_ms=rng.randint(1500, 12000), honeypot="")

    def use(self, ts: float, account: str, device: Device, ip: str) -> dict:
        return self.event("login", ip=ip, device=device, account=account, success=True, fill_ms=self.rng.randint(1000, 8000), honeypot="")

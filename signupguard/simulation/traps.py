"""Legitimate crowds that look like attacks: the detector must let them through.

A university event (hundreds of signups behind one NAT within hours, lab PCs
sharing one fingerprint), a company onboarding its staff behind one egress with
one address template, a hackathon on venue Wi-Fi, and a press mention that
multiplies one country's signups for an afternoon.
"""

from __future__ import annotations

import random

from . import emails
from .cohort import DAY, Cohort, Sim, lognormal_ms, local_midnight, local_time
from .devices import build_device, consumer_device, pick_kind_os, pick_row
from .population import Persona, connect, make_companies, make_persona, request
from .world import World


def _size(sim: Sim, rng: random.Random, low: int, high: int) -> int:
    factor = min(3.0, max(0.25, sim.legit / 20000))
    return max(5, int(rng.randint(low, high) * factor))


def _weekday_start(sim: Sim, rng: random.Random, lo: float = 0.15, hi: float = 0.9) -> float:
    for _ in range(50):
        day = int(sim.days * rng.uniform(lo, hi))
        day_start = sim.start + day * DAY
        if (int(day_start // DAY) + 3) % 7 < 5:
            return day_start
    return sim.start + int(sim.days * lo) * DAY


class UniversityEvent(Cohort):
    """Orientation day: a whole lecture hall signs up at once through the campus NAT."""

    name = "trap_university"

    def setup(self) -> None:
        sim, rng = self.sim, self.rng
        universities = [n for n in sim.world.of_kind("education")]
        self.uni = rng.choice(universities)
        block = self.uni.blocks[0]
        self.nat = [World.address(rng, block, pooled=False) for _ in range(rng.choice([1, 1, 2]))]
        country = sim.world.countries[self.uni.country]
        self.zone, self.languages = block.zone, country.languages
        row = pick_row(rng, "desktop", "windows", "Chrome")
        self.lab = [build_device(rng, row, timezone=self.zone, languages=self.languages, screen="1920x1080x24", cores=8, memory=8,
                                 canvas=f"lab-image-{rng.getrandbits(24)}", touch=0)]
        self.lab.append(build_device(rng, row, timezone=self.zone, languages=["en-US", "en"], screen="1920x1080x24", cores=8, memory=8,
                                     canvas=self.lab[0].fingerprint, touch=0))  # second lab with the English image
        start = local_midnight(self.zone, _weekday_start(sim, rng)) + rng.uniform(9, 14) * 3600
        n = _size(sim, rng, 200, 500)
        for _ in range(n):
            delay = rng.expovariate(1 / 1500) if rng.random() < 0.7 else rng.uniform(0, 4 * 3600)
            self.at(start + delay, self.signup)

    def signup(self, ts: float) -> dict:
        rng, world = self.rng, self.sim.world
        iso = self.uni.country
        persona = make_persona(world, rng, iso, companies=[], account=self.account_id())
        persona.mode = "browser"
        persona.via = "campus"
        student_id = f"{persona.first[0]}{persona.last[0]}{rng.randint(100, 9999)}" if rng.random() < 0.5 else f"s{rng.randint(1000000, 2999999)}"
        if rng.random() < 0.6:
            persona.email = f"{student_id if rng.random() < 0.5 else persona.first + '.' + persona.last}@{rng.choice(['', 'student.'])}{self.uni.mail_domain}"
            persona.username = student_id if rng.random() < 0.5 else persona.username
        if rng.random() < 0.6:
            device = rng.choice(self.lab)
            ip = rng.choice(self.nat)
        else:
            device = persona.devices[0]
            ip = rng.choice(self.nat) if rng.random() < 0.85 else connect(world, rng, persona, device)
        return request(self, ts, "signup", persona, device, ip, fill_ms=lognormal_ms(rng, 40, 0.5, 6, 600))


class CompanyOnboarding(Cohort):
    """A customer company rolls the product out: all staff, one egress, one address template."""

    name = "trap_onboarding"

    def setup(self) -> None:
        sim, rng = self.sim, self.rng
        self.company = make_companies(sim.world, rng, 1)[0]
        self.company.style = rng.choice(["first.last", "flast", "f.last"])
        day_start = _weekday_start(sim, rng)
        for _ in range(_size(sim, rng, 150, 350)):
            day = day_start + (DAY if rng.random() < 0.35 else 0)
            self.at(local_time(rng, self.company.zone, day, _WORKDAY), self.signup)

    def signup(self, ts: float) -> dict:
        rng, company = self.rng, self.company
        locale = rng.choice(self.sim.world.countries[company.country].locales)
        first, last = emails.person_name(rng, locale)
        local = emails.local_part(rng, first, last, 1990, company.style)
        row, screen, canvas = company.image
        languages = self.sim.world.countries[company.country].languages
        if rng.random() < 0.8:
            device = build_device(rng, row, timezone=company.zone, languages=languages, screen=screen, cores=8, memory=8, canvas=canvas)
        else:
            kind, os = pick_kind_os(rng, mobile_share=0.6, ios_share=0.6)
            device = consumer_device(rng, kind=kind, os=os, timezone=company.zone, languages=languages)
        persona = Persona(self.account_id(), company.country, company.zone, languages, first, last, f"{local}@{company.domain}",
                          local if rng.random() < 0.3 else None, [device], rng.choice(company.egress), None, None)
        persona.password_manager = rng.random() < 0.4
        return request(self, ts, "signup", persona, device, rng.choice(company.egress))


_WORKDAY = (0, 0, 0, 0, 0, 0, 0, 0.5, 3, 6, 6, 5, 3, 5, 6, 5, 4, 2, 0.5, 0.2, 0, 0, 0, 0)


class Hackathon(Cohort):
    """A class or hackathon: a room of people from everywhere on one venue connection."""

    name = "trap_hackathon"

    def setup(self) -> None:
        sim, rng = self.sim, self.rng
        venue = rng.choice(sim.world.of_kind("business"))
        self.ip = World.address(rng, venue.blocks[0], pooled=False)
        self.venue = venue
        start = local_midnight(venue.blocks[0].zone, sim.start + int(sim.days * rng.uniform(0.2, 0.95)) * DAY) + rng.uniform(9, 18) * 3600
        for _ in range(_size(sim, rng, 40, 150)):
            self.at(start + rng.expovariate(1 / 1200), self.signup)

    def signup(self, ts: float) -> dict:
        rng, world = self.rng, self.sim.world
        home = rng.choice([iso for iso, c in world.countries.items() if c.weight >= 1])
        persona = make_persona(world, rng, home, companies=[], account=self.account_id())
        persona.mode = "browser"
        device = persona.devices[0]
        if rng.random() < 0.5:  # laptops of developers: more Macs and Linux
            os = rng.choice(["mac", "mac", "linux", "windows"])
            tz = device.timezone if rng.random() < 0.3 else self.venue.blocks[0].zone
            device = consumer_device(rng, kind="desktop", os=os, timezone=tz, languages=persona.languages)
        if rng.random() < 0.15 and "@gmail.com" in persona.email:
            persona.email = persona.email.replace("@", "+hackathon@", 1)
        return request(self, ts, "signup", persona, device, self.ip if rng.random() < 0.9 else connect(world, rng, persona, device))


class PressSpike(Cohort):
    """A newspaper mentions the product: one country's signups surge for an afternoon."""

    name = "trap_press"

    def setup(self) -> None:
        sim, rng = self.sim, self.rng
        self.iso = rng.choice(["BR", "DE", "FR", "GB", "JP", "IN", "ES", "IT"])
        zone = sim.world.countries[self.iso].zones[0]
        start = local_midnight(zone, sim.start + int(sim.days * rng.uniform(0.1, 0.95)) * DAY) + rng.uniform(8, 19) * 3600
        for _ in range(max(10, int(0.025 * sim.legit))):
            self.at(start + rng.expovariate(1 / 5400), self.signup)

    def signup(self, ts: float) -> dict:
        persona: Persona = make_persona(self.sim.world, self.rng, self.iso, companies=self.sim.notes.get("companies", []), account=self.account_id())
        device = persona.devices[0]
        return request(self, ts, "signup", persona, device, connect(self.sim.world, self.rng, persona, device))


TRAPS: dict[str, type[Cohort]] = {c.name: c for c in (UniversityEvent, CompanyOnboarding, Hackathon, PressSpike)}

"""Real people whose devices look alike by design or by circumstance.

Two legitimate crowds that a detector trained only on ordinary browsers would
mistake for farms:

* **Privacy-hardened browsers.** Tor Browser, Mullvad Browser, LibreWolf and
  Firefox with ``privacy.resistFingerprinting`` report the same things on every
  machine: a UTC clock (newer Firefox: Atlantic/Reykjavik), ``en-US``, a window
  letterboxed to a few sizes, few cores, no device memory, and a blank canvas.
  Their users share a handful of fingerprints across every country and network,
  and their clocks agree with no address's country.
* **Internet cafés** (PC bangs, net cafés, LAN shops): one address on an
  ordinary ISP, dozens of PCs cloned from one disk image, and a stream of
  different people signing up through them, day and night.
"""

from __future__ import annotations

import random

from . import emails
from .cohort import DAY, Cohort, Sim, lognormal_ms, local_time, poisson
from .devices import UARow, build_device, pick_row, weighted, with_major
from .population import Persona, connect, make_persona, request
from .world import World

PRIVACY_SHARE = 0.006  # of the legitimate signups
CAFE_SIGNUPS_PER_DAY = (0.5, 4.0)  # of this portal's, per café (drawn once)
# Open from late morning to the small hours; busiest in the evening.
CAFE_HOURS = (4.0, 3.0, 2.0, 1.0, 0.3, 0.1, 0.1, 0.2, 0.4, 0.8, 1.5, 2.5, 3.5, 4.0, 4.5, 5.0, 5.5, 6.0, 6.5, 7.0, 7.0, 6.5, 6.0, 5.0)
CAFE_COUNTRIES = ("KR", "VN", "PH", "ID", "IN", "BR", "TR", "EG", "PK", "NG", "MX", "TH", "BD")

# What a letterboxed window reports (steps of 200 x 100), and the usual inner windows of maximised browsers.
_LETTERBOX = [("1400x900x24", 40), ("1000x900x24", 20), ("1200x800x24", 15), ("1400x800x24", 10), ("1000x1000x24", 8),
              ("1600x900x24", 7)]
_RFP_WINDOWS = [("1920x955x24", 35), ("1536x730x24", 20), ("1366x657x24", 15), ("1440x789x24", 10), ("2560x1315x24", 10),
                ("1280x665x24", 10)]
_PRIVATE_MAIL = {"proton.me": 40, "protonmail.com": 20, "tuta.com": 8, "posteo.de": 5, "mailbox.org": 5, "disroot.org": 2,
                 "gmail.com": 20}
_ALIASES = ("simplelogin.com", "aleeas.com", "anonaddy.me", "mozmail.com", "duck.com")


def _gecko(platform_token: str, major: int) -> UARow:
    """A Firefox User-Agent as a hardened browser reports it (Windows-spoofed or the real OS)."""
    ua = f"Mozilla/5.0 ({platform_token}; rv:{major}.0) Gecko/20100101 Firefox/{major}.0"
    os = "windows" if platform_token.startswith("Windows") else ("mac" if "Mac" in platform_token else "linux")
    platform = {"windows": "Win32", "mac": "MacIntel", "linux": "Linux x86_64"}[os]
    return UARow(ua, "Firefox", os, "desktop", platform, "", major)


class PrivacyBrowsers(Cohort):
    """Tor Browser, Mullvad Browser, LibreWolf and Firefox in resistFingerprinting mode."""

    name = "legit_privacy_browsers"

    def __init__(self, sim: Sim, rng: random.Random) -> None:
        super().__init__(sim, rng)
        self.supported, self.weights = sim.world.served()
        self.per_day = PRIVACY_SHARE * sim.legit / max(1, sim.days)

    def arrivals(self, day: int, day_start: float) -> None:
        rng = self.rng
        for _ in range(poisson(rng, self.per_day)):
            iso = rng.choices(self.supported, self.weights)[0]
            persona = make_persona(self.sim.world, rng, iso, companies=[], account=self.account_id())
            self._harden(persona)
            self.at(local_time(rng, persona.zone, day_start), self.signup, persona)

    def _harden(self, persona: Persona) -> None:
        rng, world = self.rng, self.sim.world
        browser = rng.choices(["tor", "mullvad", "rfp"], [0.2, 0.15, 0.65])[0]
        if browser in ("tor", "mullvad"):
            # Every desktop claims Windows, the same ESR, a letterboxed window and two to four cores.
            row = _gecko("Windows NT 10.0", rng.choice([115, 128, 128]))
            device = build_device(rng, row, timezone="UTC", languages=["en-US", "en"], screen=weighted(rng, _LETTERBOX),
                                  cores=2, memory=None, touch=0, canvas=f"{browser}-blank", hints=False)
            network = rng.choice(world.of_kind("tor" if browser == "tor" else "vpn"))
            persona.via, persona.via_network = "vpn", network
        else:
            token = rng.choices(["Windows NT 10.0; Win64; x64", "X11; Linux x86_64", "Macintosh; Intel Mac OS X 10.15"], [0.5, 0.35, 0.15])[0]
            row = _gecko(token, rng.choice([128, 133, 134]))
            zone = "UTC" if rng.random() < 0.8 else "Atlantic/Reykjavik"
            languages = ["en-US", "en"] if rng.random() < 0.8 else persona.languages
            # Newer releases randomise canvas reads per session: then the fingerprint is the person's own.
            canvas = "rfp-blank" if rng.random() < 0.5 else None
            device = build_device(rng, row, timezone=zone, languages=languages, screen=weighted(rng, _RFP_WINDOWS),
                                  cores=rng.choice([2, 4, 4]), memory=None, touch=0, canvas=canvas, hints=False)
            if rng.random() < 0.3:
                persona.via, persona.via_network = "vpn", rng.choice(world.of_kind("vpn"))
            else:
                persona.via, persona.via_network = "home", None
        persona.devices = [device]
        persona.mode, persona.app_agent, persona.visiting = "browser", None, None
        persona.password_manager = rng.random() < 0.6
        persona.email = self._address(persona)

    def _address(self, persona: Persona) -> str:
        rng = self.rng
        r = rng.random()
        if r < 0.25:
            return f"{emails.random_local(rng, rng.randint(8, 12))}@{rng.choice(_ALIASES)}"
        if r < 0.35:
            return f"{persona.first}@{persona.last}{rng.choice(['.net', '.org', '.dev', '.eu', '.me'])}"
        domain = rng.choices(list(_PRIVATE_MAIL), list(_PRIVATE_MAIL.values()))[0]
        return emails.finish(rng, emails.local_part(rng, persona.first, persona.last, rng.randint(1965, 2005)), domain)

    def _ip(self, persona: Persona) -> str:
        network = persona.via_network
        if network is not None and network.kind == "tor":  # Tor Browser has no other way out
            return World.address(self.rng, network.blocks[0])
        return connect(self.sim.world, self.rng, persona, persona.devices[0])

    def signup(self, ts: float, persona: Persona) -> dict:
        rng = self.rng
        if rng.random() < 0.3:
            self.at(ts + rng.expovariate(1 / (2 * DAY)) + 300, self.login, persona)
        return request(self, ts, "signup", persona, persona.devices[0], self._ip(persona))

    def login(self, ts: float, persona: Persona) -> dict:
        return request(self, ts, "login", persona, persona.devices[0], self._ip(persona), success=True)


class InternetCafes(Cohort):
    """Net cafés: cloned PCs behind one ordinary address, and a stream of different customers."""

    name = "legit_internet_cafes"

    def setup(self) -> None:
        sim, rng, world = self.sim, self.rng, self.sim.world
        served, _ = world.served()
        countries = [iso for iso in CAFE_COUNTRIES if iso in served]
        self.cafes = []
        for _ in range(max(2, sim.legit // 6000)):
            iso = rng.choice(countries)
            country = world.countries[iso]
            network = rng.choice(world.of(iso, "residential") + world.of(iso, "business"))
            block = network.blocks[0]
            addresses = [World.address(rng, block, pooled=False) for _ in range(rng.choice([1, 1, 1, 2]))]
            row = pick_row(rng, "desktop", "windows", rng.choice(["Chrome", "Chrome", "Edge"]))
            if rng.random() < 0.5 and row.major > 100:  # images are rebuilt rarely
                row = with_major(row, row.major - rng.randint(3, 20))
            image = build_device(rng, row, timezone=block.zone, languages=list(country.languages), screen=rng.choice(["1920x1080x24", "2560x1440x24"]),
                                 cores=rng.choice([8, 12, 16]), memory=8, touch=0, canvas=f"cafe-image-{rng.getrandbits(32):08x}")
            rate = rng.uniform(*CAFE_SIGNUPS_PER_DAY)
            self.cafes.append((iso, block.zone, addresses, image, rate))

    def arrivals(self, day: int, day_start: float) -> None:
        rng = self.rng
        for cafe in self.cafes:
            for _ in range(poisson(rng, cafe[4])):
                self.at(local_time(rng, cafe[1], day_start, CAFE_HOURS), self.signup, cafe)

    def signup(self, ts: float, cafe: tuple) -> dict:
        rng, world = self.rng, self.sim.world
        iso, _zone, addresses, image, _rate = cafe
        persona = make_persona(world, rng, iso, companies=[], account=self.account_id())
        persona.mode, persona.visiting = "browser", None
        own = persona.devices[0]
        # Most use the café's PC; some sign up on their own phone over its Wi-Fi.
        device = own if (own.row.kind != "desktop" and rng.random() < 0.2) else image
        if rng.random() < 0.5:  # back to use what they signed up for, from home or the phone
            self.at(ts + rng.expovariate(1 / DAY) + 600, self.login_home, persona)
        fill = lognormal_ms(self.rng, 35, 0.7, 4, 600)
        return request(self, ts, "signup", persona, device, rng.choice(addresses), fill_ms=fill)

    def login_home(self, ts: float, persona: Persona) -> dict:
        device = persona.devices[0]
        return request(self, ts, "login", persona, device, connect(self.sim.world, self.rng, persona, device), success=True)


CROWDS: dict[str, type[Cohort]] = {c.name: c for c in (PrivacyBrowsers, InternetCafes)}

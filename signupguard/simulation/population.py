"""Legitimate people: who they are, what they use, how they connect.

A ``Persona`` is built entirely from its own random stream, so an existing
account can be re-created on demand (its logins then come from the same
devices) instead of being kept in memory. The mess is deliberate: phones behind
carrier NAT and IPv6, work laptops behind one corporate egress, iCloud Private
Relay, VPNs, travellers whose device clock is set elsewhere, expats whose
browser speaks another language, password managers, API clients and no-JS
browsers.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from . import emails
from .cohort import DAY, OFFICE, Cohort, Sim, lognormal_ms, local_time, poisson
from .devices import Device, build_device, consumer_device, pick_kind_os, pick_row
from .world import Block, Network, World
from .world_data import GATEWAYS, UNSUPPORTED

_MAC_BOOST = {"US": 1.8, "GB": 1.6, "JP": 1.5, "AU": 1.6, "CA": 1.5, "SE": 1.4, "NO": 1.4, "NL": 1.3, "SG": 1.5, "HK": 1.5}
_EXPAT_ORIGINS = ["IN", "CN", "MX", "PL", "TR", "BR", "PH", "UA", "VN", "FR", "DE", "RU", "KR", "ES", "NG", "PK", "EG"]
_APP_AGENTS = [
    "SignupGuardDemo/4.2.1 (iPhone; iOS 17.5.1; Scale/3.00)", "SignupGuardDemo/4.2.0 (iPhone; iOS 18.1; Scale/3.00)",
    "okhttp/4.12.0", "okhttp/4.9.3", "Dalvik/2.1.0 (Linux; U; Android 14; SM-S918B Build/UP1A.231005.007)",
    "Dalvik/2.1.0 (Linux; U; Android 13; Pixel 7 Build/TQ3A.230901.001)", "SignupGuardDemo/4.1.9 CFNetwork/1496.0.7 Darwin/23.5.0",
]
# What developers sign up and log in with through the portal's API: HTTP tools and their own
# scripts, from their laptops or from the cloud machines they work on.
_DEVELOPER_AGENTS = [
    "curl/8.5.0", "curl/8.7.1", "curl/7.81.0", "python-requests/2.31.0", "python-requests/2.32.3", "python-httpx/0.27.0",
    "PostmanRuntime/7.39.0", "PostmanRuntime/7.43.0", "HTTPie/3.2.2", "insomnia/9.2.0", "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)",
    "axios/1.7.2", "Go-http-client/2.0", "Go-http-client/1.1",
]
DEVELOPER_API_SHARE = 0.025  # of desktop users
DEVELOPER_CLOUD_SHARE = 0.35  # of those, working from a cloud machine


@dataclass(slots=True)
class Company:
    domain: str
    country: str
    zone: str
    network: Network
    egress: list[str]
    image: tuple  # (UA row, screen, canvas) of the managed laptop fleet
    style: str


@dataclass(slots=True)
class Persona:
    account: str
    country: str
    zone: str  # where they live
    languages: list[str]
    first: str
    last: str
    email: str
    username: str | None
    devices: list[Device]
    home_ip: str
    carrier: Network | None
    carrier_block: Block | None
    via: str = "home"  # home, relay, vpn, work, campus, cloud (a developer's machine at a hosting provider)
    via_network: Network | None = None
    cloud_ip: str | None = None
    visiting: str | None = None  # country travelled to
    mode: str = "browser"  # browser, nojs, api
    app_agent: str | None = None
    password_manager: bool = False
    egress: list[str] = field(default_factory=list)


def pick_country(rng: random.Random, world: World, supported: list[str], weights: list[float]) -> str:
    return rng.choices(supported, weights)[0]


def make_persona(world: World, rng: random.Random, iso: str, *, companies: list[Company], account: str) -> Persona:
    """One real-looking person of country ``iso``, with their devices and connections."""
    country = world.countries[iso]
    zone = rng.choices(country.zones, country.zone_weights)[0]
    languages, locale = list(country.languages), rng.choice(country.locales)
    expat_clock = None
    if rng.random() < 0.08:  # expats: another mother tongue, often another name
        origin = world.countries[rng.choice(_EXPAT_ORIGINS)]
        if origin.iso in UNSUPPORTED and rng.random() < 0.25:
            expat_clock = origin.zones[0]  # a laptop still on home time, months after the move
        if rng.random() < 0.6:
            locale = rng.choice(origin.locales)
        languages = origin.languages[:2] + [tag for tag in languages if tag.startswith("en")][:1] if rng.random() < 0.5 else languages
        if rng.random() < 0.5:
            languages = list(dict.fromkeys(origin.languages[:2] + languages[:2]))
    elif rng.random() < 0.12 and not languages[0].startswith("en"):
        languages = ["en-US", "en"] + languages[:1]  # browser installed in English
    first, last = emails.person_name(rng, locale)
    year = rng.choices(range(1950, 2009), [1 + min(i, 40) for i in range(59)])[0]
    kind, os = pick_kind_os(rng, mobile_share=country.mobile_share, ios_share=country.ios_share, mac_boost=_MAC_BOOST.get(iso, 1.0))
    visiting = None
    device_zone = zone if expat_clock is None or kind != "desktop" else expat_clock
    if rng.random() < 0.045:  # travellers: phones follow the local clock, laptops keep home time
        visiting = rng.choice([c for c in world.countries if world.countries[c].weight >= 1 and c != iso])
        if kind != "desktop" and rng.random() < 0.75:
            device_zone = world.countries[visiting].zones[0]
    local_companies = [c for c in companies if c.country == iso]
    company = rng.choice(local_companies) if (local_companies and kind == "desktop" and rng.random() < 0.12) else None
    if company is not None and rng.random() < 0.55:
        row, screen, canvas = company.image
        device = build_device(rng, row, timezone=company.zone, languages=languages, screen=screen, cores=8, memory=8, canvas=canvas)
    else:
        device = consumer_device(rng, kind=kind, os=os, timezone=device_zone, languages=languages)
    devices = [device]
    if rng.random() < 0.35:  # a second device for later logins
        kind2, os2 = pick_kind_os(rng, mobile_share=0.5 if kind == "desktop" else 0.0, ios_share=country.ios_share)
        devices.append(consumer_device(rng, kind=kind2, os=os2, timezone=device_zone, languages=languages))
    # Email.
    domain = rng.choices(country.mail_domains, country.mail_weights)[0]
    r = rng.random()
    if company is not None:
        local = emails.local_part(rng, first, last, year, company.style)
        email = f"{local}@{company.domain}"
    elif r < 0.015:
        email, local = emails.relay_address(rng), ""
    elif r < 0.021:
        local = emails.local_part(rng, first, last, year)
        email = f"{local}@{rng.choice(emails.DISPOSABLE)}"
    else:
        local = emails.local_part(rng, first, last, year)
        email = emails.finish(rng, local, domain)
    username = emails.username_for(rng, first, last, local or email.split("@")[0])
    # Connections.
    home_net = rng.choice(world.of(iso, "residential"))
    v6 = rng.random() < home_net.v6_share
    home_block = home_net.block_for(rng, zone, v6=v6)
    home_ip = World.address(rng, home_block)
    carriers = world.of(iso, "mobile")
    carrier = rng.choice(carriers) if carriers else None
    carrier_block = carrier.block_for(rng, zone) if carrier else None
    persona = Persona(account, iso, zone, languages, first, last, email, username, devices, home_ip, carrier, carrier_block, visiting=visiting)
    safari = device.row.browser in ("Mobile Safari", "Safari")
    r = rng.random()
    if company is not None:
        persona.via, persona.egress = "work", company.egress
    elif safari and r < 0.14:
        persona.via, persona.via_network = "relay", world.relay_for(rng, iso)
    elif r < 0.035 + (0.03 if iso in ("AE", "SA", "TR", "EG", "PK") else 0):
        vpn = rng.choice(world.of_kind("vpn"))
        persona.via, persona.via_network = "vpn", vpn
    m = rng.random()
    if m < 0.035:
        persona.mode = "nojs"
    elif m < 0.08 and kind == "mobile":
        persona.mode, persona.app_agent = "api", rng.choice(_APP_AGENTS)
    elif m < 0.035 + DEVELOPER_API_SHARE and kind == "desktop":
        persona.mode, persona.app_agent = "api", rng.choice(_DEVELOPER_AGENTS)
        clouds = world.of(iso, "hosting") or world.of_kind("hosting")
        if clouds and company is None and rng.random() < DEVELOPER_CLOUD_SHARE:
            persona.via, persona.via_network = "cloud", rng.choice(clouds)
    persona.password_manager = rng.random() < 0.13
    return persona


def connect(world: World, rng: random.Random, persona: Persona, device: Device) -> str:
    """The address this persona's request arrives from, this time."""
    if persona.via == "work" and persona.egress and device is persona.devices[0]:
        return rng.choice(persona.egress)
    if persona.via in ("relay", "vpn") and persona.via_network is not None and rng.random() < 0.9:
        return World.address(rng, persona.via_network.blocks[0])
    if persona.via == "cloud" and persona.via_network is not None:
        if persona.cloud_ip is None:  # one development machine, kept for the whole run
            persona.cloud_ip = World.address(rng, rng.choice(persona.via_network.blocks), pooled=False)
        return persona.cloud_ip
    if persona.visiting and rng.random() < 0.8:
        if device.row.kind != "desktop" and persona.carrier_block is not None and rng.random() < 0.5:
            return World.address(rng, persona.carrier_block)  # roaming data is home-routed
        net = rng.choice(world.of(persona.visiting, "residential") + world.of(persona.visiting, "business"))
        return World.address(rng, net.blocks[0], pooled=False)
    if device.row.kind != "desktop" and persona.carrier is not None and persona.carrier_block is not None and rng.random() < 0.62:
        if rng.random() < persona.carrier.v6_share:
            return World.address(rng, persona.carrier.block_for(rng, persona.zone, v6=True))
        return World.address(rng, persona.carrier_block)
    return persona.home_ip


def human_fill(rng: random.Random, persona: Persona | None, *, login: bool = False) -> int:
    # A password manager or the browser's autofill fills the fields, and the person still reads
    # and clicks: a second to ten or so, not a fixed band. Everyone else types, at speeds that
    # spread widely; fills of 3-8 s are common among real people, so no fill time alone is a tell.
    if persona is not None and persona.password_manager and rng.random() < 0.8:
        return lognormal_ms(rng, 1.0, 0.5, 0.35, 8) if login else lognormal_ms(rng, 3.2, 0.55, 0.9, 20)
    if rng.random() < 0.015:
        return rng.randint(300_000, 3_600_000)  # tab left open
    return lognormal_ms(rng, 9 if login else 28, 0.8, 2.0, 900)


def request(cohort: Cohort, ts: float, kind: str, persona: Persona, device: Device, ip: str, *, success: bool | None = None,
            fill_ms: int | None = None, cohort_name: str | None = None, typo: bool = False) -> dict:
    """A request made by a persona: the browser form, a no-JS form or the mobile app's API."""
    rng = cohort.rng
    if persona.mode == "api":
        headers = {"user-agent": persona.app_agent or "okhttp/4.12.0", "content-type": "application/json"}
        if rng.random() < (0.15 if persona.app_agent in _DEVELOPER_AGENTS else 0.7):
            headers["accept-language"] = device.headers.get("accept-language", "en-US")
        return cohort.event(kind, ip=ip, device=None, account=persona.account, email=persona.email if kind == "signup" else None,
                            username=persona.username if kind == "signup" else None, success=success, headers=headers, cohort=cohort_name)
    fill = fill_ms if fill_ms is not None else human_fill(rng, persona, login=kind == "login")
    honeypot = "" if rng.random() > 0.003 else rng.choice([persona.first.title(), persona.email])  # autofill mishap
    show_email = kind == "signup" or typo or rng.random() < 0.6
    email = persona.email
    if typo:  # a mistyped address matches no account: the portal cannot name one
        cut = rng.randrange(1, max(2, email.index("@")))
        email = email[:cut] + email[cut + 1:]
    return cohort.event(kind, ip=ip, device=device if persona.mode == "browser" else None, account=None if typo else persona.account,
                        email=email if show_email else None, username=persona.username if kind == "signup" else None,
                        success=success, fill_ms=fill, honeypot=honeypot, headers=device.headers, cohort=cohort_name)


def make_companies(world: World, rng: random.Random, n: int) -> list[Company]:
    companies = []
    for _ in range(n):
        business = rng.choice(world.of_kind("business"))
        block = business.blocks[0]
        if business.asn in GATEWAYS:
            # Staff behind a cloud security gateway leave through many of its addresses, in other
            # /24s from one connection to the next; the company's managed laptops go with them.
            egress = [World.address(rng, block, pooled=False) for _ in range(rng.randint(6, 16))]
        else:
            base = World.address(rng, block, pooled=False).rsplit(".", 1)[0]
            egress = [f"{base}.{rng.randrange(2, 250)}" for _ in range(rng.choice([1, 1, 2, 3]))]
        os = rng.choice(["windows", "windows", "windows", "mac"])
        row = pick_row(rng, "desktop", os)
        image = (row, rng.choice(["1920x1080x24", "1536x864x24", "1512x982x30" if os == "mac" else "1366x768x24"]), f"fleet{rng.getrandbits(32):08x}")
        style = rng.choice(["first.last", "first.last", "flast", "firstlast", "f.last", "first"])
        companies.append(Company(emails.company_domain(rng), block.country, block.zone, business, egress, image, style))
    return companies


class LegitPopulation(Cohort):
    """Everyday signups across ~40 countries, and logins by new and existing users."""

    name = "legit"
    label = "legit"

    def __init__(self, sim: Sim, rng: random.Random) -> None:
        super().__init__(sim, rng)
        world = sim.world
        self.supported, self.weights = world.served()
        self.companies = make_companies(world, random.Random(f"{sim.seed}-companies"), max(20, sim.legit // 350))
        self.per_day = sim.legit / max(1, sim.days)
        self.existing = max(2000, sim.legit)
        sim.existing_accounts = self.existing
        sim.notes["companies"] = self.companies

    def existing_persona(self, index: int) -> Persona:
        """An account created before the window, re-created identically whenever it logs in."""
        rng = random.Random(f"{self.sim.seed}-existing-{index}")
        iso = rng.choices(self.supported, self.weights)[0]
        return make_persona(self.sim.world, rng, iso, companies=self.companies, account=f"u-{rng.getrandbits(64):016x}")

    def arrivals(self, day: int, day_start: float) -> None:
        rng = self.rng
        weekday = (int(day_start // DAY) + 3) % 7  # 0 = Monday
        factor = (1.0, 1.02, 1.0, 0.98, 0.95, 0.85, 0.9)[weekday] * (1 + 0.04 * day / max(1, self.sim.days))
        for _ in range(poisson(rng, self.per_day * factor)):
            iso = rng.choices(self.supported, self.weights)[0]
            persona = make_persona(self.sim.world, rng, iso, companies=self.companies, account=self.account_id())
            profile = OFFICE if persona.via == "work" else None
            ts = local_time(rng, persona.devices[0].timezone, day_start, profile) if profile else local_time(rng, persona.devices[0].timezone, day_start)
            self.at(ts, self.signup, persona)
        for _ in range(poisson(rng, 0.15 * self.per_day * factor)):
            persona = self.existing_persona(rng.randrange(self.existing))
            self.at(local_time(rng, persona.devices[0].timezone, day_start), self.login, persona, 0)

    def signup(self, ts: float, persona: Persona) -> dict:
        rng = self.rng
        device = persona.devices[0]
        event = request(self, ts, "signup", persona, device, connect(self.sim.world, rng, persona, device))
        if rng.random() < 0.3:
            self.at(ts + rng.expovariate(1 / (1.5 * DAY)) + 60, self.login, persona, 0)
        if rng.random() < 0.25:  # some come back straight away on the other device or after verifying mail
            self.at(ts + rng.uniform(60, 1800), self.login, persona, 0)
        return event

    def login(self, ts: float, persona: Persona, failures: int) -> dict:
        rng = self.rng
        device = persona.devices[0] if (len(persona.devices) == 1 or rng.random() < 0.75) else persona.devices[1]
        ip = connect(self.sim.world, rng, persona, device)
        success = True
        if failures == 0 and rng.random() < 0.045:
            success = False
            retries = 1 if rng.random() < 0.85 else rng.randint(2, 5)
            for i in range(retries):
                self.at(ts + (i + 1) * rng.uniform(8, 90), self.retry, persona, device, ip, i == retries - 1)
        elif rng.random() < 0.25:
            self.at(ts + rng.expovariate(1 / (3 * DAY)) + 600, self.login, persona, 0)
        return request(self, ts, "login", persona, device, ip, success=success, typo=not success and rng.random() < 0.25)

    def retry(self, ts: float, persona: Persona, device: Device, ip: str, last: bool) -> dict:
        success = last and self.rng.random() < 0.9
        return request(self, ts, "login", persona, device, ip, success=success)

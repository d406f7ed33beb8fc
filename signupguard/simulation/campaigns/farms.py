"""Automated farms: the proxy hydra, the datacenter flood, the emulator/SIM farm, the adaptive bot.

Each rotates what is cheap to rotate (addresses, mailbox names, canvas noise)
and keeps what is expensive (its tooling), but never every tell on every
account: no single feature separates a campaign from the legitimate crowd.
"""

from __future__ import annotations

from .. import emails
from ..cohort import lognormal_ms
from ..devices import Device, UARow, build_device, pick_row
from .base import Campaign

_EMULATOR_MODELS = ["SM-G977N", "ASUS_Z01QD", "SM-N976N", "Pixel 4", "SM-G955N", "V2054A", "SM-S908E", "G011A"]


class HydraFarm(Campaign):
    """A distillation-scale account farm (the 25,000-account campaign, a two-week slice at scale 1).

    Commercial residential and datacenter proxies across many countries, an
    anti-detect profile pool, half the signups straight against the API, and
    the accounts then log in repeatedly to use what they opened.
    """

    name = "hydra"
    base_size = 2500
    residential_share = 0.7
    api_share = 0.5
    profile_pool = 300
    geo_match = 0.6
    canvas_noise = 0.7
    logins = (0, 5)
    locales = ["en_US", "en_US", "zh_CN", "en_GB", "de_DE", "fr_FR", "es_ES", "pt_BR", "en_IN"]

    def setup(self) -> None:
        rng = self.rng
        self.domains = emails.owned_domains(rng, 10)
        self.profiles = [self.antidetect(zone="Asia/Shanghai", languages=["en-US", "en"], leak=0.12) for _ in range(self.profile_pool)]
        t0, t1 = self.span(0.0, 1.0)
        bursts = [rng.uniform(t0, t1) for _ in range(max(3, self.size // 150))]
        for _ in range(self.size):
            ts = rng.uniform(t0, t1) if rng.random() < 0.6 else rng.choice(bursts) + rng.expovariate(1 / 1800)
            self.at(ts, self.signup)

    def _address(self) -> tuple[str, str, str]:
        if self.rng.random() < self.residential_share:
            return self.proxy_exit(self.rng.choice(["bright", "bright", "smart"]))
        return self.provider_ip(self.rng.choice(["hosting", "hosting", "proxyhost"]), pooled=False)

    def signup(self, ts: float) -> dict:
        rng = self.rng
        ip, iso, zone = self._address()
        mail_domains = ["gmail.com", "gmail.com", "outlook.com", "hotmail.com", "proton.me"] if rng.random() < 0.65 else self.domains
        email, username = self.identity(rng.choice(self.locales), domains=mail_domains,
                                        styles=["firstlast##", "first.last##", "firstlastyyyy", "flast", "first###", "first.last"])
        account = self.account_id()
        for _ in range(rng.randint(*self.logins)):
            self.at(ts + rng.expovariate(1 / 172800) + 300, self.login, account)
        if rng.random() < self.api_share:
            base = rng.choice(self.profiles)
            headers = self.api_headers(browser_ua=base.ua if rng.random() < 0.6 else None)
            return self.event("signup", ip=ip, device=None, account=account, email=email, username=username, headers=headers)
        device = self._profile(zone, iso)
        return self.event("signup", ip=ip, device=device, account=account, email=email, username=username,
                          fill_ms=lognormal_ms(rng, 4.5, 0.5, 1.2, 30), honeypot="")

    def _profile(self, zone: str, iso: str) -> Device:
        rng = self.rng
        base = rng.choice(self.profiles)
        match = rng.random() < self.geo_match
        languages = self.sim.world.countries[iso].languages if match and iso in self.sim.world.countries else base.languages
        canvas = None if rng.random() < self.canvas_noise else base.fingerprint
        return build_device(rng, base.row, timezone=zone if match else base.timezone, languages=languages, screen=base.screen,
                            cores=base.cores, memory=base.memory, platform=base.platform, canvas=canvas, hints="sec-ch-ua" in base.headers)

    def login(self, ts: float, account: str) -> dict:
        ip, iso, zone = self._address()
        if self.rng.random() < 0.7:
            return self.event("login", ip=ip, device=None, account=account, success=True, headers=self.api_headers())
        return self.event("login", ip=ip, device=self._profile(zone, iso), account=account, success=True,
                          fill_ms=lognormal_ms(self.rng, 3, 0.5, 0.8, 20), honeypot="")


class DatacenterFlood(Campaign):
    """Cloud VMs running headless browsers in bursts: some announce themselves, most are patched."""

    name = "datacenter_flood"
    base_size = 900
    bursts = 3
    vms = (20, 60)
    disposable_share = 0.45
    honeypot_rate = 0.08

    def setup(self) -> None:
        rng = self.rng
        hosting = self.sim.world.of_kind("hosting")
        providers = rng.sample(hosting, k=min(len(hosting), rng.randint(3, 6)))
        self.machines = []
        for _ in range(rng.randint(*self.vms)):
            ip, iso, zone = self.provider_ip("hosting", networks=providers, pooled=False)
            self.machines.append((ip, zone, self._browser(zone)))
        self.domains = emails.owned_domains(rng, 4)
        starts = [rng.uniform(*self.span(0.05, 0.92)) for _ in range(self.bursts)]
        for i in range(self.size):
            start = starts[i % len(starts)]
            self.at(start + rng.uniform(0, rng.uniform(1, 3) * 3600), self.signup)

    def _browser(self, zone: str) -> Device:
        rng = self.rng
        mode = rng.choices(["headless", "patched", "script"], [0.3, 0.55, 0.15])[0]
        tz = "UTC" if rng.random() < 0.5 else zone
        if mode == "headless":
            major = rng.choice([120, 124, 128, 131, 133])
            row = UARow(f"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/{major}.0.0.0 Safari/537.36",
                        "Chrome", "linux", "desktop", "Linux x86_64", "", major)
            return build_device(rng, row, timezone=tz, languages=["en-US"], screen=rng.choice(["800x600x24", "1280x720x24"]),
                                cores=rng.choice([2, 4]), memory=rng.choice([2, 4, 8]), webdriver=rng.random() < 0.7, accept="")
        if mode == "patched":
            row = pick_row(rng, "desktop", "windows", "Chrome")
            return build_device(rng, row, timezone=tz, languages=["en-US", "en"], screen=rng.choice(["1920x1080x24", "1280x720x24", "800x600x24"]),
                                cores=rng.choice([2, 4, 8]), memory=rng.choice([2, 4, 8]), webdriver=rng.random() < 0.25,
                                platform="Linux x86_64" if rng.random() < 0.5 else None, canvas="swiftshader")
        device = build_device(rng, pick_row(rng, "desktop", "windows", "Chrome"), timezone=tz, languages=["en-US"], collector=False, hints=False)
        return device

    def signup(self, ts: float) -> dict:
        rng = self.rng
        ip, zone, device = rng.choice(self.machines)
        r = rng.random()
        if r < self.disposable_share:
            email = f"{emails.random_local(rng, rng.randint(7, 12))}@{rng.choice(emails.DISPOSABLE)}"
        elif r < self.disposable_share + 0.25:
            email = f"{emails.random_local(rng, rng.randint(8, 13))}@{rng.choice(['gmail.com', 'outlook.com', 'hotmail.com'])}"
        else:
            email, _ = self.identity("en_US", domains=self.domains)
        fill = rng.randint(250, 2500) if rng.random() < 0.7 else rng.randint(3000, 15000)
        honeypot = "" if rng.random() > self.honeypot_rate else rng.choice(["http://example.com", email, "John"])
        username = email.split("@")[0] if rng.random() < 0.5 else None
        return self.event("signup", ip=ip, device=device, account=self.account_id(), email=email, username=username,
                          fill_ms=fill if device.collector or rng.random() < 0.5 else None, honeypot=honeypot)


class EmulatorFarm(Campaign):
    """Android emulators with SIM cards on mobile carriers: shared images, carrier NAT, shift work."""

    name = "emulator_farm"
    base_size = 600
    images = (12, 30)
    rotate_canvas = 0.3
    countries = ["ID", "IN", "VN", "PH", "NG", "BR"]

    def setup(self) -> None:
        rng = self.rng
        self.where = rng.sample(self.countries, 2)
        self.images_ = []
        for _ in range(rng.randint(*self.images)):
            iso = rng.choice(self.where)
            row = pick_row(rng, "mobile", "android", "Chrome Mobile")
            model = rng.choice(_EMULATOR_MODELS)
            version = rng.choice(["9", "10", "11", "12"])
            ua = f"Mozilla/5.0 (Linux; Android {version}; {model}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{row.major}.0.0.0 Mobile Safari/537.36"
            row = UARow(ua, row.browser, "android", "mobile", row.platform, version, row.major)
            self.images_.append((iso, row, rng.choice(["1280x720x24", "900x1600x24", "720x1280x24", "540x960x24", "412x915x24", "360x640x24"]),
                                 "Linux x86_64" if rng.random() < 0.6 else "Linux armv8l", 0 if rng.random() < 0.35 else rng.choice([1, 5]),
                                 rng.choice([4, 8]), rng.choice([2, 4]), f"emu{rng.getrandbits(32):08x}",
                                 ["en-US"] if rng.random() < 0.5 else self.sim.world.countries[iso].languages))
        self.modems = {iso: [self.carrier_ip(iso)[0] for _ in range(8)] for iso in self.where}
        t0, t1 = self.span(0.25, 0.85)
        days = max(1, int((t1 - t0) // 86400))
        shift = (0, 0, 0, 0, 0, 0, 0, 0, 2, 4, 4, 4, 3, 4, 4, 4, 3, 2, 1, 0.5, 0, 0, 0, 0)
        for _ in range(self.size):
            iso = rng.choice(self.where)
            self.at(self.shift_time(self.sim.world.countries[iso].zones[0], t0 + rng.randrange(days) * 86400, shift), self.signup, iso)

    def signup(self, ts: float, iso: str) -> dict:
        rng = self.rng
        candidates = [img for img in self.images_ if img[0] == iso] or self.images_
        _, row, screen, platform, touch, cores, memory, canvas, languages = rng.choice(candidates)
        zone = self.sim.world.countries[iso].zones[0]
        device = build_device(rng, row, timezone=zone, languages=languages, screen=screen, platform=platform, touch=touch, cores=cores,
                              memory=memory, canvas=None if rng.random() < self.rotate_canvas else canvas)
        ip = rng.choice(self.modems[iso]) if rng.random() < 0.4 else self.carrier_ip(iso)[0]
        email, username = self.identity(self.sim.world.countries[iso].locales[0], domains=["gmail.com"],
                                        styles=["firstlastyyyy", "first###", "firstlast##", "first.last##"], digits=0.7)
        account = self.account_id()
        if rng.random() < 0.3:
            self.at(ts + rng.uniform(3600, 5 * 86400), self.login, account, device, iso)
        return self.event("signup", ip=ip, device=device, account=account, email=email, username=username,
                          fill_ms=lognormal_ms(rng, 7, 0.35, 2.5, 25), honeypot="")

    def login(self, ts: float, account: str, device: Device, iso: str) -> dict:
        return self.event("login", ip=self.carrier_ip(iso)[0], device=device, account=account, success=True,
                          fill_ms=lognormal_ms(self.rng, 4, 0.4, 1, 15), honeypot="")


class AdaptiveCampaign(Campaign):
    """A bot that changes one tactic each time it is blocked: proxies, then mailboxes, then fingerprints."""

    name = "adaptive"
    base_size = 700
    switch_after = (0.25, 0.5, 0.75)  # share of its accounts after which it is "blocked" and adapts
    pause_hours = (6, 24)

    def setup(self) -> None:
        rng = self.rng
        self.domains = emails.owned_domains(rng, 3)
        row = pick_row(rng, "desktop", "windows", "Chrome")
        self.base = build_device(rng, row, timezone="America/New_York", languages=["en-US", "en"], screen="1920x1080x24", cores=4, memory=8)
        t, end = self.span(rng.uniform(0.1, 0.3), 0.98)
        cuts = [int(f * self.size) for f in self.switch_after]
        pauses = [rng.uniform(*self.pause_hours) * 3600 for _ in cuts]
        # Pauses shrink with short windows, so every phase fits in the simulation.
        squeeze = min(1.0, 0.5 * (end - t) / max(1.0, sum(pauses)))
        gap = max(1.0, (end - t - squeeze * sum(pauses)) / self.size)
        for i in range(self.size):
            phase = sum(i >= c for c in cuts)
            if i in cuts:
                t += squeeze * pauses[cuts.index(i)]
            # Mostly steady batches, with idle stretches: the same mean gap either way.
            t += rng.expovariate(1 / (0.4 * gap)) if rng.random() < 0.8 else rng.expovariate(1 / (3.4 * gap))
            self.at(t, self.signup, phase)

    def signup(self, ts: float, phase: int) -> dict:
        rng = self.rng
        if phase >= 1:
            ip, iso, zone = self.proxy_exit("smart")
        else:
            ip, iso, zone = self.provider_ip("hosting", pooled=False)
        if phase >= 2:
            email, username = self.identity(rng.choice(["en_US", "en_GB", "en_CA"]), domains=["gmail.com", "gmail.com", "outlook.com", "yahoo.com"])
        else:
            domain = rng.choice(emails.DISPOSABLE) if rng.random() < 0.7 else rng.choice(self.domains)
            email, username = f"{emails.random_local(rng, rng.randint(8, 11), digits=rng.random() < 0.5)}@{domain}", None
        if phase >= 3:
            device = self.antidetect(zone=zone if rng.random() < 0.7 else "America/New_York", languages=["en-US", "en"], leak=0.15)
        else:
            device = build_device(rng, self.base.row, timezone=self.base.timezone, languages=self.base.languages, screen=self.base.screen,
                                  cores=4, memory=8, canvas="puppeteer-default", webdriver=rng.random() < 0.4)
        fill = rng.randint(800, 4000) if phase < 3 else lognormal_ms(rng, 12, 0.5, 3, 60)
        return self.event("signup", ip=ip, device=device, account=self.account_id(), email=email, username=username,
                          fill_ms=fill, honeypot="", cohort=f"adaptive/phase{phase}")

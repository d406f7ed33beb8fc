"""What enrichment derives from a raw event. Plain data, no behaviour.

Every enricher fills one of these records; ``features.py`` reads them. A field
that could not be derived (no database, malformed input, collector absent) is
``None`` or the documented neutral value, never an exception.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

NETWORK_KINDS = ("hosting", "vpn", "tor", "mobile", "education", "residential", "unknown")
DEVICE_CLASSES = ("desktop", "mobile", "tablet", "bot", "unknown")


@dataclass(slots=True)
class IPInfo:
    address: str | None = None  # canonical text; None when the event's ip is not an address
    version: int = 0  # 4, 6, or 0 when unknown
    prefix: str | None = None  # the /24 (IPv4) or /64 (IPv6), e.g. "81.2.69.0/24"
    prefix_wide: str | None = None  # the /16 or /48
    asn: int | None = None
    as_org: str | None = None
    country: str | None = None  # ISO 3166 alpha-2
    geo_timezone: str | None = None  # IANA zone of the address's location
    is_anonymous: bool = False
    is_vpn: bool = False
    is_hosting: bool = False
    is_tor: bool = False
    is_public_proxy: bool = False
    is_residential_proxy: bool = False
    is_private: bool = False  # loopback, RFC 1918, link-local ...
    network_kind: str = "unknown"  # one of NETWORK_KINDS


@dataclass(slots=True)
class EmailInfo:
    present: bool = False
    valid: bool = False  # syntax only, no DNS
    normalized: str | None = None  # canonical mailbox: case, Gmail dots, +tags removed
    local: str | None = None  # local part as typed, lower case
    domain: str | None = None  # lower case, IDNA-decoded
    disposable: bool = False
    freemail: bool = False
    role: bool = False  # admin@, info@, support@ ...
    plus_tag: bool = False  # a +tag was present and removed
    dots_removed: int = 0  # dots removed by Gmail normalisation
    local_length: int = 0
    local_digits: int = 0
    local_entropy: float = 0.0  # Shannon entropy of the local part, bits per char
    template: str | None = None  # shape of the local part, e.g. "llll.llll##"


@dataclass(slots=True)
class UAInfo:
    present: bool = False
    family: str | None = None  # "Chrome", "Firefox", "Mobile Safari" ...
    major: int | None = None
    os_family: str | None = None
    device_class: str = "unknown"  # one of DEVICE_CLASSES
    is_headless: bool = False  # HeadlessChrome, PhantomJS ...
    is_automation: bool = False  # curl, python-requests, Selenium, Puppeteer tokens ...
    is_script: bool = False  # an HTTP library or tool (curl, python-requests ...), not a mobile app's (okhttp ...)
    client_hints_present: bool = False
    client_hints_mismatch: bool = False  # sec-ch-ua brand/platform/mobile disagree with the UA
    # A Chromium UA (90+, not iOS) that sent no Client Hints at all; None when no hints are expected.
    client_hints_missing: bool | None = None
    # A Chrome or Edge of 113+ whose User-Agent is not the reduced one such builds send (a phone
    # model, an old OS, a full build number); None for browsers that are not judged. For reviewers:
    # not a model feature.
    unreduced: bool | None = None
    version_age: int | None = None  # newest major seen for the family minus this major
    accept_language: str | None = None  # primary language tag of Accept-Language, lower case


@dataclass(slots=True)
class DeviceInfo:
    collector_present: bool = False
    fingerprint: str | None = None
    # The device as velocity counts it: the fingerprint with the clock and languages the collector
    # reported (see analyse_device).
    identity: str | None = None
    webdriver: bool = False
    timezone: str | None = None
    tz_country_mismatch: bool | None = None  # device zone is not used in the IP's country; None for UTC
    clock_non_geographic: bool | None = None  # UTC, GMT, Etc/GMT±N; None without a clock
    tz_offset_diff_hours: float | None = None  # |UTC offset(device zone) - offset(IP zone)|; 0 for a zone of the IP's country
    lang_header_mismatch: bool | None = None  # device languages vs Accept-Language
    lang_country_mismatch: bool | None = None  # no language of the device is spoken in the IP's country
    screen_mismatch: bool | None = None  # screen size implausible for the UA's device class
    touch_mismatch: bool | None = None  # touch points implausible for the UA's device class
    platform_mismatch: bool | None = None  # navigator.platform vs UA operating system
    # The collector's WebGL renderer (enrichment/gpu.py): its kind (software, virtual, emulator,
    # mobile, desktop, apple, other; None when none or a masked one was sent), and whether it names
    # a chip or drawing API no real device of the UA's operating system has.
    gpu: str | None = None
    gpu_kind: str | None = None
    gpu_mismatch: bool | None = None
    # The clock's zone is used only in RESTRICTED_COUNTRIES; None without a clock or a list.
    clock_restricted: bool | None = None
    # The first language names a region in RESTRICTED_COUNTRIES (zh-CN, fa-IR); None without a list.
    language_restricted: bool | None = None
    hardware_concurrency: int | None = None
    device_memory: float | None = None
    screen: str | None = None


@dataclass(slots=True)
class FormInfo:
    fill_ms: int | None = None
    honeypot_filled: bool = False
    replayed: bool = False  # its render token was spent by an earlier signup (render_tokens): no fill time


@dataclass(slots=True)
class Enrichment:
    ip: IPInfo
    email: EmailInfo
    ua: UAInfo
    device: DeviceInfo
    form: FormInfo

    def summary(self) -> dict[str, Any]:
        """The ``--enrichment`` object of the replay contract (fields may be added)."""
        return {
            "asn": self.ip.asn,
            "as_org": self.ip.as_org,
            "country": self.ip.country,
            "network_kind": self.ip.network_kind,
            "ip_prefix": self.ip.prefix,
            "email_normalized": self.email.normalized,
            "email_disposable": self.email.disposable,
            "email_domain": self.email.domain,
            "ua_family": self.ua.family,
            "ua_major": self.ua.major,
            "os_family": self.ua.os_family,
            "device_class": self.ua.device_class,
            "gpu_kind": self.device.gpu_kind,
        }

    def to_dict(self) -> dict[str, Any]:
        """Everything, JSON-serialisable, for storage next to the attempt."""
        return {
            "ip": asdict(self.ip),
            "email": asdict(self.email),
            "ua": asdict(self.ua),
            "device": asdict(self.device),
            "form": asdict(self.form),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Enrichment":
        return cls(
            ip=IPInfo(**data["ip"]),
            email=EmailInfo(**data["email"]),
            ua=UAInfo(**data["ua"]),
            device=DeviceInfo(**data["device"]),
            form=FormInfo(**data["form"]),
        )

"""Device and form enrichment: the collector's fields checked against UA and IP.

A real browser's time zone, languages, screen, touch support and
``navigator.platform`` agree with each other, with its User-Agent and, mostly,
with where its IP address is. Emulated and automated browsers get some of them
wrong. Each check is ``None`` when one side is unknown, so a missing collector
or database reads as "no evidence", not as "consistent". The collector's data is
attacker-controlled JSON: every field tolerates any type and never raises.

The user-agent part lives in ``useragent.py`` and is re-exported here.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping
from zoneinfo import ZoneInfo

from .gpu import analyse_gpu
from .types import DeviceInfo, FormInfo, IPInfo, UAInfo
from .useragent import _LINUX_OS, UserAgentAnalyser, primary_language

__all__ = ["UserAgentAnalyser", "analyse_device", "analyse_form"]

_DATA = Path(__file__).resolve().parent.parent / "data"
MAX_FINGERPRINT = 128
MAX_FILL_MS = 86_400_000  # a day: older render stamps are not a fill time
_NON_GEOGRAPHIC = frozenset({
    "UTC", "UCT", "GMT", "GMT0", "GMT+0", "GMT-0", "Greenwich", "Universal", "Zulu", "Factory",
})
# Deprecated codes that old Android and Java locales still send.
_LANGUAGE_ALIASES = {"iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro", "fil": "tl", "nb": "no", "nn": "no"}
_SCREEN = re.compile(r"\s*(\d{1,6})\s*[xX×*]\s*(\d{1,6})(?:\s*[xX×*]\s*\d{1,3})?\s*")
_PLATFORM_OS: dict[str, frozenset[str]] = {
    "Windows": frozenset({"windows"}),
    "Mac OS X": frozenset({"mac"}),
    "iOS": frozenset({"ios", "mac"}),
    "Android": frozenset({"linux"}),
    "Chrome OS": frozenset({"linux"}),
    **{name: frozenset({"linux"}) for name in _LINUX_OS},
}


def _language(tag: object) -> str | None:
    """Primary language subtag, lower case, with deprecated codes mapped."""
    return _language_tag(tag[:64]) if isinstance(tag, str) else None


@lru_cache(maxsize=4096)
def _language_tag(tag: str) -> str | None:
    primary = tag.strip().lower().replace("_", "-").split("-", 1)[0]
    if not (1 < len(primary) < 9 and primary.isascii() and primary.isalpha()):
        return None
    return _LANGUAGE_ALIASES.get(primary, primary)


def _load_json(name: str, key: str) -> dict[str, list[str]]:
    return json.loads((_DATA / name).read_text(encoding="utf-8"))[key]


_ZONE_COUNTRIES: dict[str, frozenset[str]] = {
    zone: frozenset(countries) for zone, countries in _load_json("zone_countries.json", "zones").items()
}
_TZ_COUNTRIES: frozenset[str] = frozenset().union(*_ZONE_COUNTRIES.values())
_COUNTRY_LANGUAGES: dict[str, frozenset[str]] = {
    country: frozenset(filter(None, map(_language, languages)))
    for country, languages in _load_json("country_languages.json", "countries").items()
}


@lru_cache(maxsize=1024)
def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except Exception:  # noqa: BLE001 - ValueError, ZoneInfoNotFoundError, OSError on odd keys
        return None


def _number(value: Any) -> float | None:
    """A finite number from an int, float or numeric string; bools and junk are None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        if len(value) > 32:
            return None
        try:
            value = float(value.strip())
        except ValueError:
            return None
    if isinstance(value, int):
        try:
            value = float(value)
        except OverflowError:  # JSON integers have no size limit; floats stop near 1.8e308
            return None
    if isinstance(value, float) and math.isfinite(value):
        return float(value)
    return None


def _bounded_int(value: Any, low: int, high: int) -> int | None:
    if type(value) is int:  # what JSON gives: no float round trip needed
        return value if low <= value <= high else None
    number = _number(value)
    if number is None or number != int(number) or not low <= number <= high:
        return None
    return int(number)


def _timezone(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    name = value.strip()
    if not name or len(name) > 64 or _zone(name) is None:
        return None
    return name


def _clock_restricted(zone: str, restricted: frozenset[str]) -> bool | None:
    """Whether every country using ``zone`` is restricted (Asia/Shanghai: CN); None for UTC and unknown zones."""
    countries = _ZONE_COUNTRIES.get(zone)
    return None if countries is None else countries <= restricted


def _region(tag: object) -> str | None:
    """The region subtag of a language tag, upper case: ``"zh-Hans-CN"`` → ``"CN"``."""
    return _region_tag(tag[:64]) if isinstance(tag, str) else None


@lru_cache(maxsize=4096)
def _region_tag(tag: str) -> str | None:
    for part in tag.split(";", 1)[0].strip().replace("_", "-").split("-")[1:]:
        if len(part) == 2 and part.isascii() and part.isalpha():
            return part.upper()
    return None


def _tz_country_mismatch(zone: str, country: str | None) -> bool | None:
    """Whether the address's country does not use ``zone``; None for UTC and zones of no known country."""
    countries = _ZONE_COUNTRIES.get(zone)
    if countries is None or country not in _TZ_COUNTRIES:
        return None
    return country not in countries


def _non_geographic(zone: str) -> bool:
    """UTC, GMT and Etc/GMT±N: the default of servers and containers, and what Tor Browser and
    Firefox's resistFingerprinting report on every machine. Not someone else's country's clock."""
    return zone in _NON_GEOGRAPHIC or zone.startswith("Etc/")


def _offset_hours(zone: ZoneInfo, when: dt.datetime) -> float | None:
    offset = when.astimezone(zone).utcoffset()
    return None if offset is None else offset.total_seconds() / 3600.0


def _tz_offset_diff(device_zone: str, ip_zone: str | None, when: Any) -> float | None:
    if not ip_zone or not isinstance(when, dt.datetime):
        return None
    if device_zone == ip_zone and 1 < when.year < 9999 and _zone(device_zone) is not None:
        return 0.0  # most people: the same zone has the same offset (far from datetime's limits)
    a, b = _zone(device_zone), _zone(ip_zone)
    if a is None or b is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    try:
        first, second = _offset_hours(a, when), _offset_hours(b, when)
    except (OverflowError, ValueError):
        return None
    return None if first is None or second is None else abs(first - second)


def _languages(value: Any) -> list[str]:
    """Primary subtags of navigator.languages, in order, at most ten."""
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, (list, tuple)):
        return []
    out = []
    for item in value[:10]:
        if isinstance(item, str):
            language = _language_tag(item.split(";", 1)[0][:64])
            if language is not None:
                out.append(language)
    return out


def _lang_country_mismatch(languages: list[str], country: str | None) -> bool | None:
    spoken = _COUNTRY_LANGUAGES.get(country) if country else None
    if spoken is None or not languages:
        return None
    # English is accepted everywhere: it is the default UI language of many
    # devices and the shared language of travellers and expats.
    return "en" not in languages and spoken.isdisjoint(languages)


def _screen(value: Any) -> tuple[str | None, tuple[int, int] | None]:
    return _screen_text(value.strip()[:32]) if isinstance(value, str) else (None, None)


@lru_cache(maxsize=1024)
def _screen_text(text: str) -> tuple[str | None, tuple[int, int] | None]:
    match = _SCREEN.fullmatch(text)
    if match is None:
        return text or None, None
    return text, (int(match.group(1)), int(match.group(2)))


def _screen_mismatch(size: tuple[int, int], device_class: str) -> bool | None:
    """Implausible CSS screen size for the UA's form factor.

    Phones are at most ~500 CSS px on the short side (foldables unfolded ~850),
    so a "mobile" UA on a 1080p-or-larger screen is emulation; a desktop UA on
    a portrait phone-width screen is the reverse.
    """
    width, height = size
    if device_class not in ("desktop", "mobile", "tablet"):
        return None
    if not (0 < width <= 16384 and 0 < height <= 16384):
        return True
    short, long_ = min(width, height), max(width, height)
    if device_class == "mobile":
        return short >= 1000
    if device_class == "tablet":
        return short > 1400
    return long_ < 600 or (width < height and width <= 500)


def _touch_mismatch(touch_points: int | None, device_class: str) -> bool | None:
    """Phones and tablets always report touch; desktops rarely more than ten points."""
    if touch_points is None or device_class not in ("desktop", "mobile", "tablet"):
        return None
    if device_class == "desktop":
        return touch_points > 10  # iPads in desktop mode (Mac UA) report 5: fine
    return touch_points == 0


def _platform_class(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    platform = value.strip().lower()
    if platform.startswith("win"):
        return "windows"
    if platform.startswith("mac"):
        return "mac"
    if platform.startswith(("iphone", "ipad", "ipod")):
        return "ios"
    if platform.startswith(("linux", "android", "x11", "cros")):
        return "linux"
    return None


def _platform_mismatch(value: Any, os_family: str | None) -> bool | None:
    platform = _platform_class(value)
    expected = _PLATFORM_OS.get(os_family) if os_family else None
    if platform is None or expected is None:
        return None
    return platform not in expected


def analyse_device(
    device: dict[str, Any] | None,
    headers: Mapping[str, str],
    *,
    ip: IPInfo,
    ua: UAInfo,
    when: dt.datetime,
    restricted: frozenset[str] = frozenset(),
) -> DeviceInfo:
    """Consistency of the collector's data with the UA, headers and IP; never raises.

    ``restricted``: the countries the service does not serve (``RESTRICTED_COUNTRIES``).
    """
    info = DeviceInfo()
    # A dict is checked first: isinstance() against typing's Mapping costs half a microsecond.
    is_mapping = type(headers) is dict or isinstance(headers, Mapping)
    sent = headers.get("accept-language") if is_mapping else None
    header = sent if isinstance(sent, str) else ""
    sent_header = bool(header)
    accept = ua.accept_language  # the header's first tag, as the User-Agent analysis read it
    if accept is None and sent_header:  # a UAInfo built elsewhere
        accept = primary_language(header[:256])
    if restricted:
        # The header's first tag, else the collector's first language: a browser sends both alike.
        if sent_header:
            info.language_restricted = _region(accept) in restricted
        elif isinstance(device, dict) and isinstance(device.get("languages"), (list, tuple)):
            first = next(iter(device["languages"]), None)
            if isinstance(first, str):
                info.language_restricted = _region(first) in restricted
    if not isinstance(device, dict) or not device:
        return info
    info.collector_present = True
    get = device.get
    fingerprint = get("fingerprint")
    if isinstance(fingerprint, str):
        info.fingerprint = fingerprint.strip()[:MAX_FINGERPRINT] or None
    info.webdriver = get("webdriver") is True
    info.hardware_concurrency = _bounded_int(get("hardware_concurrency"), 1, 1024)
    memory = _number(get("device_memory"))
    info.device_memory = memory if memory is not None and 0 < memory <= 1024 else None

    zone = info.timezone = _timezone(get("timezone"))
    if zone is not None:
        if restricted:
            info.clock_restricted = _clock_restricted(zone, restricted)
        info.clock_non_geographic = _non_geographic(zone)
        info.tz_country_mismatch = _tz_country_mismatch(zone, ip.country)
        # A clock in a zone the address's country uses agrees with it, whatever the offset from
        # the City record's zone: GeoIP places many addresses in the wrong region of a country
        # (a national ISP's at its head office), so US East against West says nothing.
        info.tz_offset_diff_hours = (
            0.0 if info.tz_country_mismatch is False else _tz_offset_diff(zone, ip.geo_timezone, when)
        )

    languages = _languages(get("languages"))
    header_language = _language(accept)
    if languages and header_language:
        info.lang_header_mismatch = languages[0] != header_language
    info.lang_country_mismatch = _lang_country_mismatch(languages, ip.country)
    if info.fingerprint:
        # Collectors whose hash leaves out the locale give every iPhone of one model the same
        # fingerprint, worldwide: hundreds of people on one "device". SignupGuard's own collector
        # hashes the clock and languages in, so for it this changes nothing; for others it keeps
        # a farm's device (one clock, one language) whole and splits strangers apart.
        info.identity = f"{info.fingerprint}|{zone or ''}|{','.join(languages[:3])}"

    info.screen, size = _screen(get("screen"))
    if size is not None:
        info.screen_mismatch = _screen_mismatch(size, ua.device_class)
    info.touch_mismatch = _touch_mismatch(_bounded_int(get("touch_points"), 0, 256), ua.device_class)
    info.platform_mismatch = _platform_mismatch(get("platform"), ua.os_family)
    info.gpu, info.gpu_kind, info.gpu_mismatch = analyse_gpu(get("webgl_renderer"), ua.os_family)
    return info


def analyse_form(form: dict[str, Any] | None) -> FormInfo:
    """Fill time and honeypot from the form block; absurd values read as unknown."""
    info = FormInfo()
    if not isinstance(form, dict):
        return info
    info.replayed = form.get("replayed") is True
    info.fill_ms = None if info.replayed else _bounded_int(_round(form.get("fill_ms")), 0, MAX_FILL_MS)
    honeypot = form.get("honeypot")
    if isinstance(honeypot, str):
        info.honeypot_filled = bool(honeypot.strip())
    elif honeypot is not None:
        # A browser's hidden field only ever submits text: anything else is a script.
        info.honeypot_filled = bool(honeypot)
    return info


def _round(value: Any) -> Any:
    if type(value) is int:  # exact as a float below 1e15: rounding would give it back
        return value if abs(value) < 1e15 else None
    number = _number(value)
    return round(number) if number is not None and abs(number) < 1e15 else None

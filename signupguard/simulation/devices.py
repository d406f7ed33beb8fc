"""Browsers and devices: user agents at real market shares, and what the collector sees.

User agents come from fake-useragent's data file (real strings with observed
shares). Everything else a browser exposes (client hints, screen, cores,
memory, touch points, navigator.platform, languages, time zone) is derived so
that a normal device is internally consistent; campaigns override parts to
produce the inconsistencies of emulators, headless browsers and anti-detect
profiles. Fingerprints behave like real ones: identical hardware and software
collide (same-model iPhones, a lab image), everything else is unique.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import json
import random
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import fake_useragent

_EXCLUDE = {"Apple Mail", "Twitter", "Facebook", "Instagram", "LINE", "Mobile Safari UI/WKWebView"}
_CHROMIUM = {"Chrome", "Chrome Mobile", "Edge", "Opera", "Samsung Internet", "Yandex Browser", "Opera Mobile", "Edge Mobile"}
_OS_GROUP = {"iOS": "ios", "Android": "android", "Windows": "windows", "Mac OS X": "mac", "Linux": "linux", "Ubuntu": "linux", "Chrome OS": "chromeos"}
_HINT_PLATFORM = {"windows": "Windows", "mac": "macOS", "linux": "Linux", "android": "Android", "chromeos": "Chrome OS"}
_GREASE = ['"Not-A.Brand";v="99"', '"Not_A Brand";v="24"', '"Not)A;Brand";v="99"', '"Not/A)Brand";v="8"', '"Not A(Brand";v="99"']

SCREENS: dict[str, list[tuple[str, float]]] = {
    "windows": [("1920x1080x24", 34), ("1536x864x24", 14), ("1366x768x24", 12), ("2560x1440x24", 8), ("1440x900x24", 4),
                ("1600x900x24", 5), ("1280x720x24", 4), ("1280x800x24", 3), ("1680x1050x24", 3), ("3840x2160x24", 2), ("1280x1024x24", 2), ("1920x1200x24", 4)],
    "mac": [("1440x900x30", 22), ("1512x982x30", 18), ("1728x1117x30", 8), ("1470x956x30", 14), ("1920x1080x24", 12), ("2560x1440x24", 10), ("1680x1050x30", 6), ("1280x800x30", 4)],
    "linux": [("1920x1080x24", 50), ("2560x1440x24", 15), ("1366x768x24", 12), ("1920x1200x24", 8), ("3840x2160x24", 5), ("1600x900x24", 5)],
    "chromeos": [("1366x768x24", 40), ("1536x864x24", 25), ("1920x1080x24", 20), ("1280x800x24", 15)],
    "ios": [("390x844x24", 24), ("393x852x24", 20), ("430x932x24", 12), ("375x812x24", 8), ("414x896x24", 10), ("375x667x24", 9), ("428x926x24", 9), ("402x874x24", 5), ("440x956x24", 3)],
    "android": [("412x915x24", 26), ("360x800x24", 22), ("384x854x24", 10), ("393x873x24", 10), ("412x892x24", 8), ("360x780x24", 8), ("411x891x24", 6), ("360x760x24", 5), ("384x832x24", 5)],
    "tablet": [("820x1180x24", 30), ("768x1024x24", 25), ("810x1080x24", 20), ("1024x1366x24", 10), ("800x1280x24", 15)],
}
CORES: dict[str, list[tuple[int, float]]] = {
    "windows": [(8, 35), (4, 22), (12, 12), (16, 14), (6, 8), (2, 3), (20, 3), (24, 3)],
    "mac": [(8, 55), (10, 15), (12, 15), (14, 5), (16, 5), (4, 5)],
    "linux": [(8, 30), (4, 20), (12, 15), (16, 20), (32, 8), (24, 7)],
    "chromeos": [(4, 50), (8, 40), (2, 10)],
    "ios": [(4, 50), (6, 50)],
    "android": [(8, 80), (4, 10), (6, 10)],
}


@dataclass(slots=True)
class UARow:
    ua: str
    browser: str
    os: str  # ios, android, windows, mac, linux, chromeos
    kind: str  # mobile, desktop, tablet
    platform: str
    os_version: str
    major: int


@dataclass(slots=True)
class Device:
    """One browser on one machine, as the portal sees it."""

    row: UARow
    ua: str
    headers: dict[str, str]
    timezone: str
    languages: list[str]
    screen: str
    platform: str
    cores: int
    memory: float | None
    touch: int
    webdriver: bool
    fingerprint: str
    collector: bool = True  # does the collector script run (JavaScript on, browser form)
    extra: dict[str, Any] = field(default_factory=dict)

    def collected(self) -> dict[str, Any] | None:
        """The ``device`` object of the raw event, or None when the script did not run."""
        if not self.collector:
            return None
        out: dict[str, Any] = {
            "fingerprint": self.fingerprint, "timezone": self.timezone, "languages": list(self.languages),
            "screen": self.screen, "platform": self.platform, "hardware_concurrency": self.cores,
            "touch_points": self.touch, "webdriver": self.webdriver,
        }
        if self.memory is not None:
            out["device_memory"] = self.memory
        out.update(self.extra)
        return out


def accept_language(languages: list[str]) -> str:
    """The Accept-Language header a browser derives from navigator.languages."""
    parts = []
    for i, tag in enumerate(languages[:6]):
        parts.append(tag if i == 0 else f"{tag};q={max(0.1, 1 - i / 10):.1f}")
    return ",".join(parts)


def _chromium(row: UARow) -> bool:
    """A Chromium engine: what sends Client Hints and reports device memory (on iOS every browser is WebKit)."""
    return row.browser in _CHROMIUM and row.os != "ios"


def client_hints(row: UARow, major: int) -> dict[str, str]:
    """Low-entropy client hints a Chromium browser sends on HTTPS (none for WebKit or Gecko)."""
    if not _chromium(row) or major < 90:
        return {}
    grease = _GREASE[major % len(_GREASE)]
    brand = {"Edge": "Microsoft Edge", "Edge Mobile": "Microsoft Edge", "Opera": "Opera", "Opera Mobile": "Opera",
             "Samsung Internet": "Samsung Internet", "Yandex Browser": "YaBrowser"}.get(row.browser, "Google Chrome")
    brands = [f'"Chromium";v="{major}"', f'"{brand}";v="{major}"', grease]
    brands = brands[major % 3:] + brands[: major % 3]
    return {
        "sec-ch-ua": ", ".join(brands),
        "sec-ch-ua-mobile": "?1" if row.kind == "mobile" else "?0",
        "sec-ch-ua-platform": f'"{_HINT_PLATFORM.get(row.os, "Unknown")}"',
    }


@lru_cache(maxsize=1)
def _rows() -> dict[tuple[str, str], tuple[list[UARow], list[float]]]:
    path = Path(fake_useragent.__file__).parent / "data" / "browsers.jsonl"
    groups: dict[tuple[str, str], tuple[list[UARow], list[float]]] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            os_group = _OS_GROUP.get(item.get("os"))
            if not os_group or item.get("browser") in _EXCLUDE or not item.get("percent"):
                continue
            match = re.search(r"(?:Chrome|CriOS|Firefox|FxiOS|Version|Edg|EdgiOS|OPR)/(\d+)", item["useragent"])
            row = UARow(item["useragent"], item["browser"], os_group, item["type"], item.get("platform") or "",
                        item.get("os_version") or "", int(match.group(1)) if match else 0)
            rows, weights = groups.setdefault((item["type"], os_group), ([], []))
            rows.append(row)
            weights.append(item["percent"])
    return {key: (rows, list(itertools.accumulate(weights))) for key, (rows, weights) in groups.items()}


def weighted(rng: random.Random, table: Sequence[tuple[Any, float]]) -> Any:
    return rng.choices([v for v, _ in table], [w for _, w in table])[0]


def pick_row(rng: random.Random, kind: str, os: str, browser: str | None = None) -> UARow:
    """A user agent of this device kind and OS, at its observed market share."""
    groups = _rows()
    rows, cumulative = groups.get((kind, os)) or groups[("mobile", "android")]
    for _ in range(30):
        row = rows[bisect.bisect(cumulative, rng.random() * cumulative[-1]) if cumulative[-1] else 0]
        if browser is None or row.browser == browser:
            return row
    return next((r for r in rows if r.browser == browser), rows[0])


def with_major(row: UARow, major: int) -> UARow:
    """The same browser at another (older) major version."""
    ua = re.sub(r"(Chrome|Edg|CriOS)/\d+", lambda m: f"{m.group(1)}/{major}", row.ua)
    ua = re.sub(r"(Firefox|rv:)(\d+)", lambda m: f"{m.group(1)}{major}" if m.group(1) == "rv:" else f"Firefox/{major}", ua) if row.browser == "Firefox" else ua
    return UARow(ua, row.browser, row.os, row.kind, row.platform, row.os_version, major)


def fingerprint_of(*parts: Any) -> str:
    return hashlib.blake2b("|".join(map(str, parts)).encode(), digest_size=16).hexdigest()


def build_device(
    rng: random.Random,
    row: UARow,
    *,
    timezone: str,
    languages: list[str],
    screen: str | None = None,
    cores: int | None = None,
    memory: float | None | str = "auto",
    touch: int | None = None,
    platform: str | None = None,
    webdriver: bool = False,
    canvas: str | None = None,
    collector: bool = True,
    hints: bool = True,
    accept: str | None = None,
    ua: str | None = None,
) -> Device:
    """A device whose parts agree with each other unless a campaign says otherwise."""
    group = "tablet" if row.kind == "tablet" else row.os
    screen = screen or weighted(rng, SCREENS.get(group, SCREENS["windows"]))
    cores = cores if cores is not None else weighted(rng, CORES.get(row.os, CORES["windows"]))
    if isinstance(memory, str):  # "auto"
        memory = (weighted(rng, [(8, 60), (4, 30), (2, 10)]) if row.os == "android" else weighted(rng, [(8, 78), (4, 20), (2, 2)])) if _chromium(row) else None
    if touch is None:
        touch = 5 if row.os in ("ios", "android") else (10 if (row.os in ("windows", "chromeos") and rng.random() < 0.15) else 0)
    platform = platform if platform is not None else row.platform
    if canvas is None:
        # WebKit on iPhones renders identically on one model and OS: the known collision.
        canvas = f"ios:{row.os_version}:{screen}" if row.os == "ios" else f"{rng.getrandbits(48):012x}"
    ua = ua or row.ua
    headers = {"user-agent": ua, "accept-language": accept if accept is not None else accept_language(languages)}
    if not headers["accept-language"]:
        del headers["accept-language"]
    if hints:
        headers.update(client_hints(row, row.major))
    fingerprint = fingerprint_of(ua, screen, timezone, ",".join(languages), cores, memory, platform, touch, canvas)
    return Device(row, ua, headers, timezone, list(languages), screen, platform, cores, memory, touch, webdriver, fingerprint, collector)


# Android phone models: (screen, cores, deviceMemory as Chrome reports it, GPU), and their weight.
# Phones of one model with one browser build render canvas and WebGL alike and report the same
# screen, cores and memory: their owners in one time zone and language share a fingerprint, as
# iPhone owners do. Budget models sold by the million make the largest such crowds.
ANDROID_MODELS: list[tuple[tuple[str, int, int, str], float]] = [
    (("360x800x24", 8, 4, "mali-g52-mc2"), 9), (("360x800x24", 8, 2, "powervr-ge8320"), 8),
    (("360x800x24", 8, 8, "adreno-610"), 5), (("412x915x24", 8, 8, "adreno-642l"), 8),
    (("412x915x24", 8, 4, "mali-g68"), 8), (("412x915x24", 8, 8, "adreno-730"), 5),
    (("412x915x24", 8, 4, "mali-g57"), 5), (("384x854x24", 8, 4, "mali-g52-mc1"), 6),
    (("384x854x24", 8, 8, "adreno-660"), 4), (("393x873x24", 8, 8, "adreno-618"), 6),
    (("393x873x24", 8, 8, "mali-g710"), 4), (("412x892x24", 8, 8, "adreno-619"), 5),
    (("360x780x24", 8, 4, "adreno-610-v2"), 5), (("360x780x24", 4, 2, "mali-t830"), 3),
    (("411x891x24", 8, 8, "adreno-640"), 4), (("411x891x24", 6, 4, "mali-g76"), 2),
    (("360x760x24", 8, 2, "mali-g52-mc2-budget"), 5), (("384x832x24", 8, 4, "mali-g57-mc2"), 4),
    (("384x832x24", 4, 2, "powervr-ge8300"), 3),
]
# Phones whose fingerprint is their own all the same: privacy browsers' canvas noise, custom ROMs.
ANDROID_UNIQUE = 0.2


# Browsers that update themselves do not all update at once: a release reaches everyone over weeks,
# managed fleets hold one or two versions back, and a browser left open stays on its version until it
# restarts. fake-useragent's shares are one day's traffic, mostly on the newest release; UPDATE_LAG adds
# how many major versions behind it a person's browser is (none for most).
UPDATE_LAG: list[tuple[int, float]] = [(0, 80), (1, 12), (2, 5), (3, 3)]
_EVERGREEN = frozenset({"Chrome", "Chrome Mobile", "Chrome Mobile iOS", "Edge", "Firefox"})


def consumer_device(rng: random.Random, *, kind: str, os: str, timezone: str, languages: list[str], old_browser: float = 0.03) -> Device:
    """An ordinary person's phone, tablet or computer."""
    row = pick_row(rng, kind, os)
    if row.os in ("windows", "linux", "mac") and row.major > 100 and rng.random() < old_browser:
        row = with_major(row, rng.choice([109, 109, 112, 116, 119, row.major - 5]))
    elif row.browser in _EVERGREEN and row.major > 100:
        lag = weighted(rng, UPDATE_LAG)
        if lag:
            row = with_major(row, row.major - lag)
    if row.os == "android" and row.kind == "mobile" and rng.random() >= ANDROID_UNIQUE:
        screen, cores, memory, gpu = weighted(rng, ANDROID_MODELS)
        return build_device(rng, row, timezone=timezone, languages=languages, screen=screen, cores=cores,
                            memory=memory if _chromium(row) else None, canvas=f"android:{gpu}:{screen}")
    return build_device(rng, row, timezone=timezone, languages=languages)


def pick_kind_os(rng: random.Random, *, mobile_share: float, ios_share: float, mac_boost: float = 1.0) -> tuple[str, str]:
    """Device kind and OS for a person of a country with these shares."""
    r = rng.random()
    if r < mobile_share:
        return "mobile", "ios" if rng.random() < ios_share else "android"
    if r < mobile_share + 0.03:
        return "tablet", "ios" if rng.random() < ios_share else "android"
    return "desktop", weighted(rng, [("windows", 72), ("mac", 16 * mac_boost), ("linux", 4.5), ("chromeos", 3)])

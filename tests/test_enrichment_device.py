"""User-agent, device-collector and form enrichment."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from importlib.resources import files

import pytest

from signupguard.enrichment.device import UserAgentAnalyser, analyse_device, analyse_form
from signupguard.enrichment.types import DeviceInfo, FormInfo, IPInfo, UAInfo
from signupguard.enrichment.useragent import NEWEST_MAJOR, primary_language

CHROME_WIN = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
              "Chrome/124.0.0.0 Safari/537.36")
EDGE_WIN = CHROME_WIN + " Edg/124.0.0.0"
CHROME_ANDROID = ("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
                  "Chrome/124.0.0.0 Mobile Safari/537.36")
CHROME_ANDROID_TABLET = ("Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) "
                         "Chrome/124.0.0.0 Safari/537.36")
CHROME_LINUX = ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                "Chrome/124.0.0.0 Safari/537.36")
HEADLESS = ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            "HeadlessChrome/124.0.0.0 Safari/537.36")
FIREFOX_WIN = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0"
SAFARI_MAC = ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
              "Version/17.4 Safari/605.1.15")
IPHONE = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
          "Version/17.4 Mobile/15E148 Safari/604.1")
IPAD = ("Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
        "Version/17.4 Mobile/15E148 Safari/604.1")
CHROME_IOS = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
              "CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1")
HINTS_CHROME_124_WIN = {
    "sec-ch-ua": '"Chromium";v="124", "Google Chrome";v="124", "Not-A.Brand";v="99"',
    "sec-ch-ua-platform": '"Windows"',
    "sec-ch-ua-mobile": "?0",
}
WHEN = dt.datetime(2026, 6, 10, 12, 0, tzinfo=dt.timezone.utc)


def _fake_useragent_rows() -> list[dict]:
    data = files("fake_useragent") / "data" / "browsers.jsonl"
    return [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def analyser() -> UserAgentAnalyser:
    return UserAgentAnalyser()


# --- user agent -----------------------------------------------------------------------

def test_real_user_agents_from_fake_useragent(analyser):
    rows = _fake_useragent_rows()
    assert len(rows) > 1000
    class_agree = family_agree = 0
    for row in rows:
        info = analyser.analyse({"user-agent": row["useragent"]})
        assert info.present and info.family is not None and info.major is not None
        assert not info.is_automation and not info.is_headless, row["useragent"]
        assert not info.client_hints_present and not info.client_hints_mismatch
        class_agree += info.device_class == row["type"]
        family_agree += info.family == row["browser"]
    assert class_agree / len(rows) > 0.99
    assert family_agree / len(rows) > 0.95
    # Every class the data set knows is produced.
    produced = Counter(analyser.analyse({"user-agent": r["useragent"]}).device_class for r in rows)
    assert {"desktop", "mobile", "tablet"} <= set(produced)


@pytest.mark.parametrize(
    "ua, family, major, os_family, device_class",
    [
        (CHROME_WIN, "Chrome", 124, "Windows", "desktop"),
        (EDGE_WIN, "Edge", 124, "Windows", "desktop"),
        (FIREFOX_WIN, "Firefox", 125, "Windows", "desktop"),
        (SAFARI_MAC, "Safari", 17, "Mac OS X", "desktop"),
        (CHROME_LINUX, "Chrome", 124, "Linux", "desktop"),
        (CHROME_ANDROID, "Chrome Mobile", 124, "Android", "mobile"),
        (CHROME_ANDROID_TABLET, "Chrome", 124, "Android", "tablet"),
        (IPHONE, "Mobile Safari", 17, "iOS", "mobile"),
        (IPAD, "Mobile Safari", 17, "iOS", "tablet"),
        # iPad app in desktop mode: Mac UA with a "Mobile/" token stays desktop.
        (SAFARI_MAC.replace("Safari/605.1.15", "Mobile/15E148 Safari/604.1"), "Safari", 17, "Mac OS X", "desktop"),
        ("Googlebot/2.1 (+http://www.google.com/bot.html)", "Googlebot", 2, None, "bot"),
        ("curl/8.4.0", "curl", 8, None, "bot"),
        ("", None, None, None, "unknown"),
        ("totally unknown client", None, None, None, "unknown"),
    ],
)
def test_parse(analyser, ua, family, major, os_family, device_class):
    info = analyser.analyse({"user-agent": ua})
    assert (info.family, info.major, info.os_family, info.device_class) == (family, major, os_family, device_class)
    assert info.present is bool(ua)


@pytest.mark.parametrize(
    "ua, headers, headless",
    [
        (HEADLESS, {}, True),
        ("Mozilla/5.0 (Unknown; Linux x86_64) AppleWebKit/538.1 (KHTML, like Gecko) PhantomJS/2.1.1 Safari/538.1",
         {}, True),
        (CHROME_LINUX, {"sec-ch-ua": '"HeadlessChrome";v="124", "Chromium";v="124"'}, True),
        (CHROME_WIN, {}, False),
    ],
)
def test_headless(analyser, ua, headers, headless):
    assert analyser.analyse({"user-agent": ua, **headers}).is_headless is headless


@pytest.mark.parametrize(
    "ua, bot",
    [
        ("curl/8.4.0", True),
        ("Wget/1.21.4", True),
        ("python-requests/2.31.0", True),
        ("Python-urllib/3.11", True),
        ("Python/3.11 aiohttp/3.9.5", True),
        ("Go-http-client/2.0", True),
        ("okhttp/4.12.0", True),
        ("Java/17.0.2", True),
        ("libwww-perl/6.72", True),
        ("Scrapy/2.11.0 (+https://scrapy.org)", True),
        ("node-fetch/1.0 (+https://github.com/bitinn/node-fetch)", True),
        ("axios/1.6.8", True),
        (CHROME_WIN + " Selenium/4.20", False),
        (CHROME_WIN + " Puppeteer", False),
        ("Mozilla/5.0 (X11; Linux x86_64) Playwright/1.44 Chrome/124.0.0.0 Safari/537.36", False),
    ],
)
def test_automation(analyser, ua, bot):
    info = analyser.analyse({"user-agent": ua})
    assert info.is_automation
    assert (info.device_class == "bot") is bot


@pytest.mark.parametrize(
    "ua, script",
    [
        ("curl/8.4.0", True),
        ("python-requests/2.31.0", True),
        ("Go-http-client/2.0", True),
        ("axios/1.6.8", True),
        ("okhttp/4.12.0", False),  # Android apps' own HTTP stack
        ("Kanvas/3.4.1 (Android 14; SM-A546B; build 341) okhttp/4.12.0", False),
        ("Dart/3.3 (dart:io)", False),  # Flutter apps
        ("Dalvik/2.1.0 (Linux; U; Android 14; Pixel 7 Build/UP1A.231005.007)", False),
        ("SignupGuardDemo/4.1.9 CFNetwork/1496.0.7 Darwin/23.5.0", False),
        (CHROME_WIN + " Selenium/4.20", False),  # automation, but a browser
        (CHROME_WIN, False),
    ],
)
def test_script_clients(analyser, ua, script):
    assert analyser.analyse({"user-agent": ua}).is_script is script


@pytest.mark.parametrize(
    "ua, automation",
    [
        # A portal's own app names itself before the HTTP stack it ships with: the app, not automation.
        ("Kanvas/3.4.1 (Android 14; SM-A546B; build 341) okhttp/4.12.0", False),
        ("Kanvas/3.4.1 (iOS 18.1; iPhone15,2) Alamofire/5.9.1", False),
        ("ChatApp/2.0.3 (Android 13) Dart/3.3 (dart:io)", False),
        # The stacks' defaults, or a stack behind another client's name, are what scripts send.
        ("okhttp/4.12.0", True),
        ("Dart/3.3 (dart:io)", True),
        ("Java/17.0.2 okhttp/4.12.0", True),
        ("python-requests/2.31.0 okhttp/4.12.0", True),
    ],
)
def test_an_apps_own_user_agent_is_not_automation(analyser, ua, automation):
    info = analyser.analyse({"user-agent": ua})
    assert info.is_automation is automation
    assert (info.device_class == "bot") is automation


@pytest.mark.parametrize(
    "ua, hints, mismatch",
    [
        (CHROME_WIN, HINTS_CHROME_124_WIN, False),
        (EDGE_WIN, {**HINTS_CHROME_124_WIN,
                    "sec-ch-ua": '"Chromium";v="124", "Microsoft Edge";v="124", "Not-A.Brand";v="99"'}, False),
        (CHROME_ANDROID, {"sec-ch-ua": '"Chromium";v="124", "Google Chrome";v="124"',
                          "sec-ch-ua-platform": '"Android"', "sec-ch-ua-mobile": "?1"}, False),
        (CHROME_ANDROID_TABLET, {"sec-ch-ua-platform": '"Android"', "sec-ch-ua-mobile": "?0"}, False),
        # Android "request desktop site": Linux UA, Android hint.
        (CHROME_LINUX, {"sec-ch-ua-platform": '"Android"', "sec-ch-ua-mobile": "?0"}, False),
        (CHROME_WIN, {"sec-ch-ua-platform": '"Unknown"'}, False),
        (CHROME_WIN, {"sec-ch-ua-platform": '""'}, False),
        (CHROME_LINUX, {"sec-ch-ua-platform": '"FreeBSD"'}, False),
        # A platform no browser sends: a forging tool's value (Python's None, navigator.platform's).
        (CHROME_WIN, {**HINTS_CHROME_124_WIN, "sec-ch-ua-platform": '"None"'}, True),
        (CHROME_WIN, {**HINTS_CHROME_124_WIN, "sec-ch-ua-platform": '"Win32"'}, True),
        # Major version differs from the UA.
        (CHROME_WIN, {**HINTS_CHROME_124_WIN, "sec-ch-ua": '"Chromium";v="120", "Google Chrome";v="120"'}, True),
        # Platform differs from the UA's OS.
        (CHROME_WIN, {**HINTS_CHROME_124_WIN, "sec-ch-ua-platform": '"macOS"'}, True),
        (CHROME_ANDROID, {"sec-ch-ua-platform": '"Windows"'}, True),
        # Mobile flag differs from the device class.
        (CHROME_WIN, {**HINTS_CHROME_124_WIN, "sec-ch-ua-mobile": "?1"}, True),
        (CHROME_ANDROID, {"sec-ch-ua-mobile": "?0"}, True),
        # Browsers that never send hints.
        (FIREFOX_WIN, HINTS_CHROME_124_WIN, True),
        (SAFARI_MAC, {"sec-ch-ua-platform": '"macOS"'}, True),
        (CHROME_IOS, {"sec-ch-ua-mobile": "?1"}, True),
        ("python-requests/2.31.0", {"sec-ch-ua-mobile": "?0"}, True),
    ],
)
def test_client_hints(analyser, ua, hints, mismatch):
    info = analyser.analyse({"user-agent": ua, **hints})
    assert info.client_hints_present
    assert info.client_hints_mismatch is mismatch


def test_no_hints_is_not_a_mismatch(analyser):
    info = analyser.analyse({"user-agent": CHROME_WIN})
    assert not info.client_hints_present and not info.client_hints_mismatch


def _chrome(major: int) -> dict[str, str]:
    return {"user-agent": CHROME_WIN.replace("124.0.0.0", f"{major}.0.0.0")}


def test_version_age_seed_and_promotion():
    analyser = UserAgentAnalyser(newest={"Chrome": 124}, promote_after=3)
    assert analyser.analyse(_chrome(124)).version_age == 0
    assert analyser.analyse(_chrome(120)).version_age == 4
    # A newer major counts as newest only after it has been seen a few times.
    assert analyser.analyse(_chrome(125)).version_age == 0
    assert analyser.analyse(_chrome(120)).version_age == 4
    analyser.analyse(_chrome(125))
    analyser.analyse(_chrome(125))
    assert analyser.newest_["Chrome"] == 125
    assert analyser.analyse(_chrome(120)).version_age == 5
    # A forged far-future version never moves the reference.
    for _ in range(50):
        assert analyser.analyse(_chrome(999)).version_age == 0
    assert analyser.newest_["Chrome"] == 125
    # Nor does automation, however often.
    for _ in range(50):
        analyser.analyse({"user-agent": _chrome(126)["user-agent"] + " Selenium"})
        analyser.analyse({"user-agent": _chrome(126)["user-agent"].replace("Chrome/", "HeadlessChrome/")})
    assert analyser.newest_["Chrome"] == 125


def test_version_age_needs_a_share_of_traffic():
    analyser = UserAgentAnalyser(newest={"Chrome": 124}, promote_after=3, min_share=0.02)
    for _ in range(1000):
        analyser.analyse(_chrome(124))
    for _ in range(10):  # a trickle of forged near versions: 1% of Chrome traffic
        analyser.analyse(_chrome(130))
    assert analyser.newest_["Chrome"] == 124
    for _ in range(15):
        analyser.analyse(_chrome(130))
    assert analyser.newest_["Chrome"] == 130
    assert analyser.analyse(_chrome(124)).version_age == 6


def test_outdated_seed_catches_up():
    analyser = UserAgentAnalyser(newest={"Chrome": 124})
    for _ in range(5):
        analyser.analyse(_chrome(140))
    assert analyser.newest_["Chrome"] == 140
    for _ in range(5):
        analyser.analyse(_chrome(170))  # beyond one step (26): needs an intermediate release first
    assert analyser.newest_["Chrome"] == 140


def test_version_age_state_is_per_instance_and_seeded():
    a, b = UserAgentAnalyser(), UserAgentAnalyser(newest={})
    assert a.analyse({"user-agent": CHROME_WIN}).version_age == NEWEST_MAJOR["Chrome"] - 124
    # Without a seed the first release seen becomes the reference.
    assert b.analyse({"user-agent": CHROME_WIN}).version_age == 0
    assert b.newest_ == {"Chrome": 124}
    assert a.analyse({"user-agent": "curl/8.4.0"}).version_age is None


@pytest.mark.parametrize(
    "header, expected",
    [("es-ES,es;q=0.9", "es-es"), ("en-US", "en-us"), ("  FR_fr ; q=1", "fr-fr"), ("de", "de"),
     ("*", None), ("", None), ("<script>", None), ("zh-Hant-TW,zh;q=0.8", "zh-hant-tw")],
)
def test_accept_language(analyser, header, expected):
    assert primary_language(header) == expected if header else True
    assert analyser.analyse({"user-agent": CHROME_WIN, "accept-language": header}).accept_language == expected


@pytest.mark.parametrize(
    "headers",
    [{}, {"user-agent": None}, {"user-agent": 42}, {"user-agent": "x" * 100_000},
     {"user-agent": "\x00\xff☃" * 100, "sec-ch-ua": "\"" * 500, "sec-ch-ua-mobile": ["?1"]},
     {"user-agent": CHROME_WIN, "sec-ch-ua": '"Chromium";v="99999999999999999999"'}],
)
def test_hostile_headers_never_raise(analyser, headers):
    assert isinstance(analyser.analyse(headers), UAInfo)


def test_not_a_mapping_is_empty(analyser):
    assert analyser.analyse(None) == UAInfo()  # type: ignore[arg-type]


# --- device ---------------------------------------------------------------------------

def _ua(analyser, ua: str = CHROME_WIN, **headers: str) -> UAInfo:
    return analyser.analyse({"user-agent": ua, **headers})


def _device(analyser, device, *, country="ES", zone="Europe/Madrid", ua=CHROME_WIN, when=WHEN, **headers):
    ip = IPInfo(country=country, geo_timezone=zone)
    headers = {"user-agent": ua, **headers}
    return analyse_device(device, headers, ip=ip, ua=analyser.analyse(headers), when=when)


def test_collector_absent(analyser):
    for device in (None, {}, [], "junk", 3):
        info = _device(analyser, device)
        assert info == DeviceInfo()
        assert not info.collector_present


def test_basic_fields(analyser):
    info = _device(analyser, {
        "fingerprint": "  9f2c" + "a" * 200, "timezone": "Europe/Madrid", "languages": ["es-ES", "es"],
        "screen": "1920x1080x24", "webdriver": False, "hardware_concurrency": 8, "device_memory": 8,
        "platform": "Win32", "touch_points": 0,
    }, **{"accept-language": "es-ES,es;q=0.9"})
    assert info.collector_present and not info.webdriver
    assert info.fingerprint.startswith("9f2c") and len(info.fingerprint) == 128
    assert info.timezone == "Europe/Madrid"
    assert info.tz_country_mismatch is False and info.tz_offset_diff_hours == 0.0
    assert info.lang_header_mismatch is False and info.lang_country_mismatch is False
    assert info.screen == "1920x1080x24"
    assert (info.screen_mismatch, info.touch_mismatch, info.platform_mismatch) == (False, False, False)
    assert (info.hardware_concurrency, info.device_memory) == (8, 8.0)


@pytest.mark.parametrize("value, expected", [(True, True), (False, False), ("true", False), (1, False), (None, False)])
def test_webdriver_only_when_true(analyser, value, expected):
    assert _device(analyser, {"webdriver": value}).webdriver is expected


@pytest.mark.parametrize(
    "zone, country, mismatch",
    [
        ("Europe/Madrid", "ES", False),
        ("Atlantic/Canary", "ES", False),
        ("Europe/Madrid", "US", True),
        ("America/New_York", "ES", True),
        ("Asia/Calcutta", "IN", False),  # backward-compatible alias browsers still report
        ("Asia/Kolkata", "IN", False),
        ("Europe/Kiev", "UA", False),
        ("US/Eastern", "US", False),
        ("Europe/Berlin", "DE", False),
        ("Europe/Zurich", "CH", False),
        ("UTC", "ES", None),  # no country's clock: told apart, as device_clock_non_geographic
        ("Etc/GMT-3", "RU", None),
        ("Europe/Madrid", None, None),
        ("Europe/Madrid", "ZZ", None),  # not a country known to the zone table
        ("Not/AZone", "ES", None),
        ("../../etc/passwd", "ES", None),
    ],
)
def test_tz_country(analyser, zone, country, mismatch):
    info = _device(analyser, {"timezone": zone}, country=country)
    assert info.tz_country_mismatch is mismatch


@pytest.mark.parametrize(
    "zone, non_geographic",
    [("UTC", True), ("Etc/GMT-3", True), ("GMT", True), ("Etc/UTC", True), ("Atlantic/Reykjavik", False),
     ("Europe/London", False), ("Asia/Tokyo", False), ("Not/AZone", None), (None, None)],
)
def test_a_clock_of_no_country_is_told_apart_from_a_foreign_one(analyser, zone, non_geographic):
    info = _device(analyser, {"timezone": zone} if zone else {"fingerprint": "f"}, country="JP")
    assert info.clock_non_geographic is non_geographic


@pytest.mark.parametrize(
    "device_zone, ip_zone, when, diff",
    [
        ("Europe/Madrid", "Europe/Madrid", WHEN, 0.0),
        ("Europe/Madrid", "Europe/London", WHEN, 1.0),
        ("America/New_York", "Europe/Madrid", WHEN, 6.0),
        ("Asia/Kolkata", "Europe/London", dt.datetime(2026, 1, 10, tzinfo=dt.timezone.utc), 5.5),
        ("Asia/Kolkata", "Europe/London", WHEN, 4.5),  # British summer time
        ("America/New_York", "Asia/Tokyo", WHEN, 13.0),
        ("Europe/Madrid", None, WHEN, None),
        ("Europe/Madrid", "Bad/Zone", WHEN, None),
        ("Europe/Madrid", "Europe/London", dt.datetime(2026, 6, 10, 12), 1.0),  # naive: read as UTC
        ("Asia/Kolkata", "Asia/Kolkata", WHEN, 0.0),
        # The same zone at datetime's edge: no shortcut, the offset cannot be computed.
        ("Europe/Madrid", "Europe/Madrid", dt.datetime(9999, 12, 31, 23, tzinfo=dt.timezone.utc), None),
    ],
)
def test_tz_offset(analyser, device_zone, ip_zone, when, diff):
    info = _device(analyser, {"timezone": device_zone}, country=None, zone=ip_zone, when=when)
    assert info.tz_offset_diff_hours == diff


@pytest.mark.parametrize(
    "device_zone, country, ip_zone, diff",
    [
        # GeoIP puts many addresses in the wrong region of their country: a zone the
        # country uses agrees with it, hours apart or not.
        ("America/Los_Angeles", "US", "America/New_York", 0.0),
        ("Australia/Perth", "AU", "Australia/Sydney", 0.0),
        ("Europe/Madrid", "ES", None, 0.0),  # a Country database: no zone, the country agrees
        # Another country's zone is measured as before.
        ("America/Toronto", "US", "America/Los_Angeles", 3.0),
        ("Asia/Kolkata", "GB", "Europe/London", 4.5),
        ("Asia/Kolkata", "GB", None, None),
    ],
)
def test_a_zone_of_the_addresss_country_agrees_with_it(analyser, device_zone, country, ip_zone, diff):
    info = _device(analyser, {"timezone": device_zone}, country=country, zone=ip_zone)
    assert info.tz_offset_diff_hours == diff
    assert info.tz_country_mismatch is (diff != 0.0 if diff is not None else True)


@pytest.mark.parametrize(
    "languages, accept, country, header_mismatch, country_mismatch",
    [
        (["es-ES", "es"], "es-ES,es;q=0.9", "ES", False, False),
        (["es-MX"], "es-ES", "MX", False, False),  # language subtag compared, not region
        (["ru-RU"], "en-US,en;q=0.9", "ES", True, True),
        (["en-US"], "en-US", "JP", False, False),  # English accepted everywhere
        (["zh-CN", "en"], "zh-CN", "BR", False, False),  # any language of the list will do
        (["zh-CN"], "zh-CN", "BR", False, True),
        (["ru"], "ru", "KZ", False, False),
        (["iw-IL"], "he-IL", "IL", False, False),  # deprecated code mapped
        (["nb-NO"], "no", "NO", False, False),
        ("de-DE,de", "de-DE", "AT", False, False),  # a string instead of a list
        (["fr-FR"], None, "FR", None, False),
        ([], "fr-FR", "FR", None, None),
        (["fr-FR"], "fr-FR", None, False, None),
        (["fr-FR"], "fr-FR", "AQ", False, None),  # no language data for the country
        ([None, 3, {"x": 1}, "pt-BR"], "pt-BR", "BR", False, False),
    ],
)
def test_languages(analyser, languages, accept, country, header_mismatch, country_mismatch):
    headers = {"accept-language": accept} if accept else {}
    info = _device(analyser, {"languages": languages}, country=country, **headers)
    assert info.lang_header_mismatch is header_mismatch
    assert info.lang_country_mismatch is country_mismatch


@pytest.mark.parametrize(
    "ua, screen, mismatch",
    [
        (CHROME_WIN, "1920x1080x24", False),
        (CHROME_WIN, "1366x768x24", False),
        (CHROME_WIN, "1080x1920x24", False),  # portrait monitor
        (CHROME_WIN, "390x844x24", True),  # a phone screen on a desktop UA
        (CHROME_ANDROID, "412x915x24", False),
        (IPHONE, "393x852x24", False),
        (CHROME_ANDROID, "1920x1080x24", True),  # a phone UA on a desktop screen
        (IPHONE, "2560x1440", True),
        (IPAD, "1024x1366x24", False),
        (IPAD, "3840x2160x24", True),
        (CHROME_WIN, "0x0x24", True),
        (CHROME_WIN, "99999x99999x24", True),
        (CHROME_WIN, "wide", None),
        ("curl/8.4.0", "1920x1080x24", None),
    ],
)
def test_screen(analyser, ua, screen, mismatch):
    info = _device(analyser, {"screen": screen}, ua=ua)
    assert info.screen_mismatch is mismatch
    assert info.screen == screen


@pytest.mark.parametrize(
    "ua, touch, mismatch",
    [
        (CHROME_ANDROID, 5, False),
        (CHROME_ANDROID, 0, True),
        (IPHONE, 0, True),
        (IPAD, 5, False),
        (CHROME_WIN, 0, False),
        (CHROME_WIN, 10, False),  # touch laptop
        (SAFARI_MAC, 5, False),  # iPad in desktop mode
        (CHROME_WIN, 200, True),
        (CHROME_WIN, "5", False),
        (CHROME_WIN, -1, None),
        (CHROME_WIN, "many", None),
        ("curl/8.4.0", 0, None),
    ],
)
def test_touch(analyser, ua, touch, mismatch):
    assert _device(analyser, {"touch_points": touch}, ua=ua).touch_mismatch is mismatch


@pytest.mark.parametrize(
    "ua, platform, mismatch",
    [
        (CHROME_WIN, "Win32", False),
        (FIREFOX_WIN, "Win64", False),
        (SAFARI_MAC, "MacIntel", False),
        (IPHONE, "iPhone", False),
        (IPAD, "iPad", False),
        (IPAD, "MacIntel", False),
        (CHROME_ANDROID, "Linux armv8l", False),
        (CHROME_ANDROID, "Linux aarch64", False),
        (CHROME_LINUX, "Linux x86_64", False),
        (CHROME_WIN, "Linux x86_64", True),  # Windows UA on a Linux box: a common bot setup
        (CHROME_WIN, "MacIntel", True),
        (IPHONE, "Win32", True),
        (CHROME_ANDROID, "Win32", True),
        (SAFARI_MAC, "iPhone", True),
        (CHROME_WIN, "", None),
        (CHROME_WIN, "Nintendo", None),
        ("curl/8.4.0", "Win32", None),
        (CHROME_WIN, ["Win32"], None),
    ],
)
def test_platform(analyser, ua, platform, mismatch):
    assert _device(analyser, {"platform": platform}, ua=ua).platform_mismatch is mismatch


@pytest.mark.parametrize(
    "value, expected",
    [(8, 8), ("16", 16), (4.0, 4), (0, None), (-4, None), (100_000, None), (True, None), ("x", None),
     (float("nan"), None), (2.5, None), (None, None), (1, 1), (1024, 1024), (1025, None), (10**400, None)],
)
def test_hardware_concurrency(analyser, value, expected):
    assert _device(analyser, {"hardware_concurrency": value}).hardware_concurrency == expected


@pytest.mark.parametrize(
    "value, expected",
    [(8, 8.0), (0.5, 0.5), ("4", 4.0), (0, None), (-1, None), (float("inf"), None), (False, None), ([8], None)],
)
def test_device_memory(analyser, value, expected):
    assert _device(analyser, {"device_memory": value}).device_memory == expected


@pytest.mark.parametrize(
    "device",
    [
        {"fingerprint": 12345, "timezone": 7, "languages": "x" * 10_000, "screen": ["1920x1080"],
         "platform": {"a": 1}, "touch_points": "1e400", "webdriver": "yes", "hardware_concurrency": "1" * 500,
         "device_memory": "nan"},
        {"fingerprint": "   ", "timezone": "", "languages": [[["nested"]]], "screen": "", "platform": None},
        {"timezone": "\x00", "languages": {"en": True}, "screen": "1920x1080x24x7x9", "touch_points": [1, 2]},
        {"timezone": "Europe/" + "A" * 5000, "languages": ["e" * 600, "-", "", "1234"], "screen": "×" * 40},
        {"nested": {"deep": [{"deeper": None}]}, "fingerprint": None},
        {"timezone": "/etc/localtime"},
    ],
)
def test_hostile_device_dicts_never_raise(analyser, device):
    info = _device(analyser, device)
    assert info.collector_present
    assert info.fingerprint is None or isinstance(info.fingerprint, str)
    assert info.timezone is None
    assert info.webdriver is False


def test_device_with_unknown_ip_and_ua(analyser):
    device = {"timezone": "Europe/Madrid", "languages": ["es"], "screen": "1920x1080x24", "touch_points": 0,
              "platform": "Win32"}
    info = analyse_device(device, {}, ip=IPInfo(), ua=UAInfo(), when=WHEN)
    assert info.collector_present and info.timezone == "Europe/Madrid"
    assert info.tz_country_mismatch is None and info.tz_offset_diff_hours is None
    assert info.lang_header_mismatch is None and info.lang_country_mismatch is None
    assert info.screen_mismatch is None and info.touch_mismatch is None and info.platform_mismatch is None


RESTRICTED = frozenset({"CN", "RU", "IR"})


@pytest.mark.parametrize(
    "zone, restricted",
    [
        ("Asia/Shanghai", True),
        ("Europe/Moscow", True),
        ("Europe/Madrid", False),
        # A zone restricted and served countries share (Crimea) restricts nobody.
        ("Europe/Simferopol", False),
        # UTC and unknown names belong to no country.
        ("UTC", None),
        ("Mars/Olympus", None),
    ],
)
def test_clock_of_a_restricted_country(zone, restricted):
    info = analyse_device({"timezone": zone}, {}, ip=IPInfo(country="US"), ua=UAInfo(), when=WHEN, restricted=RESTRICTED)
    assert info.clock_restricted is restricted


@pytest.mark.parametrize(
    "device, headers, restricted",
    [
        ({"languages": ["en-US"]}, {"accept-language": "zh-CN,zh;q=0.9,en;q=0.8"}, True),
        ({}, {"accept-language": "fa-IR,fa;q=0.9"}, True),  # no collector: the header alone
        (None, {"accept-language": "zh-Hans-CN"}, True),
        ({"languages": ["ru-RU", "ru"]}, {}, True),  # no header: the collector's first language
        ({}, {"accept-language": "zh-TW,zh;q=0.9"}, False),
        # A language alone names no country: Russian is spoken in many served ones.
        ({}, {"accept-language": "ru,en;q=0.8"}, False),
        ({}, {"accept-language": "en-US,zh-CN;q=0.5"}, False),  # only the first counts
        ({}, {}, None),
        ({}, {"accept-language": 42}, None),
    ],
)
def test_language_of_a_restricted_country(device, headers, restricted):
    info = analyse_device(device, headers, ip=IPInfo(), ua=UAInfo(), when=WHEN, restricted=RESTRICTED)
    assert info.language_restricted is restricted


def test_no_restricted_countries_reads_nothing():
    info = analyse_device({"timezone": "Asia/Shanghai", "languages": ["zh-CN"]}, {"accept-language": "zh-CN"},
                          ip=IPInfo(), ua=UAInfo(), when=WHEN)
    assert info.clock_restricted is None and info.language_restricted is None


def test_enricher_keeps_only_country_codes():
    from signupguard.enrichment import Enricher, GeoDatabases

    assert Enricher(geo=GeoDatabases(), restricted_countries=["cn", " RU ", "China", 5, None]).restricted == {"CN", "RU"}
    assert Enricher(geo=GeoDatabases(), restricted_countries="CN,RU").restricted == frozenset()  # type: ignore[arg-type]


def test_accept_language_header_fallback():
    # A UAInfo built elsewhere without accept_language: the header is read directly.
    info = analyse_device({"languages": ["de-DE"]}, {"accept-language": "fr-FR"}, ip=IPInfo(), ua=UAInfo(), when=WHEN)
    assert info.lang_header_mismatch is True


def test_data_files_are_consistent():
    import signupguard.enrichment.device as module

    assert len(module._COUNTRY_LANGUAGES) >= 120
    assert len(module._ZONE_COUNTRIES) > 400
    # Every country with language data has at least one time zone.
    assert set(module._COUNTRY_LANGUAGES) <= module._TZ_COUNTRIES
    assert all(len(code) == 2 and code.isupper() for code in module._COUNTRY_LANGUAGES)


# --- form -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "form, fill_ms, honeypot",
    [
        ({"fill_ms": 24000}, 24000, False),
        ({"fill_ms": "24000"}, 24000, False),
        ({"fill_ms": 1500.7}, 1501, False),
        ({"fill_ms": 0}, 0, False),
        ({"fill_ms": -5}, None, False),
        ({"fill_ms": 10**12}, None, False),
        ({"fill_ms": 86_400_000}, 86_400_000, False),
        ({"fill_ms": 86_400_001}, None, False),
        ({"fill_ms": 10**400}, None, False),
        ({"fill_ms": "soon"}, None, False),
        ({"fill_ms": True}, None, False),
        ({"fill_ms": float("nan")}, None, False),
        ({"fill_ms": "1e400"}, None, False),
        ({"fill_ms": [1]}, None, False),
        ({"honeypot": ""}, None, False),
        ({"honeypot": "   "}, None, False),
        ({"honeypot": "http://spam.example"}, None, True),
        ({"honeypot": 1}, None, True),
        ({"honeypot": None}, None, False),
        ({}, None, False),
        (None, None, False),
        ("junk", None, False),
    ],
)
def test_form(form, fill_ms, honeypot):
    assert analyse_form(form) == FormInfo(fill_ms=fill_ms, honeypot_filled=honeypot)


@pytest.mark.parametrize(
    "ua, hints, missing",
    [
        (CHROME_WIN, HINTS_CHROME_124_WIN, False),
        (CHROME_WIN, {}, True),  # a Chromium UA with no hints: not what Chrome sends
        (EDGE_WIN, {}, True),
        (CHROME_ANDROID, {}, True),
        (HEADLESS, {}, True),
        (CHROME_WIN.replace("124.0.0.0", "88.0.0.0"), {}, None),  # before Client Hints shipped
        (FIREFOX_WIN, {}, None),
        (SAFARI_MAC, {}, None),
        (CHROME_IOS, {}, None),  # Chrome on iOS is WebKit
        (CHROME_ANDROID.replace("Mobile Safari", "; wv) Mobile Safari"), {}, None),
        ("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/135.0.0.0 Mobile "
         "DuckDuckGo/5 Safari/537.36", {}, None),  # a WebView-based browser
        ("Mozilla/5.0 (Linux; Android 9; KFTRWI) AppleWebKit/537.36 (KHTML, like Gecko) Silk/134.1.82 like "
         "Chrome/134.0.6998.135 Safari/537.36", {}, None),  # a fork not known to send them
        ("python-requests/2.31.0", {}, None),
        ("", {}, None),
    ],
)
def test_client_hints_missing(analyser, ua, hints, missing):
    assert analyser.analyse({"user-agent": ua, **hints}).client_hints_missing is missing


CHROME_OS = ("Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) "
             "Chrome/124.0.0.0 Safari/537.36")
SAMSUNG = ("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/27.0 "
           "Chrome/125.0.0.0 Mobile Safari/537.36")


@pytest.mark.parametrize(
    "ua, unreduced",
    [
        (CHROME_WIN, False),
        (EDGE_WIN.replace("Edg/124.0.0.0", "Edg/124.0.2478.80"), False),  # Edge's own token keeps its build
        (CHROME_ANDROID, False),
        (CHROME_LINUX, False),  # also Android's "desktop site"
        (CHROME_OS, False),
        (CHROME_ANDROID.replace("Android 10; K", "Android 6.0; Nexus 5 Build/MRA58N"), True),  # DevTools' device mode
        (CHROME_ANDROID.replace("Android 10; K", "Android 14; Pixel 8"), True),  # a phone model
        (CHROME_ANDROID_TABLET, True),  # a tablet's model: hidden since 113 too
        (CHROME_WIN.replace("124.0.0.0", "124.0.6367.91"), True),  # a full build number
        (CHROME_WIN.replace("Windows NT 10.0", "Windows NT 6.1"), True),  # Windows 7: no Chrome after 109
        (SAFARI_MAC.replace("AppleWebKit/605.1.15", "AppleWebKit/537.36").replace("Version/17.4 Safari/605.1.15",
                                                                            "Chrome/124.0.0.0 Safari/537.36")
         .replace("10_15_7", "10_13_6"), True),  # macOS 10.13: no Chrome after 116
        # Not judged: before the reduction, other engines, WebViews and forks with their own User-Agent.
        (CHROME_WIN.replace("124.0.0.0", "109.0.5414.120").replace("Windows NT 10.0", "Windows NT 6.1"), None),
        (CHROME_ANDROID.replace("Mobile Safari", "; wv) Mobile Safari"), None),
        (SAMSUNG, None),
        (HEADLESS, None),
        (FIREFOX_WIN, None),
        (SAFARI_MAC, None),
        (CHROME_IOS, None),
        ("python-requests/2.31.0", None),
        ("", None),
    ],
)
def test_a_recent_chrome_sends_the_reduced_user_agent(analyser, ua, unreduced):
    assert analyser.analyse({"user-agent": ua}).unreduced is unreduced


def test_real_browsers_send_the_reduced_user_agent():
    """fake-useragent's real strings, weighted by their share of traffic: almost every recent Chrome
    and Edge is reduced, so the flag separates templates from people."""
    analyser = UserAgentAnalyser()
    judged = flagged = 0.0
    for row in _fake_useragent_rows():
        info = analyser.analyse({"user-agent": row["useragent"]})
        if info.unreduced is not None:
            judged += row["percent"]
            flagged += row["percent"] * info.unreduced
    assert judged > 25  # percent of all traffic: Chrome and Edge of 113 and later
    assert flagged / judged < 0.01

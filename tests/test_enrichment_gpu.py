"""The collector's WebGL renderer: its kind, and whether it fits the User-Agent's system."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from signupguard.context import parse_event
from signupguard.enrichment import Enricher
from signupguard.enrichment.device import UserAgentAnalyser, analyse_device
from signupguard.enrichment.gpu import MAX_RENDERER, analyse_gpu
from signupguard.enrichment.types import IPInfo
from signupguard.features import FEATURE_INDEX, event_features
from signupguard.velocity.keys import carries_tell
from tests.test_enrichment_device import CHROME_ANDROID, CHROME_LINUX, CHROME_WIN, IPHONE, SAFARI_MAC

# Strings real browsers report (Chrome through ANGLE, Firefox sanitised, Safari masked to "Apple GPU").
WINDOWS_INTEL = "ANGLE (Intel, Intel(R) UHD Graphics 620 (0x00005917) Direct3D11 vs_5_0 ps_5_0, D3D11)"
WINDOWS_NVIDIA = "ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002504) Direct3D11 vs_5_0 ps_5_0, D3D11)"
WINDOWS_SNAPDRAGON = "ANGLE (Qualcomm, Qualcomm(R) Adreno(TM) X1-85 GPU (0x36334330) Direct3D11 vs_5_0 ps_5_0, D3D11)"
MAC_CHROME = "ANGLE (Apple, ANGLE Metal Renderer: Apple M1, Unspecified Version)"
ANDROID_ADRENO = "ANGLE (Qualcomm, Adreno (TM) 740, OpenGL ES 3.2)"
HEADLESS_CHROMIUM = "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)"


@pytest.mark.parametrize(
    "renderer, os_family, kind, mismatch",
    [
        (WINDOWS_INTEL, "Windows", "desktop", False),
        (WINDOWS_NVIDIA, "Windows", "desktop", False),
        (WINDOWS_SNAPDRAGON, "Windows", "mobile", False),  # Windows on Snapdragon laptops draws with Adreno
        ("Intel(R) HD Graphics, or similar", "Windows", "desktop", False),  # Firefox
        (MAC_CHROME, "Mac OS X", "apple", False),
        ("Apple GPU", "Mac OS X", "apple", False),  # Safari
        ("ANGLE (Intel Inc., Intel(R) Iris(TM) Plus Graphics 655, OpenGL 4.1)", "Mac OS X", "desktop", False),
        ("Intel Integrated Graphics", "Mac OS X", "desktop", False),  # "integrated" names no Tegra
        ("Apple GPU", "iOS", "apple", False),
        (ANDROID_ADRENO, "Android", "mobile", False),
        ("Mali-G78 MP14", "Android", "mobile", False),
        ("Samsung Xclipse 940", "Android", "mobile", False),
        ("NVIDIA Tegra", "Android", "mobile", False),  # NVIDIA's Shield and Tegra tablets
        ("ANGLE (Samsung Xclipse 920) on Vulkan 1.1.179", "Android", "mobile", False),
        ("ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)", "Chrome OS", "desktop", False),
        ("Mesa Intel(R) UHD Graphics 620 (KBL GT2)", "Ubuntu", "desktop", False),
        # A User-Agent copied onto another machine keeps that machine's chip.
        (WINDOWS_NVIDIA, "Android", "desktop", True),
        ("ANGLE (AMD, AMD Radeon RX 6700 XT, OpenGL 4.6)", "Android", "desktop", True),  # a desktop card
        (WINDOWS_INTEL, "Android", "desktop", True),  # Direct3D is Windows' alone
        (WINDOWS_INTEL, "iOS", "desktop", True),
        (ANDROID_ADRENO, "iOS", "mobile", True),
        ("Mali-G78 MP14", "Mac OS X", "mobile", True),
        ("PowerVR Rogue GE8320", "Windows", "mobile", True),
        (MAC_CHROME, "Windows", "apple", True),
        ("Apple GPU", "Android", "apple", True),
        (WINDOWS_INTEL, "Linux", "desktop", True),
        # No graphics chip: headless browsers, servers, virtual machines, the Android emulator.
        (HEADLESS_CHROMIUM, "Linux", "software", False),
        ("Google SwiftShader", "Windows", "software", False),
        ("llvmpipe (LLVM 15.0.6, 256 bits)", "Ubuntu", "software", False),
        ("ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)", "Windows", "software", False),
        ("ANGLE (VMware, Inc., VMware SVGA 3D Direct3D11 vs_5_0 ps_5_0, D3D11)", "Windows", "virtual", False),
        ("Android Emulator OpenGL ES Translator (Google SwiftShader)", "Android", "emulator", False),
        (HEADLESS_CHROMIUM, "iOS", "software", True),  # no iPhone draws without its GPU
        # Unknown systems and unknown chips are not judged.
        (WINDOWS_INTEL, None, "desktop", None),
        (WINDOWS_INTEL, "BlackBerry OS", "desktop", None),
        ("Some New Chip 9000", "Windows", "other", False),
    ],
)
def test_the_renderer_is_classified_and_checked_against_the_system(renderer, os_family, kind, mismatch) -> None:
    text, found_kind, found_mismatch = analyse_gpu(renderer, os_family)
    assert text == renderer
    assert (found_kind, found_mismatch) == (kind, mismatch)


@pytest.mark.parametrize("masked", ["WebKit WebGL", "Mozilla", "", "   ", "webkit webgl"])
def test_a_masked_renderer_says_nothing(masked) -> None:
    assert analyse_gpu(masked, "Windows")[1:] == (None, None)


@pytest.mark.parametrize("junk", [None, 12, 1.5, True, ["Apple GPU"], {"r": "x"}, "\x00\x01\x02"])
def test_junk_is_no_renderer(junk) -> None:
    assert analyse_gpu(junk, "Windows") == (None, None, None)


def test_a_long_or_unprintable_renderer_is_cut_and_cleaned() -> None:
    text, kind, _ = analyse_gpu("Mali-G78\x00\n MP14 " + "x" * 5000, "Android")
    assert text.startswith("Mali-G78 MP14") and len(text) == MAX_RENDERER and kind == "mobile"


def _device(renderer, ua_header: str):
    ua = UserAgentAnalyser(newest={}).analyse({"user-agent": ua_header})
    device = {"fingerprint": "fp", "timezone": "Europe/Paris"}
    if renderer is not None:
        device["webgl_renderer"] = renderer
    return analyse_device(device, {"user-agent": ua_header}, ip=IPInfo(), ua=ua,
                          when=dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc))


def test_the_device_analysis_reads_the_collectors_renderer() -> None:
    phone = _device(WINDOWS_NVIDIA, IPHONE)
    assert (phone.gpu, phone.gpu_kind, phone.gpu_mismatch) == (WINDOWS_NVIDIA, "desktop", True)
    mac = _device("Apple GPU", SAFARI_MAC)
    assert (mac.gpu_kind, mac.gpu_mismatch) == ("apple", False)
    older_collector = _device(None, CHROME_WIN)
    assert (older_collector.gpu, older_collector.gpu_kind, older_collector.gpu_mismatch) == (None, None, None)


def _features(renderer, ua_header: str) -> list[float]:
    device = {"fingerprint": "fp", "timezone": "Europe/Paris"}
    if renderer is not None:
        device["webgl_renderer"] = renderer
    event = parse_event({"event_id": "e", "kind": "signup", "occurred_at": "2026-06-01T12:00:00Z",
                         "ip": "81.2.69.160", "headers": {"user-agent": ua_header}, "device": device})
    return event_features(event, Enricher().enrich(event))


@pytest.mark.parametrize(
    "renderer, ua_header, mismatch, virtual",
    [
        (None, CHROME_WIN, math.nan, math.nan),  # an older collector, an API client: no evidence
        ("WebKit WebGL", CHROME_WIN, math.nan, math.nan),
        (WINDOWS_INTEL, CHROME_WIN, 0.0, 0.0),
        (WINDOWS_NVIDIA, CHROME_ANDROID, 1.0, 0.0),
        (HEADLESS_CHROMIUM, CHROME_LINUX, 0.0, 1.0),
        ("Android Emulator OpenGL ES Translator (Google SwiftShader)", CHROME_ANDROID, 0.0, 1.0),
    ],
)
def test_the_model_reads_the_renderer_as_two_features(renderer, ua_header, mismatch, virtual) -> None:
    row = _features(renderer, ua_header)
    for name, expected in (("device_gpu_mismatch", mismatch), ("device_gpu_virtual", virtual)):
        value = row[FEATURE_INDEX[name]]
        assert (math.isnan(value) and math.isnan(expected)) or value == expected, name


def test_a_contradicting_chip_is_a_tell_for_its_neighbourhood_and_a_software_one_is_not() -> None:
    """Real people draw with SwiftShader now and then (a blocklisted GPU, a remote desktop); none
    draws Direct3D on a phone."""
    def tell(renderer, ua_header):
        event = parse_event({"event_id": "e", "kind": "signup", "occurred_at": "2026-06-01T12:00:00Z",
                             "ip": "81.2.69.160", "headers": {"user-agent": ua_header},
                             "device": {"fingerprint": "fp", "webgl_renderer": renderer}})
        return carries_tell(event, Enricher().enrich(event))

    assert tell(WINDOWS_INTEL, CHROME_ANDROID) is True
    assert tell(ANDROID_ADRENO, CHROME_ANDROID) is False
    assert tell(HEADLESS_CHROMIUM, CHROME_LINUX) is False

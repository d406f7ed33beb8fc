"""The WebGL renderer the collector reports, and whether it fits the claimed device.

Browsers name the graphics chip they draw with (``WEBGL_debug_renderer_info``;
Firefox sanitises the name, Safari says "Apple GPU"). It is the device
signal that farms find hardest to keep consistent:

* a software renderer (SwiftShader, llvmpipe, Microsoft's Basic Render
  Driver) draws for headless browsers, servers, virtual machines and remote
  desktops; a few real people see it too (a GPU the browser blocklists, a
  session over RDP), so it is evidence, not a verdict;
* a virtual machine's adapter (VMware, VirtualBox, Parallels, virgl) and the
  Android emulator's translator name themselves;
* a User-Agent copied onto another machine keeps that machine's chip: an
  iPhone User-Agent drawing with an NVIDIA card, an Android one with
  Direct3D, Windows with Apple's Metal. ``gpu_mismatch`` is that
  contradiction. Checks are only made where every real device agrees
  (Windows on Snapdragon laptops draws with Adreno; Linux on Apple silicon
  with an Apple GPU; Intel chips sit in a few Android tablets), and a
  renderer the browser masks ("WebKit WebGL", Firefox's "Mozilla") says
  nothing.

The renderer is attacker-controlled text: any type is tolerated, nothing raises.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .useragent import _LINUX_OS

MAX_RENDERER = 200
# What browsers answer when they hide the chip: no evidence either way.
_MASKED = frozenset({"", "webkit webgl", "mozilla", "generic renderer", "disabled", "unknown"})

# Kinds of renderer that draw without a physical graphics chip: headless browsers, servers,
# virtual machines, the Android emulator.
NO_CHIP_KINDS = frozenset({"software", "virtual", "emulator"})
# (substring of the lower-cased renderer, kind), first match wins: the Android emulator's
# translator often runs on SwiftShader, and a virtual machine's driver may mention the host chip.
_KINDS: tuple[tuple[str, str], ...] = (
    ("android emulator", "emulator"), ("emulator opengl", "emulator"), ("genymotion", "emulator"),
    ("swiftshader", "software"), ("llvmpipe", "software"), ("lavapipe", "software"), ("softpipe", "software"),
    ("basic render driver", "software"), ("software rasterizer", "software"), ("mesa offscreen", "software"),
    ("vmware", "virtual"), ("virtualbox", "virtual"), ("parallels", "virtual"), ("virgl", "virtual"),
    ("qxl", "virtual"), ("hyper-v", "virtual"), ("paravirtual", "virtual"),
)
# Chip families by the words that name them (whole words: "integrated" names no Tegra). GeForce,
# Quadro and Radeon are also "card": desktop graphics cards, which no phone has (NVIDIA's name alone
# is on Tegra devices too, and AMD's designs are inside Samsung's Xclipse).
_FAMILIES: dict[str, tuple[str, ...]] = {
    "apple": ("apple",), "adreno": ("adreno",), "mali": ("mali",), "immortalis": ("mali",),
    "powervr": ("powervr",), "bxm": ("powervr",), "xclipse": ("xclipse",), "maleoon": ("maleoon",),
    "tegra": ("tegra",), "nvidia": ("nvidia",), "geforce": ("nvidia", "card"), "quadro": ("nvidia", "card"),
    "amd": ("amd",), "radeon": ("amd", "card"), "intel": ("intel",),
    # Drawing APIs: ANGLE names Direct3D on Windows alone and Metal on Apple's systems alone.
    "direct3d": ("direct3d",), "direct3d9ex": ("direct3d",), "direct3d11": ("direct3d",), "d3d9": ("direct3d",),
    "d3d11": ("direct3d",), "metal": ("metal",),
}
# Names that say how a chip draws or what it is, not whose it is.
_NOT_A_FAMILY = frozenset({"direct3d", "metal", "card"})
_WORD = re.compile(r"[a-z0-9]+")
_MOBILE_FAMILIES = frozenset({"adreno", "mali", "powervr", "xclipse", "maleoon", "tegra"})
# Chip families and drawing APIs no real device of an operating system reports.
_IMPOSSIBLE: dict[str, frozenset[str]] = {
    "iOS": frozenset({"adreno", "mali", "powervr", "xclipse", "maleoon", "tegra", "nvidia", "amd", "intel",
                      "direct3d", "software", "virtual", "emulator"}),
    "Android": frozenset({"apple", "card", "direct3d", "metal"}),
    "Windows": frozenset({"apple", "mali", "powervr", "xclipse", "maleoon", "metal"}),
    "Mac OS X": frozenset({"adreno", "mali", "powervr", "xclipse", "maleoon", "tegra", "direct3d"}),
    "Chrome OS": frozenset({"direct3d", "metal", "apple"}),
    "Linux": frozenset({"direct3d", "metal"}),
}


def renderer_text(value: Any) -> str | None:
    """The reported renderer, trimmed to MAX_RENDERER printable characters; None if it is none."""
    if not isinstance(value, str):
        return None
    text = "".join(c for c in value[: MAX_RENDERER * 2] if c.isprintable()).strip()[:MAX_RENDERER]
    return text or None


@lru_cache(maxsize=4096)
def _describe(renderer: str) -> tuple[str | None, frozenset[str]]:
    """(kind, the chip families and drawing APIs the renderer names) of a cleaned renderer."""
    lowered = renderer.lower()
    if lowered in _MASKED:
        return None, frozenset()
    kind = next((k for needle, k in _KINDS if needle in lowered), None)
    families = {family for word in _WORD.findall(lowered) for family in _FAMILIES.get(word, ())}
    if kind is None:
        chips = families - _NOT_A_FAMILY
        if chips & _MOBILE_FAMILIES:
            kind = "mobile"
        elif "apple" in chips:
            kind = "apple"
        elif chips:
            kind = "desktop"
        else:
            kind = "other"
    return kind, frozenset(families | ({kind} if kind in NO_CHIP_KINDS else set()))


def analyse_gpu(value: Any, os_family: str | None) -> tuple[str | None, str | None, bool | None]:
    """(renderer, kind, mismatch) of the collector's ``webgl_renderer`` for a User-Agent's OS.

    ``kind``: software, virtual, emulator, mobile, desktop, apple or other;
    None when no renderer or a masked one was sent. ``mismatch``: the renderer
    names a chip or API that no real device of ``os_family`` draws with; None
    when either side is unknown.
    """
    renderer = renderer_text(value)
    if renderer is None:
        return None, None, None
    kind, names = _describe(renderer)
    if kind is None:
        return renderer, None, None
    # Linux distributions' browsers name their own systems (Ubuntu, Fedora): they draw like Linux.
    impossible = _IMPOSSIBLE.get("Linux" if os_family in _LINUX_OS else os_family) if os_family else None
    if impossible is None:
        return renderer, kind, None
    return renderer, kind, not impossible.isdisjoint(names)

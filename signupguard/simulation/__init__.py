"""The traffic simulator: a legitimate population, fraud campaigns and demo GeoIP databases."""

from typing import Any

# The largest --scale simulate accepts: the project's largest benchmark uses 6; far past this the
# campaigns no longer fit in memory. Here, so the command can say it without the optional dependencies.
MAX_SCALE = 1000.0
# The longest window and the largest population it accepts: ten years, and twenty times the
# 1M-event benchmark's 500,000 legitimate signups. Past them a typo runs for hours or fills memory.
MAX_DAYS = 3660
MAX_LEGIT = 10_000_000

# Imported lazily: ``geodb`` is used without the simulator's optional dependencies (faker, fake-useragent).
__all__ = ["SimulationSummary", "resolve_campaigns", "simulate"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import run

        return getattr(run, name)
    raise AttributeError(name)

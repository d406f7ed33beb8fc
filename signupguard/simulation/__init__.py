"""The traffic simulator: a legitimate population, fraud campaigns and demo GeoIP databases."""

# The largest --scale simulate accepts: the project's largest benchmark uses 6; far past this the
# campaigns no longer fit in memory. Here, so the command can say it without the optional dependencies.
MAX_SCALE = 1000.0

# Imported lazily: ``geodb`` is used without the simulator's optional dependencies (faker, fake-useragent).
__all__ = ["SimulationSummary", "resolve_campaigns", "simulate"]


def __getattr__(name: str):
    if name in __all__:
        from . import run

        return getattr(run, name)
    raise AttributeError(name)

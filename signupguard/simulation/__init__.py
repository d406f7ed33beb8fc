"""The traffic simulator: a legitimate population, fraud campaigns and demo GeoIP databases."""

# Imported lazily: ``geodb`` is used without the simulator's optional dependencies (faker, fake-useragent).
__all__ = ["SimulationSummary", "resolve_campaigns", "simulate"]


def __getattr__(name: str):
    if name in __all__:
        from . import run

        return getattr(run, name)
    raise AttributeError(name)

"""The demo GeoIP databases: the simulator's synthetic internet, written as MaxMind files.

Real GeoLite2 files need a MaxMind account; the demo uses the simulator's world
(the seed ``signupguard_simulate`` defaults to) instead, so simulated traffic
replayed against the demo portal is enriched consistently.
"""

from __future__ import annotations

from pathlib import Path

DEMO_SEED = 7  # signupguard_simulate's default --seed


def build_demo_geoip(directory: Path, *, seed: int = DEMO_SEED) -> dict[str, Path]:
    """Write GeoLite2-ASN.mmdb, GeoLite2-City.mmdb (and the optional ones) into ``directory``."""
    from signupguard.simulation.world import World
    from signupguard.simulation.writer import write_geoip

    return write_geoip(World(seed), Path(directory))

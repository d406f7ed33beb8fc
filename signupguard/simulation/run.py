"""``simulate()``: the one entry point the management command and the tests call."""

from __future__ import annotations

import datetime as dt
import os
import random
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence

from . import MAX_DAYS, MAX_LEGIT, MAX_SCALE
from .campaigns import CAMPAIGNS
from .cohort import Cohort, Sim
from .crowds import CROWDS
from .population import LegitPopulation
from .signals import omissions
from .traps import TRAPS
from .world import World
from .writer import write_events, write_geoip

START = dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc)


@dataclass(slots=True)
class SimulationSummary:
    """What was written, and how much of each kind of traffic."""

    out: Path
    geoip: dict[str, Path]
    events: int
    counts: dict[str, int]  # "<label>/<kind>"
    by_campaign: dict[str, dict[str, int]] = field(default_factory=dict)  # campaign -> {"signup": n, "login": n}
    seconds: float = 0.0

    @property
    def signups(self) -> int:
        return self.counts.get("fraud/signup", 0) + self.counts.get("legit/signup", 0)

    @property
    def fraud_share(self) -> float:
        """Share of signups that are fraud (the campaigns' weight in the data)."""
        return self.counts.get("fraud/signup", 0) / self.signups if self.signups else 0.0


def resolve_campaigns(campaigns: str | Sequence[str] | None) -> list[str]:
    """``all``, ``none``, a comma-separated string or a list → known archetype names."""
    if campaigns is None or campaigns == "all":
        return list(CAMPAIGNS)
    if campaigns == "none" or campaigns == "":
        return []
    # Once each: a campaign named twice would run twice from one seed, every account written twice.
    given = campaigns.split(",") if isinstance(campaigns, str) else campaigns
    names = list(dict.fromkeys(c.strip() for c in given if c.strip()))
    unknown = [n for n in names if n not in CAMPAIGNS]
    if unknown:
        raise ValueError(f"unknown campaign(s): {', '.join(unknown)}; known: {', '.join(CAMPAIGNS)}")
    return names


def simulate(
    *,
    out: str | Path,
    days: int = 14,
    legit: int = 20000,
    seed: int = 7,
    campaigns: str | Sequence[str] | None = "all",
    scale: float = 1.0,
    geoip_dir: str | Path | None = None,
    traps: bool = True,
    progress: bool = True,
    world_seed: int | None = None,
    without: Sequence[str] = (),
    params: Mapping[str, Mapping[str, Any]] | None = None,
) -> SimulationSummary:
    """Write labelled raw events and the GeoIP databases they resolve against.

    Deterministic: the same arguments give the same bytes. Campaign sizes grow
    with ``scale``; the legitimate population with ``legit`` (signups in the window).
    ``world_seed`` (default: ``seed``) draws the internet, and so the GeoIP
    databases, apart from the people: runs that share it resolve against the
    same databases, so several populations can be featurised with one.
    ``without`` names signals (``simulation.signals.SIGNALS``) every event
    leaves out, as a portal that does not send them: the same events otherwise.
    ``params`` sets campaigns' parameters (``{"hydra": {"api_share": 0.9}}``;
    ``parameters.parse_params`` reads them from the command line's form).
    """
    if not (1 <= days <= MAX_DAYS and 0 <= legit <= MAX_LEGIT and 0 <= scale <= MAX_SCALE):  # NaN fails too
        raise ValueError(f"days must be between 1 and {MAX_DAYS}, legit between 0 and {MAX_LEGIT} "
                         f"and scale between 0 and {MAX_SCALE:g}")
    leave_out = omissions(without)
    names = resolve_campaigns(campaigns)
    params = {name: dict(values) for name, values in (params or {}).items() if values}
    if set(params) - set(names):
        raise ValueError(f"parameters for campaigns not simulated: {', '.join(sorted(set(params) - set(names)))}")
    began = time.monotonic()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    geoip_path = Path(geoip_dir) if geoip_dir else out.parent
    world = World(seed if world_seed is None else world_seed)
    sim = Sim(world=world, seed=seed, start=START.timestamp(), days=days, scale=scale, legit=legit)
    cohorts: list[Cohort] = [LegitPopulation(sim, random.Random(f"{seed}-legit"))]
    if legit > 0:
        cohorts += [cls(sim, random.Random(f"{seed}-{name}")) for name, cls in CROWDS.items()]
    if traps and legit > 0:
        cohorts += [cls(sim, random.Random(f"{seed}-{name}")) for name, cls in TRAPS.items()]
    if scale > 0:
        try:
            cohorts += [CAMPAIGNS[name](sim, random.Random(f"{seed}-{name}"), **params.get(name, {})) for name in names]
        except TypeError as exc:  # a parameter the archetype does not have
            if not params:
                raise
            raise ValueError(str(exc)) from None
    streams = [cohort.stream(i) for i, cohort in enumerate(cohorts)]
    start_ms = int(sim.start * 1000)
    # Written beside --out and renamed, the GeoIP files only after the events: a run that fails
    # (or is interrupted) leaves no half file and keeps the last good run's events and databases.
    # A random name, created exclusively (write_events): a symlink planted at a name one could guess (the pid's)
    # would have had the run truncate the file it names.
    partial = out.with_name(f".{out.name}.{secrets.token_hex(4)}.part")
    try:
        counts = write_events(partial, streams, seed=seed, start_ms=start_ms, end_ms=int(sim.end * 1000),
                              progress=progress, without=leave_out)
        geoip = write_geoip(world, geoip_path)
        os.replace(partial, out)
    except BaseException as exc:
        partial.unlink(missing_ok=True)
        if not params or not isinstance(exc, Exception) or isinstance(exc, OSError):
            raise
        # A value the checks let through that the campaign cannot run with: say which.
        raise ValueError(f"the campaigns could not run with the parameters {params}: {exc!r}") from exc
    by_campaign: dict[str, dict[str, int]] = {}
    for cohort in cohorts:
        for key, n in cohort.counts.items():
            campaign, kind = key.rsplit("/", 1)
            by_campaign.setdefault(campaign, {"signup": 0, "login": 0})[kind] += n
    return SimulationSummary(out, geoip, sum(counts.values()), counts, dict(sorted(by_campaign.items())), time.monotonic() - began)

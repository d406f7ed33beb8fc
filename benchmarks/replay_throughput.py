"""Replay throughput and the cost of history.

    python benchmarks/replay_throughput.py [--events 100000] [--history 1000000] [--listed-ranges N]

Prints:
* replay throughput (events/s) over N events of simulated traffic, with the
  shipped model, in one process (the full `signupguard_replay` path); with
  ``--listed-ranges``, that many random IPv4 and IPv6 ranges are deny-listed
  (a portal listing a cloud's egress or the Tor exits);
* the per-event cost of the sequential part (enrichment + velocity +
  features) measured over 10k events after 10k events of history and after
  1M events of history, and their ratio (target <= 1.3); the two are
  measured side by side, in alternating chunks, so that the machine's load
  falls on both.
"""

from __future__ import annotations

import argparse
import io
import ipaddress
import random
import tempfile
import time
from pathlib import Path

from _setup import django_setup, synthetic_events

django_setup()

from tqdm import tqdm  # noqa: E402

from signupguard.context import parse_event  # noqa: E402
from signupguard.offline import offline_engine, paused_gc, replay  # noqa: E402
from signupguard.simulation import simulate  # noqa: E402


def _random_ranges(count: int) -> list[str]:
    rng = random.Random(3)
    ranges = []
    for _ in range(count):
        if rng.random() < 0.7:
            ranges.append(str(ipaddress.ip_network((rng.getrandbits(32), rng.choice([16, 20, 24, 28, 32])), strict=False)))
        else:
            ranges.append(str(ipaddress.ip_network((rng.getrandbits(128), rng.choice([32, 48, 64])), strict=False)))
    return ranges


def throughput(n_events: int, workdir: Path, listed_ranges: int = 0) -> None:
    events = workdir / "events.jsonl"
    legit = int(n_events * 0.8)
    summary = simulate(out=events, days=14, legit=legit, seed=11, campaigns="all", scale=1.0, geoip_dir=workdir)
    lines = sum(1 for _ in events.open())
    from django.test import override_settings

    conf = {"GEOIP_ASN": str(workdir / "GeoLite2-ASN.mmdb"), "GEOIP_CITY": str(workdir / "GeoLite2-City.mmdb")}
    if listed_ranges:
        conf["DENY_IP_RANGES"] = _random_ranges(listed_ranges)
    with override_settings(SIGNUPGUARD=conf):
        sink = io.StringIO()
        started = time.perf_counter()
        result = replay(events, sink, explain="auto")
        seconds = time.perf_counter() - started
    listed = f" with {listed_ranges:,} deny-listed ranges" if listed_ranges else ""
    print(f"replay{listed}: {lines} events in {seconds:.1f} s = {lines / seconds:,.0f} events/s "
          f"(model {result.model_version}; {result.text()})")
    del summary


def _with_history(size: int, probes: list) -> tuple:
    """An engine after ``size`` events of history, and the probes moved to just after it."""
    engine = offline_engine()
    for event in tqdm(synthetic_events(size, seed=5), total=size, desc=f"history {size:,}", leave=False):
        engine.prepare(parse_event(event))
    # Probes continue after the history, so windows hold the history.
    last = event["occurred_at"]
    return engine, [parse_event({**e.to_dict(), "occurred_at": last}) for e in probes]


def history_ratio(history: int, sample: int = 10_000, chunk: int = 500) -> None:
    """Per-event cost of ``prepare`` after 10k and after ``history`` events, measured side by side.

    Both engines are built first; then the probes run in chunks, alternating
    between the two (and which goes first), so a burst of load on this shared
    machine falls on both sides instead of on one of them.
    """
    probes = [parse_event(e) for e in synthetic_events(sample, seed=99, start=None)]
    with paused_gc():  # as replay and training run
        sides = {size: _with_history(size, probes) for size in (10_000, history)}
        spent = dict.fromkeys(sides, 0.0)
        for at in range(0, sample, chunk):
            order = list(sides) if (at // chunk) % 2 == 0 else list(reversed(list(sides)))
            for size in order:
                engine, shifted = sides[size]
                started = time.perf_counter()
                for event in shifted[at:at + chunk]:
                    engine.prepare(event)
                spent[size] += time.perf_counter() - started
    results = {size: seconds / sample * 1e6 for size, seconds in spent.items()}
    for size, cost in results.items():
        print(f"per-event cost after {size:>9,} events of history: {cost:.1f} µs")
    print(f"history ratio ({history:,} / 10,000): {results[history] / results[10_000]:.2f} (target <= 1.3)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--history", type=int, default=1_000_000, help="0: skip the history ratio")
    parser.add_argument("--listed-ranges", type=int, default=0, help="deny-list this many random IP ranges")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        throughput(args.events, Path(tmp), args.listed_ranges)
    if args.history:
        history_ratio(args.history)


if __name__ == "__main__":
    main()

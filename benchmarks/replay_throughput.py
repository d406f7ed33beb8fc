"""Replay throughput and the cost of history.

    python benchmarks/replay_throughput.py [--events 100000] [--history 1000000]

Prints:
* replay throughput (events/s) over N events of simulated traffic, with the
  shipped model, in one process (the full `signupguard_replay` path);
* the per-event cost of the sequential part (enrichment + velocity +
  features) measured over 10k events after 10k events of history and after
  1M events of history, and their ratio (target <= 1.3); the two are
  measured side by side, in alternating chunks, so that the machine's load
  falls on both.
"""

from __future__ import annotations

import argparse
import io
import json
import tempfile
import time
from pathlib import Path

from _setup import django_setup, synthetic_events

django_setup()

from tqdm import tqdm  # noqa: E402

from signupguard.context import parse_event  # noqa: E402
from signupguard.offline import offline_engine, paused_gc, replay  # noqa: E402
from signupguard.simulation import simulate  # noqa: E402


def throughput(n_events: int, workdir: Path) -> None:
    events = workdir / "events.jsonl"
    legit = int(n_events * 0.8)
    summary = simulate(out=events, days=14, legit=legit, seed=11, campaigns="all", scale=1.0, geoip_dir=workdir)
    lines = sum(1 for _ in events.open())
    from django.test import override_settings

    with override_settings(SIGNUPGUARD={"GEOIP_ASN": str(workdir / "GeoLite2-ASN.mmdb"), "GEOIP_CITY": str(workdir / "GeoLite2-City.mmdb")}):
        sink = io.StringIO()
        started = time.perf_counter()
        result = replay(events, sink, explain="auto")
        seconds = time.perf_counter() - started
    print(f"replay: {lines} events in {seconds:.1f} s = {lines / seconds:,.0f} events/s "
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
    parser.add_argument("--history", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        throughput(args.events, Path(tmp))
    history_ratio(args.history)


if __name__ == "__main__":
    main()

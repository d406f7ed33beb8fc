"""The shipped model on traffic from generators written apart from the simulator.

    python benchmarks/independent_traffic.py [--model DIR] [--only a b c d e f g h i j k l m]

``benchmarks/independent/a`` and ``b`` were written in session 8, ``c`` in
session 9, ``d`` in session 10, ``e`` in session 11, ``f`` in session 13,
``g`` in session 14, ``h`` in session 16, ``i`` in session 17, ``j`` in
session 28, ``k`` in session 29, ``l`` in session 30 and ``m`` in session 37, each by a
helper who was shown the event contract and MaxMind's record shapes, never
SignupGuard's code, simulator or documents, and was asked for realistic
traffic of its own design (legitimate segments, fraud operations, their own
GeoIP databases). Each writes labelled events with a
``campaign`` field. This script runs each generator with its default seed,
replays its events through ``signupguard_replay`` against its own databases,
and prints the share of each segment held (review or block) and blocked, then
the ranking without the thresholds: the share of fraudulent signups scored
above the top 1%, 2% and 5% of legitimate ones.

Session 8 changed the product after reading a's and b's first results,
session 9 after c's, session 10 after d's, session 13 after f's, session 14
after g's, session 16 after h's (docs/detection.md); i was measured in
session 17, j in session 28, k in session 29, l in session 30 and m in session
37, and nothing was changed for any of them. Each one's first
figures were measured before anything was changed for it, and are kept in
docs/detection.md.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import orjson
from _setup import decision_shares, django_setup

django_setup()  # this checkout's signupguard first on the path

from signupguard.evaluation import recall_at_fpr  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
GENERATORS = {name: ROOT / "benchmarks" / "independent" / name for name in ("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m")}
# Segments a portal would allow-list rather than score: e's and k's own uptime probes (headless, webdriver).
PORTAL_PROBES = {"e": "synthetic_monitoring", "k": "legit_synthetic_monitoring"}


def _table(events: Path, scores: Path) -> list[str]:
    truth = {}
    with open(events, "rb") as handle:
        for line in handle:
            event = orjson.loads(line)
            truth[event["event_id"]] = (event.get("label"), event["kind"], event.get("campaign", ""))

    def groups(event_id: str) -> tuple[tuple[str, str, str], ...]:
        label, kind, campaign = truth[event_id]
        return (label, kind, "all"), (label, kind, campaign)

    shares = decision_shares(scores, groups)
    lines = ["| label | kind | segment or operation | events | held | blocked |", "|---|---|---|---:|---:|---:|"]
    for (label, kind, campaign), (n, held, blocked) in sorted(shares.items(), key=lambda item: (item[0][0], item[0][1], item[0][2] != "all", item[0][2])):
        name = f"**{campaign}**" if campaign == "all" else campaign
        lines.append(f"| {label} | {kind} | {name} | {n:,} | {held:.2%} | {blocked:.2%} |")
    return lines


# The share of a generator's fraudulent signups scored above the top 1%, 2% and 5% of its legitimate ones.
RANKING_RATES = (0.01, 0.02, 0.05)


def labelled_signups(events: Path, scores: Path, *, leave_out: frozenset[str] = frozenset()
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(occurred_at, score, is fraud) of the replay's labelled signups, in time order; ``leave_out``: segments to skip."""
    truth = {}
    with open(events, "rb") as handle:
        for line in handle:
            event = orjson.loads(line)
            if event["kind"] == "signup" and event.get("label") is not None and event.get("campaign", "") not in leave_out:
                truth[event["event_id"]] = (event["occurred_at"], event["label"] == "fraud")
    rows = []
    with open(scores, "rb") as handle:
        for line in handle:
            out = orjson.loads(line)
            if out["event_id"] in truth and out.get("score") is not None:  # a bad line's output has no score
                when, fraud = truth[out["event_id"]]
                rows.append((when, out["score"], fraud))
    rows.sort()
    return (np.array([r[0] for r in rows]), np.array([r[1] for r in rows], dtype=np.float64),
            np.array([r[2] for r in rows], dtype=bool))


def ranking(events: Path, scores: Path, *, leave_out: frozenset[str] = frozenset()) -> str:
    """Fraud signups held at 1% / 2% / 5% of legitimate signups flagged: the ranking, without the thresholds.

    ``leave_out`` names segments to leave out, such as a portal's own uptime
    probe, whose ties at the top would otherwise make the 1% cut meaningless.
    """
    _, values, fraud = labelled_signups(events, scores, leave_out=leave_out)
    if fraud.all() or not fraud.any():
        return "no labelled signups to rank"
    # Strictly above the score that flags that share of legitimate signups: ties count as not held.
    held = [recall_at_fpr(values, fraud.astype(np.int8), rate) for rate in RANKING_RATES]
    return " / ".join(f"{share:.1%}" for share in held)


def generate_and_replay(name: str, work: Path, model: str | None = None) -> None:
    """Run generator ``name`` into ``work`` (events.jsonl, its GeoIP files), then replay it into work/scores.jsonl."""
    subprocess.run([sys.executable, str(GENERATORS[name] / "gen.py"), "--out", str(work)], check=True,
                   cwd=GENERATORS[name], stdout=subprocess.DEVNULL)
    command = [sys.executable, "manage.py", "signupguard_replay", str(work / "events.jsonl"), "--out", str(work / "scores.jsonl")]
    if model:
        command += ["--model", model]
    env = dict(os.environ, SIGNUPGUARD_GEOIP_ASN=str(work / "GeoLite2-ASN.mmdb"),
               SIGNUPGUARD_GEOIP_CITY=str(work / "GeoLite2-City.mmdb"))
    subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", help="a model directory (default: the active model, the shipped one until promoted)")
    parser.add_argument("--only", nargs="*", choices=list(GENERATORS), help="these generators only")
    args = parser.parse_args()
    for name in args.only or list(GENERATORS):
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            generate_and_replay(name, work, args.model)
            print(f"\n### generator {name}\n")
            print("\n".join(_table(work / "events.jsonl", work / "scores.jsonl")))
            rates = " / ".join(f"{rate:.0%}" for rate in RANKING_RATES)
            print(f"\nfraudulent signups held at {rates} of legitimate signups flagged: "
                  f"{ranking(work / 'events.jsonl', work / 'scores.jsonl')}")
            if name in PORTAL_PROBES:
                leave_out = frozenset({PORTAL_PROBES[name]})
                print(f"the same without {PORTAL_PROBES[name]} (the portal's own probe, allow-listed in practice): "
                      f"{ranking(work / 'events.jsonl', work / 'scores.jsonl', leave_out=leave_out)}")


if __name__ == "__main__":
    main()

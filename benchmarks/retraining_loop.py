"""What retraining on a portal's own labels gives, on an independent generator's traffic.

    python benchmarks/retraining_loop.py [--generator d|e] [--legit-after-days 3]

Runs the generator, replays its events through the shipped model (what the
review console would have held), then trains on the first 70% of the
traffic in time (thresholds on the next 15%, as ``signupguard_train``) with
four kinds of labels and measures each on the last 15% with every true
label: none (the shipped model), what reviewers would have labelled (the
attempts the shipped model held), that plus the attempts it allowed at
least N days before the end of each slice taken as legitimate
(``LEGIT_AFTER_DAYS``), and every true label. Prints one table. A
generator's portal probe (e's uptime monitor), which a portal allow-lists,
is neither trained on nor measured.
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
from _setup import django_setup

ROOT = Path(__file__).resolve().parent.parent

django_setup()

from django.test import override_settings  # noqa: E402

from independent_traffic import PORTAL_PROBES  # noqa: E402
from signupguard.evaluation import recall_at_fpr  # noqa: E402
from signupguard.model.train import SignupRiskClassifier, choose_thresholds  # noqa: E402
from signupguard.offline import build_dataset  # noqa: E402

# Each generator's residential proxy farm: the operation this project exists for, shown apart.
FARMS = {"d": "fraud:resi_proxy_distill_farm", "e": "resi_proxy_farm"}


def _measure(name: str, scores: np.ndarray, y: np.ndarray, campaigns: np.ndarray, review: float, block: float,
             farm_name: str) -> str:
    legit, fraud = scores[y == 0], scores[y == 1]
    farm = scores[campaigns == farm_name]
    at = [recall_at_fpr(scores, y, rate) for rate in (0.01, 0.001)]
    return (f"| {name} | {(legit >= review).mean():.2%} / {(legit >= block).mean():.2%} | {(fraud >= review).mean():.1%} | "
            f"{(farm >= review).mean():.0%} | {at[0]:.1%} / {at[1]:.1%} |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--generator", default="d", help="a generator under benchmarks/independent (default: d)")
    parser.add_argument("--farm", help="the campaign shown apart (default: the generator's residential proxy farm)")
    parser.add_argument("--legit-after-days", type=float, default=3.0,
                        help="allowed attempts this many days old count as legitimate (default 3: d lasts 14 days)")
    args = parser.parse_args()
    farm = args.farm or FARMS.get(args.generator, "")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        subprocess.run([sys.executable, "gen.py", "--out", str(work)], cwd=ROOT / "benchmarks" / "independent" / args.generator,
                       check=True, stdout=subprocess.DEVNULL)
        databases = {"GEOIP_ASN": str(work / "GeoLite2-ASN.mmdb"), "GEOIP_CITY": str(work / "GeoLite2-City.mmdb")}
        env = dict(os.environ, SIGNUPGUARD_GEOIP_ASN=databases["GEOIP_ASN"], SIGNUPGUARD_GEOIP_CITY=databases["GEOIP_CITY"])
        subprocess.run([sys.executable, "manage.py", "signupguard_replay", str(work / "events.jsonl"), "--out", str(work / "scores.jsonl")],
                       cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shipped: dict[str, tuple[float, bool]] = {}
        with open(work / "scores.jsonl", "rb") as handle:
            for line in handle:
                row = orjson.loads(line)
                shipped[row["event_id"]] = (row["score"], row["decision"] != "allow")
        restricted = ["CN", "RU", "BY", "IR", "KP", "SY", "CU"]  # the demo portal's list, as the replay above used
        with override_settings(SIGNUPGUARD={**databases, "RESTRICTED_COUNTRIES": restricted}):
            data = build_dataset(work / "events.jsonl")
    n = len(data.y)
    index = np.arange(n)
    kinds, campaigns = np.asarray(data.kinds), np.asarray(data.campaigns)
    # A portal allow-lists its own probe: the model never decides it, so it is neither a label
    # nor measured (its attempts still fed velocity above).
    decided = ~np.isin(campaigns, [PORTAL_PROBES[args.generator]] if args.generator in PORTAL_PROBES else [])
    train = decided & (index < int(n * 0.70))
    valid = decided & (index >= int(n * 0.70)) & (index < int(n * 0.85))
    test = decided & (index >= int(n * 0.85))
    held = np.array([shipped[event_id][1] for event_id in data.event_ids])
    signups = test & (kinds == "signup")
    y_test, c_test = data.y[signups], campaigns[signups]

    # The shipped model at its own thresholds: what it decided in the replay.
    from signupguard.model import registry

    t = registry.load_active().thresholds
    lines = ["| trained on | legit signups held / blocked | fraud signups held | its residential proxy farm | fraud held at 1% / 0.1% of legit flagged |",
             "|---|---:|---:|---:|---:|",
             _measure("nothing: the shipped model", np.array([shipped[data.event_ids[i]][0] for i in np.flatnonzero(signups)]),
                      y_test, c_test, t.review, t.block, farm)]

    def trained(name: str, fit: np.ndarray, choose: np.ndarray, y: np.ndarray) -> str:
        clf = SignupRiskClassifier(random_state=0).fit(data.X[fit], y[fit], X_valid=data.X[choose], y_valid=y[choose])
        scores = clf.predict_proba(data.X[choose])
        thresholds = choose_thresholds(scores[(y[choose] == 0) & (kinds[choose] == "signup")])
        return _measure(name, clf.predict_proba(data.X[signups]), y_test, c_test, thresholds.review, thresholds.block, farm)

    lines.append(trained("what reviewers would have labelled (the shipped model's holds)", train & held, valid & held, data.y))
    seconds = args.legit_after_days * 86400
    matured = ~held & ((train & (data.times <= data.times[train].max() - seconds)) |
                       (valid & (data.times <= data.times[valid].max() - seconds)))
    y_matured = np.where(matured, 0, data.y)
    lines.append(trained(f"the same + allowed attempts {args.legit_after_days:g}+ days old as legitimate "
                         f"({int((data.y[matured] == 1).sum()):,} of them fraud)",
                         (train & held) | (train & matured), (valid & held) | (valid & matured), y_matured))
    lines.append(trained("every true label", train, valid, data.y))
    print(f"generator {args.generator}: {n:,} labelled events; measured on the last 15% in time "
          f"({int((y_test == 0).sum()):,} legitimate and {int(y_test.sum()):,} fraudulent signups)\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()

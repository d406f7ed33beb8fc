"""What choosing the thresholds again on a portal's own signups gives, on independent generators' traffic.

    python benchmarks/threshold_recalibration.py [--only a b ...] [--past 0.5]

For each generator under benchmarks/independent (``independent_traffic``):
runs it, replays its events through the active model (the shipped one until
promoted), and splits its signups by time. On the first ``--past`` share it
chooses thresholds as ``signupguard_thresholds`` does (``calibration``),
with what a portal would know by then: every held signup reviewed (the
legitimate ones approved, the fraud labelled), and every allowed signup
taken as legitimate, fraud that got through included (nobody caught it).
On the rest it measures, with every true label, the model's own thresholds
against the chosen ones: legitimate signups held and blocked, fraud held.
Both compare scores with thresholds only (no allow or deny lists), and a
portal's own uptime probe is left out, as in ``independent_traffic``.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import numpy as np
from _setup import django_setup

django_setup()

from independent_traffic import GENERATORS, PORTAL_PROBES, generate_and_replay, labelled_signups  # noqa: E402
from signupguard.calibration import ScoredSignups, choose, settings_for, target_rates  # noqa: E402
from signupguard.model import registry  # noqa: E402


def _shares(scores: np.ndarray, fraud: np.ndarray, review: float, block: float) -> str:
    legit, bad = scores[~fraud], scores[fraud]
    return (f"{(legit >= review).mean():.2%} / {(legit >= block).mean():.2%} | "
            f"{(bad >= review).mean():.1%} / {(bad >= block).mean():.1%}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", nargs="*", choices=list(GENERATORS), help="these generators only")
    parser.add_argument("--past", type=float, default=0.5, help="share of the signups, in time, thresholds are chosen on")
    args = parser.parse_args()
    scorer = registry.load_active()
    thresholds = scorer.thresholds
    review_rate, block_rate = target_rates(getattr(scorer, "metadata", None) or {})
    margin = ((getattr(scorer, "metadata", None) or {}).get("training") or {}).get("threshold_margin", 1)
    print(f"model {scorer.version}: review {thresholds.review:.4f}, block {thresholds.block:.4f}, "
          f"aiming at {review_rate:.2%} / {block_rate:.2%} of legitimate signups held / blocked "
          f"(chosen for those rates / {margin:g} on its training traffic); "
          f"thresholds chosen on the first {args.past:.0%} of each generator's signups, measured on the rest\n")
    print("| generator | signups chosen on (legitimate as a portal counts them) | thresholds chosen | "
          "model's thresholds: legit held / blocked, fraud held / blocked | chosen thresholds: the same |")
    print("|---|---:|---|---|---|")
    for name in args.only or list(GENERATORS):
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            generate_and_replay(name, work)
            leave_out = frozenset({PORTAL_PROBES[name]}) if name in PORTAL_PROBES else frozenset()
            _, scores, fraud = labelled_signups(work / "events.jsonl", work / "scores.jsonl", leave_out=leave_out)
        cut = int(len(scores) * args.past)
        past, past_fraud = scores[:cut], fraud[:cut]
        caught = past_fraud & (past >= thresholds.review)
        # What the portal knows: approved held legit, allowed signups (fraud among them unnoticed), labelled fraud.
        known = ScoredSignups(legit=past[~caught], fraud=past[caught], undecided=np.empty(0))
        review, block = choose(known, review_rate), choose(known, block_rate)
        chosen_pair, block_note = settings_for(review, block, thresholds)
        new_review, new_block = chosen_pair.review, chosen_pair.block
        kept = "" if block_note == "chosen" else " (" + block_note.split(":")[0] + ")"
        chosen = f"{new_review:.4f}{'' if review.threshold is not None else ' (kept)'} / {new_block:.4f}{kept}"
        later, later_fraud = scores[cut:], fraud[cut:]
        print(f"| {name} | {len(known.legit):,} | {chosen} | {_shares(later, later_fraud, thresholds.review, thresholds.block)} | "
              f"{_shares(later, later_fraud, new_review, new_block)} |", flush=True)


if __name__ == "__main__":
    main()

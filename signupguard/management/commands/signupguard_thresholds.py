"""signupguard_thresholds [--days 30] [--settle-days 0] [--review-rate R] [--block-rate B]

Prints what the thresholds in force do to this portal's recent signups, and
the thresholds that would hold and block the given shares of its legitimate
ones (``signupguard.calibration``), as settings to paste. It changes nothing.
"""

from __future__ import annotations

from typing import Any

import math

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from signupguard.calibration import Choice, ScoredSignups, choose, scored_signups, settings_for, target_rates
from signupguard.model import registry
from signupguard.policy import Thresholds, effective_thresholds, reaches_block
from signupguard.training import BLOCK_RATE, REVIEW_RATE, check_rates

MAX_DAYS = 3650
# A rate needs MIN_ABOVE / rate legitimate signups: below this, more than any portal has.
MIN_RATE = 1e-6


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.2%}"


def _range(shares: tuple[float, float] | None) -> str:
    if shares is None:
        return "-"
    low, high = shares
    return _share(low) if f"{low:.2%}" == f"{high:.2%}" else f"{_share(low)} to {_share(high)}"


class Command(BaseCommand):
    help = ("Thresholds for the active model chosen on this portal's own signups: those reviewers approved, "
            "and those allowed and never labelled fraud. Prints settings; changes nothing.")
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=30, help="signups scored in the last DAYS days (default 30)")
        parser.add_argument("--settle-days", type=float, default=0.0,
                            help="count an allowed signup as legitimate only once it is this many days old and "
                                 "still unreported; younger ones are not known yet (default 0)")
        parser.add_argument("--review-rate", type=float,
                            help="share of legitimate signups to hold, review or block (default: the target rate of the "
                                 f"active model, else {REVIEW_RATE})")
        parser.add_argument("--block-rate", type=float,
                            help=f"share of legitimate signups to block (default: the model's, else {BLOCK_RATE})")

    def handle(self, *args: Any, **options: Any) -> None:
        days = options["days"]
        if not 1 <= days <= MAX_DAYS:
            raise CommandError(f"--days must be between 1 and {MAX_DAYS}", returncode=2)
        settle = options["settle_days"]
        if not 0 <= settle < days:  # NaN too
            raise CommandError("--settle-days must be at least 0 and less than --days", returncode=2)
        scorer = registry.load_active()
        model_rates = target_rates(getattr(scorer, "metadata", None) or {})
        review_rate = options["review_rate"] if options["review_rate"] is not None else model_rates[0]
        block_rate = options["block_rate"] if options["block_rate"] is not None else model_rates[1]
        try:
            check_rates(review_rate, block_rate)
        except ValueError as exc:
            raise CommandError(str(exc), returncode=2) from None
        if block_rate < MIN_RATE:
            raise CommandError(f"rates below {MIN_RATE:g} would need more signups than any portal has", returncode=2)
        try:
            signups = scored_signups(scorer.version, days=days, settle_days=settle)
        except DatabaseError as exc:
            raise CommandError(f"could not read the signups: {exc} (has `manage.py migrate` run?)", returncode=1) from None
        self.stdout.write(
            f"active model {scorer.version}; its signups of the last {days} days: {len(signups.legit):,} legitimate "
            f"(approved, or allowed{f' over {settle:g} days ago' if settle else ''} and never labelled fraud), "
            f"{len(signups.fraud):,} fraud, "
            f"{len(signups.undecided):,} "
            + (f"not known yet (held and not reviewed, or allowed in the last {settle:g} days)" if settle else
               "held and not reviewed yet")
        )
        if not len(signups.legit):
            raise CommandError("no legitimate signups scored by the active model in that time: nothing to choose from",
                               returncode=1)
        now = effective_thresholds(scorer.thresholds)
        self.stdout.write("in force:")
        self._line(signups, "review", now.review, "held")
        self._line(signups, "block", now.block, "blocked")
        review, block = choose(signups, review_rate), choose(signups, block_rate)
        self.stdout.write(f"chosen on these signups, for {review_rate:.2%} of the legitimate ones held and "
                          f"{block_rate:.2%} blocked:")
        for name, choice, verb in (("review", review, "held"), ("block", block, "blocked")):
            if choice.threshold is None:
                self.stdout.write(f"  {name}: too few legitimate signups for {choice.rate:.2%} {verb} "
                                  f"({len(signups.legit):,}; {choice.needed:,} needed); keep the one in force")
            else:
                self._line(signups, name, choice.threshold, verb)
        self._settings(review, block, now)

    def _line(self, signups: ScoredSignups, name: str, threshold: float, verb: str) -> None:
        # A block threshold of 1.0 blocks nothing by score (policy.reaches_block), a score of 1.0 included.
        reached = math.inf if name == "block" and not reaches_block(1.0, threshold) else threshold
        self.stdout.write(f"  {name} {threshold:.4f}: {_range(signups.legit_share(reached))} of the legitimate "
                          f"signups {verb}, {_share(signups.fraud_share(reached))} of the fraud")

    def _settings(self, review: Choice, block: Choice, now: Thresholds) -> None:
        if review.threshold is None and block.threshold is None:
            return
        chosen, block_note = settings_for(review, block, now)
        self.stdout.write("to use them, put in settings.SIGNUPGUARD (remove both to go back to the model's own):")
        self.stdout.write(f'    "REVIEW_THRESHOLD": {chosen.review:.4f},'
                          + ("" if review.threshold is not None else "  # the one in force"))
        self.stdout.write(f'    "BLOCK_THRESHOLD": {chosen.block:.4f},' + ("" if block_note == "chosen" else f"  # {block_note}"))

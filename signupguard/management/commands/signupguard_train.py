"""signupguard_train [--events EVENTS.jsonl [MORE.jsonl ...]] --out DIR [--promote | --shadow]

Trains a LightGBM model from the labelled lines of a file, or, without
--events, from the labels reviewers gave in the admin, abuse reports, and the
allowed attempts older than LEGIT_AFTER_DAYS (--legit-after-days). Several files are
several traffics: each keeps its own velocity state and is split by its own
time. Writes model.txt, metadata.json, metrics.json, report.html and the
hold-out to DIR. --promote registers the model in MODEL_DIR and makes it active
if it beats the active one on the same hold-out; --shadow registers it and makes
it the challenger that scores live traffic beside the active model without
acting (run it on a schedule; ``signupguard_promote --shadow-report`` compares).
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from pathlib import Path
from typing import Any, Callable

from django.core.management.base import CommandError, CommandParser
from django.db import DatabaseError

from signupguard.conf import is_number_of_days
from signupguard.labels import UNSET
from signupguard.model import ModelError
from signupguard.model.registry import is_active, promote, register, registry_root, set_shadow, version_problem
from signupguard.model.train import SignupRiskClassifier
from signupguard.offline import BadLine, build_dataset
from signupguard.training import BLOCK_RATE, REVIEW_RATE, check_margin, check_rates, train_on_dataset

from ._progress import TerminableCommand, geoip_problems, progress_bar


def _days(value: str) -> float | None:
    """``--legit-after-days``: a non-negative number of days, or "none"."""
    if value.strip().lower() == "none":
        return None
    try:
        days = float(value)
    except ValueError:
        days = -1.0
    if not is_number_of_days(days):  # the same rule as the setting's (system check E033)
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of days (or 'none')")
    return days


# LightGBM's seed is a C int; the metadata must record the seed the booster really used.
MAX_SEED = 2**31 - 1


def _check_out_dir(out: Path) -> None:
    """Fail now, not after minutes of features and boosting, if ``out`` cannot hold the model.

    The missing directories are created and removed again (asking os.access is no proof:
    root passes it under /proc), so a failed run leaves nothing behind.
    """
    if out.exists():
        if not out.is_dir():
            raise CommandError(f"--out {out} exists and is not a directory", returncode=2)
        if not os.access(out, os.W_OK | os.X_OK):
            raise CommandError(f"--out {out}: the directory is not writable", returncode=2)
        return
    missing = [p for p in (out, *out.parents) if not p.exists()]
    failure: OSError | None = None
    try:
        out.mkdir(parents=True)
    except OSError as exc:
        failure = exc  # some parents may have been made before it failed: they go too
    for made in missing:  # deepest first
        try:
            made.rmdir()
        except OSError as exc:
            if exc.errno in (errno.ENOTEMPTY, errno.EEXIST):
                break  # another process filled it meanwhile: theirs now
            # never made (the name that failed): its parents may still be this run's
    if failure is not None:
        raise CommandError(f"--out {out}: cannot create the directory: {failure.strerror or failure}", returncode=2)


class Command(TerminableCommand):
    help = "Train a SignupGuard model and choose its thresholds."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--events", nargs="+", metavar="EVENTS",
            help="labelled JSON Lines events ('-' for standard input; default: reviewers' labels in the database); "
            "several files are separate traffics, each with its own velocity state, split by its own time and pooled",
        )
        parser.add_argument("--out", required=True, help="directory to write the model into")
        after = parser.add_mutually_exclusive_group()
        after.add_argument("--promote", action="store_true", help="register in MODEL_DIR and make active if it beats the active model")
        after.add_argument(
            "--shadow", action="store_true",
            help="register in MODEL_DIR and score live traffic with it beside the active model, without acting",
        )
        parser.add_argument("--seed", type=int, default=0, help="random seed of the booster")
        parser.add_argument("--rounds", type=int, default=200, help="maximum boosting rounds (early stopping picks fewer)")
        parser.add_argument("--version-prefix", default="sg", help="prefix of the version name")
        parser.add_argument(
            "--workers", type=int, default=None,
            help="processes that parse and enrich events while this one keeps velocity (default: one per core; 0: none)",
        )
        parser.add_argument("--no-holdout", action="store_true", help="do not keep the hold-out rows (promotion needs them)")
        parser.add_argument(
            "--legit-after-days", type=_days, default=UNSET, metavar="DAYS",
            help="without --events: allowed attempts this many days old, on accounts neither held nor blocked and "
            "unlabelled, count as legitimate ('none': people's labels only; default: SIGNUPGUARD['LEGIT_AFTER_DAYS'])",
        )
        parser.add_argument(
            "--review-rate", type=float, default=REVIEW_RATE,
            help="share of the validation slice's legitimate signups the review threshold may hold (default: 0.01)",
        )
        parser.add_argument(
            "--block-rate", type=float, default=BLOCK_RATE,
            help="share of them the block threshold may block (default: 0.001)",
        )
        parser.add_argument(
            "--margin", type=float, default=1.0,
            help="choose the thresholds for the rates divided by this, leaving room for legitimate traffic unlike "
            "the training's, which scores higher (default 1: your own traffic; the shipped model: 10)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["workers"] is not None and options["workers"] < 0:
            raise CommandError("--workers must be 0 or more", returncode=2)
        if options["rounds"] < 1:  # before the features, which take minutes
            raise CommandError("--rounds must be 1 or more", returncode=2)
        if not 0 <= options["seed"] <= MAX_SEED:  # before the features, which take minutes
            raise CommandError(f"--seed must be between 0 and {MAX_SEED}", returncode=2)
        try:
            check_rates(options["review_rate"], options["block_rate"])
        except ValueError as exc:  # before the features, which take minutes
            raise CommandError(f"--block-rate and --review-rate: {exc}", returncode=2) from None
        try:
            check_margin(options["margin"])
        except ValueError as exc:
            raise CommandError(f"--margin: {exc}", returncode=2) from None
        # A version the registry refuses ('a/b-…', '.x-…') would be found only by promote, after the training.
        if version_problem(f"{options['version_prefix']}-0"):
            raise CommandError(f"--version-prefix {options['version_prefix']!r}: a version name holds no '/' or '\\', "
                               "no unprintable characters and does not start with '.'", returncode=2)
        if (options["promote"] or options["shadow"]) and registry_root() is None:  # before minutes of features
            flag = "--promote" if options["promote"] else "--shadow"
            raise CommandError(f"{flag} needs a registry: set SIGNUPGUARD['MODEL_DIR']", returncode=2)
        geoip_problems(returncode=2)  # E001-E003 before minutes of features without network signals
        out = Path(options["out"])
        _check_out_dir(out)
        paths = options["events"]
        train_only_after = None
        if paths:
            if paths.count("-") > 1:
                raise CommandError("--events: standard input ('-') can be read only once", returncode=2)
            for path in paths:
                if path == "-":  # standard input, read as replay reads it
                    continue
                if os.path.isdir(path):
                    raise CommandError(f"cannot read {path}: a directory, not an events file", returncode=1)
                if not os.access(path, os.R_OK):
                    raise CommandError(f"cannot read {path}", returncode=1)

            def reporter(path: str) -> Callable[[BadLine], None]:
                def on_bad(bad: BadLine) -> None:
                    sys.stderr.write(f"{path}:{bad.lineno}: bad event: {bad.error}\n")
                return on_bad

            try:
                with progress_bar(total=None, desc="features") as bar:
                    data = [
                        build_dataset(path, on_bad=reporter(path), progress=bar.update, workers=options["workers"])
                        for path in paths
                    ]
            except OSError as exc:  # a file gone or unreadable mid-run, as replay reports it
                raise CommandError(f"cannot read {exc.filename or 'the events'}: {exc.strerror or exc}", returncode=1) from None
            names = ", ".join("standard input" if path == "-" else Path(path).name for path in paths)
            source = f"events file{'s' if len(paths) > 1 else ''} {names}"
        else:
            from signupguard.labels import dataset_from_database, training_labels

            # The wording of signupguard_prune's: a corrupt or unmigrated database is the usual cause.
            try:
                labels = training_labels(legit_after_days=options["legit_after_days"])
            except ValueError as exc:
                raise CommandError(str(exc), returncode=2) from None
            except DatabaseError as exc:
                raise CommandError(f"could not read the labels: {exc} (has `manage.py migrate` run?)",
                                   returncode=1) from None
            matured = (f"{len(labels.matured)} allowed attempts older than {labels.legit_after_days:g} days"
                       if labels.legit_after_days is not None else "no allowed attempts")
            self.stdout.write(f"labels: {len(labels.people)} from reviewers and abuse reports, {matured} taken as legitimate")
            try:
                with progress_bar(total=None, desc="features") as bar:
                    data = [dataset_from_database(labels=labels, progress=bar.update)]
            except DatabaseError as exc:
                raise CommandError(f"could not read the attempts: {exc} (has `manage.py migrate` run?)",
                                   returncode=1) from None
            source = f"reviewer labels: {len(labels.people)} from people, {matured} taken as legitimate"
            # Newer attempts hold people's labels only (the model's holds): they train, never measure.
            train_only_after = labels.mature_before
        for one in data:
            self.stdout.write(f"{one.total_events} events, {len(one.y)} labelled ({int(one.y.sum())} fraud), {one.bad_lines} bad lines")
        clf = SignupRiskClassifier(n_estimators=options["rounds"], random_state=options["seed"])
        try:
            with progress_bar(total=options["rounds"], desc="boosting", unit="round") as bar:
                result = train_on_dataset(
                    data, out, classifier=clf, source=source, version_prefix=options["version_prefix"],
                    write_holdout=not options["no_holdout"], review_rate=options["review_rate"],
                    block_rate=options["block_rate"], margin=options["margin"], progress=bar.update,
                    train_only_after=train_only_after,
                )
        except ValueError as exc:
            raise CommandError(str(exc), returncode=1) from None
        except OSError as exc:  # a full disk, or --out removed or made read-only since the check
            raise CommandError(f"cannot write the model to {out}: {exc.strerror or exc}"
                               + (f" ({exc.filename})" if exc.filename else ""), returncode=1) from None
        m = result.metrics.get("signup", {})
        t = result.metadata["thresholds"]
        self.stdout.write(
            f"model {result.metadata['version']} in {result.seconds:.1f}s -> {out}\n"
            f"thresholds: review {t['review']:.4f}, block {t['block']:.4f}\n"
            f"hold-out signups: fraud held {m.get('fraud_held', float('nan')):.2%}, blocked {m.get('fraud_blocked', float('nan')):.2%}; "
            f"legitimate held {m.get('legit_held', float('nan')):.2%}, blocked {m.get('legit_blocked', float('nan')):.2%}; "
            f"ROC AUC {m.get('roc_auc', float('nan')):.4f}"
            + (" (hold-out {} to {})".format(*result.metrics["split"]["test_period"])
               if "test_period" in result.metrics.get("split", {}) else "")
        )
        unmet = result.metrics.get("validation", {}).get("unmet")
        if unmet:
            self.stdout.write(f"warning: {unmet}; relabel or review those signups before promoting this model")
        few = result.metrics.get("validation", {}).get("few")
        if few:
            self.stdout.write(f"warning: {few}; once the portal has scored enough signups, signupguard_thresholds "
                              "chooses them on its own")
        unmeasured = result.metrics.get("split", {}).get("unmeasured")
        if unmeasured:
            self.stdout.write(f"warning: {unmeasured}, so the figures above measure nothing and a promotion has "
                              "nothing to compare on (signupguard_promote refuses it without --force); label "
                              "traffic up to the most recent days")
        if result.metrics.get("split", {}).get("unmatured_holdout"):
            self.stdout.write(
                f"note: too few labelled attempts older than {labels.legit_after_days:g} days "
                "to measure on: the hold-out holds newer ones, labelled by people alone (mostly what the active "
                "model held and people approved), so its figures are not those of live traffic, and a promotion refuses "
                "it without --force")
        if options["promote"]:
            try:
                outcome = promote(out)
            except ModelError as exc:
                raise CommandError(str(exc), returncode=1) from None
            self.stdout.write(outcome.message)
            if not outcome.promoted:  # as signupguard_promote: a script must see the refusal
                raise CommandError(f"not promoted; the model stays in {out}", returncode=1)
        elif options["shadow"]:
            try:
                version = register(out).name
                # Labels unchanged since the last promotion retrain the active model itself (the same
                # version): as its own challenger it would only be scored twice and compared with itself.
                if is_active(version):
                    self.stdout.write(f"shadow: {version} is the active model (the same trees and thresholds), so "
                                      "there is nothing to compare; the shadow model is left as it was")
                    return
                set_shadow(version)
            except ModelError as exc:
                raise CommandError(str(exc), returncode=1) from None
            self.stdout.write(f"shadow: {version} now scores live traffic beside the active model without acting "
                              f"(compare: signupguard_promote --shadow-report; promote: signupguard_promote {out})")

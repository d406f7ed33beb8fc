"""signupguard_replay EVENTS.jsonl --out SCORES.jsonl [--model DIR] [--enrichment]

Feeds events, in occurred_at order, through the live pipeline with fresh
in-memory velocity. Writes one line per input line; touches no portal data.
Exit status: 0 success, 1 file unreadable, 2 bad arguments.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from signupguard.model import ModelError
from signupguard.model.predict import RiskModel
from signupguard.offline import BadLine, replay

from ._progress import geoip_problems, progress_bar


class Command(BaseCommand):
    help = "Score a JSON Lines file of raw events through the production pipeline."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser) -> None:
        parser.add_argument("events", help="JSON Lines file of raw events ('-' for standard input)")
        parser.add_argument("--out", required=True, help="where to write one score line per event ('-' for standard output)")
        parser.add_argument("--model", help="a directory written by signupguard_train (default: the active model)")
        parser.add_argument("--enrichment", action="store_true", help="add the enrichment object to each output line")
        parser.add_argument(
            "--explain", choices=["auto", "all", "none"], default="auto",
            help="compute reasons for held events only (auto, default), for every event, or none",
        )

    def handle(self, *args, **options) -> None:
        scorer = None
        if options["model"]:
            try:
                scorer = RiskModel.load(options["model"])
            except ModelError as exc:
                raise CommandError(f"--model: {exc}", returncode=2) from None
        path = options["events"]
        if path != "-" and not os.access(path, os.R_OK):
            raise CommandError(f"cannot read {path}", returncode=1)
        if path != "-" and options["out"] != "-" and os.path.exists(options["out"]) and os.path.samefile(path, options["out"]):
            raise CommandError("--out is the events file itself: it would be emptied before it is read", returncode=2)
        geoip_problems(returncode=2)
        explain = {"auto": "auto", "all": True, "none": False}[options["explain"]]
        err = sys.stderr

        def on_bad(bad: BadLine) -> None:
            err.write(f"{path}:{bad.lineno}: bad event: {bad.error}\n")

        try:
            out = sys.stdout if options["out"] == "-" else open(options["out"], "w", encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"cannot write {options['out']}: {exc}", returncode=1) from None
        try:
            with progress_bar(total=None, desc="replay") as bar:
                summary = replay(
                    path, out, scorer=scorer, with_enrichment=options["enrichment"], explain=explain,
                    on_bad=on_bad, progress=bar.update,
                )
        except (OSError, UnicodeError) as exc:
            raise CommandError(f"cannot read {path}: {exc}", returncode=1) from None
        finally:
            if out is not sys.stdout:
                out.close()
        (self.stderr if options["out"] == "-" else self.stdout).write(summary.text())

"""signupguard_replay EVENTS.jsonl --out SCORES.jsonl [--model DIR] [--enrichment]

Feeds events, in occurred_at order, through the live pipeline with fresh
in-memory velocity. Writes one line per input line; touches no portal data.
Exit status: 0 success, 1 file unreadable or --out unwritable, 2 bad arguments.
A failed run leaves an existing --out file as it was.
"""

from __future__ import annotations

import os
import sys
from typing import Any, IO

from django.core.management.base import CommandError, CommandParser

from signupguard.model import ModelError
from signupguard.model.predict import RiskModel
from signupguard.offline import BadLine, replay

from ._output import open_out, reason, standard_output
from ._progress import TerminableCommand, geoip_problems, progress_bar


class _WriteFailed(Exception):
    """A write to --out failed: replay raises read errors as OSError too, and they must not be confused."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error)
        self.error = error


class _Out:
    """The --out stream, with its write errors told apart from the events file's read errors."""

    def __init__(self, handle: IO[str]) -> None:
        self._handle = handle

    def write(self, text: str) -> int:
        try:
            return self._handle.write(text)
        except OSError as exc:
            raise _WriteFailed(exc) from exc


class Command(TerminableCommand):
    help = "Score a JSON Lines file of raw events through the production pipeline."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("events", help="JSON Lines file of raw events ('-' for standard input)")
        parser.add_argument("--out", required=True, help="where to write one score line per event ('-' for standard output)")
        parser.add_argument("--model", help="a directory written by signupguard_train (default: the active model)")
        parser.add_argument("--enrichment", action="store_true", help="add the enrichment object to each output line")
        parser.add_argument(
            "--explain", choices=["auto", "all", "none"], default="auto",
            help="compute reasons for held events only (auto, default), for every event, or none",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        scorer = None
        if options["model"]:
            try:
                scorer = RiskModel.load(options["model"])
            except ModelError as exc:
                raise CommandError(f"--model: {exc}", returncode=2) from None
        path = options["events"]
        if path != "-" and os.path.isdir(path):
            raise CommandError(f"cannot read {path}: a directory, not an events file", returncode=1)
        if path != "-" and not os.access(path, os.R_OK):
            raise CommandError(f"cannot read {path}", returncode=1)
        if path != "-" and options["out"] != "-" and os.path.exists(options["out"]) and os.path.samefile(path, options["out"]):
            raise CommandError("--out is the events file itself: the scores would replace the events", returncode=2)
        geoip_problems(returncode=2)
        explain: bool | str = "auto" if options["explain"] == "auto" else options["explain"] == "all"
        err = sys.stderr

        def on_bad(bad: BadLine) -> None:
            err.write(f"{path}:{bad.lineno}: bad event: {bad.error}\n")

        target = options["out"]
        shown = "standard output" if target == "-" else target
        try:
            out = standard_output() if target == "-" else open_out(target)
        except OSError as exc:
            raise CommandError(f"cannot write {target}: {reason(exc)}", returncode=1) from None
        try:
            try:
                with progress_bar(total=None, desc="replay") as bar:
                    summary = replay(
                        path, _Out(out.handle), scorer=scorer, with_enrichment=options["enrichment"],
                        explain=explain, on_bad=on_bad, progress=bar.update,
                    )
            except _WriteFailed as exc:
                raise CommandError(f"cannot write {shown}: {exc.error}", returncode=1) from None
            except (OSError, UnicodeError) as exc:
                raise CommandError(f"cannot read {path}: {exc}", returncode=1) from None
            try:
                out.finish()
            except OSError as exc:
                raise CommandError(f"cannot write {shown}: {exc}", returncode=1) from None
        finally:
            out.discard()
        # Into standard output or another stream (/dev/stdout, a pipe), the summary would end the score lines.
        (self.stderr if out.stream else self.stdout).write(summary.text())

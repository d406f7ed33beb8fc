"""signupguard_export --out EVENTS.jsonl [--legit-after-days DAYS|none]

Writes every stored attempt as a line of the event contract, with the label
training would give it (reviewers, abuse reports, and allowed attempts older
than LEGIT_AFTER_DAYS). ``signupguard_train --events EVENTS.jsonl`` then
learns what training from the database would; ``signupguard_replay`` scores
the file again. Export before ATTEMPT_RETENTION_DAYS deletes old attempts,
to keep their labels.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.db import DatabaseError

from signupguard.labels import UNSET, export_events, training_labels
from signupguard.models import Attempt

from ._output import open_out, reason
from ._progress import TerminableCommand, progress_bar
from .signupguard_train import _days


class Command(TerminableCommand):
    help = "Write the stored attempts, with their training labels, as JSON Lines events."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", required=True, help="file to write (replaced)")
        parser.add_argument("--legit-after-days", type=_days, default=UNSET, metavar="DAYS",
                            help="allowed attempts at least this old count as legitimate (default: LEGIT_AFTER_DAYS; "
                            "'none': people's labels only)")

    def handle(self, *args: Any, **options: Any) -> None:
        given = options["out"]
        if given == "-":  # it made a file named "-", holding every account's personal data, where one looked for none
            raise CommandError("--out -: give a file (or /dev/stdout to write to standard output)", returncode=2)
        try:
            labels = training_labels(legit_after_days=options["legit_after_days"])
            # Every account's emails, addresses and devices: readable by its owner alone. Through a symlink, the
            # file it names is replaced, not the link; a FIFO or device (/dev/stdout) is written in place.
            out = open_out(given, binary=True, private=True)
        except OSError as exc:
            raise CommandError(f"could not export: {reason(exc)}") from None
        except (DatabaseError, ValueError) as exc:
            raise CommandError(f"could not export: {exc}") from None
        try:
            with progress_bar(total=Attempt.objects.count(), desc="export") as bar:
                exported = export_events(out.handle, labels=labels, progress=bar.update)
            out.finish()  # a reader never sees half a file
        except (OSError, DatabaseError, ValueError) as exc:
            raise CommandError(f"could not export: {exc}") from None
        finally:
            out.discard()  # there only if the run failed, or was interrupted (Ctrl-C): no stray copy of the data
        # Written into a stream (/dev/stdout), the summary would end its lines: it goes to standard error.
        summary = self.stderr if out.stream else self.stdout
        summary.write(f"{exported.lines:,} attempts written to {given}, {exported.labelled:,} of them labelled")
        if exported.unreadable:
            summary.write(f"  {exported.unreadable:,} of them no longer parse (stored by an older version or edited): "
                          "written as stored, and training reports them as bad lines")

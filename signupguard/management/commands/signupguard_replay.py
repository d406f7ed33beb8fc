"""signupguard_replay EVENTS.jsonl --out SCORES.jsonl [--model DIR] [--enrichment]

Feeds events, in occurred_at order, through the live pipeline with fresh
in-memory velocity. Writes one line per input line; touches no portal data.
Exit status: 0 success, 1 file unreadable or --out unwritable, 2 bad arguments.
A failed run leaves an existing --out file as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import sys
from pathlib import Path
from typing import IO

from django.core.management.base import CommandError

from signupguard.model import ModelError
from signupguard.model.predict import RiskModel
from signupguard.offline import BadLine, replay

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


def _open_out(path: str) -> tuple[IO[str], str | None, str]:
    """Open --out; return the stream, the temporary file to rename on success, and what to rename it over.

    A regular file (or a new one) is written beside itself and renamed into place, so a failed
    replay leaves an existing file as it was; the new file takes the old one's mode and, where
    this process may, its owner. Written in place instead, as before: anything that is not a
    regular file (/dev/null, a FIFO: renaming over it would replace the device), a file with
    other hard links (they would keep the old content), and a file in a directory this process
    cannot create files in. A file this process may not write is refused, as open() would.
    """
    # Resolved once: a symlink keeps pointing at the replaced file, and the rename lands beside the
    # temporary file even if the link is changed meanwhile.
    target = os.path.realpath(path)
    try:
        found: os.stat_result | None = os.stat(target)
    except OSError:
        found = None
    if found is None and os.path.exists(path):
        # A pipe's /dev/fd/N or /dev/stdout (`--out >(gzip > x.gz)`): its real path ("/proc/…/pipe:[…]") names
        # no file, and a file beside it cannot be made: "No such file or directory". Written in place.
        return open(path, "w", encoding="utf-8"), None, target
    if found is not None:
        if not stat.S_ISREG(found.st_mode) or found.st_nlink > 1:
            return open(path, "w", encoding="utf-8"), None, target
        if not os.access(target, os.W_OK):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
    directory, name = os.path.split(target)
    partial = os.path.join(directory, f".{name}.{secrets.token_hex(4)}.partial")
    try:
        # 0o666 less the umask, as open() would create it.
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except PermissionError:
        if found is None:
            raise
        return open(path, "w", encoding="utf-8"), None, target  # a read-only directory: in place, as before
    try:
        if found is not None:
            os.chmod(partial, stat.S_IMODE(found.st_mode))  # path-based: os.fchmod is POSIX-only before 3.13
            with contextlib.suppress(OSError, AttributeError):  # only root may give a file away; no chown on Windows
                os.chown(partial, found.st_uid, found.st_gid)
        return os.fdopen(descriptor, "w", encoding="utf-8"), partial, target
    except BaseException:
        os.close(descriptor)
        os.unlink(partial)
        raise


class Command(TerminableCommand):
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
        if path != "-" and os.path.isdir(path):
            raise CommandError(f"cannot read {path}: a directory, not an events file", returncode=1)
        if path != "-" and not os.access(path, os.R_OK):
            raise CommandError(f"cannot read {path}", returncode=1)
        if path != "-" and options["out"] != "-" and os.path.exists(options["out"]) and os.path.samefile(path, options["out"]):
            raise CommandError("--out is the events file itself: the scores would replace the events", returncode=2)
        geoip_problems(returncode=2)
        explain = {"auto": "auto", "all": True, "none": False}[options["explain"]]
        err = sys.stderr

        def on_bad(bad: BadLine) -> None:
            err.write(f"{path}:{bad.lineno}: bad event: {bad.error}\n")

        target = options["out"]
        shown = "standard output" if target == "-" else target
        partial: str | None = None
        try:
            handle, partial, destination = (sys.stdout, None, target) if target == "-" else _open_out(target)
        except OSError as exc:
            # strerror: the OS's message names the temporary file beside --out, not --out
            raise CommandError(f"cannot write {target}: {exc.strerror or exc}", returncode=1) from None
        try:
            try:
                with progress_bar(total=None, desc="replay") as bar:
                    summary = replay(
                        path, _Out(handle), scorer=scorer, with_enrichment=options["enrichment"], explain=explain,
                        on_bad=on_bad, progress=bar.update,
                    )
            except _WriteFailed as exc:
                raise CommandError(f"cannot write {shown}: {exc.error}", returncode=1) from None
            except (OSError, UnicodeError) as exc:
                raise CommandError(f"cannot read {path}: {exc}", returncode=1) from None
            try:  # a full disk may fail only here, when the buffer is flushed
                if handle is sys.stdout:
                    handle.flush()
                else:
                    handle.close()
                if partial is not None:
                    os.replace(partial, destination)
                    partial = None
            except OSError as exc:
                raise CommandError(f"cannot write {shown}: {exc}", returncode=1) from None
        finally:
            if handle is not sys.stdout and not handle.closed:
                with contextlib.suppress(OSError):  # the run failed already and says why
                    handle.close()
            if partial is not None:
                Path(partial).unlink(missing_ok=True)
        # Into standard output or another stream (/dev/stdout, a pipe), the summary would end the score lines.
        stream = target == "-" or not os.path.isfile(target)
        (self.stderr if stream else self.stdout).write(summary.text())

"""--out files written whole or not at all: into a new file beside the target, renamed over it at the end.

Shared by ``signupguard_replay`` and ``signupguard_export``. A failed or
interrupted run leaves an existing file as it was, and no copy of the data
behind. Written in place instead: anything that is not a regular file
(/dev/stdout, /dev/null, a FIFO, a pipe's /dev/fd/N: renaming over it would
replace the device), a file with other hard links (they would keep the old
content), and a file in a directory this process cannot create files in.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import sys
from dataclasses import dataclass
from typing import IO


@dataclass
class Output:
    handle: IO
    partial: str | None  # the file renamed over ``target`` by ``finish``; None when written in place
    target: str
    stream: bool  # not a regular file (standard output, a pipe, a device): a summary there would end its lines

    def finish(self) -> None:
        """Flush or close the handle, then rename the new file into place. A full disk may fail only here."""
        if self.handle is sys.stdout:
            self.handle.flush()
            return
        self.handle.close()
        if self.partial is not None:
            os.replace(self.partial, self.target)
            self.partial = None

    def discard(self) -> None:
        """After a failure (or once finished, a no-op): close the handle and remove the unfinished file."""
        if self.handle is not sys.stdout and not self.handle.closed:
            with contextlib.suppress(OSError):  # the run failed already and says why
                self.handle.close()
        if self.partial is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.partial)
            self.partial = None


def reason(exc: OSError) -> str:
    """What went wrong, without the path: the OS's message names the temporary file beside --out, not --out."""
    return exc.strerror or str(exc)


def standard_output() -> Output:
    return Output(sys.stdout, None, "-", True)


def open_out(path: str, *, binary: bool = False, private: bool = False) -> Output:
    """Open ``path`` to be replaced. ``private``: the file is readable by its owner alone (0600), whatever it was.

    Otherwise the new file takes the old one's mode and, where this process may, its owner, and is
    created as open() would (0666 less the umask). A file this process may not write is refused, as
    open() would. The new file has a random name and is made with O_EXCL: a symlink planted where it
    would go cannot point the write at another file.
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
        # no file, and a file beside it cannot be made: "No such file or directory".
        return _in_place(path, target, binary=binary, private=private, stream=True)
    if found is not None:
        if not stat.S_ISREG(found.st_mode) or found.st_nlink > 1:
            return _in_place(path, target, binary=binary, private=private, stream=not stat.S_ISREG(found.st_mode))
        if not os.access(target, os.W_OK):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
    directory, name = os.path.split(target)
    partial = os.path.join(directory, f".{name}.{secrets.token_hex(4)}.partial")
    try:
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600 if private else 0o666)
    except PermissionError:
        if found is None:
            raise
        return _in_place(path, target, binary=binary, private=private, stream=False)  # a read-only directory
    try:
        if found is not None:
            # Path-based: os.fchmod is POSIX-only before 3.13.
            os.chmod(partial, 0o600 if private else stat.S_IMODE(found.st_mode))
            with contextlib.suppress(OSError, AttributeError):  # only root may give a file away; no chown on Windows
                os.chown(partial, found.st_uid, found.st_gid)
        return Output(_fdopen(descriptor, binary), partial, target, False)
    except BaseException:
        os.close(descriptor)
        os.unlink(partial)
        raise


def _in_place(path: str, target: str, *, binary: bool, private: bool, stream: bool) -> Output:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600 if private else 0o666)
    try:
        if private and not stream:  # a file written in place (other hard links, a read-only directory) too
            with contextlib.suppress(PermissionError):  # another's file this process may write: theirs to mode
                os.chmod(target, 0o600)
        return Output(_fdopen(descriptor, binary), None, target, stream)
    except BaseException:
        os.close(descriptor)
        raise


def _fdopen(descriptor: int, binary: bool) -> IO:
    return os.fdopen(descriptor, "wb") if binary else os.fdopen(descriptor, "w", encoding="utf-8")

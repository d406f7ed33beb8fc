"""The GeoIP structure checks' verdicts, shared by the processes of one user on one machine.

Checking a City-sized file costs seconds of CPU and ~190 MB at its peak
(docs/benchmarks.md). When ``geoipupdate`` replaces a file, every process
that reads it (each Celery pool process, each web worker) notices within a
second; without this module each would check the new version itself, at the
same moment. Here the first takes a lock on the version, checks it and
writes the verdict; the others wait for the lock (their lookups go on with
the pure-Python reader meanwhile) and read the verdict instead of checking.

A verdict lets the C reader, which trusts the file, open it: the directory
is the user's own (created 0700, refused if anyone else owns or can write
it, or can swap it: a parent writable by others without the sticky bit),
and a file version is named by its path and ``geo._signature`` (mtime,
size, inode, device, ctime). When the directory cannot be used, every
process checks for itself, as before.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
import tempfile
import time
from contextlib import contextmanager
from typing import Any, Iterator

try:
    import fcntl
except ImportError:  # Windows: no shared verdicts, each process checks for itself
    fcntl = None  # type: ignore[assignment]

logger = logging.getLogger("signupguard.enrichment.geo")

UNKNOWN = object()  # no shared verdict for this version
_OK, _BAD = "ok", "bad\n"
_MAX_AGE = 30 * 86400  # verdicts of versions replaced a month ago are deleted when a new one is written


def directory() -> str | None:
    """The user's verdict directory (created if missing), or None when it is not safe to trust."""
    try:
        parent = tempfile.gettempdir()  # raises when no temporary directory is writable
        path = os.path.join(parent, f"signupguard-geoip-{os.getuid()}")
        try:
            os.mkdir(path, 0o700)
        except FileExistsError:
            pass
        st, above = os.lstat(path), os.stat(parent)
    except OSError:
        return None
    if above.st_mode & 0o022 and not above.st_mode & stat.S_ISVTX:
        return None  # others could swap the directory for theirs
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o022:
        _warn_once(f"SignupGuard does not trust {path} (a symlink, someone else's, or writable by others): "
                   "each process checks the GeoIP databases for itself")
        return None
    return path


_warned: set[str] = set()


def _warn_once(message: str) -> None:
    if message not in _warned:
        _warned.add(message)
        logger.warning(message)


def _where(signature: Any) -> str | None:
    """The directory, for a file version that has a signature, where processes can lock."""
    return directory() if signature is not None and fcntl is not None else None


def _name(path: str, signature: tuple[int, ...]) -> str:
    key = "\0".join((os.path.abspath(path), *map(str, signature)))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def read(path: str, signature: Any) -> Any:
    """The shared verdict of this version: None (readable), a problem, or ``UNKNOWN``."""
    where = _where(signature)
    if where is None:
        return UNKNOWN
    try:
        with open(os.path.join(where, _name(path, signature)), encoding="utf-8") as handle:
            text = handle.read(4096)
    except (OSError, ValueError):
        return UNKNOWN
    if text == _OK:
        return None
    if text.startswith(_BAD) and len(text) > len(_BAD):
        return text[len(_BAD):]
    return UNKNOWN  # half-written by hand, or another format: check again


def write(path: str, signature: Any, problem: str | None) -> None:
    """Share this version's verdict (atomically: written, then renamed); never raises."""
    where = _where(signature)
    if where is None:
        return
    target, temporary = os.path.join(where, _name(path, signature)), None
    try:
        handle, temporary = tempfile.mkstemp(dir=where, prefix=".verdict-")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(_OK if problem is None else _BAD + problem[:2000])
        os.replace(temporary, target)
    except OSError as exc:  # a full disk, a quota: the other processes check for themselves
        _warn_once(f"SignupGuard could not share a GeoIP check's verdict in {where}: {exc.strerror or exc}")
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass
        return
    _forget_old(where)


_next_sweep = 0.0  # monotonic time of this process's next look for old verdicts


def _forget_old(where: str) -> None:
    global _next_sweep
    if time.monotonic() < _next_sweep:
        return
    _next_sweep = time.monotonic() + 3600
    cutoff = time.time() - _MAX_AGE
    try:
        entries = list(os.scandir(where))
    except OSError:
        return
    for entry in entries:
        try:
            if entry.stat(follow_symlinks=False).st_mtime < cutoff:
                os.unlink(entry.path)
        except OSError:
            pass


# Lock files this process holds. A process forked meanwhile closes its copies, or it would keep the
# lock alive after its holder released it, and wait on itself when it checks the same version.
_held: set[int] = set()


def _close_held_in_child() -> None:
    for fd in list(_held):
        try:
            os.close(fd)
        except OSError:
            pass
    _held.clear()


os.register_at_fork(after_in_child=_close_held_in_child)


@contextmanager
def exclusive(path: str, signature: Any) -> Iterator[None]:
    """Hold this version's lock (waiting for it): one process checks a version at a time.

    The lock file goes once its holder is done. Every holder reads the
    verdict again before checking, so a process that locks a new file of
    the same name meanwhile finds the verdict: the lock only spares work.
    """
    where = _where(signature)
    if where is None:
        yield
        return
    lock = os.path.join(where, _name(path, signature) + ".lock")
    try:
        handle = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        yield
        return
    _held.add(handle)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
        try:
            os.unlink(lock)
        except OSError:
            pass
    finally:
        _held.discard(handle)
        os.close(handle)  # closing releases the lock

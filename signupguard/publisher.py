"""Publish scoring tasks from a background thread, after the signup's response.

A Celery publish to Redis costs about a millisecond of the request (building
the message, a round trip to the broker). ``BACKGROUND_PUBLISH`` hands the
attempt id to one daemon thread per process instead, so the response never
waits for the broker. An id committed during a request is held until that
request has finished (Django's ``request_finished``, sent once the response
has been handed to the server) or ``HOLD_SECONDS`` have passed: a thread
publishing while the request is still running would only take the GIL from
it. Whoever waits for the verdict (``SYNC_WAIT``) releases it at once.

Nothing can be lost this way, because the attempt is committed as ``pending``
before its id is handed over: if the process dies before the thread publishes,
the broker is down, or the queue is full, the attempt simply stays pending and
the periodic sweep (``signupguard.tasks.sweep_pending``) scores it once it is
``SWEEP_AFTER_SECONDS`` old. A task that does arrive twice is harmless:
scoring claims the attempt with a conditional UPDATE.

Forked children (gunicorn with ``--preload``) get a fresh queue and thread:
a thread does not survive ``fork()``, and a lock held at the fork would
deadlock the child.
"""

from __future__ import annotations

import atexit
import logging
import os
import threading
import time
from collections import deque
from typing import Callable

logger = logging.getLogger(__name__)

# Ids waiting beyond this are dropped (and left to the sweep) rather than
# letting a dead broker grow the queue without bound.
MAX_QUEUED = 10_000
# At interpreter exit, wait this long for what is still queued (gunicorn and
# runserver exit through atexit); anything left is the sweep's.
EXIT_FLUSH_SECONDS = 2.0
# A held id is published after this long even if no request_finished comes
# (a streaming response, a server that never closes it).
HOLD_SECONDS = 0.5


class BackgroundPublisher:
    """One daemon thread that calls ``send(attempt_id)`` for each submitted id, in order.

    A login's id is sent with ``login=True``: its task has a name of its own (``tasks.score_login``).
    """

    def __init__(
        self, send: Callable[..., object], *, max_queued: int = MAX_QUEUED, name: str = "signupguard-publisher",
    ) -> None:
        self._send = send
        self._max_queued = max_queued
        self._name = name
        self._reset()
        os.register_at_fork(after_in_child=self._reset)

    def _reset(self) -> None:
        # Called at construction and in a forked child: new lock, empty queue, no thread yet.
        self._cond = threading.Condition()
        self._queue: deque[tuple[int, float, bool]] = deque()  # (attempt id, not before: monotonic, 0 = now, login)
        self._busy = 0  # ids taken from the queue whose send has not returned
        self._thread: threading.Thread | None = None
        self._pid = os.getpid()
        self.dropped = 0

    def submit(self, attempt_id: int, *, hold: bool = False, login: bool = False) -> bool:
        """Queue the id for publishing; never blocks. False when dropped (the sweep will score it).

        ``hold``: not before ``release()`` (the end of the request) or ``HOLD_SECONDS``.
        """
        with self._cond:
            if len(self._queue) >= self._max_queued:
                self.dropped += 1
                return False
            self._queue.append((attempt_id, time.monotonic() + HOLD_SECONDS if hold else 0.0, login))
            self._ensure_thread()
            self._cond.notify_all()
        return True

    def release(self) -> None:
        """Publish the held ids now (a request finished, or someone waits for a verdict)."""
        with self._cond:
            if any(not_before for _, not_before, _ in self._queue):
                self._queue = deque((attempt_id, 0.0, login) for attempt_id, _, login in self._queue)
                self._cond.notify_all()

    def pending(self) -> int:
        """Ids queued or being sent right now."""
        with self._cond:
            return len(self._queue) + self._busy

    def wait_idle(self, timeout: float) -> bool:
        """Release what is held, then wait until everything has been sent (or given up); False on timeout."""
        deadline = time.monotonic() + max(0.0, timeout)
        self.release()
        with self._cond:
            while self._queue or self._busy:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._cond.wait(remaining)
        return True

    def _ensure_thread(self) -> None:
        # Under self._cond. Started lazily, so importing the module starts nothing.
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while True:
            with self._cond:
                while True:
                    if self._queue:
                        wait = self._queue[0][1] - time.monotonic()
                        if wait <= 0:
                            break
                        self._cond.wait(wait)  # held: until release() or its time is up
                    else:
                        self._cond.wait()
                attempt_id, _, login = self._queue.popleft()
                self._busy += 1
            try:
                if login:  # its own task name (signupguard.tasks.score_login); signups' send stays one argument
                    self._send(attempt_id, login=True)
                else:
                    self._send(attempt_id)
            except Exception:  # noqa: BLE001 - the thread must outlive any failure; the sweep has the attempt
                logger.exception("signupguard: background publish of attempt %s failed", attempt_id)
            finally:
                with self._cond:
                    self._busy -= 1
                    self._cond.notify_all()


_publisher: BackgroundPublisher | None = None
_publisher_lock = threading.Lock()


def _new_lock_in_child() -> None:
    global _publisher_lock
    _publisher_lock = threading.Lock()  # the parent may have held it at the fork


os.register_at_fork(after_in_child=_new_lock_in_child)


def get_publisher() -> BackgroundPublisher:
    """The process's publisher of scoring tasks (created on first use)."""
    global _publisher
    if _publisher is None:
        with _publisher_lock:
            if _publisher is None:
                from signupguard.recording import publish_in_background

                _publisher = BackgroundPublisher(publish_in_background)
                atexit.register(_flush_at_exit)
    return _publisher


def release_held(**kwargs: object) -> None:
    """Publish what requests of this process held (connected to ``request_finished``)."""
    if _publisher is not None:
        _publisher.release()


def wait_idle(timeout: float = 5.0) -> bool:
    """Wait until this process has published every scoring task it queued (tests, benchmarks, shutdown)."""
    return _publisher.wait_idle(timeout) if _publisher is not None else True


def _flush_at_exit() -> None:
    if _publisher is not None and _publisher._pid == os.getpid():
        _publisher.wait_idle(EXIT_FLUSH_SECONDS)

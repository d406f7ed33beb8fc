"""Training features on several cores: enrichment in worker processes, velocity in this one.

Velocity is sequential by nature (each event reads what came before it), but
parsing, enrichment and the features of the event alone are pure. Worker
processes, forked so they inherit the settings, do those for chunks of lines
in time order and send back plain data: the event's own features as one
float block per chunk, and what its velocity keys are made of (``Parts``).
This process builds the keys and observes them in time order, the store
writing each event's readings into its row of an integer matrix, then
computes the chunk's velocity features at once (``features.velocity_rows``).

The one order-dependent part of enrichment, the browser version age (measured
against the newest version seen so far), is recomputed here, in order. The
rows are identical to the sequential path's (tested); only the wall time
differs.
"""

from __future__ import annotations

import mmap
import multiprocessing
import os
import signal
from collections import deque
from itertools import islice
from typing import Any, Callable, Iterator

import numpy as np

from signupguard.context import EventError, parse_line
from signupguard.enrichment import Enricher
from signupguard.enrichment.useragent import UserAgentAnalyser
from signupguard.features import (
    EVENT_FEATURES, FEATURE_INDEX, event_features, presence_values, velocity_presence, velocity_rows,
)
from signupguard.offline import BadLine, DatasetRows, Scan, _bad, _decode, wrong_types
from signupguard.velocity.keys import FLAT_LENGTH, Deployment, observe_row, plan_from_parts, plan_parts
from signupguard.velocity.memory import MemoryVelocityStore

CHUNK = 1024
# Below this many events, starting workers costs more than it saves.
MIN_EVENTS = 20_000
_AGE = FEATURE_INDEX["ua_version_age"]
_WORKER_NICENESS = 10

# What a worker reads lines from: set before the pool forks, inherited by it.
_source: Any = None
_worker: tuple[Any, Enricher] | None = None


def default_workers() -> int:
    """One worker per core: with the main process they share the cores well (measured)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _start_worker() -> None:
    global _worker
    # Pool.terminate stops workers with SIGTERM. Inherited from the command (TerminableCommand), its
    # Python-level handler could leave a worker blocked on the pool's queue lock, and the command
    # waiting for it for ever (make model hung at the end of a file's features, sessions 35-36).
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # This process's velocity stage is the pipeline's bound: the workers yield
    # the cores to it and work in the time it leaves (1M events: 107 -> 96 s, docs/benchmarks.md).
    os.nice(_WORKER_NICENESS)
    source = _source
    if isinstance(source, str):  # a path: map it in this process
        with open(source, "rb") as handle:
            source = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    _worker = (source, Enricher.from_settings())


def _featurise(
    chunk: list[tuple[int, int, int, int]],
) -> tuple[list[tuple], np.ndarray, list[tuple[int, int, bytes, str]], list[BadLine]]:
    """Parse and enrich ``(index, offset, length, lineno)`` lines, in the order given."""
    assert _worker is not None
    data, enricher = _worker
    rows = np.empty((len(chunk), EVENT_FEATURES), dtype=np.float64)
    meta: list[tuple] = []
    bad: list[tuple[int, int, bytes, str]] = []
    flagged: list[BadLine] = []  # scored, but with optional fields of the wrong type
    for index, start, length, lineno in chunk:
        raw = bytes(data[start:start + length])
        try:
            event = parse_line(_decode(raw))
        except EventError as exc:
            bad.append((index, lineno, raw, str(exc)))
            continue
        if event.problems:
            flagged.append(wrong_types(lineno, event))
        enrichment = enricher.enrich(event)
        rows[len(meta)] = event_features(event, enrichment)
        ua = enrichment.ua
        meta.append((
            plan_parts(event, enrichment),  # what the keys are made of: 230 pickled bytes, not 1,080
            event.label, event.kind, event.timestamp, str(event.extra.get("campaign", "")), event.event_id,
            ua.family, ua.major, bool(ua.is_automation or ua.is_headless), presence_values(velocity_presence(enrichment)),
        ))
    return meta, rows[: len(meta)], bad, flagged


def _in_order(pool: Any, chunks: Iterator[list], *, ahead: int) -> Iterator[Any]:
    """Results of ``_featurise`` over ``chunks``, in order, with at most ``ahead`` chunks in flight.

    ``Pool.imap`` would run as far ahead as the workers can: they are faster
    than the velocity stage here, and the waiting results filled gigabytes.
    """
    waiting: deque[Any] = deque(pool.apply_async(_featurise, (chunk,)) for chunk in islice(chunks, ahead))
    while waiting:
        result = waiting.popleft().get()
        following = next(chunks, None)
        if following is not None:
            waiting.append(pool.apply_async(_featurise, (following,)))
        yield result


def featurise_in_parallel(
    source: Any,
    found: Scan,
    *,
    workers: int,
    on_bad: Callable[[BadLine], None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> DatasetRows:
    """The labelled rows of the lines of ``found``; ``source`` is a file path or the bytes of a stream."""
    global _source
    rows = DatasetRows(len(found.order))
    store = MemoryVelocityStore()
    deployment = Deployment()
    ages = UserAgentAnalyser(newest={})  # as Enricher's: the newest versions of this traffic
    chunks = (
        # found.order holds the good lines only: (offset, length, lineno) tuples, never a BadLine.
        [(i, *found.lines[i]) for i in found.order[at:at + CHUNK]]  # type: ignore[misc]
        for at in range(0, len(found.order), CHUNK)
    )
    _source = source
    try:
        with multiprocessing.get_context("fork").Pool(workers, initializer=_start_worker) as pool:
            for meta, event_rows, bad, flagged in _in_order(pool, chunks, ahead=2 * workers + 2):
                for index, lineno, raw, error in bad:
                    item = _bad(lineno, raw, EventError(error))
                    found.lines[index] = item
                    found.bad += 1
                    if on_bad:
                        on_bad(item)
                for item in flagged:
                    found.bad += 1
                    if on_bad:
                        on_bad(item)
                # Each event is observed in order, its readings written into its row of
                # ``flats``; the chunk's velocity features are then computed at once.
                labelled, presence, ages_of = [], [], []
                flats = np.zeros((len(meta), FLAT_LENGTH), dtype=np.int64)
                for k, (parts, label, kind, when, campaign, event_id, family, major, automated, present) in enumerate(meta):
                    age = ages.version_age(family, major, automated=automated)
                    observe_row(store, plan_from_parts(parts, deployment), flats[k], deployment)
                    if label is None:
                        continue  # unlabelled events only feed velocity (and the version ages)
                    rows.add(label=label, when=when, kind=kind, campaign=campaign, event_id=event_id)
                    labelled.append(k)
                    presence.append(present)
                    ages_of.append(np.nan if age is None else age)
                if labelled:
                    block = rows.X[rows.n - len(labelled):rows.n]
                    block[:, :EVENT_FEATURES] = event_rows[labelled]
                    block[:, _AGE] = ages_of
                    block[:, EVENT_FEATURES:] = velocity_rows(flats[labelled], np.array(presence))
                if progress:
                    progress(len(meta) + len(bad))
            # Done: the workers leave on the pool's sentinel, not by a signal (the with block's terminate).
            pool.close()
            pool.join()
    finally:
        _source = None
    return rows

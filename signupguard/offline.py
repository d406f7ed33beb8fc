"""Offline use of the engine: read event files, replay them, build training sets.

Events are processed in ``occurred_at`` order with a fresh in-memory velocity
store, so a file replays exactly as production would have seen it. Bad lines
are reported with their line number and counted; they never stop a run. A
bad line still gets an output line (decision ``review``, reason
``invalid_event``) so that replay writes one line per input line, in order.

Files are read twice rather than held in memory: a first pass validates every
line and notes its time and byte offset, the second reads the valid lines
back in time order. Memory stays proportional to the number of lines, not to
their content, so a million-event file replays in well under a gigabyte.
"""

from __future__ import annotations

import codecs
import gc
import gzip
import io
import json
import mmap
import re
import sys
import zlib
from collections import Counter
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from itertools import islice
from typing import IO, Any, Callable, Iterable, Iterator, Protocol, TypeVar

import numpy as np

from signupguard import jsonl
from signupguard.context import EventError, RawEvent, parse_event, parse_line, parse_timestamp, sub_microsecond
from signupguard.engine import Engine, Prepared
from signupguard.enrichment import DeviceInfo, EmailInfo, Enricher, Enrichment, FormInfo, IPInfo, UAInfo
from signupguard.features import FEATURE_NAMES
from signupguard.model import Scorer, registry
from signupguard.velocity.memory import MemoryVelocityStore

BATCH = 2048
T = TypeVar("T")


@dataclass(slots=True)
class BadLine:
    lineno: int
    error: str
    event_id: str | None = None


@dataclass(slots=True)
class ReplaySummary:
    total: int = 0
    bad: int = 0
    decisions: Counter = field(default_factory=Counter)
    model_version: str = ""

    def text(self) -> str:
        parts = ", ".join(f"{k} {self.decisions.get(k, 0)}" for k in ("allow", "review", "block"))
        return f"{self.total} events: {parts}; {self.bad} bad lines; model {self.model_version}"


class TextSink(Protocol):
    """Where replay writes its lines: a text file, or anything with its ``write``."""

    def write(self, text: str, /) -> int: ...


@dataclass(slots=True)
class Scan:
    """What the first pass learned: per input line, either a place to re-read or a BadLine."""

    lines: list[tuple[int, int, int] | BadLine]  # (offset, length, lineno) of lines to re-read
    order: list[int]  # indexes of those lines, by (occurred_at to its last digit, file position)
    bad: int  # grows in the second pass too: a line can fail only there


def _bad(lineno: int, line: bytes, exc: EventError) -> BadLine:
    event_id = None
    try:
        data = json.loads(line)
        if isinstance(data, dict) and isinstance(data.get("event_id"), str):
            event_id = data["event_id"][:128]
    except (ValueError, RecursionError):
        pass
    error = str(exc)
    if event_id is None and b"\r" in line.rstrip(b"\r\n"):  # one "line" holding many events
        error += " (the line holds carriage returns: old Mac line endings? `tr '\\r' '\\n'` converts the file)"
    return BadLine(lineno, error, event_id)


def wrong_types(lineno: int, event: RawEvent) -> BadLine:
    """The report of a line scored despite optional fields of the wrong type."""
    return BadLine(lineno, "; ".join(event.problems) + " (the event is still scored)", event.event_id)


def _decode(raw: bytes) -> str:
    # Undecodable bytes make a bad line, never a crash (JSON text is UTF-8: RFC 8259 section 8.1).
    try:
        # A byte-order mark (Windows tools write one; `cat` of such files puts it mid-file) is no content.
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise EventError(f"not UTF-8 text: byte {raw[exc.start]:#04x} at position {exc.start}") from None


_KEY = b'"occurred_at"'
_TIME = re.compile(rb'"occurred_at"\s*:\s*"([^"\\]{1,64})"')


def _sort_key(raw: bytes) -> tuple[float, int] | None:
    """The line's ``occurred_at`` as (epoch seconds, digits past the microsecond), without parsing the whole
    line, when that is unambiguous.

    The first pass needs only the time to sort by. The key must occur once and
    unescaped: a second occurrence (a duplicate key, or one nested in another
    object) or any ``\\u`` escape (which could spell the key) sends the line
    to a full parse instead, so the time found here is always the one the full
    parse of the second pass reads.
    """
    if raw.count(_KEY) != 1 or b"\\u" in raw:
        return None
    found = _TIME.search(raw)
    if found is None:
        return None
    try:
        text = found.group(1).decode("ascii")
        # "2026-06-10T12:00:00.123456Z" is 27 characters: only a longer one can hold digits past the
        # microsecond, or a leap second (":60") a fraction of its own.
        return parse_timestamp(text).timestamp(), sub_microsecond(text) if len(text) > 27 or ":60" in text else 0
    except (EventError, UnicodeDecodeError):
        return None


def _full_sort_time(raw: bytes) -> tuple[float, int]:
    """The sort key of a line ``_sort_key`` could not read: the full parse's (EventError when bad)."""
    try:
        data = jsonl.loads(_decode(raw))
    except (ValueError, RecursionError) as exc:
        raise EventError(f"not valid JSON: {exc}") from None
    event = parse_event(data)
    return event.timestamp, sub_microsecond(data.get("occurred_at"))


def scan(stream: IO[bytes], *, on_bad: Callable[[BadLine], None] | None = None) -> Scan:
    """First pass: where each line is and when it happened; lines without a usable time are bad."""
    lines: list[tuple[int, int, int] | BadLine] = []
    keys: list[tuple[float, int, int]] = []
    bad = 0
    offset = 0
    for lineno, raw in enumerate(stream, start=1):
        start, offset = offset, offset + len(raw)
        if not raw.strip():
            continue
        when = _sort_key(raw)  # (epoch seconds, digits past the microsecond)
        if when is None:
            try:
                when = _full_sort_time(raw)
            except EventError as exc:
                item = _bad(lineno, raw, exc)
                lines.append(item)
                bad += 1
                if on_bad:
                    on_bad(item)
                continue
        keys.append((*when, len(lines)))
        lines.append((start, len(raw), lineno))
    keys.sort()  # stable by file position on equal times
    return Scan(lines=lines, order=[key[-1] for key in keys], bad=bad)


def events_in_time_order(
    stream: IO[bytes], found: Scan, *, on_bad: Callable[[BadLine], None] | None = None
) -> Iterator[tuple[int, RawEvent]]:
    """Second pass: parse the lines of ``stream`` in time order, ``(line index, event)``.

    A line that fails the full parse here becomes a BadLine in ``found`` (and
    is counted and reported) instead of an event.
    """
    with _random_access(stream) as data:
        for index in found.order:
            start, length, lineno = found.lines[index]  # type: ignore[misc]
            raw = bytes(data[start:start + length])
            try:
                event = parse_line(_decode(raw))
            except EventError as exc:
                item = _bad(lineno, raw, exc)
                found.lines[index] = item
                found.bad += 1
                if on_bad:
                    on_bad(item)
                continue
            if event.problems:  # wrong types in optional fields: scored, but reported and counted
                found.bad += 1
                if on_bad:
                    on_bad(wrong_types(lineno, event))
            yield index, event


@contextmanager
def _random_access(stream: IO[bytes]) -> Iterator[Any]:
    """Something to slice lines out of: a memory map of a file, or the buffer of an in-memory stream.

    Time order jumps around the file; a seek and read per line costs a system
    call and a refill of the reader's buffer (about 20 µs a line), a slice of
    a memory map costs well under one.
    """
    if isinstance(stream, io.BytesIO):
        view = stream.getbuffer()
        try:
            yield view
        finally:
            view.release()  # the stream cannot be closed while its buffer is exported
        return
    try:
        mapped = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # an empty file cannot be mapped
        stream.seek(0)
        yield stream.read()
        return
    try:
        yield mapped
    finally:
        mapped.close()


_GZIP = b"\x1f\x8b"  # the magic number of a gzip stream: never the start of a JSON Lines file


def _gunzip(data: bytes, name: str) -> bytes:
    """``data`` decompressed when it is gzip (events.jsonl.gz), else as it is; OSError when it is cut short."""
    if not data.startswith(_GZIP):
        return data
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:  # EOFError: cut short, which is no OSError
        raise OSError(f"{name} is gzip-compressed but cannot be decompressed: {exc}") from None


_UTF16 = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # Windows PowerShell 5's `>` and Out-File write UTF-16


def _utf8(data: bytes, name: str) -> bytes:
    """``data`` as UTF-8 when it is UTF-16 text after its byte-order mark, else as it is; OSError when undecodable.

    Read as it is, every line of such a file was "not valid JSON" (the first one blamed on old Mac line endings).
    """
    if not data.startswith(_UTF16):
        return data
    try:
        return data.decode("utf-16").encode("utf-8")
    except UnicodeDecodeError as exc:
        raise OSError(f"{name} is UTF-16 text (it starts with a byte-order mark) but cannot be decoded: "
                      f"{exc.reason} at byte {exc.start}") from None


def _readable(data: bytes, name: str) -> bytes:
    """The JSON Lines bytes of a whole file's ``data``: decompressed, then as UTF-8."""
    return _utf8(_gunzip(data, name), name)


def _open(path: Path | str) -> IO[bytes]:
    """The events to read: a file as it is, or in memory (standard input, a pipe, a gzip or UTF-16 file)."""
    if str(path) == "-":
        # Standard input cannot be re-read: keep it in memory.
        return io.BytesIO(_readable(sys.stdin.buffer.read(), "standard input"))
    stream = open(path, "rb")
    if not stream.seekable():  # a pipe, such as bash's <(zcat events.jsonl.gz)
        with stream:
            return io.BytesIO(_readable(stream.read(), str(path)))
    start = stream.read(2)
    stream.seek(0)
    if start == _GZIP or start in _UTF16:  # time order jumps around the file: converted whole, as a pipe is read
        with stream:
            return io.BytesIO(_readable(stream.read(), str(path)))
    return stream


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for a long offline run.

    The pipeline's per-event objects are freed by reference counting (a
    40,000-event replay leaves about 3,700 cyclic objects behind, all from
    start-up), but with millions of live velocity entries every collection
    walks them all: pausing it makes replay about 25% faster. Nothing is
    collected at the end either: the store is not cyclic, so it is freed
    when the run drops it, and a full collection would walk it once more.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _chunks(items: Iterator[T], size: int) -> Iterator[list[T]]:
    while chunk := list(islice(items, size)):
        yield chunk


def offline_engine(*, scorer: Scorer | None = None) -> Engine:
    """An engine with a fresh in-memory velocity store, as replay and training need."""
    return Engine(enricher=Enricher.from_settings(), store=MemoryVelocityStore(), scorer=scorer)


def invalid_output(bad: BadLine, model_version: str, *, with_enrichment: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "event_id": bad.event_id,
        "score": None,
        "decision": "review",
        "reasons": [{"feature": "invalid_event", "contribution": 0.0}],
        "model_version": model_version,
        "error": f"line {bad.lineno}: {bad.error}",
    }
    if with_enrichment:
        # Every line carries the object; nothing could be derived from this one.
        out["enrichment"] = Enrichment(IPInfo(), EmailInfo(), UAInfo(), DeviceInfo(), FormInfo()).summary()
    return out


def replay(
    path: Path | str,
    out: TextSink,
    *,
    scorer: Scorer | None = None,
    with_enrichment: bool = False,
    explain: bool | str = "auto",
    on_bad: Callable[[BadLine], None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> ReplaySummary:
    """Score every line of ``path`` and write one output line per input line, in input order.

    Velocity makes preparing events strictly sequential, but scoring a batch
    is not: a batch is scored on a second thread while the next one is
    prepared. LightGBM releases the GIL while it predicts and computes
    TreeSHAP, so the two overlap on a second core; with one core it costs
    nothing. Decisions are identical to scoring inline.
    """
    scorer = scorer if scorer is not None else registry.load_active()
    with _open(path) as stream, paused_gc(), ThreadPoolExecutor(max_workers=1, thread_name_prefix="replay-score") as pool:
        engine = offline_engine(scorer=scorer)
        found = scan(stream, on_bad=on_bad)
        summary = ReplaySummary(total=len(found.lines), model_version=engine.scorer.version)
        results: list[str | None] = [None] * len(found.lines)

        def score(batch: list[tuple[int, Prepared]]) -> None:
            for (index, _), a in zip(batch, engine.score([p for _, p in batch], explain=explain)):  # noqa: F821 - deleted only after the last batch
                summary.decisions[a.decision] += 1
                results[index] = jsonl.dumps(a.to_output(with_enrichment=with_enrichment))
            if progress:
                progress(len(batch))

        scoring: Future[None] | None = None
        batch: list[tuple[int, Prepared]] = []
        for chunk in _chunks(events_in_time_order(stream, found, on_bad=on_bad), BATCH):
            batch = list(zip([index for index, _ in chunk], engine.prepare_many([event for _, event in chunk])))
            if scoring is not None:
                scoring.result()  # one batch in flight bounds memory and surfaces errors
            scoring = pool.submit(score, batch)
        if scoring is not None:
            scoring.result()
        # Freed while the collector is paused: every object allocated during
        # the run is still in its youngest generation, and the first
        # collection after the pause would walk the whole velocity store.
        del engine, batch
    summary.bad = found.bad
    for index, item in enumerate(found.lines):
        line = results[index]
        if line is None:
            summary.decisions["review"] += 1
            bad = invalid_output(item, summary.model_version, with_enrichment=with_enrichment)  # type: ignore[arg-type]
            line = jsonl.dumps(bad)
        out.write(line + "\n")
    return summary


@dataclass(slots=True)
class Dataset:
    """Feature rows of the labelled events, in time order."""

    X: np.ndarray
    y: np.ndarray  # 1 fraud, 0 legit
    times: np.ndarray  # epoch seconds
    kinds: list[str]
    campaigns: list[str]  # the events' "campaign" key when present (evaluation only)
    event_ids: list[str]
    total_events: int
    bad_lines: int


class DatasetRows:
    """Labelled rows added in time order into arrays allocated once for ``capacity`` rows."""

    def __init__(self, capacity: int) -> None:
        self.X = np.empty((capacity, len(FEATURE_NAMES)), dtype=np.float32)
        self.y = np.empty(capacity, dtype=np.int8)
        self.times = np.empty(capacity)
        self.kinds: list[str] = []
        self.campaigns: list[str] = []
        self.event_ids: list[str] = []
        self.n = 0

    def add(self, *, label: str, when: float, kind: str, campaign: str, event_id: str) -> np.ndarray:
        """Record one labelled event; returns its feature row, for the caller to fill."""
        n = self.n
        self.y[n] = 1 if label == "fraud" else 0
        self.times[n] = when
        self.kinds.append(kind)
        self.campaigns.append(campaign)
        self.event_ids.append(event_id)
        self.n += 1
        return self.X[n]

    def dataset(self, *, total_events: int, bad_lines: int) -> Dataset:
        X, y, times, n = self.X, self.y, self.times, self.n
        if n < len(y):  # copies, so the unused rows are freed
            X, y, times = X[:n].copy(), y[:n].copy(), times[:n].copy()
        return Dataset(X=X, y=y, times=times, kinds=self.kinds, campaigns=self.campaigns,
                       event_ids=self.event_ids, total_events=total_events, bad_lines=bad_lines)


def dataset_from_events(
    events: Iterable[RawEvent], *, capacity: int, total_events: int, bad_lines: int | Callable[[], int] = 0,
    progress: Callable[[int], None] | None = None,
) -> Dataset:
    """Features of the labelled ``events`` (which must come in time order); all feed velocity.

    ``capacity`` bounds the number of labelled events (rows are allocated up
    front); ``bad_lines`` may be a callable read once the events are consumed.
    """
    engine = offline_engine()
    rows = DatasetRows(capacity)
    for chunk in _chunks(iter(events), BATCH):
        for prepared in engine.prepare_many(chunk):
            event = prepared.event
            if event.label is not None:
                rows.add(label=event.label, when=event.timestamp, kind=event.kind,
                         campaign=str(event.extra.get("campaign", "")), event_id=event.event_id)[:] = prepared.features
        if progress:
            progress(len(chunk))
    return rows.dataset(total_events=total_events, bad_lines=bad_lines() if callable(bad_lines) else bad_lines)


def build_dataset(
    path: Path | str,
    *,
    on_bad: Callable[[BadLine], None] | None = None,
    progress: Callable[[int], None] | None = None,
    workers: int | None = None,
) -> Dataset:
    """Features of every labelled event of a file; unlabelled events still feed velocity.

    ``workers`` processes parse and enrich while this one keeps velocity
    (``parallel_features``); the default is one per core, and 0 (or 1, or a
    small file) runs everything in this process. The rows are the same.
    """
    from signupguard import parallel_features

    workers = parallel_features.default_workers() if workers is None else workers
    with _open(path) as stream, paused_gc():
        found = scan(stream, on_bad=on_bad)
        if workers < 2 or len(found.order) < parallel_features.MIN_EVENTS:
            events = (event for _, event in events_in_time_order(stream, found, on_bad=on_bad))
            return dataset_from_events(events, capacity=len(found.order), total_events=len(found.lines),
                                       bad_lines=lambda: found.bad, progress=progress)
        source = stream.getvalue() if isinstance(stream, io.BytesIO) else str(path)
        rows = parallel_features.featurise_in_parallel(source, found, workers=workers, on_bad=on_bad, progress=progress)
    return rows.dataset(total_events=len(found.lines), bad_lines=found.bad)

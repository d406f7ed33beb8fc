"""Offline use of the engine: read event files, replay them, build training sets.

Events are processed in ``occurred_at`` order with a fresh in-memory velocity
store, so a file replays exactly as production would have seen it. Bad lines
are reported with their line number and counted; they never stop a run. A
bad line still gets an output line (decision ``review``, reason
``invalid_event``) so that replay writes one line per input line, in order.
"""

from __future__ import annotations

import io
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Callable, Iterator

import numpy as np

from signupguard.context import EventError, RawEvent, parse_line
from signupguard.engine import Engine, Prepared
from signupguard.enrichment import Enricher
from signupguard.model import Scorer
from signupguard.velocity.memory import MemoryVelocityStore

BATCH = 2048


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


def read_events(stream: IO[str]) -> Iterator[tuple[int, RawEvent | BadLine]]:
    """Yield ``(line number, event or BadLine)`` for every non-blank line."""
    for lineno, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            yield lineno, parse_line(line)
        except EventError as exc:
            event_id = None
            try:
                data = json.loads(line)
                if isinstance(data, dict) and isinstance(data.get("event_id"), str):
                    event_id = data["event_id"][:128]
            except ValueError:
                pass
            yield lineno, BadLine(lineno, str(exc), event_id)


def open_events(path: Path | str) -> IO[str]:
    """Open an events file for reading, replacing undecodable bytes (they make bad lines, not crashes)."""
    if str(path) == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    return open(path, encoding="utf-8", errors="replace")


def load_sorted(path: Path | str, *, on_bad: Callable[[BadLine], None] | None = None) -> tuple[list[tuple[int, RawEvent | BadLine]], int]:
    """All lines of a file, valid events stably sorted by time (bad lines keep their place in output)."""
    with open_events(path) as stream:
        items = list(read_events(stream))
    bad = 0
    for _, item in items:
        if isinstance(item, BadLine):
            bad += 1
            if on_bad:
                on_bad(item)
    return items, bad


def offline_engine(*, scorer: Scorer | None = None) -> Engine:
    """An engine with a fresh in-memory velocity store, as replay and training need."""
    return Engine(enricher=Enricher.from_settings(), store=MemoryVelocityStore(), scorer=scorer)


def prepare_in_time_order(
    engine: Engine, items: list[tuple[int, RawEvent | BadLine]], *, progress: Callable[[int], None] | None = None
) -> dict[int, Prepared]:
    """Run enrichment and velocity over the valid events in ``occurred_at`` order."""
    events = [(i, item) for i, (_, item) in enumerate(items) if isinstance(item, RawEvent)]
    events.sort(key=lambda pair: pair[1].occurred_at)  # stable: ties keep file order
    prepared: dict[int, Prepared] = {}
    for n, (i, event) in enumerate(events, start=1):
        prepared[i] = engine.prepare(event)
        if progress and n % 1000 == 0:
            progress(1000)
    if progress:
        progress(len(events) % 1000)
    return prepared


def invalid_output(bad: BadLine, lineno: int, model_version: str) -> dict[str, Any]:
    return {
        "event_id": bad.event_id,
        "score": None,
        "decision": "review",
        "reasons": [{"feature": "invalid_event", "contribution": 0.0}],
        "model_version": model_version,
        "error": f"line {lineno}: {bad.error}",
    }


def replay(
    path: Path | str,
    out: IO[str],
    *,
    scorer: Scorer | None = None,
    with_enrichment: bool = False,
    explain: bool | str = "auto",
    on_bad: Callable[[BadLine], None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> ReplaySummary:
    """Score every line of ``path`` and write one output line per input line, in input order."""
    engine = offline_engine(scorer=scorer)
    items, bad = load_sorted(path, on_bad=on_bad)
    summary = ReplaySummary(total=len(items), bad=bad, model_version=engine.scorer.version)
    prepared = prepare_in_time_order(engine, items, progress=progress)
    order = list(range(len(items)))
    for start in range(0, len(order), BATCH):
        chunk = order[start : start + BATCH]
        valid = [i for i in chunk if i in prepared]
        assessments = dict(zip(valid, engine.score([prepared[i] for i in valid], explain=explain)))
        for i in chunk:
            lineno, item = items[i]
            if i in assessments:
                a = assessments[i]
                line = a.to_output(with_enrichment=with_enrichment)
                summary.decisions[a.decision] += 1
            else:
                line = invalid_output(item, lineno, summary.model_version)  # type: ignore[arg-type]
                summary.decisions["review"] += 1
            out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
    return summary


@dataclass(slots=True)
class Dataset:
    """Feature rows of the labelled events of a file, in time order."""

    X: np.ndarray
    y: np.ndarray  # 1 fraud, 0 legit
    times: np.ndarray  # epoch seconds
    kinds: list[str]
    campaigns: list[str]  # the events' "campaign" key when present (evaluation only)
    event_ids: list[str]
    total_events: int
    bad_lines: int


def build_dataset(
    path: Path | str,
    *,
    on_bad: Callable[[BadLine], None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Dataset:
    """Features of every labelled event of a file; unlabelled events still feed velocity."""
    items, bad = load_sorted(path, on_bad=on_bad)
    return dataset_from_items(items, bad_lines=bad, progress=progress)


def dataset_from_items(
    items: list[tuple[int, RawEvent | BadLine]],
    *,
    bad_lines: int = 0,
    progress: Callable[[int], None] | None = None,
) -> Dataset:
    engine = offline_engine()
    prepared = prepare_in_time_order(engine, items, progress=progress)
    chosen = sorted((p.event.occurred_at, i) for i, p in prepared.items() if p.event.label is not None)
    rows = [prepared[i] for _, i in chosen]
    return Dataset(
        X=np.asarray([p.features for p in rows], dtype=np.float32).reshape(len(rows), -1),
        y=np.asarray([1 if p.event.label == "fraud" else 0 for p in rows], dtype=np.int8),
        times=np.asarray([p.event.timestamp for p in rows]),
        kinds=[p.event.kind for p in rows],
        campaigns=[str(p.event.extra.get("campaign", "")) for p in rows],
        event_ids=[p.event.event_id for p in rows],
        total_events=len(items),
        bad_lines=bad_lines,
    )

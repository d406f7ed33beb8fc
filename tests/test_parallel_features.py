"""Training features built by worker processes equal the sequential pipeline's, row for row."""

from __future__ import annotations

import io
import json
import random
import sys

import numpy as np
import pytest

from signupguard import parallel_features
from signupguard.features import FEATURE_INDEX
from signupguard.offline import build_dataset
from tests.plugins.events import CHROME, farm_event, make_event

OLD_CHROME = CHROME.replace("Chrome/131", "Chrome/96")
HINTS = {"sec-ch-ua": '"Chromium";v="131", "Google Chrome";v="131"', "sec-ch-ua-platform": '"Windows"', "sec-ch-ua-mobile": "?0"}


def _events(path, n=3000):
    rng = random.Random(11)
    lines = []
    for i in range(n):
        event = farm_event(i, label="fraud") if rng.random() < 0.3 else make_event(i, label="legit")
        if rng.random() < 0.1:
            del event["label"]  # unlabelled: feeds velocity only
        # New browser releases arrive during the file, so the version age of an
        # event depends on everything before it (a per-worker view would differ).
        release = 125 + i // 400 - (rng.random() < 0.3)
        event["headers"] = {"user-agent": OLD_CHROME if rng.random() < 0.05 else CHROME.replace("Chrome/131", f"Chrome/{release}")}
        # Client Hints arrive for most browsers, then for few (a proxy stripping them), then for most
        # again: whether a missing hint is a tell follows the earlier events (velocity.keys.Deployment).
        if rng.random() < (0.2 if n // 3 <= i < 2 * n // 3 else 0.9):
            event["headers"].update(HINTS)
        lines.append(json.dumps(event))
    lines.reverse()  # time order is not file order
    lines[17] = "not json"
    lines[400] = json.dumps({"event_id": "no-kind", "occurred_at": "2026-06-10T12:30:00Z", "ip": "81.2.0.1"})
    mistyped = json.loads(lines[250])
    mistyped["device"] = {**(mistyped.get("device") or {}), "webdriver": "false"}  # scored, and reported
    lines[250] = json.dumps(mistyped)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _same(a, b) -> None:
    assert a.X.shape == b.X.shape and np.array_equal(a.X, b.X, equal_nan=True)
    assert np.array_equal(a.y, b.y) and np.array_equal(a.times, b.times)
    assert (a.kinds, a.campaigns, a.event_ids) == (b.kinds, b.campaigns, b.event_ids)
    assert (a.total_events, a.bad_lines) == (b.total_events, b.bad_lines)


@pytest.fixture
def parallel_from_the_first_event(monkeypatch):
    monkeypatch.setattr(parallel_features, "MIN_EVENTS", 0)
    monkeypatch.setattr(parallel_features, "CHUNK", 128)  # many chunks, and bad lines inside them


def test_worker_processes_give_the_sequential_rows(tmp_path, parallel_from_the_first_event):
    path = _events(tmp_path / "e.jsonl")
    bad_seen: list[int] = []
    sequential = build_dataset(path, workers=0)
    parallel = build_dataset(path, workers=2, on_bad=lambda bad: bad_seen.append(bad.lineno))
    _same(sequential, parallel)
    assert sorted(bad_seen) == [18, 251, 401] and parallel.bad_lines == 3
    ages = parallel.X[:, parallel_features._AGE]
    assert np.nanmax(ages) >= 30  # the old browsers were measured against the newest seen
    assert len(set(ages[~np.isnan(ages)])) > 3
    hints = parallel.X[:, FEATURE_INDEX["ua_hints_missing"]]
    assert (hints == 1).sum() > 100 and np.isnan(hints).sum() > 100  # missing hints read both ways


def test_standard_input_works_with_workers(tmp_path, parallel_from_the_first_event, monkeypatch):
    path = _events(tmp_path / "e.jsonl", n=600)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(path.read_bytes())))
    _same(build_dataset(path, workers=0), build_dataset("-", workers=2))

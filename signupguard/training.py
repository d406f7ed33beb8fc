"""Train a model from events: features -> time-ordered split -> fit -> thresholds -> metrics.

The split is by time, never random: the model is always measured on traffic
that came after everything it learned from, as in production. Of the labelled
rows, the first 70% train, the next 15% drive early stopping and the choice of
thresholds, and the last 15% are the hold-out the metrics (and promotion)
are computed on. Several traffics (say, simulated sites of different sizes)
are each split by their own time and pooled slice by slice (``combine``).
"""

from __future__ import annotations

import hashlib
import math
import numbers
import os
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np

from signupguard.evaluation import baseline_metrics, evaluate, recall_at_fpr
from signupguard.model.predict import METADATA_FILE, MODEL_FILE
from signupguard.model.registry import HOLDOUT_FILE, TRAINED_FILE
from signupguard.model.train import SignupRiskClassifier, allowed_count, choose_thresholds, json_text, save_model
from signupguard.offline import Dataset
from signupguard.policy import Thresholds

TRAIN_SHARE, VALID_SHARE = 0.70, 0.15
REVIEW_RATE, BLOCK_RATE = 0.01, 0.001


def _build_time() -> float:
    """Now, or ``SOURCE_DATE_EPOCH`` when set (reproducible builds: ``make model`` sets it to its code's commit time)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return float(epoch) if epoch.isdigit() else time.time()


@dataclass(slots=True)
class TrainResult:
    directory: Path
    metadata: dict[str, Any]
    metrics: dict[str, Any]
    seconds: float


def split_by_time(n: int) -> tuple[slice, slice, slice]:
    a = int(n * TRAIN_SHARE)
    b = int(n * (TRAIN_SHARE + VALID_SHARE))
    return slice(0, a), slice(a, b), slice(b, n)


def combine(datasets: Sequence[Dataset]) -> tuple[Dataset, tuple[slice, slice, slice]]:
    """Several traffics as one dataset, with its training, validation and hold-out slices.

    Each traffic is split by its own time, and its three parts join the pooled
    slices: traffics recorded over different dates all contribute to each
    slice. Each was featurised with its own velocity state, as separate
    deployments are. One dataset is returned as it is, without a copy.
    """
    if not datasets:
        raise ValueError("no dataset to train on")
    if len(datasets) == 1:
        return datasets[0], split_by_time(len(datasets[0].y))
    splits = [split_by_time(len(data.y)) for data in datasets]
    # Every traffic's training part, then every validation part, then every hold-out part.
    parts = [(data, split[i]) for i in range(3) for data, split in zip(datasets, splits)]
    sizes = [sum(split[i].stop - split[i].start for split in splits) for i in range(3)]
    pooled = Dataset(
        X=np.concatenate([data.X[part] for data, part in parts]),
        y=np.concatenate([data.y[part] for data, part in parts]),
        times=np.concatenate([data.times[part] for data, part in parts]),
        kinds=[kind for data, part in parts for kind in data.kinds[part]],
        campaigns=[campaign for data, part in parts for campaign in data.campaigns[part]],
        event_ids=[event_id for data, part in parts for event_id in data.event_ids[part]],
        total_events=sum(data.total_events for data in datasets),
        bad_lines=sum(data.bad_lines for data in datasets),
    )
    a, b = sizes[0], sizes[0] + sizes[1]
    return pooled, (slice(0, a), slice(a, b), slice(b, b + sizes[2]))


def split_mature(data: Dataset, after: float) -> tuple[Dataset, tuple[slice, slice, slice]]:
    """``data`` reordered so rows later than ``after`` join the training slice only.

    Training from the database labels an allowed attempt legitimate only
    once ``LEGIT_AFTER_DAYS`` old, so its newest rows carry people's labels
    alone: the active model's holds, a third of them fraud. Measured there,
    an active model looked worse than a candidate it beat on the same days
    fully labelled, and promotion took the worse one (found in an audit).
    The rows up to ``after`` are split by time as usual.
    """
    mature = int(np.searchsorted(data.times, after, side="right"))  # rows are in time order
    a, b = (part.stop for part in split_by_time(mature)[:2])
    order = np.concatenate([np.arange(0, a), np.arange(mature, len(data.y)), np.arange(a, mature)])
    late = len(data.y) - mature
    reordered = Dataset(
        X=data.X[order], y=data.y[order], times=data.times[order],
        kinds=[data.kinds[i] for i in order], campaigns=[data.campaigns[i] for i in order],
        event_ids=[data.event_ids[i] for i in order], total_events=data.total_events, bad_lines=data.bad_lines,
    )
    return reordered, (slice(0, a + late), slice(a + late, b + late), slice(b + late, len(data.y)))


def _measurable(data: Dataset, parts: tuple[slice, slice, slice]) -> bool:
    """Whether thresholds can be chosen on the validation slice and both models measured on the hold-out."""
    _, valid, test = parts
    signups = np.asarray(data.kinds) == "signup"
    return bool(((data.y[valid] == 0) & signups[valid]).any() and (data.y[test] == 0).any() and (data.y[test] == 1).any())


def check_margin(margin: float) -> None:
    """A threshold margin is a finite number >= 1 (1: the thresholds are chosen for the target rates)."""
    if not (isinstance(margin, numbers.Real) and not isinstance(margin, bool) and math.isfinite(margin) and margin >= 1):
        raise ValueError(f"the threshold margin must be a finite number >= 1, got {margin!r}")


def check_rates(review_rate: float, block_rate: float) -> None:
    """Raise ValueError unless 0 < block rate <= review rate < 1."""
    if not 0.0 < block_rate <= review_rate < 1.0:
        raise ValueError(f"rates must satisfy 0 < block rate <= review rate < 1, got {review_rate}, {block_rate}")


def train_on_dataset(
    data: Dataset | Sequence[Dataset],
    out: Path,
    *,
    classifier: SignupRiskClassifier | None = None,
    source: str,
    version_prefix: str = "sg",
    write_holdout: bool = True,
    write_report: bool = True,
    review_rate: float = REVIEW_RATE,
    block_rate: float = BLOCK_RATE,
    margin: float = 1.0,
    progress: Callable[[int], None] | None = None,
    train_only_after: float | None = None,
) -> TrainResult:
    """Fit on the first 70% of ``data`` in time, choose the thresholds on the next 15%, measure on the last.

    ``data`` may be several traffics, each split by its own time (``combine``).
    The review (block) threshold holds (blocks) at most ``review_rate``
    (``block_rate``) of the validation slice's legitimate signups, divided by
    ``margin``: the shipped model's thresholds leave room for legitimate
    people unlike the simulator's, who score higher (docs/model.md).
    ``train_only_after`` (epoch seconds, one traffic): later rows only train (``split_mature``).
    """
    check_rates(review_rate, block_rate)
    check_margin(margin)
    started = time.perf_counter()
    datasets = [data] if isinstance(data, Dataset) else list(data)
    traffics = len(datasets)
    skewed = False
    if train_only_after is not None and traffics == 1:
        mature, parts = split_mature(datasets[0], train_only_after)
        # Too few mature rows to measure on (a young portal): the plain split, and the metrics say so.
        skewed = not _measurable(mature, parts)
        data, (train, valid, test) = combine(datasets) if skewed else (mature, parts)
    else:
        data, (train, valid, test) = combine(datasets)
    n = len(data.y)
    fraud = int(data.y.sum())
    if n < 50 or fraud < 5 or n - fraud < 5:
        short = "fraud" if fraud < 5 else "legitimate" if n - fraud < 5 else None
        why = f": it needs at least 5 {short} ones" if short and n >= 50 else ": it needs at least 50"
        raise ValueError(f"too few labelled events to train ({n} rows, {fraud} fraud, {n - fraud} legitimate){why}")
    kinds = np.asarray(data.kinds)
    if not ((data.y[valid] == 0) & (kinds[valid] == "signup")).any():
        raise ValueError(
            "no legitimate signup falls in the validation slice (70-85% of each traffic's time), so the "
            "thresholds cannot be chosen: label traffic over a longer period, or more of it"
        )
    clf = classifier or SignupRiskClassifier()
    clf.fit(data.X[train], data.y[train], X_valid=data.X[valid], y_valid=data.y[valid], progress=progress)

    valid_scores = clf.predict_proba(data.X[valid])
    valid_legit_signups = valid_scores[(data.y[valid] == 0) & (kinds[valid] == "signup")]
    margin = float(margin)
    chosen_for = {"review_rate": review_rate / margin, "block_rate": block_rate / margin}
    thresholds = choose_thresholds(valid_legit_signups, **chosen_for)
    achieved = threshold_rates(valid_legit_signups, thresholds, **chosen_for, margin=margin)

    test_scores = clf.predict_proba(data.X[test])
    campaigns = data.campaigns[test]
    metrics = evaluate(test_scores, data.y[test], thresholds=thresholds, kinds=kinds[test], campaigns=campaigns)
    signups = kinds[test] == "signup"
    metrics["signup_recall_at_0.1pct_legit"] = recall_at_fpr(test_scores[signups], data.y[test][signups], 0.001)
    metrics["signup_recall_at_1pct_legit"] = recall_at_fpr(test_scores[signups], data.y[test][signups], 0.01)
    metrics["baselines"] = baseline_metrics(data.X[test], data.y[test], kinds[test], campaigns)
    metrics["validation"] = achieved
    metrics["split"] = {"train": train.stop - train.start, "valid": valid.stop - valid.start, "test": test.stop - test.start}
    if test.stop > test.start:  # what the hold-out figures are of
        metrics["split"]["test_period"] = [_iso(data.times[test].min()), _iso(data.times[test].max())]
    if skewed:
        metrics["split"]["unmatured_holdout"] = True
    missing = [name for name, label in (("fraud", 1), ("legitimate", 0)) if not (data.y[test][signups] == label).any()]
    if missing:  # the figures are NaN, and a promotion has nothing to compare on
        metrics["split"]["unmeasured"] = f"the hold-out (the latest {test.stop - test.start} labelled events) has no {' and no '.join(missing)} signups"
    training = {
        "source": source,
        "traffics": traffics,
        "events": data.total_events,
        "labelled": n,
        "fraud": int(data.y.sum()),
        "bad_lines": data.bad_lines,
        "target_rates": {"review": review_rate, "block": block_rate},
        "threshold_margin": margin,  # the thresholds were chosen for the target rates divided by it
        "trained_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(_build_time())),
    }
    # A previous run's files must not outlive it beside this model (promotion would measure on its hold-out).
    for stale in (HOLDOUT_FILE, TRAINED_FILE, "metrics.json", "report.html", MODEL_FILE, METADATA_FILE):
        (out / stale).unlink(missing_ok=True)
    # metadata.json last: every loader reads it first, so a run that fails or is interrupted while it writes
    # the hold-out or the report leaves no model that loads, registers or promotes as if it had finished.
    metadata = save_model(clf, out, thresholds=thresholds, metrics=metrics, training=training,
                          version_prefix=version_prefix, write_metadata=False)
    (out / "metrics.json").write_text(json_text(metrics), encoding="utf-8")
    # zlib releases the GIL: the hold-out is compressed on another core while the report draws
    # (about 1 s and 2 s for a million-event training).
    with ThreadPoolExecutor(max_workers=1) as writer:
        holdout = None
        if write_holdout:
            # Which events shaped this model (training, and the validation rows that stopped it and chose its
            # thresholds), and which the hold-out holds: a later candidate's hold-out can hold events this
            # model learnt from, and promotion leaves those out of the comparison.
            ids = data.event_ids if len(data.event_ids) == n else None
            if ids is not None:
                np.save(out / TRAINED_FILE, np.unique(event_digests([*ids[train], *ids[valid]])), allow_pickle=False)
            holdout = writer.submit(_write_holdout, out / HOLDOUT_FILE, data.X[test], data.y[test],
                                    None if ids is None else event_digests(ids[test]))
        if write_report:
            from signupguard.model.report import write_report as draw_report

            draw_report(
                out / "report.html", metadata=metadata, scores=test_scores, labels=data.y[test], kinds=kinds[test],
                campaigns=list(campaigns), importance=clf.feature_importance(), X=data.X[test],
            )
        if holdout is not None:
            holdout.result()  # its error, if any, is this function's
    (out / METADATA_FILE).write_text(json_text(metadata), encoding="utf-8")
    return TrainResult(out, metadata, metrics, time.perf_counter() - started)


def threshold_rates(
    legit_scores: np.ndarray, thresholds: Thresholds, *, review_rate: float, block_rate: float, margin: float = 1.0
) -> dict[str, Any]:
    """The share of the validation slice's legitimate signups the thresholds hold and block, and whether
    that misses the target rates.

    A threshold cannot go above a score of 1.0, so when more than the target
    share of legitimate signups score exactly 1.0 (a model sure of itself on
    a portal's own labels) no threshold meets the rate; the metrics say so
    rather than letting the thresholds look as if they did.
    """
    n = len(legit_scores)
    held_n, blocked_n = int(np.sum(legit_scores >= thresholds.review)), int(np.sum(thresholds.blocks(legit_scores)))
    held = held_n / n if n else float("nan")
    blocked = blocked_n / n if n else float("nan")
    rates: dict[str, Any] = {"legit_signups": n, "legit_held": held, "legit_blocked": blocked,
                             "chosen_for": {"review": review_rate, "block": block_rate}}
    aim = "target" if margin == 1 else f"the target / {margin:g}:"
    # Counts, not shares: 5 of 50 is 10%, and 10% above a target of 0.3 / 3 (0.09999999999999999).
    missed = [f"{what} {achieved:.2%} of them ({aim} {target:.2%})"
              for what, count, achieved, target in (("hold", held_n, held, review_rate), ("block", blocked_n, blocked, block_rate))
              if count > allowed_count(target, n)]
    if missed:
        top = float(np.mean(legit_scores >= 1.0))
        rates["unmet"] = (f"the thresholds {' and '.join(missed)}: {top:.2%} of the validation slice's "
                          "legitimate signups score 1.0, which no threshold can leave out")
    needed = signups_needed(review_rate)  # the fewest signups in which one can be held
    if n < needed:
        # A portal retraining on a day of reviewers' labels: thresholds chosen on 6 legitimate signups, and a
        # model that then blocked a sixth of the next day's legitimate signups (found in an audit).
        rates["few"] = (f"the thresholds were chosen on {n} legitimate signups of the validation slice; "
                        f"holding {review_rate:.2%} of them needs at least {needed:,}, so they are a guess")
    return rates


def signups_needed(rate: float, *, above: int = 1) -> int:
    """The legitimate signups a threshold needs to hold ``rate`` of them with ``above`` of them above it."""
    return math.ceil(round(above / rate, 6))  # 10 / 0.005 must need 2,000, whatever the float's last bit


def _iso(epoch: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(float(epoch)))


def event_digests(event_ids: Sequence[str]) -> np.ndarray:
    """64-bit digests of ``event_ids``: enough to tell events apart, without keeping their ids."""
    return np.array([int.from_bytes(hashlib.blake2b(i.encode("utf-8", "surrogatepass"), digest_size=8).digest())
                     for i in event_ids], dtype=np.uint64)


def _write_holdout(path: Path, X: np.ndarray, y: np.ndarray, ids: np.ndarray | None = None) -> None:
    """The hold-out's features, labels and event digests, which promotion scores both models on.

    An ``.npz`` as ``np.savez_compressed`` writes it, at zlib's fastest level:
    a million-event training's hold-out took 3.5 s at the default level and
    1.2 s at this one, for a file of 23 MB instead of 18 MB.
    """
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        arrays: list[tuple[str, np.ndarray]] = [("X", X.astype(np.float32)), ("y", y.astype(np.int8))]
        if ids is not None:
            arrays.append(("ids", ids))
        for name, array in arrays:
            with archive.open(f"{name}.npy", "w", force_zip64=True) as member:
                np.lib.format.write_array(member, array, allow_pickle=False)

"""The training report: one self-contained HTML file with inline PNG plots (no CDN)."""

from __future__ import annotations

import base64
import html
import io
import json
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from signupguard.evaluation import baseline_flags, rates
from signupguard.extras import install_hint


def _png(fig: Any) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=90, bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def _curves(scores: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    order = np.argsort(-scores, kind="mergesort")
    y = labels[order]
    tp = np.cumsum(y == 1)
    fp = np.cumsum(y == 0)
    tpr = tp / max(tp[-1], 1)
    fpr = fp / max(fp[-1], 1)
    precision = tp / np.arange(1, len(y) + 1)
    return fpr, tpr, tpr, precision


def write_report(
    path: Path,
    *,
    metadata: dict[str, Any],
    scores: np.ndarray,
    labels: np.ndarray,
    kinds: Sequence[str] | np.ndarray,
    campaigns: Sequence[str],
    importance: dict[str, float],
    X: np.ndarray,
) -> None:
    signup = np.asarray(kinds) == "signup"
    review, block = metadata["thresholds"]["review"], metadata["thresholds"]["block"]
    flags = baseline_flags(X)
    try:
        images = _plots(scores, labels, signup, campaigns, importance, flags, review, block)
        note = ""
    except ImportError:  # matplotlib is the optional `report` extra: the tables and metrics still help
        images = []
        note = f"<p>Plots need matplotlib: <code>{html.escape(install_hint('report'), quote=False)}</code>.</p>"
    _write(path, metadata, labels, signup, flags, images, note, review, block)


def _plots(
    scores: np.ndarray, labels: np.ndarray, signup: np.ndarray, campaigns: Sequence[str], importance: dict[str, float],
    flags: dict[str, np.ndarray], review: float, block: float,
) -> list[tuple[str, str]]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    s, y = scores[signup], labels[signup]
    images: list[tuple[str, str]] = []

    fpr, tpr, recall, precision = _curves(s, y)
    fig, axes = plt.subplots(1, 2, figsize=(10, 4))
    axes[0].plot(fpr, tpr)
    if (fpr > 0).any():  # a hold-out without a legitimate signup flagged has nothing to put on a log axis
        axes[0].set_xscale("log")
        axes[0].set_xlim(1e-4, 1)
    axes[0].axvline(0.001, ls=":", c="grey")
    axes[0].axvline(0.01, ls="--", c="grey")
    axes[0].set(title="ROC (signups, log x)", xlabel="legitimate flagged", ylabel="fraud caught")
    axes[1].plot(recall, precision)
    axes[1].set(title="Precision-recall (signups)", xlabel="recall", ylabel="precision")
    images.append(("ROC and precision-recall", _png(fig)))

    fig, ax = plt.subplots(figsize=(10, 3.5))
    bins = np.linspace(0, 1, 51).tolist()
    ax.hist(s[y == 0], bins=bins, alpha=0.6, label="legitimate", log=True)
    ax.hist(s[y == 1], bins=bins, alpha=0.6, label="fraud", log=True)
    ax.axvline(review, c="orange", label=f"review {review:.3f}")
    ax.axvline(block, c="red", label=f"block {block:.3f}")
    ax.set(title="Score distribution (signups, log counts)", xlabel="fraud probability")
    ax.legend()
    images.append(("Score histograms", _png(fig)))

    camp = np.asarray(campaigns)
    held = scores >= review
    names = sorted({c for c, label, k in zip(camp, labels, signup) if label == 1 and k and c})  # unnamed: no campaign
    if names:
        fig, ax = plt.subplots(figsize=(10, 0.4 * len(names) + 1.5))
        pos = np.arange(len(names))
        ours = [held[(camp == n) & signup & (labels == 1)].mean() for n in names]
        ip5 = [flags["ip_5_per_hour"][(camp == n) & signup & (labels == 1)].mean() for n in names]
        disp = [flags["disposable_blocklist"][(camp == n) & signup & (labels == 1)].mean() for n in names]
        ax.barh(pos - 0.27, ours, height=0.27, label="SignupGuard (held)")
        ax.barh(pos, ip5, height=0.27, label="per-IP 5/hour")
        ax.barh(pos + 0.27, disp, height=0.27, label="disposable blocklist")
        ax.set_yticks(pos, names)
        ax.set_xlim(0, 1)
        ax.set(title="Catch rate per campaign (hold-out signups)")
        ax.legend(loc="lower right")
        images.append(("Catch rate per campaign, with baselines", _png(fig)))

    top = sorted(importance.items(), key=lambda kv: kv[1], reverse=True)[:25]
    fig, ax = plt.subplots(figsize=(10, 7))
    ax.barh([k for k, _ in top][::-1], [v for _, v in top][::-1])
    ax.set(title="Feature importance (total gain)")
    images.append(("Feature importance", _png(fig)))
    return images


def _write(
    path: Path, metadata: dict[str, Any], labels: np.ndarray, signup: np.ndarray, flags: dict[str, np.ndarray],
    images: list[tuple[str, str]], note: str, review: float, block: float,
) -> None:
    rows = []
    for name, flag in flags.items():
        caught, false = rates(flag[signup], labels[signup])
        rows.append(f"<tr><td>{name}</td><td>{caught:.1%}</td><td>{false:.2%}</td></tr>")
    m = metadata["metrics"].get("signup", {})
    rows.insert(0, f"<tr><td>SignupGuard {html.escape(metadata['version'])}</td><td>{m.get('fraud_held', float('nan')):.1%}</td><td>{m.get('legit_held', float('nan')):.2%}</td></tr>")
    body = "\n".join(f"<h2>{html.escape(t)}</h2><img src='{src}' alt='{html.escape(t)}'>" for t, src in images)
    doc = f"""<!doctype html><html><head><meta charset="utf-8"><title>SignupGuard model {html.escape(metadata['version'])}</title>
<style>body{{font:14px system-ui,sans-serif;max-width:1000px;margin:2em auto;color:#222}}table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:4px 8px}}img{{max-width:100%}}pre{{background:#f6f6f6;padding:1em;overflow:auto}}</style></head>
<body><h1>SignupGuard model {html.escape(metadata['version'])}</h1>
<p>Hold-out: the last 15% of labelled events in time. Thresholds: review {review:.4f}, block {block:.4f}.</p>{note}
<h2>Against the usual defences (hold-out signups)</h2><table><tr><th>method</th><th>fraud held</th><th>legitimate held</th></tr>{''.join(rows)}</table>
{body}
<h2>Metrics</h2><pre>{html.escape(json.dumps(metadata['metrics'], indent=2, sort_keys=True))}</pre>
<h2>Training</h2><pre>{html.escape(json.dumps({k: metadata[k] for k in ('training', 'versions', 'params', 'schema_hash')}, indent=2, sort_keys=True))}</pre>
</body></html>"""
    path.write_text(doc, encoding="utf-8")

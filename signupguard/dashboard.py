"""The console's dashboard: what is arriving, what is held, which campaigns are open, which model decides.

Served by the admin at ``/admin/signupguard/dashboard/`` (see
``signupguard.admin.dashboard_urls``); every chart is inline SVG rendered here.
Queries are bounded by the time window and use the attempt indexes.
"""

from __future__ import annotations

import datetime as dt
from datetime import timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.db.models.functions import TruncHour
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone

from signupguard.charts import horizontal_bars, stacked_bars
from signupguard.health import read_health
from signupguard.models import AccountStatus, Attempt, Cluster
from signupguard.outcomes import HeldOutcomes, held_outcomes

DECISIONS = ("allow", "review", "block")
TOP = 8


def signups_per_hour(*, hours: int = 48, now: Any = None) -> tuple[list[str], dict[str, list[int]]]:
    """Signups per hour over the last ``hours``, split by decision (``pending`` = not scored yet)."""
    now = now or timezone.now()
    end = now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    start = end - timedelta(hours=hours)
    slots = [start + timedelta(hours=i) for i in range(hours)]
    series: dict[str, list[int]] = {name: [0] * hours for name in (*DECISIONS, "pending")}
    rows = (Attempt.objects.filter(kind=Attempt.Kind.SIGNUP, created_at__gte=start, created_at__lt=end)
            .annotate(hour=TruncHour("created_at", tzinfo=dt.timezone.utc)).values("hour", "decision").annotate(n=Count("pk")))
    for row in rows:
        index = int((row["hour"] - start).total_seconds() // 3600)
        if 0 <= index < hours:
            series[row["decision"] or "pending"][index] += row["n"]
    # Counted by UTC hour (no hour is dropped or doubled by a half-hour offset or a DST change), named in local time.
    # With USE_TZ=False the slots are naive, already in TIME_ZONE.
    return [(timezone.localtime(s) if timezone.is_aware(s) else s).strftime("%H:%M") for s in slots], series


def top_held(field: str, *, days: int = 7, limit: int = TOP) -> list[tuple[str, int]]:
    """Most frequent values of ``field`` among signups held (review or blocked) lately."""
    since = timezone.now() - timedelta(days=days)
    rows = (Attempt.objects.filter(kind=Attempt.Kind.SIGNUP, created_at__gte=since, decision__in=("review", "block"))
            .exclude(**{f"{field}__isnull": True}).values(field).annotate(n=Count("pk")).order_by("-n")[:limit])
    out = []
    for row in rows:
        value = row[field]
        label = f"AS{value}" if field == "asn" else str(value or "?")
        out.append((label, row["n"]))
    return out


def model_summary() -> dict[str, Any]:
    """The active model's version, thresholds and hold-out metrics from its metadata."""
    from signupguard.model import registry

    scorer = registry.load_active()
    meta = getattr(scorer, "metadata", {}) or {}
    metrics = meta.get("metrics") or {}
    flat = []
    for key, value in sorted(metrics.items()) if isinstance(metrics, dict) else []:
        if isinstance(value, (int, float)):
            flat.append((key, f"{value:.4g}" if isinstance(value, float) else value))
        elif isinstance(value, dict):
            flat += [(f"{key}.{k}", f"{v:.4g}" if isinstance(v, float) else v)
                     for k, v in sorted(value.items()) if isinstance(v, (int, float))]
    thresholds = getattr(scorer, "thresholds", None)
    if thresholds is not None:  # the ones in force: an override (BLOCK_THRESHOLD=1.0: hold, never block) wins
        from signupguard.policy import effective_thresholds

        thresholds = effective_thresholds(thresholds)
    return {
        "version": getattr(scorer, "version", meta.get("version", "unknown")),
        "cold_start": bool(meta.get("cold_start")),
        "review": getattr(thresholds, "review", None), "block": getattr(thresholds, "block", None),
        "metrics": flat[:24],
    }


def _percent(share: float) -> str:
    return f"{100 * share:.2f}%" if share < 0.1 else f"{100 * share:.1f}%"


def outcomes_view(outcomes: HeldOutcomes) -> dict[str, Any]:
    """The held-legitimate estimate with its figures as the card prints them."""
    rate = outcomes.legit_held_rate
    return {
        "o": outcomes,
        "low": _percent(rate[0]) if rate else None,
        "high": _percent(rate[1]) if rate else None,
        "target": _percent(outcomes.target) if outcomes.target is not None else None,
    }


def context() -> dict[str, Any]:
    """Everything the dashboard template shows."""
    labels, series = signups_per_hour()
    counts = dict(AccountStatus.objects.values_list("status").annotate(n=Count("pk")))
    return {
        "per_hour": stacked_bars(labels, series, title="Signups per hour by decision"),
        "per_hour_total": sum(sum(v) for v in series.values()),
        "top_asns": horizontal_bars(top_held("asn"), title="Top ASNs among held signups"),
        "top_countries": horizontal_bars(top_held("country"), title="Top countries among held signups"),
        "top_domains": horizontal_bars(top_held("email_domain"), title="Top email domains among held signups"),
        "clusters": list(Cluster.objects.filter(status=Cluster.Status.OPEN).order_by("-size", "pk")[:10]),
        "status_counts": [(s, counts.get(s, 0)) for s in ("pending", "review", "cleared", "blocked")],
        "model": model_summary(),
        "outcomes": outcomes_view(held_outcomes()),
        "health": read_health(),
    }


def dashboard_view(request: HttpRequest, *, site: Any) -> HttpResponse:
    """The admin page (wrapped in ``site.admin_view``: staff only, like the rest of the console)."""
    if not request.user.has_perm("signupguard.view_attempt"):
        raise PermissionDenied("You may not view SignupGuard data.")
    return TemplateResponse(request, "admin/signupguard/dashboard.html",
                            {**site.each_context(request), "title": "SignupGuard dashboard", **context()})

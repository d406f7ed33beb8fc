"""What the detail page shows: everything a reviewer needs about one attempt, on one screen."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from django.apps import apps

from signupguard.clusters import cluster_of, links_of
from signupguard.linking import describe_key
from signupguard.models import Attempt, ClusterMember, StatusChange
from signupguard.velocity import DISTINCT_WINDOW_NAMES, WINDOW_NAMES

API_KEYS_APP = "signupguard.contrib.rest_framework_api_key"
MAX_LINKED = 50
ENRICHMENT_FIELDS = {
    "ip": ("address", "prefix", "asn", "as_org", "country", "network_kind", "is_vpn", "is_hosting", "is_tor",
           "is_anonymous", "is_residential_proxy", "geo_timezone"),
    "email": ("normalized", "domain", "disposable", "freemail", "role", "plus_tag", "dots_removed", "template"),
    "ua": ("family", "major", "os_family", "device_class", "is_headless", "is_automation", "is_script",
           "client_hints_present",
           "client_hints_mismatch", "client_hints_missing", "unreduced", "version_age"),
    "device": ("collector_present", "fingerprint", "webdriver", "timezone", "screen", "tz_country_mismatch",
               "clock_non_geographic", "lang_country_mismatch", "platform_mismatch", "clock_restricted", "language_restricted",
               "hardware_concurrency", "device_memory", "gpu", "gpu_kind", "gpu_mismatch"),
    "form": ("fill_ms", "honeypot_filled", "replayed"),
}
SECTION_TITLES = {"ip": "Network", "email": "Email", "ua": "Browser (User-Agent)", "device": "Device", "form": "Form"}


def enrichment_sections(enrichment: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The stored enrichment as titled (field, value) tables."""
    if not enrichment:
        return []
    return [
        {"title": SECTION_TITLES[name], "rows": [(f.replace("_", " "), enrichment.get(name, {}).get(f)) for f in fields]}
        for name, fields in ENRICHMENT_FIELDS.items()
    ]


def reason_rows(reasons: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Reasons with a bar width (percent of the largest contribution)."""
    top = max((abs(float(r.get("contribution") or 0.0)) for r in reasons), default=0.0) or 1.0
    return [
        {"text": r.get("text") or r.get("feature"), "feature": r.get("feature"),
         "contribution": float(r.get("contribution") or 0.0),
         "width": int(100 * abs(float(r.get("contribution") or 0.0)) / top)}
        for r in reasons
    ]


def velocity_tables(velocity: dict[str, Any] | None) -> dict[str, Any]:
    """Counts per dimension and window, distinct members per window, failed logins."""
    if not velocity:
        return {}
    return {
        "windows": WINDOW_NAMES,
        "distinct_windows": DISTINCT_WINDOW_NAMES,
        "counts": sorted(velocity.get("counts", {}).items()),
        "distinct": sorted(velocity.get("distinct", {}).items()),
        "failed": sorted(velocity.get("failed", {}).items()),
    }


def timeline(user_id: int | None) -> list[dict[str, Any]]:
    """Signup, logins, status changes and API keys of the account, oldest first."""
    if user_id is None:
        return []
    items: list[tuple[datetime, str, str]] = []
    for a in Attempt.objects.filter(user_id=user_id).order_by("-created_at")[:200]:  # the latest 200
        outcome = "failed" if a.success is False else (a.decision or a.state)
        score = f", score {a.score:.2f}" if a.score is not None else ""
        items.append((a.occurred_at, a.kind, f"{a.kind} from {a.ip or '?'}: {outcome}{score}"))
    for c in StatusChange.objects.filter(account__user_id=user_id).select_related("actor").order_by("-at", "-pk")[:200]:
        who = c.actor.get_username() if c.actor else c.source
        note = f" — note: {c.note}" if c.note else ""
        items.append((c.at, "status", f"{c.from_status or 'new'} → {c.to_status} by {who}: {c.reason}{note}"))
    if apps.is_installed(API_KEYS_APP):
        from signupguard.contrib.rest_framework_api_key.models import AccountAPIKey

        for key in AccountAPIKey.objects.filter(user_id=user_id).order_by("created")[:100]:
            items.append((key.created, "key", f"API key {key.prefix} “{key.name}” issued"))
            if key.revoked:
                items.append((key.revoked_at or key.created, "key-revoked",
                              f"API key {key.prefix} revoked{': ' + key.revoked_reason if key.revoked_reason else ''}"))
    items.sort(key=lambda item: item[0])
    return [{"at": at, "kind": kind, "text": text} for at, kind, text in items]


def linked_accounts(user_id: int | None) -> dict[str, Any]:
    """The account's cluster, its other members (capped) and why each is linked."""
    cluster = cluster_of(user_id) if user_id is not None else None
    if cluster is None or user_id is None:
        return {"cluster": None, "members": []}
    members = list(
        ClusterMember.objects.filter(cluster=cluster).exclude(user_id=user_id)
        .select_related("user", "user__signupguard_status").order_by("first_seen")[:MAX_LINKED]
    )
    why: dict[int, list[str]] = {}
    for link in links_of([m.user_id for m in members], cluster_id=cluster.pk):
        for uid in (link.source_id, link.target_id):
            text = describe_key(link.kind, link.value)
            if uid != user_id and text not in why.setdefault(uid, []):
                why[uid].append(text)
    rows = []
    for m in members:
        status = getattr(getattr(m.user, "signupguard_status", None), "status", "")
        rows.append({"user": m.user, "status": status, "first_seen": m.first_seen, "why": why.get(m.user_id, [])})
    return {"cluster": cluster, "members": rows}


def raw_json(attempt: Attempt) -> str:
    """The raw event as captured, pretty-printed."""
    return json.dumps(attempt.raw, indent=2, sort_keys=True, ensure_ascii=False)

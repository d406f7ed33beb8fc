"""The review actions, shared by the attempt, account and cluster pages.

Each one needs ``signupguard.review_account`` (``permissions=["review"]``),
runs through ``signupguard.review`` (audit rows, signals, labels, keys) and
reports with ``message_user``. They are POST-only with CSRF, like every admin
action.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from signupguard import review
from signupguard.models import Cluster, ClusterMember

from .common import masked_attributes


def _note(request: HttpRequest) -> str:
    return (request.POST.get("note") or "").strip()[:2000]


def _clusters(queryset: QuerySet) -> list[Cluster]:
    if queryset.model is Cluster:
        return list(queryset.exclude(status=Cluster.Status.MERGED))
    user_ids = [uid for uid in queryset.values_list("user_id", flat=True) if uid is not None]
    ids = set(ClusterMember.objects.filter(user_id__in=user_ids).values_list("cluster_id", flat=True))
    return list(Cluster.objects.filter(pk__in=ids).order_by("-size"))


def _accounts(queryset: QuerySet) -> list[Any]:
    if queryset.model is Cluster:
        return [uid for c in queryset for uid in c.members.values_list("user_id", flat=True)]
    return list(queryset)


def _labelled(done: review.Outcome, verdict: str) -> str:
    """What became of the training labels: an account whose signup attempt is gone gets none."""
    if not done.unlabelled:
        return f"labelled {verdict}."
    return (f"labelled {done.labelled} {verdict}; {done.unlabelled} account(s) not labelled: "
            "no stored signup attempt (deleted by retention, or never recorded).")


@admin.action(description="Approve (clear) the selected accounts", permissions=["review"])
def approve(modeladmin: Any, request: HttpRequest, queryset: QuerySet) -> None:
    done = review.approve(_accounts(queryset), actor=request.user, note=_note(request))
    level = messages.WARNING if done.unlabelled else messages.SUCCESS
    modeladmin.message_user(request, f"Approved {done.accounts} account(s); {_labelled(done, 'legitimate')}", level)


@admin.action(description="Confirm block of the selected accounts", permissions=["review"])
def confirm_block(modeladmin: Any, request: HttpRequest, queryset: QuerySet) -> None:
    done = review.confirm_block(_accounts(queryset), actor=request.user, note=_note(request))
    modeladmin.message_user(
        request, f"Blocked {done.accounts} account(s) and revoked {done.keys} API key(s); {_labelled(done, 'fraud')}",
        messages.WARNING if done.unlabelled else messages.SUCCESS,
    )


def _representatives(queryset: QuerySet, clusters: list[Cluster]) -> list[str]:
    """One pk of ``queryset`` per cluster: posted back, ``_clusters`` finds the same clusters."""
    if queryset.model is Cluster:
        return [str(c.pk) for c in clusters]
    field = "user__signupguard_cluster_membership__cluster_id"
    first: dict[int, Any] = {}
    for pk, cluster_id in queryset.filter(**{f"{field}__in": [c.pk for c in clusters]}).values_list("pk", field):
        first.setdefault(cluster_id, pk)
    return [str(pk) for pk in first.values()]


@admin.action(description="Block the whole cluster of the selected items…", permissions=["review"])
def block_cluster(modeladmin: Any, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
    clusters = _clusters(queryset)
    if not clusters:
        modeladmin.message_user(request, "The selected items belong to no cluster.", messages.WARNING)
        return None
    if request.POST.get("post") == "yes":
        total = review.Outcome()
        for cluster in clusters:
            total.add(review.block_cluster(cluster, actor=request.user, note=_note(request)))
        names = ", ".join(f"#{c.pk}" for c in clusters)
        modeladmin.message_user(
            request, f"Blocked cluster {names}: {total.accounts} account(s) blocked, {total.keys} API key(s) revoked; "
                     f"{_labelled(total, 'fraud')}",
            messages.WARNING if total.unlabelled else messages.SUCCESS,
        )
        return None
    rows = [(c, review.preview_cluster_block(c), masked_attributes(c.top_attributes[:3])) for c in clusters]
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": "Block cluster?",
        "opts": modeladmin.model._meta,
        "rows": rows,
        "total_accounts": sum(p.accounts for _, p, _ in rows),
        "total_keys": sum(p.keys for _, p, _ in rows),
        # One selected item per cluster previewed, not every selected item: after "select all N" the form
        # must confirm what the preview counted, and N fields would pass DATA_UPLOAD_MAX_NUMBER_FIELDS (400).
        "selected": _representatives(queryset, clusters),
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "note": _note(request),
    }
    return TemplateResponse(request, "admin/signupguard/confirm_block_cluster.html", context)


@admin.action(description="Undo block of the selected accounts", permissions=["review"])
def undo_block(modeladmin: Any, request: HttpRequest, queryset: QuerySet) -> None:
    done = review.undo_block(_accounts(queryset), actor=request.user, note=_note(request))
    if queryset.model is Cluster:
        queryset.filter(status=Cluster.Status.CLOSED).update(status=Cluster.Status.OPEN)
    modeladmin.message_user(
        request, f"Unblocked {done.accounts} account(s); {done.keys} API key(s) restored.", messages.SUCCESS,
    )


ACTIONS = [approve, confirm_block, block_cluster, undo_block]

"""The review actions, shared by the attempt, account and cluster pages.

Each one needs ``signupguard.review_account`` (``permissions=["review"]``),
runs through ``signupguard.review`` (audit rows, signals, labels, keys) and
reports with ``message_user``. They are POST-only with CSRF, like every admin
action. A decision on more accounts than ``REVIEW_INLINE_MAX`` goes to a
Celery task (``signupguard.tasks``): blocking a farm of 25,000 accounts one
by one takes minutes, longer than a web server lets a request run.
"""

from __future__ import annotations

from typing import Any, Callable

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from signupguard import review, tasks
from signupguard.conf import sg_settings
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


def _user_ids(queryset: QuerySet) -> list[int]:
    """The accounts of the selected rows (attempts, statuses or clusters), as user ids, without loading the rows."""
    if queryset.model is Cluster:
        ids = ClusterMember.objects.filter(cluster__in=queryset.values("pk")).values_list("user_id", flat=True)
    else:
        ids = queryset.order_by().values_list("user_id", flat=True)
    return list(dict.fromkeys(uid for uid in ids if uid is not None))


def _too_many(accounts: int) -> bool:
    limit = sg_settings.REVIEW_INLINE_MAX
    return limit is not None and accounts > limit


def _queued(modeladmin: Any, request: HttpRequest, what: str, send: Callable[[], Any]) -> bool:
    """Hand ``what`` (a decision on more than REVIEW_INLINE_MAX accounts) to a Celery task, and say so; whether it went."""
    limit = sg_settings.REVIEW_INLINE_MAX
    try:
        send()
    except Exception as exc:  # noqa: BLE001 - kombu, redis and socket errors alike
        modeladmin.message_user(
            request, f"Nothing was changed: {what} takes more than REVIEW_INLINE_MAX ({limit}) accounts, which a "
                     f"Celery worker decides, and the task could not be queued ({tasks.describe_error(exc)}). "
                     "Try again once the broker is back.", messages.ERROR)
        return False
    modeladmin.message_user(
        request, f"{what[0].upper()}{what[1:]} was handed to a Celery worker (more than REVIEW_INLINE_MAX, {limit}, "
                 f"accounts): it decides {tasks.REVIEW_BATCH} accounts at a time, each with its audit row, label and "
                 "signals. Refresh the list to follow it.", messages.INFO)
    return True


def _decide(modeladmin: Any, request: HttpRequest, queryset: QuerySet, action: str, what: str) -> review.Outcome | bool:
    """``review.<action>`` of the selected accounts: its outcome when decided here; when they are too
    many, whether the task that decides them was queued (its message is shown)."""
    ids = _user_ids(queryset)
    if not _too_many(len(ids)):
        return review.ACTIONS[action](ids, actor=request.user, note=_note(request))
    args = [action, ids, request.user.pk, _note(request)]
    return _queued(modeladmin, request, f"{what} of {len(ids)} accounts",
                   lambda: tasks.review_accounts.apply_async(args=args))


def _labelled(done: review.Outcome, verdict: str) -> str:
    """What became of the training labels: an account whose signup attempt is gone gets none."""
    if not done.unlabelled:
        return f"labelled {verdict}."
    return (f"labelled {done.labelled} {verdict}; {done.unlabelled} account(s) not labelled: "
            "no stored signup attempt (deleted by retention, or never recorded).")


@admin.action(description="Approve (clear) the selected accounts", permissions=["review"])
def approve(modeladmin: Any, request: HttpRequest, queryset: QuerySet) -> None:
    done = _decide(modeladmin, request, queryset, "approve", "the approval")
    if isinstance(done, bool):
        return
    level = messages.WARNING if done.unlabelled else messages.SUCCESS
    modeladmin.message_user(request, f"Approved {done.accounts} account(s); {_labelled(done, 'legitimate')}", level)


@admin.action(description="Confirm block of the selected accounts", permissions=["review"])
def confirm_block(modeladmin: Any, request: HttpRequest, queryset: QuerySet) -> None:
    done = _decide(modeladmin, request, queryset, "confirm_block", "the block")
    if isinstance(done, bool):
        return
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
        total, blocked = review.Outcome(), []
        for cluster in clusters:
            size = cluster.members.count()
            if _too_many(size):
                args = [cluster.pk, request.user.pk, _note(request)]
                _queued(modeladmin, request, f"the block of cluster #{cluster.pk} ({size} accounts)",
                        lambda: tasks.block_cluster.apply_async(args=args))
                continue
            total.add(review.block_cluster(cluster, actor=request.user, note=_note(request)))
            blocked.append(f"#{cluster.pk}")
        if blocked:
            modeladmin.message_user(
                request, f"Blocked cluster {', '.join(blocked)}: {total.accounts} account(s) blocked, {total.keys} API "
                         f"key(s) revoked; {_labelled(total, 'fraud')}",
                messages.WARNING if total.unlabelled else messages.SUCCESS,
            )
        return None
    rows = [(c, review.preview_cluster_block(c), masked_attributes(c.top_attributes[:3])) for c in clusters]
    queued = [c for c in clusters if _too_many(c.members.count())]
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
        "queued": queued,
        "inline_max": sg_settings.REVIEW_INLINE_MAX,
        "batch": tasks.REVIEW_BATCH,
    }
    return TemplateResponse(request, "admin/signupguard/confirm_block_cluster.html", context)


@admin.action(description="Undo block of the selected accounts", permissions=["review"])
def undo_block(modeladmin: Any, request: HttpRequest, queryset: QuerySet) -> None:
    done = _decide(modeladmin, request, queryset, "undo_block", "the undo")
    if queryset.model is Cluster and done is not False:  # decided, or queued: the campaign is no longer closed
        queryset.filter(status=Cluster.Status.CLOSED).update(status=Cluster.Status.OPEN)
    if isinstance(done, bool):
        return
    modeladmin.message_user(
        request, f"Unblocked {done.accounts} account(s); {done.keys} API key(s) restored.", messages.SUCCESS,
    )


ACTIONS = [approve, confirm_block, block_cluster, undo_block]

"""The review actions, shared by the attempt, account and cluster pages.

Each one needs ``signupguard.review_account`` (``permissions=["review"]``),
runs through ``signupguard.review`` (audit rows, signals, labels, keys) and
reports with ``message_user``. They are POST-only with CSRF, like every admin
action. A decision on more accounts than ``REVIEW_INLINE_MAX`` in one request
becomes a review job (``signupguard.review_jobs``), which a Celery worker
carries out in batches: one by one, a farm of 25,000 accounts takes minutes.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from signupguard import review, review_jobs
from signupguard.models import Cluster, ClusterMember, ReviewJob

from .common import masked_attributes


def _note(request: HttpRequest) -> str:
    return (request.POST.get("note") or "").strip()[:2000]


def _clusters(queryset: QuerySet) -> list[Cluster]:
    if queryset.model is Cluster:
        return list(queryset.exclude(status=Cluster.Status.MERGED))
    # Subqueries: "select all" on the attempts list read every attempt's account (200,000) into Python.
    users = queryset.order_by().values("user_id")
    return list(Cluster.objects.filter(pk__in=ClusterMember.objects.filter(user_id__in=users).values("cluster_id"))
                .order_by("-size"))


def _user_ids(queryset: QuerySet) -> list[Any]:
    """The accounts of the selected rows (attempts, statuses or clusters), as user ids, without loading the rows."""
    if queryset.model is Cluster:
        ids = ClusterMember.objects.filter(cluster__in=queryset.values("pk")).values_list("user_id", flat=True)
    else:
        ids = queryset.order_by().values_list("user_id", flat=True)
    return list(dict.fromkeys(uid for uid in ids if uid is not None))


def _report_job(modeladmin: Any, request: HttpRequest, job: ReviewJob) -> None:
    """Say what became of a job: done already (eager Celery runs it in the commit), failed, or queued."""
    job.refresh_from_db()
    what = f"Review job #{job.pk} ({job.get_action_display()}, {job.total} accounts)"
    if job.state == ReviewJob.State.DONE:
        said: dict[str, str] = {ReviewJob.Action.UNDO_BLOCK: f", {job.keys} API key(s) restored", ReviewJob.Action.APPROVE: ""}
        keys = said.get(job.action, f", {job.keys} API key(s) revoked")
        labels = "" if job.action == ReviewJob.Action.UNDO_BLOCK else (
            f", {job.labelled} labelled" + (f" ({job.unlabelled} without a stored signup attempt to label)"
                                            if job.unlabelled else ""))
        # Decided since by a reviewer, or (an approval's) named by an abuse report since.
        skipped = f"; {job.skipped} left as decided since" if job.skipped else ""
        modeladmin.message_user(request, f"{what} is done: {job.accounts} account(s) changed{keys}{labels}{skipped}."
                                         + _left_exempt(job.exempt),
                                messages.WARNING if job.unlabelled or job.skipped or job.exempt else messages.SUCCESS)
    elif job.state == ReviewJob.State.FAILED:
        error = job.error.rstrip(".")  # a refusal's reason is sentences of its own
        modeladmin.message_user(request, f"{what} failed after {job.done} accounts: {error}. The Review jobs "
                                         "page runs it again from there.", messages.ERROR)
    else:
        modeladmin.message_user(request, f"{what} is queued: more than REVIEW_INLINE_MAX accounts, so a Celery worker "
                                         f"decides them, {review_jobs.BATCH} at a time. The Review jobs page shows its "
                                         "progress.", messages.INFO)


def _warn_of_unfinished_jobs(modeladmin: Any, request: HttpRequest, ids: list[Any]) -> None:
    """A decision made here on accounts an older job has still to reach: the job stands where this changed nothing."""
    wanted = {str(uid) for uid in ids}
    for job in ReviewJob.objects.exclude(state=ReviewJob.State.DONE).only("pk", "action", "user_ids", "done"):
        overlap = sum(1 for uid in job.user_ids[job.done:] if str(uid) in wanted)
        if overlap:
            modeladmin.message_user(
                request, f"{overlap} of these accounts are still to be decided by review job #{job.pk} "
                         f"({job.get_action_display()}). Where this action changed them it stands, and the job "
                         "leaves them; where it changed nothing (not blocked yet, say), the job still decides them.",
                messages.WARNING)


def _decide(modeladmin: Any, request: HttpRequest, queryset: QuerySet, action: str) -> review.Outcome | None:
    """``review.<action>`` of the selected accounts here, or a review job when they are too many (None)."""
    ids = _user_ids(queryset)
    if not review_jobs.too_many(len(ids)):
        done = review.ACTIONS[action](ids, actor=request.user, note=_note(request))
        _warn_of_unfinished_jobs(modeladmin, request, ids)
        return done
    reopen = list(queryset.filter(status=Cluster.Status.CLOSED).values_list("pk", flat=True)) \
        if queryset.model is Cluster and action == ReviewJob.Action.UNDO_BLOCK else []
    _queue_job(modeladmin, request, action, ids, reopen=reopen)
    return None


def _queue_job(modeladmin: Any, request: HttpRequest, action: str, ids: list[Any], **kwargs: Any) -> None:
    """Queue the reviewer's decision as a job, and say what became of it once the request commits."""
    job = review_jobs.queue(action, ids, actor=request.user, note=_note(request), **kwargs)
    # The job is published after the request's commit (ATOMIC_REQUESTS: after the view): report what it is then.
    _report_job_after_commit(modeladmin, request, job)


def _report_job_after_commit(modeladmin: Any, request: HttpRequest, job: ReviewJob) -> None:
    transaction.on_commit(lambda: _report_job(modeladmin, request, job))


def _left_exempt(exempt: int) -> str:
    """A block's accounts it left: SignupGuard never holds an exempt account, and a reviewer never blocks themselves."""
    if not exempt:
        return ""
    return f" {exempt} account(s) left as they are: exempt (superusers, by default) or your own."


def _labelled(done: review.Outcome, verdict: str) -> str:
    """What became of the training labels: an account whose signup attempt is gone gets none."""
    if not done.unlabelled:
        return f"labelled {verdict}."
    return (f"labelled {done.labelled} {verdict}; {done.unlabelled} account(s) not labelled: "
            "no stored signup attempt (deleted by retention, or never recorded).")


@admin.action(description="Approve (clear) the selected accounts", permissions=["review"])
def approve(modeladmin: Any, request: HttpRequest, queryset: QuerySet) -> None:
    done = _decide(modeladmin, request, queryset, ReviewJob.Action.APPROVE)
    if done is None:
        return
    level = messages.WARNING if done.unlabelled else messages.SUCCESS
    modeladmin.message_user(request, f"Approved {done.accounts} account(s); {_labelled(done, 'legitimate')}", level)


@admin.action(description="Confirm block of the selected accounts", permissions=["review"])
def confirm_block(modeladmin: Any, request: HttpRequest, queryset: QuerySet) -> None:
    done = _decide(modeladmin, request, queryset, ReviewJob.Action.CONFIRM_BLOCK)
    if done is None:
        return
    modeladmin.message_user(
        request, f"Blocked {done.accounts} account(s) and revoked {done.keys} API key(s); {_labelled(done, 'fraud')}"
                 + _left_exempt(done.exempt),
        messages.WARNING if done.unlabelled or done.exempt else messages.SUCCESS,
    )


def _representative(queryset: QuerySet, clusters: list[Cluster]) -> str:
    """A pk of ``queryset`` in one of the clusters: the selected item the confirmation posts back.

    Django runs an action only on a selection; which clusters the reviewer confirmed is the page's own
    ``clusters`` field (``_posted_clusters``).
    """
    if queryset.model is Cluster:
        return str(clusters[0].pk)
    field = "user__signupguard_cluster_membership__cluster_id"
    return str(queryset.order_by().filter(**{f"{field}__in": [c.pk for c in clusters]})
               .values_list("pk", flat=True).first())


def _posted_clusters(value: str) -> list[Cluster] | None:
    """The clusters a confirmation page previewed (its comma-separated ``clusters``); None if it is malformed.

    One field, not one per cluster: a field each passed DATA_UPLOAD_MAX_NUMBER_FIELDS (1,000) past 995 clusters,
    and Django refused the confirmation with a 400. A cluster merged away since is left out, as on the page.
    """
    try:
        ids = [int(pk) for pk in value.split(",")]
    except ValueError:
        return None
    return list(Cluster.objects.filter(pk__in=ids).exclude(status=Cluster.Status.MERGED).order_by("-size"))


def _members(clusters: list[Cluster]) -> int:
    """How many accounts the clusters hold, in one query (not one per cluster)."""
    return ClusterMember.objects.filter(cluster_id__in=[c.pk for c in clusters]).count()


@admin.action(description="Block the whole cluster of the selected items…", permissions=["review"])
def block_cluster(modeladmin: Any, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
    confirmed = request.POST.get("post") == "yes"
    clusters = _posted_clusters(request.POST["clusters"]) if confirmed and "clusters" in request.POST \
        else _clusters(queryset)
    if clusters is None:
        modeladmin.message_user(request, "The confirmation did not say which clusters to block: nothing was "
                                         "blocked. Select them again.", messages.ERROR)
        return None
    if not clusters:
        modeladmin.message_user(request, "The selected items belong to no cluster.", messages.WARNING)
        return None
    if confirmed:
        if review_jobs.too_many(_members(clusters)):  # the request's accounts, however split
            for cluster in clusters:  # a job each: it closes its cluster
                members = list(cluster.members.order_by("user_id").values_list("user_id", flat=True))
                _queue_job(modeladmin, request, ReviewJob.Action.BLOCK_CLUSTER, members, cluster=cluster)
            return None
        total = review.Outcome()
        for cluster in clusters:
            total.add(review.block_cluster(cluster, actor=request.user, note=_note(request)))
        names = ", ".join(f"#{c.pk}" for c in clusters)
        modeladmin.message_user(
            request, f"Blocked cluster {names}: {total.accounts} account(s) blocked, {total.keys} API key(s) revoked; "
                     f"{_labelled(total, 'fraud')}" + _left_exempt(total.exempt),
            messages.WARNING if total.unlabelled or total.exempt else messages.SUCCESS,
        )
        return None
    # What the block will do: the accounts it leaves (exempt ones, the reviewer's own) are not counted.
    previews = review.preview_cluster_blocks(clusters, actor=request.user)
    weak = review.weakly_linked(clusters, actor=request.user)
    approved = review.approved_members(clusters, actor=request.user)
    rows = [(c, previews[c.pk], masked_attributes(c.top_attributes[:3]), weak[c.pk], approved[c.pk]) for c in clusters]
    queued = review_jobs.too_many(_members(clusters))
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": "Block cluster?",
        "opts": modeladmin.model._meta,
        "rows": rows,
        "total_accounts": sum(p.accounts for p in previews.values()),
        "total_keys": sum(p.keys for p in previews.values()),
        "total_weak": sum(weak.values()),
        "total_approved": sum(approved.values()),
        "total_exempt": sum(p.exempt for p in previews.values()),
        # The clusters previewed, in one field: after "select all N" the form must confirm what the preview
        # counted, and a field per item (or per cluster) passed DATA_UPLOAD_MAX_NUMBER_FIELDS (a 400).
        "selected": _representative(queryset, clusters),
        "cluster_ids": ",".join(str(c.pk) for c in clusters),
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "note": _note(request),
        "queued": queued,
        "inline_max": review_jobs.inline_max(),
        "batch": review_jobs.BATCH,
    }
    return TemplateResponse(request, "admin/signupguard/confirm_block_cluster.html", context)


@admin.action(description="Undo block of the selected accounts", permissions=["review"])
def undo_block(modeladmin: Any, request: HttpRequest, queryset: QuerySet) -> None:
    done = _decide(modeladmin, request, queryset, ReviewJob.Action.UNDO_BLOCK)
    if done is None:  # the job reopens the clusters once it is done
        return
    if queryset.model is Cluster:
        queryset.filter(status=Cluster.Status.CLOSED).update(status=Cluster.Status.OPEN)
    modeladmin.message_user(
        request, f"Unblocked {done.accounts} account(s); {done.keys} API key(s) restored.", messages.SUCCESS,
    )


ACTIONS = [approve, confirm_block, block_cluster, undo_block]

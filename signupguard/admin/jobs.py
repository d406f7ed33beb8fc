"""Review jobs: decisions on more accounts than REVIEW_INLINE_MAX, their progress and outcome."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest

from signupguard import review_jobs
from signupguard.models import ReviewJob

from .common import ReviewPermissionMixin


@admin.action(description="Run the selected jobs again from where they stopped", permissions=["review"])
def run_again(modeladmin: Any, request: HttpRequest, queryset: QuerySet) -> None:
    unfinished = list(queryset.exclude(state=ReviewJob.State.DONE).select_related("actor").defer("user_ids"))
    # A job whose reviewer can no longer review would fail again: it runs on the authority of whoever runs it again.
    refused = {job.pk for job in unfinished if review_jobs.refusal(job.actor) is not None}
    ids = []
    for job in unfinished:  # one a worker finished since the page was read stays done, and is not published
        handover = {"actor": request.user} if job.pk in refused else {}
        if review_jobs.move(job.pk, ReviewJob.State.QUEUED, **handover):
            ids.append(job.pk)
    handed = [pk for pk in ids if pk in refused]

    def publish() -> None:  # after the commit (ATOMIC_REQUESTS): a worker must find the job as updated here
        sent = sum(review_jobs.publish(job_id) for job_id in ids)
        states = dict(ReviewJob.objects.filter(pk__in=ids).values_list("pk", "state"))  # eager Celery ran them
        failed = sum(states.get(pk) == ReviewJob.State.FAILED for pk in ids)
        done = sum(states.get(pk) == ReviewJob.State.DONE for pk in ids)
        modeladmin.message_user(
            request, f"Queued {sent} of {len(ids)} unfinished job(s) again"
            + ("" if sent == len(ids) else "; the sweep queues the others once the broker is back")
            + (f"; {len(handed)} of them now run on your authority, their reviewer no longer being able to review"
               if handed else "")
            + (f"; {done} done already" if done else "") + (f"; {failed} failed again" if failed else "") + ".",
            messages.SUCCESS if sent == len(ids) and not failed else messages.WARNING)

    transaction.on_commit(publish)


@admin.register(ReviewJob)
class ReviewJobAdmin(ReviewPermissionMixin, admin.ModelAdmin):
    list_display = ("id", "action", "state", "progress", "accounts", "keys", "skipped", "actor", "created_at",
                    "updated_at", "error_col")
    list_filter = ("state", "action")
    list_select_related = ("actor",)
    actions = [run_again]
    fields = ("action", "state", "progress", "accounts", "keys", "labelled", "unlabelled", "skipped", "exempt", "actor",
              "note", "cluster", "reopen", "error", "created_at", "updated_at")
    readonly_fields = fields

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Reviewers follow the jobs they and their colleagues queued, with or without the model's view permission.
        return super().has_view_permission(request, obj) or self.has_review_permission(request)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).defer("user_ids")  # 25,000 ids a farm: never rendered

    @admin.display(description="done")
    def progress(self, job: ReviewJob) -> str:
        return f"{job.done} of {job.total}"

    @admin.display(description="error")
    def error_col(self, job: ReviewJob) -> str:
        return job.error[:120]

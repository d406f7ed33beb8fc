"""Review jobs: a reviewer's decision on more accounts than ``REVIEW_INLINE_MAX``, made by a Celery worker.

The admin records the decision and the accounts it covers as they were when
the reviewer confirmed (a cluster's members then, not after a merge), and a
task works through them in batches (``signupguard.review_jobs``). ``done``
moves with each batch's commit, so a retried or redelivered task carries on
from there, and the row is where reviewers see its progress and outcome.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class ReviewJob(models.Model):
    class Action(models.TextChoices):
        APPROVE = "approve", "Approve"
        CONFIRM_BLOCK = "confirm_block", "Confirm block"
        UNDO_BLOCK = "undo_block", "Undo block"
        BLOCK_CLUSTER = "block_cluster", "Block cluster"

    class State(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    action = models.CharField(max_length=16, choices=Action.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    note = models.TextField(blank=True)
    # Block cluster: the cluster closed at the end. Undo from the cluster list: those reopened at the end.
    cluster = models.ForeignKey("signupguard.Cluster", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")
    reopen = models.JSONField(default=list, blank=True)
    user_ids = models.JSONField(default=list)  # the accounts, in the order they are decided
    total = models.PositiveIntegerField(default=0)  # len(user_ids), for lists that do not load them
    done = models.PositiveIntegerField(default=0)  # how many of them are decided: the next batch starts here
    # The newest StatusChange when the reviewer confirmed: a reviewer's change to an account after it (in the admin,
    # or by a newer job) is a later decision, which the job leaves standing.
    mark = models.BigIntegerField(default=0)
    accounts = models.PositiveIntegerField(default=0)  # moved to another status
    keys = models.PositiveIntegerField(default=0)  # API keys revoked (block) or restored (undo)
    labelled = models.PositiveIntegerField(default=0)
    unlabelled = models.PositiveIntegerField(default=0)
    # Decided by a reviewer (or, for an approval, named by an abuse report) after the job was queued: left as they are.
    skipped = models.PositiveIntegerField(default=0)
    exempt = models.PositiveIntegerField(default=0)  # a block's exempt accounts and the reviewer's own: left as they are
    state = models.CharField(max_length=8, choices=State.choices, default=State.QUEUED, db_index=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "review job"

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_action_display()} of {self.total} accounts: {self.state}"

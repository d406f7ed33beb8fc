"""What the live integration persists: attempts, account status and its audit.

``Attempt`` is one signup or login as captured (the contract raw event) plus
everything the pipeline derived from it, so the review console (issue 5) can
filter, search and explain without recomputing anything. The denormalised
columns (ip_prefix, asn, country, email_domain, device_fingerprint ...) exist
for the console's filters and for campaign linking; ``raw`` stays the source of
truth for replay and training.

``AccountStatus`` is the hold: an account is ``pending`` until a verdict
clears it. Every change of status writes a ``StatusChange`` row saying who or
what changed it and why; nothing else should write ``AccountStatus.status``
(use ``signupguard.status.set_status``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Attempt(models.Model):
    class Kind(models.TextChoices):
        SIGNUP = "signup", "Signup"
        LOGIN = "login", "Login"

    class State(models.TextChoices):
        PENDING = "pending", "Pending"  # captured, waiting for a worker (or the sweep)
        SCORING = "scoring", "Scoring"  # claimed by a worker (see scoring.claim)
        SCORED = "scored", "Scored"
        FAILED = "failed", "Failed"  # scoring failed for good; FAIL_MODE was applied

    class Decision(models.TextChoices):
        ALLOW = "allow", "Allow"
        REVIEW = "review", "Review"
        BLOCK = "block", "Block"

    event_id = models.CharField(max_length=128, unique=True)
    kind = models.CharField(max_length=8, choices=Kind.choices, db_index=True)
    occurred_at = models.DateTimeField(db_index=True)
    # Indexed by sg_attempt_user_created (user, created_at), which serves lookups by user alone.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="signupguard_attempts", db_index=False,
    )
    # The contract's "account": survives the user's deletion, searchable.
    account = models.CharField(max_length=256, blank=True, db_index=True)
    success = models.BooleanField(null=True, blank=True)  # logins only

    ip = models.CharField(max_length=64, blank=True, db_index=True)
    ip_prefix = models.CharField(max_length=64, blank=True)  # indexed by sg_attempt_prefix_created
    email = models.CharField(max_length=320, blank=True, db_index=True)
    email_normalized = models.CharField(max_length=320, blank=True, db_index=True)
    email_domain = models.CharField(max_length=255, blank=True, db_index=True)
    asn = models.BigIntegerField(null=True, blank=True)  # indexed by sg_attempt_asn (partial)
    as_org = models.CharField(max_length=255, blank=True)
    country = models.CharField(max_length=2, blank=True, db_index=True)
    network_kind = models.CharField(max_length=16, blank=True, db_index=True)
    device_fingerprint = models.CharField(max_length=128, blank=True)  # indexed by sg_attempt_device_created

    raw = models.JSONField(default=dict)  # the contract event, exactly as captured
    enrichment = models.JSONField(null=True, blank=True)  # Enrichment.to_dict()
    velocity = models.JSONField(null=True, blank=True)  # Velocity.to_dict() at decision time

    score = models.FloatField(null=True, blank=True, db_index=True)
    # Indexed by sg_attempt_decision_created.
    decision = models.CharField(max_length=8, choices=Decision.choices, null=True, blank=True)
    reasons = models.JSONField(default=list, blank=True)
    model_version = models.CharField(max_length=64, blank=True, db_index=True)
    shadow_score = models.FloatField(null=True, blank=True)
    shadow_model_version = models.CharField(max_length=64, blank=True)

    state = models.CharField(max_length=8, choices=State.choices, default=State.PENDING)  # sg_attempt_state_created
    attempts = models.PositiveIntegerField(default=0)  # scoring tries, for the sweep and diagnostics
    error = models.TextField(blank=True)  # last scoring error, for operators
    claimed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    scored_at = models.DateTimeField(null=True, blank=True)
    # Scored, and its cluster linking (and, for a block, the retroactive review
    # of its cluster) has not run yet: the worker's linking pass takes it when
    # no scoring waits (signupguard.clusters.link_pending), the sweep if that is lost.
    link_pending = models.BooleanField(default=False)

    class Meta:
        app_label = "signupguard"
        ordering = ["-created_at"]
        # Every index is one more B-tree page the signup request writes and
        # commits with each new attempt (docs/benchmarks.md, issue 3): a column
        # that leads a composite index has no index of its own, and asn, NULL
        # until scoring, is indexed only where it is set.
        indexes = [
            # The linking pass: only the few attempts waiting for it are in this index.
            models.Index(fields=["scored_at"], condition=models.Q(link_pending=True), name="sg_attempt_link_pending"),
            # The sweep: oldest pending / stale claims first.
            models.Index(fields=["state", "created_at"], name="sg_attempt_state_created"),
            # The review queue: held decisions, oldest first; and the account timeline.
            models.Index(fields=["decision", "created_at"], name="sg_attempt_decision_created"),
            models.Index(fields=["user", "created_at"], name="sg_attempt_user_created"),
            # Linking: one device or /24 across accounts within a window.
            models.Index(fields=["device_fingerprint", "created_at"], name="sg_attempt_device_created"),
            # The blocked-device check on a crowded fingerprint: has this blocked account used it (scoring).
            models.Index(fields=["user", "device_fingerprint"], name="sg_attempt_user_device"),
            models.Index(fields=["ip_prefix", "created_at"], name="sg_attempt_prefix_created"),
            # The console's ASN filter (asn = ...: implies NOT NULL, on SQLite and PostgreSQL alike).
            models.Index(fields=["asn"], condition=models.Q(asn__isnull=False), name="sg_attempt_asn"),
        ]
        permissions = [("review_account", "Can review and act on accounts")]

    def __str__(self) -> str:
        return f"{self.kind} {self.event_id} ({self.decision or self.state})"


class AccountStatus(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        CLEARED = "cleared", "Cleared"
        REVIEW = "review", "In review"
        BLOCKED = "blocked", "Blocked"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signupguard_status",
    )
    # Indexed by sg_status_status_updated (status, updated_at), which serves lookups by status alone.
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING)
    # What set the current status: model, rule, reviewer, system (see StatusChange.Source).
    source = models.CharField(max_length=16, blank=True)
    attempt = models.ForeignKey(  # the attempt that decided the current status, if any
        # Queried from the attempt by the review queue: one join, walked in (status, updated_at) order.
        Attempt, null=True, blank=True, on_delete=models.SET_NULL, related_name="deciding_statuses",
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        app_label = "signupguard"
        verbose_name_plural = "account statuses"
        indexes = [models.Index(fields=["status", "updated_at"], name="sg_status_status_updated")]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.status}"


class StatusChange(models.Model):
    class Source(models.TextChoices):
        MODEL = "model", "Model"
        RULE = "rule", "Rule"
        CLUSTER = "cluster", "Cluster"  # the retroactive action: linked to blocked accounts
        REVIEWER = "reviewer", "Reviewer"
        SYSTEM = "system", "System"

    account = models.ForeignKey(AccountStatus, on_delete=models.CASCADE, related_name="changes")
    from_status = models.CharField(max_length=8, blank=True)  # "" for the first row
    to_status = models.CharField(max_length=8)
    # NULL for every automatic change (the signup's hold, the verdicts): indexed by sg_change_actor only where set.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        db_index=False,
    )
    source = models.CharField(max_length=16, choices=Source.choices)
    reason = models.CharField(max_length=255, blank=True)
    note = models.TextField(blank=True)
    attempt = models.ForeignKey(Attempt, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    # The review job that made a reviewer's change (signupguard.review_jobs); NULL when made in the request.
    job = models.ForeignKey("signupguard.ReviewJob", null=True, blank=True, on_delete=models.SET_NULL,
                            related_name="+", db_index=False)

    class Meta:
        app_label = "signupguard"
        ordering = ["at", "pk"]
        indexes = [
            # A reviewer's changes, and SET_NULL when a user is deleted (actor = / IN (...): NOT NULL implied).
            models.Index(fields=["actor"], condition=models.Q(actor__isnull=False), name="sg_change_actor"),
        ]

    def __str__(self) -> str:
        return f"{self.from_status or '-'} → {self.to_status} ({self.source})"


class Label(models.Model):
    """Ground truth for training: a reviewer's or an abuse report's verdict."""

    class Value(models.TextChoices):
        FRAUD = "fraud", "Fraud"
        LEGIT = "legit", "Legit"

    class Source(models.TextChoices):
        REVIEWER = "reviewer", "Reviewer"
        ABUSE_REPORT = "abuse_report", "Abuse report"

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="labels")
    label = models.CharField(max_length=8, choices=Value.choices)
    source = models.CharField(max_length=16, choices=Source.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        app_label = "signupguard"
        ordering = ["-at"]


class AbuseReport(models.Model):
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signupguard_abuse_reports",
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    reason = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        app_label = "signupguard"
        ordering = ["-at"]

"""Campaign clusters: accounts linked by shared attributes (see ``signupguard.linking``).

The tables form an incrementally maintained union-find:

* ``LinkKey`` is the index: one row per (account, kind, value), with when it
  was last seen, so a new attempt finds the accounts it shares keys with.
* ``ClusterMember`` is the *find*: every clustered account points straight at
  its cluster (full path compression: a merge re-points the smaller side).
* ``Link`` is the evidence: which two accounts were linked by which key, shown
  on the cluster page ("why are these together?").
* ``Cluster`` holds the aggregates the console filters and sorts by.

A merged-away cluster is kept (``status=merged``, ``merged_into``) so old
links and bookmarks still resolve.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Cluster(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"  # a reviewer dealt with it (blocked or cleared)
        MERGED = "merged", "Merged"  # absorbed by ``merged_into``

    size = models.PositiveIntegerField(default=0, db_index=True)
    blocked_count = models.PositiveIntegerField(default=0)
    blocked_share = models.FloatField(default=0.0, db_index=True)
    first_seen = models.DateTimeField(default=timezone.now, db_index=True)
    last_seen = models.DateTimeField(default=timezone.now, db_index=True)
    # [{"kind", "value", "accounts"}], most shared first: what the members have in common.
    top_attributes = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN, db_index=True)
    merged_into = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        app_label = "signupguard"
        ordering = ["-size", "pk"]
        indexes = [models.Index(fields=["status", "size"], name="sg_cluster_status_size")]

    def __str__(self) -> str:
        return f"Cluster #{self.pk} ({self.size} accounts)"


class ClusterMember(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signupguard_cluster_membership",
    )
    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="members")
    first_seen = models.DateTimeField(default=timezone.now)
    last_seen = models.DateTimeField(default=timezone.now)

    class Meta:
        app_label = "signupguard"
        indexes = [models.Index(fields=["cluster", "first_seen"], name="sg_member_cluster_seen")]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.cluster_id}"


class LinkKey(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16)
    value = models.CharField(max_length=255)
    device = models.CharField(max_length=128, blank=True)  # windowed keys count distinct devices
    first_seen = models.DateTimeField(default=timezone.now)
    last_seen = models.DateTimeField(default=timezone.now)

    class Meta:
        app_label = "signupguard"
        constraints = [models.UniqueConstraint(fields=["kind", "value", "user"], name="sg_linkkey_unique")]
        indexes = [models.Index(fields=["kind", "value", "last_seen"], name="sg_linkkey_lookup")]


class Link(models.Model):
    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="links")
    source = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    target = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, db_index=True)
    value = models.CharField(max_length=255)
    attempt = models.ForeignKey("signupguard.Attempt", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        app_label = "signupguard"
        ordering = ["at", "pk"]
        constraints = [models.UniqueConstraint(fields=["source", "target", "kind"], name="sg_link_unique")]
        indexes = [models.Index(fields=["cluster", "kind"], name="sg_link_cluster_kind")]

    def __str__(self) -> str:
        return f"{self.source_id} ↔ {self.target_id} by {self.kind}"

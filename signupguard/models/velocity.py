"""Tables of the database velocity store (``signupguard.velocity.database``).

Written and read with raw upserts by the store; the ORM is used only for
schema, admin-free inspection and ``prune``. Keys and members are stored as
pseudonyms (``velocity/pseudonyms.py``); with ``pseudonymise=False`` as they
are, those longer than 200 characters as their SHA-1 so they fit the column.
"""

from __future__ import annotations

from django.db import models


class VelocityBucket(models.Model):
    """Events of one counter key in one bucket of one window."""

    key = models.CharField(max_length=255)
    window = models.IntegerField(help_text="Window length in seconds.")
    bucket = models.BigIntegerField(help_text="floor(timestamp / (window / buckets per window)).")
    count = models.IntegerField(default=0)

    class Meta:
        verbose_name = "velocity bucket"
        constraints = [
            models.UniqueConstraint(fields=["key", "window", "bucket"], name="signupguard_velocitybucket_uniq"),
        ]

    def __str__(self) -> str:
        return f"{self.key} [{self.window}s #{self.bucket}] = {self.count}"


class VelocityMember(models.Model):
    """When a member was last seen in one distinct set, per window."""

    key = models.CharField(max_length=255)
    window = models.IntegerField(help_text="Window length in seconds.")
    member = models.CharField(max_length=255)
    last_seen = models.FloatField(help_text="Event timestamp (Unix seconds).")

    class Meta:
        verbose_name = "velocity member"
        constraints = [
            models.UniqueConstraint(fields=["key", "window", "member"], name="signupguard_velocitymember_uniq"),
        ]
        indexes = [
            models.Index(fields=["key", "window", "last_seen"], name="signupguard_velmember_seen"),
        ]

    def __str__(self) -> str:
        return f"{self.key} [{self.window}s] {self.member} @ {self.last_seen}"

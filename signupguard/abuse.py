"""Abuse reports: someone downstream saw an account misbehave.

A report is a training label (fraud, source ``abuse_report``) on the
account's signup attempt, and it puts a cleared account back in review, so a
person looks at it (and at its cluster) before it keeps its keys.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from signupguard.models import AbuseReport, Attempt, Label, StatusChange
from signupguard.status import CLEARED, PENDING, REVIEW, get_status, set_status


def report_abuse(account: Any, *, reporter: Any | None, reason: str = "") -> AbuseReport:
    """Record an abuse report against ``account`` (a user)."""
    reason = (reason or "").strip()[:2000]
    with transaction.atomic():
        report = AbuseReport.objects.create(account=account, reporter=reporter, reason=reason)
        signup = Attempt.objects.filter(user=account, kind=Attempt.Kind.SIGNUP).order_by("pk").first()
        if signup is not None:
            Label.objects.create(attempt=signup, label=Label.Value.FRAUD, source=Label.Source.ABUSE_REPORT, actor=reporter)
        if get_status(account) in (PENDING, CLEARED):
            set_status(account, REVIEW, source=StatusChange.Source.SYSTEM, actor=reporter,
                       reason="abuse report", note=reason, attempt=signup, only_from=[PENDING, CLEARED])
    return report

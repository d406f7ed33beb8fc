"""Score one stored attempt and act on its verdict (the body of the Celery task).

Idempotent by construction:

* ``claim`` moves the row from ``pending`` to ``scoring`` with one conditional
  UPDATE, so two workers (a retry and the sweep, or a duplicated message)
  never score the same attempt at once, and a scored attempt is never
  re-scored. A claim left behind by a dead worker goes stale and is reclaimed.
* The enrichment and velocity reading are saved on the attempt *before* the
  model runs; a retry reuses them instead of counting the event in velocity
  twice. With the database velocity store the event's count and its saved
  reading commit together. Redis records the event in its own round trip, and
  keeps the reading under the event's id for a day (``event_ttl``): a retry
  after a failed save, or after a timeout the script outlived, gets that
  reading back instead of counting the event again.
* Decisions only move an account from the statuses they are allowed to leave
  (``status.set_status(only_from=...)``), so a late or repeated verdict never
  overrules a reviewer.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone

from signupguard import render_tokens, signals
from signupguard.adapter import get_adapter
from signupguard.linking_pass import needs_link
from signupguard.conf import number_setting, seconds_setting, sg_settings, switch_setting
from signupguard.context import parse_event
from signupguard.models import AccountStatus, Attempt, StatusChange
from signupguard.retroactive import left_to_linking
from signupguard.status import BLOCKED, CLEARED, DECISION_STATUS, PENDING, REVIEW, set_status

logger = logging.getLogger(__name__)
_SEVERITY = {"allow": 0, "review": 1, "block": 2}


def stale_before() -> Any:
    """Claims older than this belong to a worker that died."""
    return timezone.now() - timedelta(seconds=max(30, seconds_setting("SWEEP_AFTER_SECONDS")))


def claim(attempt_id: int) -> Attempt | None:
    """Take the attempt for scoring; None when it is scored, taken or gone."""
    now = timezone.now()
    taken = (
        Attempt.objects.filter(pk=attempt_id)
        .filter(Q(state=Attempt.State.PENDING) | Q(state=Attempt.State.SCORING, claimed_at__lt=stale_before()))
        .update(state=Attempt.State.SCORING, claimed_at=now, attempts=F("attempts") + 1)
    )
    if not taken:
        return None
    return Attempt.objects.select_related("user").get(pk=attempt_id)


def release(attempt_id: int, error: str) -> None:
    """Give a claimed attempt back (after a transient error) for a retry or the sweep."""
    Attempt.objects.filter(pk=attempt_id, state=Attempt.State.SCORING).update(
        state=Attempt.State.PENDING, claimed_at=None, error=error[:2000]
    )


def score_attempt(attempt_id: int) -> Attempt | None:
    """Claim the attempt, score it and apply its verdict; None if there was nothing to do."""
    attempt = claim(attempt_id)
    return None if attempt is None else score_claimed(attempt)


def score_claimed(attempt: Attempt) -> Attempt | None:
    """Score an attempt this worker claimed (``claim``) and apply its verdict; None if the claim was lost meanwhile."""
    from signupguard.engine import get_engine
    from signupguard.enrichment.types import Enrichment
    from signupguard.velocity.keys import Velocity

    event = parse_event(attempt.raw)
    engine = get_engine()
    if attempt.enrichment and attempt.velocity:
        prepared = engine.prepare(
            event, enrichment=Enrichment.from_dict(attempt.enrichment), velocity=Velocity.from_dict(attempt.velocity)
        )
    else:
        # With velocity in the database, recording the event and saving its reading
        # commit together: a failed save (or a worker dying in between) leaves no
        # count behind for the retry to add to. Redis commits its own write first, and
        # gives a retry of the same event its first reading back.
        try:
            with transaction.atomic():
                # A form render another signup spent gives no fill time; the stored event says so,
                # so a retry, an export and a replay read the same. Spent before any velocity write.
                marked = render_tokens.mark_replay(event)
                if marked:
                    attempt.raw = {**attempt.raw, "form": event.form}
                prepared = engine.prepare(event)
                _save_prepared(attempt, prepared.enrichment, prepared.velocity, raw=marked)
        except _ClaimLost:
            return None  # the sweep took the stale claim over: its count and verdict stand, not this one's
    assessment = engine.score([prepared], explain="auto")[0]
    return apply_assessment(attempt, assessment)


class _ClaimLost(Exception):
    """This worker's claim went stale and the sweep reclaimed the attempt: what it wrote is rolled back."""


def _save_claimed(attempt: Attempt, fields: list[str]) -> bool:
    """Write ``fields`` of the attempt while the claim it was read with holds; whether it did.

    A worker slower than ``stale_before`` may find the sweep scoring, or done
    with, the attempt (found in an audit: the event counted twice).
    """
    claimed = Attempt.objects.filter(pk=attempt.pk, state=Attempt.State.SCORING, claimed_at=attempt.claimed_at)
    return bool(claimed.update(**{name: getattr(attempt, name) for name in fields}))


def _save_prepared(attempt: Attempt, enrichment: Any, velocity: Any, *, raw: bool = False) -> None:
    summary = enrichment.summary()
    attempt.enrichment = enrichment.to_dict()
    attempt.velocity = velocity.to_dict()
    attempt.ip_prefix = summary.get("ip_prefix") or ""
    attempt.asn = summary.get("asn")
    attempt.as_org = (summary.get("as_org") or "")[:255]
    attempt.country = (summary.get("country") or "")[:2]
    attempt.network_kind = summary.get("network_kind") or ""
    attempt.email_normalized = (summary.get("email_normalized") or "")[:320]
    attempt.email_domain = (summary.get("email_domain") or "")[:255]
    if not _save_claimed(attempt, ["enrichment", "velocity", "ip_prefix", "asn", "as_org", "country", "network_kind",
                                   "email_normalized", "email_domain", *(["raw"] if raw else [])]):
        raise _ClaimLost


def _rule_reason(text: str, feature: str) -> dict[str, Any]:
    return {"feature": feature, "contribution": 0.0, "text": text}


# A fingerprint with more attempts than this (one phone model in one zone and language) is checked from
# the blocked accounts' side (_used_by_blocked).
CROWDED_DEVICE = 1000


def _used_by_blocked(attempt: Attempt, device: Q) -> bool:
    """Whether another, blocked, account has an attempt on this fingerprint matching ``device``.

    On a crowded fingerprint PostgreSQL, told there are many blocked accounts, expects one among the
    first rows and reads the whole table when none is there (238 ms at 50,000 attempts on the device
    and 25,000 blocked accounts elsewhere; docs/benchmarks.md, session 36). There each blocked account
    is looked up in sg_attempt_user_device instead, a scalar subquery so the plan cannot turn back.
    """
    on_device = Attempt.objects.filter(device_fingerprint=attempt.device_fingerprint)
    if not on_device[CROWDED_DEVICE:].exists():
        return (on_device.filter(device, user__signupguard_status__status=BLOCKED)  # type: ignore[misc]  # stubs type *_id lookups without None (a failed login's)
                .exclude(user_id=attempt.user_id).exists())
    used = on_device.filter(device, user_id=OuterRef("user_id")).order_by().values("pk")[:1]  # any one, unsorted
    return (AccountStatus.objects.filter(status=BLOCKED).exclude(user_id=attempt.user_id)  # type: ignore[misc]  # stubs type *_id lookups without None (a failed login's)
            .annotate(used=Subquery(used)).filter(used__isnull=False).exists())


def linked_to_blocked(attempt: Attempt) -> bool:
    """Whether this attempt's device was seen on another, blocked, account."""
    if not attempt.device_fingerprint or not switch_setting("REVIEW_LINKED_BLOCKED_DEVICES"):
        return False
    device = (attempt.enrichment or {}).get("device") or {}
    identity = device.get("identity") if isinstance(device, dict) else None
    same_device = Q()
    if identity:
        # The same device is the fingerprint with the same clock and languages (DeviceInfo.identity), as
        # for the cluster links: owners of one phone model share a bare fingerprint worldwide, and one
        # blocked stranger on it must not hold them all. Attempts stored without an identity still match.
        same_device = Q(enrichment__device__identity=identity) | Q(enrichment__device__identity__isnull=True)
    # Owners of one model in one country still share the identity. An account that used this device
    # before (its signup or a login) is not held by a blocked account that came to it later, nor by one
    # that came before a reviewer approved it on it: one blocked stranger re-held an approved customer at
    # every login. Its cluster (a strong device link) is the retroactive action's to judge.
    own = (Attempt.objects.filter(same_device, user_id=attempt.user_id, device_fingerprint=attempt.device_fingerprint,  # type: ignore[misc]  # stubs type *_id lookups without None (a failed login's)
                                  created_at__lt=attempt.created_at)
           .filter(Q(kind=Attempt.Kind.SIGNUP) | Q(success=True)))
    first = own.order_by("created_at").values_list("created_at", flat=True).first()
    if first is None:
        return _used_by_blocked(attempt, same_device)
    from signupguard.models import Label

    if Label.objects.filter(attempt__user_id=attempt.user_id, source=Label.Source.REVIEWER,  # type: ignore[misc]  # stubs type *_id lookups without None (a failed login's)
                            label=Label.Value.LEGIT, at__gte=first).exists():
        return False  # a reviewer approved it since it first used this device
    return _used_by_blocked(attempt, same_device & Q(created_at__lte=first))


# The rules on accounts per device and per address, and the window each counts over.
_PLACE_RULES = {"login_device_accounts": ("LOGIN_MAX_ACCOUNTS_PER_DEVICE", timedelta(days=7),
                                          "{n} accounts used this device in the last 7 days"),
                "login_ip_accounts": ("LOGIN_MAX_ACCOUNTS_PER_IP", timedelta(hours=1),
                                      "{n} accounts used this IP address in the last hour")}


def login_rules(velocity: dict[str, Any]) -> list[dict[str, Any]]:
    """Reasons a successful login should be reviewed, from its velocity figures."""
    distinct, failed = velocity.get("distinct", {}), velocity.get("failed", {})
    checks = (
        ("LOGIN_MAX_ACCOUNTS_PER_DEVICE", distinct.get("device_accounts"), 1, False,
         _PLACE_RULES["login_device_accounts"][2], "login_device_accounts"),
        ("LOGIN_MAX_ACCOUNTS_PER_IP", distinct.get("ip_accounts"), 0, False,
         _PLACE_RULES["login_ip_accounts"][2], "login_ip_accounts"),
        ("LOGIN_MAX_FAILED_PER_ACCOUNT", failed.get("failed_account"), 1, True,
         "{n} failed logins to this account in the last hour", "login_failed_burst"),
    )
    reasons = []
    for key, figures, window, inclusive, text, feature in checks:
        limit = number_setting(key)  # a limit that is no number is its default (check E038), not a failed login
        if limit is None or not figures or len(figures) <= window:
            continue
        n = int(figures[window])
        if n > limit or (inclusive and n >= limit):
            reasons.append(_rule_reason(text.format(n=n), feature))
    return reasons


def borne_out(attempt: Attempt, reasons: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The login rules' reasons, those on accounts per device or address counted again on real accounts.

    Velocity counts every name a login tried there, failed ones included: for
    the model, many names from one place is a tell. A rule that holds someone's
    account counts only accounts that signed up or logged in there: anyone can
    fail a login with any name (found in an audit: 21 failed logins with
    made-up names behind a customer's office address held the customer's next
    login, six on the customer's phone model did it from anywhere).
    """
    kept = []
    for reason in reasons:
        rule = _PLACE_RULES.get(reason["feature"])
        if rule is None:
            kept.append(reason)
            continue
        setting, window, text = rule
        if reason["feature"] == "login_ip_accounts":
            where = Q(ip=attempt.ip) if attempt.ip else None
        else:
            where = Q(device_fingerprint=attempt.device_fingerprint) if attempt.device_fingerprint else None
            identity = ((attempt.enrichment or {}).get("device") or {}).get("identity")
            if where is not None and identity:  # the device as velocity names it: fingerprint, clock, languages
                where &= Q(enrichment__device__identity=identity) | Q(enrichment__device__identity__isnull=True)
        if where is None:
            kept.append(reason)
            continue
        used = (Attempt.objects.filter(where, user__isnull=False, created_at__gte=attempt.created_at - window,
                                       created_at__lte=attempt.created_at)
                .filter(Q(kind=Attempt.Kind.SIGNUP) | Q(success=True)).values("user_id").distinct().count())
        limit = number_setting(setting)
        if limit is None or used > limit:
            kept.append(_rule_reason(text.format(n=used), reason["feature"]))
    return kept


def owners_place(attempt: Attempt, velocity: dict[str, Any]) -> bool:
    """Whether a login comes from the account's own network or device, and its address failed no login.

    Anyone who knows a username can fail its logins; the burst rule holds the
    login that follows only where it could be the guesser's. Found in an
    audit: ten wrong passwords from anywhere held the owner's next login.
    """
    failed_here = (velocity.get("failed", {}).get("failed_ip") or [0, 0])
    if len(failed_here) > 1 and failed_here[1]:
        return False  # this address failed in the hour: it may be the guesser's
    places = Q(ip_prefix=attempt.ip_prefix) if attempt.ip_prefix else Q(pk__in=[])
    if attempt.device_fingerprint:
        places |= Q(device_fingerprint=attempt.device_fingerprint)
    earlier = (Attempt.objects.filter(user_id=attempt.user_id, created_at__lt=attempt.created_at)  # type: ignore[misc]  # stubs type *_id lookups without None (a failed login's)
               .filter(Q(kind=Attempt.Kind.SIGNUP) | Q(success=True)))
    return earlier.filter(places).exists()


def apply_assessment(attempt: Attempt, assessment: Any) -> Attempt | None:
    """Store the verdict on the attempt and act on the account; sends ``attempt_scored``.

    None, and nothing done, when the attempt's claim was taken over meanwhile (``_save_claimed``).
    """
    reasons = [dict(r) for r in assessment.reasons]
    decision = assessment.decision
    rule_reasons: list[dict[str, Any]] = []
    if attempt.user_id is not None and (attempt.kind == "signup" or attempt.success):
        if linked_to_blocked(attempt):
            rule_reasons.append(_rule_reason("this device was used by a blocked account", "linked_blocked_device"))
        if attempt.kind == "login":
            velocity = attempt.velocity or assessment.velocity.to_dict()
            found = borne_out(attempt, login_rules(velocity))
            if any(r["feature"] == "login_failed_burst" for r in found) and owners_place(attempt, velocity):
                found = [r for r in found if r["feature"] != "login_failed_burst"]
            rule_reasons.extend(found)
    if rule_reasons and _SEVERITY[decision] < _SEVERITY["review"]:
        decision = "review"
    shadow = getattr(assessment, "shadow", None) or {}
    with transaction.atomic():
        attempt.score = float(assessment.score)
        attempt.decision = decision
        attempt.reasons = rule_reasons + reasons
        attempt.model_version = str(assessment.model_version)[:64]
        attempt.shadow_score = shadow.get("score")
        attempt.shadow_model_version = str(shadow.get("model_version") or "")[:64]
        attempt.state, attempt.scored_at, attempt.error = Attempt.State.SCORED, timezone.now(), ""
        # Cluster linking runs later, in the linking pass (signupguard.clusters):
        # the verdict only marks the attempt for it.
        attempt.link_pending = needs_link(attempt)
        if not _save_claimed(attempt, ["score", "decision", "reasons", "model_version", "shadow_score",
                                       "shadow_model_version", "state", "scored_at", "error", "link_pending"]):
            return None  # the sweep took the stale claim over: one verdict, its own
        signals.attempt_scored.send(sender=Attempt, attempt=attempt, assessment=assessment)
        by_rule = bool(rule_reasons) or bool(getattr(assessment, "rule", None))
        if attempt.link_pending:
            # A block's retroactive review needs the account's cluster: the
            # linking pass does it right after linking the account.
            with left_to_linking():
                _act(attempt, decision, by_rule=by_rule)
        else:
            _act(attempt, decision, by_rule=by_rule)
    return attempt


def _act(attempt: Attempt, decision: str, *, by_rule: bool) -> None:
    user = attempt.user
    if user is None:
        return  # a failed login to an unknown account: recorded, nothing to hold
    source = StatusChange.Source.RULE if by_rule else StatusChange.Source.MODEL
    reason = _reason_text(attempt)
    if attempt.kind == "signup":
        if get_adapter().is_exempt(user):
            return
        # A risky login or an abuse report may have held the still-pending account for review
        # before this verdict: a block still applies, unless a reviewer decided meanwhile.
        set_status(user, DECISION_STATUS[decision], source=source, reason=reason, attempt=attempt,
                   only_from=[PENDING, REVIEW] if decision == "block" else [PENDING],
                   unless=lambda row: row.source == StatusChange.Source.REVIEWER)
    elif attempt.success and decision != "allow":
        # A risky login holds the account for review; it never blocks outright,
        # because the owner of a taken-over account is the victim.
        set_status(user, REVIEW, source=source, reason=reason, attempt=attempt, only_from=[PENDING, CLEARED])


def _reason_text(attempt: Attempt) -> str:
    for reason in attempt.reasons:
        text = reason.get("text") or reason.get("feature")
        if text:
            return f"{attempt.kind} {attempt.decision}: {text}"[:255]
    return f"{attempt.kind} {attempt.decision} (score {attempt.score:.2f})"[:255]


def fail(attempt_id: int, error: str, *, pending_only: bool = False, claimed: Attempt | None = None) -> bool:
    """Scoring failed for good: mark the attempt and apply ``FAIL_MODE``; whether it was failed now.

    ``pending_only``: only while it is still pending (``give_up_overdue``, which read it as pending):
    one a worker has claimed since is that worker's to decide. ``claimed``: the attempt as this
    worker claimed it; only while that claim holds (a worker slower than ``stale_before`` may fail
    after the sweep took the attempt over, and that scoring is the sweep's to finish).
    """
    with transaction.atomic():
        failing = Attempt.objects.filter(pk=attempt_id).exclude(state=Attempt.State.SCORED)
        if pending_only:
            failing = failing.filter(state=Attempt.State.PENDING)
        if claimed is not None:
            failing = failing.filter(state=Attempt.State.SCORING, claimed_at=claimed.claimed_at)
        marked = failing.update(state=Attempt.State.FAILED, error=error[:2000], claimed_at=None)
        attempt = Attempt.objects.select_related("user").filter(pk=attempt_id).first()
        if attempt is None or attempt.user is None or attempt.kind != "signup" or attempt.state != "failed":
            return bool(marked)
        fail_open = str(sg_settings.FAIL_MODE).lower() == "open"
        set_status(
            attempt.user, CLEARED if fail_open else REVIEW, source=StatusChange.Source.SYSTEM,
            reason=f"scoring failed (fail {'open' if fail_open else 'closed'})", attempt=attempt,
            only_from=[PENDING],
        )
    logger.error("signupguard: scoring attempt %s failed for good: %s", attempt_id, error)
    return bool(marked)


def _fail_after() -> float:
    """FAIL_AFTER_SECONDS, or its default when unusable (check E043): the sweep must keep running."""
    return min(seconds_setting("FAIL_AFTER_SECONDS"), 10 * 365 * 86400)  # longer than any outage; timedelta has limits


def give_up_overdue(error: str, *, attempt_id: int | None = None) -> list[int]:
    """Fail the pending attempts (or the one) that waited ``FAIL_AFTER_SECONDS`` through transient errors.

    Returns the ids failed; ``FAIL_MODE`` decided their accounts. Younger
    attempts stay pending for the sweep.
    """
    cutoff = timezone.now() - timedelta(seconds=_fail_after())
    overdue = Attempt.objects.filter(state=Attempt.State.PENDING, created_at__lte=cutoff)
    if attempt_id is not None:
        overdue = overdue.filter(pk=attempt_id)
    ids = list(overdue.order_by("created_at").values_list("pk", flat=True)[:500])
    # Only those still pending: a worker may have claimed one since (the service back); it decides it.
    return [overdue_id for overdue_id in ids if fail(overdue_id, error, pending_only=True)]


def sweep_cutoff() -> Any:
    """Attempts older than this were left behind: the sweep scores (or links) them."""
    return timezone.now() - timedelta(seconds=seconds_setting("SWEEP_AFTER_SECONDS"))


def due_for_sweep(*, limit: int = 500) -> list[int]:
    """Ids of attempts left pending too long, or claimed by a worker that died: signups first, oldest first."""
    cutoff = sweep_cutoff()
    query = Q(state=Attempt.State.PENDING, created_at__lte=cutoff) | Q(
        state=Attempt.State.SCORING, claimed_at__lt=stale_before()
    )
    due = Attempt.objects.filter(query).order_by("created_at").values_list("pk", flat=True)
    # Signups' accounts are held until their verdict: a flood of failed logins must not fill the batch before them.
    signups = list(due.filter(kind=Attempt.Kind.SIGNUP)[:limit])
    return signups + list(due.exclude(kind=Attempt.Kind.SIGNUP)[:max(0, limit - len(signups))])

"""What a reviewer does, as plain functions: the admin actions call these, and so can scripts.

Every status move goes through ``status.set_status`` (audit row with actor,
reason and note; signals; adapter hooks; API keys revoked on block). Approve
and block record the reviewer's verdict as a training ``Label`` on the
account's signup attempt: these are the labels retraining learns from. A
changed verdict is a new label, so undoing a block brings back the verdict
it replaced.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any, Callable, Iterable

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from signupguard import clusters
from signupguard.adapter import get_adapter
from signupguard.models import AbuseReport, AccountStatus, Attempt, Cluster, ClusterMember, Label, Link, StatusChange
from signupguard import retroactive
from signupguard.retroactive import suppressed
from signupguard.status import BLOCKED, CLEARED, REVIEW, set_status

API_KEYS_APP = "signupguard.contrib.rest_framework_api_key"
REVIEWER = StatusChange.Source.REVIEWER
REVIEW_PERMISSION = "signupguard.review_account"  # every review action needs it, in the admin and in a review job


@dataclass(slots=True)
class Outcome:
    """What an action changed: accounts moved, API keys revoked or restored, verdicts labelled or not."""

    accounts: int = 0
    keys: int = 0
    labelled: int = 0
    unlabelled: int = 0  # no stored signup attempt to carry the label (retention deleted it, or none was recorded)
    skipped: int = 0  # a review job's accounts a reviewer decided after it was queued: left as they are
    exempt: int = 0  # a block's exempt accounts and the reviewer's own: left as they are (``spared``)

    def add(self, other: Outcome) -> None:
        self.accounts, self.keys = self.accounts + other.accounts, self.keys + other.keys
        self.labelled, self.unlabelled = self.labelled + other.labelled, self.unlabelled + other.unlabelled
        self.skipped, self.exempt = self.skipped + other.skipped, self.exempt + other.exempt

    def count_label(self, written: bool) -> None:
        if written:
            self.labelled += 1
        else:
            self.unlabelled += 1


def _users(accounts: Iterable[Any]) -> list[Any]:
    """Users from users, user ids, ``Attempt``s or ``AccountStatus`` rows (deduplicated, by primary key)."""
    ids: dict[int, None] = {}  # deduplicated in O(1) per id (a list's `in` is quadratic)
    for item in accounts:
        uid = item.user_id if isinstance(item, (Attempt, AccountStatus)) else getattr(item, "pk", item)
        if uid is not None:
            ids.setdefault(uid, None)
    found = get_user_model()._default_manager.in_bulk(list(ids))
    # In primary-key order: every bulk action locks status rows in the same order (no deadlock between reviewers).
    return [found[i] for i in sorted(ids) if i in found]


def spared(actor: Any) -> Callable[[Any], bool]:
    """Whether a block must leave the account: an exempt one (a superuser, by default), or the reviewer's own.

    An attacker who signs up once with an operator's address on the farm's device links the operator into the
    farm's cluster. Every gate reads an exempt account as cleared, so blocking it only revoked its API keys; and a
    reviewer swept into a cluster they block would lock themselves out of the console mid-review.
    """
    exempt, own = get_adapter().is_exempt, getattr(actor, "pk", None)
    return lambda user: (own is not None and user.pk == own) or exempt(user)


def _reported_since(job: Any | None, user_id: Any) -> bool:
    """Whether an abuse report named the account after the review job was queued (never, without a job)."""
    return job is not None and AbuseReport.objects.filter(account_id=user_id, at__gt=job.created_at).exists()


class _DecidedLater:
    """``set_status``'s ``unless`` for a review job's decision, carried out after the reviewer confirmed it.

    True when a reviewer decided the account after the job was queued: in the
    admin, or by a newer job. That later decision stands, as it would have
    had the job run in the request. Moves by the model, a rule or the cluster
    action do not count: they would not have stopped the decision in the
    request either (a block made there holds against a verdict that comes
    after it). ``hit`` says whether the last account asked about was left,
    so its label is left too. Primary keys, not clocks, order the decisions.

    ``reports``: an abuse report filed after the job was queued counts too
    (for an approval). In the request it would have come after the approval,
    put the account back in review and outranked its label; run later, the
    approval would clear the account and its label outrank the report. A
    report on a held account writes no status change, so its time, which
    orders labels too (``labels.latest_labels``), is compared with the job's.
    """

    def __init__(self, job: Any | None, *, reports: bool = False) -> None:
        self.job, self.hit, self.reports = job, False, reports

    def __call__(self, row: AccountStatus) -> bool:
        assert self.job is not None  # ask() hands this out only with a job
        later = StatusChange.objects.filter(account=row, source=REVIEWER, pk__gt=self.job.mark)
        self.hit = later.filter(Q(job__isnull=True) | Q(job_id__gt=self.job.pk)).exists()
        if not self.hit and self.reports:
            self.hit = _reported_since(self.job, row.user_id)
        return self.hit

    def ask(self) -> Callable[[AccountStatus], bool] | None:
        self.hit = False
        return self if self.job is not None else None


def _usable_keys_by_account(users: list[Any]) -> dict[Any, int]:
    """How many usable API keys each account holds, in one query (none without the API-key app)."""
    if not apps.is_installed(API_KEYS_APP):
        return {}
    from signupguard.contrib.rest_framework_api_key.models import AccountAPIKey

    rows = (AccountAPIKey.objects.filter(user__in=[u.pk for u in users], revoked=False)
            .values("user_id").annotate(n=Count("pk")).values_list("user_id", "n"))
    return dict(rows)


def _reviewer_labels(user: Any) -> QuerySet[Label]:
    """The account's reviewer labels, newest first."""
    return Label.objects.filter(attempt__user=user, source=Label.Source.REVIEWER).order_by("-at", "-pk")


def _label(user: Any, value: str, actor: Any) -> bool:
    """Record the reviewer's verdict on the account's signup attempt; False when there is none to label.

    The latest label wins (``labels.latest_labels``), so the verdict takes
    the time it was given: re-approving after an abuse report must outrank
    the report. A verdict that changes the previous one is a new row, which
    ``undo_block`` removes to bring the previous verdict back.
    """
    attempt = Attempt.objects.filter(user=user, kind=Attempt.Kind.SIGNUP).order_by("created_at").first()
    if attempt is None:
        return False
    last = _reviewer_labels(user).filter(attempt=attempt).first()
    if last is not None and last.label == value:  # the same verdict again: only its time and author move
        Label.objects.filter(pk=last.pk).update(at=timezone.now(), actor=actor)
    else:
        Label.objects.create(attempt=attempt, label=value, source=Label.Source.REVIEWER, actor=actor)
    return True


def approve(accounts: Iterable[Any], *, actor: Any, note: str = "", job: Any | None = None) -> Outcome:
    """Clear the accounts (a reviewer's verdict: legitimate) and label them ``legit``.

    ``job``: the review job carrying the decision out (``signupguard.review_jobs``);
    accounts a reviewer decided, or an abuse report named, after it was queued are left as they are.
    """
    outcome = Outcome()
    changed = _DecidedLater(job, reports=True)  # a report filed since the job was queued: its account stays held
    with clusters.deferred_refresh(), transaction.atomic():  # cluster rows refreshed after commit, not under the status locks
        for user in _users(accounts):
            # confirm: an account the model (or CLEARED_IF_JOINED_BEFORE) cleared becomes the reviewer's
            # verdict, with an audit row and no signal, as confirm_block does for blocks.
            change = set_status(user, CLEARED, source=REVIEWER, actor=actor, reason="approved by a reviewer",
                                note=note, confirm=True, unless=changed.ask(), job=job)
            if changed.hit:
                outcome.skipped += 1
                continue
            if change and change.from_status != CLEARED:
                outcome.accounts += 1
                if change.from_status == BLOCKED:
                    _block_taken_back(user)
            outcome.count_label(_label(user, Label.Value.LEGIT, actor))
    return outcome


def _block_taken_back(user: Any) -> None:
    """The account's block no longer counts against its cluster: what the retroactive action did on it is looked at again."""
    transaction.on_commit(partial(retroactive.enqueue_release, user.pk))


def confirm_block(accounts: Iterable[Any], *, actor: Any, note: str = "", reason: str = "block confirmed by a reviewer",
                  job: Any | None = None) -> Outcome:
    """Block the accounts (revoking their keys) and label them ``fraud``; ``job`` as for ``approve``.

    Exempt accounts and the reviewer's own are left as they are, and counted as ``exempt`` (``spared``).
    """
    leave, every = spared(actor), _users(accounts)
    users = [user for user in every if not leave(user)]
    outcome = Outcome(exempt=len(every) - len(users))
    keys = _usable_keys_by_account(users)  # before the blocks revoke them; an account a job leaves keeps its own
    changed = _DecidedLater(job)
    with clusters.deferred_refresh(), transaction.atomic():
        for user in users:
            # confirm: a block the model or the cluster made becomes the reviewer's, evidence against its cluster.
            change = set_status(user, BLOCKED, source=REVIEWER, actor=actor, reason=reason, note=note, confirm=True,
                                unless=changed.ask(), job=job)
            if changed.hit:
                outcome.skipped += 1
                continue
            outcome.keys += keys.get(user.pk, 0)
            if change and change.from_status != BLOCKED:
                outcome.accounts += 1
            elif change:  # no signal for a status that did not change, but the evidence did
                retroactive.on_block_confirmed(user)
            outcome.count_label(_label(user, Label.Value.FRAUD, actor))
    return outcome


def cluster_users(cluster: Cluster) -> list[Any]:
    """The accounts of a cluster."""
    return _users(cluster.members.values_list("user_id", flat=True))


def preview_cluster_block(cluster: Cluster, *, actor: Any | None = None) -> Outcome:
    """What blocking the cluster would do: accounts not yet blocked, usable keys to revoke, accounts it leaves.

    ``actor``: the reviewer who would block it; their own account is left, as exempt ones are (``spared``).
    """
    return preview_cluster_blocks([cluster], actor=actor)[cluster.pk]


def preview_cluster_blocks(clusters: list[Cluster], *, actor: Any | None = None) -> dict[Any, Outcome]:
    """``preview_cluster_block`` of each cluster, by primary key, in a few queries however many there are.

    Counted in the database, not by loading every member (a farm's cluster has thousands), and
    grouped by cluster: one query per cluster was 5,000 for a confirmation of every cluster (4 s).
    """
    ids = [c.pk for c in clusters]
    previews = {pk: Outcome() for pk in ids}
    # A member with no status row is not blocked either: counted as an account to block.
    unblocked = ClusterMember.objects.filter(cluster_id__in=ids).exclude(user__signupguard_status__status=BLOCKED)
    for pk, accounts in unblocked.values("cluster_id").annotate(n=Count("pk")).values_list("cluster_id", "n"):
        previews[pk].accounts = accounts
    left = _spared_members(unblocked, actor)
    for pk, _ in left:
        previews[pk].accounts -= 1
        previews[pk].exempt += 1
    if apps.is_installed(API_KEYS_APP):
        from signupguard.contrib.rest_framework_api_key.models import AccountAPIKey

        field = "user__signupguard_cluster_membership__cluster_id"
        keys = AccountAPIKey.objects.filter(**{f"{field}__in": ids}, revoked=False)
        if left:
            keys = keys.exclude(user_id__in={uid for _, uid in left})
        for pk, n in keys.values(field).annotate(n=Count("pk")).values_list(field, "n"):
            previews[pk].keys = n
    return previews


def _spared_members(members: QuerySet, actor: Any | None) -> list[tuple[Any, Any]]:
    """(cluster id, user id) of the members a block would leave (``spared``).

    The default rule (superusers) and the reviewer's own account are asked of the database; a host's own
    ``is_exempt`` can only be asked of each account, so its members are loaded, a batch at a time.
    """
    from signupguard.adapter import DefaultAdapter

    own = getattr(actor, "pk", None)
    model = get_user_model()
    if type(get_adapter()).is_exempt is DefaultAdapter.is_exempt:
        rule = Q(user_id=own) if own is not None else Q(pk__in=[])
        if any(f.name == "is_superuser" for f in model._meta.get_fields()):
            rule |= Q(user__is_superuser=True)
        return list(members.filter(rule).values_list("cluster_id", "user_id"))
    spare, left = spared(actor), []
    pairs = list(members.values_list("cluster_id", "user_id"))
    for start in range(0, len(pairs), 2000):
        batch = pairs[start:start + 2000]
        users = model._default_manager.in_bulk([uid for _, uid in batch])
        left += [(cid, uid) for cid, uid in batch if uid in users and spare(users[uid])]
    return left


def weakly_linked(clusters_: list[Cluster], *, actor: Any | None = None) -> dict[Any, int]:
    """Of each cluster (by primary key), the accounts a block would block (``actor`` as for
    ``preview_cluster_blocks``) that share no device, and no mailbox both accounts verified, with another of its
    accounts.

    Only a network, a browser profile, a custom domain, a crowded device or an address someone typed ties them
    to it: strangers share those too (an attacker signs up with a victim's address), and the retroactive action
    only holds such accounts for review. A few queries however many clusters there are.
    """
    ids = [c.pk for c in clusters_]
    counts = dict.fromkeys(ids, 0)
    devices = Link.objects.filter(cluster_id__in=ids, kind="device")
    members = (ClusterMember.objects.filter(cluster_id__in=ids).exclude(user__signupguard_status__status=BLOCKED)
               .exclude(user_id__in=devices.values("source_id")).exclude(user_id__in=devices.values("target_id")))
    # A mailbox link counts where it proves one operator, as for the retroactive action's blocks.
    pairs = list(Link.objects.filter(cluster_id__in=ids, kind="email").values_list("kind", "source_id", "target_id"))
    proved = retroactive.proof_of(pairs)
    vouched = {uid for kind, a, b in pairs if proved(kind, a, b) for uid in (a, b)}
    left = {uid for _, uid in _spared_members(members, actor)}
    for cluster_id, user_id in members.values_list("cluster_id", "user_id"):
        if user_id not in vouched and user_id not in left:
            counts[cluster_id] += 1
    return counts


def approved_members(clusters_: list[Cluster], *, actor: Any | None = None) -> dict[Any, int]:
    """Of each cluster (by primary key), the accounts a block would block (``actor`` as for
    ``preview_cluster_blocks``) that a reviewer approved: the block overrides those decisions.

    Another reviewer may have cleared them minutes ago (an audit's reviewer blocked such a cluster, its
    confirmation saying only how many accounts it blocks). One query for them, one for the spared among them.
    """
    ids = [c.pk for c in clusters_]
    counts = dict.fromkeys(ids, 0)
    members = (ClusterMember.objects.filter(cluster_id__in=ids).exclude(user__signupguard_status__status=BLOCKED)
               .filter(user_id__in=retroactive.approvals_of_all().values("attempt__user_id")))
    left = set(_spared_members(members, actor))
    for cluster_id, user_id in members.values_list("cluster_id", "user_id"):
        if (cluster_id, user_id) not in left:
            counts[cluster_id] += 1
    return counts


def block_cluster(cluster: Cluster, *, actor: Any, note: str = "") -> Outcome:
    """Block every account of the campaign and revoke all its keys, then close the cluster."""
    # Every member is blocked here: no retroactive review needed; the cluster's aggregates are
    # refreshed once at the end, not once per account (quadratic in its size).
    members = cluster_users(cluster)
    with clusters.deferred_refresh(), suppressed(), transaction.atomic():
        outcome = confirm_block(members, actor=actor, note=note,
                                reason=f"cluster #{cluster.pk} blocked by a reviewer")
        # A cluster the linking pass merged away meanwhile stays "merged" (its members are in the other one now).
        Cluster.objects.filter(pk=cluster.pk).exclude(status=Cluster.Status.MERGED).update(status=Cluster.Status.CLOSED)
        if members:
            # Accounts the linking pass joined to the campaign while it was blocked saw none of these
            # blocks (uncommitted, and suppressed): one retroactive review after the commit judges them.
            transaction.on_commit(partial(retroactive.enqueue, members[0].pk))
    return outcome


def _before_block(user: Any) -> tuple[str, Any]:
    """(the status an undo returns to, when the block was made)."""
    # A reviewer's confirmation (blocked -> blocked) is not the block: look past it.
    last = (StatusChange.objects.filter(account__user=user, to_status=BLOCKED).exclude(from_status=BLOCKED)
            .order_by("-at", "-pk").values_list("from_status", "at").first())
    before, at = last if last is not None else (None, None)
    # A block straight from "pending" was never cleared by anyone: it goes to review, not through.
    return (before if before in (CLEARED, REVIEW) else REVIEW), at


def undo_block(accounts: Iterable[Any], *, actor: Any, note: str = "", job: Any | None = None) -> Outcome:
    """Reverse blocks: each account returns to its status before the block, and (if the
    adapter allows) the API keys SignupGuard revoked come back. The reviewer's
    ``fraud`` label is withdrawn (the verdict it recorded was wrong), which
    brings back the reviewer's verdict before it, if any. ``job`` as for ``approve``."""
    outcome = Outcome()
    changed = _DecidedLater(job)
    adapter = get_adapter()
    can_restore = adapter.can_restore_keys
    with clusters.deferred_refresh(), transaction.atomic():
        for user in _users(accounts):
            if AccountStatus.objects.filter(user=user).values_list("status", flat=True).first() != BLOCKED:
                continue
            to, blocked_at = _before_block(user)
            if to == CLEARED and _reported_since(job, user.pk):
                # Run in the request, the undo would have cleared the account and the report, coming after it, put it
                # back in review: a person looks at the report before the account gets through.
                to = REVIEW
            # Checked under the row's lock: another reviewer may have acted.
            if not set_status(user, to, source=REVIEWER, actor=actor, reason="block undone by a reviewer", note=note,
                              only_from=[BLOCKED], unless=changed.ask(), job=job,
                              before_signal=partial(_restore_keys, user, blocked_at, outcome, can_restore)):
                outcome.skipped += changed.hit
                continue
            outcome.accounts += 1
            _block_taken_back(user)
            last = _reviewer_labels(user).first()
            if last is not None and last.label == Label.Value.FRAUD:
                last.delete()
    return outcome


def _restore_keys(user: Any, blocked_at: Any, outcome: Outcome, can_restore: Callable[[Any], bool]) -> None:
    """The API keys the undone block revoked come back, if the adapter allows: before ``account_cleared`` is sent.

    Restored keys only work once the account is cleared (the key permission checks it).
    """
    if apps.is_installed(API_KEYS_APP) and can_restore(user):
        from signupguard.contrib.rest_framework_api_key.keys import restore_keys

        outcome.keys += restore_keys(user, since=blocked_at)  # the keys this block revoked


# What a review job (``signupguard.review_jobs``) may be asked to do, by name; block_cluster is confirm_block's.
ACTIONS: dict[str, Callable[..., Outcome]] = {"approve": approve, "confirm_block": confirm_block, "undo_block": undo_block}

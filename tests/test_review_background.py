"""Review actions on more accounts than REVIEW_INLINE_MAX become review jobs, carried out in batches.

Blocking a farm's cluster one account at a time costs 2.5-6 ms an account
(docs/benchmarks.md): tens of thousands outlast any web server's request
timeout, which rolled the whole block back. These tests check that the
request does none of the work and publishes only a job id, after its commit;
that the job (eager, from a real Redis broker, in a real worker) decides
every account once, batch by batch, with the audit rows, labels and revoked
keys the request would have written; that it leaves alone accounts someone
decided after it was queued; that it survives a failure part-way, a
redelivery, a merge of its cluster, a broker outage, a dead worker and a
second run beside the first; that it acts only on the authority of a
reviewer who may still review; and that the reviewer is told the truth.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import uuid
from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.core.checks import run_checks
from django.db import OperationalError, connection
from django.test import Client
from django.utils import timezone

from signupguard import review, review_jobs
from signupguard.contrib.rest_framework_api_key.models import AccountAPIKey
from signupguard.models import AccountStatus, Attempt, Cluster, ClusterMember, Label, ReviewJob, StatusChange
from tests.plugins.console import REVIEW_ALL
from tests.plugins.services import DEAD_BROKER_URL, IdleBroker, celery_broker, wait_until

QUEUE = "/admin/signupguard/attempt/?queue=all"
CLUSTERS = "/admin/signupguard/cluster/"
JOBS = "/admin/signupguard/reviewjob/"
# Statuses of a farm's accounts when a reviewer blocks it: the model cleared some (and they got keys), held others,
# blocked one; one account has no status row (made before SignupGuard), one no signup attempt (retention deleted it).
MIX = ["cleared", "cleared", "review", "blocked", "pending", None, "review"]


def _farm(django_user_model: Any, issue_key: Any, statuses: list[str | None] = MIX) -> tuple[Cluster, list[Any]]:
    now, tag = timezone.now(), uuid.uuid4().hex[:8]
    cluster = Cluster.objects.create(size=len(statuses))
    users = []
    for n, status in enumerate(statuses):
        user = django_user_model.objects.create_user(username=f"farm-{tag}-{n}")
        if n != len(statuses) - 1:  # the last one's attempt is gone
            Attempt.objects.create(event_id=f"farm-{tag}-{n}", kind="signup", occurred_at=now, user=user,
                                   account=user.username, state="scored", scored_at=now)
        if status is not None:
            AccountStatus.objects.create(user=user, status=status, source="model")
        if status == "cleared":
            issue_key(user)
        ClusterMember.objects.create(user=user, cluster=cluster)
        users.append(user)
    return cluster, users


def _state(users: list[Any]) -> list[tuple]:
    """What a decision leaves on each account: status, source, audit rows, labels, usable keys."""
    return [(
        *(AccountStatus.objects.filter(user=u).values_list("status", "source").first() or (None, None)),
        list(StatusChange.objects.filter(account__user=u).order_by("pk").values_list("from_status", "to_status", "note")),
        list(Label.objects.filter(attempt__user=u).values_list("label", "source")),
        AccountAPIKey.objects.filter(user=u, revoked=False).count(),
    ) for u in users]


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _block_job(cluster: Cluster, users: list[Any], actor: Any, note: str = "farm") -> ReviewJob:
    """The job the admin records for a block of ``cluster`` confirmed now (published on commit: not in these tests)."""
    return review_jobs.queue("block_cluster", [u.pk for u in users], actor=actor, note=note, cluster=cluster)


def _colleague(django_user_model: Any) -> Any:
    """A second reviewer, with ``signupguard.review_account``."""
    user = django_user_model.objects.create_user(f"colleague-{uuid.uuid4().hex[:8]}", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=["review_account", "view_reviewjob"]))
    return user


def _published(broker: IdleBroker) -> list[list[Any]]:
    """The positional arguments of each waiting review-job task."""
    return [json.loads(base64.b64decode(m["body"]))[0] for m in broker.messages()
            if m["headers"]["task"] == "signupguard.tasks.run_review_job"]


@pytest.mark.django_db
def test_a_job_blocks_a_cluster_batch_by_batch_as_the_request_does_in_one_go(django_user_model, issue_key, reviewer,
                                                                             monkeypatch) -> None:
    whole, whole_users = _farm(django_user_model, issue_key)
    batched, batched_users = _farm(django_user_model, issue_key)
    one = review.block_cluster(whole, actor=reviewer, note="farm")
    batches = []
    confirm_block = review.confirm_block
    monkeypatch.setattr(review, "confirm_block", lambda ids, **kw: batches.append(list(ids)) or confirm_block(ids, **kw))
    job = review_jobs.run(_block_job(batched, batched_users, reviewer).pk, batch=3)
    assert batches == [[u.pk for u in batched_users[i:i + 3]] for i in (0, 3, 6)]  # three transactions
    assert (one.accounts, one.keys, one.labelled, one.unlabelled) == (6, 2, 6, 1)  # the model's block: confirmed, not moved
    assert (job.state, job.done, job.accounts, job.keys, job.labelled, job.unlabelled, job.skipped) == (
        "done", 7, one.accounts, one.keys, one.labelled, one.unlabelled, 0)
    assert _state(batched_users) == _state(whole_users)
    assert {s for s, *_ in _state(batched_users)} == {"blocked"}
    for cluster in (whole, batched):
        cluster.refresh_from_db()
        assert (cluster.status, cluster.blocked_count) == ("closed", 7)


@pytest.mark.django_db
def test_a_job_leaves_alone_the_accounts_decided_after_it_was_queued(django_user_model, issue_key, reviewer,
                                                                   viewer) -> None:
    cluster, users = _farm(django_user_model, issue_key, ["review"] * 4)
    job = _block_job(cluster, users, reviewer)
    review.approve([users[0]], actor=viewer, note="a real customer")  # a second reviewer, before the worker runs
    job = review_jobs.run(job.pk)
    assert (job.accounts, job.skipped, job.labelled, job.unlabelled) == (3, 1, 2, 1)  # the last has no attempt
    assert [s for s, *_ in _state(users)] == ["cleared", "blocked", "blocked", "blocked"]
    assert list(Label.objects.filter(attempt__user=users[0]).values_list("label", flat=True)) == ["legit"]
    before = _state(users)
    review.undo_block([users[1]], actor=viewer, note="also real")
    assert review_jobs.run(job.pk).state == "done"  # the message delivered again: a done job does nothing
    assert [s for s, *_ in _state(users)] == ["cleared", "review", "blocked", "blocked"]  # the undo stands
    assert _state(users)[2:] == before[2:]  # no second audit row, no second label


@pytest.mark.django_db
@pytest.mark.usefixtures("celery_eager")
def test_a_job_that_fails_part_way_keeps_its_progress_and_runs_again_from_there(django_user_model, issue_key,
                                                                              reviewer, monkeypatch,
                                                                              django_capture_on_commit_callbacks) -> None:
    cluster, users = _farm(django_user_model, issue_key, ["review"] * 6)
    job = _block_job(cluster, users, reviewer)
    confirm_block, calls = review.confirm_block, []

    def flaky(ids: list, **kw: Any) -> review.Outcome:
        calls.append(list(ids))
        if len(calls) == 2:
            raise RuntimeError("the adapter's on_blocked hook broke")
        return confirm_block(ids, **kw)

    monkeypatch.setattr(review, "confirm_block", flaky)
    def reviews(callbacks: list) -> int:
        return sum(getattr(c, "func", None) is review_jobs.retroactive.enqueue for c in callbacks)

    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(RuntimeError):
        review_jobs.run(job.pk, batch=2)
    job.refresh_from_db()
    assert (job.state, job.done, job.accounts) == ("failed", 2, 2) and "on_blocked hook broke" in job.error
    assert [s for s, *_ in _state(users)] == ["blocked"] * 2 + ["review"] * 4
    cluster.refresh_from_db()
    assert (cluster.status, cluster.blocked_count) == ("open", 2)  # refreshed batch by batch, not closed
    # No retroactive review of half a block: its moves would hold the accounts the job has still to block.
    assert reviews(callbacks) == 0
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        done = review_jobs.run(job.pk, batch=2)
    assert calls[2:] == [[u.pk for u in users[2:4]], [u.pk for u in users[4:6]]]  # from where it stopped
    assert (done.state, done.done, done.accounts, done.skipped) == ("done", 6, 6, 0)
    assert reviews(callbacks) == 1  # one review, after the whole block, run here (eager Celery)
    assert all(len(changes) == 1 for _, _, changes, _, _ in _state(users))  # each account decided once
    assert {s for s, *_ in _state(users)} == {"blocked"} and Cluster.objects.get(pk=cluster.pk).status == "closed"


@pytest.mark.django_db
def test_a_job_blocks_the_accounts_the_reviewer_saw_though_their_cluster_merged_since(django_user_model, issue_key,
                                                                                     reviewer) -> None:
    cluster, users = _farm(django_user_model, issue_key, ["review"] * 4)
    job = _block_job(cluster, users, reviewer)
    bigger = Cluster.objects.create(size=4)
    ClusterMember.objects.filter(cluster=cluster).update(cluster=bigger)  # the linking pass merged it away
    Cluster.objects.filter(pk=cluster.pk).update(status="merged", merged_into=bigger, size=0)
    job = review_jobs.run(job.pk)
    assert job.accounts == 4 and {s for s, *_ in _state(users)} == {"blocked"}
    assert Cluster.objects.get(pk=cluster.pk).status == "merged"  # a merged cluster stays merged, as in the request


@pytest.mark.django_db(transaction=True)  # the job is published on commit
@pytest.mark.usefixtures("celery_eager")
def test_the_limit_counts_every_account_of_the_request_and_eager_jobs_report_their_outcome(
    django_user_model, issue_key, reviewer, settings,
) -> None:
    settings.SIGNUPGUARD = {"REVIEW_INLINE_MAX": 10}
    farms = [_farm(django_user_model, issue_key, ["review"] * 4) for _ in range(3)]  # 12 accounts, 4 a cluster
    client = _client(reviewer)
    picked = [c.pk for c, _ in farms]
    confirm = client.post(CLUSTERS, {"action": "block_cluster", "_selected_action": picked, "index": "0"})
    assert "That is more than 10 accounts: once you confirm, a review job" in confirm.content.decode()
    page = client.post(CLUSTERS, {"action": "block_cluster", "_selected_action": picked, "index": "0", "post": "yes",
                                  "note": "hydra"}, follow=True).content.decode()
    jobs = list(ReviewJob.objects.order_by("pk"))
    assert sorted((j.action, j.cluster_id, j.state) for j in jobs) == [("block_cluster", c.pk, "done") for c, _ in farms]
    for job in jobs:  # eager Celery ran them in the commit: the page says what they did
        done = f"Review job #{job.pk} (Block cluster, 4 accounts) is done: 4 account(s) changed, 0 API key(s) revoked"
        assert done + ", 3 labelled (1 without a stored signup attempt to label)." in page  # the last has none
    assert all(Cluster.objects.get(pk=c.pk).status == "closed" for c, _ in farms)
    settings.SIGNUPGUARD = {"REVIEW_INLINE_MAX": 12}  # at the limit: in the request, as before
    more = [_farm(django_user_model, issue_key, ["review"] * 4) for _ in range(3)]
    page = client.post(CLUSTERS, {"action": "block_cluster", "_selected_action": [c.pk for c, _ in more], "index": "0",
                                  "post": "yes"}, follow=True).content.decode()
    assert "12 account(s) blocked" in page and ReviewJob.objects.count() == 3


@pytest.mark.django_db(transaction=True)  # the job is published on commit
@pytest.mark.usefixtures("celery_eager")
def test_an_eager_job_that_fails_is_reported_as_failed(django_user_model, issue_key, reviewer, settings,
                                                       monkeypatch) -> None:
    settings.SIGNUPGUARD = {"REVIEW_INLINE_MAX": 2}
    monkeypatch.setattr(review_jobs, "BATCH", 2)
    _, users = _farm(django_user_model, issue_key, ["review"] * 6)  # five with a signup attempt to select
    confirm_block, calls = review.confirm_block, []

    def flaky(ids: list, **kw: Any) -> review.Outcome:
        calls.append(ids)
        if len(calls) == 2:
            raise RuntimeError("boom")
        return confirm_block(ids, **kw)

    monkeypatch.setitem(review.ACTIONS, "confirm_block", flaky)
    attempts = Attempt.objects.filter(user__in=users)
    page = _client(reviewer).post(QUEUE, {"action": "confirm_block", "_selected_action": [a.pk for a in attempts],
                                          "index": "0"}, follow=True).content.decode()
    job = ReviewJob.objects.get()
    assert f"Review job #{job.pk} (Confirm block, 5 accounts) failed after 2 accounts: RuntimeError: boom" in page
    assert "queued" not in page


@pytest.mark.django_db(transaction=True)  # the job is published on commit
@pytest.mark.usefixtures("celery_eager")
def test_an_undo_of_a_large_closed_cluster_reopens_it_when_the_job_is_done(django_user_model, issue_key, reviewer,
                                                                          settings) -> None:
    settings.SIGNUPGUARD = {"REVIEW_INLINE_MAX": 2}
    cluster, users = _farm(django_user_model, issue_key, ["review"] * 3)
    review.block_cluster(cluster, actor=reviewer)
    page = _client(reviewer).post(CLUSTERS, {"action": "undo_block", "_selected_action": [cluster.pk], "index": "0"},
                                  follow=True).content.decode()
    assert "(Undo block, 3 accounts) is done: 3 account(s) changed, 0 API key(s) restored." in page
    assert ReviewJob.objects.get().reopen == [cluster.pk]
    assert Cluster.objects.get(pk=cluster.pk).status == "open"
    assert [s for s, *_ in _state(users)] == ["review"] * 3 and not Label.objects.filter(attempt__user__in=users).exists()


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_the_request_publishes_only_the_job_id_after_its_commit(django_user_model, issue_key, reviewer, settings,
                                                               idle_broker: IdleBroker) -> None:
    settings.SIGNUPGUARD = {"REVIEW_INLINE_MAX": 4}
    cluster, users = _farm(django_user_model, issue_key)
    before = _state(users)
    with celery_broker(idle_broker.url):
        page = _client(reviewer).post(CLUSTERS, {"action": "block_cluster", "_selected_action": [cluster.pk],
                                                 "index": "0", "post": "yes", "note": "hydra"},
                                      follow=True).content.decode()
    job = ReviewJob.objects.get()
    assert f"Review job #{job.pk} (Block cluster, 7 accounts) is queued" in page
    assert _published(idle_broker) == [[job.pk]]  # a few bytes, whatever the farm's size
    assert _state(users) == before and Cluster.objects.get(pk=cluster.pk).status == "open"  # nothing done yet
    assert (job.user_ids, job.note, job.actor, job.cluster) == ([u.pk for u in users], "hydra", reviewer, cluster)


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_a_request_that_rolls_back_leaves_no_job_and_publishes_nothing(django_user_model, issue_key, reviewer,
                                                                      settings, idle_broker: IdleBroker,
                                                                      monkeypatch) -> None:
    settings.SIGNUPGUARD = {"REVIEW_INLINE_MAX": 4}
    cluster, _ = _farm(django_user_model, issue_key)
    from signupguard.admin import actions

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("the page failed after the job was recorded")

    monkeypatch.setattr(actions, "_report_job_after_commit", broken)
    monkeypatch.setitem(connection.settings_dict, "ATOMIC_REQUESTS", True)
    client = _client(reviewer)
    client.raise_request_exception = False
    with celery_broker(idle_broker.url):
        response = client.post(CLUSTERS, {"action": "block_cluster", "_selected_action": [cluster.pk], "index": "0",
                                          "post": "yes"})
    assert response.status_code == 500
    assert not ReviewJob.objects.exists() and _published(idle_broker) == []


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("celery_eager")
def test_with_the_broker_down_the_job_waits_and_the_sweep_queues_it(django_user_model, issue_key, reviewer, settings,
                                                                   idle_broker: IdleBroker, monkeypatch) -> None:
    settings.SIGNUPGUARD = {"REVIEW_INLINE_MAX": 2}
    cluster, users = _farm(django_user_model, issue_key, ["review"] * 3)
    with celery_broker(DEAD_BROKER_URL):
        page = _client(reviewer).post(CLUSTERS, {"action": "block_cluster", "_selected_action": [cluster.pk],
                                                 "index": "0", "post": "yes"}, follow=True).content.decode()
    job = ReviewJob.objects.get()
    assert "is queued" in page and job.state == "queued"
    assert [s for s, *_ in _state(users)] == ["review"] * 3
    with celery_broker(idle_broker.url):
        assert review_jobs.publish_stale() == 0  # not yet: its publish was just now
        assert review_jobs.publish_stale(older_than=0) == 1
    assert _published(idle_broker) == [[job.pk]]
    from signupguard.tasks import sweep_pending

    monkeypatch.setattr(review_jobs, "REPUBLISH_AFTER", 0.0)
    sweep_pending()  # eager: the sweep's publish runs the job here
    assert ReviewJob.objects.get().state == "done" and [s for s, *_ in _state(users)] == ["blocked"] * 3


@pytest.mark.django_db(transaction=True)  # the job is published on commit
@pytest.mark.usefixtures("celery_eager")
def test_reviewers_see_the_jobs_and_run_a_failed_one_again(django_user_model, issue_key, reviewer, viewer) -> None:
    cluster, users = _farm(django_user_model, issue_key, ["review"] * 3)
    job = ReviewJob.objects.create(action="block_cluster", actor=reviewer, cluster=cluster, user_ids=[u.pk for u in users],
                                   total=3, state="failed", error="OperationalError: database is locked")
    page = _client(reviewer).get(JOBS).content.decode()
    assert "0 of 3" in page and "database is locked" in page
    assert _client(viewer).post(JOBS, {"action": "run_again", "_selected_action": [job.pk], "index": "0"}).status_code \
        == 403 and ReviewJob.objects.get().state == "failed"  # no review permission: not even the page
    page = _client(reviewer).post(JOBS, {"action": "run_again", "_selected_action": [job.pk], "index": "0"},
                                  follow=True).content.decode()
    assert "Queued 1 of 1 unfinished job(s) again; 1 done already." in page  # eager Celery ran it in the commit
    assert ReviewJob.objects.get().state == "done" and {s for s, *_ in _state(users)} == {"blocked"}


@pytest.mark.django_db
def test_moves_by_the_model_the_rules_and_the_cluster_action_do_not_stop_a_queued_block(django_user_model, issue_key,
                                                                                      reviewer) -> None:
    from signupguard.status import set_status

    cluster, users = _farm(django_user_model, issue_key, ["pending", "cleared", "cleared", "review", None])
    job = _block_job(cluster, users, reviewer)
    set_status(users[0], "cleared", source="model", only_from=["pending"])  # its verdict arrives after the reviewer's
    set_status(users[1], "review", source="rule", reason="login rule")  # a risky login
    set_status(users[2], "review", source="cluster", reason="linked to blocked accounts")  # the retroactive action
    job = review_jobs.run(job.pk)
    assert (job.accounts, job.skipped) == (5, 0)  # as in the request, where the block came first
    assert {s for s, *_ in _state(users)} == {"blocked"} and AccountAPIKey.objects.filter(revoked=False).count() == 0


@pytest.mark.django_db
def test_a_later_reviewers_decision_stands_even_on_an_account_without_a_status_row(django_user_model, issue_key,
                                                                                   reviewer, viewer) -> None:
    cluster, users = _farm(django_user_model, issue_key, [None, None, "review"])
    job = _block_job(cluster, users, reviewer)
    review.approve([users[0]], actor=viewer)  # creates its row
    job = review_jobs.run(job.pk)
    assert (job.accounts, job.skipped) == (2, 1)
    assert [s for s, *_ in _state(users)] == ["cleared", "blocked", "blocked"]


@pytest.mark.django_db
@pytest.mark.parametrize("older_first", [True, False])
def test_of_two_jobs_on_one_account_the_newer_decision_wins_whichever_runs_first(django_user_model, issue_key,
                                                                                reviewer, older_first) -> None:
    cluster, users = _farm(django_user_model, issue_key, ["review"] * 3)
    block = _block_job(cluster, users, reviewer)
    approve = review_jobs.queue("approve", [users[0].pk], actor=_colleague(django_user_model),
                                note="a real customer")  # decided later
    for job in ([block, approve] if older_first else [approve, block]):
        review_jobs.run(job.pk)
    assert [s for s, *_ in _state(users)] == ["cleared", "blocked", "blocked"]
    assert ReviewJob.objects.get(pk=block.pk).skipped == (0 if older_first else 1)


@pytest.mark.django_db
def test_a_decision_in_the_request_on_accounts_a_job_has_still_to_reach_warns(django_user_model, issue_key,
                                                                             reviewer) -> None:
    cluster, users = _farm(django_user_model, issue_key, ["review"] * 4)
    job = _block_job(cluster, users, reviewer)
    attempts = Attempt.objects.filter(user__in=users[:2])
    page = _client(reviewer).post(QUEUE, {"action": "undo_block", "_selected_action": [a.pk for a in attempts],
                                          "index": "0"}, follow=True).content.decode()
    assert f"2 of these accounts are still to be decided by review job #{job.pk} (Block cluster)" in page
    assert "where it changed nothing (not blocked yet, say), the job still decides them" in page


@pytest.mark.django_db
def test_the_review_jobs_list_never_loads_the_account_ids(django_user_model, issue_key, reviewer) -> None:
    from django.test.utils import CaptureQueriesContext

    cluster, users = _farm(django_user_model, issue_key, ["review"] * 3)
    _block_job(cluster, users, reviewer)
    with CaptureQueriesContext(connection) as queries:
        page = _client(reviewer).get(JOBS).content.decode()
    assert "0 of 3" in page
    assert not [q for q in queries.captured_queries if "reviewjob" in q["sql"] and "user_ids" in q["sql"]]


@pytest.mark.django_db
def test_staff_who_may_view_jobs_but_not_review_cannot_run_them(django_user_model, issue_key, reviewer) -> None:
    cluster, users = _farm(django_user_model, issue_key, ["review"] * 3)
    job = _block_job(cluster, users, reviewer)
    ReviewJob.objects.filter(pk=job.pk).update(state="failed")
    viewer = django_user_model.objects.create_user("job-viewer", is_staff=True)
    viewer.user_permissions.set(Permission.objects.filter(codename="view_reviewjob"))
    client = _client(viewer)
    page = client.get(JOBS).content.decode()
    assert "0 of 3" in page and "run_again" not in page
    client.post(JOBS, {"action": "run_again", "_selected_action": [job.pk], "index": "0"})
    assert ReviewJob.objects.get().state == "failed"


@pytest.mark.django_db(transaction=True)  # "run again" publishes on commit
@pytest.mark.usefixtures("celery_eager")
@pytest.mark.parametrize("lost", ["permission", "deactivated", "deleted"])
def test_a_job_whose_reviewer_can_no_longer_review_changes_nothing_until_a_reviewer_runs_it_again(
    django_user_model, issue_key, reviewer, lost,
) -> None:
    cluster, users = _farm(django_user_model, issue_key, ["review", "cleared", "review"])
    job = review_jobs.record("block_cluster", [u.pk for u in users], actor=reviewer, cluster=cluster)  # unpublished
    before = _state(users)
    if lost == "permission":
        reviewer.user_permissions.remove(Permission.objects.get(codename="review_account"))
    elif lost == "deactivated":
        django_user_model.objects.filter(pk=reviewer.pk).update(is_active=False)
    else:
        reviewer.delete()
    job = review_jobs.run(job.pk)
    why = {"permission": "reviewer reviewer no longer has the permission signupguard.review_account",
           "deactivated": "reviewer reviewer has been deactivated",
           "deleted": "reviewer's account was deleted"}[lost]
    assert (job.state, job.done, job.accounts) == ("failed", 0, 0) and why in job.error
    assert _state(users) == before and Cluster.objects.get(pk=cluster.pk).status == "open"
    colleague = _colleague(django_user_model)
    page = _client(colleague).post(JOBS, {"action": "run_again", "_selected_action": [job.pk], "index": "0"},
                                   follow=True).content.decode()
    assert "Queued 1 of 1 unfinished job(s) again; 1 of them now run on your authority" in page
    job.refresh_from_db()
    assert (job.state, job.accounts, job.actor) == ("done", 3, colleague)
    assert StatusChange.objects.filter(account__user__in=users, actor=colleague).count() == 3


@pytest.mark.django_db
@pytest.mark.parametrize("lost", ["permission", "deactivated", "deleted"])
def test_a_reviewer_who_loses_the_right_mid_job_stops_it_before_the_next_batch(django_user_model, issue_key,
                                                                              reviewer, monkeypatch, lost) -> None:
    cluster, users = _farm(django_user_model, issue_key, ["review"] * 6)
    job = _block_job(cluster, users, reviewer)
    real, batches = review_jobs._run_batch, []

    def batch(*args: Any, **kwargs: Any) -> bool:
        batches.append(1)
        if len(batches) == 2:  # the first batch is committed; an administrator acts on the reviewer now
            if lost == "permission":  # the copy of their permissions cached on the job's reviewer must not count
                reviewer.user_permissions.remove(Permission.objects.get(codename="review_account"))
            elif lost == "deactivated":
                django_user_model.objects.filter(pk=reviewer.pk).update(is_active=False)
            else:
                django_user_model.objects.filter(pk=reviewer.pk).delete()
        return real(*args, **kwargs)

    monkeypatch.setattr(review_jobs, "_run_batch", batch)
    assert reviewer.has_perm(review_jobs.REVIEW_PERMISSION)  # cached on this instance from here on
    job = review_jobs.run(job.pk, batch=2)
    assert (job.state, job.done, job.accounts) == ("failed", 2, 2)
    assert job.error.startswith("Stopped after 2 of 6 accounts: its reviewer")
    assert [status for status, *_ in _state(users)] == ["blocked"] * 2 + ["review"] * 4
    assert Cluster.objects.get(pk=cluster.pk).status == "open"  # the block is unfinished: no close, no retroactive


@pytest.mark.django_db(transaction=True)  # "run again" publishes on commit
@pytest.mark.usefixtures("celery_eager")
def test_running_again_a_job_whose_reviewer_may_still_review_keeps_their_name_on_it(django_user_model, issue_key,
                                                                                   reviewer) -> None:
    cluster, users = _farm(django_user_model, issue_key, ["review"] * 2)
    job = review_jobs.record("block_cluster", [u.pk for u in users], actor=reviewer, cluster=cluster)
    ReviewJob.objects.filter(pk=job.pk).update(state="failed", error="OperationalError: database is locked")
    page = _client(_colleague(django_user_model)).post(JOBS, {"action": "run_again", "_selected_action": [job.pk],
                                                              "index": "0"}, follow=True).content.decode()
    assert "Queued 1 of 1 unfinished job(s) again; 1 done already." in page
    assert ReviewJob.objects.get(pk=job.pk).actor == reviewer
    assert StatusChange.objects.filter(account__user__in=users, actor=reviewer).count() == 2


@pytest.mark.redis
@pytest.mark.django_db
def test_the_sweep_publishes_again_a_running_job_whose_worker_died(django_user_model, issue_key, reviewer,
                                                                  idle_broker: IdleBroker) -> None:
    cluster, users = _farm(django_user_model, issue_key, ["review"] * 4)
    job = _block_job(cluster, users, reviewer)
    with celery_broker(idle_broker.url):
        assert review_jobs.publish_stale() == 0  # just queued: its publish may still be on its way
        # A worker starts it and commits one batch, then dies: the job stays "running".
        review_jobs.ReviewJob.objects.filter(pk=job.pk).update(state="running", done=2, updated_at=timezone.now())
        assert review_jobs.publish_stale() == 0  # a batch just now: a live worker
        assert _published(idle_broker) == []
        ReviewJob.objects.filter(pk=job.pk).update(updated_at=timezone.now() - dt.timedelta(seconds=301))
        assert review_jobs.publish_stale() == 1  # no batch for over five minutes: the worker is gone
        assert review_jobs.publish_stale() == 0  # and not again at the next sweep
    assert _published(idle_broker) == [[job.pk]]
    ReviewJob.objects.filter(pk=job.pk).update(state="failed")
    assert review_jobs.publish_stale(older_than=0) == 0  # a failed job waits for a reviewer


@pytest.mark.django_db
def test_of_two_runs_of_one_job_only_the_first_to_finish_closes_the_cluster_and_asks_for_a_review(
    django_user_model, issue_key, reviewer, monkeypatch, django_capture_on_commit_callbacks,
) -> None:
    cluster, users = _farm(django_user_model, issue_key, ["review"] * 4)
    job = _block_job(cluster, users, reviewer)
    real, twin = review_jobs._run_batch, {}

    def batch(*args: Any, **kwargs: Any) -> bool:
        more = real(*args, **kwargs)
        if not more and not twin:  # the sweep's copy, running beside this slow worker, gets to the end first
            twin["started"] = True
            twin["job"] = review_jobs.run(job.pk)
        return more

    monkeypatch.setattr(review_jobs, "_run_batch", batch)
    with django_capture_on_commit_callbacks() as callbacks:
        done = review_jobs.run(job.pk, batch=2)
    assert twin["job"].state == done.state == "done" and done.accounts == 4
    assert sum(getattr(c, "func", None) is review_jobs.retroactive.enqueue for c in callbacks) == 1
    assert Cluster.objects.get(pk=cluster.pk).status == "closed"
    assert all(len(changes) == 1 for _, _, changes, _, _ in _state(users))


@pytest.mark.django_db(transaction=True)  # the retroactive review is asked for on commit
def test_a_run_that_fails_after_its_twin_finished_leaves_the_job_done_and_its_retry_does_nothing(
    django_user_model, issue_key, reviewer, monkeypatch,
) -> None:
    enqueued: list[Any] = []
    monkeypatch.setattr(review_jobs.retroactive, "enqueue", lambda *args: enqueued.append(args))
    cluster, users = _farm(django_user_model, issue_key, ["review"] * 4)
    job = review_jobs.record("block_cluster", [u.pk for u in users], actor=reviewer, cluster=cluster)
    real, batches = review_jobs._run_batch, []

    def batch(*args: Any, **kwargs: Any) -> bool:
        batches.append(1)
        if len(batches) == 2:  # waiting for the job row, this run times out; the sweep's copy finished meanwhile
            assert review_jobs.run(job.pk).state == "done"
            raise OperationalError("canceling statement due to lock timeout")
        return real(*args, **kwargs)

    monkeypatch.setattr(review_jobs, "_run_batch", batch)
    with pytest.raises(OperationalError):
        review_jobs.run(job.pk, batch=2)
    job.refresh_from_db()
    assert (job.state, job.done, len(enqueued)) == ("done", 4, 1)
    Cluster.objects.filter(pk=cluster.pk).update(status="open")  # a reviewer reopens it after the block
    review_jobs.run(job.pk)  # Celery's autoretry of the failed run (OperationalError is transient)
    assert len(enqueued) == 1 and Cluster.objects.get(pk=cluster.pk).status == "open"


@pytest.mark.django_db(transaction=True)  # "run again" publishes on commit
def test_run_again_leaves_done_a_job_a_worker_finished_after_the_page_was_read(django_user_model, issue_key,
                                                                               reviewer, monkeypatch) -> None:
    cluster, users = _farm(django_user_model, issue_key, ["review"] * 3)
    job = review_jobs.record("block_cluster", [u.pk for u in users], actor=reviewer, cluster=cluster)
    ReviewJob.objects.filter(pk=job.pk).update(state="running")
    published: list[int] = []
    monkeypatch.setattr(review_jobs, "publish", lambda job_id: published.append(job_id) or True)
    refusal, finished = review_jobs.refusal, {}

    def finishing_meanwhile(actor: Any) -> Any:  # between the action's read and its update, the worker finishes
        if not finished:
            finished["started"] = True
            finished["job"] = review_jobs.run(job.pk)  # whose own check of its reviewer comes back here
        return refusal(actor)

    monkeypatch.setattr(review_jobs, "refusal", finishing_meanwhile)
    page = _client(_colleague(django_user_model)).post(JOBS, {"action": "run_again", "_selected_action": [job.pk],
                                                              "index": "0"}, follow=True).content.decode()
    assert finished["job"].state == ReviewJob.objects.get(pk=job.pk).state == "done"
    assert published == [] and "Queued 0 of 0 unfinished job(s) again." in page


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("celery_eager")
def test_run_again_under_eager_celery_says_the_job_failed_again(django_user_model, issue_key, reviewer,
                                                                monkeypatch) -> None:
    cluster, users = _farm(django_user_model, issue_key, ["review"] * 3)
    job = review_jobs.record("block_cluster", [u.pk for u in users], actor=reviewer, cluster=cluster)
    ReviewJob.objects.filter(pk=job.pk).update(state="failed", error="RuntimeError: hook broke")

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("the adapter's on_blocked hook broke")

    monkeypatch.setattr(review, "confirm_block", broken)
    page = _client(_colleague(django_user_model)).post(JOBS, {"action": "run_again", "_selected_action": [job.pk],
                                                              "index": "0"}, follow=True).content.decode()
    assert ReviewJob.objects.get(pk=job.pk).state == "failed"  # run in the request (no broker), and failed again
    assert "Queued 1 of 1 unfinished job(s) again; 1 failed again." in page


@pytest.mark.django_db(transaction=True)
def test_the_sweep_skips_a_running_job_whose_batch_holds_its_row_instead_of_waiting(django_user_model, issue_key,
                                                                                   reviewer) -> None:
    if not connection.features.has_select_for_update_skip_locked:
        pytest.skip("row locks (PostgreSQL); on SQLite a batch's writer lock holds off the sweep's reads no longer")
    import threading

    from django.db import connection as this_thread, transaction

    cluster, users = _farm(django_user_model, issue_key, ["review"] * 2)
    job = review_jobs.record("block_cluster", [u.pk for u in users], actor=reviewer, cluster=cluster)
    ReviewJob.objects.filter(pk=job.pk).update(state="running", updated_at=timezone.now() - dt.timedelta(seconds=400))
    locked, release, swept = threading.Event(), threading.Event(), {}

    def batch_in_progress() -> None:  # what _run_batch holds for the length of a batch (or a vanished node, hours)
        try:
            with transaction.atomic():
                ReviewJob.objects.select_for_update().only("done").get(pk=job.pk)
                locked.set()
                release.wait(30)
        finally:
            this_thread.close()

    def sweep() -> None:
        try:
            swept["jobs"] = review_jobs.publish_stale()
        finally:
            this_thread.close()

    holder, sweeper = threading.Thread(target=batch_in_progress), threading.Thread(target=sweep)
    holder.start()
    assert locked.wait(10)
    sweeper.start()
    sweeper.join(5)
    waited = sweeper.is_alive()
    release.set()
    holder.join(10)
    sweeper.join(10)
    assert not waited and swept == {"jobs": 0}  # a live worker holds it: not republished, and the sweep goes on


@pytest.mark.redis
def test_a_real_worker_blocks_a_large_cluster_the_admin_handed_to_it(celery_live, django_user_model, issue_key,
                                                                    reviewer, settings) -> None:
    settings.SIGNUPGUARD = {**settings.SIGNUPGUARD, "REVIEW_INLINE_MAX": 2}
    cluster, users = _farm(django_user_model, issue_key)
    page = _client(reviewer).post(CLUSTERS, {"action": "block_cluster", "_selected_action": [cluster.pk], "index": "0",
                                             "post": "yes", "note": "farm"}, follow=True).content.decode()
    assert "is queued" in page
    wait_until(lambda: ReviewJob.objects.get().state == "done", timeout=45, what="the worker's review job")
    assert Cluster.objects.get(pk=cluster.pk).status == "closed"
    assert {s for s, *_ in _state(users)} == {"blocked"}
    assert AccountAPIKey.objects.filter(user__in=users, revoked=False).count() == 0
    assert StatusChange.objects.filter(account__user__in=users, actor=reviewer, note="farm").count() == 7
    assert "Task signupguard.tasks.run_review_job[" in celery_live.worker.output()


@pytest.mark.parametrize("value, error", [(1000, False), (0, False), (None, False), (-1, True), ("many", True),
                                          (True, True), (2.5, True)])
def test_check_reports_a_review_inline_max_that_is_no_number_of_accounts(settings, value, error) -> None:
    settings.SIGNUPGUARD = {"REVIEW_INLINE_MAX": value}
    found = [m for m in run_checks() if m.id == "signupguard.E036"]
    assert bool(found) is error


@pytest.mark.django_db
def test_a_review_inline_max_that_is_no_number_of_accounts_reads_as_its_default(scored_signup, reviewer,
                                                                                 settings) -> None:
    # "1000" from an environment variable is E036 (above), not a crash: every admin action answered 500
    # (int > str), where the README promises bad values are reported by check and read as their default.
    held = scored_signup(conf=REVIEW_ALL)
    settings.SIGNUPGUARD = {**REVIEW_ALL, "REVIEW_INLINE_MAX": "1000"}
    assert not review_jobs.too_many(1) and review_jobs.too_many(1001)
    response = _client(reviewer).post(QUEUE, {"action": "approve", "_selected_action": [held.pk], "index": "0"})
    assert response.status_code == 302
    assert AccountStatus.objects.get(user=held.user).status == "cleared"  # decided in the request, as 1,000 would
    assert not ReviewJob.objects.exists()

"""Review actions on more accounts than REVIEW_INLINE_MAX run in a Celery task, in batches.

Blocking a farm's cluster one account at a time costs 3-7 ms an account
(docs/benchmarks.md): tens of thousands outlast any web server's request
timeout, and the whole block rolled back with it. The admin hands such
decisions to ``signupguard.tasks``; these tests check that the request does
none of the work, that the task (eager, from a real Redis broker, and in a
real worker) does all of it, batch by batch, with the same audit rows,
labels and revoked keys as the request would have, and that running it twice
changes nothing more.
"""

from __future__ import annotations

import base64
import json
import uuid
from typing import Any

import pytest
from django.core.checks import run_checks
from django.test import Client
from django.utils import timezone

from signupguard import review, tasks
from signupguard.contrib.rest_framework_api_key.models import AccountAPIKey
from signupguard.models import AccountStatus, Attempt, Cluster, ClusterMember, Label, StatusChange
from tests.plugins.services import DEAD_BROKER_URL, IdleBroker, celery_broker, wait_until

QUEUE = "/admin/signupguard/attempt/?queue=all"
CLUSTERS = "/admin/signupguard/cluster/"
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
    """What a block leaves on each account: status, source, audit rows, labels, usable keys."""
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


def _published(broker: IdleBroker, task: str) -> list[list[Any]]:
    """The positional arguments of each waiting ``task``."""
    return [json.loads(base64.b64decode(m["body"]))[0] for m in broker.messages() if m["headers"]["task"] == task]


@pytest.mark.django_db
def test_a_cluster_blocked_in_batches_ends_as_one_blocked_in_one_transaction(django_user_model, issue_key, reviewer) -> None:
    whole, whole_users = _farm(django_user_model, issue_key)
    batched, batched_users = _farm(django_user_model, issue_key)
    one = review.block_cluster(whole, actor=reviewer, note="farm")
    many = review.block_cluster(batched, actor=reviewer, note="farm", batch_size=2)
    assert (one.accounts, one.keys, one.labelled, one.unlabelled) == (6, 2, 6, 1)  # the model's block: confirmed, not moved
    assert many == one
    assert _state(batched_users) == _state(whole_users)
    assert {s for s, *_ in _state(batched_users)} == {"blocked"}
    for cluster in (whole, batched):
        cluster.refresh_from_db()
        assert (cluster.status, cluster.blocked_count) == ("closed", 7)


@pytest.mark.django_db
def test_in_batches_slices_and_refuses_an_empty_batch() -> None:
    assert list(review.in_batches([1, 2, 3, 4, 5], 2)) == [[1, 2], [3, 4], [5]]
    assert list(review.in_batches([1, 2], None)) == [[1, 2]] and list(review.in_batches([], 3)) == []
    with pytest.raises(ValueError, match="at least one"):
        list(review.in_batches([1], 0))


@pytest.mark.django_db
@pytest.mark.usefixtures("celery_eager")
def test_an_approval_of_more_accounts_than_the_limit_is_made_by_the_task(django_user_model, issue_key, reviewer, settings,
                                                                        monkeypatch) -> None:
    settings.SIGNUPGUARD = {"REVIEW_INLINE_MAX": 3}
    monkeypatch.setattr(tasks, "REVIEW_BATCH", 2)  # three batches
    _, users = _farm(django_user_model, issue_key, ["review"] * 5 + [None])
    attempts = Attempt.objects.filter(user__in=users)
    response = _client(reviewer).post(QUEUE, {"action": "approve", "_selected_action": [a.pk for a in attempts],
                                              "index": "0", "note": "a class"}, follow=True)
    page = response.content.decode()
    assert "The approval of 5 accounts was handed to a Celery worker (more than REVIEW_INLINE_MAX, 3, accounts)" in page
    for user in users[:5]:
        change = StatusChange.objects.filter(account__user=user).last()
        assert (change.from_status, change.to_status, change.actor, change.note) == ("review", "cleared", reviewer, "a class")
        assert Label.objects.get(attempt__user=user).label == "legit"
    settings.SIGNUPGUARD = {"REVIEW_INLINE_MAX": 5}  # at the limit: in the request, as before
    page = _client(reviewer).post(QUEUE, {"action": "confirm_block", "_selected_action": [a.pk for a in attempts],
                                          "index": "0"}, follow=True).content.decode()
    assert "Blocked 5 account(s)" in page and "Celery" not in page


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("celery_eager")
def test_the_request_only_queues_the_block_of_a_large_cluster_and_the_task_does_it_once(
    django_user_model, issue_key, reviewer, settings, idle_broker: IdleBroker, monkeypatch,
) -> None:
    settings.SIGNUPGUARD = {"REVIEW_INLINE_MAX": 4}
    cluster, users = _farm(django_user_model, issue_key)
    small, small_users = _farm(django_user_model, issue_key, ["review"] * 3)
    before = _state(users)
    client = _client(reviewer)
    with celery_broker(idle_broker.url):
        confirm = client.post(CLUSTERS, {"action": "block_cluster", "_selected_action": [cluster.pk, small.pk], "index": "0"})
        assert f"#{cluster.pk}\n  has more than 4 accounts: a Celery worker blocks them" in confirm.content.decode()
        page = client.post(CLUSTERS, {"action": "block_cluster", "_selected_action": [cluster.pk, small.pk], "index": "0",
                                      "post": "yes", "note": "hydra"}, follow=True).content.decode()
    assert f"The block of cluster #{cluster.pk} (7 accounts) was handed to a Celery worker" in page
    assert f"Blocked cluster #{small.pk}: 3 account(s) blocked" in page  # the small one, in the request
    assert _state(users) == before and Cluster.objects.get(pk=cluster.pk).status == "open"  # nothing done yet
    [args] = _published(idle_broker, "signupguard.tasks.block_cluster")
    assert args == [cluster.pk, reviewer.pk, "hydra"]

    monkeypatch.setattr(tasks, "REVIEW_BATCH", 3)
    assert tasks.block_cluster(*args) == {"accounts": 6, "keys": 2, "labelled": 6, "unlabelled": 1}
    done = _state(users)
    assert tasks.block_cluster(*args) == {"accounts": 0, "keys": 0, "labelled": 6, "unlabelled": 1}  # again: nothing new
    assert _state(users) == done
    assert {s for s, *_ in done} == {"blocked"} and all(notes[-1][2] == "hydra" for _, _, notes, _, _ in done)
    assert StatusChange.objects.filter(account__user__in=users, actor=reviewer).count() == 7
    assert Cluster.objects.get(pk=cluster.pk).status == "closed"
    assert tasks.block_cluster(10**9, reviewer.pk) == {}  # a cluster deleted meanwhile


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("celery_eager")
def test_with_the_broker_down_nothing_is_changed_and_the_reviewer_is_told(django_user_model, issue_key, reviewer,
                                                                         settings) -> None:
    settings.SIGNUPGUARD = {"REVIEW_INLINE_MAX": 2}
    cluster, users = _farm(django_user_model, issue_key, ["review"] * 3)
    before = _state(users)
    with celery_broker(DEAD_BROKER_URL):
        response = _client(reviewer).post(CLUSTERS, {"action": "undo_block", "_selected_action": [cluster.pk], "index": "0"},
                                          follow=True)
    page = response.content.decode()
    assert "Nothing was changed: the undo of 3 accounts takes more than REVIEW_INLINE_MAX (2) accounts" in page
    assert _state(users) == before


@pytest.mark.django_db
@pytest.mark.usefixtures("celery_eager")
def test_an_undo_of_a_large_closed_cluster_reopens_it_and_the_task_unblocks(django_user_model, issue_key, reviewer,
                                                                           settings) -> None:
    settings.SIGNUPGUARD = {"REVIEW_INLINE_MAX": 2}
    cluster, users = _farm(django_user_model, issue_key, ["review"] * 3)
    review.block_cluster(cluster, actor=reviewer)
    page = _client(reviewer).post(CLUSTERS, {"action": "undo_block", "_selected_action": [cluster.pk], "index": "0"},
                                  follow=True).content.decode()
    assert "The undo of 3 accounts was handed to a Celery worker" in page
    assert Cluster.objects.get(pk=cluster.pk).status == "open"
    assert [s for s, *_ in _state(users)] == ["review"] * 3 and not Label.objects.filter(attempt__user__in=users).exists()


@pytest.mark.redis
def test_a_real_worker_blocks_a_large_cluster_the_admin_handed_to_it(celery_live, django_user_model, issue_key,
                                                                    reviewer, settings) -> None:
    settings.SIGNUPGUARD = {**settings.SIGNUPGUARD, "REVIEW_INLINE_MAX": 2}
    cluster, users = _farm(django_user_model, issue_key)
    page = _client(reviewer).post(CLUSTERS, {"action": "block_cluster", "_selected_action": [cluster.pk], "index": "0",
                                             "post": "yes", "note": "farm"}, follow=True).content.decode()
    assert "was handed to a Celery worker" in page
    wait_until(lambda: Cluster.objects.get(pk=cluster.pk).status == "closed", timeout=45, what="the worker's block")
    assert {s for s, *_ in _state(users)} == {"blocked"}
    assert AccountAPIKey.objects.filter(user__in=users, revoked=False).count() == 0
    assert StatusChange.objects.filter(account__user__in=users, actor=reviewer, note="farm").count() == 7
    assert "Task signupguard.tasks.block_cluster[" in celery_live.worker.output()


@pytest.mark.parametrize("value, error", [(1000, False), (0, False), (None, False), (-1, True), ("many", True),
                                          (True, True), (2.5, True)])
def test_check_reports_a_review_inline_max_that_is_no_number_of_accounts(settings, value, error) -> None:
    settings.SIGNUPGUARD = {"REVIEW_INLINE_MAX": value}
    found = [m for m in run_checks() if m.id == "signupguard.E036"]
    assert bool(found) is error

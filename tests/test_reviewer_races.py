"""Reviewers acting at the same time, on PostgreSQL with real threads (races found in an audit).

Each test runs its race RUNS times, both sides released together by a
barrier, each thread on a connection of its own (so the data it races on is
committed: ``transaction=True``). Each run's accounts are linked only to
each other. On the code before the fixes half or more of the runs went
wrong (of 30: a deadlock in 30 and 15, the undo over the approval in 21, the
newcomer left cleared in 20), so RUNS runs fail all but certainly (at worst
0.5 ** 15). SQLite runs one write transaction at a time: the races are
PostgreSQL's.
"""

from __future__ import annotations

import threading
from typing import Any, Callable

import pytest
from django.db import connection
from django.test import override_settings

from signupguard import linking_pass
from signupguard.clusters import cluster_of
from signupguard.gate import account_status
from signupguard.models import Label, StatusChange
from signupguard.review import approve, block_cluster, confirm_block, undo_block
from tests.plugins import console

RUNS = 15
# Rules decide the signups; thresholds pinned high so only the cluster judges them afterwards (as in test_retroactive).
PINNED = {"REVIEW_THRESHOLD": 0.999, "BLOCK_THRESHOLD": 0.9999}
ALLOW_ALL = {**console.ALLOW_ALL, **PINNED}
REVIEW_ALL = console.REVIEW_ALL  # every signup held for review


def mailbox(name: str) -> str:
    """A domain of its own: a shared one (make_user's example.org) links every run's accounts into one cluster."""
    return f"{name}@{name}.example"


pytestmark = [pytest.mark.django_db(transaction=True),
              pytest.mark.usefixtures("postgresql_only", "celery_eager", "fresh_engine")]


def race(*actions: Callable[[], Any], timeout: float = 30.0) -> list[BaseException]:
    """Run the actions at once, one thread each; the exceptions they raised."""
    start, errors = threading.Barrier(len(actions)), []

    def run(action: Callable[[], Any]) -> None:
        try:
            start.wait()
            action()
        except BaseException as exc:  # noqa: BLE001 - reported to the test
            errors.append(exc)
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    assert not any(thread.is_alive() for thread in threads), "a reviewer's action hung"
    return errors


def trail(user: Any) -> list[tuple[str, str]]:
    """The account's audit rows, oldest first, as (from, to)."""
    return list(StatusChange.objects.filter(account__user=user).order_by("at", "pk").values_list("from_status", "to_status"))


def assert_consistent(user: Any, *, run: int) -> str:
    """The audit trail chains from nothing to the status, and the newest reviewer label is that status's verdict."""
    status, rows = account_status(user), trail(user)
    # No gap: every move saw the one before it, and the last one is the status.
    assert [f for f, _ in rows] == [""] + [t for _, t in rows[:-1]] and rows[-1][1] == status, f"run {run}: {rows} {status}"
    newest = Label.objects.filter(attempt__user=user, source="reviewer").order_by("-at", "-pk").first()
    verdict = {Label.Value.LEGIT: "cleared", Label.Value.FRAUD: "blocked"}[newest.label]
    assert status == verdict, f"run {run}: {status} contradicts the newest reviewer label {newest.label!r}: {rows}"
    return status


@pytest.fixture
def second_reviewer(django_user_model: Any) -> Any:
    return django_user_model.objects.create_user(username="second-reviewer", password="pw-123-secret", is_staff=True)


@pytest.mark.parametrize("blocked", [
    # The queue sorted two ways: each reviewer took the rows in the other's order.
    pytest.param(lambda x, y: [y, x], id="both-listed-in-opposite-orders"),
    # Same order, overlapping selections: each status change refreshed their cluster's row under the status locks.
    pytest.param(lambda x, y: [y], id="one-of-the-approved-pair"),
])
def test_reviewers_approving_and_blocking_linked_accounts_at_once_do_not_deadlock(
    scored_signup, reviewer, second_reviewer, blocked,
) -> None:
    for run in range(RUNS):
        device = {"fingerprint": f"fp-pair-{run}", "timezone": "Europe/London", "screen": f"1366x{700 + run}x24"}
        x, y = (scored_signup(conf=REVIEW_ALL, device=device, ip=f"10.{run}.1.{n}", email=mailbox(f"pair{run}-{n}")).user
                for n in (1, 2))
        assert account_status(x) == account_status(y) == "review"
        pair = cluster_of(x)
        assert pair is not None and pair.size == 2 and cluster_of(y) == pair  # linked: one cluster row, this run's

        with override_settings(SIGNUPGUARD=REVIEW_ALL):
            errors = race(lambda: approve([x, y], actor=reviewer),
                          lambda: confirm_block(blocked(x, y), actor=second_reviewer))

        assert not errors, f"run {run}: {errors!r}"  # a deadlock: PostgreSQL aborted one reviewer's action
        statuses = [assert_consistent(x, run=run), assert_consistent(y, run=run)]
        assert statuses[0] in ("cleared", "blocked") and statuses[1] in ("cleared", "blocked"), statuses
        if x not in blocked(x, y):
            assert statuses[0] == "cleared"  # only approved


def test_undo_block_does_not_overrule_an_approval_given_meanwhile(scored_signup, reviewer, second_reviewer) -> None:
    for run in range(RUNS):
        user = scored_signup(conf=REVIEW_ALL, ip=f"10.{run}.2.1", email=mailbox(f"undo{run}")).user
        confirm_block([user], actor=reviewer)  # an undo would return it to review

        # Reviewer A takes the block back while reviewer B approves the account.
        with override_settings(SIGNUPGUARD=REVIEW_ALL):
            errors = race(lambda: undo_block([user], actor=reviewer), lambda: approve([user], actor=second_reviewer))

        assert not errors, f"run {run}: {errors!r}"
        # Approved after the undo, or the undo found it approved already: cleared, either way.
        assert assert_consistent(user, run=run) == "cleared", f"run {run}: {trail(user)}"


def test_a_farm_account_linked_while_its_cluster_is_blocked_is_not_left_cleared(
    scored_signup, reviewer, monkeypatch,
) -> None:
    for run in range(RUNS):
        # A farm that looked clean on its own: cleared, linked by its device into one cluster.
        device = {"fingerprint": f"fp-farm-{run}", "webdriver": False, "timezone": "Europe/London",
                  "screen": f"1366x{600 + run}x24"}
        farm = [scored_signup(conf=ALLOW_ALL, device=device, ip=f"10.{run}.0.{n}", email=mailbox(f"farm{run}-{n}")).user
                for n in (1, 2, 3)]
        cluster = cluster_of(farm[0])
        assert cluster is not None and cluster.size == 3 and all(cluster_of(u) == cluster for u in farm)
        with monkeypatch.context() as patch:  # scored (cleared), its linking pass still to come
            patch.setattr(linking_pass, "schedule_linking", lambda *args, **kwargs: None)
            newcomer = scored_signup(conf=ALLOW_ALL, device=device, ip=f"10.{run}.0.50", email=mailbox(f"farm{run}-new"))
        assert account_status(newcomer.user) == "cleared" and cluster_of(newcomer.user) is None

        # A reviewer blocks the campaign while the linking pass links the newcomer into it.
        with override_settings(SIGNUPGUARD=ALLOW_ALL):  # process-wide: the threads read it too
            errors = race(lambda: block_cluster(cluster, actor=reviewer), lambda: linking_pass.link_one(newcomer.pk))

        assert not errors, f"run {run}: {errors!r}"
        assert [account_status(u) for u in farm] == ["blocked"] * 3
        assert cluster_of(newcomer.user) is not None  # linked, to the farm
        # Blocked as a member, or judged against the farm's blocks: never cleared inside a blocked campaign.
        assert account_status(newcomer.user) in ("blocked", "review"), f"run {run}: {trail(newcomer.user)}"

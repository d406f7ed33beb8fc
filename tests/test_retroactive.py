"""The retroactive action: a farm that got through early loses its keys once the campaign is known."""

from __future__ import annotations

import pytest

from signupguard.contrib.rest_framework_api_key.models import AccountAPIKey
from signupguard.gate import account_status
from signupguard.models import StatusChange
from signupguard.retroactive import verdict
from signupguard.review import approve, confirm_block, undo_block
from django.test import override_settings

from tests.plugins import console

# Rules decide the signups; the thresholds (used by the retroactive policy) are
# pinned high so that only the cluster, not the active model's own score of
# these synthetic accounts, decides what happens to them.
PINNED = {"REVIEW_THRESHOLD": 0.999, "BLOCK_THRESHOLD": 0.9999}
ALLOW_ALL = {**console.ALLOW_ALL, **PINNED}
DENY_ALL = {**console.DENY_ALL, **PINNED}

# A farm that looks clean on its own (low own scores): only its cluster gives it away.
FARM_DEVICE = {"fingerprint": "fp-quiet-farm", "webdriver": False, "timezone": "Europe/London", "screen": "1366x768x24"}

pytestmark = pytest.mark.django_db


def test_policy() -> None:
    t = {"review_at": 0.5, "block_at": 0.95}
    assert verdict(own=0.1, share=0.05, strong=False, blocked=1, **t) is None
    assert verdict(own=0.1, share=0.3, strong=False, blocked=3, **t) == "review"
    assert verdict(own=0.1, share=0.05, strong=True, blocked=1, **t) == "review"
    # Same device or mailbox as enough blocked accounts: blocked.
    assert verdict(own=0.1, share=0.5, strong=True, blocked=3, **t) == "blocked"
    # A household on one tablet, one of them blocked: the others are reviewed, not blocked.
    assert verdict(own=0.1, share=0.5, strong=True, blocked=1, **t) == "review"
    # A weak link (a /24, a company domain) is a person's decision to make, however blocked the cluster.
    assert verdict(own=0.9, share=0.6, strong=False, blocked=6, **t) == "review"
    assert verdict(own=0.1, share=1.0, strong=False, blocked=1, **t) == "review"
    assert verdict(own=0.9, share=0.6, strong=False, blocked=2, **t) == "review"


def test_farm_keys_issued_early_are_revoked_when_the_campaign_is_blocked(
    scored_signup, issue_key, django_capture_on_commit_callbacks, signal_log,
) -> None:
    early = [scored_signup(conf=ALLOW_ALL, device=FARM_DEVICE, ip=f"203.0.113.{n}") for n in range(1, 4)]
    keys = [issue_key(a.user) for a in early]
    assert all(account_status(a.user) == "cleared" for a in early) and len(keys) == 3
    legit = scored_signup(conf=ALLOW_ALL, ip="198.51.100.20", email="mary.jones@gmail.com")
    issue_key(legit.user)

    # Later signups of the same farm are blocked by the model's rules.
    scored_signup(conf=DENY_ALL, device=FARM_DEVICE, ip="203.0.113.50")
    # One blocked member: the early accounts (same device) are held for review, keys unusable.
    assert all(account_status(a.user) == "review" for a in early)
    assert AccountAPIKey.objects.filter(user__in=[a.user for a in early], revoked=False).count() == 3
    scored_signup(conf=DENY_ALL, device=FARM_DEVICE, ip="203.0.113.51")
    assert all(account_status(a.user) == "review" for a in early)  # two blocked: a household's size
    scored_signup(conf=DENY_ALL, device=FARM_DEVICE, ip="203.0.113.52")
    # Half the cluster blocked (CLUSTER_BLOCK_MIN = 3) and a shared device: blocked, keys revoked.
    for attempt in early:
        assert account_status(attempt.user) == "blocked"
        change = StatusChange.objects.filter(account__user=attempt.user).last()
        assert change.source == "cluster" and "same device or mailbox" in change.reason and change.actor is None
    assert AccountAPIKey.objects.filter(user__in=[a.user for a in early], revoked=False).count() == 0
    assert account_status(legit.user) == "cleared"
    assert AccountAPIKey.objects.filter(user=legit.user, revoked=False).count() == 1
    blocked = {kwargs["user"].pk for kwargs in signal_log.of("account_blocked")}
    assert {a.user_id for a in early} <= blocked


def test_a_reviewers_block_triggers_it_and_a_reviewers_approval_is_respected(
    scored_signup, reviewer, django_capture_on_commit_callbacks,
) -> None:
    farm = [scored_signup(conf=ALLOW_ALL, device=FARM_DEVICE, ip=f"203.0.113.{n}") for n in range(1, 5)]
    approve([farm[2]], actor=reviewer, note="I know this one")
    with override_settings(SIGNUPGUARD=ALLOW_ALL), django_capture_on_commit_callbacks(execute=True):
        confirm_block([farm[0]], actor=reviewer)
    assert account_status(farm[1].user) == "review"
    assert account_status(farm[2].user) == "cleared"  # a human decided: not overruled


def test_cluster_shares_come_from_settings() -> None:
    t = {"review_at": 0.5, "block_at": 0.95}
    assert verdict(own=0.1, share=0.3, strong=False, blocked=3, **t) == "review"
    with override_settings(SIGNUPGUARD={"CLUSTER_REVIEW_SHARE": 0.5, "CLUSTER_BLOCK_SHARE": 0.9, "CLUSTER_BLOCK_MIN": 1}):
        assert verdict(own=0.1, share=0.3, strong=False, blocked=3, **t) is None
        assert verdict(own=0.1, share=0.6, strong=True, blocked=3, **t) == "review"
        assert verdict(own=0.1, share=1.0, strong=True, blocked=1, **t) == "blocked"
        assert verdict(own=0.1, share=1.0, strong=False, blocked=1, **t) == "review"


def test_a_block_while_the_broker_is_down_still_reviews_the_cluster(
    scored_signup, reviewer, django_capture_on_commit_callbacks, caplog,
) -> None:
    from tests.plugins.services import DEAD_BROKER_URL, celery_broker

    farm = [scored_signup(conf=ALLOW_ALL, device=FARM_DEVICE, ip=f"203.0.113.{n}") for n in range(1, 5)]
    with override_settings(SIGNUPGUARD=ALLOW_ALL), celery_broker(DEAD_BROKER_URL), \
            django_capture_on_commit_callbacks(execute=True):
        confirm_block([farm[0]], actor=reviewer)
    # Same device as a blocked account, a third of the cluster blocked: held, as with a broker.
    assert [account_status(a.user) for a in farm[1:]] == ["review", "review", "review"]
    assert "reviewing the cluster" in caplog.text


def test_blocking_one_colleague_holds_the_other_for_review_but_does_not_block_them(
    scored_signup, reviewer, django_capture_on_commit_callbacks,
) -> None:
    """Two signups from one company domain, nothing else shared: a cluster of two, linked weakly."""
    alice = scored_signup(conf=ALLOW_ALL, email="alice@example-corp.com", ip="198.51.100.7",
                          device={"fingerprint": "fp-alice", "timezone": "Europe/London"})
    bob = scored_signup(conf=ALLOW_ALL, email="bob@example-corp.com", ip="192.0.2.99",
                        device={"fingerprint": "fp-bob", "timezone": "Europe/London"})
    with override_settings(SIGNUPGUARD=ALLOW_ALL), django_capture_on_commit_callbacks(execute=True):
        confirm_block([alice], actor=reviewer)
    assert account_status(alice.user) == "blocked"
    assert account_status(bob.user) == "review"


def _cluster(django_user_model, statuses: dict[str, tuple[str, str]], links: list[tuple[str, str, str]]):
    """Accounts with (status, source), one cluster, and links (a, b, kind) between them."""
    from signupguard.models import AccountStatus, Cluster, ClusterMember, Link

    users = {name: django_user_model.objects.create_user(username=name) for name in statuses}
    cluster = Cluster.objects.create(size=len(users))
    for name, (status, source) in statuses.items():
        AccountStatus.objects.create(user=users[name], status=status, source=source)
        ClusterMember.objects.create(user=users[name], cluster=cluster)
    for a, b, kind in links:
        Link.objects.create(cluster=cluster, source=users[a], target=users[b], kind=kind, value=f"{a}-{b}")
    return users


def test_its_own_blocks_are_no_evidence_and_start_no_cascade(django_user_model) -> None:
    from signupguard.retroactive import review_linked

    model = ("blocked", "model")
    users = _cluster(
        django_user_model,
        {"f1": model, "f2": model, "f3": model, "x": ("cleared", "model"), "y": ("cleared", "model"),
         "z": ("cleared", "model")},
        # x shares the farm's device; y shares x's mailbox only; z shares a /24 with the farm.
        [("f1", "x", "device"), ("f2", "x", "device"), ("f3", "x", "device"), ("x", "y", "email"),
         ("f1", "z", "ip_prefix")],
    )
    with override_settings(SIGNUPGUARD=PINNED):
        review_linked(users["f1"].pk)
        assert account_status(users["x"]) == "blocked"  # same device as three blocked accounts
        review_linked(users["x"].pk)  # what its block would have started
    # y's only strong link is to x, blocked by this action, not by evidence: a person decides.
    assert account_status(users["y"]) == "review"
    assert account_status(users["z"]) == "review"  # a weak link never blocks
    assert StatusChange.objects.filter(account__user=users["x"]).last().source == "cluster"


def test_exempt_accounts_and_approvals_made_meanwhile_are_left_alone(django_user_model, reviewer) -> None:
    from signupguard import retroactive

    model = ("blocked", "model")
    users = _cluster(
        django_user_model,
        {"f1": model, "f2": model, "f3": model, "staff": ("cleared", "model"), "late": ("review", "model")},
        [("f1", "staff", "device"), ("f1", "late", "device"), ("f2", "late", "device")],
    )
    users["staff"].is_superuser = True  # the default adapter exempts superusers
    users["staff"].save()
    real_thresholds = retroactive.thresholds

    def thresholds_then_approval():  # the reviewer approves "late" after the review read the cluster
        approve([users["late"]], actor=reviewer)
        return real_thresholds()

    with override_settings(SIGNUPGUARD=PINNED):
        retroactive.thresholds, restore = thresholds_then_approval, retroactive.thresholds
        try:
            retroactive.review_linked(users["f1"].pk)
        finally:
            retroactive.thresholds = restore
    from signupguard.models import AccountStatus

    assert AccountStatus.objects.get(user=users["staff"]).status == "cleared"
    assert account_status(users["late"]) == "cleared"


def test_taking_the_blocks_back_releases_what_they_alone_held_and_gives_the_keys_back(
    scored_signup, issue_key, reviewer, django_capture_on_commit_callbacks,
) -> None:
    early = [scored_signup(conf=ALLOW_ALL, device=FARM_DEVICE, ip=f"203.0.113.{n}") for n in range(1, 4)]
    for attempt in early:
        issue_key(attempt.user)
    late = [scored_signup(conf=DENY_ALL, device=FARM_DEVICE, ip=f"203.0.113.{n}") for n in range(50, 53)]
    assert all(account_status(a.user) == "blocked" for a in early)  # the cascade, as above
    assert AccountAPIKey.objects.filter(user__in=[a.user for a in early], revoked=False).count() == 0
    # A reviewer finds the farm was a family after all: the blocks are taken back one by one.
    with override_settings(SIGNUPGUARD=ALLOW_ALL), django_capture_on_commit_callbacks(execute=True):
        undo_block([late[0]], actor=reviewer)
    # Two blocks remain: a household's size, so the shared device holds the early accounts for review.
    assert [account_status(a.user) for a in early] == ["review"] * 3
    assert AccountAPIKey.objects.filter(user__in=[a.user for a in early], revoked=False).count() == 0
    with override_settings(SIGNUPGUARD=ALLOW_ALL), django_capture_on_commit_callbacks(execute=True):
        undo_block([late[1]], actor=reviewer)
        approve([late[2]], actor=reviewer)  # an approval takes a block back too
    # No block left: they return to where the cascade found them, cleared, with the keys it revoked.
    assert [account_status(a.user) for a in early] == ["cleared"] * 3
    assert AccountAPIKey.objects.filter(user__in=[a.user for a in early], revoked=False).count() == 3
    last = StatusChange.objects.filter(account__user=early[0].user).last()
    assert last.source == "cluster" and "taken back" in last.reason and last.to_status == "cleared"


def test_a_release_leaves_accounts_a_person_decided_and_holds_what_was_never_cleared(django_user_model, reviewer) -> None:
    from signupguard import retroactive

    model = ("blocked", "model")
    users = _cluster(
        django_user_model,
        {"f1": model, "f2": model, "f3": model, "a": ("cleared", "model"), "b": ("pending", "system"),
         "c": ("cleared", "model")},
        # Each shares the device with all three blocked accounts (CLUSTER_BLOCK_MIN counts those it shares it with).
        [(f, n, "device") for f in ("f1", "f2", "f3") for n in "abc"],
    )
    with override_settings(SIGNUPGUARD=PINNED):
        retroactive.review_linked(users["f1"].pk)
        assert {account_status(users[n]) for n in "abc"} == {"blocked"}
        confirm_block([users["c"]], actor=reviewer)  # a person agrees with the cascade on c
        from signupguard.models import AccountStatus

        AccountStatus.objects.filter(user__in=[users[n] for n in ("f1", "f2", "f3")]).update(status="review", source="reviewer")
        assert StatusChange.objects.filter(account__user=users["c"]).last().source == "reviewer"
        assert retroactive.release_linked(users["f1"].pk).released == 2  # c is a reviewer's now: only a and b move
        assert account_status(users["c"]) == "blocked"
        # c's confirmed block is evidence: a, in its cluster, is held for a person, no longer blocked.
        assert account_status(users["a"]) == "review" and account_status(users["b"]) == "review"
        undo_block([users["c"]], actor=reviewer)
        assert retroactive.release_linked(users["f1"].pk).released == 1
    assert account_status(users["a"]) == "cleared"  # where the cascade found it
    assert account_status(users["b"]) == "review"  # blocked while pending: never cleared, so a person decides


def test_confirming_a_block_the_cascade_made_counts_it_as_evidence(
    django_user_model, reviewer, django_capture_on_commit_callbacks,
) -> None:
    model = ("blocked", "model")
    users = _cluster(
        django_user_model,
        {"f1": model, "f2": model, "x": ("blocked", "cluster"), "y": ("review", "cluster")},
        [("f1", "y", "device"), ("f2", "y", "device"), ("x", "y", "device")],
    )
    with override_settings(SIGNUPGUARD=PINNED):
        from signupguard.retroactive import review_linked

        review_linked(users["f1"].pk)
        assert account_status(users["y"]) == "review"  # two blocks: a household's size
        with django_capture_on_commit_callbacks(execute=True):
            confirm_block([users["x"]], actor=reviewer)  # a person: the cascade was right about x
    assert StatusChange.objects.filter(account__user=users["x"]).last().source == "reviewer"
    assert account_status(users["y"]) == "blocked"  # three blocks now, one a person's, on y's device


@pytest.mark.parametrize("verified", [False, True])
def test_a_mailbox_blocks_only_where_both_accounts_verified_it(django_user_model, verified) -> None:
    # Three scripted signups with a victim's address variants, blocked: an unverified
    # address is whoever typed it, so the victim is held for a person, not blocked (found in an audit).
    from allauth.account.models import EmailAddress

    from signupguard.retroactive import review_linked

    model = ("blocked", "model")
    users = _cluster(
        django_user_model,
        {"f1": model, "f2": model, "f3": model, "victim": ("cleared", "model")},
        [("f1", "victim", "email"), ("f2", "victim", "email"), ("f3", "victim", "email")],
    )
    for name, user in users.items():
        user.email = f"jane.doe+{name}@gmail.com"
        user.save()
        if verified:
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    with override_settings(SIGNUPGUARD=PINNED):
        review_linked(users["f1"].pk)
    assert account_status(users["victim"]) == ("blocked" if verified else "review")


def test_a_mailbox_clusters_evidence_asks_for_verified_addresses_once(django_user_model, django_assert_max_num_queries) -> None:
    # It asked per account, two queries each: 4,000 for a cluster of 2,000 (found in a review).
    from signupguard.models import ClusterMember
    from signupguard.retroactive import _cluster_evidence

    n = 200
    statuses = {f"a{i}": (("blocked", "model") if i % 2 else ("cleared", "model")) for i in range(n)}
    users = _cluster(django_user_model, statuses, [(f"a{i}", f"a{i + 1}", "email") for i in range(n - 1)])
    cluster_id = ClusterMember.objects.get(user=users["a0"]).cluster_id
    with django_assert_max_num_queries(4):
        evidence = _cluster_evidence(cluster_id)
    assert len(evidence.blocked) == len(evidence.linked) == n // 2 and evidence.strong == set()  # they hold, not block
    with django_assert_max_num_queries(4):
        assert _cluster_evidence(cluster_id, only=users["a0"].pk).linked == {users["a0"].pk}  # linked to a1, blocked


def test_an_unverified_mailbox_shared_with_blocked_accounts_still_holds_for_review(django_user_model) -> None:
    # Treated as a weak link, it held nothing below CLUSTER_REVIEW_SHARE: a farm on its own mailbox kept its keys.
    from signupguard.retroactive import review_linked

    farm = {f"f{i}": (("blocked", "model") if i < 3 else ("cleared", "model")) for i in range(20)}
    users = _cluster(django_user_model, farm, [("f0", f"f{i}", "email") for i in range(1, 20)])
    with override_settings(SIGNUPGUARD=PINNED):
        assert review_linked(users["f0"].pk).reviewed == 17  # 3 of 19 blocked: below the 20% share
    assert {account_status(users[f"f{i}"]) for i in range(3, 20)} == {"review"}


@pytest.mark.parametrize("confirmed_first", [False, True])
def test_undo_after_a_confirmation_returns_the_account_and_its_keys(django_user_model, reviewer, confirmed_first) -> None:
    # The confirmation's audit row (blocked -> blocked) was taken for the block: review, and no keys back.
    from signupguard.contrib.rest_framework_api_key.keys import issue_key
    from signupguard.retroactive import review_linked

    model = ("blocked", "model")
    users = _cluster(django_user_model, {"f1": model, "f2": model, "f3": model, "a": ("cleared", "model")},
                     [("f1", "a", "device"), ("f2", "a", "device"), ("f3", "a", "device")])
    issue_key(users["a"], name="k")
    with override_settings(SIGNUPGUARD=PINNED):
        review_linked(users["f1"].pk)
        assert account_status(users["a"]) == "blocked"
        if confirmed_first:
            confirm_block([users["a"]], actor=reviewer)
        out = undo_block([users["a"]], actor=reviewer)
    assert account_status(users["a"]) == "cleared" and out.keys == 1


def test_a_release_looks_again_after_its_commit(django_user_model, reviewer, django_capture_on_commit_callbacks) -> None:
    # A block committed while a release ran was not in the evidence it had read (found in a review).
    from signupguard import retroactive

    model = ("blocked", "model")
    users = _cluster(django_user_model, {"f1": model, "f2": ("cleared", "model"), "a": ("review", "cluster")},
                     [("f1", "a", "device"), ("f2", "a", "device")])
    real_thresholds = retroactive.thresholds

    def thresholds_then_a_block():  # the model blocks f2 after the release read the cluster
        from signupguard.status import set_status

        retroactive.thresholds = real_thresholds  # once
        with retroactive.left_to_linking():  # a verdict's block: its linking pass reviews the cluster
            set_status(users["f2"], "blocked", source="model", reason="a farm's signup")
        retroactive.review_linked(users["f2"].pk)  # and finds a in review already: nothing to do
        return real_thresholds()

    from signupguard.models import AccountStatus

    held = AccountStatus.objects.get(user=users["a"])
    StatusChange.objects.create(account=held, from_status="cleared", to_status="review", source="cluster", reason="f1")
    AccountStatus.objects.filter(user=users["f1"]).update(status="cleared", source="reviewer")  # f1 approved
    with override_settings(SIGNUPGUARD=PINNED), django_capture_on_commit_callbacks(execute=True):
        retroactive.thresholds = thresholds_then_a_block
        try:
            assert retroactive.release_linked(users["f1"].pk).released == 1
        finally:
            retroactive.thresholds = real_thresholds
    assert account_status(users["a"]) == "review"  # same device as f2, blocked meanwhile

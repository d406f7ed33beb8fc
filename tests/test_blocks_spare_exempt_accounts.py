"""A reviewer's block leaves exempt accounts (superusers, by default) and the reviewer's own account as they are.

An attacker who signs up once with an operator's address on the farm's device
links the operator into the farm's cluster. "Block cluster" then blocked the
operator with the farm: every gate reads an exempt account as cleared, so the
block changed nothing but revoking the operator's API keys, and the console
reported it as one more blocked account. A reviewer swept into the cluster
they block locked themselves out of the console mid-review.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from signupguard import review, review_jobs
from signupguard.adapter import DefaultAdapter
from signupguard.contrib.rest_framework_api_key.models import AccountAPIKey
from signupguard.gate import account_status
from signupguard.models import AccountStatus, Attempt, Cluster, ClusterMember, Label
from tests.plugins.console import ALLOW_ALL, FARM_DEVICE, confirmation_fields

pytestmark = pytest.mark.django_db
CLUSTERS = "/admin/signupguard/cluster/"
ADD = "/admin/signupguard/accountstatus/add/"


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _farm_with(scored_signup: Any, *others: Any) -> Cluster:
    """A farm of three signups on one device, with ``others`` made members of its cluster."""
    farm = [scored_signup(conf=ALLOW_ALL, device=FARM_DEVICE, ip=f"45.77.1.{n}") for n in range(1, 4)]
    cluster = Cluster.objects.get(pk=ClusterMember.objects.get(user=farm[0].user).cluster_id)
    for user in others:
        ClusterMember.objects.create(user=user, cluster=cluster)
    return cluster


def _usable_keys(user: Any) -> int:
    return AccountAPIKey.objects.filter(user=user, revoked=False).count()


def test_block_cluster_leaves_a_superuser_linked_into_the_farm_and_keeps_its_keys(
    scored_signup, django_user_model, reviewer, issue_key,
) -> None:
    boss = django_user_model.objects.create_superuser("boss", "boss@acme-corp.example", "pw-boss-secret")
    issue_key(boss)
    cluster = _farm_with(scored_signup, boss)
    page = _client(reviewer).post(CLUSTERS, {"action": "block_cluster", "_selected_action": [cluster.pk],
                                             "index": "0", "post": "yes"}, follow=True).content.decode()
    assert "3 account(s) blocked" in page
    assert "1 account(s) left as they are: exempt (superusers, by default) or your own." in page
    assert not AccountStatus.objects.filter(user=boss, status="blocked").exists()
    assert _usable_keys(boss) == 1 and account_status(boss) == "cleared"
    assert not Label.objects.filter(attempt__user=boss).exists()  # no fraud label for training either
    members = ClusterMember.objects.filter(cluster=cluster).exclude(user=boss).values_list("user_id", flat=True)
    assert set(AccountStatus.objects.filter(user_id__in=members).values_list("status", flat=True)) == {"blocked"}


def test_a_reviewer_swept_into_the_cluster_they_block_keeps_the_console(scored_signup, reviewer) -> None:
    cluster = _farm_with(scored_signup, reviewer)
    client = _client(reviewer)
    page = client.post(CLUSTERS, {"action": "block_cluster", "_selected_action": [cluster.pk], "index": "0",
                                  "post": "yes"}, follow=True).content.decode()
    assert "3 account(s) blocked" in page and "1 account(s) left as they are" in page
    assert not AccountStatus.objects.filter(user=reviewer, status="blocked").exists()
    assert client.get(CLUSTERS).status_code == 200


def test_confirm_block_of_a_selection_leaves_the_exempt_account_and_says_so(django_user_model, reviewer) -> None:
    boss = django_user_model.objects.create_superuser("boss", "boss@acme-corp.example", "pw-boss-secret")
    farmer = django_user_model.objects.create_user("farmer", "farmer@example.net", "pw-123-secret")
    done = review.confirm_block([boss, farmer, reviewer], actor=reviewer)
    assert (done.accounts, done.exempt) == (1, 2)
    assert list(AccountStatus.objects.filter(status="blocked").values_list("user__username", flat=True)) == ["farmer"]


def test_a_review_job_counts_the_exempt_accounts_it_left(django_user_model, reviewer) -> None:
    boss = django_user_model.objects.create_superuser("boss", "boss@acme-corp.example", "pw-boss-secret")
    tag = uuid.uuid4().hex[:8]
    farm = [django_user_model.objects.create_user(f"farm-{tag}-{n}") for n in range(4)]
    for user in farm:
        Attempt.objects.create(event_id=f"farm-{tag}-{user.pk}", kind="signup", occurred_at=timezone.now(), user=user,
                               account=user.username)
    job = review_jobs.run(review_jobs.queue("confirm_block", [boss.pk, *[u.pk for u in farm]], actor=reviewer).pk,
                          batch=2)
    assert (job.state, job.accounts, job.labelled, job.exempt) == ("done", 4, 4, 1)
    assert not AccountStatus.objects.filter(user=boss).exists()
    page = _client(reviewer).get(f"/admin/signupguard/reviewjob/{job.pk}/change/").content.decode()
    assert "Exempt" in page


def test_the_add_page_refuses_to_block_an_exempt_account_or_the_reviewers_own(django_user_model, reviewer) -> None:
    boss = django_user_model.objects.create_superuser("boss", "boss@acme-corp.example", "pw-boss-secret")
    client = _client(reviewer)
    for account in (boss, reviewer):
        response = client.post(ADD, {"user": str(account.pk), "decision": "block"})
        assert response.status_code == 200  # the form again, with the error
        assert "is exempt from holds (superusers, by default) or is your own" in response.content.decode()
        assert not AccountStatus.objects.filter(user=account).exists()
    approved = client.post(ADD, {"user": str(boss.pk), "decision": "approve"}, follow=True)
    assert AccountStatus.objects.get(user=boss).status == "cleared" and approved.status_code == 200


def test_the_block_cluster_preview_counts_only_the_accounts_it_will_block(
    scored_signup, django_user_model, reviewer, issue_key,
) -> None:
    boss = django_user_model.objects.create_superuser("boss", "boss@acme-corp.example", "pw-boss-secret")
    issue_key(boss)
    cluster = _farm_with(scored_signup, boss, reviewer)
    client = _client(reviewer)
    preview = client.post(CLUSTERS, {"action": "block_cluster", "_selected_action": [cluster.pk], "index": "0"})
    page = " ".join(preview.content.decode().split())
    # Five members: the farm's three are blocked, the superuser and the reviewer are left (and said to be).
    assert "This blocks 3 accounts and revokes 0 API keys." in page  # it said 5 accounts and 1 key
    assert "left as they are: <strong class=\"sg-left-exempt\">2 of these clusters' accounts, not counted above" in page
    assert "<strong>2 of them share no device" not in page  # the two left were counted as weakly linked ones to block
    assert 'value="Yes, block 3 accounts and revoke 0 keys"' in page
    detail = client.get(f"{CLUSTERS}{cluster.pk}/change/").content.decode()
    assert "Block cluster (3 accounts, 0 keys)" in detail
    fields = confirmation_fields(preview)
    done = client.post(CLUSTERS, {**fields, "note": "farm"}, follow=True).content.decode()
    assert "3 account(s) blocked, 0 API key(s) revoked" in done  # what the preview promised


class SparesStaff(DefaultAdapter):
    """A host's exemption the database cannot be asked: here, staff accounts."""

    def is_exempt(self, user: Any) -> bool:
        return bool(user.is_staff)


def test_the_preview_asks_a_hosts_own_exemption_of_each_account(scored_signup, django_user_model, reviewer,
                                                                 settings) -> None:
    staff = django_user_model.objects.create_user("ops", "ops@acme-corp.example", "pw-ops-secret", is_staff=True)
    cluster = _farm_with(scored_signup, staff)
    settings.SIGNUPGUARD = {**ALLOW_ALL, "ADAPTER": "tests.test_blocks_spare_exempt_accounts.SparesStaff"}
    # The reviewer is staff too, but no member; the farm's three are neither.
    preview = review.preview_cluster_block(cluster, actor=reviewer)
    assert (preview.accounts, preview.exempt) == (3, 1)
    assert (review.preview_cluster_block(cluster, actor=staff).accounts) == 3  # their own: left either way

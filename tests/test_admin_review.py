"""The review console: queue, detail, actions with their audit trail, permissions, CSRF, masking, scale."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from signupguard import review
from signupguard.contrib.rest_framework_api_key.models import AccountAPIKey
from signupguard.models import AccountStatus, Attempt, Cluster, ClusterMember, Label, StatusChange
from tests.plugins.console import ALLOW_ALL, DENY_ALL, FARM_DEVICE, REVIEW_ALL

pytestmark = pytest.mark.django_db
QUEUE = reverse("admin:signupguard_attempt_changelist") if False else "/admin/signupguard/attempt/"


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _act(client: Client, action: str, pks, **extra) -> object:
    data = {"action": action, "_selected_action": [str(pk) for pk in pks], "index": "0", **extra}
    return client.post(QUEUE + "?queue=all", data, follow=True)


def test_queue_shows_pending_review_oldest_first_with_count(scored_signup, reviewer) -> None:
    held = [scored_signup(conf=REVIEW_ALL) for _ in range(3)]
    scored_signup(conf=ALLOW_ALL)  # cleared: not in the queue
    response = _client(reviewer).get(QUEUE)
    assert response.status_code == 200
    page = response.content.decode()
    assert "3</strong> items pending review" in page
    rows = list(response.context["cl"].result_list)
    assert [a.pk for a in rows] == [a.pk for a in held]  # oldest first
    response = _client(reviewer).get(QUEUE + "?queue=all&kind__exact=signup&o=-9")  # all signups, by score
    assert response.status_code == 200 and len(response.context["cl"].result_list) == 4


def test_filters_and_search(scored_signup, reviewer) -> None:
    a = scored_signup(conf=REVIEW_ALL, ip="203.0.113.7", email="Ana.Lopez+x@gmail.com")
    scored_signup(conf=REVIEW_ALL, ip="81.2.69.160")
    client = _client(reviewer)
    for query in ("q=203.0.113.7", "q=203.0.113.0/24", "q=analopez@gmail.com", f"q={a.account}",
                  f"q={a.device_fingerprint}", "decision__exact=review&email_domain=gmail.com&q=203.0.113.7",
                  "status=review&q=203.0.113.7"):
        response = client.get(QUEUE + "?queue=all&" + query)
        assert [x.pk for x in response.context["cl"].result_list] == [a.pk], query
    assert client.get(QUEUE + "?queue=all&asn=AS1&country__exact=GB&network_kind__exact=x").status_code == 200


def test_detail_page_explains_the_verdict(scored_signup, reviewer) -> None:
    first = scored_signup(conf=ALLOW_ALL, device=FARM_DEVICE)
    held = scored_signup(conf=REVIEW_ALL, device=FARM_DEVICE)
    page = _client(reviewer).get(reverse("admin:signupguard_attempt_change", args=[held.pk])).content.decode()
    assert held.reasons and held.reasons[0]["text"] in page  # reasons in plain words
    assert "Linked accounts" in page and first.user.get_username() in page and "same device fingerprint" in page
    assert "Velocity at decision time" in page and "Account timeline" in page and "Raw event" in page
    assert "pending → review" in page and "Block cluster" in page


def test_detail_page_says_when_a_recent_chrome_did_not_send_its_reduced_user_agent(scored_signup, reviewer) -> None:
    """DevTools' device mode sends a phone model no Chrome of 113 or later would name: reviewers see it."""
    devtools = ("Mozilla/5.0 (Linux; Android 6.0; Nexus 5 Build/MRA58N) AppleWebKit/537.36 (KHTML, like Gecko) "
                "Chrome/146.0.0.0 Mobile Safari/537.36")
    reduced = devtools.replace("Android 6.0; Nexus 5 Build/MRA58N", "Android 10; K")
    client = _client(reviewer)
    for user_agent, unreduced in ((devtools, True), (reduced, False)):
        attempt = scored_signup(conf=REVIEW_ALL, user_agent=user_agent)
        assert attempt.enrichment["ua"]["unreduced"] is unreduced
        page = client.get(reverse("admin:signupguard_attempt_change", args=[attempt.pk])).content.decode()
        assert f"<th>unreduced</th><td>{unreduced}</td>" in page


def test_detail_page_shows_the_graphics_chip_and_whether_it_fits(scored_signup, reviewer) -> None:
    """An Android User-Agent drawing with Direct3D on an NVIDIA card: a desktop wearing a phone's UA."""
    android = ("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
               "Chrome/146.0.0.0 Mobile Safari/537.36")
    nvidia = "ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002504) Direct3D11 vs_5_0 ps_5_0, D3D11)"
    attempt = scored_signup(conf=REVIEW_ALL, user_agent=android, device={"fingerprint": "fp-gpu", "webgl_renderer": nvidia})
    device = attempt.enrichment["device"]
    assert (device["gpu"], device["gpu_kind"], device["gpu_mismatch"]) == (nvidia, "desktop", True)
    page = _client(reviewer).get(reverse("admin:signupguard_attempt_change", args=[attempt.pk])).content.decode()
    assert "<th>gpu kind</th><td>desktop</td>" in page and "<th>gpu mismatch</th><td>True</td>" in page


def test_approve_writes_audit_label_and_signal(scored_signup, reviewer, signal_log) -> None:
    held = scored_signup(conf=REVIEW_ALL)
    response = _act(_client(reviewer), "approve", [held.pk], note="known customer")
    assert "Approved 1 account" in response.content.decode()
    change = StatusChange.objects.filter(account__user=held.user).last()
    assert (change.from_status, change.to_status, change.source, change.actor, change.note) == \
        ("review", "cleared", "reviewer", reviewer, "known customer")
    assert Label.objects.get(attempt=held).label == "legit"
    assert signal_log.of("account_cleared")[-1]["actor"] == reviewer


def test_approving_an_account_a_verdict_cleared_is_audited_as_the_reviewers(scored_signup, reviewer, signal_log) -> None:
    """As a confirmed block: the verdict becomes the reviewer's, with an audit row, but no status moves and no signal."""
    allowed = scored_signup(conf=ALLOW_ALL)
    row = AccountStatus.objects.get(user=allowed.user)
    assert (row.status, row.source) == ("cleared", "rule")  # the policy's allow rule, an automatic verdict
    changes = StatusChange.objects.filter(account=row).count()
    cleared = len(signal_log.of("account_cleared"))
    response = _act(_client(reviewer), "approve", [allowed.pk], note="called them")
    assert "Approved 0 account(s); labelled legitimate." in response.content.decode()
    row.refresh_from_db()
    assert (row.status, row.source) == ("cleared", "reviewer")
    change = StatusChange.objects.filter(account=row).order_by("pk").last()
    assert (change.from_status, change.to_status, change.source, change.actor, change.note) == \
        ("cleared", "cleared", "reviewer", reviewer, "called them")
    assert StatusChange.objects.filter(account=row).count() == changes + 1
    assert len(signal_log.of("account_cleared")) == cleared
    assert Label.objects.get(attempt=allowed).label == "legit"
    _act(_client(reviewer), "approve", [allowed.pk])  # the reviewer's already: nothing more to audit
    assert StatusChange.objects.filter(account=row).count() == changes + 1


def test_confirm_block_then_undo_restores_keys(scored_signup, reviewer, issue_key) -> None:
    attempt = scored_signup(conf=ALLOW_ALL)
    issue_key(attempt.user)
    client = _client(reviewer)
    response = _act(client, "confirm_block", [attempt.pk], note="stolen card")
    assert "Blocked 1 account(s) and revoked 1 API key(s)" in response.content.decode()
    assert AccountStatus.objects.get(user=attempt.user).status == "blocked"
    assert not AccountAPIKey.objects.get_usable_keys().filter(user=attempt.user).exists()
    assert Label.objects.get(attempt=attempt).label == "fraud"
    response = _act(client, "undo_block", [attempt.pk], note="false alarm")
    assert "Unblocked 1 account(s); 1 API key(s) restored" in response.content.decode()
    assert AccountStatus.objects.get(user=attempt.user).status == "cleared"
    assert AccountAPIKey.objects.get_usable_keys().filter(user=attempt.user).count() == 1
    assert not Label.objects.filter(attempt=attempt).exists()
    trail = list(StatusChange.objects.filter(account__user=attempt.user).values_list("to_status", "actor", "note"))
    assert trail[-2:] == [("blocked", reviewer.pk, "stolen card"), ("cleared", reviewer.pk, "false alarm")]


def test_block_cluster_confirms_with_counts_then_blocks_and_revokes(scored_signup, reviewer, issue_key) -> None:
    farm = [scored_signup(conf=ALLOW_ALL, device=FARM_DEVICE) for _ in range(4)]
    for attempt in farm[:3]:
        issue_key(attempt.user)
    bystander = scored_signup(conf=ALLOW_ALL, ip="198.51.100.9", email="someone.else@gmail.com")
    client = _client(reviewer)
    confirm = client.post(QUEUE + "?queue=all", {"action": "block_cluster", "_selected_action": [farm[0].pk], "index": "0"})
    page = confirm.content.decode()
    assert confirm.status_code == 200 and "This blocks 4 accounts and revokes 3 API keys" in page
    assert AccountStatus.objects.get(user=farm[0].user).status == "cleared"  # nothing happened yet
    response = client.post(QUEUE + "?queue=all", {"action": "block_cluster", "_selected_action": [farm[0].pk],
                                                   "index": "0", "post": "yes", "note": "one device, four accounts"},
                           follow=True)
    assert "4 account(s) blocked, 3 API key(s) revoked" in response.content.decode()
    for attempt in farm:
        change = StatusChange.objects.filter(account__user=attempt.user).last()
        assert (change.to_status, change.actor, change.note) == ("blocked", reviewer, "one device, four accounts")
        assert Label.objects.get(attempt=attempt).label == "fraud"
    assert AccountAPIKey.objects.get_usable_keys().count() == 0
    assert AccountStatus.objects.get(user=bystander.user).status == "cleared"
    cluster = Cluster.objects.get(members__user=farm[0].user)
    assert cluster.status == "closed" and cluster.blocked_count == 4 and cluster.blocked_share == 1.0


def test_staff_without_review_permission_can_view_but_not_act(scored_signup, viewer) -> None:
    held = scored_signup(conf=REVIEW_ALL)
    client = _client(viewer)
    assert client.get(QUEUE).status_code == 200
    assert client.get(reverse("admin:signupguard_attempt_change", args=[held.pk])).status_code == 200
    assert "Approve" not in client.get(QUEUE).content.decode()
    for action in ("approve", "confirm_block", "block_cluster", "undo_block"):
        _act(client, action, [held.pk], post="yes")
    assert AccountStatus.objects.get(user=held.user).status == "review"
    assert not StatusChange.objects.filter(source="reviewer").exists()
    assert client.get(reverse("admin:signupguard_cluster_changelist")).status_code == 200


def test_actions_need_post_and_csrf(scored_signup, reviewer) -> None:
    held = scored_signup(conf=REVIEW_ALL)
    client = Client(enforce_csrf_checks=True)
    client.force_login(reviewer)
    response = client.post(QUEUE + "?queue=all", {"action": "approve", "_selected_action": [held.pk], "index": "0"})
    assert response.status_code == 403
    client.get(QUEUE + f"?queue=all&action=approve&_selected_action={held.pk}&index=0")
    assert AccountStatus.objects.get(user=held.user).status == "review"


def test_list_pages_mask_personal_data(scored_signup, reviewer) -> None:
    scored_signup(conf=REVIEW_ALL, ip="203.0.113.77", email="secret.person@example.com")
    with override_settings(SIGNUPGUARD={**REVIEW_ALL, "MASK_PERSONAL_DATA": True}):
        page = _client(reviewer).get(QUEUE).content.decode()
    assert "secret.person" not in page and "203.0.113.77" not in page
    assert "@example.com" in page and "203.0.113.0/24" in page


def test_blocked_decision_by_model_is_in_the_account_list(scored_signup, reviewer) -> None:
    scored_signup(conf=DENY_ALL)
    client = _client(reviewer)
    assert client.get(reverse("admin:signupguard_accountstatus_changelist")).status_code == 302
    response = client.get(reverse("admin:signupguard_accountstatus_changelist") + "?status__exact=blocked")
    assert len(response.context["cl"].result_list) == 1


def _bulk(n: int, users, start: int) -> None:
    base = dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc)
    Attempt.objects.bulk_create([
        Attempt(event_id=f"bulk-{start + i}", kind="signup", occurred_at=base, user=users[i % len(users)],
                account=str(i), ip=f"10.0.{i % 250}.{i % 200}", email=f"p{i}@example.com", email_domain="example.com",
                asn=64500 + i % 7, country="GB", network_kind="residential", score=(i % 100) / 100,
                decision=("allow", "review", "block")[i % 3], model_version="sg-test", state="scored",
                created_at=base + dt.timedelta(seconds=start + i))
        for i in range(n)
    ], batch_size=500)


@pytest.mark.parametrize("queue", ["pending", "all"])
def test_changelist_query_count_does_not_grow_with_rows(django_user_model, reviewer, django_assert_max_num_queries, queue) -> None:
    users = [django_user_model.objects.create_user(username=f"bulk{i}") for i in range(60)]
    cluster = Cluster.objects.create(size=60)
    ClusterMember.objects.bulk_create([ClusterMember(user=u, cluster=cluster) for u in users])
    AccountStatus.objects.bulk_create([AccountStatus(user=u, status="review") for u in users])
    client = _client(reviewer)
    url = QUEUE + f"?queue={queue}"
    _bulk(100, users, 0)
    AccountStatus.objects.filter(user=users[0]).update(attempt=Attempt.objects.get(event_id="bulk-0"))
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    _bulk(2000, users, 100)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == (1 if queue == "pending" else 50)


def test_the_queue_reads_no_json_column(django_user_model, reviewer) -> None:
    """A page of the queue does not read the raw events a farm can fill up to their caps."""
    users = [django_user_model.objects.create_user(username=f"lean{i}") for i in range(3)]
    _bulk(5, users, 0)
    client = _client(reviewer)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(QUEUE + "?queue=all")
    assert response.status_code == 200 and len(response.context["cl"].result_list) >= 5
    listing = [q["sql"] for q in queries.captured_queries if '"signupguard_attempt"."event_id"' in q["sql"]]
    assert listing and not any(f'"signupguard_attempt"."{column}"' in sql
                               for sql in listing for column in ("raw", "enrichment", "velocity", "reasons"))


def test_block_cluster_confirmation_counts_the_accounts_linked_only_weakly(scored_signup, reviewer) -> None:
    # A neighbour on the farm's /24 within the hour, with a device and a mailbox of its own, is in the farm's
    # cluster by the network alone: the confirmation says so before the reviewer blocks it with the farm.
    farm = [scored_signup(conf=ALLOW_ALL, device=FARM_DEVICE, ip=f"81.2.69.{n}") for n in (160, 161, 162)]
    neighbour = scored_signup(conf=ALLOW_ALL, ip="81.2.69.170", device={"fingerprint": "fp-neighbour-laptop"},
                              email="a.neighbour@gmail.com")
    cluster = Cluster.objects.get(members__user=farm[0].user)
    assert Cluster.objects.get(members__user=neighbour.user) == cluster
    confirm = _client(reviewer).post(QUEUE + "?queue=all", {"action": "block_cluster", "_selected_action": [farm[0].pk],
                                                            "index": "0"})
    page = confirm.content.decode()
    assert "This blocks 4 accounts" in page
    assert '<td class="sg-weakly-linked">1</td>' in page and "1 of them share no device with the rest of their" in page
    review.confirm_block([neighbour.user], actor=reviewer)  # already blocked: not counted again
    page = _client(reviewer).post(QUEUE + "?queue=all", {"action": "block_cluster", "_selected_action": [farm[0].pk],
                                                         "index": "0"}).content.decode()
    assert '<td class="sg-weakly-linked">0</td>' in page and "share no device with the rest" not in page


def test_block_cluster_confirmation_counts_the_accounts_a_reviewer_approved(scored_signup, reviewer,
                                                                             django_user_model) -> None:
    # A reviewer approved one of a farm's accounts; another blocking the farm's cluster overrides that decision,
    # and the confirmation said only how many accounts it blocks (an audit's operator day).
    farm = [scored_signup(conf=ALLOW_ALL, device=FARM_DEVICE, ip=f"81.2.69.{n}") for n in (160, 161, 162)]
    colleague = django_user_model.objects.create_user("colleague", is_staff=True)
    review.approve([farm[1].user], actor=colleague, note="a customer we know")

    def confirmation() -> str:
        return _client(reviewer).post(QUEUE + "?queue=all", {"action": "block_cluster",
                                                             "_selected_action": [farm[0].pk], "index": "0"}).content.decode()

    page = confirmation()
    assert "This blocks 3 accounts" in page and '<td class="sg-approved">1</td>' in page
    assert "1 of them a reviewer approved</strong>" in page and "blocking the cluster overrides those decisions" in page
    review.confirm_block([farm[1].user], actor=reviewer)  # blocked since: no approval left to override
    page = confirmation()
    assert '<td class="sg-approved">0</td>' in page and "a reviewer approved" not in page


def test_queue_shows_the_longest_held_first(scored_signup, reviewer, django_user_model) -> None:
    # An account put in review today by an abuse report, on a signup of last month, waits behind one held
    # yesterday. The queue is read in the order accounts went into review: PostgreSQL then walks the
    # (status, updated_at) index and stops at the page, where sorting by the attempts' time read most of
    # the attempts table once the held ones were recent (0.56 s at 200,000 attempts, growing with it).
    from signupguard.abuse import report_abuse

    early = scored_signup(conf=ALLOW_ALL)
    held = scored_signup(conf=REVIEW_ALL)
    report_abuse(early.user, reporter=django_user_model.objects.create_user("gateway"), reason="spam")
    rows = list(_client(reviewer).get(QUEUE).context["cl"].result_list)
    assert [a.pk for a in rows] == [held.pk, early.pk]


def test_block_cluster_confirmation_counts_a_customer_whose_address_a_farm_typed(scored_signup, reviewer) -> None:
    # One farm signup with a customer's address links the customer into the farm's cluster by "same mailbox";
    # nobody on the farm proved that mailbox, so it is as weak as a shared network (the retroactive action would
    # not block on it), and the confirmation counts the customer among the weakly linked.
    customer = scored_signup(conf=ALLOW_ALL, ip="198.51.100.7", device={"fingerprint": "fp-customer-phone"},
                             email="dana.customer@gmail.com")
    farm = [scored_signup(conf=ALLOW_ALL, device=FARM_DEVICE, ip=f"45.77.9.{n}",
                          email="dana.customer@gmail.com" if n == 1 else None) for n in (1, 2, 3)]
    assert Cluster.objects.get(members__user=customer.user) == Cluster.objects.get(members__user=farm[0].user)
    page = _client(reviewer).post(QUEUE + "?queue=all", {"action": "block_cluster", "_selected_action": [farm[0].pk],
                                                         "index": "0"}).content.decode()
    assert "This blocks 4 accounts" in page and '<td class="sg-weakly-linked">1</td>' in page
    # Both ends proved the mailbox (one person's two accounts): a strong link, not counted.
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=customer.user, email="dana.customer@gmail.com", verified=True, primary=True)
    EmailAddress.objects.create(user=farm[0].user, email="danacustomer+2@gmail.com", verified=True, primary=True)
    page = _client(reviewer).post(QUEUE + "?queue=all", {"action": "block_cluster", "_selected_action": [farm[0].pk],
                                                         "index": "0"}).content.decode()
    assert '<td class="sg-weakly-linked">0</td>' in page

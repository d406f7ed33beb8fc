"""SignupGuard in a portal whose user model is not ``auth.User``.

The model (``accounts.User``): email is the USERNAME_FIELD and there is no
``username`` field, the primary key is a UUID, the manager is the portal's own.
Everything here goes through what a portal would use: its settings, its
migrations, its signup view written as README step 4 shows, allauth, the gate
and the API keys of step 5, the admin console, the management commands.

Not collected by the main run (pytest collects ``test_*.py``): a process has one
``AUTH_USER_MODEL``, so ``tests/test_custom_user_model.py`` runs this file in a
subprocess with ``--ds tests.custom_user.settings``.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import uuid
from pathlib import Path
from typing import Any, Callable, Iterable

import pytest
from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import checks as system_checks
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.test import Client, RequestFactory, override_settings
from django.utils import timezone

from signupguard import review
from signupguard.collector import DEVICE_FIELD
from signupguard.context import parse_event
from signupguard.contrib.allauth.adapter import SignupGuardAccountAdapterMixin
from signupguard.contrib.rest_framework_api_key.models import AccountAPIKey
from signupguard.gate import account_status, is_cleared
from signupguard.models import AccountStatus, Attempt, Cluster, Label, StatusChange, VelocityMember
from signupguard.recording import record_signup
from signupguard.retention import erase_account
from tests.plugins.console import ALLOW_ALL, FARM_DEVICE, REVIEW_ALL
from tests.plugins.events import farm_event, make_event
from tests.plugins.integration import BROWSER_META
from tests.plugins.rest_auth import validated_registration

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_engine")]

User = get_user_model()
PASSWORD = "A-long-pass-123"
QUEUE = "/admin/signupguard/attempt/"
ACCOUNTS = "/admin/signupguard/accountstatus/"
CLUSTERS = "/admin/signupguard/cluster/"
REVIEW_PERMISSIONS = ["view_attempt", "view_accountstatus", "view_cluster", "review_account"]
Capture = Callable[..., Any]  # pytest-django's django_capture_on_commit_callbacks


# --- helpers ---------------------------------------------------------------------------------------


def sign_up(capture: Capture, email: str, *, conf: dict = ALLOW_ALL, ip: str = "81.2.69.160",
            device: dict | None = None, run_commit_hooks: bool = True) -> tuple[Any, Client]:
    """POST the portal's own signup form (README step 4) and return the new user and its logged-in client.

    The test's transaction never commits, so the commit hooks that publish the
    eager scoring task run when ``capture`` exits, after the response.
    """
    client = Client()
    data = {"email": email, "password1": PASSWORD, "password2": PASSWORD,
            DEVICE_FIELD: json.dumps(device or {"fingerprint": f"fp-{email}", "timezone": "Europe/London"})}
    with override_settings(SIGNUPGUARD=conf), capture(execute=run_commit_hooks):
        response = client.post("/signup/", data, REMOTE_ADDR=ip, **BROWSER_META)
    assert response.status_code == 302, response.content.decode()[:3000]
    return User.objects.get(email=email), client


def staff(email: str, *, permissions: Iterable[str] = (), superuser: bool = False) -> Any:
    """A staff member made through the portal's own manager (``create_user`` / ``create_superuser``)."""
    if superuser:
        return User.objects.create_superuser(email=email, password=PASSWORD)
    user = User.objects.create_user(email=email, password=PASSWORD, is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="signupguard", codename__in=permissions))
    return user


def logged_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def act(client: Client, changelist: str, action: str, pks: Iterable[Any], **extra: str) -> str:
    """Run an admin action on the selected rows of a changelist; the page it lands on."""
    data = {"action": action, "_selected_action": [str(pk) for pk in pks], "index": "0", **extra}
    response = client.post(changelist + "?queue=all" if changelist == QUEUE else changelist, data, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def listed(client: Client, url: str, **query: str) -> list[Any]:
    """The rows a changelist shows for ``query``."""
    response = client.get(url, query)
    assert response.status_code == 200, response.content.decode()[:3000]
    return list(response.context["cl"].result_list)


def create_key(client: Client) -> Any:
    return client.post("/api/keys/", {"name": "ci"}, content_type="application/json")


def signup_of(user: Any) -> Attempt:
    return Attempt.objects.get(user=user, kind=Attempt.Kind.SIGNUP)


# --- the host itself -----------------------------------------------------------------------------


def test_the_host_really_has_the_custom_user_model() -> None:
    """Guards the rest: a settings mix-up would otherwise test auth.User again."""
    assert User._meta.label == "accounts.User" and User.USERNAME_FIELD == "email"
    assert "username" not in {f.name for f in User._meta.get_fields()}
    assert isinstance(User._meta.pk.default(), uuid.UUID)
    assert Attempt._meta.get_field("user").target_field is User._meta.pk


def test_manage_py_check_reports_no_error() -> None:
    """``manage.py check`` (with the database checks): no error; of SignupGuard's, only 'no GeoIP database'.

    No W041 in particular: the portal's Celery app is loaded by its package, as README step 3 says.
    """
    call_command("check", "--database", "default", "--fail-level", "ERROR", stdout=io.StringIO(), stderr=io.StringIO())
    messages = system_checks.run_checks(include_deployment_checks=False, databases=["default"])
    assert [m for m in messages if m.is_serious()] == []
    assert {m.id for m in messages if (m.id or "").startswith("signupguard.")} <= {"signupguard.W001"}, messages


def test_migrations_are_applied_and_complete() -> None:
    """Every migration applied (pytest-django migrated the test database), none missing for the swapped user."""
    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []
    call_command("makemigrations", "--check", "--dry-run", stdout=io.StringIO())  # exits 1 on a missing one
    # SignupGuard's user columns have the type of the portal's UUID key (char(32) on SQLite, uuid on PostgreSQL).
    with connection.cursor() as cursor:
        columns = {table: {c.name: c.type_code for c in connection.introspection.get_table_description(cursor, table)}
                   for table in (User._meta.db_table, Attempt._meta.db_table, AccountStatus._meta.db_table)}
    key = columns[User._meta.db_table]["id"]
    assert columns[Attempt._meta.db_table]["user_id"] == key == columns[AccountStatus._meta.db_table]["user_id"]


# --- signup, hold, gate ---------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_signup_through_the_documented_view_is_scored_before_the_response() -> None:
    """With real commits, as in production: the eager task scores in the commit hook, inside the request,
    so ``signup_status(wait_for_verdict(...))`` already has the verdict."""
    page = Client().get("/signup/")
    assert page.status_code == 200 and f'name="{DEVICE_FIELD}"' in page.content.decode()  # the collector's fields
    client = Client()
    data = {"email": "ana.lopez@example.org", "password1": PASSWORD, "password2": PASSWORD,
            DEVICE_FIELD: json.dumps({"fingerprint": "fp-ana", "timezone": "Europe/London"})}
    # README step 2's default velocity store (the database), as an installed portal has it.
    with override_settings(SIGNUPGUARD={"ALLOW_IP_RANGES": ALLOW_ALL["ALLOW_IP_RANGES"]}):
        response = client.post("/signup/", data, REMOTE_ADDR="81.2.69.160", **BROWSER_META)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert VelocityMember.objects.exists()  # the account counted per device, address and mailbox
    user = User.objects.get(email="ana.lopez@example.org")
    attempt = signup_of(user)
    assert attempt.state == Attempt.State.SCORED and attempt.decision == Attempt.Decision.ALLOW
    assert attempt.score is not None and attempt.model_version
    assert attempt.account == str(user.pk) and attempt.email == user.email
    # Signing in by email, the username is the address: no username is sent (it would read as one made from it).
    assert "username" not in attempt.raw and attempt.raw["device"]["fingerprint"] == "fp-ana"
    assert client.get("/account/").json() == {"email": user.email, "status": "cleared", "status_after_signup": "cleared"}


@pytest.mark.django_db(transaction=True)
def test_an_account_whose_uuid_key_is_still_a_string_is_recorded() -> None:
    """A portal provisioning accounts from an identity provider sets the key from its id, a UUID string."""
    request = RequestFactory().post("/signup/", REMOTE_ADDR="81.2.69.160", **BROWSER_META)
    provider_id = str(uuid.uuid4())
    with override_settings(SIGNUPGUARD=ALLOW_ALL):
        with transaction.atomic():  # README step 4: the account and its hold commit together
            user = User.objects.create_user(email="sso@example.org", id=provider_id)
            record_signup(request, user)
    user = User.objects.get(pk=provider_id)
    assert signup_of(user).state == Attempt.State.SCORED and account_status(user) == "cleared"


def test_a_new_account_is_held_until_its_verdict_then_gated_by_it(django_capture_on_commit_callbacks: Capture) -> None:
    user, client = sign_up(django_capture_on_commit_callbacks, "held@example.org", conf=REVIEW_ALL,
                           run_commit_hooks=False)
    attempt = signup_of(user)
    assert attempt.state == Attempt.State.PENDING and account_status(user) == "pending"  # captured, not scored
    assert client.get("/dashboard/").status_code == 403
    assert create_key(client).json()["status"] == "pending"
    # Its request died before the task was published: cron's sweep scores it once it is overdue.
    Attempt.objects.filter(pk=attempt.pk).update(created_at=timezone.now() - dt.timedelta(minutes=5))
    with override_settings(SIGNUPGUARD=REVIEW_ALL):
        call_command("signupguard_sweep", stdout=io.StringIO())
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.SCORED and attempt.decision == Attempt.Decision.REVIEW
    assert account_status(user) == "review" and not is_cleared(user)
    response = client.get("/dashboard/", HTTP_ACCEPT="application/json")
    assert response.status_code == 403 and response.json()["status"] == "review"
    response = create_key(client)
    assert response.status_code == 403 and response.json()["status"] == "review"
    assert not AccountAPIKey.objects.filter(user=user).exists()


def test_a_cleared_account_passes_the_gate_and_its_key_works(django_capture_on_commit_callbacks: Capture) -> None:
    user, client = sign_up(django_capture_on_commit_callbacks, "cleared@example.org", conf=ALLOW_ALL)
    assert client.get("/account/").json()["status"] == "cleared"
    assert client.get("/dashboard/").content == b"welcome"
    response = create_key(client)
    assert response.status_code == 201, response.content
    key = response.json()["key"]
    assert AccountAPIKey.objects.get(user=user).user_id == user.pk
    assert Client().get("/api/with-key/", HTTP_AUTHORIZATION=f"Api-Key {key}").json() == {"ok": True}


def test_the_portal_superuser_is_exempt() -> None:
    admin = staff("root@example.org", superuser=True)
    assert is_cleared(admin) and account_status(admin) == "cleared"


def test_allauth_email_only_signup_is_recorded_once(django_capture_on_commit_callbacks: Capture) -> None:
    client = Client()
    data = {"email": "bea@example.org", "password1": PASSWORD, "password2": PASSWORD,
            DEVICE_FIELD: json.dumps({"fingerprint": "fp-bea"})}
    with override_settings(SIGNUPGUARD=ALLOW_ALL), django_capture_on_commit_callbacks(execute=True):
        response = client.post("/allauth/signup/", data, REMOTE_ADDR="89.160.20.112", **BROWSER_META)
    assert response.status_code == 302, response.content.decode()[:3000]
    user = User.objects.get(email="bea@example.org")
    attempts = list(Attempt.objects.filter(user=user))
    assert [a.kind for a in attempts] == ["signup"]  # allauth's automatic login is not a second attempt
    assert attempts[0].account == str(user.pk) and attempts[0].raw["device"] == {"fingerprint": "fp-bea"}
    assert account_status(user) == "cleared"


def test_logins_by_email_are_recorded_against_the_account(django_capture_on_commit_callbacks: Capture) -> None:
    user, _ = sign_up(django_capture_on_commit_callbacks, "cleo@example.org", conf=ALLOW_ALL)
    client = Client()
    with override_settings(SIGNUPGUARD=ALLOW_ALL), django_capture_on_commit_callbacks(execute=True):
        # AuthenticationForm's field is called "username"; it holds the email here.
        failed = client.post("/login/", {"username": user.email, "password": "wrong"}, REMOTE_ADDR="81.2.69.160")
        ok = client.post("/login/", {"username": user.email, "password": PASSWORD}, REMOTE_ADDR="81.2.69.160")
    assert failed.status_code == 200 and ok.status_code == 302
    logins = list(Attempt.objects.filter(kind=Attempt.Kind.LOGIN).order_by("pk"))
    assert [(a.user_id, a.success) for a in logins] == [(user.pk, False), (user.pk, True)]  # resolved by email
    assert all(a.state == Attempt.State.SCORED for a in logins)


class AllauthAdapter(SignupGuardAccountAdapterMixin, DefaultAccountAdapter):
    """README step 4's allauth adapter."""


def block(user: Any) -> None:
    """A reviewer's block, through the console's own code path."""
    reviewer = staff(f"blocker-{uuid.uuid4().hex[:8]}@example.org", permissions=REVIEW_PERMISSIONS)
    review.confirm_block([user], actor=reviewer, note="test")
    assert account_status(user) == "blocked"


def test_allauth_adapter_refuses_a_blocked_email_login(django_capture_on_commit_callbacks: Capture) -> None:
    user, _ = sign_up(django_capture_on_commit_callbacks, "ivy@example.org", conf=ALLOW_ALL)
    block(user)
    client = Client()
    with override_settings(ACCOUNT_ADAPTER=f"{__name__}.AllauthAdapter", SIGNUPGUARD=ALLOW_ALL):
        response = client.post("/allauth/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 403 and b"blocked" in response.content
    assert "_auth_user_id" not in client.session


def test_token_login_by_email_and_blocked_accounts_lose_their_token(
        django_capture_on_commit_callbacks: Capture) -> None:
    """DRF's token view, routed to SignupGuard's: its ``username`` field holds the email here."""
    from rest_framework.authtoken.models import Token

    user, _ = sign_up(django_capture_on_commit_callbacks, "jo@example.org", conf=ALLOW_ALL)
    credentials = {"username": user.email, "password": PASSWORD}
    with override_settings(SIGNUPGUARD=ALLOW_ALL), django_capture_on_commit_callbacks(execute=True):
        response = Client().post("/api/token/", credentials, REMOTE_ADDR="81.2.69.160", **BROWSER_META)
    assert response.status_code == 200, response.content
    assert Token.objects.get(user=user).key == response.json()["token"]
    assert Attempt.objects.filter(user=user, kind=Attempt.Kind.LOGIN, success=True).count() == 1
    block(user)
    assert not Token.objects.filter(user=user).exists()
    with override_settings(SIGNUPGUARD=ALLOW_ALL), django_capture_on_commit_callbacks(execute=True):
        response = Client().post("/api/token/", credentials, REMOTE_ADDR="81.2.69.160", **BROWSER_META)
    assert response.status_code == 403 and response.json()["status"] == "blocked"


def test_dj_rest_auth_register_serializer_without_a_username(
        rf: Any, django_capture_on_commit_callbacks: Capture) -> None:
    """README step 4's mixin in the portal's own serializer.

    dj-rest-auth's serializer declares ``username`` required whenever allauth's
    ``ACCOUNT_SIGNUP_FIELDS`` leaves it out, so an email-only portal drops the field itself.
    """
    pytest.importorskip("requests")  # dj-rest-auth's registration module imports it
    from dj_rest_auth.registration.serializers import RegisterSerializer as Base

    from signupguard.contrib.rest_framework.registration import SignupGuardRegisterMixin

    class RegisterSerializer(SignupGuardRegisterMixin, Base):
        username = None

    body = {"email": "kim@example.org", "password1": PASSWORD, "password2": PASSWORD,
            "device": {"fingerprint": "fp-kim"}, "form": {"fill_ms": 9000}}
    serializer, request = validated_registration(RegisterSerializer, body, rf)
    with override_settings(SIGNUPGUARD=ALLOW_ALL), django_capture_on_commit_callbacks(execute=True):
        user = serializer.save(request)
    attempt = signup_of(user)
    assert attempt.account == str(user.pk) and attempt.raw["device"] == {"fingerprint": "fp-kim"}
    assert account_status(user) == "cleared"


# --- the review console --------------------------------------------------------------------------


def test_console_pages_render_for_a_superuser_and_search_finds_the_email(
        django_capture_on_commit_callbacks: Capture) -> None:
    capture = django_capture_on_commit_callbacks
    first, _ = sign_up(capture, "farm.one@example.org", conf=REVIEW_ALL, device=FARM_DEVICE)
    held, _ = sign_up(capture, "farm.two@example.org", conf=REVIEW_ALL, device=FARM_DEVICE)
    attempt = signup_of(held)
    client = logged_in(staff("root@example.org", superuser=True))

    queue = listed(client, QUEUE)
    assert {a.pk for a in queue} == {signup_of(first).pk, attempt.pk}  # both held for review
    assert [a.pk for a in listed(client, QUEUE, queue="all", q=held.email)] == [attempt.pk]
    assert [a.pk for a in listed(client, QUEUE, queue="all", q=str(held.pk))] == [attempt.pk]  # the account id

    page = client.get(f"{QUEUE}{attempt.pk}/change/")
    assert page.status_code == 200, page.content.decode()[:3000]
    text = page.content.decode()
    assert "Account timeline" in text and "Linked accounts" in text and first.email in text  # linked by device

    assert [s.user_id for s in listed(client, ACCOUNTS, status__exact="review", q=held.email)] == [held.pk]
    status = AccountStatus.objects.get(user=held)
    assert client.get(f"{ACCOUNTS}{status.pk}/change/").status_code == 200

    cluster = Cluster.objects.get(members__user=held)
    assert cluster in listed(client, CLUSTERS)
    page = client.get(f"{CLUSTERS}{cluster.pk}/change/")
    assert page.status_code == 200 and held.email in page.content.decode()
    assert client.get("/admin/signupguard/dashboard/").status_code == 200


def test_list_pages_mask_the_email_that_is_also_the_account_name(django_capture_on_commit_callbacks: Capture) -> None:
    """``get_username()`` is the email here: every list page must still hide the mailbox."""
    capture = django_capture_on_commit_callbacks
    for n in range(2):
        sign_up(capture, f"secret.person{n}@example.org", conf=REVIEW_ALL, device=FARM_DEVICE)
    client = logged_in(staff("root@example.org", superuser=True))
    cluster = Cluster.objects.get()
    with override_settings(SIGNUPGUARD={**REVIEW_ALL, "MASK_PERSONAL_DATA": True}):
        for url in (QUEUE, QUEUE + "?queue=all", ACCOUNTS + "?status__exact=review", CLUSTERS,
                    f"{CLUSTERS}{cluster.pk}/change/"):
            response = client.get(url)
            assert response.status_code == 200 and "secret.person" not in response.content.decode(), url


def test_approve_clears_the_account_and_opens_the_gate(django_capture_on_commit_callbacks: Capture) -> None:
    user, client = sign_up(django_capture_on_commit_callbacks, "dana@example.org", conf=REVIEW_ALL)
    reviewer = staff("reviewer@example.org", permissions=REVIEW_PERMISSIONS)
    page = act(logged_in(reviewer), QUEUE, "approve", [signup_of(user).pk], note="known customer")
    assert "Approved 1 account(s); labelled legitimate." in page
    change = StatusChange.objects.filter(account__user=user).last()
    assert (change.from_status, change.to_status, change.actor_id) == ("review", "cleared", reviewer.pk)
    assert Label.objects.get(attempt__user=user).label == "legit"
    assert client.get("/dashboard/").status_code == 200 and create_key(client).status_code == 201


def test_an_account_made_outside_the_signup_flow_is_decided_from_the_add_page() -> None:
    """The accounts page's add form takes the UUID key the raw-id box holds."""
    user = User.objects.create_user(email="imported@example.org", password=PASSWORD)
    assert account_status(user) == "pending"
    reviewer = logged_in(staff("reviewer@example.org", permissions=REVIEW_PERMISSIONS))
    response = reviewer.post(ACCOUNTS + "add/", {"user": str(user.pk), "decision": "approve"}, follow=True)
    assert "The account “imported@example.org” is now cleared" in response.content.decode()
    assert account_status(user) == "cleared" and AccountStatus.objects.get(user=user).source == "reviewer"


def test_block_revokes_keys_and_undo_restores_them(django_capture_on_commit_callbacks: Capture) -> None:
    user, client = sign_up(django_capture_on_commit_callbacks, "eve@example.org", conf=ALLOW_ALL)
    key = create_key(client).json()["key"]
    reviewer = logged_in(staff("reviewer@example.org", permissions=REVIEW_PERMISSIONS))
    status = AccountStatus.objects.get(user=user)
    with override_settings(SIGNUPGUARD=ALLOW_ALL), django_capture_on_commit_callbacks(execute=True):
        page = act(reviewer, ACCOUNTS, "confirm_block", [status.pk], note="stolen card")  # from the accounts list
    assert "Blocked 1 account(s) and revoked 1 API key(s)" in page
    assert account_status(user) == "blocked" and Label.objects.get(attempt__user=user).label == "fraud"
    assert Client().get("/api/with-key/", HTTP_AUTHORIZATION=f"Api-Key {key}").status_code == 403
    with override_settings(SIGNUPGUARD=ALLOW_ALL), django_capture_on_commit_callbacks(execute=True):
        page = act(reviewer, QUEUE, "undo_block", [signup_of(user).pk], note="false alarm")
    assert "Unblocked 1 account(s); 1 API key(s) restored" in page
    assert account_status(user) == "cleared" and not Label.objects.filter(attempt__user=user).exists()
    assert Client().get("/api/with-key/", HTTP_AUTHORIZATION=f"Api-Key {key}").status_code == 200


def test_blocks_reach_the_cluster_retroactively_and_block_cluster_blocks_the_rest(
        django_capture_on_commit_callbacks: Capture) -> None:
    """The retroactive action, Block cluster and Undo on the clusters page: all work on sets of UUID keys."""
    capture = django_capture_on_commit_callbacks
    farm = [sign_up(capture, f"farm{n}@example.org", conf=ALLOW_ALL, device=FARM_DEVICE)[0] for n in range(5)]
    assert len({Cluster.objects.get(members__user=u).pk for u in farm}) == 1
    reviewer = logged_in(staff("reviewer@example.org", permissions=REVIEW_PERMISSIONS))
    with override_settings(SIGNUPGUARD=ALLOW_ALL), capture(execute=True):
        act(reviewer, QUEUE, "confirm_block", [signup_of(u).pk for u in farm[:3]], note="one device")
    # Three blocked accounts share the device with the other two: CLUSTER_BLOCK_MIN reached, they are blocked too.
    assert [account_status(u) for u in farm] == ["blocked"] * 5
    moved = StatusChange.objects.filter(account__user__in=farm[3:], to_status="blocked").values_list("source", flat=True)
    assert set(moved) == {StatusChange.Source.CLUSTER}
    with override_settings(SIGNUPGUARD=ALLOW_ALL), capture(execute=True):
        act(reviewer, QUEUE, "undo_block", [signup_of(u).pk for u in farm[:3]], note="false alarm")
    # Its evidence taken back, the action lets go of the two it blocked: back to cleared, where it found them.
    assert [account_status(u) for u in farm] == ["cleared"] * 5

    # Another network and a free-mail domain: neither a /24 nor a custom domain joins them to the first farm.
    more = [sign_up(capture, f"more.person{n}@gmail.com", conf=ALLOW_ALL, ip=f"89.160.20.{n + 10}",
                    device={"fingerprint": "fp-shared-2"})[0] for n in range(2)]
    cluster = Cluster.objects.get(members__user=more[0])
    assert set(cluster.members.values_list("user_id", flat=True)) == {u.pk for u in more}
    with override_settings(SIGNUPGUARD=ALLOW_ALL), capture(execute=True):
        confirm = reviewer.post(CLUSTERS, {"action": "block_cluster", "index": "0", "_selected_action": [cluster.pk]})
        assert confirm.status_code == 200, confirm.content.decode()[:3000]
        assert confirm.context["total_accounts"] == 2, confirm.content.decode()
        page = act(reviewer, CLUSTERS, "block_cluster", [cluster.pk], post="yes", note="second farm")
    assert "2 account(s) blocked" in page
    assert [account_status(u) for u in more] == ["blocked", "blocked"]
    cluster.refresh_from_db()
    assert cluster.status == Cluster.Status.CLOSED
    with override_settings(SIGNUPGUARD=ALLOW_ALL), capture(execute=True):
        page = act(reviewer, CLUSTERS, "undo_block", [cluster.pk], note="a family after all")
    assert "Unblocked 2 account(s)" in page and [account_status(u) for u in more] == ["cleared", "cleared"]


def test_abuse_report_api_takes_the_uuid(django_capture_on_commit_callbacks: Capture) -> None:
    """``{"account": <user id>}``: the id is the UUID here."""
    from rest_framework.test import APIClient

    user, _ = sign_up(django_capture_on_commit_callbacks, "fay@example.org", conf=ALLOW_ALL)
    client = APIClient()
    client.force_authenticate(staff("gateway@example.org"))
    response = client.post("/api/abuse-reports/", {"account": str(user.pk), "reason": "spam"}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["account"] == str(user.pk) and response.json()["status"] == "review"
    assert client.post("/api/abuse-reports/", {"account": "not-a-uuid"}, format="json").status_code == 400
    assert Label.objects.get(attempt__user=user).label == "fraud"


# --- retraining, export and erasure ---------------------------------------------------------------


def test_retraining_from_reviewers_labels(tmp_path: Path) -> None:
    """``signupguard_train`` without ``--events``: people's labels, and allowed attempts of UUID accounts that
    matured, except those of accounts held or blocked now (a subquery on the UUID key)."""
    now = timezone.now()
    users = User.objects.bulk_create([User(email=f"bulk{n}@example.org") for n in range(160)])
    attempts = []
    for n, user in enumerate(users):
        raw = farm_event(n) if n % 4 == 0 else make_event(n)
        raw["account"], raw["email"] = str(user.pk), user.email
        raw["occurred_at"] = (now - dt.timedelta(days=30 - n / 8)).isoformat().replace("+00:00", "Z")
        event = parse_event(raw)
        attempts.append(Attempt(event_id=event.event_id, kind=event.kind, occurred_at=event.occurred_at, user=user,
                                account=str(user.pk), ip=event.ip, email=user.email, raw=raw, state="scored",
                                decision="allow"))
    Attempt.objects.bulk_create(attempts)
    AccountStatus.objects.bulk_create([AccountStatus(user=u, status="cleared") for u in users[1::4]])
    AccountStatus.objects.bulk_create([AccountStatus(user=u, status="blocked") for u in users[::4]])
    Label.objects.bulk_create([Label(attempt=a, label="fraud", source="reviewer") for a in attempts[:80:4]])
    out = io.StringIO()
    call_command("signupguard_train", "--out", str(tmp_path / "model"), "--rounds", "10", stdout=out)
    report = out.getvalue()
    # Matured: the 96 legitimate attempts older than 14 days (n <= 127); the 13 unlabelled farm ones are blocked.
    assert "labels: 20 from reviewers and abuse reports, 96 allowed attempts older than 14 days" in report, report
    assert (tmp_path / "model" / "model.txt").exists()


def test_erase_then_export_one_account(django_capture_on_commit_callbacks: Capture, tmp_path: Path) -> None:
    capture = django_capture_on_commit_callbacks
    gone, _ = sign_up(capture, "gina.gone@example.org", conf=ALLOW_ALL)
    kept, _ = sign_up(capture, "hal.kept@example.org", conf=ALLOW_ALL, ip="89.160.20.112")
    with override_settings(SIGNUPGUARD=ALLOW_ALL), capture(execute=True):
        Client().post("/login/", {"username": gone.email, "password": "wrong"}, REMOTE_ADDR="81.2.69.160")
    assert Attempt.objects.filter(user=gone).count() == 2
    assert erase_account(gone) == 2  # the signup and the failed login
    gone_id = str(gone.pk)
    gone.delete()
    call_command("signupguard_export", "--out", str(tmp_path / "all.jsonl"), stdout=io.StringIO())
    exported = (tmp_path / "all.jsonl").read_text()
    assert "gina.gone" not in exported and gone_id not in exported
    assert kept.email in exported and str(kept.pk) in exported

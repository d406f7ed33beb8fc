"""Logins through the same pipeline: shared devices, shared addresses, failed bursts, blocked links."""

from __future__ import annotations

import json

import pytest
from allauth.account.adapter import DefaultAccountAdapter
from django.test import override_settings

from signupguard.adapter import DefaultAdapter
from signupguard.capture import DEVICE_FIELD
from signupguard.contrib.allauth.adapter import SignupGuardAccountAdapterMixin
from signupguard.gate import account_status
from signupguard.models import Attempt, StatusChange
from signupguard.recording import record_login, record_signup
from signupguard.status import set_status

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.urls("tests.urls_integration"),
    pytest.mark.usefixtures("celery_eager", "fresh_engine"),
]

# Every event is allowed by a hard rule, so what holds an account here is the login rules.
BASE = {"VELOCITY_BACKEND": "signupguard.velocity.memory.MemoryVelocityStore", "ALLOW_IP_RANGES": ["0.0.0.0/0"]}


def _device(fingerprint: str) -> dict:
    return {DEVICE_FIELD: json.dumps({"fingerprint": fingerprint, "webdriver": False})}


def _cleared(make_user, signup_request, captured, *, ip="81.2.69.160", fingerprint=None):
    user = make_user()
    with captured(execute=True):
        record_signup(signup_request(ip, data=_device(fingerprint or f"own-{user.username}")), user)
    assert account_status(user) == "cleared"
    return user


def _login(client, captured, user, *, ip="81.2.69.160", fingerprint="fp-x", password="pw-123-secret"):
    data = {"username": user.get_username(), "password": password, **_device(fingerprint)}
    with captured(execute=True):
        return client.post("/login/", data, REMOTE_ADDR=ip)


def test_login_from_a_device_linked_to_blocked_accounts_goes_to_review(
    client, make_user, signup_request, django_capture_on_commit_callbacks, signal_log,
) -> None:
    captured = django_capture_on_commit_callbacks
    with override_settings(SIGNUPGUARD=BASE):
        farm = _cleared(make_user, signup_request, captured, ip="45.77.1.1", fingerprint="fp-farm")
        set_status(farm, "blocked", source="reviewer", reason="farm")
        user = _cleared(make_user, signup_request, captured)
        _login(client, captured, user, fingerprint="fp-home")
        assert account_status(user) == "cleared"  # an unrelated device changes nothing
        response = _login(client, captured, user, fingerprint="fp-farm")
    assert response.status_code == 302  # the login itself succeeds; the account is held
    assert account_status(user) == "review"
    login = Attempt.objects.filter(user=user, kind="login").latest("pk")
    assert login.decision == "review" and login.reasons[0]["feature"] == "linked_blocked_device"
    last = StatusChange.objects.filter(account__user=user).latest("pk")
    assert (last.from_status, last.to_status, last.source) == ("cleared", "review", "rule")
    assert signal_log.of("account_held")[-1]["status"] == "review"


def test_a_blocked_stranger_on_the_same_phone_model_does_not_hold_its_owners(
    client, make_user, signup_request, django_capture_on_commit_callbacks,
) -> None:
    # Owners of one phone model share its bare fingerprint worldwide; a device is the fingerprint with its clock and
    # languages (DeviceInfo.identity), as for the cluster links. Anyone could hold them all with one blocked account.
    captured = django_capture_on_commit_callbacks
    model = "fp-budget-phone-model-a"
    home = {DEVICE_FIELD: json.dumps({"fingerprint": model, "timezone": "Europe/London", "languages": ["en-GB", "en"],
                                      "webdriver": False})}
    abroad = {DEVICE_FIELD: json.dumps({"fingerprint": model, "timezone": "Asia/Shanghai", "languages": ["zh-CN", "zh"],
                                        "webdriver": False})}
    with override_settings(SIGNUPGUARD=BASE):
        owner = make_user()
        with captured(execute=True):
            record_signup(signup_request("81.2.69.160", data=home), owner)
        fraud = make_user()
        with captured(execute=True):
            record_signup(signup_request("45.77.1.1", data=abroad), fraud)
        set_status(fraud, "blocked", source="reviewer", reason="farm")
        with captured(execute=True):
            response = client.post("/login/", {"username": owner.get_username(), "password": "pw-123-secret", **home},
                                   REMOTE_ADDR="81.2.69.160")
        assert response.status_code == 302 and account_status(owner) == "cleared"
        login = Attempt.objects.filter(user=owner, kind="login").latest("pk")
        assert "linked_blocked_device" not in [r["feature"] for r in login.reasons]
        # The blocked account's own device, clock and languages included, still holds whoever logs in on it.
        with captured(execute=True):
            client.post("/login/", {"username": owner.get_username(), "password": "pw-123-secret", **abroad},
                        REMOTE_ADDR="81.2.69.160")
    assert account_status(owner) == "review"
    login = Attempt.objects.filter(user=owner, kind="login").latest("pk")
    assert login.reasons[0]["feature"] == "linked_blocked_device"


def test_device_shared_across_many_accounts(client, make_user, signup_request, django_capture_on_commit_callbacks) -> None:
    captured = django_capture_on_commit_callbacks
    with override_settings(SIGNUPGUARD={**BASE, "LOGIN_MAX_ACCOUNTS_PER_DEVICE": 2}):
        users = [_cleared(make_user, signup_request, captured, ip=f"81.2.69.{i + 10}") for i in range(3)]
        for i, user in enumerate(users):
            _login(client, captured, user, ip=f"89.160.20.{i + 10}", fingerprint="fp-shared")
    assert [account_status(u) for u in users] == ["cleared", "cleared", "review"]
    reasons = Attempt.objects.filter(user=users[2], kind="login").get().reasons
    assert reasons[0]["feature"] == "login_device_accounts" and "3 accounts" in reasons[0]["text"]


def test_address_shared_across_many_accounts(client, make_user, signup_request, django_capture_on_commit_callbacks) -> None:
    captured = django_capture_on_commit_callbacks
    with override_settings(SIGNUPGUARD={**BASE, "LOGIN_MAX_ACCOUNTS_PER_IP": 2}):
        users = [_cleared(make_user, signup_request, captured, ip=f"81.2.69.{i + 10}") for i in range(3)]
        for i, user in enumerate(users):
            _login(client, captured, user, ip="45.77.5.5", fingerprint=f"fp-{i}")
    assert [account_status(u) for u in users] == ["cleared", "cleared", "review"]


def test_failed_login_burst_then_success_goes_to_review(
    client, make_user, signup_request, django_capture_on_commit_callbacks,
) -> None:
    captured = django_capture_on_commit_callbacks
    with override_settings(SIGNUPGUARD={**BASE, "LOGIN_MAX_FAILED_PER_ACCOUNT": 3}):
        user = _cleared(make_user, signup_request, captured)
        for _ in range(3):
            response = _login(client, captured, user, ip="45.77.9.9", password="wrong")
            assert response.status_code == 200  # the form again, as without SignupGuard
        failed = Attempt.objects.filter(kind="login", success=False)
        assert failed.count() == 3 and all(a.user == user and a.account == str(user.pk) for a in failed)
        assert all(a.state == "scored" for a in failed)
        assert account_status(user) == "cleared"  # failures alone never hold the owner
        _login(client, captured, user, ip="45.77.9.9")
    assert account_status(user) == "review"
    login = Attempt.objects.get(kind="login", success=True)
    assert login.velocity["failed"]["failed_account"][1] == 3
    assert any(r["feature"] == "login_failed_burst" for r in login.reasons)


def test_failed_login_to_an_unknown_account_is_recorded(client, django_capture_on_commit_callbacks) -> None:
    with override_settings(SIGNUPGUARD=BASE), django_capture_on_commit_callbacks(execute=True):
        response = client.post("/login/", {"username": "nobody", "password": "x"}, REMOTE_ADDR="45.77.9.9")
    assert response.status_code == 200
    attempt = Attempt.objects.get()
    assert attempt.user is None and attempt.account == "nobody" and attempt.success is False
    assert attempt.state == "scored" and "password" not in json.dumps(attempt.raw)


def test_risky_login_never_clears_or_blocks(make_user, signup_request, django_capture_on_commit_callbacks) -> None:
    captured = django_capture_on_commit_callbacks
    memory = {"VELOCITY_BACKEND": BASE["VELOCITY_BACKEND"]}
    with override_settings(SIGNUPGUARD={**memory, "REVIEW_THRESHOLD": 0.0, "BLOCK_THRESHOLD": 1.0}):
        pending = make_user()
        with captured(execute=False):  # its signup verdict has not arrived yet
            record_signup(signup_request(), pending)
    with override_settings(SIGNUPGUARD={**memory, "DENY_IP_RANGES": ["0.0.0.0/0"]}):
        with captured(execute=True):
            login = record_login(signup_request(), pending, success=True)
    login.refresh_from_db()
    assert login.decision == "block" and account_status(pending) == "review"  # held, not blocked


def test_the_login_after_a_signup_in_the_same_request_is_not_recorded(make_user, signup_request) -> None:
    from django.contrib.auth import login

    user = make_user()
    request = signup_request()
    from django.contrib.sessions.backends.db import SessionStore

    request.session = SessionStore()
    with override_settings(SIGNUPGUARD={**BASE, "SYNC_WAIT": 0}):
        record_signup(request, user)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    assert list(Attempt.objects.values_list("kind", flat=True)) == ["signup"]


def test_failed_logins_from_elsewhere_do_not_hold_the_owners_login_from_home(
    client, make_user, signup_request, django_capture_on_commit_callbacks,
) -> None:
    # Anyone who knows a username can fail its logins (found in an audit: the owner's next login was held).
    captured = django_capture_on_commit_callbacks
    with override_settings(SIGNUPGUARD={**BASE, "LOGIN_MAX_FAILED_PER_ACCOUNT": 3}):
        user = _cleared(make_user, signup_request, captured, ip="81.2.69.160", fingerprint="fp-home")
        for _ in range(3):
            _login(client, captured, user, ip="45.77.9.9", fingerprint="fp-guesser", password="wrong")
        _login(client, captured, user, ip="81.2.69.161", fingerprint="fp-home")  # home network and device
        assert account_status(user) == "cleared"
        # The same burst, then a login from a network and device the account never used: held.
        _login(client, captured, user, ip="89.160.20.112", fingerprint="fp-new")
    assert account_status(user) == "review"
    held = Attempt.objects.filter(kind="login", success=True).latest("pk")
    assert any(r["feature"] == "login_failed_burst" for r in held.reasons)


class AllauthAdapter(SignupGuardAccountAdapterMixin, DefaultAccountAdapter):
    pass


def test_failed_allauth_logins_typed_in_another_case_count_against_the_account(
    client, make_user, signup_request, django_capture_on_commit_callbacks,
) -> None:
    captured = django_capture_on_commit_callbacks
    with override_settings(SIGNUPGUARD={**BASE, "LOGIN_MAX_FAILED_PER_ACCOUNT": 3},
                           ACCOUNT_ADAPTER="tests.test_login_scoring.AllauthAdapter"):
        user = _cleared(make_user, signup_request, captured)
        for _ in range(3):  # allauth tries carol's password for "CAROL": so does an attacker
            with captured(execute=True):
                client.post("/accounts/login/", {"login": user.username.upper(), "password": "wrong"},
                            REMOTE_ADDR="45.77.9.9")
        failed = Attempt.objects.filter(kind="login", success=False)
        assert failed.count() == 3
        assert all(a.user == user and a.account == str(user.pk) for a in failed)  # they were "USER0", no account
        _login(client, captured, user, ip="45.77.9.9")
    assert account_status(user) == "review"
    assert Attempt.objects.get(kind="login", success=True).velocity["failed"]["failed_account"][1] == 3


def test_a_failed_login_names_the_account_as_typed_else_in_lower_case_and_a_shared_address_none(make_user) -> None:
    from signupguard.adapter import get_adapter

    dave, other_dave = make_user("dave"), make_user("Dave")
    from allauth.account.models import EmailAddress

    erin, frank = make_user("erin", email="erin@example.org"), make_user("frank", email="frank@example.org")
    for user, address in ((erin, "Erin@Example.org"), (erin, "shared@example.org"), (frank, "Shared@example.org")):
        EmailAddress.objects.create(user=user, email=address.lower())  # as allauth stores it
    adapter = get_adapter()
    assert adapter.resolve_login_user({"username": "dave"}) == dave  # as typed, first
    assert adapter.resolve_login_user({"username": "Dave"}) == other_dave
    assert adapter.resolve_login_user({"username": "DAVE"}) == dave  # as allauth stores usernames: lower case
    assert adapter.resolve_login_user({"username": "ERIN"}) == erin
    assert adapter.resolve_login_user({"email": "ERIN@example.ORG"}) == erin
    assert adapter.resolve_login_user({"login": "erin@example.org"}) == erin
    assert adapter.resolve_login_user({"email": "shared@example.org"}) is None  # which one? unknown


def test_a_failed_login_by_email_never_reads_an_unindexed_email_column(make_user) -> None:
    # Django's auth.User has no index on email: a lookup there read the whole table in the request,
    # 362 ms at a million users on PostgreSQL, for every failed login a credential-stuffing run typed
    # as an address (found in session 35's failed-login audit).
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from signupguard.adapter import get_adapter

    make_user("gina", email="gina@example.org")  # no allauth EmailAddress: created outside allauth
    with CaptureQueriesContext(connection) as queries:
        assert get_adapter().resolve_login_user({"username": "gina@example.org"}) is None
    user_table = get_user_model()._meta.db_table
    reads = [q["sql"] for q in queries.captured_queries
             if user_table in q["sql"] and '"email"' in q["sql"].partition("WHERE")[2]]
    assert reads == [], reads  # only the username's index and allauth's indexed addresses were asked
    from signupguard.adapter import _indexed

    assert not _indexed(get_user_model(), "email") and _indexed(get_user_model(), "username")


def test_logins_refused_by_allauths_rate_limit_are_recorded_as_failed(
    client, make_user, signup_request, django_capture_on_commit_callbacks,
) -> None:
    from django.core.cache import cache

    captured = django_capture_on_commit_callbacks
    cache.clear()  # allauth counts in the cache
    with override_settings(SIGNUPGUARD=BASE, ACCOUNT_ADAPTER="tests.test_login_scoring.AllauthAdapter",
                           ACCOUNT_RATE_LIMITS={"login_failed": "3/m/ip"}):
        user = _cleared(make_user, signup_request, captured)
        answers = []
        for _ in range(6):
            with captured(execute=True):
                answers.append(client.post("/accounts/login/", {"login": user.username, "password": "wrong"},
                                           REMOTE_ADDR="45.77.9.9"))
    assert b"Too many failed login attempts" in answers[-1].content  # allauth refused the last ones itself
    failed = Attempt.objects.filter(kind="login", success=False)
    assert failed.count() == 6  # it was 3: the refused ones sent no user_login_failed
    assert all(a.user == user and a.ip == "45.77.9.9" for a in failed)
    assert "password" not in json.dumps([a.raw for a in failed])
    assert failed.order_by("-created_at").first().velocity["failed"]["failed_account"][1] >= 5


class CredentialsSeenAdapter(DefaultAdapter):
    """A host's adapter that keeps the identifier it is given: the docstrings promise it cleansed credentials."""

    seen: list = []

    def login_identifier(self, credentials):
        self.seen.append(dict(credentials))
        return super().login_identifier(credentials)


def test_a_login_refused_by_allauths_rate_limit_hands_the_adapter_no_password(
    client, make_user, signup_request, django_capture_on_commit_callbacks,
) -> None:
    """As user_login_failed does (Django cleanses them): a host's hook that logs or keeps them kept the password."""
    from django.core.cache import cache

    captured = django_capture_on_commit_callbacks
    cache.clear()
    CredentialsSeenAdapter.seen.clear()
    with override_settings(SIGNUPGUARD={**BASE, "ADAPTER": "tests.test_login_scoring.CredentialsSeenAdapter"},
                           ACCOUNT_ADAPTER="tests.test_login_scoring.AllauthAdapter",
                           ACCOUNT_RATE_LIMITS={"login_failed": "1/m/ip"}):
        for _ in range(3):
            with captured(execute=True):
                client.post("/accounts/login/", {"login": "nobody-here", "password": "hunter2-secret"},
                            REMOTE_ADDR="45.77.9.9")
    assert len(CredentialsSeenAdapter.seen) == 3  # one refused by Django's authenticate, two by allauth's limit
    assert "hunter2-secret" not in json.dumps(CredentialsSeenAdapter.seen)


def test_a_failed_login_to_an_unknown_username_reads_the_users_by_index_once_each_way(
        make_user, django_assert_num_queries) -> None:
    """Django and allauth name it both USERNAME_FIELD and "username": each lookup ran twice, and the one regardless
    of case (``__iexact``) read the whole user table (PostgreSQL, a million accounts: 490 ms a failed login)."""
    from signupguard.adapter import get_adapter

    make_user("carol")
    with django_assert_num_queries(1) as lowercase:  # already in lower case: one lookup
        assert get_adapter().resolve_login_user({"username": "nobody-here", "password": "********"}) is None
    with django_assert_num_queries(2) as mixed:  # as typed, then in lower case
        assert get_adapter().resolve_login_user({"username": "Nobody-Here", "login": "Nobody-Here"}) is None
    sql = " ".join(q["sql"].upper() for q in lowercase.captured_queries + mixed.captured_queries)
    assert "UPPER(" not in sql and " LIKE " not in sql  # equality on the indexed column, nothing read row by row

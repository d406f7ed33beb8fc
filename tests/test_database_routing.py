"""DATABASE_ROUTERS: SignupGuard's rows are written and read on "default"; other apps may use replicas.

The "replica" alias (tests/settings.py) is its own, empty, database: a read
replica that has not caught up yet.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import override_settings

from signupguard.checks import check_database_routing
from signupguard.models import AccountStatus, Attempt

pytestmark = pytest.mark.usefixtures("celery_eager", "fresh_engine")
MEMORY = {"VELOCITY_BACKEND": "signupguard.velocity.memory.MemoryVelocityStore", "SYNC_WAIT": 0}
OWN = {"signupguard", "signupguard_api_key"}


class ReadsFromReplica:
    """Django's primary/replica router: every read from the replica."""

    def db_for_read(self, model, **hints):
        return "replica"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True


class OwnReadsFromPrimary(ReadsFromReplica):
    """The same, with SignupGuard's reads on the primary, as the check's hint says."""

    def db_for_read(self, model, **hints):
        return "default" if model._meta.app_label in OWN else "replica"


class AccountsFromPrimary(ReadsFromReplica):
    """SignupGuard's reads and the user model's on the primary, other apps' from the replica."""

    def db_for_read(self, model, **hints):
        return "default" if model._meta.app_label in OWN | {"auth"} else "replica"


class KeysElsewhere:
    """A router that sends only the API keys' app to its own database."""

    def db_for_write(self, model, **hints):
        return "risk" if model._meta.app_label == "signupguard_api_key" else None

    db_for_read = db_for_write


def test_reading_signupguards_tables_from_a_replica_is_an_error() -> None:
    # Found in an audit: the scoring task read the attempt it had just claimed from the replica (DoesNotExist:
    # the attempt failed, its account pending for good), and an API key was issued to an account blocked a
    # moment before (the status read after the lock came from the replica, still "cleared").
    with override_settings(DATABASE_ROUTERS=[f"{__name__}.ReadsFromReplica"]):
        messages = check_database_routing()
    assert [m.id for m in messages] == ["signupguard.E046", "signupguard.W044"]
    assert "read SignupGuard's tables from replica" in messages[0].msg and "signupguard_api_key" in messages[0].hint
    with override_settings(DATABASE_ROUTERS=[f"{__name__}.OwnReadsFromPrimary"]):
        assert [m.id for m in check_database_routing()] == ["signupguard.W044"]
    with override_settings(DATABASE_ROUTERS=[f"{__name__}.AccountsFromPrimary"]):
        assert check_database_routing() == []


def test_the_api_keys_app_routed_to_another_database_is_an_error() -> None:
    # Its keys refer to the user, and issuing one locks the account on "default" before the insert.
    with override_settings(DATABASE_ROUTERS=[f"{__name__}.KeysElsewhere"]):
        assert [m.id for m in check_database_routing()] == ["signupguard.E046"]


@pytest.mark.django_db(transaction=True, databases=["default", "replica"])
def test_with_its_own_reads_on_the_primary_signups_are_scored_and_blocked_accounts_get_no_key(
    signup_request: Any, make_user: Any,
) -> None:
    from signupguard.contrib.rest_framework_api_key.keys import issue_key
    from signupguard.gate import NotCleared
    from signupguard.recording import record_signup
    from signupguard.status import set_status

    user, customer = make_user(), make_user()
    with override_settings(SIGNUPGUARD=MEMORY, DATABASE_ROUTERS=[f"{__name__}.OwnReadsFromPrimary"]):
        attempt = record_signup(signup_request(), user)
        set_status(customer, "cleared", source="reviewer")
        set_status(customer, "blocked", source="reviewer")
        with pytest.raises(NotCleared):
            issue_key(customer, name="after the block")
    assert Attempt.objects.get(pk=attempt.pk).state == Attempt.State.SCORED
    assert AccountStatus.objects.get(user=user).status != "pending"


@pytest.mark.django_db(transaction=True, databases=["default", "replica"])
@pytest.mark.parametrize("router", ["OwnReadsFromPrimary", "AccountsFromPrimary"])
def test_a_reviewer_blocks_accounts_the_replica_does_not_have_only_with_users_read_from_the_primary(
    make_user: Any, router: str,
) -> None:
    # What W044 warns of: the block loaded the accounts from the replica, found none, and did nothing.
    from signupguard.review import confirm_block
    from signupguard.status import set_status

    staff = make_user(is_staff=True, is_superuser=True)
    farm = [make_user() for _ in range(3)]
    for user in farm:
        set_status(user, "review", source="model")
    with override_settings(DATABASE_ROUTERS=[f"{__name__}.{router}"]):
        outcome = confirm_block([user.pk for user in farm], actor=staff)
    blocked = AccountStatus.objects.filter(user__in=farm, status="blocked").count()
    assert (outcome.accounts, blocked) == ((0, 0) if router == "OwnReadsFromPrimary" else (3, 3))

"""API keys and tokens around blocks: no credential escapes a block, and an undo restores only what it revoked."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections, transaction

from signupguard.contrib.rest_framework_api_key.keys import issue_key
from signupguard.contrib.rest_framework_api_key.models import AccountAPIKey
from signupguard.gate import NotCleared
from signupguard.review import approve, confirm_block, undo_block
from signupguard.status import BLOCKED, CLEARED, hold_new_account, set_status


def _cleared(user):
    hold_new_account(user, attempt=None)
    set_status(user, CLEARED, source="reviewer", reason="known customer")
    return user


def _while_a_block_commits(user, during) -> None:
    """Block ``user`` in a transaction of another connection and run ``during`` here before it commits.

    The block waits for ``during`` at most a second: a ``during`` that (rightly) waits for its lock then sees it.
    """
    locked, done, errors = threading.Event(), threading.Event(), []

    def block() -> None:
        try:
            with transaction.atomic():
                set_status(user, BLOCKED, source="reviewer", reason="account farm")
                locked.set()
                done.wait(1)  # the request arrives before this block commits
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)
            locked.set()
        finally:
            connections.close_all()

    blocker = threading.Thread(target=block)
    blocker.start()
    assert locked.wait(10)
    try:
        during()
    finally:
        done.set()
        blocker.join(15)
    assert not blocker.is_alive() and errors == []


@pytest.mark.django_db(transaction=True)  # two connections: each sees the other's commits
def test_a_key_requested_while_a_block_lands_is_refused(make_user) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one write transaction at a time; the race is PostgreSQL's")
    user = _cleared(make_user())

    def request_key() -> None:
        with pytest.raises(NotCleared):
            issue_key(user, name="racing")  # waits for the block, then sees it

    _while_a_block_commits(user, request_key)
    assert not AccountAPIKey.objects.filter(user=user, revoked=False).exists()


@pytest.mark.django_db
def test_undo_restores_only_the_keys_its_block_revoked(make_user, reviewer) -> None:
    user = _cleared(make_user())
    first, _ = issue_key(user, name="first")
    confirm_block([user], actor=reviewer)
    approve([user], actor=reviewer)  # approved again: the first key stays revoked, as the block left it
    second, _ = issue_key(user, name="second")
    confirm_block([user], actor=reviewer)
    assert undo_block([user], actor=reviewer).keys == 1
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.revoked and not second.revoked


@pytest.mark.django_db
def test_a_key_name_with_an_unpaired_surrogate_is_stored_readably(make_user) -> None:
    # Valid JSON may spell one ("\\ud800"); no UTF-8 database stores it: the demo's POST /api/keys/ was a 500.
    user = make_user()
    set_status(user, CLEARED, source="reviewer", reason="test")
    row, _ = issue_key(user, name="laptop \ud800\x00")
    row.refresh_from_db()
    assert row.name == "laptop \ufffd"


@pytest.mark.django_db(transaction=True)
def test_a_drf_token_saved_while_a_block_commits_does_not_survive_it(make_user) -> None:
    # A farm script logging in for a token (obtain_auth_token, dj-rest-auth) while its verdict or a reviewer blocks
    # it: the post_save check read the last committed status, and the token authenticated for good.
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one write transaction at a time; the race is PostgreSQL's")
    from rest_framework.authtoken.models import Token

    user = make_user()
    hold_new_account(user, attempt=None)
    set_status(user, "review", source="model", reason="held")
    _while_a_block_commits(user, lambda: Token.objects.get_or_create(user=user))
    assert not Token.objects.filter(user=user).exists()


@pytest.mark.django_db(transaction=True)
def test_a_key_made_while_an_account_without_a_status_row_is_blocked_is_refused(make_user, settings) -> None:
    # An account older than the install (no status row; CLEARED_IF_JOINED_BEFORE clears it) blocked by a reviewer
    # while it makes a key: with no row to lock, the key was committed unrevoked beside the block.
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one write transaction at a time; the race is PostgreSQL's")
    settings.SIGNUPGUARD = {**settings.SIGNUPGUARD, "CLEARED_IF_JOINED_BEFORE": "2999-01-01"}
    user = make_user()

    def make_key() -> None:
        with pytest.raises(NotCleared):
            issue_key(user, name="racing")  # waits for the block, then sees it

    _while_a_block_commits(user, make_key)
    assert not AccountAPIKey.objects.filter(user=user, revoked=False).exists()

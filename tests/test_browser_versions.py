"""A new scoring process starts from the browser versions of the latest scored attempts (``browser_versions``)."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from django.db import DatabaseError, connection
from django.utils import timezone

from signupguard.browser_versions import learn_recent, recent_sightings
from signupguard.engine import get_engine, reset_engine
from signupguard.enrichment.useragent import UserAgentAnalyser
from signupguard.models import Attempt
from tests.plugins.console import ALLOW_ALL

CHROME = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
          "Chrome/{}.0.0.0 Safari/537.36")


def _age(attempt: Attempt) -> int | None:
    return attempt.enrichment["ua"]["version_age"]


@pytest.mark.django_db
def test_a_restarted_worker_judges_an_old_browser_against_the_traffic_before_it(scored_signup) -> None:
    current = [scored_signup(conf=ALLOW_ALL, user_agent=CHROME.format(131)) for _ in range(4)]
    assert [_age(a) for a in current] == [0, 0, 0, 0]
    reset_engine()  # what a new worker process (a deploy, --max-tasks-per-child) starts with
    old = scored_signup(conf=ALLOW_ALL, user_agent=CHROME.format(120))
    assert old.enrichment["ua"]["major"] == 120
    assert _age(old) == 11


@pytest.mark.django_db
def test_with_no_history_the_first_browser_is_its_own_reference(scored_signup) -> None:
    assert _age(scored_signup(conf=ALLOW_ALL, user_agent=CHROME.format(120))) == 0


def _stored(n: int, ua: dict, *, minutes_ago: int = 10) -> list[Attempt]:
    at = timezone.now() - dt.timedelta(minutes=minutes_ago)
    return Attempt.objects.bulk_create(
        Attempt(event_id=f"stored-{minutes_ago}-{i}", kind="signup", occurred_at=at + dt.timedelta(seconds=i),
                enrichment={"ua": ua}) for i in range(n)
    )


@pytest.mark.django_db
def test_automation_and_malformed_rows_are_not_counted() -> None:
    _stored(5, {"family": "Chrome", "major": 140, "is_automation": False, "is_headless": True}, minutes_ago=50)
    _stored(5, {"family": "Chrome", "major": 141, "is_automation": True, "is_headless": False}, minutes_ago=40)
    for minutes, ua in enumerate([{"family": "Chrome", "major": "139"}, {"family": 7, "major": 139},
                                  {"family": "Chrome", "major": True}, {"major": 139}, "not a mapping"]):
        _stored(1, ua, minutes_ago=30 - minutes)
    Attempt.objects.create(event_id="no-ua", kind="signup", occurred_at=timezone.now(), enrichment={})
    sightings = recent_sightings()
    assert sightings == [("Chrome", 140, True)] * 5 + [("Chrome", 141, True)] * 5
    analyser = UserAgentAnalyser(newest={})
    assert learn_recent(analyser) == 10
    assert analyser.newest_ == {}  # automation never sets the reference


@pytest.mark.django_db
def test_only_the_latest_are_read_oldest_first() -> None:
    _stored(3, {"family": "Firefox", "major": 120, "is_automation": False, "is_headless": False}, minutes_ago=90)
    _stored(2, {"family": "Firefox", "major": 128, "is_automation": False, "is_headless": False}, minutes_ago=5)
    _stored(1, {"family": "Firefox", "major": 127, "is_automation": False, "is_headless": False}, minutes_ago=20)
    assert recent_sightings(limit=3) == [("Firefox", 127, False), ("Firefox", 128, False), ("Firefox", 128, False)]
    analyser = UserAgentAnalyser(newest={})
    learn_recent(analyser, limit=3)
    assert analyser.newest_ == {"Firefox": 127}  # 128 has two sightings: a release needs three (promote_after)
    assert analyser.version_age("Firefox", 120, automated=False) == 7


@pytest.mark.django_db
def test_a_database_that_cannot_be_read_leaves_the_process_empty_and_says_so(caplog) -> None:
    _stored(3, {"family": "Chrome", "major": 131, "is_automation": False, "is_headless": False})

    def unreadable(execute, sql, params, many, context):
        if "signupguard_attempt" in sql:
            raise DatabaseError("the attempts table is unreadable")
        return execute(sql, params, many, context)

    reset_engine()
    with connection.execute_wrapper(unreadable), caplog.at_level(logging.WARNING, logger="signupguard"):
        engine = get_engine()
    assert engine.enricher.ua.newest_ == {}
    assert "could not read recent attempts' browser versions (the attempts table is unreadable)" in caplog.text
    reset_engine()
    assert get_engine().enricher.ua.newest_ == {"Chrome": 131}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a lock PostgreSQL gives up waiting for")
@pytest.mark.django_db
def test_a_failed_read_inside_a_hosts_transaction_leaves_that_transaction_usable(django_user_model, caplog) -> None:
    """A migration holding the attempts table: the read fails for real, and the request's transaction goes on."""
    import psycopg

    from django.db import transaction

    conf = connection.settings_dict
    other = psycopg.connect(dbname=conf["NAME"], user=conf["USER"], password=conf["PASSWORD"] or None,
                            host=conf["HOST"] or None, port=conf["PORT"] or None)
    try:
        other.execute("LOCK TABLE signupguard_attempt IN ACCESS EXCLUSIVE MODE")
        with transaction.atomic(), caplog.at_level(logging.WARNING, logger="signupguard"):
            connection.cursor().execute("SET LOCAL lock_timeout = '50ms'")
            assert learn_recent(UserAgentAnalyser(newest={})) == 0
            django_user_model.objects.create_user(username="still-works", password="pw-123-secret")
        assert "could not read recent attempts' browser versions" in caplog.text
        assert django_user_model.objects.filter(username="still-works").exists()
    finally:
        other.rollback()
        other.close()


def test_an_engine_built_without_database_access_starts_empty(caplog) -> None:
    """A host's unit test without the database (pytest-django blocks it) still gets an engine that scores."""
    reset_engine()
    try:
        with caplog.at_level(logging.WARNING, logger="signupguard"):
            engine = get_engine()
        assert engine.enricher.ua.newest_ == {}
        assert "could not read recent attempts' browser versions" in caplog.text
        assert engine.enricher.ua.analyse({"user-agent": CHROME.format(131)}).version_age == 0
    finally:
        reset_engine()

"""One signup per form render: a replayed render token claims no fill time and puts the signup in review."""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core import signing
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from django.test import Client, RequestFactory, override_settings

from signupguard import render_tokens
from signupguard.checks import check_form_token_cache
from signupguard.collector import _SIGNING_SALT, clean_form, fill_ms_from, render_key, sign_render_time
from signupguard.context import parse_event
from signupguard.enrichment.device import analyse_form
from signupguard.enrichment.types import DeviceInfo, EmailInfo, Enrichment, FormInfo, IPInfo, UAInfo
from signupguard.models import AccountStatus, Attempt
from signupguard.policy import BLOCK, HONEYPOT, REPLAYED, REVIEW, RULE_FEATURE, Thresholds, decide
from signupguard.shadow import challenger_decision

MEMORY = {"VELOCITY_BACKEND": "signupguard.velocity.memory.MemoryVelocityStore"}
LOCMEM = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 100_000}}
DUMMY = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
PASSWORD = "a long passphrase 42"
DEAD_REDIS = "redis://127.0.0.1:9/0"  # the discard port: nothing listens there


def _token_of(html: str) -> str:
    return re.search(r'name="sg_ts" value="([^"]+)"', html).group(1)


def _signup_page(client: Client, token: str, username: str, *, password2: str = PASSWORD):
    return client.post("/accounts/signup/", {
        "username": username, "email": f"{username}@example.org", "password1": PASSWORD, "password2": password2,
        "sg_ts": token,
    })


def _signup_event(render: object, event_id: str) -> object:
    form = {"fill_ms": 9000, "signed": True, **({"render": render} if render is not None else {})}
    return parse_event({"event_id": event_id, "kind": "signup", "occurred_at": "2026-12-01T00:00:00Z",
                        "ip": "81.2.69.160", "form": form})


# --- the token and its render --------------------------------------------------------

def test_two_renders_in_one_millisecond_get_two_tokens() -> None:
    now = time.time()
    first, second = sign_render_time(now - 5), sign_render_time(now - 5)
    assert first != second and render_key(first) != render_key(second)
    assert fill_ms_from(first, now=now) == fill_ms_from(second, now=now) == 5000


def test_the_event_names_the_render_of_a_valid_token_only() -> None:
    token = sign_render_time(time.time() - 3)
    form = clean_form({"sg_ts": token})
    assert form["signed"] is True and 3000 <= form["fill_ms"] < 10000
    assert form["render"] == render_key(token) and re.fullmatch(r"[0-9a-f]{24}", form["render"])
    assert clean_form(None, form={"ts": token})["render"] == form["render"]  # a JSON client's form.ts
    # A client cannot name a render itself, nor keep one of a forged or stale token.
    assert "render" not in clean_form(None, form={"fill_ms": 5000, "render": form["render"]})
    assert clean_form({"sg_ts": token[:-1] + ("A" if token[-1] != "A" else "B")}) == {"signed": False}
    with override_settings(SIGNUPGUARD={"FORM_TIMESTAMP_MAX_AGE": 1}):
        assert render_key(sign_render_time(time.time() - 3600)) is None
    assert render_key(None) is None and render_key(12) is None and render_key("x" * 1000) is None


def test_a_token_signed_before_nonces_gives_its_fill_time_and_names_no_render() -> None:
    now = time.time()
    old = signing.TimestampSigner(salt=_SIGNING_SALT).sign(str(int((now - 7) * 1000)))
    assert fill_ms_from(old, now=now) == 7000
    assert render_key(old) is None and "render" not in clean_form({"sg_ts": old})


# --- spending ------------------------------------------------------------------------

def test_a_render_is_spent_once() -> None:
    render = render_key(sign_render_time())
    assert render_tokens.spend(render, "e1") is True
    assert render_tokens.spend(render, "e2") is False
    assert render_tokens.spend(render, "e1") is True  # a retried scoring of the spender
    assert render_tokens.spend(render_key(sign_render_time()), "e3") is True  # another render


def test_only_a_signup_that_names_a_render_spent_by_another_is_marked() -> None:
    render = render_key(sign_render_time())
    first, second = _signup_event(render, "first"), _signup_event(render, "second")
    assert render_tokens.mark_replay(first) is False and first.form["fill_ms"] == 9000
    assert render_tokens.mark_replay(second) is True
    assert second.form == {"signed": True, "render": render, "replayed": True}
    assert render_tokens.mark_replay(second) is False  # marked already
    login = parse_event({"event_id": "login", "kind": "login", "occurred_at": "2026-12-01T00:00:00Z",
                         "ip": "81.2.69.160", "form": {"render": render, "fill_ms": 9000}})
    assert render_tokens.mark_replay(login) is False and login.form["fill_ms"] == 9000
    for odd in (None, "", 12, "r" * 65):  # twice each: a second signup would be marked if these were spent
        render_tokens.mark_replay(_signup_event(odd, "before"))
        event = _signup_event(odd, f"odd {odd!r}")
        assert render_tokens.mark_replay(event) is False and "replayed" not in event.form


def test_nothing_is_spent_without_a_cache() -> None:
    render = render_key(sign_render_time())
    with override_settings(SIGNUPGUARD={"FORM_TOKEN_CACHE": None}):
        assert render_tokens.spend(render, "e1") and render_tokens.spend(render, "e2")


def test_a_redis_cache_lets_exactly_one_of_concurrent_signups_spend_a_render(redis_url: str) -> None:
    cache = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
    with override_settings(CACHES={"default": LOCMEM, "tokens": cache}, SIGNUPGUARD={"FORM_TOKEN_CACHE": "tokens"}):
        render = render_key(sign_render_time())
        start, results = threading.Barrier(8), []

        def spend(event_id: str) -> None:
            start.wait()
            results.append(render_tokens.spend(render, event_id))

        threads = [threading.Thread(target=spend, args=(f"e{i}",)) for i in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(results) == [False] * 7 + [True]
        key = caches["tokens"].make_and_validate_key(render_tokens.KEY_PREFIX + render)
        assert 2 * 86400 - 100 < caches["tokens"]._cache.get_client(key).ttl(key) <= 2 * 86400  # kept_for()


def test_a_cache_that_is_down_never_stops_a_verdict(caplog: pytest.LogCaptureFixture) -> None:
    render = render_key(sign_render_time())
    with override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                               "LOCATION": DEAD_REDIS}}):
        with caplog.at_level(logging.WARNING, logger="signupguard.render_tokens"):
            assert render_tokens.spend(render, "e1") and render_tokens.spend(render, "e2")
        assert "a replay goes unnoticed" in caplog.text
    for alias in ("nowhere", ["default"]):
        caplog.clear()
        with override_settings(SIGNUPGUARD={"FORM_TOKEN_CACHE": alias}):
            with caplog.at_level(logging.WARNING, logger="signupguard.render_tokens"):
                assert render_tokens.spend(render, "e3")
            assert "names no cache in CACHES" in caplog.text


# --- what a replay does to the verdict ----------------------------------------------------

def test_a_replayed_form_reads_as_no_fill_time() -> None:
    assert analyse_form({"fill_ms": 5000, "signed": True, "replayed": True}) == FormInfo(fill_ms=None, replayed=True)
    assert analyse_form({"fill_ms": 5000, "replayed": "yes"}) == FormInfo(fill_ms=5000)


def _enrichment(form: FormInfo) -> Enrichment:
    return Enrichment(IPInfo(), EmailInfo(), UAInfo(), DeviceInfo(), form)


def test_a_replay_raises_an_allow_to_review_and_leaves_the_models_verdicts() -> None:
    thresholds = Thresholds(review=0.5, block=0.9)
    replay = _enrichment(FormInfo(replayed=True))
    allowed = decide(score=0.1, thresholds=thresholds, enrichment=replay)
    assert allowed.decision == REVIEW and allowed.rule == REPLAYED
    assert allowed.reasons[0] == {"feature": RULE_FEATURE, "contribution": 0.0, "text": REPLAYED}
    blocked = decide(score=0.95, thresholds=thresholds, enrichment=replay)
    assert blocked.decision == BLOCK and blocked.rule is None and blocked.reasons[0]["text"] == REPLAYED
    both = decide(score=0.1, thresholds=thresholds, enrichment=_enrichment(FormInfo(honeypot_filled=True, replayed=True)))
    assert both.rule == HONEYPOT
    assert decide(score=0.1, thresholds=thresholds, enrichment=_enrichment(FormInfo())).decision == "allow"


def test_a_challenger_is_raised_by_a_replay_as_the_active_model_was() -> None:
    thresholds = Thresholds(review=0.5, block=0.9)
    reasons = [{"feature": RULE_FEATURE, "contribution": 0.0, "text": REPLAYED}]
    assert challenger_decision(0.1, thresholds, decision=REVIEW, reasons=reasons) == REVIEW
    assert challenger_decision(0.95, thresholds, decision=REVIEW, reasons=reasons) == BLOCK


# --- the portal, end to end -----------------------------------------------------------------

@pytest.mark.urls("config.urls")
@pytest.mark.django_db
def test_a_token_posted_with_a_second_signup_holds_it(django_capture_on_commit_callbacks, tmp_path: Path) -> None:
    token = _token_of(Client().get("/accounts/signup/").content.decode())
    with django_capture_on_commit_callbacks(execute=True):  # eager Celery scores on commit
        assert _signup_page(Client(), token, "bob").status_code == 302
        assert _signup_page(Client(), token, "eve").status_code == 302  # another session, the same render

    first = Attempt.objects.get(user__username="bob", kind="signup")
    assert "replayed" not in first.raw["form"] and first.raw["form"]["fill_ms"] >= 0
    assert first.raw["form"]["render"] == render_key(token)
    second = Attempt.objects.get(user__username="eve", kind="signup")
    assert second.raw["form"] == {"signed": True, "render": render_key(token), "replayed": True}
    assert second.enrichment["form"]["replayed"] is True and second.enrichment["form"]["fill_ms"] is None
    assert second.decision in (REVIEW, BLOCK) and second.reasons[0]["text"] == REPLAYED
    assert AccountStatus.objects.get(user__username="eve").status != AccountStatus.Status.CLEARED

    # The stored event carries the mark: replayed offline, it is decided as live scoring decided it.
    events, scores = tmp_path / "events.jsonl", tmp_path / "scores.jsonl"
    events.write_text(json.dumps(second.raw) + "\n")
    call_command("signupguard_replay", str(events), "--out", str(scores), stdout=None)
    line = json.loads(scores.read_text())
    assert line["decision"] in (REVIEW, BLOCK) and line["decision"] == second.decision


@pytest.mark.urls("config.urls")
@pytest.mark.django_db
def test_a_form_that_failed_validation_keeps_its_token(django_capture_on_commit_callbacks) -> None:
    client = Client()
    token = _token_of(client.get("/accounts/signup/").content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        refused = _signup_page(client, token, "bob", password2="another passphrase")
        assert refused.status_code == 200 and not User.objects.filter(username="bob").exists()
        assert _token_of(refused.content.decode()) == token  # the bound form posts the same render again
        assert _signup_page(client, token, "bob").status_code == 302
    attempt = Attempt.objects.get(user__username="bob", kind="signup")
    assert "replayed" not in attempt.raw["form"] and attempt.raw["form"]["fill_ms"] >= 0


@pytest.mark.urls("config.urls")
@pytest.mark.django_db
def test_logins_do_not_spend_tokens(django_capture_on_commit_callbacks) -> None:
    User.objects.create_user("carol", "carol@example.org", PASSWORD)
    client = Client()
    token = _token_of(client.get("/accounts/login/").content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        for password in ("wrong passphrase", PASSWORD):
            client.post("/accounts/login/", {"username": "carol", "password": password, "sg_ts": token})
    logins = Attempt.objects.filter(kind="login", user__username="carol").order_by("pk")
    assert [a.success for a in logins] == [False, True] and all(a.state == "scored" for a in logins)
    assert all("replayed" not in a.raw["form"] for a in logins)
    assert render_tokens.spend(render_key(token), "a signup")  # still unspent


def _record(token: str, username: str):
    from signupguard.recording import record_signup

    request = RequestFactory().post("/signup/", {"sg_ts": token}, REMOTE_ADDR="81.2.69.160")
    user = User.objects.create_user(username, f"{username}@example.org", PASSWORD)
    return record_signup(request, user, wait=0)


@pytest.mark.django_db(transaction=True)
def test_a_signup_that_rolled_back_leaves_its_token_to_the_retry() -> None:
    token = sign_render_time(time.time() - 20)
    with pytest.raises(RuntimeError), transaction.atomic():
        _record(token, "bob")
        raise RuntimeError("the view failed after recording the signup")
    assert not Attempt.objects.exists()
    with transaction.atomic():
        retry = _record(token, "bob")
    retry.refresh_from_db()
    assert retry.state == "scored" and "replayed" not in retry.raw["form"] and retry.raw["form"]["fill_ms"] >= 20000
    with transaction.atomic():
        replay = _record(token, "eve")
    replay.refresh_from_db()
    assert replay.raw["form"]["replayed"] is True and replay.decision in (REVIEW, BLOCK)


@pytest.mark.django_db(transaction=True)
def test_a_database_cache_that_fails_leaves_the_scoring_transaction_usable(caplog: pytest.LogCaptureFixture) -> None:
    # No cache table: on PostgreSQL its failed statement would abort scoring's transaction.
    missing = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "signupguard_no_such_table"}
    with override_settings(CACHES={"default": LOCMEM, "tokens": missing},
                           SIGNUPGUARD={**MEMORY, "FORM_TOKEN_CACHE": "tokens"}):
        with caplog.at_level(logging.WARNING, logger="signupguard.render_tokens"), transaction.atomic():
            attempt = _record(sign_render_time(), "bob")
        assert "a replay goes unnoticed" in caplog.text
    attempt.refresh_from_db()
    assert attempt.state == "scored" and attempt.raw["form"]["fill_ms"] >= 0


@pytest.mark.django_db(transaction=True)
def test_a_database_cache_notices_replays() -> None:
    table = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "signupguard_test_tokens"}
    with override_settings(CACHES={"default": LOCMEM, "tokens": table},
                           SIGNUPGUARD={**MEMORY, "FORM_TOKEN_CACHE": "tokens"}):
        call_command("createcachetable", "--database", "default")
        token = sign_render_time()
        first, second = _record(token, "bob"), _record(token, "eve")
        first.refresh_from_db()
        second.refresh_from_db()
        assert "replayed" not in first.raw["form"] and second.raw["form"]["replayed"] is True
        caches["tokens"].clear()


# --- checks ---------------------------------------------------------------------------------

REDIS_VELOCITY = {"VELOCITY_BACKEND": "signupguard.velocity.redis.RedisVelocityStore"}


@pytest.mark.parametrize(("caches_setting", "conf", "expected"), [
    ({"default": LOCMEM}, MEMORY, []),
    ({"default": LOCMEM}, {**MEMORY, "FORM_TOKEN_CACHE": None}, []),
    ({"default": DUMMY}, {**MEMORY, "FORM_TOKEN_CACHE": None}, []),
    ({"default": LOCMEM}, {**MEMORY, "FORM_TOKEN_CACHE": "tokens"}, ["signupguard.E048"]),
    ({"default": LOCMEM}, {**MEMORY, "FORM_TOKEN_CACHE": ["default"]}, ["signupguard.E048"]),
    ({"default": LOCMEM}, {"VELOCITY_BACKEND": None}, []),  # E010 says what is wrong with it
    ({"default": DUMMY}, MEMORY, ["signupguard.W043"]),
    ({"default": LOCMEM}, REDIS_VELOCITY, ["signupguard.W043"]),
    # Django's default of 300 entries forgets a busy hour's renders.
    ({"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}, MEMORY, ["signupguard.W043"]),
    ({"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "t",
                  "OPTIONS": {"MAX_ENTRIES": 5000}}}, MEMORY, ["signupguard.W043"]),
    ({"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "t",
                  "OPTIONS": {"MAX_ENTRIES": 50_000}}}, MEMORY, []),
    ({"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": DEAD_REDIS}},
     REDIS_VELOCITY, []),
])
def test_checks_of_the_token_cache(caches_setting: dict, conf: dict, expected: list[str]) -> None:
    with override_settings(CACHES=caches_setting, SIGNUPGUARD=conf):
        assert [m.id for m in check_form_token_cache()] == expected


def test_a_per_process_cache_beside_celery_workers_is_warned_about(monkeypatch: pytest.MonkeyPatch) -> None:
    from celery import _state

    from config.celery import app

    monkeypatch.setattr(_state._tls, "current_app", None)
    monkeypatch.setattr(_state, "default_app", app)
    eager = app.conf.task_always_eager
    try:
        with override_settings(CACHES={"default": LOCMEM}, SIGNUPGUARD=MEMORY):
            app.conf.task_always_eager = True
            assert [m.id for m in check_form_token_cache()] == []  # eager tasks: scored where the signup is
            app.conf.task_always_eager = False
            assert [m.id for m in check_form_token_cache()] == ["signupguard.W043"]  # by the workers
    finally:
        app.conf.task_always_eager = eager


def test_a_spent_render_outlives_its_token_for_replays_scored_late() -> None:
    with override_settings(SIGNUPGUARD={"FORM_TIMESTAMP_MAX_AGE": 86400}):
        assert render_tokens.kept_for() == 2 * 86400
    with override_settings(SIGNUPGUARD={"FORM_TIMESTAMP_MAX_AGE": 60}):
        assert render_tokens.kept_for() == 60 + 3600  # an hour's slack, at least: a queue, the sweep

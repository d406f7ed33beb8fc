"""The demo portal (config/): its JSON API of contract 4 and its pages, with eager Celery."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from signupguard.contrib.rest_framework_api_key.models import AccountAPIKey
from signupguard.models import Attempt
from signupguard.status import set_status

pytestmark = pytest.mark.urls("config.urls")

ROOT = Path(__file__).resolve().parent.parent
STATUSES = {"pending", "cleared", "review", "blocked"}
DEVICE = {
    "fingerprint": "a" * 32, "timezone": "Europe/London", "languages": ["en-GB", "en"],
    "screen": "1920x1080x24", "webdriver": False,
}


@pytest.fixture
def api() -> Client:
    return Client(enforce_csrf_checks=True)


def signup(client: Client, username: str = "ana", **extra) -> object:
    body = {"email": f"{username}@example.org", "username": username, "password": "a long passphrase 42", **extra}
    return client.post("/api/signup/", data=json.dumps(body), content_type="application/json")


def csrf_header(client: Client) -> dict[str, str]:
    return {"HTTP_X_CSRFTOKEN": client.cookies["csrftoken"].value}


# --- JSON API ---------------------------------------------------------------------

@pytest.mark.django_db
def test_csrf_route_sets_the_cookie(api: Client) -> None:
    response = api.get("/api/csrf/")
    assert response.status_code == 200
    assert response.json()["csrftoken"]
    assert "csrftoken" in response.cookies


@pytest.mark.django_db(transaction=True)
def test_signup_creates_logs_in_and_records(api: Client) -> None:
    response = signup(api, device=DEVICE, form={"fill_ms": 12000})
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"account", "status"}
    assert body["account"] == "ana"
    assert body["status"] in STATUSES
    # A session and a CSRF cookie for the next writes.
    assert "sessionid" in response.cookies and "csrftoken" in response.cookies
    user = User.objects.get(username="ana")
    attempt = Attempt.objects.get(user=user, kind="signup")
    assert attempt.raw["device"]["fingerprint"] == DEVICE["fingerprint"]
    assert attempt.raw["device"]["timezone"] == "Europe/London"
    assert attempt.raw["form"]["fill_ms"] == 12000
    assert attempt.raw["email"] == "ana@example.org"
    # Eager Celery: the verdict came back within the request.
    assert attempt.state in {"scored", "failed"}
    assert api.get("/api/account/").json() == {"account": "ana", "status": body["status"]}


@pytest.mark.django_db
def test_signup_needs_no_csrf_token_but_json(api: Client) -> None:
    form_post = api.post("/api/signup/", {"email": "b@example.org", "username": "b", "password": "a long passphrase 42"})
    assert form_post.status_code == 415
    assert not User.objects.filter(username="b").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body, field",
    [
        ({"username": "c", "password": "a long passphrase 42"}, "email"),
        ({"email": "nope", "username": "c", "password": "a long passphrase 42"}, "email"),
        ({"email": "c@example.org", "username": "c c", "password": "a long passphrase 42"}, "username"),
        ({"email": "c@example.org", "username": "c"}, "password"),
    ],
)
def test_signup_rejects_bad_input(api: Client, body: dict, field: str) -> None:
    response = api.post("/api/signup/", data=json.dumps(body), content_type="application/json")
    assert response.status_code == 400
    assert field in response.json()
    assert not Attempt.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("field, nested", [
    ("device", '{"x": ' + "[" * 100_000 + "]" * 100_000 + "}"),
    ("form", '{"a":' * 50_000 + "1" + "}" * 50_000),
], ids=["device", "form"])
def test_signup_answers_400_to_json_nested_too_deeply(api: Client, field: str, nested: str) -> None:
    # Past the recursion limit Python's decoder raises RecursionError, which DRF's JSONParser lets through (500).
    body = '{"email": "ana@example.org", "username": "ana", "password": "a long passphrase 42", "%s": %s}' % (field, nested)
    response = api.post("/api/signup/", data=body, content_type="application/json")
    assert response.status_code == 400
    assert "JSON parse error" in response.json()["detail"]
    assert not User.objects.filter(username="ana").exists()
    assert not Attempt.objects.exists()


@pytest.mark.django_db
def test_signup_rejects_a_taken_username(api: Client) -> None:
    User.objects.create_user("ana", "x@example.org", "pw")
    response = signup(api, "ANA")
    assert response.status_code == 400
    assert "username" in response.json()


@pytest.mark.django_db
def test_account_needs_a_session(api: Client) -> None:
    assert api.get("/api/account/").status_code == 403


@pytest.mark.django_db
def test_keys_refused_while_pending_then_granted_once_cleared(api: Client) -> None:
    # Inside the test transaction the scoring task cannot run: the account stays pending.
    assert signup(api).json()["status"] == "pending"
    # A session-authenticated write without the CSRF header is refused by Django.
    assert api.post("/api/keys/", data="{}", content_type="application/json").status_code == 403
    refused = api.post("/api/keys/", data="{}", content_type="application/json", **csrf_header(api))
    assert refused.status_code == 403
    assert refused.json()["status"] == "pending"
    assert refused.json()["detail"]
    assert not AccountAPIKey.objects.exists()

    user = User.objects.get(username="ana")
    set_status(user, "cleared", source="reviewer", reason="test")
    granted = api.post("/api/keys/", data=json.dumps({"name": "ci"}), content_type="application/json",
                       **csrf_header(api))
    assert granted.status_code == 201
    body = granted.json()
    assert body["key"].startswith(body["prefix"] + ".")
    assert AccountAPIKey.objects.get_from_key(body["key"]).user == user


@pytest.mark.django_db
@pytest.mark.parametrize("status", ["review", "blocked"])
def test_keys_refused_for_held_accounts(api: Client, status: str) -> None:
    signup(api)
    set_status(User.objects.get(username="ana"), status, source="reviewer", reason="test")
    response = api.post("/api/keys/", data="{}", content_type="application/json", **csrf_header(api))
    assert response.status_code == 403
    assert response.json()["status"] == status


# --- pages -------------------------------------------------------------------------

@pytest.mark.django_db
def test_home_and_forms_render_with_the_collector(client: Client) -> None:
    assert client.get("/").status_code == 200
    for url in ("/accounts/signup/", "/accounts/login/"):
        page = client.get(url)
        assert page.status_code == 200
        html = page.content.decode()
        assert "collector" in html and "csrfmiddlewaretoken" in html
        assert "sg_ts" in html  # the signed render timestamp of SignupGuardFormMixin


@pytest.mark.django_db
def test_signup_page_holds_the_account_and_keys_page_refuses(client: Client) -> None:
    page = client.post("/accounts/signup/", {
        "username": "bob", "email": "bob@example.org",
        "password1": "a long passphrase 42", "password2": "a long passphrase 42",
        "sg_device": json.dumps(DEVICE),
    })
    assert page.status_code == 302 and page.url == "/account/"
    user = User.objects.get(username="bob")
    attempt = Attempt.objects.get(user=user, kind="signup")
    assert attempt.raw["device"]["screen"] == "1920x1080x24"
    account = client.get("/account/")
    assert 'data-status="pending"' in account.content.decode()
    refused = client.post("/account/keys/", {"name": "laptop"})
    assert refused.status_code == 403
    assert "being checked" in refused.content.decode()
    set_status(user, "cleared", source="reviewer", reason="test")
    granted = client.post("/account/keys/", {"name": "laptop"})
    assert granted.status_code == 200
    assert 'id="new-key"' in granted.content.decode()
    assert AccountAPIKey.objects.filter(user=user, name="laptop").count() == 1


@pytest.mark.django_db
def test_login_page_records_the_login_and_logout(client: Client) -> None:
    User.objects.create_user("carol", "carol@example.org", "a long passphrase 42")
    page = client.post("/accounts/login/", {"username": "carol", "password": "a long passphrase 42"})
    assert page.status_code == 302
    assert Attempt.objects.filter(kind="login", user__username="carol", success=True).exists()
    assert client.post("/accounts/logout/").status_code == 302
    assert client.get("/account/").status_code == 302  # back to the login page


# --- the project itself --------------------------------------------------------------

def _manage(*args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CELERY_BROKER_URL", "REDIS_URL"}}
    env.update(DJANGO_SETTINGS_MODULE="config.settings", SIGNUPGUARD_VAR_DIR=str(tmp_path))
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_demo_setup_and_check_pass(tmp_path: Path) -> None:
    built = _manage("portal_setup", "--geoip-only", tmp_path=tmp_path)
    assert built.returncode == 0, built.stdout + built.stderr
    assert (tmp_path / "geoip" / "GeoLite2-ASN.mmdb").is_file() and (tmp_path / "geoip" / "GeoLite2-City.mmdb").is_file()
    result = _manage("check", tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_beat_keeps_its_schedule_in_var_not_where_it_was_started(tmp_path: Path) -> None:
    # `celery -A config beat` wrote celerybeat-schedule into its working directory; var/ need not exist yet.
    var, started_in = tmp_path / "var", tmp_path / "cwd"
    started_in.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SIGNUPGUARD_", "DATABASE_URL", "CELERY_", "REDIS_URL"))}
    env.update(DJANGO_SETTINGS_MODULE="config.settings", SIGNUPGUARD_VAR_DIR=str(var), PYTHONPATH=str(ROOT),
               DATABASE_URL=f"sqlite:///{tmp_path / 'portal.sqlite3'}")
    beat = subprocess.Popen([sys.executable, "-m", "celery", "-A", "config", "beat", "--loglevel=INFO"], cwd=started_in,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while (not list(var.glob("celerybeat-schedule*")) and not list(started_in.iterdir())
               and beat.poll() is None and time.monotonic() < deadline):
            time.sleep(0.1)
    finally:
        beat.terminate()
        output = beat.communicate(timeout=30)[0].decode(errors="replace")
    assert list(var.glob("celerybeat-schedule*")), output
    assert not list(started_in.iterdir()), output


def test_no_missing_migrations(tmp_path: Path) -> None:
    result = _manage("makemigrations", "--check", "--dry-run", tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def _portal_settings(env: dict[str, str], tmp_path: Path) -> dict:
    code = (
        "import json, django; from django.conf import settings as s; django.setup();"
        "print(json.dumps({'sg': s.SIGNUPGUARD, 'engine': s.DATABASES['default']['ENGINE'],"
        " 'name': str(s.DATABASES['default']['NAME']), 'eager': s.CELERY_TASK_ALWAYS_EAGER,"
        " 'broker': s.CELERY_BROKER_URL, 'cache': s.CACHES['default']['BACKEND'],"
        " 'cache_options': s.CACHES['default'].get('OPTIONS')}))"
    )
    return json.loads(_portal_python(code, env, tmp_path))


def _portal_python(code: str, env: dict[str, str], tmp_path: Path) -> str:
    """The output of ``code`` run with the portal's settings."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("SIGNUPGUARD_", "DATABASE_URL", "CELERY_", "REDIS_URL"))}
    base.update(DJANGO_SETTINGS_MODULE="config.settings", SIGNUPGUARD_VAR_DIR=str(tmp_path), **env)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=base, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_settings_embedded_default(tmp_path: Path) -> None:
    conf = _portal_settings({}, tmp_path)
    assert conf["engine"].endswith("sqlite3") and conf["name"] == str(tmp_path / "portal.sqlite3")
    assert conf["eager"] is True
    assert conf["sg"]["TRUSTED_PROXIES"] == [] and conf["sg"]["GEOIP_ANONYMOUS"] is None
    assert "VELOCITY_BACKEND" not in conf["sg"]  # the app's default: the database
    assert conf["cache"] == "django.core.cache.backends.locmem.LocMemCache"  # runserver: one process


def test_an_empty_database_url_is_the_embedded_default(tmp_path: Path) -> None:
    # As an env file's "DATABASE_URL=" sets it: it was a KeyError('ENGINE') at import (found in an audit).
    conf = _portal_settings({"DATABASE_URL": " "}, tmp_path)
    assert conf["engine"].endswith("sqlite3") and conf["name"] == str(tmp_path / "portal.sqlite3")


def test_settings_parse_json_with_signupguards_parser(tmp_path: Path) -> None:
    # SignupGuard's own views (API keys, abuse reports) take the portal's default parsers.
    code = (
        "import django; django.setup();"
        "from signupguard.contrib.rest_framework_api_key.views import APIKeyCreateView as V;"
        "print(*[f'{p.__module__}.{p.__qualname__}' for p in V.parser_classes])"
    )
    assert _portal_python(code, {}, tmp_path).split() == ["signupguard.contrib.rest_framework.parsers.JSONParser"]


def test_settings_from_the_environment(tmp_path: Path) -> None:
    conf = _portal_settings({
        "SIGNUPGUARD_GEOIP_ASN": "/geo/asn.mmdb", "SIGNUPGUARD_GEOIP_CITY": "/geo/city.mmdb",
        "SIGNUPGUARD_GEOIP_ANONYMOUS": "/geo/anon.mmdb",
        "SIGNUPGUARD_TRUSTED_PROXIES": "10.0.0.1, 10.1.0.0/16,",
        "DATABASE_URL": "postgres://u:p@db.example:5432/portal",
        "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0", "REDIS_URL": "redis://127.0.0.1:6379/1",
    }, tmp_path)
    assert conf["sg"]["GEOIP_ASN"] == "/geo/asn.mmdb" and conf["sg"]["GEOIP_CITY"] == "/geo/city.mmdb"
    assert conf["sg"]["GEOIP_ANONYMOUS"] == "/geo/anon.mmdb"
    assert conf["sg"]["TRUSTED_PROXIES"] == ["10.0.0.1", "10.1.0.0/16"]
    assert conf["engine"] == "django.db.backends.postgresql" and conf["name"] == "portal"
    assert conf["eager"] is False and conf["broker"] == "redis://127.0.0.1:6379/0"
    assert conf["sg"]["VELOCITY_BACKEND"] == "signupguard.velocity.redis.RedisVelocityStore"
    assert conf["sg"]["VELOCITY_OPTIONS"] == {"url": "redis://127.0.0.1:6379/1"}
    # Signups spend their form render tokens there: every web process must share it.
    assert conf["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert conf["cache_options"] == {"socket_connect_timeout": 1, "socket_timeout": 1}  # a stalled Redis stalls no signup


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "device_extra",
    [{"fingerprint": "f\ud800p"}, {"timezone": "Europe/\x00London"}, {"weird\x00key": "v\udfff"}],
    ids=["lone-surrogate", "nul", "nul-key"],
)
def test_signup_with_unstorable_text_is_recorded_not_crashed(api: Client, device_extra: dict) -> None:
    # JSON can spell NUL and lone surrogates; PostgreSQL refuses the first, UTF-8 the second.
    response = signup(api, device={**DEVICE, **device_extra})
    assert response.status_code == 201
    attempt = Attempt.objects.get(kind="signup")
    stored = json.dumps(attempt.raw["device"], ensure_ascii=False)
    assert "\x00" not in stored and "\ufffd" in stored
    assert attempt.state in {"scored", "failed"}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("value", [10**400, -(10**400), "1e400", [10**400]], ids=["huge", "-huge", "text", "list"])
def test_signup_with_a_number_past_a_float_is_scored_not_failed(api: Client, value) -> None:
    # JSON integers have no size limit. Capture drops integers past 2**53 from the collector's block and
    # enrichment reads any past a float's range as unknown: the signup is scored while either guard holds.
    response = signup(api, device={**DEVICE, "hardware_concurrency": value, "touch_points": value},
                      form={"fill_ms": value})
    assert response.status_code == 201
    attempt = Attempt.objects.get(kind="signup")
    assert attempt.state == "scored", attempt.error
    assert attempt.score is not None


@pytest.mark.django_db
def test_pages_with_personal_data_are_never_cached(api: Client) -> None:
    # A new key is shown once, on the keys page: no cache may keep it (found in an audit).
    body = {"email": "cache@example.org", "username": "cache", "password": "a long passphrase 42"}
    assert api.post("/api/signup/", data=json.dumps(body), content_type="application/json").status_code == 201
    for url in ("/account/", "/account/keys/", "/api/account/"):
        response = api.get(url)
        assert response.status_code == 200 and "no-store" in response["Cache-Control"], url


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("field", ["device", "form"])
@pytest.mark.parametrize("value", [None, "not json", [], [DEVICE], 5],
                         ids=["null", "string", "list", "list-dict", "number"])
def test_signup_with_a_device_or_form_that_is_not_an_object_is_scored(api: Client, field: str, value) -> None:
    # The serializer's DictField answered 400 to all of these: a client's null refused the whole signup.
    response = signup(api, **{field: value})
    assert response.status_code == 201, response.content
    attempt = Attempt.objects.get(user__username="ana", kind="signup")
    assert attempt.state == "scored", attempt.error
    assert attempt.raw.get("device") is None
    assert not (attempt.raw.get("form") or {}).get("fill_ms")


@pytest.mark.django_db(transaction=True)
def test_signup_with_the_collectors_json_string_records_the_device(api: Client) -> None:
    # What a client copying the hidden sg_device field sends: capture parses it from the body.
    response = signup(api, device=json.dumps(DEVICE), form={"fill_ms": 9000})
    assert response.status_code == 201, response.content
    attempt = Attempt.objects.get(kind="signup")
    assert attempt.raw["device"]["fingerprint"] == DEVICE["fingerprint"]
    assert attempt.raw["form"]["fill_ms"] == 9000 and attempt.state == "scored"


@pytest.mark.django_db
def test_a_username_is_checked_as_it_will_be_stored(api: Client) -> None:
    # Full-width letters become ASCII when stored (NFKC): "ａna" was a second "ana" (found in an audit).
    assert signup(api, "Ana").status_code == 201
    response = signup(Client(), "\uff41na")
    assert response.status_code == 400 and "username" in response.json()


@pytest.mark.parametrize("name, value", [("SIGNUPGUARD_SYNC_WAIT", "0.3s"), ("SIGNUPGUARD_SWEEP_INTERVAL", "1m"),
                                         ("SIGNUPGUARD_PRUNE_INTERVAL", "hourly"), ("DATABASE_CONN_MAX_AGE", "60.5"),
                                         ("DJANGO_HSTS_SECONDS", "1y")])
def test_a_number_variable_that_is_no_number_names_itself(tmp_path: Path, name: str, value: str) -> None:
    # It was a bare "could not convert string to float: '1m'" from deep in the settings module's import.
    env = {name: value, "DJANGO_HTTPS": "1"}
    base = {k: v for k, v in os.environ.items() if not k.startswith(("SIGNUPGUARD_", "DATABASE_URL", "CELERY_", "REDIS_URL"))}
    base.update(DJANGO_SETTINGS_MODULE="config.settings", SIGNUPGUARD_VAR_DIR=str(tmp_path), **env)
    result = subprocess.run([sys.executable, "-c", "import django; django.setup()"], cwd=ROOT, env=base,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert f"ImproperlyConfigured: {name}={value!r} is not a" in result.stderr


@pytest.mark.parametrize("name, value", [("SIGNUPGUARD_SWEEP_INTERVAL", "0"), ("SIGNUPGUARD_SWEEP_INTERVAL", "-60"),
                                         ("SIGNUPGUARD_SWEEP_INTERVAL", "nan"), ("SIGNUPGUARD_PRUNE_INTERVAL", "0"),
                                         ("SIGNUPGUARD_PRUNE_INTERVAL", "inf")])
def test_a_beat_interval_that_is_not_above_0_and_finite_names_itself(tmp_path: Path, name: str, value: str) -> None:
    # Read as they were, beat sent the task with interval 0 on every tick (4,937 sweeps in 5 s into the broker,
    # found in an audit) and stopped at start on inf or nan: the settings refuse them instead.
    base = {k: v for k, v in os.environ.items() if not k.startswith(("SIGNUPGUARD_", "DATABASE_URL", "CELERY_", "REDIS_URL"))}
    base.update(DJANGO_SETTINGS_MODULE="config.settings", SIGNUPGUARD_VAR_DIR=str(tmp_path), **{name: value})
    result = subprocess.run([sys.executable, "-c", "import django; django.setup()"], cwd=ROOT, env=base,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert f"ImproperlyConfigured: {name}={value!r} is not a number of seconds above 0" in result.stderr


def test_number_variables_set_empty_or_valid_are_read(tmp_path: Path) -> None:
    code = ("import json; from django.conf import settings as s;"
            "print(json.dumps([s.SIGNUPGUARD['SYNC_WAIT'], s.CELERY_BEAT_SCHEDULE, s.DATABASES['default']['CONN_MAX_AGE']],"
            " default=str))")
    sync, beat, age = json.loads(_portal_python(code, {"SIGNUPGUARD_SYNC_WAIT": "0.5", "SIGNUPGUARD_SWEEP_INTERVAL": " ",
                                                        "DATABASE_CONN_MAX_AGE": "60"}, tmp_path))
    assert sync == 0.5 and age == 60
    assert sorted(entry["schedule"] for entry in beat.values())[:2] == [60.0, 3600.0]


def test_the_login_queue_variable_routes_logins_and_quiets_the_deploy_warning(tmp_path: Path) -> None:
    # `check --deploy` warns (W045) while logins share the signups' queue; SIGNUPGUARD_LOGIN_QUEUE routes them.
    code = ("import django, json; django.setup(); from config.celery import app;"
            "from signupguard.checks import check_login_queue;"
            "print(json.dumps([app.conf.task_routes, [m.id for m in check_login_queue()]]))")
    broker = {"CELERY_BROKER_URL": "redis://127.0.0.1:6390/0"}  # never connected to: routing is read, not used
    assert json.loads(_portal_python(code, broker, tmp_path)) == [{}, ["signupguard.W045"]]
    routed = json.loads(_portal_python(code, {**broker, "SIGNUPGUARD_LOGIN_QUEUE": " logins "}, tmp_path))
    assert routed == [{"signupguard.tasks.score_login": {"queue": "logins"}}, []]
    assert json.loads(_portal_python(code, {}, tmp_path)) == [{}, []]  # the embedded default scores in the request

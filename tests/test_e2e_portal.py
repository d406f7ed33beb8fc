"""End to end over HTTP: the demo portal on ``live_server``, a real Celery worker on Redis.

The portal runs in this process (``live_server``), publishing to the Redis
broker; ``celery -A config worker`` runs as a subprocess on the same test
database and does the scoring. Clients come through 127.0.0.1, a trusted
proxy here, so ``X-Forwarded-For`` places them on the networks of the small
GeoIP databases built by tests/plugins/services.py.
"""

from __future__ import annotations

import json
import secrets
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from typing import Any

import pytest
from django.contrib.auth.models import User

from signupguard.contrib.rest_framework_api_key.models import AccountAPIKey
from signupguard.models import Attempt
from signupguard.status import set_status
from tests.plugins.services import wait_until

pytestmark = [pytest.mark.celery, pytest.mark.redis, pytest.mark.slow, pytest.mark.urls("config.urls")]

CHROME = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
          "Chrome/124.0.0.0 Safari/537.36")
# What Chrome sends by itself on a secure origin (production portals are
# HTTPS): a Chrome User-Agent without them is a script wearing Chrome's name.
CHROME_HINTS = {"Sec-CH-UA": '"Chromium";v="124", "Google Chrome";v="124", "Not-A.Brand";v="99"',
                "Sec-CH-UA-Mobile": "?0", "Sec-CH-UA-Platform": '"Windows"'}
HEADLESS = ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            "HeadlessChrome/124.0.0.0 Safari/537.36")
VERDICT_TIMEOUT = 45.0


class Client:
    """A cookie-keeping HTTP client, as a script would use the portal."""

    def __init__(self, base_url: str, *, ip: str, user_agent: str, language: str = "en-GB,en;q=0.9") -> None:
        self.base_url = base_url
        self.jar = CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.headers = {"X-Forwarded-For": ip, "User-Agent": user_agent, "Accept-Language": language}
        if user_agent == CHROME:
            self.headers.update(CHROME_HINTS)

    def cookie(self, name: str) -> str | None:
        return next((c.value for c in self.jar if c.name == name), None)

    def call(self, method: str, path: str, body: dict | None = None, *, form: dict | None = None) -> tuple[int, Any]:
        headers = dict(self.headers)
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        elif form is not None:
            data = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if method != "GET" and self.cookie("csrftoken"):
            headers["X-CSRFToken"] = self.cookie("csrftoken")
        request = urllib.request.Request(self.base_url + path, data=data, method=method, headers=headers)
        try:
            with self.opener.open(request, timeout=30) as response:
                status, raw, kind = response.status, response.read(), response.headers.get_content_type()
        except urllib.error.HTTPError as error:
            status, raw, kind = error.code, error.read(), error.headers.get_content_type()
        return status, (json.loads(raw) if kind == "application/json" else raw.decode(errors="replace"))

    def signup(self, username: str, *, email: str | None = None, device: dict | None = None,
               fill_ms: int = 24000) -> dict:
        body = {"email": email or f"{username}@gmail.com", "username": username,
                "password": "a long passphrase 42", "form": {"fill_ms": fill_ms}}
        if device is not None:
            body["device"] = device
        status, answer = self.call("POST", "/api/signup/", body)
        assert status == 201, answer
        return answer

    def status(self) -> str:
        code, answer = self.call("GET", "/api/account/")
        assert code == 200, answer
        return answer["status"]

    def wait_for_verdict(self) -> str:
        return wait_until(lambda: (s := self.status()) != "pending" and s, timeout=VERDICT_TIMEOUT,
                          what="the worker's verdict")


def home_device(**extra: Any) -> dict:
    return {"fingerprint": secrets.token_hex(16), "timezone": "Europe/London", "languages": ["en-GB", "en"],
            "screen": "1920x1080x24", "platform": "Win32", "hardware_concurrency": 8, "webdriver": False, **extra}


FARM_DEVICE = {"fingerprint": "farm-" + "f" * 27, "timezone": "Asia/Shanghai", "languages": ["en-US"],
               "screen": "800x600x24", "platform": "Linux x86_64", "hardware_concurrency": 2, "webdriver": True}


def farm_signups(live_server: Any, count: int) -> list[Client]:
    clients = []
    for index in range(count):
        client = Client(live_server.url, ip=f"45.77.10.{10 + index}", user_agent=HEADLESS, language="en-US")
        client.signup(f"user{secrets.token_hex(3)}{index}", email=f"x{index}{secrets.token_hex(2)}@mailinator.com",
                      device=FARM_DEVICE, fill_ms=900)
        clients.append(client)
    return clients


def test_ordinary_signup_is_held_then_cleared_and_gets_a_key(celery_live, live_server) -> None:
    client = Client(live_server.url, ip="81.2.69.20", user_agent=CHROME)
    answer = client.signup("ana.lopez", device=home_device())
    # No verdict within the request (SYNC_WAIT is 0 here): held, no key yet.
    assert answer == {"account": "ana.lopez", "status": "pending"}
    attempt = Attempt.objects.get(user__username="ana.lopez", kind="signup")
    assert attempt.ip == "81.2.69.20"

    assert client.wait_for_verdict() == "cleared"
    attempt.refresh_from_db()
    assert attempt.state == "scored" and attempt.decision == "allow"
    assert attempt.enrichment and attempt.enrichment.get("asn", {}) is not None
    assert attempt.model_version

    code, key = client.call("POST", "/api/keys/", {"name": "laptop"})
    assert code == 201, key
    assert key["key"].startswith(key["prefix"] + ".")
    assert AccountAPIKey.objects.get_from_key(key["key"]).user.username == "ana.lopez"


def test_the_worker_checked_its_geoip_files_before_starting_its_pool(celery_live) -> None:
    """``celeryd_after_setup`` in the real worker's main process: a prefork pool's children inherit the verdicts."""
    assert "SignupGuard checked 2 GeoIP database(s)" in celery_live.worker.output()


def test_farm_signup_is_held_and_refused_a_key(celery_live, live_server) -> None:
    clients = farm_signups(live_server, 8)
    verdicts = [client.wait_for_verdict() for client in clients]
    assert set(verdicts) <= {"review", "blocked"}, verdicts
    # The last ones came after many signups from one /24 and one device.
    for client in clients[-3:]:
        code, answer = client.call("POST", "/api/keys/", {})
        assert code == 403, answer
        assert answer["status"] in {"review", "blocked"} and answer["detail"]
    assert not AccountAPIKey.objects.exists()
    scored = Attempt.objects.filter(kind="signup", ip__startswith="45.77.10.")
    assert scored.count() == 8 and all(a.decision in {"review", "block"} for a in scored)


def test_login_from_a_farm_device_holds_the_account(celery_live, live_server) -> None:
    # A farm was caught: its accounts are blocked (by the model or, here, a reviewer).
    for client in farm_signups(live_server, 3):
        client.wait_for_verdict()
    for user in User.objects.filter(signupguard_attempts__device_fingerprint=FARM_DEVICE["fingerprint"]).distinct():
        set_status(user, "blocked", source="reviewer", reason="farm")

    owner = User.objects.create_user("mia", "mia@example.org", "a long passphrase 42")
    set_status(owner, "cleared", source="reviewer", reason="known customer")

    # mia logs in through the HTML form, from the farm's device.
    client = Client(live_server.url, ip="81.2.69.33", user_agent=CHROME)
    code, _ = client.call("GET", "/accounts/login/")
    assert code == 200 and client.cookie("csrftoken")
    code, _ = client.call("POST", "/accounts/login/", form={
        "username": "mia", "password": "a long passphrase 42", "sg_device": json.dumps(FARM_DEVICE),
    })
    assert code == 200  # followed the redirect to the account page
    login = wait_until(lambda: Attempt.objects.filter(user=owner, kind="login", state="scored").first(),
                       timeout=VERDICT_TIMEOUT, what="the login's verdict")
    assert login.device_fingerprint == FARM_DEVICE["fingerprint"]
    # Held: the login's verdict puts her in review, and the linking pass that follows it may block her
    # (the same device as three blocked accounts: retroactive.py's strong link), whenever it runs.
    assert client.status() in ("review", "blocked")
    code, answer = client.call("POST", "/api/keys/", {})
    assert code == 403 and answer["status"] in ("review", "blocked")


def test_broker_down_at_signup_is_scored_by_the_sweep(celery_live, live_server) -> None:
    client = Client(live_server.url, ip="81.2.69.40", user_agent=CHROME)
    with celery_live.broker_down():
        answer = client.signup("noah", device=home_device())
    assert answer["status"] == "pending"  # the signup itself succeeded
    attempt = Attempt.objects.get(user__username="noah", kind="signup")
    assert attempt.state == "pending"
    assert client.status() == "pending"

    # The broker is back: the periodic sweep (run now rather than by beat) scores it.
    from signupguard.tasks import sweep_pending

    sweep_pending.delay()
    assert client.wait_for_verdict() == "cleared"
    attempt.refresh_from_db()
    assert attempt.state == "scored" and attempt.scored_at is not None

"""ASGI and async views: login recording, the blocked-account refusal and the gate (audit of session 32).

The audit found no defect in this area; these tests pin down what it verified
through Django's ASGI handler (``AsyncClient``), so a regression shows:

- ``aauthenticate()``/``alogin()`` (``Signal.asend``): a failed login is recorded once, also without
  ``request`` (the middleware's context variable crosses ``sync_to_async``); a blocked account's login
  is recorded once, refused with the 403 page and its session logged out, in the request's language;
- ``arecord_signup()`` followed by ``alogin()`` records the signup alone, and lets the new account's own
  session in even when its verdict blocked it;
- ``@cleared_required`` on an async view, under ``AsyncClient``;
- the same with a sync-only middleware after SignupGuard's (a mixed chain: it then runs sync);
- concurrent requests in one event loop each record their own request.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from django.contrib.auth import aauthenticate, alogin, get_user_model
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from signupguard.gate import cleared_required
from signupguard.models import Attempt
from signupguard.recording import arecord_signup, signup_status
from signupguard.status import BLOCKED, hold_new_account, set_status
from tests.test_translations import BLOCKED_FR, french  # noqa: F401 - the French catalogue fixture

pytestmark = [
    pytest.mark.urls("tests.test_async_audit"),
    pytest.mark.usefixtures("celery_eager", "fresh_engine"),
    pytest.mark.django_db(transaction=True),
]
MEMORY = {"VELOCITY_BACKEND": "signupguard.velocity.memory.MemoryVelocityStore"}
PASSWORD = "pw-123-secret"
JSON = {"accept": "application/json"}


# --- a host's async views ------------------------------------------------------------------

@csrf_exempt
async def alogin_view(request: HttpRequest) -> HttpResponse:
    user = await aauthenticate(request, username=request.POST["username"], password=request.POST["password"])
    if user is None:
        return JsonResponse({"ok": False}, status=401)
    await alogin(request, user)
    return JsonResponse({"ok": True})


@csrf_exempt
async def alogin_without_request_view(request: HttpRequest) -> HttpResponse:
    # aauthenticate() without request: the failed-login receiver finds it through current_request().
    await asyncio.sleep(float(request.POST.get("delay", "0")))  # lets concurrent requests interleave
    user = await aauthenticate(username=request.POST["username"], password=request.POST["password"])
    if user is None:
        return JsonResponse({"ok": False}, status=401)
    await alogin(request, user)
    return JsonResponse({"ok": True})


@csrf_exempt
async def asignup_view(request: HttpRequest) -> HttpResponse:
    user = await sync_to_async(get_user_model().objects.create_user)(
        username=request.POST["username"], email=request.POST["email"], password=PASSWORD)
    attempt = await arecord_signup(request, user)
    await alogin(request, user)  # the signup's own session: not a second attempt
    return JsonResponse({"status": await sync_to_async(signup_status)(attempt)})


@cleared_required
async def agated(request: HttpRequest) -> HttpResponse:
    return JsonResponse({"ok": True})


def sync_only_middleware(get_response: Any) -> Any:
    def middleware(request: HttpRequest) -> HttpResponse:
        return get_response(request)

    return middleware


LOGIN_URLS = ["/alogin/", "/alogin-without-request/"]
urlpatterns = [
    path("alogin/", alogin_view, name="login"),
    path("alogin-without-request/", alogin_without_request_view),
    path("asignup/", asignup_view),
    path("agated/", agated),
]


def logins() -> list[tuple[str, bool]]:
    return [(a.account, a.success) for a in Attempt.objects.filter(kind="login").order_by("pk")]


def block(user: Any) -> None:
    hold_new_account(user, attempt=None)
    set_status(user, BLOCKED, source="reviewer", reason="farm")


def post(async_client: Any, url: str, data: dict[str, str], **kwargs: Any) -> Any:
    return async_to_sync(async_client.post)(url, data, **kwargs)


# --- tests ---------------------------------------------------------------------------------

@pytest.mark.parametrize("url", LOGIN_URLS)
@pytest.mark.parametrize("mixed_chain", [False, True], ids=["async-chain", "sync-only-middleware-after"])
def test_async_logins_are_recorded_once_and_a_blocked_account_is_refused(
    async_client: Any, make_user: Any, settings: Any, url: str, mixed_chain: bool,
) -> None:
    settings.SIGNUPGUARD = MEMORY
    if mixed_chain:  # SignupGuard's middleware then runs sync, in sync_to_async's thread
        settings.MIDDLEWARE = [*settings.MIDDLEWARE, "tests.test_async_audit.sync_only_middleware"]
    user = make_user("mallory")
    assert post(async_client, url, {"username": "mallory", "password": "wrong"}).status_code == 401
    assert post(async_client, url, {"username": "mallory", "password": PASSWORD}).status_code == 200
    assert logins() == [(str(user.pk), False), (str(user.pk), True)]
    block(user)
    response = post(async_client, url, {"username": "mallory", "password": PASSWORD}, headers=JSON)
    assert response.status_code == 403 and response.json()["status"] == "blocked"
    assert "_auth_user_id" not in async_client.session
    assert logins() == [(str(user.pk), False), (str(user.pk), True), (str(user.pk), True)]


def test_an_alogin_refusal_speaks_the_requests_language(
    async_client: Any, make_user: Any, settings: Any, french: None,  # noqa: F811
) -> None:
    settings.SIGNUPGUARD = MEMORY
    settings.LANGUAGES = [("en", "English"), ("fr", "French")]
    middleware = list(settings.MIDDLEWARE)
    middleware.insert(middleware.index("django.middleware.common.CommonMiddleware"),
                      "django.middleware.locale.LocaleMiddleware")
    settings.MIDDLEWARE = middleware
    block(make_user("mallory"))
    response = post(async_client, "/alogin/", {"username": "mallory", "password": PASSWORD},
                    headers={**JSON, "accept-language": "fr"})
    assert response.status_code == 403 and response.json() == {"detail": BLOCKED_FR, "status": "blocked"}


@pytest.mark.parametrize(("domain", "status"), [("example.org", "cleared"), ("spam-farm.example", "blocked")])
def test_arecord_signup_then_alogin_records_the_signup_alone(
    async_client: Any, settings: Any, domain: str, status: str,
) -> None:
    # An allow-listed range clears the first; a denied domain blocks the second (ALLOW_IP_RANGES would win).
    rule = {"ALLOW_IP_RANGES": ["0.0.0.0/0"]} if status == "cleared" else {"DENY_EMAIL_DOMAINS": [domain]}
    settings.SIGNUPGUARD = {**MEMORY, **rule}
    response = post(async_client, "/asignup/", {"username": "eve", "email": f"eve@{domain}"})
    assert response.status_code == 200 and response.json() == {"status": status}
    assert list(Attempt.objects.values_list("kind", flat=True)) == ["signup"]
    assert "_auth_user_id" in async_client.session  # its own session, even when blocked
    if status == "blocked":  # any later login is refused
        response = post(async_client, "/alogin/", {"username": "eve", "password": PASSWORD})
        assert response.status_code == 403


@pytest.mark.parametrize("status", ["pending", "review", "cleared"])
def test_cleared_required_on_an_async_view_under_asgi(
    async_client: Any, make_user: Any, settings: Any, status: str,
) -> None:
    settings.SIGNUPGUARD = MEMORY
    response = async_to_sync(async_client.get)("/agated/")
    assert response.status_code == 302
    user = make_user()
    hold_new_account(user, attempt=None)
    if status != "pending":
        set_status(user, status, source="reviewer", reason="test")
    async_client.force_login(user)
    response = async_to_sync(async_client.get)("/agated/", headers=JSON)
    assert response.status_code == (200 if status == "cleared" else 403)
    if status != "cleared":
        assert response.json()["status"] == status


def test_concurrent_async_requests_each_record_their_own_request(
    async_client: Any, make_user: Any, settings: Any,
) -> None:
    settings.SIGNUPGUARD = MEMORY
    for n in range(6):
        make_user(f"u{n}")

    async def run() -> None:
        await asyncio.gather(*(
            async_client.post("/alogin-without-request/",
                              {"username": f"u{n}", "password": "wrong", "delay": str(0.01 * (6 - n))},
                              headers={"user-agent": f"agent-{n}"})
            for n in range(6)
        ))

    async_to_sync(run)()
    recorded = {(a.raw.get("username"), a.raw["headers"].get("user-agent")) for a in Attempt.objects.all()}
    assert recorded == {(f"u{n}", f"agent-{n}") for n in range(6)}

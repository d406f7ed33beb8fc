"""Request → raw event: the contract shape, the client address, hostile input."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from asgiref.sync import async_to_sync
from django import forms
from django.http import HttpResponse
from django.template import Context, Template
from django.test import RequestFactory, override_settings

from signupguard.capture import (
    DEVICE_FIELD, HONEYPOT_FIELD, TIMESTAMP_FIELD, build_event, client_ip, fill_ms_from,
    sign_render_time, snapshot,
)
from signupguard.context import parse_event
from signupguard.forms import SignupGuardFormMixin
from signupguard.middleware import SignupGuardMiddleware, current_request

DEVICE = {"fingerprint": "ab" * 32, "timezone": "Europe/Madrid", "languages": ["es-ES", "es"],
          "screen": "1920x1080x24", "platform": "Win32", "hardware_concurrency": 8,
          "device_memory": 8, "touch_points": 0, "webdriver": False}


def _event(request, **kwargs):
    return build_event(snapshot(request), kind=kwargs.pop("kind", "signup"), **kwargs)


def test_request_becomes_a_contract_event(rf: RequestFactory) -> None:
    request = rf.post(
        "/signup/",
        data={DEVICE_FIELD: json.dumps(DEVICE), TIMESTAMP_FIELD: sign_render_time(time.time() - 12), HONEYPOT_FIELD: ""},
        REMOTE_ADDR="81.2.69.160", HTTP_USER_AGENT="Mozilla/5.0 Test", HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9",
        HTTP_SEC_CH_UA='"Chromium";v="131"', HTTP_SEC_FETCH_SITE="same-origin", HTTP_DNT="1",
        HTTP_COOKIE="sessionid=secret", HTTP_AUTHORIZATION="Bearer secret", HTTP_X_CSRFTOKEN="secret",
        HTTP_X_SOMETHING_ELSE="x",
    )
    event = _event(request, account="42", email="ana.lopez@gmail.com", username="ana")
    data = json.loads(event.to_json())
    again = parse_event(data)  # the exact contract shape: replay accepts it
    assert again.to_dict() == data
    assert data["kind"] == "signup" and data["ip"] == "81.2.69.160" and data["account"] == "42"
    assert data["occurred_at"].endswith("Z")
    assert data["headers"] == {
        "user-agent": "Mozilla/5.0 Test", "accept-language": "es-ES,es;q=0.9",
        "sec-ch-ua": '"Chromium";v="131"', "sec-fetch-site": "same-origin", "dnt": "1",
    }
    assert "secret" not in event.to_json()
    assert data["device"] == DEVICE
    assert 12000 <= data["form"]["fill_ms"] < 20000 and data["form"]["signed"] is True
    assert data["form"]["honeypot"] == ""
    assert "success" not in data


def test_login_event_carries_success(rf: RequestFactory) -> None:
    event = _event(rf.post("/login/", REMOTE_ADDR="2001:db8::1"), kind="login", account="7", success=False)
    assert event.success is False and event.ip == "2001:db8::1"
    assert parse_event(event.to_dict()).kind == "login"


@pytest.mark.parametrize("meta", [
    {"HTTP_X_FORWARDED_FOR": "1.2.3.4"},
    {"HTTP_X_FORWARDED_FOR": "1.2.3.4, 10.0.0.1"},
    {"HTTP_X_REAL_IP": "1.2.3.4", "HTTP_CLIENT_IP": "1.2.3.4", "HTTP_FORWARDED": "for=1.2.3.4"},
    {"HTTP_CF_CONNECTING_IP": "1.2.3.4", "HTTP_TRUE_CLIENT_IP": "1.2.3.4"},
])
def test_forwarding_headers_are_ignored_by_default(rf: RequestFactory, meta: dict) -> None:
    request = rf.get("/", REMOTE_ADDR="81.2.69.160", **meta)
    assert client_ip(request.META) == "81.2.69.160"


def test_forwarded_for_from_an_untrusted_peer_is_ignored(rf: RequestFactory) -> None:
    with override_settings(SIGNUPGUARD={"TRUSTED_PROXIES": ["10.0.0.0/8"]}):
        request = rf.get("/", REMOTE_ADDR="81.2.69.160", HTTP_X_FORWARDED_FOR="1.2.3.4")
        assert client_ip(request.META) == "81.2.69.160"


@pytest.mark.parametrize(("proxies", "remote", "xff", "expected"), [
    (["10.0.0.0/8"], "10.0.0.5", "89.160.20.112", "89.160.20.112"),
    # The client forged a left part: the rightmost untrusted hop wins.
    (["10.0.0.0/8"], "10.0.0.5", "6.6.6.6, 89.160.20.112", "89.160.20.112"),
    # Two proxies of ours in a row.
    (["10.0.0.0/8", "172.16.0.1"], "10.0.0.5", "6.6.6.6, 89.160.20.112, 172.16.0.1", "89.160.20.112"),
    ("127.0.0.1, ::1", "::1", "2a02:ec0::1", "2a02:ec0::1"),  # a comma-separated string, IPv6
    (["10.0.0.0/8"], "10.0.0.5", "[2a02:ec0::1]:4711", "2a02:ec0::1"),
    (["10.0.0.0/8"], "10.0.0.5", "", "10.0.0.5"),  # the proxy's own health check
    (["10.0.0.0/8"], "10.0.0.5", "garbage, ,,", "10.0.0.5"),
    (["10.0.0.0/8", "not a network"], "10.0.0.5", "81.2.69.160", "81.2.69.160"),
    # An unbalanced quote in the client's own part (RFC 7239 quoting in ipware) swallowed
    # the hop our proxy appended, and the forged address won (found in an audit).
    (["10.0.0.0/8"], "10.0.0.5", '6.6.6.6, ", 89.160.20.112', "89.160.20.112"),
    (["10.0.0.0/8"], "10.0.0.5", '6.6.6.6,"x, 89.160.20.112', "89.160.20.112"),
    (["10.0.0.0/8"], "10.0.0.5", 'for=6.6.6.6, for=", 89.160.20.112', "89.160.20.112"),
    # A proxy written as an IPv4-mapped IPv6 address or network, as a dual-stack socket reports it: addresses
    # are read as IPv4, so the entry never matched and the proxy was recorded as the client.
    (["::ffff:10.0.0.5"], "::ffff:10.0.0.5", "89.160.20.112", "89.160.20.112"),
    (["::ffff:10.0.0.0/104"], "10.0.0.5", "6.6.6.6, 89.160.20.112", "89.160.20.112"),
])
def test_trusted_proxy_is_honoured(rf: RequestFactory, proxies, remote, xff, expected) -> None:
    with override_settings(SIGNUPGUARD={"TRUSTED_PROXIES": proxies}):
        request = rf.get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=xff)
        assert client_ip(request.META) == expected


HOSTILE_META = [
    {"REMOTE_ADDR": "not-an-ip"},
    {"REMOTE_ADDR": ""},
    {"REMOTE_ADDR": "999.1.1.1", "HTTP_X_FORWARDED_FOR": "\x00\xff" * 500},
    {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": ",".join(["10.0.0.2"] * 5000)},
    {"REMOTE_ADDR": "fe80::1%" + "x" * 300},
    {"REMOTE_ADDR": None, "HTTP_USER_AGENT": b"bytes"},
    {"HTTP_USER_AGENT": "A" * 100_000, "HTTP_ACCEPT_LANGUAGE": "\u202e" * 50, "HTTP_SEC_CH_UA": 12},
]


@pytest.mark.parametrize("meta", HOSTILE_META)
def test_hostile_headers_and_addresses_never_raise(rf: RequestFactory, meta: dict) -> None:
    request = rf.get("/")
    request.META.pop("REMOTE_ADDR", None)
    request.META.update(meta)
    with override_settings(SIGNUPGUARD={"TRUSTED_PROXIES": ["10.0.0.0/8"]}):
        event = _event(request, kind="login", success=True)
    parse_event(event.to_dict())
    assert len(event.headers.get("user-agent", "")) <= 2048


@pytest.mark.parametrize("device", [
    "not json", "[1, 2, 3]", "null", '"string"', "{" * 5000, "x" * 100_000,
    json.dumps({"fingerprint": 5, "webdriver": "yes", "nested": {"a": 1}, "languages": ["en", {"x": 1}, 3],
                "screen": "9" * 10_000, "huge": 10**300, "nan": float("nan")}),
])
def test_malformed_device_data_is_kept_as_unknown(rf: RequestFactory, device: str) -> None:
    request = rf.post("/signup/", data={DEVICE_FIELD: device, TIMESTAMP_FIELD: "forged:token:x"})
    event = _event(request)
    parse_event(event.to_dict())
    assert event.device is None or ("fingerprint" not in event.device and "webdriver" not in event.device)
    assert event.form == {"signed": False}


@pytest.mark.parametrize(("content_type", "body"), [
    ("application/json", b"{not json"),
    ("application/json", b"\xff\xfe\x00"),
    ("application/json", json.dumps({"device": "x" * 10, "form": [1]}).encode()),
    ("application/json", b"[" * 100_000 + b"]" * 100_000),
    ("multipart/form-data; boundary=zzz", b"--zzz\r\nbroken"),
    ("multipart/form-data", b"no boundary at all"),
    ("application/x-www-form-urlencoded", b"%%%&&&==\xff"),
])
def test_hostile_bodies_never_raise(rf: RequestFactory, content_type: str, body: bytes) -> None:
    request = rf.generic("POST", "/signup/", data=body, content_type=content_type, REMOTE_ADDR="81.2.69.160")
    event = _event(request)
    assert event.device is None
    parse_event(event.to_dict())


def test_json_clients_send_device_and_form(rf: RequestFactory) -> None:
    body = {"email": "a@b.org", "device": DEVICE, "form": {"fill_ms": 5000, "honeypot": ""}}
    request = rf.post("/api/signup/", data=body, content_type="application/json", REMOTE_ADDR="81.2.69.160")
    event = _event(request)
    assert event.device == DEVICE
    assert event.form == {"fill_ms": 5000, "honeypot": ""}


def test_a_json_clients_device_has_the_budget_of_a_posted_one(rf: RequestFactory) -> None:
    from signupguard.collector import MAX_DEVICE_JSON

    # 64 keys of 32 strings of 512 characters: 1 MB within the per-key limits.
    padding = {f"k{i}": ["e" * 512] * 32 for i in range(64)}
    from rest_framework.parsers import JSONParser
    from rest_framework.request import Request

    body = {"email": "a@b.org", "device": {**padding, **DEVICE}}
    raw = rf.post("/api/signup/", data=body, content_type="application/json", REMOTE_ADDR="81.2.69.160")
    device = _event(Request(raw, parsers=[JSONParser()])).device  # DRF parses bodies of any size
    assert len(json.dumps(device, ensure_ascii=False, separators=(",", ":")).encode()) <= MAX_DEVICE_JSON
    assert {k: device[k] for k in DEVICE} == DEVICE  # the collector's own fields are kept first


def test_headers_captured_by_prefix_are_capped(rf: RequestFactory) -> None:
    from signupguard.capture import MAX_PREFIXED_HEADERS

    invented = {f"HTTP_SEC_FETCH_X{i}": "x" * 2048 for i in range(200)}
    request = rf.post("/signup/", REMOTE_ADDR="81.2.69.160", HTTP_USER_AGENT="Mozilla/5.0", **invented)
    headers = _event(request).headers
    assert headers["user-agent"] == "Mozilla/5.0"  # named headers are never crowded out
    assert sum(name.startswith("sec-fetch-") for name in headers) == MAX_PREFIXED_HEADERS


def test_drf_request_data_is_read(rf: RequestFactory) -> None:
    from rest_framework.parsers import JSONParser
    from rest_framework.request import Request

    raw = rf.post("/api/signup/", data={"device": DEVICE}, content_type="application/json", REMOTE_ADDR="81.2.69.160")
    request = Request(raw, parsers=[JSONParser()])
    assert request.data["device"] == DEVICE  # DRF has consumed the body stream
    assert _event(request).device == DEVICE


def test_signed_render_timestamp() -> None:
    now = time.time()
    token = sign_render_time(now - 3.5)
    assert fill_ms_from(token, now=now) == 3500
    assert fill_ms_from(token[:-1] + ("A" if token[-1] != "A" else "B"), now=now) is None
    assert fill_ms_from(None) is None and fill_ms_from(12) is None and fill_ms_from("x" * 1000) is None
    with override_settings(SIGNUPGUARD={"FORM_TIMESTAMP_MAX_AGE": 1}):
        assert fill_ms_from(sign_render_time(now - 3600)) is None


def test_honeypot_is_captured(rf: RequestFactory) -> None:
    request = rf.post("/signup/", data={HONEYPOT_FIELD: "http://spam.example"})
    assert _event(request).form == {"honeypot": "http://spam.example"}


class SignupForm(SignupGuardFormMixin, forms.Form):
    email = forms.EmailField()


def test_form_mixin_adds_the_collector_fields() -> None:
    form = SignupForm()
    html = form.as_div()
    assert f'name="{DEVICE_FIELD}"' in html and f'name="{TIMESTAMP_FIELD}"' in html
    assert f'name="{HONEYPOT_FIELD}"' in html and 'autocomplete="off"' in html and "left:-10000px" in html
    token = form.fields[TIMESTAMP_FIELD].initial
    assert fill_ms_from(token) is not None
    bound = SignupForm(data={"email": "a@b.org", HONEYPOT_FIELD: "filled by a bot"})
    assert bound.is_valid()  # a bot is scored, never told


def test_template_tag_renders_fields_and_script() -> None:
    html = Template("{% load signupguard %}{% signupguard_collector %}").render(Context({}))
    assert f'name="{DEVICE_FIELD}"' in html and f'name="{HONEYPOT_FIELD}"' in html
    assert 'src="/static/signupguard/collector.js"' in html
    script_only = Template("{% load signupguard %}{% signupguard_collector fields=False %}").render(Context({}))
    assert "<input" not in script_only and "collector.js" in script_only


def test_collector_script_is_small_and_first_party() -> None:
    source = (Path(__file__).parents[1] / "signupguard/static/signupguard/collector.js").read_text()
    assert len(source.encode()) < 5 * 1024
    for token in ("http://", "https://", "fetch(", "XMLHttpRequest", "sendBeacon", "import("):
        assert token not in source
    for needed in ("crypto.subtle", "Intl.DateTimeFormat", "webdriver", "hardwareConcurrency", "deviceMemory",
                   "maxTouchPoints", "toDataURL", "window.signupguard", 'data-signupguard="device"',
                   "UNMASKED_RENDERER_WEBGL", "webgl_renderer"):
        assert needed in source


def test_middleware_sync_takes_the_snapshot_lazily(rf: RequestFactory) -> None:
    seen = {}

    def view(request):
        seen["capture"] = request.signupguard
        seen["current"] = current_request()
        seen["lazy"] = "snapshot" not in request.signupguard.__dict__
        return HttpResponse("ok")

    request = rf.get("/", REMOTE_ADDR="81.2.69.160")
    SignupGuardMiddleware(view)(request)
    assert seen["current"] is request and seen["lazy"]
    assert seen["capture"].snapshot.ip == "81.2.69.160"
    assert current_request() is None


def test_middleware_async(rf: RequestFactory) -> None:
    async def view(request):
        assert current_request() is request
        return HttpResponse(request.signupguard.snapshot.ip)

    middleware = SignupGuardMiddleware(view)
    assert middleware.is_async and SignupGuardMiddleware.sync_capable and SignupGuardMiddleware.async_capable
    response = async_to_sync(middleware)(rf.get("/", REMOTE_ADDR="89.160.20.112"))
    assert response.content == b"89.160.20.112"


def test_device_values_of_the_wrong_type_are_dropped_as_the_contract_types_them() -> None:
    # Stored and exported as sent, they broke signup-event.schema.json (found in an audit).
    from signupguard.collector import clean_device

    sent = {"fingerprint": "abc", "timezone": 5, "languages": [1, True, "en"], "screen": 1920, "platform": False,
            "hardware_concurrency": "8", "device_memory": "lots", "touch_points": 1.5, "webdriver": False}
    assert clean_device(sent) == {"fingerprint": "abc", "languages": ["en"], "webdriver": False}
    kept = {"fingerprint": "f", "timezone": "Europe/Paris", "languages": ["fr-FR"], "screen": "1920x1080x24",
            "platform": "Win32", "hardware_concurrency": 8, "device_memory": 0.5, "touch_points": 0, "webdriver": True}
    assert clean_device(kept) == kept


def test_template_tag_links_the_stylesheet_that_hides_the_honeypot() -> None:
    # Under a Content-Security-Policy without 'unsafe-inline' the honeypot's style="" is refused.
    css = (Path(__file__).parents[1] / "signupguard/static/signupguard/collector.css").read_text()
    assert 'input[data-signupguard="hp"]' in css and "left: -10000px !important" in css
    link = '<link rel="stylesheet" href="/static/signupguard/collector.css"'
    for tag in ("{% signupguard_collector %}", "{% signupguard_collector fields=False %}"):
        html = Template("{% load signupguard %}" + tag).render(Context({}))
        assert link + ">" in html and "nonce" not in html
        html = Template("{% load signupguard %}" + tag).render(Context({"csp_nonce": "abc123"}))
        assert link + ' nonce="abc123">' in html
        assert '<script src="/static/signupguard/collector.js" defer nonce="abc123">' in html
    with_fields = Template("{% load signupguard %}{% signupguard_collector %}").render(Context({}))
    assert 'style="position:absolute;left:-10000px' in with_fields  # still hidden where the file is not served


@pytest.mark.parametrize("value", [
    ["X-Request-ID"], ("x-request-id",), ["HTTP_X_REQUEST_ID"], ["X_Request_ID"], ["  x-request-id "],
    "X-Request-ID", "Accept-Charset, HTTP_X_REQUEST_ID", ["X-Request-ID", 7, None, b"x-other"],
])
def test_extra_capture_headers_accepts_meta_names_and_a_comma_separated_string(rf: RequestFactory, value) -> None:
    # A string was read as characters and a META-style name never matched: nothing was captured.
    request = rf.get("/", HTTP_X_REQUEST_ID="abc-123", HTTP_ACCEPT_CHARSET="utf-8", HTTP_X_OTHER="no")
    with override_settings(SIGNUPGUARD={"EXTRA_CAPTURE_HEADERS": value}):
        headers = snapshot(request).headers
    assert headers["x-request-id"] == "abc-123"
    assert "x-other" not in headers
    assert ("accept-charset" in headers) == ("Accept-Charset" in value)


@pytest.mark.parametrize("value", [True, 5, 1.5, {"X-Request-ID": True}, {"X-Request-ID"}, object()])
def test_extra_capture_headers_of_another_type_capture_nothing_extra_and_never_raise(rf: RequestFactory, value) -> None:
    # A bool or a number raised TypeError in snapshot(): every signup answered 500.
    request = rf.post("/signup/", data={HONEYPOT_FIELD: ""}, HTTP_X_REQUEST_ID="abc-123", HTTP_USER_AGENT="UA")
    with override_settings(SIGNUPGUARD={"EXTRA_CAPTURE_HEADERS": value}):
        snap = snapshot(request)
    assert snap.headers == {"user-agent": "UA"}


def test_extra_capture_headers_never_capture_secrets(rf: RequestFactory) -> None:
    request = rf.get("/", HTTP_COOKIE="sessionid=secret", HTTP_AUTHORIZATION="Bearer secret", HTTP_X_API_KEY="k")
    with override_settings(SIGNUPGUARD={"EXTRA_CAPTURE_HEADERS": ["Cookie", "HTTP_AUTHORIZATION", "x_api_key"]}):
        assert snapshot(request).headers == {}

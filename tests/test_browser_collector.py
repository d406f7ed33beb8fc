"""A real browser: Debian's Chromium, driven by Playwright, fills the portal's signup form.

Checks that collector.js posts its device data with the form (time zone,
screen, fingerprint) and that ``navigator.webdriver``, true under automation,
is recorded as such. Uses the system Chromium at /usr/bin/chromium; Playwright
never downloads a browser here.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django import forms
from django.contrib.auth.models import User
from django.template import Context, Template

from signupguard.enrichment.gpu import analyse_gpu
from signupguard.forms import SignupGuardFormMixin
from signupguard.models import Attempt
from tests.plugins.browser import playwright_chromium

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.urls("config.urls")]

CHROMIUM = Path(os.environ.get("SIGNUPGUARD_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with playwright_chromium(CHROMIUM, CHROMIUM_ARGS) as browser:
        yield browser


def test_collector_posts_device_data_with_the_signup_form(browser, live_server, transactional_db, settings) -> None:
    settings.SIGNUPGUARD = {**settings.SIGNUPGUARD, "SYNC_WAIT": 0}
    context = browser.new_context(timezone_id="Europe/Paris", locale="fr-FR",
                                  viewport={"width": 1280, "height": 720}, screen={"width": 1600, "height": 900})
    page = context.new_page()
    requests_outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(live_server.url) else requests_outside.append(r.url))
    try:
        page.goto(f"{live_server.url}/accounts/signup/")
        # The collector fills the hidden device field once it has computed the fingerprint.
        page.wait_for_function(
            "() => { const f = document.querySelector('input[data-signupguard=\"device\"]');"
            " return f && f.value.length > 0; }",
            timeout=10_000,
        )
        page.fill("#id_username", "chromium.user")
        page.fill("#id_email", "chromium.user@example.org")
        page.fill("#id_password1", "a long passphrase 42")
        page.fill("#id_password2", "a long passphrase 42")
        with page.expect_navigation():
            page.click("button[type=submit]")
        assert page.url.endswith("/account/"), page.url
        assert "data-status=" in page.content()
    finally:
        context.close()

    user = User.objects.get(username="chromium.user")
    attempt = Attempt.objects.get(user=user, kind="signup")
    device = attempt.raw["device"]
    assert device["timezone"] == "Europe/Paris"
    assert device["screen"].startswith("1600x900x")
    assert isinstance(device["fingerprint"], str) and len(device["fingerprint"]) >= 16
    assert device["languages"][0].startswith("fr")
    # Automation is visible to the page, and recorded.
    assert device["webdriver"] is True
    # The graphics chip: none on a headless test machine, so a software renderer (SwiftShader),
    # or nothing where this Chromium offers no WebGL without a GPU.
    renderer = device["webgl_renderer"]
    assert isinstance(renderer, str)
    if renderer:
        assert analyse_gpu(renderer, "Linux")[1] == "software", renderer
    assert attempt.device_fingerprint == device["fingerprint"]
    # The signed render timestamp gave a plausible fill time.
    assert attempt.raw["form"]["signed"] is True
    assert 0 < attempt.raw["form"]["fill_ms"] < 120_000
    assert attempt.raw["headers"]["user-agent"]
    assert requests_outside == []  # first-party only


# --- Pages served through Playwright's routes, with the shipped collector.js/.css ---------------

ORIGIN = "https://portal.test"  # a secure context, so crypto.subtle hashes as on a real site
STATIC = Path(__file__).resolve().parents[1] / "signupguard" / "static" / "signupguard"
STATIC_TYPES = {".js": "application/javascript", ".css": "text/css"}


def _serve(page, pages: dict[str, str], *, csp: str | None = None) -> list[str]:
    """Route ORIGIN to ``pages`` and the shipped static files; returns the bodies of the POSTs it receives."""
    posts: list[str] = []

    def handle(route, request) -> None:
        path = urlsplit(request.url).path
        if request.method == "POST":
            posts.append(request.post_data or "")
            route.fulfill(status=200, content_type="text/html", body="<p>ok</p>")
        elif path.startswith("/static/signupguard/") and (STATIC / Path(path).name).is_file():
            file = STATIC / Path(path).name
            route.fulfill(status=200, content_type=STATIC_TYPES[file.suffix], body=file.read_text())
        else:
            headers = {"content-type": "text/html"} | ({"content-security-policy": csp} if csp else {})
            route.fulfill(status=200 if path in pages else 404, headers=headers, body=pages.get(path, ""))

    page.route(f"{ORIGIN}/**", handle)
    return posts


def _collector(fields: bool = True, **context) -> str:
    """The template tag's output, as a host page renders it."""
    tag = "{% load signupguard %}{% signupguard_collector " + ("" if fields else "fields=False") + " %}"
    return Template(tag).render(Context(context))


class SignupForm(SignupGuardFormMixin, forms.Form):
    username = forms.CharField(initial="ana")


def _mixin_fields() -> str:
    """The fields of a form with SignupGuardFormMixin (the README's pattern, beside ``fields=False``)."""
    return SignupForm().as_div()


def _device_posted(body: str) -> dict | None:
    value = parse_qs(body).get("sg_device", [""])[0]
    return json.loads(value) if value else None


# A form that is not in the page at load (a modal from a <template>, an htmx swap): its device field
# is empty when it is submitted, though the collector has its data.
LATE_FORM_PAGE = """<!doctype html><button id="open">Sign up</button><div id="modal"></div>
<template id="tpl"><form method="post" action="/signup">{fields}<button type="submit">Create</button></form></template>
{script}<script src="/app.js"></script>"""
LATE_FORM_JS = {
    "plain": """document.getElementById('open').onclick = function () {
  document.getElementById('modal').appendChild(document.getElementById('tpl').content.cloneNode(true)); };""",
    "fetch": """document.getElementById('open').onclick = function () {
  var m = document.getElementById('modal');
  m.appendChild(document.getElementById('tpl').content.cloneNode(true));
  m.querySelector('form').addEventListener('submit', function (ev) {
    ev.preventDefault(); fetch('/signup', {method: 'POST', body: new URLSearchParams(new FormData(ev.target))}); }); };""",
}


@pytest.mark.parametrize("submits_with", ["plain", "fetch"])
def test_a_form_added_after_load_posts_once_with_device_data(browser, submits_with: str) -> None:
    # The collector held such a submit and re-submitted it inside the same event dispatch, where
    # requestSubmit() does nothing: one click posted nothing. The page's own fetch() handler must see the
    # field filled too.
    context = browser.new_context()
    page = context.new_page()
    html = LATE_FORM_PAGE.format(fields=_mixin_fields(), script=_collector(fields=False))
    posts = _serve(page, {"/page": html, "/app.js": LATE_FORM_JS[submits_with]})
    try:
        page.goto(f"{ORIGIN}/page")
        page.wait_for_function("() => window.signupguard && document.readyState === 'complete'")
        page.evaluate("() => window.signupguard.collect()")  # the data is ready before the form exists
        page.click("#open")
        page.click("form button[type=submit]")  # once
        page.wait_for_timeout(1500)  # past the collector's 800 ms hold: a late duplicate would be here
    finally:
        context.close()
    assert len(posts) == 1, posts
    device = _device_posted(posts[0])
    assert device is not None and len(device["fingerprint"]) >= 16, posts[0]
    assert "username=ana" in posts[0]


# The page posts the form itself, with fetch(), from its own submit handler.
FETCH_FORM_PAGE = """<!doctype html><form id="f" method="post" action="/signup">{fields}<button type="submit">Create</button></form>
{script}<script src="/app.js"></script>"""
FETCH_FORM_JS = """document.getElementById('f').addEventListener('submit', function (ev) {
  ev.preventDefault(); fetch('/signup', {method: 'POST', body: new URLSearchParams(new FormData(ev.target))}); });"""
# A slow device (a phone): the fingerprint's hash finishes 300 ms after the user submits, well inside the
# collector's 800 ms hold. Registered before the collector's own listener, so it sees the submit first.
SLOW_DIGEST = """(() => {
  const digest = crypto.subtle.digest.bind(crypto.subtle);
  let submitted; const submit = new Promise((resolve) => { submitted = resolve; });
  document.addEventListener('submit', () => submitted(), true);
  crypto.subtle.digest = (alg, data) => submit
    .then(() => new Promise((resolve) => setTimeout(resolve, 300))).then(() => digest(alg, data));
})();"""


def test_a_fetch_form_submitted_while_hashing_posts_once_with_device_data(browser) -> None:
    # The collector held the submit but let it reach the page's handler, then re-submitted it: the
    # page sent two signups, the first without device data.
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(SLOW_DIGEST)
    html = FETCH_FORM_PAGE.format(fields=_mixin_fields(), script=_collector(fields=False))
    posts = _serve(page, {"/page": html, "/app.js": FETCH_FORM_JS})
    try:
        page.goto(f"{ORIGIN}/page")
        page.wait_for_function("() => window.signupguard")
        assert page.input_value('input[data-signupguard="device"]') == ""  # still hashing
        page.click("#f button[type=submit]")
        page.wait_for_timeout(1500)
    finally:
        context.close()
    assert len(posts) == 1, posts
    device = _device_posted(posts[0])
    assert device is not None and len(device["fingerprint"]) >= 16, posts[0]


# Strict policies: no inline style, so the honeypot's style="" attribute is refused.
CSP_SELF = "default-src 'self'"
NONCE = "n0nce-b64-value"
CSP_NONCE = f"default-src 'none'; script-src 'nonce-{NONCE}'; style-src 'nonce-{NONCE}'"
# Records what the policy refused (standard event; Chromium reports inline attributes as style-src-attr).
VIOLATIONS = """window.__refused = [];
document.addEventListener('securitypolicyviolation', (e) => window.__refused.push(e.effectiveDirective));"""


@pytest.mark.parametrize("csp, collector", [
    (CSP_SELF, lambda: _collector()),
    (CSP_SELF, lambda: _mixin_fields() + _collector(fields=False)),
    (CSP_NONCE, lambda: _collector(csp_nonce=NONCE)),
], ids=["tag-fields", "mixin-fields", "nonce"])
def test_the_honeypot_stays_hidden_under_a_csp_without_inline_styles(browser, csp: str, collector) -> None:
    # It was hidden by its inline style alone: under such a policy a person saw an unlabelled text box,
    # and typing in it held the signup (policy.HONEYPOT).
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.add_init_script(VIOLATIONS)
    html = f'<!doctype html><form method="post" action="/signup"><input name="username">{collector()}' \
           '<button type="submit">Sign up</button></form>'
    _serve(page, {"/signup": html}, csp=csp)
    try:
        page.goto(f"{ORIGIN}/signup")
        page.wait_for_function("() => document.querySelector('input[data-signupguard=\"device\"]').value.length > 0",
                               timeout=10_000)  # the collector ran under the policy
        box = page.locator('input[data-signupguard="hp"]').bounding_box()
        refused = set(page.evaluate("() => window.__refused"))
    finally:
        context.close()
    assert refused == {"style-src-attr"}, refused  # the inline style only: not the stylesheet, not the script
    assert box is not None and box["x"] + box["width"] <= 0, box  # off-screen, left

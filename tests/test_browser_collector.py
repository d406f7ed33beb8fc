"""A real browser: Debian's Chromium, driven by Playwright, fills the portal's signup form.

Checks that collector.js posts its device data with the form (time zone,
screen, fingerprint) and that ``navigator.webdriver``, true under automation,
is recorded as such. Uses the system Chromium at /usr/bin/chromium; Playwright
never downloads a browser here.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.contrib.auth.models import User

from signupguard.enrichment.gpu import analyse_gpu
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

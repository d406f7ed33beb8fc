"""A reviewer in a real browser (Debian's Chromium via Playwright) stops a campaign.

Logs in, opens the queue, opens a held signup, reads its reasons and linked
accounts, blocks its cluster through the confirmation page, and sees the
farm's API keys revoked. Saves screenshots (docs/screenshots/ with SIGNUPGUARD_SCREENSHOTS=1).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from signupguard.contrib.rest_framework_api_key.models import AccountAPIKey
from signupguard.models import AccountStatus, Cluster
from tests.plugins.browser import playwright_chromium
from tests.plugins.console import ALLOW_ALL, REVIEW_ALL

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path(os.environ.get("SIGNUPGUARD_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# The README's screenshots are refreshed on request (SIGNUPGUARD_SCREENSHOTS=1);
# otherwise they go to var/, so a test run leaves the work tree clean.
SHOTS = Path(__file__).resolve().parent.parent / (
    "docs/screenshots" if os.environ.get("SIGNUPGUARD_SCREENSHOTS") else "var/screenshots"
)
FARM = {"fingerprint": "a41c9e07d2f35b18", "webdriver": False, "timezone": "Asia/Shanghai", "screen": "1366x768x24"}


@pytest.fixture
def chromium():
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    with playwright_chromium(CHROMIUM, CHROMIUM_ARGS) as browser:
        yield browser


def test_reviewer_blocks_a_campaign_and_its_keys_are_revoked(
    chromium, live_server, transactional_db, scored_signup, issue_key, reviewer,
) -> None:
    # A farm's first accounts got through and took API keys; ordinary users too.
    farm = [scored_signup(conf=ALLOW_ALL, device=FARM, ip=f"45.90.1.{n}", email=f"lee.wang{n}@gmail.com") for n in range(1, 5)]
    for attempt in farm:
        issue_key(attempt.user)
    legit = [scored_signup(conf=ALLOW_ALL, ip=f"81.2.{n}.10", email=f"person{n}@gmail.com") for n in range(3)]
    issue_key(legit[0].user)
    held = scored_signup(conf=REVIEW_ALL, device=FARM, ip="45.90.1.77", email="lee.wang77@gmail.com")
    scored_signup(conf=REVIEW_ALL, ip="81.2.9.10", email="maybe.person@gmail.com")
    SHOTS.mkdir(parents=True, exist_ok=True)

    page = chromium.new_page(viewport={"width": 1750, "height": 1000})
    page.goto(f"{live_server.url}/admin/login/?next=/admin/signupguard/attempt/")
    page.fill("#id_username", reviewer.username)
    page.fill("#id_password", "pw-123-secret")
    page.click("input[type=submit]")
    page.wait_for_selector("#sg-queue-count")
    assert "items pending review" in page.inner_text("#sg-queue-count")
    assert page.locator(f"#result_list a[href$='/attempt/{held.pk}/change/']").count() == 1
    page.screenshot(path=str(SHOTS / "queue.png"), full_page=True)

    page.click(f"#result_list a[href$='/attempt/{held.pk}/change/']")
    page.wait_for_selector("#sg-reasons")
    assert held.reasons[0]["text"] in page.inner_text("#sg-reasons")
    linked = page.inner_text("#sg-linked")
    assert "same device fingerprint" in linked and all(a.user.username in linked for a in farm)
    page.screenshot(path=str(SHOTS / "detail.png"), full_page=True)

    page.click("#sg-block-cluster")
    page.wait_for_selector(".sg-confirm")
    assert "This blocks 5 accounts and revokes 4 API keys" in page.inner_text(".sg-confirm")
    page.fill("#sg-note", "one device behind five accounts")
    page.click(".sg-confirm input[type=submit]")
    page.wait_for_selector("ul.messagelist")
    assert "5 account(s) blocked, 4 API key(s) revoked" in page.inner_text("ul.messagelist")

    cluster = Cluster.objects.get(members__user=held.user)
    page.goto(f"{live_server.url}/admin/signupguard/cluster/{cluster.pk}/change/")
    members = page.inner_text("#sg-members")
    assert members.count("blocked") == 5
    page.screenshot(path=str(SHOTS / "cluster.png"), full_page=True)
    page.goto(f"{live_server.url}/admin/signupguard/attempt/{farm[0].pk}/change/")
    assert "revoked" in page.inner_text("#sg-timeline")

    page.goto(f"{live_server.url}/admin/signupguard/dashboard/")
    page.wait_for_selector("#sg-per-hour svg")
    page.screenshot(path=str(SHOTS / "dashboard.png"), full_page=True)
    page.close()

    assert AccountAPIKey.objects.filter(user__in=[a.user for a in farm], revoked=False).count() == 0
    assert AccountAPIKey.objects.filter(user=legit[0].user, revoked=False).count() == 1
    assert set(AccountStatus.objects.filter(user__in=[a.user for a in farm]).values_list("status", flat=True)) == {"blocked"}

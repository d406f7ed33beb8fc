"""Allow and deny lists as people write them, and their order (found in an audit, session 21)."""

from __future__ import annotations

import pytest
from django.core import checks

from signupguard.dashboard import model_summary
from signupguard.gate import is_cleared

pytestmark = pytest.mark.django_db
MEMORY = {"VELOCITY_BACKEND": "signupguard.velocity.memory.MemoryVelocityStore"}


@pytest.mark.parametrize("conf", [
    {"DENY_IP_RANGES": ["203.0.113.0/24", "198.51.100.0/33"]},  # one typo among the entries
    {"ALLOW_IP_RANGES": ["10.0.0.0/8 "]},  # a trailing space
    {"BLOCK_THRESHOLD": 1.5},
    {"REVIEW_THRESHOLD": -0.1},
    {"DENY_EMAIL_DOMAINS": [None]},
    {"DENY_ASNS": 64500},
])
@pytest.mark.parametrize("fail_mode", ["closed", "open"])
def test_a_bad_entry_is_skipped_not_every_verdict_lost(scored_signup, conf, fail_mode):
    # Every attempt failed, so FAIL_MODE decided: "open" cleared everyone, deny-listed ones included.
    attempt = scored_signup(conf={**MEMORY, **conf, "FAIL_MODE": fail_mode}, ip="81.2.69.160")
    assert attempt.state == "scored" and attempt.score is not None


@pytest.mark.parametrize("conf, entry_ok", [
    ({"DENY_IP_RANGES": ["198.51.100.0/33"]}, False),
    ({"DENY_ASNS": ["AS64500"]}, True),  # as people write them: read, and no error
    ({"ALLOW_ASNS": "13335"}, True),  # a lone value is one entry, not its digits; the shape is reported
    ({"DENY_EMAIL_DOMAINS": "evil.example"}, True),
    ({"DENY_EMAIL_DOMAINS": [None]}, False),
    ({"DENY_ASNS": 64500}, True),  # check itself crashed on it
])
def test_check_reports_list_shapes_and_entries_it_skips(settings, conf, entry_ok):
    settings.SIGNUPGUARD = {**MEMORY, **conf}
    texts = [m.msg for m in checks.run_checks() if m.id == "signupguard.E031"]
    lone = not isinstance(next(iter(conf.values())), list)
    assert any("is not a list" in t for t in texts) == lone
    assert any("it is skipped" in t for t in texts) == (not entry_ok)


def test_a_deny_listed_network_wins_over_allow_lists(scored_signup, geoip_dbs):
    # "Your deny lists still block": an allow-listed email domain is typed by the signer-up.
    conf = {**MEMORY, "ALLOW_EMAIL_DOMAINS": ["customer.example"], "DENY_IP_RANGES": ["81.2.69.0/24"]}
    attempt = scored_signup(conf=conf, ip="81.2.69.160", email="anyone@customer.example")
    assert attempt.decision == "block" and not is_cleared(attempt.user)
    # An abusive /32 inside the office's allow-listed network.
    conf = {**MEMORY, **geoip_dbs.settings(), "ALLOW_ASNS": [20712], "DENY_IP_RANGES": ["81.2.69.160/32"]}
    assert scored_signup(conf=conf, ip="81.2.69.160").decision == "block"
    assert scored_signup(conf=conf, ip="81.2.69.161").decision == "allow"


@pytest.mark.parametrize("listed, email", [
    ("xn--bcher-kva.example", "x@bücher.example"), ("xn--bcher-kva.example", "x@xn--bcher-kva.example"),
    ("bücher.example", "x@xn--bcher-kva.example"), (" bücher.example", "x@bücher.example"),
])
def test_a_domain_matches_in_either_spelling(scored_signup, listed, email):
    attempt = scored_signup(conf={**MEMORY, "DENY_EMAIL_DOMAINS": [listed]}, ip="81.2.69.160", email=email)
    assert attempt.decision == "block"


def test_the_dashboard_shows_the_thresholds_in_force(settings):
    settings.SIGNUPGUARD = {**MEMORY, "BLOCK_THRESHOLD": 1.0}  # the README's "hold rather than block"
    assert model_summary()["block"] == 1.0

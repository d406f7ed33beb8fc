import math

import pytest

from signupguard.features import FEATURE_NAMES
from signupguard.reasons import describe, top_reasons


@pytest.mark.parametrize("name", FEATURE_NAMES)
def test_every_feature_has_words(name):
    for value in (0.0, 1.0, 14.0, float("nan")):
        text = describe(name, value)
        assert isinstance(text, str) and text and "{" not in text


@pytest.mark.parametrize("name", FEATURE_NAMES)
def test_a_flag_that_is_off_reads_as_a_sentence_of_its_own(name):
    # An off flag can push a score ("not a mobile browser"): its reason must read as words, not "not: <text>".
    on, off = describe(name, 1.0), describe(name, 0.0)
    assert not off.startswith("not: ") and not on.startswith("not: ")


def test_velocity_wording():
    assert describe("v_prefix_1h", 14) == "14 earlier attempts from this network (/24 or /64) in the last hour"
    assert describe("d_device_accounts_7d", 5) == "5 accounts used this device in the last 7 days"
    assert describe("d_email_accounts_1h", 1) == "1 account uses this mailbox in the last hour"
    assert describe("v_ip_10m", 1) == "1 earlier attempt from this IP address in the last 10 minutes"
    assert describe("share_profile_1h", 0.0).startswith("no other attempt in the last hour came from this exact browser")
    assert describe("share_asn_24h", 0.0004) == "under 0.1% of all attempts in the last 24 hours came from this autonomous system"
    assert describe("share_asn_24h", 0.25) == "25.0% of all attempts in the last 24 hours came from this autonomous system"


def test_top_reasons_largest_positive_first():
    contributions = [0.0] * len(FEATURE_NAMES)
    values = [1.0] * len(FEATURE_NAMES)
    contributions[3], contributions[7], contributions[9] = 0.5, 2.0, -1.0
    out = top_reasons(contributions, values, limit=5)
    assert [r["feature"] for r in out] == [FEATURE_NAMES[7], FEATURE_NAMES[3]]
    assert out[0]["contribution"] == 2.0 and not math.isnan(out[0]["contribution"])


def test_foreign_share_of_an_address_wording():
    text = describe("foreign_share_ip_7d", 0.6)
    assert text.startswith("60% of the earlier attempts from this IP address in the last 7 days had a device clock")
    assert describe("foreign_share_ip_7d", float("nan")) == "no IP address to look up"


def test_foreign_excess_of_an_address_reads_in_points_above_or_below_its_network():
    assert describe("foreign_excess_ip_7d", 0.45).startswith(
        "this IP address's share of foreign device clocks was 45 points above its network's")
    assert " 36 points below its network's" in describe("foreign_excess_ip_7d", -0.357)
    assert describe("foreign_excess_ip_7d", float("nan")) == "no IP address or network owner (ASN) to look up"


@pytest.mark.parametrize("name", [
    "local_hour", "username_email_overlap", "email_dots_removed", "email_local_len", "email_local_digits",
    "email_digit_ratio", "email_entropy", "email_trailing_digits", "email_class_runs",
])
def test_features_that_can_be_unknown_say_why_in_plain_words(name):
    # They read "local hour: unknown" (found in an audit): unknown on any install without a City record.
    text = describe(name, float("nan"))
    assert name.replace("_", " ") not in text  # not the feature's own name, as the fallback gives


@pytest.mark.parametrize("name, absent", [
    ("login_failed", "a signup"), ("email_invalid", "no email given"), ("ip_private", "no address"),
    ("ip_v6", "no address"),
])
def test_an_off_flag_reads_true_where_its_subject_is_absent(name, absent):
    # These flags are 0 for a signup / a missing email or address too: the text must not claim the opposite.
    text = describe(name, 0.0)
    assert text.startswith("no ") or " not " in text, (name, absent, text)

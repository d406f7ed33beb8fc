import pytest
from django.test import override_settings

from signupguard.enrichment.types import DeviceInfo, EmailInfo, Enrichment, FormInfo, IPInfo, UAInfo
from signupguard.policy import HardRules, Thresholds, decide, effective_thresholds


def enrichment(**ip_fields) -> Enrichment:
    email = ip_fields.pop("email", EmailInfo(present=True, valid=True, domain="example.org"))
    form = ip_fields.pop("form", FormInfo())
    return Enrichment(ip=IPInfo(**ip_fields), email=email, ua=UAInfo(), device=DeviceInfo(), form=form)


T = Thresholds(review=0.3, block=0.9)


@pytest.mark.parametrize("score, expected", [(0.0, "allow"), (0.29, "allow"), (0.3, "review"), (0.89, "review"), (0.9, "block"), (1.0, "block")])
def test_thresholds(score, expected):
    assert decide(score=score, thresholds=T, enrichment=enrichment()).decision == expected


def test_thresholds_validate_order():
    with pytest.raises(ValueError):
        Thresholds(review=0.9, block=0.5)


def test_reasons_are_carried():
    reasons = [{"feature": "v_prefix_1h", "contribution": 1.2, "text": "14 ..."}]
    d = decide(score=0.95, thresholds=T, enrichment=enrichment(), reasons=reasons)
    assert d.reasons == reasons


@pytest.mark.parametrize("score, expected, by_rule", [(0.0, "review", True), (0.5, "review", False), (0.95, "block", False)])
def test_a_filled_honeypot_holds_for_review_at_least_and_the_score_decides_a_block(score, expected, by_rule):
    # Autofill fills hidden fields now and then: a person reviews what the model does not block.
    model = [{"feature": "form_fill_ms", "contribution": 0.4, "text": "..."}]
    d = decide(score=score, thresholds=T, enrichment=enrichment(form=FormInfo(honeypot_filled=True)), reasons=model)
    assert d.decision == expected
    assert d.reasons[0]["feature"] == "rule" and "honeypot" in d.reasons[0]["text"] and d.reasons[1:] == model
    assert (d.rule is not None) == by_rule  # the rule decided only where it raised the model's decision


def test_allow_list_outranks_a_filled_honeypot():
    rules = HardRules(allow_domains=frozenset({"example.org"}))
    d = decide(score=0.99, thresholds=T, enrichment=enrichment(form=FormInfo(honeypot_filled=True)), rules=rules)
    assert d.decision == "allow"


def test_allow_and_deny_lists():
    with override_settings(SIGNUPGUARD={"ALLOW_IP_RANGES": ["10.1.0.0/16"], "DENY_ASNS": [64500],
                                        "DENY_EMAIL_DOMAINS": ["evil.example"], "ALLOW_EMAIL_DOMAINS": ["corp.example"]}):
        r = HardRules.from_settings()
        assert decide(score=0.99, thresholds=T, enrichment=enrichment(address="10.1.2.3", version=4), rules=r).decision == "allow"
        assert decide(score=0.0, thresholds=T, enrichment=enrichment(asn=64500, address="192.0.2.1", version=4), rules=r).decision == "block"
        sub = EmailInfo(present=True, valid=True, domain="mx.evil.example")
        assert decide(score=0.0, thresholds=T, enrichment=enrichment(email=sub), rules=r).decision == "block"
        corp = EmailInfo(present=True, valid=True, domain="corp.example")
        assert decide(score=0.99, thresholds=T, enrichment=enrichment(email=corp), rules=r).decision == "allow"
        # IPv6 address against an IPv4 range: no crash, no match.
        assert decide(score=0.0, thresholds=T, enrichment=enrichment(address="2001:db8::1", version=6), rules=r).decision == "allow"


def test_settings_override_model_thresholds():
    with override_settings(SIGNUPGUARD={"REVIEW_THRESHOLD": 0.5}):
        t = effective_thresholds(T)
        assert (t.review, t.block) == (0.5, 0.9)
    assert effective_thresholds(T) == T


def test_a_threshold_override_never_crosses_the_other():
    cases = [
        # A threshold set alone wins; the model's other one (0.3 / 0.9) yields to it rather than failing.
        ({"BLOCK_THRESHOLD": 0.2}, (0.2, 0.2)),
        ({"REVIEW_THRESHOLD": 0.95}, (0.95, 0.95)),
        # Both set and crossed is check error E030; scoring still does not fail: review drops to block.
        ({"REVIEW_THRESHOLD": 0.8, "BLOCK_THRESHOLD": 0.6}, (0.6, 0.6)),
        # On its own side of the model's other threshold it changes nothing else.
        ({"BLOCK_THRESHOLD": 0.5}, (0.3, 0.5)),
        ({"REVIEW_THRESHOLD": 0.9}, (0.9, 0.9)),
    ]
    for override, expected in cases:
        with override_settings(SIGNUPGUARD=override):
            t = effective_thresholds(T)
        assert (t.review, t.block) == expected, override


def test_a_lone_block_threshold_below_the_models_review_leaves_nothing_to_review():
    with override_settings(SIGNUPGUARD={"BLOCK_THRESHOLD": 0.2}):
        t = effective_thresholds(T)
    decisions = {decide(score=s, thresholds=t, enrichment=enrichment()).decision for s in (0.19, 0.2, 0.25, 0.5)}
    assert decide(score=0.19, thresholds=t, enrichment=enrichment()).decision == "allow"
    assert decisions == {"allow", "block"}


def _random_ranges(rng, count: int) -> list:
    import ipaddress

    ranges = []
    for _ in range(count):
        if rng.random() < 0.7:
            length = rng.choice([8, 12, 16, 20, 24, 24, 28, 32])
            ranges.append(ipaddress.ip_network((rng.getrandbits(32), length), strict=False))
        else:
            length = rng.choice([32, 48, 56, 64, 128])
            ranges.append(ipaddress.ip_network((rng.getrandbits(128), length), strict=False))
    return ranges


def test_listed_ranges_match_as_a_scan_of_every_range_does():
    # Ranges are indexed by prefix length (thousands are scanned in no time); the matches are the scan's.
    import ipaddress
    import random

    from signupguard.policy import NetworkIndex

    rng = random.Random(4)
    ranges = _random_ranges(rng, 3000)
    index = NetworkIndex(ranges)
    probes = [ipaddress.ip_address(rng.getrandbits(32)) for _ in range(3000)]
    probes += [ipaddress.ip_address(rng.getrandbits(128)) for _ in range(500)]
    # Addresses inside listed ranges, at their edges too.
    for net in rng.sample(ranges, 800):
        probes += [net.network_address, net.broadcast_address, net.network_address + rng.randrange(net.num_addresses)]
    hits = 0
    for address in probes:
        holding = [net for net in ranges if net.version == address.version and address in net]
        found = index.holding(address)
        if not holding:
            assert found is None, (address, found)
            continue
        hits += 1
        assert found in holding and found.prefixlen == max(net.prefixlen for net in holding), (address, found)
    assert hits >= 2400  # the probes did reach into listed ranges
    assert NetworkIndex([]).holding(probes[0]) is None


def test_the_narrowest_listed_range_is_named_whatever_the_lists_order():
    with override_settings(SIGNUPGUARD={"DENY_IP_RANGES": ["203.0.0.0/8", "203.0.113.0/24", "2001:db8::/32"]}):
        rules = HardRules.from_settings()
    d = decide(score=0.0, thresholds=T, enrichment=enrichment(address="203.0.113.9", version=4), rules=rules)
    assert d.decision == "block" and "203.0.113.0/24" in d.reasons[0]["text"]
    d = decide(score=0.0, thresholds=T, enrichment=enrichment(address="203.9.9.9", version=4), rules=rules)
    assert d.decision == "block" and "203.0.0.0/8" in d.reasons[0]["text"]
    d = decide(score=0.0, thresholds=T, enrichment=enrichment(address="2001:db8:5::1", version=6), rules=rules)
    assert d.decision == "block" and "2001:db8::/32" in d.reasons[0]["text"]

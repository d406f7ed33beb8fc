import math

from signupguard.context import parse_event
from signupguard.engine import Engine
from signupguard.enrichment import Enricher
from signupguard.features import FEATURE_INDEX, FEATURE_NAMES, SCHEMA_HASH, build_features
from signupguard.velocity.keys import DEPLOYMENT_EVIDENCE, forwarded
from signupguard.velocity.memory import MemoryVelocityStore
from tests.plugins.events import CHROME, farm_event, make_event


def run(events):
    engine = Engine(enricher=Enricher(), store=MemoryVelocityStore())
    return [engine.prepare(parse_event(e)).features for e in events]


def same(a, b):
    return all((math.isnan(x) and math.isnan(y)) or x == y for x, y in zip(a, b)) and len(a) == len(b)


def test_vector_matches_names():
    (row,) = run([make_event(1)])
    assert len(row) == len(FEATURE_NAMES)
    assert len(SCHEMA_HASH) == 16


def test_features_are_deterministic():
    events = [make_event(n) for n in range(30)] + [farm_event(n) for n in range(30, 60)]
    first, second = run(events), run(events)
    assert all(same(a, b) for a, b in zip(first, second))


def test_build_features_is_pure():
    engine = Engine(enricher=Enricher(), store=MemoryVelocityStore())
    prepared = engine.prepare(parse_event(farm_event(5)))
    again = build_features(prepared.event, prepared.enrichment, prepared.velocity)
    assert same(prepared.features, again)


def test_velocity_features_count_earlier_events():
    rows = run([farm_event(n) for n in range(6)])
    assert [r[FEATURE_INDEX["v_device_1h"]] for r in rows] == [0, 1, 2, 3, 4, 5]
    assert [r[FEATURE_INDEX["d_device_accounts_1h"]] for r in rows] == [1, 2, 3, 4, 5, 6]


def test_a_device_is_its_fingerprint_clock_and_languages():
    # Another collector may hash no locale in: one model's iPhones then share a fingerprint
    # worldwide. People with other clocks or languages are other devices; a farm's one device stays one.
    def on(n, timezone, languages):
        return farm_event(n, device={"fingerprint": "fp-iphone", "timezone": timezone, "languages": languages})

    rows = run([on(0, "Asia/Shanghai", ["zh-CN"]), on(1, "Europe/Madrid", ["es-ES"]), on(2, "America/New_York", ["en-US"]),
                on(3, "Asia/Shanghai", ["zh-CN"]), on(4, "Asia/Shanghai", ["zh-CN", "en"]), on(5, "Asia/Shanghai", ["zh-CN"])])
    assert [r[FEATURE_INDEX["d_device_accounts_7d"]] for r in rows] == [1, 1, 1, 2, 1, 3]
    assert [r[FEATURE_INDEX["v_device_7d"]] for r in rows] == [0, 0, 0, 1, 0, 2]


def test_farm_signals_show():
    legit, farm = run([make_event(1), farm_event(2)])
    assert legit[FEATURE_INDEX["device_webdriver"]] == 0 and farm[FEATURE_INDEX["device_webdriver"]] == 1
    assert farm[FEATURE_INDEX["ua_headless"]] == 1
    assert farm[FEATURE_INDEX["email_disposable"]] == 1
    assert legit[FEATURE_INDEX["form_fill_ms"]] > farm[FEATURE_INDEX["form_fill_ms"]]


def test_missing_parts_are_nan_not_errors():
    bare = {"event_id": "x", "kind": "login", "occurred_at": "2026-01-01T00:00:00Z", "ip": "not an ip"}
    (row,) = run([bare])
    assert row[FEATURE_INDEX["ip_invalid"]] == 1
    assert row[FEATURE_INDEX["device_missing"]] == 1
    assert math.isnan(row[FEATURE_INDEX["form_fill_ms"]])


# --- population and neighbourhood features ------------------------------------------

import pytest  # noqa: E402

from signupguard.enrichment.geo import GeoDatabases  # noqa: E402

SHANGHAI_FROM_GB = {"fingerprint": "fp-x", "timezone": "Asia/Shanghai", "languages": ["zh-CN"], "screen": "1920x1080x24",
                    "platform": "Win32", "webdriver": False, "touch_points": 0}
FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0"
HINTS = {"sec-ch-ua": '"Chromium";v="131", "Google Chrome";v="131", "Not_A Brand";v="24"',
         "sec-ch-ua-platform": '"Windows"', "sec-ch-ua-mobile": "?0"}


@pytest.fixture
def geo_run(geoip_dbs):
    """Like ``run``, with GeoIP (81.2.69.0/24 is in GB), so device zones can contradict the address."""
    def run_geo(events):
        engine = Engine(enricher=Enricher(geo=GeoDatabases(**geoip_dbs.kwargs())), store=MemoryVelocityStore())
        return [engine.prepare(parse_event(e)).features for e in events]
    return run_geo


def browser(n, **overrides):
    """A legitimate Chrome signup from GB with its Client Hints."""
    fields = {"ip": f"81.2.69.{n % 120 + 1}", "headers": {**make_event(n)["headers"], **HINTS}, **overrides}
    return make_event(n, **fields)


def test_zone_foreign_share_counts_earlier_events_of_the_zone(geo_run):
    shanghai = [browser(n, device={**SHANGHAI_FROM_GB, "fingerprint": f"fp-{n}"}) for n in range(4)]
    london = [browser(n) for n in range(10, 13)]
    rows = geo_run(shanghai[:3] + london + shanghai[3:])
    share = [r[FEATURE_INDEX["zone_foreign_share_24h"]] for r in rows]
    # Shanghai clocks behind GB addresses: 0 of 0, 1 of 1, 2 of 2 earlier ones were foreign (+1 in the denominator).
    assert share[:3] == [0.0, 0.5, 2 / 3]
    # London clocks from GB are at home: their zone's share stays 0 whatever Shanghai does.
    assert share[3:6] == [0.0, 0.0, 0.0]
    assert share[6] == 3 / 4
    assert [r[FEATURE_INDEX["zone_foreign_share_7d"]] for r in rows] == share
    # No device clock, nothing to compare.
    (bare,) = geo_run([browser(20, device=None)])
    assert math.isnan(bare[FEATURE_INDEX["zone_foreign_share_24h"]])


def test_a_utc_clock_is_its_own_signal_and_no_foreign_clock(geo_run):
    """Tor Browser and Firefox's resistFingerprinting report UTC everywhere: no country's clock, so
    neither a mismatch with the address's country nor a foreign clock in the address's crowd."""
    utc = {**SHANGHAI_FROM_GB, "timezone": "UTC", "languages": ["en-US", "en"]}
    ip = "81.2.69.10"
    rows = geo_run([browser(n, ip=ip, device={**utc, "fingerprint": "rfp"}, headers={"user-agent": FIREFOX})
                    for n in range(3)] + [browser(3, ip=ip, device={**SHANGHAI_FROM_GB})])
    name = FEATURE_INDEX.__getitem__
    for row in rows[:3]:
        assert row[name("device_clock_non_geographic")] == 1.0
        assert math.isnan(row[name("device_tz_country_mismatch")])
        assert row[name("device_tz_offset_diff")] == 1.0  # still compared with the address: London is on UTC+1 in June
    assert [r[name("zone_foreign_share_24h")] for r in rows[:3]] == [0.0, 0.0, 0.0]
    assert rows[3][name("foreign_share_ip_7d")] == 0.0  # three UTC clocks before it, none foreign
    shanghai = rows[3]
    assert shanghai[name("device_clock_non_geographic")] == 0.0 and shanghai[name("device_tz_country_mismatch")] == 1.0
    (bare,) = geo_run([browser(9, device=None)])
    assert math.isnan(bare[name("device_clock_non_geographic")])


def test_local_hour_is_the_addresss_not_the_device_clocks(geo_run):
    # 12:30 UTC is 12:30 in London in winter, whatever zone the device says; without a City
    # record there is no local hour (the device's clock is the client's to set).
    event = browser(1, occurred_at="2026-01-15T12:30:00Z", device={**SHANGHAI_FROM_GB})
    (row,) = geo_run([event])
    assert row[FEATURE_INDEX["local_hour"]] == 12.5
    (row,) = run([event])
    assert math.isnan(row[FEATURE_INDEX["local_hour"]])


def test_tell_shares_span_signups_and_logins(geo_run):
    ip = "81.2.69.10"
    events = [
        browser(0, ip=ip, headers={"user-agent": "python-requests/2.31.0"}, device=None),  # a tell: an HTTP library
        browser(1, ip=ip, kind="login", success=False, account="u-0"),  # a tell: a failed login
        browser(2, ip=ip, kind="login", success=True, account="u-0"),
        browser(3, ip=ip),
        browser(4, ip="81.2.69.77"),
    ]
    rows = geo_run(events)
    shares = [r[FEATURE_INDEX["tell_share_ip_7d"]] for r in rows]
    # Each reads the earlier events of its address, either kind: tells / (events + 1).
    assert shares[:4] == [0.0, 1 / 2, 2 / 3, 2 / 4]
    assert shares[4] == 0.0  # another address ...
    assert rows[4][FEATURE_INDEX["tell_share_asn_7d"]] == 2 / 5  # ... of the same network owner
    # Profiles and devices: event 3 shares its device and profile with no earlier event carrying a tell.
    assert rows[3][FEATURE_INDEX["tell_share_device_7d"]] == 0.0


def test_foreign_share_of_an_address_spans_signups_and_logins(geo_run):
    ip = "81.2.69.10"
    shanghai = {**SHANGHAI_FROM_GB}
    events = [
        browser(0, ip=ip, device={**shanghai, "fingerprint": "fp-0"}),  # a Shanghai clock behind a GB address
        browser(1, ip=ip),  # a London clock: at home
        browser(2, ip=ip, kind="login", success=True, account="u-0", device={**shanghai, "fingerprint": "fp-2"}),
        browser(3, ip=ip, device={**shanghai, "fingerprint": "fp-3"}),
        browser(4, ip="81.2.69.77", device={**shanghai, "fingerprint": "fp-4"}),
        browser(5, ip=ip, device=None),
    ]
    rows = geo_run(events)
    shares = [r[FEATURE_INDEX["foreign_share_ip_7d"]] for r in rows]
    # Each reads the earlier events of its address, signups and logins: foreign clocks / (events + 1);
    # the event's own clock does not count (a traveller's first visit reads 0).
    assert shares[:4] == [0.0, 1 / 2, 1 / 3, 2 / 4]
    assert shares[4] == 0.0  # another address
    assert shares[5] == 3 / 5  # an event without a device still reads its address's crowd
    (bare,) = geo_run([browser(6, ip="not an ip")])
    assert math.isnan(bare[FEATURE_INDEX["foreign_share_ip_7d"]])


def test_foreign_excess_compares_an_address_with_its_network(geo_run):
    shanghai = {**SHANGHAI_FROM_GB}
    # A network of households (GB, one ASN) and one address among them serving Shanghai clocks.
    homes = [browser(n, ip=f"81.2.69.{n + 1}") for n in range(6)]
    exit_ = [browser(10 + n, ip="81.2.69.10", device={**shanghai, "fingerprint": f"fp-{n}"}) for n in range(4)]
    # A network whose every address serves foreign clocks (a VPN's exits: US addresses, Shanghai clocks).
    vpn = [browser(20 + n, ip=f"3.0.0.{n + 1}", device={**shanghai, "fingerprint": f"fp-v{n}"}) for n in range(6)]
    again = browser(30, ip="3.0.0.1", device={**shanghai, "fingerprint": "fp-v9"})
    rows = geo_run(homes + exit_ + vpn + [again])
    proxy, user = rows[9], rows[-1]
    name = FEATURE_INDEX.__getitem__
    # The exit's 4th event: 3 of its 3 earlier events foreign (3/4); 3 of its network's 9 (3/10).
    assert proxy[name("foreign_share_ip_7d")] == 3 / 4 and proxy[name("foreign_share_asn_7d")] == 3 / 10
    assert proxy[name("foreign_excess_ip_7d")] == 3 / 4 - 3 / 10
    # The VPN user: 1 of 1 earlier event of the address (1/2), 6 of 6 of the network (6/7): below its network.
    assert user[name("foreign_share_ip_7d")] == 1 / 2 and user[name("foreign_share_asn_7d")] == 6 / 7
    assert user[name("foreign_excess_ip_7d")] == 1 / 2 - 6 / 7 < 0
    (bare,) = run([browser(40, device={**shanghai})])  # no ASN database: nothing to compare with
    assert math.isnan(bare[name("foreign_share_asn_7d")]) and math.isnan(bare[name("foreign_excess_ip_7d")])


def test_missing_client_hints_count_where_the_deployments_chromium_sends_them(geo_run):
    bare = make_event(0)["headers"]  # the same Chrome User-Agent, without its hints
    i = FEATURE_INDEX["ua_hints_missing"]
    sending = [browser(n) for n in range(DEPLOYMENT_EVIDENCE)]
    # The k-th without hints (from 0) reads 1 while 21 of the 21 + k earlier Chromium browsers sent
    # theirs, at least half: up to k = 21. At k = 22, 21 of 43 is less than half: NaN.
    without = [browser(100 + k, headers=bare) for k in range(23)]
    rows = geo_run(sending + [browser(99)] + without + [browser(200, headers={"user-agent": FIREFOX})])
    assert all(math.isnan(r[i]) for r in rows[:DEPLOYMENT_EVIDENCE])  # too few Chromium browsers seen yet
    assert rows[DEPLOYMENT_EVIDENCE][i] == 0  # sent its hints
    flags = [r[i] for r in rows[DEPLOYMENT_EVIDENCE + 1:-1]]
    assert flags[:22] == [1.0] * 22 and math.isnan(flags[22])
    assert math.isnan(rows[-1][i])  # Firefox never sends hints
    # There a missing hint is also a tell its neighbours read: 3 of the address's 3 earlier events (+1).
    # (A mark follows the reading of the event before: browser 99 read the 20 that make the norm.)
    shared = [browser(300 + k, ip="81.2.69.77", headers=bare) for k in range(3)] + [browser(310, ip="81.2.69.77")]
    neighbour = geo_run(sending + [browser(99)] + shared)[-1]
    assert neighbour[FEATURE_INDEX["tell_share_ip_7d"]] == 3 / 4
    # A site whose Chromium browsers' hints never arrive (an HTTP origin, a proxy stripping sec-ch-*):
    # their absence is no tell, and no neighbourhood counts it as one.
    stripped = geo_run([browser(n, ip="81.2.69.5", headers=bare) for n in range(3 * DEPLOYMENT_EVIDENCE)])
    assert all(math.isnan(r[i]) for r in stripped)
    assert {r[FEATURE_INDEX["tell_share_ip_7d"]] for r in stripped} == {0.0}


def test_client_hints_are_expected_per_integration(geo_run):
    # One portal, two integrations: a web form whose browser headers come through, and a lite
    # endpoint that passes on only User-Agent and Accept-Language, so no Client Hints arrive
    # through it, from anyone.
    web = {"accept": "text/html,application/xhtml+xml", "accept-encoding": "gzip, deflate, br"}
    lite = make_event(0)["headers"]
    hints, fill = FEATURE_INDEX["ua_hints_missing"], FEATURE_INDEX["form_fill_missing"]
    site = [browser(n, headers={**browser(n)["headers"], **web}) for n in range(3 * DEPLOYMENT_EVIDENCE)]
    through_lite = [browser(100 + k, headers=lite, form=None) for k in range(DEPLOYMENT_EVIDENCE)]
    # A script posting a Chrome User-Agent through the web form, with the headers any HTTP client sends.
    script = browser(300, headers={"user-agent": CHROME, **web}, form=None)
    rows = geo_run(site + through_lite + [script])
    # The lite endpoint's attempts are judged against its own traffic, where hints never arrive,
    # and no neighbour counts their absence as a tell. The fill time stays deployment-wide: a
    # script stripping its headers still answers for the form it did not time.
    for row in rows[len(site):-1]:
        assert math.isnan(row[hints]) and row[fill] == 1.0
        assert row[FEATURE_INDEX["tell_share_ip_7d"]] == 0.0
    # The web form's Chromium browsers still send their hints: there a missing one counts.
    assert rows[-1][hints] == 1.0 and rows[-1][fill] == 1.0
    # Judged against the web form's traffic, the lite endpoint's first attempt would have read as a script's.
    (as_if_web,) = geo_run(site + [browser(100, headers={**lite, **web}, form=None)])[-1:]
    assert as_if_web[hints] == 1.0
    assert forwarded(web) and not forwarded(lite) and forwarded({**lite, "sec-fetch-mode": "navigate"})


def test_a_missing_fill_time_counts_where_the_deployments_forms_are_timed(geo_run):
    i = FEATURE_INDEX["form_fill_missing"]
    timed = [browser(n) for n in range(DEPLOYMENT_EVIDENCE)]
    rows = geo_run(timed + [browser(50, form=None), browser(51)])
    assert all(math.isnan(r[i]) for r in rows[:DEPLOYMENT_EVIDENCE])  # too few events seen yet
    assert rows[-2][i] == 1.0 and rows[-1][i] == 0.0
    # An API-only portal times no form: the missing fill time is no tell there.
    untimed = geo_run([browser(n, form=None) for n in range(3 * DEPLOYMENT_EVIDENCE)])
    assert all(math.isnan(r[i]) for r in untimed)
    assert all(math.isnan(r[FEATURE_INDEX["form_fill_ms"]]) for r in untimed)


def test_an_address_is_measured_against_the_usual_address_of_its_network(geo_run):
    a, b, c = "81.2.69.10", "81.2.69.20", "81.2.69.30"  # three addresses of one network owner
    events = [
        browser(0, ip=a),
        browser(1, ip=b),
        browser(2, ip=a, kind="login", success=True, account="u-0"),
        browser(3, ip=a),
        browser(4, ip=c),
    ]
    rows = geo_run(events)
    load = [r[FEATURE_INDEX["asn_load_7d"]] for r in rows]
    # Earlier events of the network (signups and logins) per address seen in it, this one's included.
    assert load == [0.0, 1 / 2, 2 / 2, 3 / 2, 4 / 3]
    for window in ("1h", "7d"):
        busy = [r[FEATURE_INDEX[f"ip_load_vs_asn_{window}"]] for r in rows]
        # (earlier events of the address + 1) / (the network's load + 1).
        assert busy == [1.0, 1 / 1.5, 2 / 2, 3 / 2.5, 1 / (4 / 3 + 1)]
    share = rows[3][FEATURE_INDEX["ip_kind_share_vs_asn_7d"]]
    # The address: 1 signup, 1 login; the network: 2 signups, 1 login (smoothed: +1 / +2).
    assert share == (2 / 4) / (3 / 5)
    (bare,) = geo_run([browser(5, ip="not an ip")])
    assert all(math.isnan(bare[FEATURE_INDEX[name]])
               for name in ("asn_load_7d", "ip_load_vs_asn_1h", "ip_load_vs_asn_7d", "ip_kind_share_vs_asn_7d"))


def test_failed_logins_of_a_network_are_a_share_of_its_traffic(geo_run):
    # A combo list sprayed over several exits of one network: each address fails once,
    # but the network sees most of its recent logins fail.
    def login(n, ip, success):
        return browser(n, ip=ip, kind="login", success=success, account=None if not success else f"u-{n}")

    events = [
        login(0, "81.2.69.10", False),
        login(1, "81.2.69.11", False),
        login(2, "81.2.69.12", True),
        login(3, "81.2.69.13", False),
        browser(4, ip="81.2.69.14"),  # a signup in the same network reads the same share
        login(5, "89.160.0.5", True),  # another network: none of those failures are its own
    ]
    rows = geo_run(events)
    share = [r[FEATURE_INDEX["failed_share_asn_1h"]] for r in rows]
    # Earlier failed logins of the network in the hour / (its earlier events, signups and logins, + 1).
    assert share[:5] == [0.0, 1 / 2, 2 / 3, 2 / 4, 3 / 5]
    assert share[5] == 0.0
    (bare,) = geo_run([browser(6, ip="not an ip")])
    assert math.isnan(bare[FEATURE_INDEX["failed_share_asn_1h"]])


def test_velocity_rows_of_a_batch_are_those_of_each_event_alone():
    """Offline runs compute a chunk's velocity features at once, live scoring one event's: the same rows."""
    import random

    import numpy as np

    from signupguard.features import EVENT_FEATURES, presence_values, velocity_features, velocity_rows
    from signupguard.velocity.keys import FLAT_LENGTH, Velocity, flat_count, flat_distinct

    rng = random.Random(7)
    flats = [[rng.choice([0, 0, 1, 3, 40, 2**40]) for _ in range(FLAT_LENGTH)] for _ in range(300)]
    presences = [tuple(rng.choice([True, False]) for _ in range(5)) + (rng.choice([None, True, False]), rng.random() < 0.5)
                 for _ in range(300)]
    batch = velocity_rows(np.array(flats), np.array([presence_values(p) for p in presences]))
    for flat, presence, row in zip(flats, presences, batch):
        assert same(velocity_features(Velocity.from_flat(flat), presence), row.tolist())
    # Two features by hand: the /24's share of the last hour's events, and the address's failed logins.
    flat, presence, row = flats[0], presences[0], batch[0]
    share = FEATURE_INDEX["share_prefix_1h"] - EVENT_FEATURES
    assert row[share] == flat[flat_count("prefix") + 1] / (flat[flat_count("all") + 1] + 1.0)
    assert row[FEATURE_INDEX["failed_ip_1h"] - EVENT_FEATURES] == flat[flat_count("failed_ip") + 1]
    accounts = FEATURE_INDEX["d_device_accounts_7d"] - EVENT_FEATURES
    assert row[accounts] == flat[flat_distinct("device_accounts") + 1]
    # A key the event does not have reads NaN in the shares of its traffic.
    tell_ip = FEATURE_INDEX["tell_share_ip_7d"] - EVENT_FEATURES
    for p, r in zip(presences, batch):
        assert math.isnan(r[tell_ip]) is (not p[1])


def test_a_velocity_read_flat_names_its_figures_where_they_lie():
    from signupguard.velocity.keys import FLAT_LENGTH, Velocity, flat_count

    flat = list(range(FLAT_LENGTH))
    velocity = Velocity.from_flat(flat)
    again = Velocity.from_dict(velocity.to_dict())
    assert again == velocity
    assert velocity.counts["ip"] == (0, 1, 2, 3) and velocity.failed["failed_ip"] and "failed_ip" not in velocity.counts
    at = flat_count("failed_ip")
    assert velocity.failed["failed_ip"] == tuple(range(at, at + 4))
    assert velocity.distinct["asn_addresses"] == (FLAT_LENGTH - 2, FLAT_LENGTH - 1)

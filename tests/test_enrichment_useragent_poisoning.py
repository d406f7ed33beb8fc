"""Browser version age against forged versions: a few forged requests must not make real browsers look outdated.

``Enricher`` builds its analyser with no reference (``newest={}``), and it
learns the newest versions from the traffic itself; a live engine first
counts the latest scored attempts' browsers the same way (test_browser_versions).
"""

from __future__ import annotations

import gc
import tracemalloc

import pytest

from signupguard.context import parse_event
from signupguard.enrichment import Enricher
from signupguard.enrichment.geo import GeoDatabases
from signupguard.enrichment.useragent import NEWEST_MAJOR, UserAgentAnalyser
from tests.plugins.events import make_event

CHROME = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
          "Chrome/{}.0.0.0 Safari/537.36")
TRIAL = 1000  # UserAgentAnalyser.TRIAL: sightings after which a family's first reference is judged


def _age(analyser: UserAgentAnalyser, major: int) -> int | None:
    return analyser.analyse({"user-agent": CHROME.format(major)}).version_age


def test_a_forged_far_future_first_chrome_is_no_reference():
    analyser = Enricher(geo=GeoDatabases()).ua
    assert analyser.newest_ == {}
    assert _age(analyser, 999) is None  # beyond any release: no reference, no age
    assert [_age(analyser, 140) for _ in range(50)] == [0] * 50
    assert analyser.newest_["Chrome"] == 140


def test_a_forged_near_first_chrome_is_dropped_after_the_trial():
    analyser = UserAgentAnalyser(newest={})
    assert _age(analyser, 166) == 0  # plausible, so it is the reference for now
    for n in range(TRIAL):
        _age(analyser, 139 if n % 4 == 0 else 140)
    assert analyser.newest_["Chrome"] == 140
    assert _age(analyser, 140) == 0


def test_forged_promotions_among_the_first_sightings_are_undone_after_the_trial():
    analyser = UserAgentAnalyser(newest={})
    _age(analyser, 140)
    for _ in range(3):  # what a real release needs this early
        _age(analyser, 166)
    assert analyser.newest_["Chrome"] == 166
    for _ in range(TRIAL):
        _age(analyser, 140)
    assert analyser.newest_["Chrome"] == 140


def test_a_release_that_takes_over_early_is_kept():
    # How an offline run starts: the first Chrome seen is an old one, then the current release takes over.
    analyser = UserAgentAnalyser(newest={})
    _age(analyser, 126)
    for n in range(TRIAL + 100):
        _age(analyser, 135 if n % 2 else 134)
    assert analyser.newest_["Chrome"] == 135
    assert _age(analyser, 126) == 9


@pytest.mark.parametrize("newest", [{"Chrome": 154}, {}])
def test_forged_versions_after_a_promotion_do_not_ratchet(newest):
    analyser = UserAgentAnalyser(newest=newest)
    for _ in range(TRIAL):
        _age(analyser, 154)
    for _ in range(25):  # a real release, at 2.4 % of the traffic
        _age(analyser, 155)
    assert analyser.newest_["Chrome"] == 155
    for step in range(1, 5):  # three forged requests a step, each step as far as one may go
        for _ in range(3):
            _age(analyser, 155 + UserAgentAnalyser.MAX_STEP * step)
        for _ in range(20):
            _age(analyser, 155)
    assert analyser.newest_["Chrome"] == 155
    assert _age(analyser, 155) == 0


def test_a_release_still_takes_over_in_a_long_running_process():
    # Shares are of the recent traffic: the next release, at 5 %, is not measured against every sighting ever.
    analyser = UserAgentAnalyser(newest={"Chrome": 154})
    for _ in range(50_000):
        _age(analyser, 154)
    for n in range(4000):
        _age(analyser, 155 if n % 20 == 0 else 154)
    assert analyser.newest_["Chrome"] == 155


def test_an_outdated_table_only_delays_the_first_reference():
    analyser = UserAgentAnalyser(newest={})
    current = NEWEST_MAJOR["Chrome"] + UserAgentAnalyser.MAX_STEP + 10  # releases the table did not foresee
    assert _age(analyser, current) is None
    for _ in range(TRIAL):
        _age(analyser, current)
    assert analyser.newest_["Chrome"] == current
    assert _age(analyser, current - 2) == 2


def test_invented_families_do_not_grow_a_workers_state_without_bound():
    # ua-parser names an iOS app after whatever precedes "CFNetwork": a flood of random
    # names was a new family each, learned for ever (found in an audit: 371 bytes an event).
    analyser = UserAgentAnalyser(newest={})
    for n in range(UserAgentAnalyser.MAX_FAMILIES + 500):
        analyser.analyse({"user-agent": f"App{n:05d}x/3.2 CFNetwork/1410.0.3 Darwin/22.6.0"})
    assert len(analyser._seen) <= UserAgentAnalyser.MAX_FAMILIES
    assert len(analyser.newest_) <= UserAgentAnalyser.MAX_FAMILIES
    # The browsers everyone uses are still learned after the flood.
    assert [_age(analyser, 140) for _ in range(5)] == [0] * 5 and analyser.newest_["Chrome"] == 140


# ua-parser names a family after whatever a client writes ("Zq7bot/500123" is the family Zq7bot, major 500123, and not
# automation). A family's trial counted every distinct major it was sent: MAX_FAMILIES bounded the families, nothing
# the majors, so up to 999 sightings of 2,000 invented families left two million counters (130 MiB) in every process.
def _bot_ua(family: int, major: int) -> str:
    return f"Mozilla/5.0 (compatible; Zq{family}bot/{major}.1; +https://zq{family}.example/bot)"


def _trial_counters(analyser: UserAgentAnalyser) -> int:
    return sum(len(counts) for counts in analyser._trial.values())


def test_a_new_major_in_every_signup_of_invented_families_keeps_a_bounded_trial() -> None:
    enricher = Enricher(geo=GeoDatabases())
    for family in range(10):
        for major in range(500):
            event = parse_event(make_event(family * 500 + major, headers={"user-agent": _bot_ua(family, 500_027 + major)}))
            ua = enricher.enrich(event).ua
            assert (ua.family, ua.is_automation) == (f"Zq{family}bot", False)  # counted as a browser family
    assert _trial_counters(enricher.ua) <= 10 * UserAgentAnalyser.TRIAL_MAJORS


def test_the_version_trials_memory_at_the_family_cap_is_bounded() -> None:
    analyser = UserAgentAnalyser(newest={})
    families = UserAgentAnalyser.MAX_FAMILIES // 2
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for family in range(families):
            name = f"Zq{family}bot"
            analyser.version_age(name, 500_000, automated=False)  # the first sighting: the reference
            for major in range(1, UserAgentAnalyser.TRIAL - 1):  # one short of the judgement that drops the trial
                analyser.version_age(name, 500_027 + major, automated=False)
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert _trial_counters(analyser) <= families * UserAgentAnalyser.TRIAL_MAJORS and held < 16 * 2**20


def test_a_version_seen_often_survives_a_full_trial() -> None:
    # The bound forgets rare versions, not the ones a reference is chosen from (2% of the trial's sightings).
    analyser = UserAgentAnalyser(newest={})
    analyser.version_age("Zqbot", 130, automated=False)
    for n in range(1, 600):
        major = 131 if n % 25 == 0 else 10_000 + n  # 131 in 4% of them, the rest each seen once
        analyser.version_age("Zqbot", major, automated=False)
    counts = analyser._trial["Zqbot"]
    assert len(counts) <= UserAgentAnalyser.TRIAL_MAJORS and counts.get(131, 0) > 0

"""The traffic simulator: contract-shaped, deterministic, labelled, with matching GeoIP files."""

from __future__ import annotations

import io
import ipaddress
import json
import random
from collections import Counter
from pathlib import Path

import maxminddb
import pytest
from django.core.management import CommandError, call_command

from signupguard.context import parse_line
from signupguard.simulation import simulate
from signupguard.simulation.campaigns import CAMPAIGNS
from signupguard.simulation.crowds import CROWDS
from signupguard.simulation.population import connect, make_companies, make_persona
from signupguard.simulation.signals import CLIENT_HINTS, CONTRACT_DEVICE, CONTRACT_MINIMUM
from signupguard.simulation.traps import TRAPS
from signupguard.simulation.world import World
from signupguard.simulation.world_data import GATEWAYS, HOSTING

SMALL = dict(days=3, legit=600, scale=0.04)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp("sim") / "events.jsonl"
    summary = simulate(out=out, seed=11, progress=False, **SMALL)
    lines = out.read_text(encoding="utf-8").splitlines()
    return summary, lines, [json.loads(line) for line in lines]


def test_same_seed_same_bytes_other_seed_differs(tmp_path):
    tiny = dict(days=2, legit=150, scale=0.02, progress=False)
    a = simulate(out=tmp_path / "a" / "e.jsonl", seed=3, **tiny).out.read_bytes()
    b = simulate(out=tmp_path / "b" / "e.jsonl", seed=3, **tiny).out.read_bytes()
    c = simulate(out=tmp_path / "c" / "e.jsonl", seed=4, **tiny).out.read_bytes()
    assert a == b
    assert a != c


def test_a_symlink_planted_where_the_events_are_written_first_is_not_followed(tmp_path):
    """The events went to .OUT.<pid>.part, opened to truncate: a symlink planted at that guessable name
    (in /tmp, say) had the simulator empty and fill the file it named."""
    import os

    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    (tmp_path / f".e.jsonl.{os.getpid()}.part").symlink_to(victim)
    summary = simulate(out=tmp_path / "e.jsonl", seed=3, days=1, legit=60, scale=0.0, progress=False)
    assert victim.read_text() == "keep me\n"
    assert summary.events == len((tmp_path / "e.jsonl").read_text().splitlines()) > 0


def test_a_shared_world_seed_shares_the_geoip_databases(tmp_path):
    # make model trains on several populations featurised against one set of databases.
    tiny = dict(days=2, legit=150, scale=0.02, progress=False)
    a = simulate(out=tmp_path / "a" / "e.jsonl", seed=3, **tiny)
    b = simulate(out=tmp_path / "b" / "e.jsonl", seed=4, world_seed=3, **tiny)
    c = simulate(out=tmp_path / "c" / "e.jsonl", seed=4, **tiny)
    assert set(a.geoip) == set(b.geoip)
    for name in a.geoip:
        assert a.geoip[name].read_bytes() == b.geoip[name].read_bytes()
    assert a.geoip["asn"].read_bytes() != c.geoip["asn"].read_bytes()
    assert b.out.read_bytes() != a.out.read_bytes()
    assert b.out.read_bytes() != c.out.read_bytes()  # the world changes the addresses people get
    with maxminddb.open_database(str(a.geoip["city"])) as city_db:
        for line in b.out.read_text(encoding="utf-8").splitlines()[:200]:
            assert city_db.get(json.loads(line)["ip"])["country"]["iso_code"]


def test_a_portal_without_signals_gets_the_same_events_less_those_fields(tmp_path, run):
    # make model trains on the quiet site again as portals that send less; the people must be the same.
    summary, _, full = run
    lean = simulate(out=tmp_path / "lean.jsonl", seed=11, progress=False, without=CONTRACT_MINIMUM, **SMALL)
    bare = simulate(out=tmp_path / "bare.jsonl", seed=11, progress=False, without=("device",), **SMALL)
    lean_rows = [json.loads(line) for line in lean.out.read_text(encoding="utf-8").splitlines()]
    bare_rows = [json.loads(line) for line in bare.out.read_text(encoding="utf-8").splitlines()]
    assert len(lean_rows) == len(bare_rows) == len(full) and lean.counts == bare.counts == summary.counts
    assert any("device" in row for row in full) and any("sec-ch-ua" in row["headers"] for row in full)
    assert any("form" in row for row in full) and any("username" in row for row in full)
    assert any(set(row.get("device", {})) - set(CONTRACT_DEVICE) for row in full)
    for whole, lean_row, bare_row in zip(full, lean_rows, bare_rows):
        assert "device" not in bare_row and bare_row == {k: v for k, v in whole.items() if k != "device"}
        assert not {"form", "username"} & set(lean_row)
        assert not set(CLIENT_HINTS) & set(lean_row["headers"])
        assert lean_row["headers"] == {k: v for k, v in whole["headers"].items() if k not in CLIENT_HINTS}
        assert lean_row.get("device") == (
            {k: v for k, v in whole["device"].items() if k in CONTRACT_DEVICE} if "device" in whole else None
        )
        assert {k: v for k, v in lean_row.items() if k not in ("headers", "device")} == {
            k: v for k, v in whole.items() if k not in ("headers", "device", "form", "username")
        }
    for written in (lean.out, bare.out):  # still the contract's events
        for line in written.read_text(encoding="utf-8").splitlines():
            parse_line(line)
    with pytest.raises(ValueError, match="unknown signal.*known: client-hints"):
        simulate(out=tmp_path / "x.jsonl", seed=11, progress=False, without=("cookies",), **SMALL)


def test_companies_behind_a_cloud_gateway_leave_through_many_prefixes():
    # Zscaler-style egress: a managed fleet's one fingerprint arrives from many /24s of one
    # network, which a proxy farm's rotation also does; the model must see both.
    companies = make_companies(World(7), random.Random("companies"), 80)
    gateway = [c for c in companies if c.network.asn in GATEWAYS]
    direct = [c for c in companies if c.network.asn not in GATEWAYS]
    assert gateway and direct
    for company in gateway:
        assert len({address.rsplit(".", 1)[0] for address in company.egress}) >= 3
    for company in direct:
        assert len(company.egress) <= 3 and len({address.rsplit(".", 1)[0] for address in company.egress}) == 1


def test_some_developers_sign_up_through_the_api_with_their_tools():
    # Legitimate scripted clients (curl, Postman, their own code), some from a cloud machine:
    # without them a script's User-Agent is a fraud label of the simulator's making.
    world, rng = World(7), random.Random("developers")
    from signupguard.enrichment.useragent import UserAgentAnalyser

    analyser = UserAgentAnalyser()
    people = [make_persona(world, rng, "US", companies=[], account=f"u{i}") for i in range(3000)]
    desktop = [p for p in people if p.devices[0].row.kind == "desktop"]
    developers = [p for p in desktop if p.mode == "api"]
    assert 0.01 < len(developers) / len(desktop) < 0.05
    assert all(analyser.analyse({"user-agent": p.app_agent}).is_script for p in developers)
    cloud = [p for p in developers if p.via == "cloud"]
    assert 0 < len(cloud) < len(developers)
    hosting = {net.asn for net in world.of("US", "hosting")}
    for person in cloud:
        first = connect(world, rng, person, person.devices[0])
        assert person.via_network.asn in hosting and connect(world, rng, person, person.devices[0]) == first


def test_every_line_follows_the_contract_and_time_order(run):
    summary, lines, rows = run
    assert summary.events == len(lines) > 500
    previous = None
    for line in lines:
        event = parse_line(line)
        assert event.label in ("fraud", "legit")
        assert event.extra["campaign"] and event.extra["cohort"]
        assert all(isinstance(v, str) for v in event.headers.values())
        if previous is not None:
            assert event.occurred_at >= previous
        previous = event.occurred_at
    assert len({row["event_id"] for row in rows}) == len(rows)


def test_every_campaign_appears_as_fraud_and_traps_as_legit(run):
    summary, _, rows = run
    labels: dict[str, set[str]] = {}
    for row in rows:
        labels.setdefault(row["campaign"], set()).add(row["label"])
    for name in CAMPAIGNS:
        assert labels.get(name) == {"fraud"}, name
    for name in [*TRAPS, *CROWDS]:
        assert labels.get(name, {"legit"}) == {"legit"}, name
    assert all(name in labels for name in TRAPS)
    assert labels["legit"] == {"legit"}
    kinds = {(row["campaign"], row["kind"]) for row in rows}
    assert ("legit", "login") in kinds and ("credential_stuffing", "login") in kinds
    assert 0.05 < summary.fraud_share < 0.6


def test_legit_population_is_messy(run):
    _, _, rows = run
    legit = [r for r in rows if r["label"] == "legit" and r["kind"] == "signup"]
    assert any("device" not in r for r in legit)  # API clients and no-JS browsers
    assert any(":" in r["ip"] for r in legit)  # IPv6
    assert any("+" in r.get("email", "") for r in legit)
    fills = [r["form"]["fill_ms"] for r in legit if "fill_ms" in r.get("form", {})]
    assert any(fill < 3500 for fill in fills)  # password managers
    # No band of fill times is left to the farms: autofill and fast typists fill 3-8 s forms too.
    assert 0.04 < sum(3000 <= fill < 8000 for fill in fills) / len(fills) < 0.3
    assert len({r["device"]["timezone"] for r in legit if "device" in r}) > 15


def test_campaign_selection(tmp_path):
    summary = simulate(out=tmp_path / "e.jsonl", days=2, legit=100, scale=0.02, campaigns="hydra,adaptive", progress=False)
    fraud = {c for c, kinds in summary.by_campaign.items() if not c.startswith(("legit", "trap_"))}
    assert fraud == {"hydra", "adaptive"}
    with pytest.raises(ValueError):
        simulate(out=tmp_path / "x.jsonl", campaigns="nope", progress=False)


def test_geoip_databases_match_the_events(run):
    summary, _, rows = run
    hosting_asns = {asn for asn, _, _ in HOSTING}
    assert set(summary.geoip) >= {"asn", "city", "anonymous"}
    with maxminddb.open_database(str(summary.geoip["asn"])) as asn_db, maxminddb.open_database(str(summary.geoip["city"])) as city_db:
        flood = [r for r in rows if r["campaign"] == "datacenter_flood"]
        assert flood
        for row in flood[:20]:
            record = asn_db.get(row["ip"])
            assert record and record["autonomous_system_number"] in hosting_asns
        for row in [r for r in rows if r["campaign"] == "legit"][:200]:
            assert not ipaddress.ip_address(row["ip"]).is_private
            assert asn_db.get(row["ip"])["autonomous_system_organization"]
            assert city_db.get(row["ip"])["country"]["iso_code"]
    with maxminddb.open_database(str(summary.geoip["anonymous"])) as anon_db:
        assert anon_db.metadata().database_type == "GeoIP2-Anonymous-IP"


def test_command(tmp_path):
    stdout = io.StringIO()
    out = tmp_path / "cmd" / "events.jsonl"
    call_command("signupguard_simulate", "--out", str(out), "--days", "2", "--legit", "80", "--scale", "0.02",
                 "--seed", "5", "--campaigns", "datacenter_flood", "--geoip-dir", str(tmp_path / "geo"), verbosity=0, stdout=stdout)
    assert out.exists() and "events" in stdout.getvalue()
    assert Path(tmp_path / "geo" / "GeoLite2-ASN.mmdb").exists()
    call_command("signupguard_simulate", "--out", str(tmp_path / "other.jsonl"), "--days", "2", "--legit", "80",
                 "--scale", "0.02", "--seed", "6", "--world-seed", "5", "--campaigns", "datacenter_flood",
                 "--geoip-dir", str(tmp_path / "geo2"), verbosity=0, stdout=io.StringIO())
    assert (tmp_path / "geo2" / "GeoLite2-ASN.mmdb").read_bytes() == (tmp_path / "geo" / "GeoLite2-ASN.mmdb").read_bytes()
    with pytest.raises(CommandError):
        call_command("signupguard_simulate", "--out", str(out), "--campaigns", "nope", stdout=io.StringIO())
    stdout = io.StringIO()
    call_command("signupguard_simulate", "--out", str(tmp_path / "bare.jsonl"), "--days", "2", "--legit", "80",
                 "--scale", "0.02", "--seed", "5", "--campaigns", "datacenter_flood", "--without", "device", "form",
                 "--geoip-dir", str(tmp_path / "geo3"), verbosity=0, stdout=stdout)
    assert "every event without: device, form" in stdout.getvalue()
    bare = [json.loads(line) for line in (tmp_path / "bare.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(bare) == len(out.read_text(encoding="utf-8").splitlines())
    assert not any("device" in row or "form" in row for row in bare)
    with pytest.raises(CommandError, match="invalid choice"):
        call_command("signupguard_simulate", "--out", str(out), "--without", "cookies", stdout=io.StringIO())


def test_android_phones_of_one_model_share_a_fingerprint_as_iphones_do():
    """Same model, browser build, clock and languages: the same fingerprint, for most phones, not all."""
    from collections import Counter

    from signupguard.simulation.devices import ANDROID_UNIQUE, consumer_device

    rng = random.Random(3)
    phones = [consumer_device(rng, kind="mobile", os="android", timezone="Asia/Kolkata", languages=["hi-IN", "en-IN"])
              for _ in range(2000)]
    owners = Counter(phone.fingerprint for phone in phones)
    shared = sum(n for n in owners.values() if n > 1) / len(phones)
    # Privacy browsers and custom ROMs keep a fingerprint of their own; browser builds split the rest.
    assert 0.4 < shared < 1 - ANDROID_UNIQUE / 2
    for fingerprint, n in owners.most_common(3):
        crowd = [phone for phone in phones if phone.fingerprint == fingerprint]
        assert n >= 20 and len({(phone.screen, phone.cores, phone.memory, phone.ua) for phone in crowd}) == 1


def test_browsers_that_update_themselves_lag_behind_as_people_do():
    """Not everyone runs the current release: a fifth are one version behind, some two or three.

    fake-useragent's shares alone put 78% on it and under 3% each two and three behind, so
    a browser a few versions old read as a farm's (docs/detection.md, session 16).
    """
    from signupguard.simulation.devices import consumer_device

    rng = random.Random(11)
    browsers = [consumer_device(rng, kind="desktop", os="windows", timezone="Europe/Berlin", languages=["de-DE"])
                for _ in range(4000)]
    chrome = [device for device in browsers if device.row.browser == "Chrome" and device.row.major > 120]
    versions = Counter(device.row.major for device in chrome)
    current = versions.most_common(1)[0][0]
    shares = [versions[current - lag] / len(chrome) for lag in range(4)]
    assert len(chrome) > 2000
    assert 0.5 < shares[0] < 0.72 and shares[1] > 0.15 and shares[2] > 0.05 and shares[3] > 0.035
    for device in chrome:
        assert f"Chrome/{device.row.major}." in device.ua and f'v="{device.row.major}"' in device.headers["sec-ch-ua"]


@pytest.fixture(scope="module")
def crowds(tmp_path_factory):
    """Five days of a large population, no campaigns: enough people for the small crowds to show."""
    out = tmp_path_factory.mktemp("crowds") / "events.jsonl"
    simulate(out=out, days=5, legit=12000, scale=0, traps=False, seed=5, progress=False)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def _prefix16(ip: str) -> str:
    return str(ipaddress.ip_network(f"{ip}/{16 if ':' not in ip else 32}", strict=False))


def test_privacy_hardened_browsers_are_a_crowd_of_people_with_one_look(crowds):
    """Tor, Mullvad, LibreWolf, Firefox RFP: UTC clocks, en-US, no hints, few fingerprints, many places."""
    signups = [r for r in crowds if r["campaign"] == "legit_privacy_browsers" and r["kind"] == "signup"]
    assert len(signups) >= 40 and {r["label"] for r in signups} == {"legit"}
    assert {r["device"]["timezone"] for r in signups} <= {"UTC", "Atlantic/Reykjavik"}
    assert all("Firefox/" in r["headers"]["user-agent"] and "device_memory" not in r["device"] for r in signups)
    assert not any(name.startswith("sec-ch-ua") for r in signups for name in r["headers"])
    assert len({r["email"] for r in signups}) == len({r["account"] for r in signups}) == len(signups)
    fingerprint, n = Counter(r["device"]["fingerprint"] for r in signups).most_common(1)[0]
    crowd = [r for r in signups if r["device"]["fingerprint"] == fingerprint]
    assert n >= 3 and len({_prefix16(r["ip"]) for r in crowd}) >= 2  # strangers, not one machine
    # Their own hours, not the clock's: signups follow the people's days around the world.
    assert len({r["occurred_at"][11:13] for r in signups}) >= 12


def test_internet_cafes_put_a_stream_of_people_on_one_address_and_one_disk_image(crowds):
    signups = [r for r in crowds if r["campaign"] == "legit_internet_cafes" and r["kind"] == "signup"]
    assert {r["label"] for r in signups} == {"legit"}
    (ip, fingerprint), n = Counter((r["ip"], r["device"]["fingerprint"]) for r in signups if "device" in r).most_common(1)[0]
    there = [r for r in signups if r["ip"] == ip and r.get("device", {}).get("fingerprint") == fingerprint]
    assert n >= 4 and len({r["account"] for r in there}) == len({r["email"] for r in there}) == n
    zones = {r["device"]["timezone"] for r in there}
    assert len(zones) == 1 and not zones & {"UTC", "Atlantic/Reykjavik"}  # the café's own clock
    assert len({r["occurred_at"][:13] for r in there}) >= n // 2  # customers come and go, not a burst
    accounts = {r["account"] for r in signups}
    assert any(r["kind"] == "login" and r.get("account") in accounts and r["ip"] != ip for r in crowds)  # later, from home


def test_the_simulator_without_its_extra_says_which_to_install(monkeypatch, tmp_path):
    # It was a ModuleNotFoundError traceback, then advice to install 'django-signupguard[simulator]', a name
    # no package index has ("No matching distribution found": it is installed from a checkout). Found in audits.
    import sys
    import tomllib

    import pytest
    from django.core.management import CommandError, call_command

    monkeypatch.setitem(sys.modules, "fake_useragent", None)
    for name in [m for m in sys.modules if m.startswith("signupguard.simulation.") and m != "signupguard.simulation.signals"]:
        monkeypatch.delitem(sys.modules, name)  # imported afresh, as in a process without the extra
    extra = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())
    packages = " ".join(f"'{p}'" for p in extra["project"]["optional-dependencies"]["simulator"])
    with pytest.raises(CommandError, match=f"the simulator needs its extra: pip install {packages} "):
        call_command("signupguard_simulate", "--out", str(tmp_path / "e.jsonl"), "--legit", "10")


def _hydra_signups(path: Path) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [r for r in rows if r.get("campaign") == "hydra" and r["kind"] == "signup"]


def test_campaign_parameters_are_set_from_the_command_line(tmp_path):
    """Each archetype's parameters (issue 4: "each with parameters") are settable without editing code."""
    common = ["--days", "2", "--legit", "60", "--seed", "5", "--campaigns", "hydra", "--geoip-dir", str(tmp_path / "geo")]
    call_command("signupguard_simulate", "--out", str(tmp_path / "default.jsonl"), *common, verbosity=0,
                 stdout=io.StringIO())
    stdout = io.StringIO()
    call_command("signupguard_simulate", "--out", str(tmp_path / "set.jsonl"), *common, "--param", "hydra.base_size=40",
                 "--param", "hydra.api_share=1", verbosity=0, stdout=stdout)
    assert "hydra with base_size=40, api_share=1.0" in stdout.getvalue()
    default, tuned = _hydra_signups(tmp_path / "default.jsonl"), _hydra_signups(tmp_path / "set.jsonl")
    # (A few of a campaign's signups fall past the window's end: it schedules them in bursts.)
    assert len(default) > 0.95 * CAMPAIGNS["hydra"].base_size and 0.9 * 40 <= len(tuned) <= 40
    assert any("device" in r for r in default)  # half come through a browser by default
    assert not any("device" in r for r in tuned)  # every one straight against the API
    again = tmp_path / "again.jsonl"
    call_command("signupguard_simulate", "--out", str(again), *common, "--param", "hydra.base_size=40",
                 "--param", "hydra.api_share=1", verbosity=0, stdout=io.StringIO())
    assert again.read_bytes() == (tmp_path / "set.jsonl").read_bytes()  # still deterministic


def test_campaign_parameters_are_listed_with_their_defaults():
    stdout = io.StringIO()
    call_command("signupguard_simulate", "--list-campaigns", stdout=stdout)
    listed = stdout.getvalue()
    for name in CAMPAIGNS:
        assert f"\n{name}: " in "\n" + listed
    assert "    hydra.api_share=0.5\n" in listed and '    emulator_farm.countries=["ID", ' in listed
    assert "hydra.name=" not in listed and "hydra.label=" not in listed


@pytest.mark.parametrize("setting, says", [
    ("hydra.api_share=1.5", "expected a share between 0 and 1"),
    ("hydra.base_size=abc", "expected a number"),
    ("hydra.base_size=0", "at least 1"),
    ("hydra.nope=1", "hydra has no parameter 'nope'"),
    ("nope.x=1", "unknown campaign 'nope'"),
    ("hydra", "write CAMPAIGN.PARAMETER=VALUE"),
    ("captcha_farm.workers=[1,2]", "not among the simulated campaigns"),
    ("adaptive.pause_hours=[24,6]", "increasing order"),
    ('emulator_farm.countries=["XX"]', "'XX' is not a country of the simulated world"),
    ('hydra.locales=["en_US","zz"]', "'zz' is not a Faker locale"),
    ("residential_low_slow.operator_zone=Mars/Base", "not an IANA time zone"),
    ('geo_evasion.origins={"CN": 0}', "at least one weight above 0"),
    ('geo_evasion.origins={"CN": -1, "RU": 2}', "expected weights of at least 0"),
    ('geo_evasion.origins={"CN": "most"}', "expected weights of at least 0"),
    # Passes the checks, but the campaign cannot run with it (it samples two countries): named, no half file.
    ('emulator_farm.countries=["IN"]', "could not run with the parameters"),
])
def test_a_bad_campaign_parameter_is_a_clear_error_and_writes_nothing(tmp_path, setting, says):
    out = tmp_path / "events.jsonl"
    with pytest.raises(CommandError, match=says.replace("[", r"\[")):
        call_command("signupguard_simulate", "--out", str(out), "--days", "1", "--legit", "20", "--scale", "0.02",
                     "--campaigns", "hydra,emulator_farm,adaptive,residential_low_slow,geo_evasion",
                     "--param", setting, verbosity=0, stdout=io.StringIO())
    assert not out.exists()


def test_a_failed_run_keeps_the_files_of_the_last_good_one(tmp_path):
    # Re-running into the same --out with a parameter the campaign cannot run with truncated
    # the last good events file, then deleted it, and left GeoIP files of another world beside it.
    out = tmp_path / "events.jsonl"
    call_command("signupguard_simulate", "--out", str(out), "--days", "1", "--legit", "20", "--scale", "0.02",
                 "--seed", "1", "--campaigns", "emulator_farm", verbosity=0, stdout=io.StringIO())
    before = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    with pytest.raises(CommandError, match="could not run with the parameters"):
        call_command("signupguard_simulate", "--out", str(out), "--days", "1", "--legit", "20", "--scale", "0.02",
                     "--seed", "2", "--campaigns", "emulator_farm", "--param", 'emulator_farm.countries=["IN"]',
                     verbosity=0, stdout=io.StringIO())
    assert out.exists() and out.read_bytes() == before[out.name]
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == before  # and no temporary file left


def test_an_object_parameter_is_the_same_whatever_the_order_of_its_keys(tmp_path):
    # A JSON object has no order (RFC 8259): the same weights written in another order are the same run.
    common = ["--days", "2", "--legit", "0", "--scale", "0.1", "--seed", "9", "--campaigns", "geo_evasion",
              "--geoip-dir", str(tmp_path / "geo")]
    written = []
    for origins in ('{"CN": 0.7, "RU": 0.2, "IR": 0.1}', '{"IR": 0.1, "CN": 0.7, "RU": 0.2}', None):
        out = tmp_path / f"{len(written)}.jsonl"
        setting = ["--param", f"geo_evasion.origins={origins}"] if origins else []
        call_command("signupguard_simulate", "--out", str(out), *common, *setting, verbosity=0, stdout=io.StringIO())
        written.append(out.read_bytes())
    assert written[0] == written[1] == written[2]  # the default, in any order, is the default


def test_a_campaign_named_twice_runs_once(tmp_path):
    # It ran twice from the same seed: every account and event of the campaign written twice.
    once = simulate(out=tmp_path / "once.jsonl", days=1, legit=0, scale=0.02, campaigns="datacenter_flood", progress=False)
    twice = simulate(out=tmp_path / "twice.jsonl", days=1, legit=0, scale=0.02, campaigns="datacenter_flood,datacenter_flood",
                     progress=False)
    assert twice.counts == once.counts and twice.out.read_bytes() == once.out.read_bytes()


def test_an_object_parameters_weights_are_relative(tmp_path):
    # They were read as shares, so {"CN": 2, "RU": 1} (CN twice as often as RU) was refused.
    out = tmp_path / "events.jsonl"
    call_command("signupguard_simulate", "--out", str(out), "--days", "2", "--legit", "0", "--scale", "0.2",
                 "--seed", "9", "--campaigns", "geo_evasion", "--param", 'geo_evasion.origins={"RU": 3, "IR": 1}',
                 "--geoip-dir", str(tmp_path / "geo"), verbosity=0, stdout=io.StringIO())
    assert out.stat().st_size > 0

import io
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.plugins.events import CHROME, HOSTILE_VALUES, farm_event, make_event

ROOT = Path(__file__).resolve().parent.parent


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def read_out(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_one_output_line_per_input_line_in_order(tmp_path):
    events = [make_event(n) for n in range(20)] + [farm_event(n) for n in range(20, 40)]
    # Shuffle time order: output must follow input order, processing time order.
    events.reverse()
    lines = [json.dumps(e) for e in events]
    lines.insert(5, "this is not json")
    lines.insert(9, json.dumps({"event_id": "no-ip", "kind": "signup", "occurred_at": "2026-06-10T12:00:00Z"}))
    lines.insert(12, json.dumps(make_event(99, ip="300.300.300.300", event_id="bad-ip")))
    source = write_lines(tmp_path / "in.jsonl", lines)
    out = tmp_path / "out.jsonl"
    stdout, stderr = io.StringIO(), io.StringIO()
    sys_stderr = sys.stderr
    sys.stderr = stderr
    try:
        call_command("signupguard_replay", str(source), "--out", str(out), stdout=stdout)
    finally:
        sys.stderr = sys_stderr
    rows = read_out(out)
    assert len(rows) == len(lines)
    expected_ids = []
    for line in lines:
        try:
            expected_ids.append(json.loads(line).get("event_id"))
        except ValueError:
            expected_ids.append(None)
    assert [r["event_id"] for r in rows] == expected_ids
    for r in rows:
        assert set(r) >= {"event_id", "score", "decision", "reasons", "model_version"}
        assert r["decision"] in {"allow", "review", "block"}
        if r["score"] is not None:
            assert 0.0 <= r["score"] <= 1.0
        for reason in r["reasons"]:
            assert set(reason) == {"feature", "contribution"}
        contributions = [x["contribution"] for x in r["reasons"]]
        assert contributions == sorted(contributions, reverse=True)
    # The malformed IP is scored (as unknown), not dropped.
    bad_ip = rows[12]
    assert bad_ip["event_id"] == "bad-ip" and bad_ip["score"] is not None
    report = stderr.getvalue()
    assert ":6: bad event: not valid JSON" in report
    assert ":10: bad event: missing required field(s): ip" in report
    assert "2 bad lines" in stdout.getvalue()
    # The farm scores higher than the ordinary signups on average.
    farm = [r["score"] for r in rows if r["event_id"] and r["event_id"] in {f"e-{n}" for n in range(30, 40)}]
    legit = [r["score"] for r in rows if r["event_id"] and r["event_id"] in {f"e-{n}" for n in range(0, 20)}]
    assert sum(farm) / len(farm) > sum(legit) / len(legit)


def test_velocity_starts_empty_and_uses_only_earlier_events(tmp_path):
    events = [farm_event(n) for n in range(10)]
    src = write_lines(tmp_path / "a.jsonl", [json.dumps(e) for e in events])
    out1, out2 = tmp_path / "o1.jsonl", tmp_path / "o2.jsonl"
    call_command("signupguard_replay", str(src), "--out", str(out1), stdout=io.StringIO())
    call_command("signupguard_replay", str(src), "--out", str(out2), stdout=io.StringIO())
    assert out1.read_text() == out2.read_text()  # no state carried between runs
    # The first 3 events score the same whether or not later events exist.
    first3 = write_lines(tmp_path / "b.jsonl", [json.dumps(e) for e in events[:3]])
    out3 = tmp_path / "o3.jsonl"
    call_command("signupguard_replay", str(first3), "--out", str(out3), stdout=io.StringIO())
    assert [r["score"] for r in read_out(out3)] == [r["score"] for r in read_out(out1)[:3]]


def test_enrichment_flag_adds_the_contract_object(tmp_path):
    src = write_lines(tmp_path / "a.jsonl", [json.dumps(make_event(1, email="Ana.Lopez+x@GoogleMail.com")), "not json"])
    out = tmp_path / "o.jsonl"
    call_command("signupguard_replay", str(src), "--out", str(out), "--enrichment", stdout=io.StringIO())
    row, bad = read_out(out)
    # Every output line carries the object, a bad line's with unknowns.
    assert bad["enrichment"]["asn"] is None and bad["enrichment"]["network_kind"] == "unknown"
    e = row["enrichment"]
    assert {"asn", "as_org", "country", "network_kind", "ip_prefix", "email_normalized", "email_disposable"} <= set(e)
    assert e["email_normalized"] == "analopez@gmail.com"
    assert e["ip_prefix"] == "81.2.0.0/24"
    assert e["email_disposable"] is False
    assert e["network_kind"] in {"hosting", "vpn", "tor", "mobile", "education", "residential", "unknown"}
    assert e["gpu_kind"] is None  # the event's collector reported no renderer


def test_enrichment_names_the_kind_of_graphics_chip(tmp_path):
    swiftshader = "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)"
    event = make_event(1)
    event["device"] = {**event["device"], "webgl_renderer": swiftshader}
    src = write_lines(tmp_path / "a.jsonl", [json.dumps(event)])
    out = tmp_path / "o.jsonl"
    call_command("signupguard_replay", str(src), "--out", str(out), "--enrichment", stdout=io.StringIO())
    assert read_out(out)[0]["enrichment"]["gpu_kind"] == "software"


def test_unreadable_file_exits_1(tmp_path):
    with pytest.raises(CommandError) as info:
        call_command("signupguard_replay", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "o"))
    assert info.value.returncode == 1


def test_bad_model_dir_exits_2(tmp_path):
    src = write_lines(tmp_path / "a.jsonl", [json.dumps(make_event(1))])
    with pytest.raises(CommandError) as info:
        call_command("signupguard_replay", str(src), "--out", str(tmp_path / "o"), "--model", str(tmp_path))
    assert info.value.returncode == 2


def test_exit_codes_from_the_command_line(tmp_path):
    env_python = sys.executable
    src = write_lines(tmp_path / "a.jsonl", [json.dumps(make_event(1)), "{oops"])
    ok = subprocess.run([env_python, "manage.py", "signupguard_replay", str(src), "--out", str(tmp_path / "o")],
                        cwd=ROOT, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert ":2: bad event" in ok.stderr
    piped = subprocess.run([env_python, "manage.py", "signupguard_replay", "-", "--out", "-"], cwd=ROOT,
                           input=src.read_text(), capture_output=True, text=True)
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout == (tmp_path / "o").read_text() and "1 bad lines" in piped.stderr
    missing = subprocess.run([env_python, "manage.py", "signupguard_replay", str(tmp_path / "nope"), "--out", str(tmp_path / "o")],
                             cwd=ROOT, capture_output=True, text=True)
    assert missing.returncode == 1
    bad_args = subprocess.run([env_python, "manage.py", "signupguard_replay", str(src)], cwd=ROOT, capture_output=True, text=True)
    assert bad_args.returncode == 2


# -- the first pass reads only the time; it must never disagree with the full parse --

TOP = '"occurred_at":"2026-06-10T12:00:00Z"'
NESTED = '"extra_obj":{"occurred_at":"2020-01-01T00:00:00Z"}'
ESCAPED = '"occurred\\u005fat":"2026-06-10T12:00:00Z"'


@pytest.mark.parametrize(
    "body",
    [
        TOP,
        '"occurred_at" :  "2026-06-10T14:00:00+02:00"',
        '"occurred_at":"2026-06-10T12:00:00.123456789Z"',  # past the microsecond: its digits sort too
        '"occurred_at":"2016-12-31T23:59:60.5+00:00"',  # a leap second
        f"{TOP},{NESTED}",  # the key twice: full parse
        f"{NESTED},{TOP}",
        f"{ESCAPED},{NESTED}",  # the real key escaped, a decoy unescaped: full parse
        f'{TOP},"occurred_at":"2021-01-01T00:00:00Z"',  # a duplicate key: the last one wins in JSON
        f'{TOP},"username":"\\u00e9l\\u00e8ve"',  # ASCII-escaped names: full parse, same answer
        f'"username":"say \\"occurred_at\\": \\"2020-01-01T00:00:00Z\\"",{TOP}',  # the key inside a string
    ],
)
def test_first_pass_time_agrees_with_the_full_parse(body):
    from signupguard.context import parse_line
    from signupguard.offline import _full_sort_time, _sort_key

    line = '{"event_id":"x","kind":"signup","ip":"81.2.0.1",' + body + "}"
    quick, full = _sort_key(line.encode()), _full_sort_time(line.encode())
    assert full[0] == parse_line(line).timestamp
    assert quick is None or quick == full


def test_hostile_time_keys_are_replayed_at_their_real_time(tmp_path):
    from signupguard.offline import build_dataset

    events = [make_event(n, label="legit") for n in range(6)]
    decoy = dict(make_event(10, label="fraud"), occurred_at="2026-06-10T11:00:00Z")  # before all others
    lines = [json.dumps(e) for e in events]
    # The decoy's real time is written escaped, and a nested decoy key points far in the future.
    text = json.dumps(decoy).replace('"occurred_at"', '"occurred\\u005fat"')
    lines.append(text[:-1] + ', "extra_obj": {"occurred_at": "2030-01-01T00:00:00Z"}}')
    # A line whose time reads fine but which fails validation: counted, in the second pass.
    lines.append(json.dumps({"event_id": "no-kind", "occurred_at": "2026-06-10T12:30:00Z", "ip": "81.2.0.1"}))
    data = build_dataset(write_lines(tmp_path / "h.jsonl", lines))
    assert data.bad_lines == 1 and data.total_events == len(lines)
    assert data.event_ids[0] == "e-10"  # ordered by its real (earliest) time
    assert list(data.times) == sorted(data.times)


def test_replay_scores_exactly_as_one_event_at_a_time(tmp_path):
    """Batching, stage-by-stage preparation and the scoring thread change nothing."""
    from signupguard.engine import Engine
    from signupguard.enrichment import Enricher
    from signupguard.model import registry
    from signupguard.offline import BATCH
    from signupguard.context import parse_event
    from signupguard.velocity.memory import MemoryVelocityStore

    rng = random.Random(5)
    hints = {"user-agent": CHROME, "accept-language": "en-GB,en;q=0.9", "sec-ch-ua-platform": '"Windows"',
             "sec-ch-ua": '"Chromium";v="131", "Google Chrome";v="131", "Not_A Brand";v="24"', "sec-ch-ua-mobile": "?0"}
    events = [farm_event(n) if rng.random() < 0.3 else make_event(n, headers=hints) for n in range(BATCH + 700)]
    src = write_lines(tmp_path / "many.jsonl", [json.dumps(e) for e in events])
    out = tmp_path / "many.out"
    call_command("signupguard_replay", str(src), "--out", str(out), stdout=io.StringIO())
    replayed = read_out(out)
    engine = Engine(enricher=Enricher.from_settings(), store=MemoryVelocityStore(), scorer=registry.load_active())
    for event, row in zip(events, replayed):
        assert row == engine.assess(parse_event(event), explain="auto").to_output()
    assert {r["decision"] for r in replayed} >= {"allow", "block"}


def test_a_pipe_replays_like_the_file(tmp_path):
    """Process substitution (<(zcat events.gz)) hands replay a pipe, which cannot seek."""
    import os
    import threading

    lines = [json.dumps(farm_event(n)) for n in range(5, 0, -1)] + ["not json"]
    src = write_lines(tmp_path / "a.jsonl", lines)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_bytes(src.read_bytes()))
    writer.start()
    out_pipe, out_file = tmp_path / "p.out", tmp_path / "f.out"
    call_command("signupguard_replay", str(fifo), "--out", str(out_pipe), stdout=io.StringIO())
    writer.join()
    call_command("signupguard_replay", str(src), "--out", str(out_file), stdout=io.StringIO())
    assert out_pipe.read_text() == out_file.read_text() and len(read_out(out_pipe)) == 6


def test_hostile_strings_reach_the_output_file(tmp_path):
    """A lone surrogate (valid JSON escape, not encodable as UTF-8) and a huge integer never stop a replay."""
    good = json.dumps(make_event(1, event_id="plain"))
    surrogate = json.dumps(make_event(2, event_id="x\ud800y"))  # json writes it as \ud800
    assert "\\ud800" in surrogate
    huge = json.dumps({**make_event(3, event_id="huge"), "device": {"hardware_concurrency": 10**30}})
    bad = json.dumps({"event_id": "bad\udfff", "kind": "signup"})  # no occurred_at: a bad line
    source = write_lines(tmp_path / "in.jsonl", [good, surrogate, huge, bad])
    out = tmp_path / "out.jsonl"
    call_command("signupguard_replay", str(source), "--out", str(out), stdout=io.StringIO(), stderr=io.StringIO())
    rows = read_out(out)
    assert [r["event_id"] for r in rows] == ["plain", "x\ud800y", "huge", "bad\udfff"]
    assert [r["score"] is None for r in rows] == [False, False, False, True]


def test_hostile_values_in_every_collector_and_form_field_are_scored(tmp_path):
    """No value of any device, form or header field stops enrichment: each line comes back scored."""
    base = make_event(0)
    fields = [("device", key) for key in base["device"]] + [("device", "device_memory"), ("device", "webgl_renderer"),
                                                            ("form", "fill_ms"), ("form", "honeypot")]
    lines, ids = [], []
    for n, (value, (block, key)) in enumerate((v, f) for v in HOSTILE_VALUES for f in fields):
        event = make_event(n, event_id=f"h-{n}")
        event[block] = {**event[block], key: value}
        lines.append(json.dumps(event))
        ids.append(event["event_id"])
    for n, value in enumerate(HOSTILE_VALUES):
        event = make_event(1000 + n, event_id=f"hdr-{n}", headers={"user-agent": value, "accept-language": value})
        lines.append(json.dumps(event))
        ids.append(event["event_id"])
    source = write_lines(tmp_path / "in.jsonl", lines)
    out = tmp_path / "out.jsonl"
    call_command("signupguard_replay", str(source), "--out", str(out), stdout=io.StringIO(), stderr=io.StringIO())
    rows = read_out(out)
    assert [r["event_id"] for r in rows] == ids
    unscored = [r["event_id"] for r in rows if r["score"] is None]
    assert unscored == []


# --- found in an audit (session 21) ---------------------------------------------------------------

def test_swapped_or_missing_geoip_files_stop_replay_and_training_before_any_work(tmp_path, geoip_dbs):
    from django.test import override_settings

    src = write_lines(tmp_path / "in.jsonl", [json.dumps(make_event(n)) for n in range(3)])
    swapped = {"GEOIP_ASN": str(geoip_dbs.city), "GEOIP_CITY": str(geoip_dbs.asn)}
    missing = {"GEOIP_ASN": str(tmp_path / "nowhere.mmdb")}
    for settings, code in ((swapped, "E003"), (missing, "E001")):
        with override_settings(SIGNUPGUARD=settings):
            # Every network signal silently unknown: scores and a model quietly worse (audit: AUC 0.957 vs 0.980).
            with pytest.raises(CommandError, match=code) as replayed:
                call_command("signupguard_replay", str(src), "--out", str(tmp_path / "o"))
            with pytest.raises(CommandError, match=code) as trained:
                call_command("signupguard_train", "--events", str(src), "--out", str(tmp_path / "m"))
        assert replayed.value.returncode == trained.value.returncode == 2
    assert not (tmp_path / "o").exists() and not (tmp_path / "m").exists()
    with override_settings(SIGNUPGUARD=geoip_dbs.settings()):
        call_command("signupguard_replay", str(src), "--out", str(tmp_path / "o"), stdout=io.StringIO())
    assert len(read_out(tmp_path / "o")) == 3


def test_replay_refuses_to_write_over_its_own_events(tmp_path):
    src = write_lines(tmp_path / "in.jsonl", [json.dumps(make_event(n)) for n in range(3)])
    before = src.read_bytes()
    with pytest.raises(CommandError, match="events file itself") as refused:
        call_command("signupguard_replay", str(src), "--out", str(src))
    assert refused.value.returncode == 2 and src.read_bytes() == before


def test_a_line_that_is_not_utf8_is_a_bad_line_not_an_altered_event(tmp_path):
    good = json.dumps(make_event(1)).encode()
    latin1 = json.dumps(make_event(2, email="jos\u00e9@example.es"), ensure_ascii=False).encode("latin-1")
    src = tmp_path / "in.jsonl"
    src.write_bytes(good + b"\n" + latin1 + b"\n")
    out, stderr = tmp_path / "o", io.StringIO()
    real, sys.stderr = sys.stderr, stderr
    try:
        call_command("signupguard_replay", str(src), "--out", str(out), stdout=io.StringIO())
    finally:
        sys.stderr = real
    assert "in.jsonl:2: bad event: not UTF-8 text: byte 0xe9" in stderr.getvalue()
    lines = read_out(out)
    assert len(lines) == 2 and "error" in lines[1] and "\ufffd" not in out.read_text()


def test_reasons_are_largest_first_when_a_hard_rule_fires(tmp_path):
    # The contract says largest first; a rule's reason (contribution 0) came first (found in an audit).
    event = make_event(1)
    # A filled honeypot as a form posts it (text): a non-string one is left out, as live capture drops it.
    event["form"] = {"fill_ms": 900, "honeypot": "http://spam.example"}
    src = write_lines(tmp_path / "in.jsonl", [json.dumps(event)])
    call_command("signupguard_replay", str(src), "--out", str(tmp_path / "o"), stdout=io.StringIO())
    reasons = read_out(tmp_path / "o")[0]["reasons"]
    assert any(r["feature"] == "rule" for r in reasons)
    contributions = [r["contribution"] for r in reasons]
    assert contributions == sorted(contributions, reverse=True)


def _bom_file(tmp_path: Path) -> Path:
    """Five events as Windows tools save UTF-8 (Notepad, PowerShell, Excel's "CSV UTF-8"): after a byte-order mark."""
    path = tmp_path / "events.jsonl"
    lines = [json.dumps(make_event(n, label="legit")) for n in range(5)]
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8-sig"))
    return path


def test_replay_reads_the_first_event_of_a_file_with_a_byte_order_mark(tmp_path: Path) -> None:
    # The mark made the first line "not valid JSON": a valid event replayed as review / invalid_event.
    source, out = _bom_file(tmp_path), tmp_path / "scores.jsonl"
    stderr, saved = io.StringIO(), sys.stderr
    sys.stderr = stderr
    try:
        call_command("signupguard_replay", str(source), "--out", str(out), stdout=io.StringIO())
    finally:
        sys.stderr = saved
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [row["event_id"] for row in rows] == [f"e-{n}" for n in range(5)]
    assert rows[0]["score"] is not None and "bad event" not in stderr.getvalue()


def test_training_keeps_the_first_event_of_a_file_with_a_byte_order_mark(tmp_path: Path) -> None:
    from signupguard.offline import build_dataset

    bad: list = []
    data = build_dataset(_bom_file(tmp_path), on_bad=bad.append, workers=0)
    assert bad == [] and data.bad_lines == 0 and len(data.y) == 5 and data.event_ids[0] == "e-0"


def _utf16_file(tmp_path: Path) -> Path:
    """Five events as Windows PowerShell 5 writes text (`>`, Out-File): UTF-16 after a byte-order mark, CRLF."""
    path = tmp_path / "events.jsonl"
    lines = [json.dumps(make_event(n, label="legit", username=f"jos\u00e9{n}")) for n in range(5)]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-16"))
    return path


def test_a_utf16_file_replays_as_its_utf8_text(tmp_path: Path) -> None:
    # Every line was a bad event ("not valid JSON"), the first one blamed on old Mac line endings.
    source = _utf16_file(tmp_path)
    rows, errors, summary = _replayed(source, tmp_path / "out.jsonl")
    source.write_bytes(source.read_bytes().decode("utf-16").encode("utf-8"))
    assert errors == "" and "0 bad lines" in summary
    assert rows == _replayed(source, tmp_path / "utf8.jsonl")[0] and len(rows) == 5


def test_training_reads_a_utf16_file(tmp_path: Path) -> None:
    from signupguard.offline import build_dataset

    bad: list = []
    data = build_dataset(_utf16_file(tmp_path), on_bad=bad.append, workers=0)
    assert bad == [] and data.bad_lines == 0 and data.event_ids == [f"e-{n}" for n in range(5)]


def test_a_utf16_file_cut_inside_a_character_is_a_clear_error(tmp_path: Path) -> None:
    source = _utf16_file(tmp_path)
    source.write_bytes(source.read_bytes()[:-1])
    with pytest.raises(CommandError, match="events.jsonl is UTF-16 text .* cannot be decoded") as refused:
        call_command("signupguard_replay", str(source), "--out", str(tmp_path / "o"))
    assert refused.value.returncode == 1 and not (tmp_path / "o").exists()


def _replayed(source: Path, out: Path, *args: str) -> tuple[list[dict], str, str]:
    """signupguard_replay's (output rows, standard error, summary)."""
    stdout, stderr, saved = io.StringIO(), io.StringIO(), sys.stderr
    sys.stderr = stderr
    try:
        call_command("signupguard_replay", str(source), "--out", str(out), *args, stdout=stdout)
    finally:
        sys.stderr = saved
    return [json.loads(line) for line in out.read_text().splitlines()], stderr.getvalue(), stdout.getvalue()


def test_a_leap_second_is_a_valid_time(tmp_path: Path) -> None:
    # The schema's "date-time" is RFC 3339's, whose seconds run to 60 (its own example: 1990-12-31T23:59:60Z).
    events = [make_event(0, event_id="before", occurred_at="2016-12-31T23:59:59.5Z"),
              make_event(1, event_id="leap", occurred_at="2016-12-31T23:59:60Z"),
              make_event(2, event_id="after", occurred_at="2017-01-01T00:00:00Z")]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(e) for e in reversed(events)) + "\n")
    rows, errors, summary = _replayed(source, tmp_path / "out.jsonl")
    assert "bad event" not in errors and "0 bad lines" in summary
    assert [row["event_id"] for row in rows] == ["after", "leap", "before"] and rows[1]["score"] is not None
    from signupguard.offline import scan

    with open(source, "rb") as stream:
        assert scan(stream).order == [2, 1, 0]  # sorted where it happened


def test_leap_second_events_keep_their_order_to_the_last_digit(tmp_path: Path) -> None:
    # A leap second is read as 23:59:59.999999; before, every event within it sorted in file order, and
    # before an event of 23:59:59.9999995 that happened earlier (found in an audit).
    events = [make_event(0, event_id="leap-late", occurred_at="2016-12-31T23:59:60.7Z"),
              make_event(1, event_id="leap-early", occurred_at="2016-12-31T23:59:60.2Z"),
              make_event(2, event_id="just-before", occurred_at="2016-12-31T23:59:59.9999995Z"),
              make_event(3, event_id="leap-start", occurred_at="2016-12-31T23:59:60Z")]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(e) for e in events) + "\n")
    from signupguard.offline import scan

    with open(source, "rb") as stream:
        assert scan(stream).order == [2, 3, 1, 0]


def test_an_event_is_not_fed_by_one_that_happened_later_within_its_microsecond(tmp_path: Path) -> None:
    # Fractions of a second may have any number of digits; sorting on microseconds put the later events first.
    first = farm_event(1, event_id="first", occurred_at="2026-06-10T12:00:00.0000001Z")
    later = [farm_event(n, event_id=f"later-{n}", occurred_at=f"2026-06-10T12:00:00.000000{n}Z") for n in range(2, 10)]
    alone, mixed = tmp_path / "alone.jsonl", tmp_path / "mixed.jsonl"
    alone.write_text(json.dumps(first) + "\n")
    mixed.write_text("\n".join(json.dumps(e) for e in [*later, first]) + "\n")
    by_itself, _, _ = _replayed(alone, tmp_path / "alone.out", "--explain", "all")
    among_later, _, _ = _replayed(mixed, tmp_path / "mixed.out", "--explain", "all")
    assert among_later[-1] == by_itself[0]


@pytest.mark.parametrize("change, problem", [
    ({"headers": {"user-agent": 5}}, "headers.user-agent is not a string"),
    ({"device": {"fingerprint": "fp", "webdriver": "false"}}, "device.webdriver is not a boolean"),
    ({"device": {"fingerprint": "fp", "languages": "en-GB"}}, "device.languages is not an array of strings"),
    ({"device": {"fingerprint": "fp", "hardware_concurrency": 8.5}}, "device.hardware_concurrency is not an integer"),
    ({"form": {"fill_ms": "24000"}}, "form.fill_ms is not an integer"),
], ids=["header-number", "webdriver-string", "languages-string", "cores-fraction", "fill-ms-string"])
def test_a_line_with_a_field_of_the_wrong_type_is_scored_and_reported(tmp_path: Path, change: dict, problem: str) -> None:
    # The contract: lines of the wrong type are reported with their line number and counted. Live capture scores
    # such values (cleaned, or left out by the analysis), so replay scores them as it does, and says so.
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(make_event(0)) + "\n" + json.dumps(make_event(1, **change)) + "\n")
    rows, errors, summary = _replayed(source, tmp_path / "out.jsonl")
    assert f"in.jsonl:2: bad event: {problem} (the event is still scored)" in errors
    assert "1 bad lines" in summary and rows[1]["score"] is not None


def test_the_schemas_own_types_are_not_reported(tmp_path: Path) -> None:
    # JSON Schema's integer includes 8.0; a number includes an integer; null is an absent value, as in parsing.
    event = make_event(0, device={"fingerprint": "fp", "hardware_concurrency": 8.0, "device_memory": 4,
                                  "touch_points": 0, "webdriver": None, "languages": ["en-GB"]},
                       form={"fill_ms": 24000.0, "honeypot": ""})
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(event) + "\n")
    _, errors, summary = _replayed(source, tmp_path / "out.jsonl")
    assert "bad event" not in errors and "0 bad lines" in summary


def test_a_file_with_old_mac_line_endings_is_reported_with_the_reason(tmp_path: Path) -> None:
    # Three events separated by CR alone read as one line: it is bad, and the report says why.
    source = tmp_path / "in.jsonl"
    source.write_text("\r".join(json.dumps(make_event(n)) for n in range(3)) + "\r", newline="")
    rows, errors, summary = _replayed(source, tmp_path / "out.jsonl")
    assert "in.jsonl:1: bad event: " in errors and "old Mac line endings" in errors
    assert "1 bad lines" in summary and len(rows) == 1


def test_a_replay_stopped_by_sigterm_leaves_no_partial_file(tmp_path):
    # A supervisor, `timeout` or a cancelled job stops with SIGTERM, which ended the process where it stood:
    # the hidden partial copy beside --out stayed behind, and nothing ever removed it.
    import signal
    import time

    (tmp_path / "o").write_text("the last good scores\n")
    process = subprocess.Popen([sys.executable, "manage.py", "signupguard_replay", "-", "--out", str(tmp_path / "o")],
                               cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    process.stdin.write(json.dumps(make_event(1)) + "\n")
    process.stdin.flush()  # and left open: replay waits for the rest of its input, with its partial file open
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".o.*.partial")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(tmp_path.glob(".o.*.partial")), "replay never opened its partial file"
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=60)
    assert process.returncode == 143
    assert sorted(path.name for path in tmp_path.iterdir()) == ["o"]
    assert (tmp_path / "o").read_text() == "the last good scores\n"

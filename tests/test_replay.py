import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.plugins.events import farm_event, make_event

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
    missing = subprocess.run([env_python, "manage.py", "signupguard_replay", str(tmp_path / "nope"), "--out", str(tmp_path / "o")],
                             cwd=ROOT, capture_output=True, text=True)
    assert missing.returncode == 1
    bad_args = subprocess.run([env_python, "manage.py", "signupguard_replay", str(src)], cwd=ROOT, capture_output=True, text=True)
    assert bad_args.returncode == 2

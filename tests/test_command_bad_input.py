"""Bad input to the offline commands: a clear error, the right exit status, and nothing lost."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from django.test import override_settings
from django.core.management import CommandError, call_command

from tests.plugins.events import farm_event, make_event

ROOT = Path(__file__).resolve().parent.parent


def events_file(path: Path, n: int = 3) -> Path:
    path.write_text("".join(json.dumps(make_event(i)) + "\n" for i in range(n)), encoding="utf-8")
    return path


# -- signupguard_replay --


def test_replaying_a_directory_exits_1_and_keeps_the_out_file(tmp_path: Path) -> None:
    keep = tmp_path / "keep.out"
    keep.write_text("precious\n")
    with pytest.raises(CommandError, match="a directory, not an events file") as info:
        call_command("signupguard_replay", str(tmp_path), "--out", str(keep))
    assert info.value.returncode == 1
    assert keep.read_text() == "precious\n"


def test_a_replay_failing_midway_leaves_the_out_file_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from signupguard.management.commands import signupguard_replay

    src = events_file(tmp_path / "in.jsonl")
    keep = tmp_path / "keep.out"
    keep.write_text("precious\n")
    keep.chmod(0o640)

    def fails_after_one_line(path: str, out: io.TextIOBase, **kwargs: object) -> None:
        out.write('{"event_id": "e-0"}\n')
        raise OSError(5, "Input/output error")  # the events file's disk failing mid-read

    with monkeypatch.context() as patched:
        patched.setattr(signupguard_replay, "replay", fails_after_one_line)
        with pytest.raises(CommandError, match="cannot read .*in.jsonl") as info:
            call_command("signupguard_replay", str(src), "--out", str(keep))
    assert info.value.returncode == 1
    assert keep.read_text() == "precious\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "keep.out"]  # no temporary file left
    # A run that succeeds replaces the file whole and keeps its mode.
    call_command("signupguard_replay", str(src), "--out", str(keep), stdout=io.StringIO())
    assert len(keep.read_text().splitlines()) == 3
    assert keep.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "keep.out"]


def test_a_replay_keeps_hard_links_and_the_owner_of_out(tmp_path: Path) -> None:
    src = events_file(tmp_path / "in.jsonl")
    linked, other = tmp_path / "linked.out", tmp_path / "other-name.out"
    linked.write_text("old\n")
    os.link(linked, other)
    call_command("signupguard_replay", str(src), "--out", str(linked), stdout=io.StringIO())
    # Written in place: a rename would leave the other link with the old content.
    assert other.read_text() == linked.read_text() and len(linked.read_text().splitlines()) == 3
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # only root may give a file away
        owned = tmp_path / "owned.out"
        owned.write_text("old\n")
        os.chown(owned, 65534, 65534)
        call_command("signupguard_replay", str(src), "--out", str(owned), stdout=io.StringIO())
        assert (owned.stat().st_uid, owned.stat().st_gid) == (65534, 65534)
        assert len(owned.read_text().splitlines()) == 3


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_write_error_names_the_out_file_not_the_events(tmp_path: Path) -> None:
    src = events_file(tmp_path / "in.jsonl")
    with pytest.raises(CommandError, match=r"cannot write /dev/full: .*No space left on device") as info:
        call_command("signupguard_replay", str(src), "--out", "/dev/full", stdout=io.StringIO())
    assert info.value.returncode == 1


@pytest.mark.skipif(not os.path.isdir("/dev/fd"), reason="needs /dev/fd")
def test_a_replay_writes_into_a_pipe_named_by_dev_fd(tmp_path: Path) -> None:
    import threading

    # `--out >(gzip > scores.gz)`, or /dev/stdout in a pipeline: the pipe's real path ("/proc/.../pipe:[...]")
    # names no file, and the run failed with "cannot write /dev/fd/N: No such file or directory".
    src = events_file(tmp_path / "in.jsonl")
    read_end, write_end = os.pipe()
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(os.fdopen(read_end, "rb").read()))
    reader.start()
    stdout, stderr = io.StringIO(), io.StringIO()
    try:
        call_command("signupguard_replay", str(src), "--out", f"/dev/fd/{write_end}", stdout=stdout, stderr=stderr)
    finally:
        os.close(write_end)
        reader.join(10)
    lines = received[0].decode().splitlines()
    assert [json.loads(line)["event_id"] for line in lines] == ["e-0", "e-1", "e-2"]  # the summary is not among them
    assert "3 events" in stderr.getvalue() and stdout.getvalue() == ""


# -- signupguard_train --


def test_train_refuses_an_out_directory_it_cannot_create_before_the_features(
        labelled_events_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from signupguard.management.commands import signupguard_train

    def no_features(*args: object, **kwargs: object) -> None:
        raise AssertionError("the features were computed before --out was checked")

    monkeypatch.setattr(signupguard_train, "build_dataset", no_features)
    plain = tmp_path / "plain-file"
    plain.write_text("x")
    # The parents are made, then the last name is too long: the parents must not stay behind.
    candidates = [plain / "model", tmp_path / "new-parent" / "deeper" / ("x" * 300)]
    if os.path.isdir("/proc/self"):
        candidates.append(Path("/proc/sgtest"))  # mkdir fails there even for root, whom os.access lets through
    for out in candidates:
        with pytest.raises(CommandError, match=f"--out {out}: cannot create the directory") as info:
            call_command("signupguard_train", "--events", str(labelled_events_file), "--out", str(out))
        assert info.value.returncode == 2
    assert plain.read_text() == "x" and not (tmp_path / "new-parent").exists()


def test_train_write_errors_are_a_clear_error_naming_out(labelled_events_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "m"
    (out / "report.html" / "in-the-way").mkdir(parents=True)  # a directory where a file must be written
    with pytest.raises(CommandError, match=f"cannot write the model to {out}") as info:
        call_command("signupguard_train", "--events", str(labelled_events_file), "--out", str(out),
                     "--rounds", "5", "--workers", "0", stdout=io.StringIO())
    assert info.value.returncode == 1


@pytest.mark.django_db
@pytest.mark.parametrize("stop", [OSError(28, "No space left on device"), KeyboardInterrupt()],
                         ids=["disk-full", "ctrl-c"])
def test_a_training_stopped_while_it_writes_leaves_no_model_to_promote(
        labelled_events_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop: BaseException) -> None:
    from signupguard.model import registry
    from signupguard.model import report

    def stopped(*args: object, **kwargs: object) -> None:
        raise stop  # the disk filling up, or Ctrl-C, while the report (written last) is drawn

    monkeypatch.setattr(report, "write_report", stopped)
    out = tmp_path / "m"
    with override_settings(SIGNUPGUARD={"MODEL_DIR": str(tmp_path / "registry")}):
        with pytest.raises(CommandError if isinstance(stop, OSError) else KeyboardInterrupt):
            call_command("signupguard_train", "--events", str(labelled_events_file), "--out", str(out),
                         "--rounds", "5", "--workers", "0", stdout=io.StringIO())
        # The model and its hold-out were written: the directory passed for a finished one, and was registered
        # (listed, offered to --shadow) and, had it beaten the active model, promoted.
        with pytest.raises(CommandError, match="metadata.json does not exist"):
            call_command("signupguard_promote", str(out), stdout=io.StringIO())
        assert registry.versions() == [] and registry.active_dir() == registry.DEFAULT_DIR


@pytest.mark.parametrize("content", [b"x\n", b""], ids=["corrupt", "unmigrated"])
def test_train_from_a_broken_database_is_a_clear_error(tmp_path: Path, content: bytes) -> None:
    database = tmp_path / "junk.sqlite3"
    database.write_bytes(content)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    run = subprocess.run([sys.executable, "manage.py", "signupguard_train", "--out", str(tmp_path / "d")],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    assert "CommandError: could not read the labels:" in run.stderr and "manage.py migrate" in run.stderr
    assert not (tmp_path / "d").exists()


@pytest.mark.parametrize("seed", ["-5", str(2**31)])
def test_train_checks_the_seed_before_the_features(labelled_events_file: Path, tmp_path: Path, seed: str) -> None:
    with pytest.raises(CommandError, match="--seed must be between 0 and 2147483647") as info:
        call_command("signupguard_train", "--events", str(labelled_events_file), "--out", str(tmp_path / "m"),
                     "--seed", seed, "--rounds", "5", "--workers", "0", stdout=io.StringIO())
    assert info.value.returncode == 2
    assert not (tmp_path / "m").exists()


@pytest.mark.parametrize("prefix", ["a/b", ".hidden", "new\nline"])
def test_train_refuses_a_version_prefix_the_registry_would_refuse_before_the_features(
        labelled_events_file: Path, tmp_path: Path, prefix: str) -> None:
    # Accepted, it cost a whole training and left a model that signupguard_promote refuses
    # ("does not hold a version name ... write the model with signupguard_train").
    out = tmp_path / "m"
    with pytest.raises(CommandError, match="--version-prefix") as info:
        call_command("signupguard_train", "--events", str(labelled_events_file), "--out", str(out),
                     "--version-prefix", prefix, "--rounds", "5", "--workers", "0", stdout=io.StringIO())
    assert info.value.returncode == 2
    assert not out.exists()


def test_train_reads_events_from_standard_input(
        labelled_events_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(labelled_events_file.read_bytes()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    stdout = io.StringIO()
    call_command("signupguard_train", "--events", "-", "--out", str(tmp_path / "m"), "--rounds", "5",
                 "--workers", "0", stdout=stdout)
    assert "1200 events" in stdout.getvalue()
    assert (tmp_path / "m" / "model.txt").exists()
    with pytest.raises(CommandError, match="standard input .* only once") as info:
        call_command("signupguard_train", "--events", "-", "-", "--out", str(tmp_path / "n"))
    assert info.value.returncode == 2


# -- signupguard_simulate --


@pytest.mark.parametrize("scale", ["inf", "-inf", "nan", "1e12", "1001", "-1"])
def test_simulate_refuses_a_scale_that_is_not_finite_or_too_large(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scale: str) -> None:
    from signupguard.simulation import run

    def no_simulation(**kwargs: object) -> None:
        raise AssertionError(f"simulated with scale {kwargs['scale']}")  # 1e12 would exhaust memory

    monkeypatch.setattr(run, "simulate", no_simulation)
    with pytest.raises(CommandError, match="--scale must be a number between 0 and 1000") as info:
        call_command("signupguard_simulate", "--out", str(tmp_path / "e.jsonl"), f"--scale={scale}")
    assert info.value.returncode == 2
    assert not (tmp_path / "e.jsonl").exists()


@pytest.mark.parametrize("scale", [float("nan"), float("inf"), 1e12])
def test_simulate_function_refuses_the_same_scales(tmp_path: Path, scale: float) -> None:
    from signupguard.simulation.run import simulate

    # No legitimate population nor campaign: a check that lets the scale through costs little.
    with pytest.raises(ValueError, match="scale between 0 and 1000"):
        simulate(out=tmp_path / "e.jsonl", days=1, legit=0, campaigns="none", scale=scale, progress=False)
    assert not (tmp_path / "e.jsonl").exists()


@pytest.mark.parametrize("option, value, bounds", [
    ("days", "0", "between 1 and 3660"), ("days", "100000", "between 1 and 3660"),
    ("legit", "-1", "between 0 and 10000000"), ("legit", "10000000000", "between 0 and 10000000"),
])
def test_simulate_refuses_a_window_or_population_out_of_bounds(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, option: str, value: str, bounds: str) -> None:
    from signupguard.simulation import run

    def no_simulation(**kwargs: object) -> None:
        raise AssertionError(f"simulated with --{option} {value}")  # ten billion people would run for days

    monkeypatch.setattr(run, "simulate", no_simulation)
    with pytest.raises(CommandError, match=f"--{option} must be {bounds}, not {value}") as info:
        call_command("signupguard_simulate", "--out", str(tmp_path / "e.jsonl"), f"--{option}={value}")
    assert info.value.returncode == 2
    assert not (tmp_path / "e.jsonl").exists()


@pytest.mark.parametrize("days, legit", [(0, 0), (3661, 0), (1, -1), (1, 10_000_001)])
def test_simulate_function_refuses_the_same_windows_and_populations(tmp_path: Path, days: int, legit: int) -> None:
    from signupguard.simulation.run import simulate

    with pytest.raises(ValueError, match="days must be between 1 and 3660, legit between 0 and 10000000"):
        simulate(out=tmp_path / "e.jsonl", days=days, legit=legit, campaigns="none", progress=False)
    assert not (tmp_path / "e.jsonl").exists()


@pytest.mark.parametrize("setting, most", [
    ("datacenter_flood.base_size=1000000000", 900_000), ("hydra.profile_pool=300001", 300_000),
    ("datacenter_flood.vms=[20, 100000000]", 60_000),
])
def test_simulate_refuses_a_campaign_parameter_past_what_scale_allows(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setting: str, most: int) -> None:
    from signupguard.simulation import run

    def no_simulation(**kwargs: object) -> None:
        raise AssertionError(f"simulated with {setting}")  # a billion accounts fill memory, as --scale 1e12 would

    monkeypatch.setattr(run, "simulate", no_simulation)
    with pytest.raises(CommandError, match=f"at most {most}") as info:
        call_command("signupguard_simulate", "--out", str(tmp_path / "e.jsonl"), "--param", setting)
    assert info.value.returncode == 2
    assert not (tmp_path / "e.jsonl").exists()


# -- signupguard_sweep --


@pytest.mark.django_db
@pytest.mark.parametrize("limit", ["99999999999999999999", str(2**63)])
def test_sweep_refuses_a_limit_past_what_a_database_takes(limit: str) -> None:
    with pytest.raises(CommandError, match="--limit must be between 1 and 9223372036854775807") as info:
        call_command("signupguard_sweep", "--limit", limit, stdout=io.StringIO())
    assert info.value.returncode == 2


@pytest.mark.django_db
@pytest.mark.parametrize("command", ["signupguard_sweep", "signupguard_prune"])
def test_the_cron_commands_run_whatever_the_system_checks_say(
        tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Run every minute (or night) from cron: a GeoIP path to a missing file (signupguard.E001, which
    stops `manage.py check`) neither stops them nor prints its message on each run."""
    from django.core.management import base, load_command_class

    with override_settings(SIGNUPGUARD={"GEOIP_ASN": str(tmp_path / "missing.mmdb")}):
        with pytest.raises(base.SystemCheckError, match="signupguard.E001"):
            call_command("check")
        load_command_class("signupguard", command).run_from_argv(["manage.py", command])  # as manage.py runs it
    printed = capsys.readouterr()
    assert printed.out and "E001" not in printed.out + printed.err


def test_train_warns_when_the_hold_out_lacks_legitimate_signups(tmp_path):
    # Labelled traffic whose latest events (the hold-out) are all fraud: the model is written, and the
    # command says its figures measure nothing rather than printing "nan%" alone.
    lines = [json.dumps(farm_event(n, label="fraud") if n % 5 == 0 or n >= 240 else make_event(n, label="legit"))
             for n in range(300)]
    path = tmp_path / "e.jsonl"
    path.write_text("\n".join(lines) + "\n")
    stdout = io.StringIO()
    call_command("signupguard_train", "--events", str(path), "--out", str(tmp_path / "m"), "--rounds", "5", stdout=stdout)
    assert "has no legitimate signups, so the figures above measure nothing" in stdout.getvalue()
    assert json.loads((tmp_path / "m/metrics.json").read_text())["split"]["unmeasured"].endswith("has no legitimate signups")


def test_gzip_events_replay_and_train_as_the_plain_file_and_a_cut_one_is_a_clear_error(tmp_path: Path) -> None:
    import gzip

    plain = tmp_path / "e.jsonl"
    plain.write_text("".join(json.dumps(farm_event(n, label="fraud") if n % 5 == 0 else make_event(n, label="legit")) + "\n"
                             for n in range(200)), encoding="utf-8")
    packed = tmp_path / "e.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    for source, out in ((plain, "plain.out"), (packed, "packed.out")):
        call_command("signupguard_replay", str(source), "--out", str(tmp_path / out), stdout=io.StringIO())
    assert (tmp_path / "packed.out").read_bytes() == (tmp_path / "plain.out").read_bytes()
    assert len((tmp_path / "packed.out").read_text().splitlines()) == 200
    from signupguard.offline import build_dataset

    a, b = build_dataset(plain, workers=0), build_dataset(packed, workers=0)
    assert b.bad_lines == 0 and np.array_equal(a.y, b.y) and np.array_equal(a.X, b.X, equal_nan=True)
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(packed.read_bytes()[: packed.stat().st_size // 2])
    with pytest.raises(CommandError, match="gzip-compressed but cannot be decompressed") as info:
        call_command("signupguard_replay", str(cut), "--out", str(tmp_path / "cut.out"))
    assert info.value.returncode == 1 and not (tmp_path / "cut.out").exists()

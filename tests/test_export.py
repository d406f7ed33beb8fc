"""signupguard_export: the stored attempts as contract lines, with the labels training gives them."""

from __future__ import annotations

import datetime as dt
import io
import json

import numpy as np
import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from signupguard.context import parse_event
from signupguard.labels import dataset_from_database, training_labels
from signupguard.models import Attempt, Label
from signupguard.offline import build_dataset
from tests.plugins.events import farm_event, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored(django_user_model):
    """120 attempts over twenty days: reviewers' labels, old allowed ones, unlabelled recent ones, one unreadable."""
    now = timezone.now()
    rows = []
    for n in range(120):
        raw = farm_event(n, label="fraud") if n % 4 == 0 else make_event(n, label="legit")
        raw.pop("label")
        when = now - dt.timedelta(days=20 - n / 6)
        raw["occurred_at"] = when.isoformat().replace("+00:00", "Z")
        event = parse_event(raw)
        user = django_user_model.objects.create_user(username=f"stored-{n}")  # matured labels need an account
        rows.append(Attempt.objects.create(event_id=event.event_id, kind=event.kind, occurred_at=when, raw=raw,
                                           user=user, decision="allow", state="scored"))
    for row in rows[:40:4]:
        Label.objects.create(attempt=row, label="fraud", source="reviewer")
    Label.objects.create(attempt=rows[1], label="legit", source="reviewer")
    broken = Attempt.objects.create(event_id="broken", kind="signup", occurred_at=now, raw={"kind": "signup", "note": "no id"})
    Label.objects.create(attempt=broken, label="fraud", source="reviewer")
    return rows, broken


def test_the_export_is_what_database_training_reads(stored, tmp_path):
    rows, broken = stored
    out = io.StringIO()
    call_command("signupguard_export", "--out", str(tmp_path / "events.jsonl"), stdout=out)
    lines = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text().splitlines()]
    labels = training_labels()
    assert len(lines) == len(rows) + 1
    labelled = sum(labels.get(row.pk) is not None for row in rows)
    assert labels.get(broken.pk) is not None  # labelled, but it cannot train: not counted
    assert out.getvalue().startswith(f"{len(rows) + 1:,} attempts written to {tmp_path / 'events.jsonl'}, {labelled:,} of them labelled\n")
    assert "1 of them no longer parse" in out.getvalue()
    by_id = {line.get("event_id"): line for line in lines}
    assert by_id[rows[0].event_id]["label"] == "fraud" and by_id[rows[1].event_id]["label"] == "legit"
    assert "label" not in by_id[rows[-1].event_id]  # allowed three hours ago: not labelled yet
    assert sum("label" in line for line in lines) == labelled + 1 > 30  # the unreadable one keeps its label too
    assert {"kind": "signup", "note": "no id", "label": "fraud"} in lines  # kept as stored; training counts it as a bad line
    from_file, from_db = build_dataset(tmp_path / "events.jsonl"), dataset_from_database(labels=labels)
    assert from_file.bad_lines == from_db.bad_lines == 1
    assert np.array_equal(from_file.y, from_db.y)
    assert np.array_equal(from_file.X, from_db.X, equal_nan=True)


def test_people_only_and_a_bad_destination(stored, tmp_path):
    call_command("signupguard_export", "--out", str(tmp_path / "people.jsonl"), "--legit-after-days", "none",
                 stdout=io.StringIO())
    lines = [json.loads(line) for line in (tmp_path / "people.jsonl").read_text().splitlines()]
    assert sum("label" in line for line in lines) == 12  # eleven fraud (one unreadable), one legit
    with pytest.raises(CommandError, match="could not export"):
        call_command("signupguard_export", "--out", str(tmp_path / "missing" / "x.jsonl"), stdout=io.StringIO())
    assert not (tmp_path / "missing").exists()


def test_a_label_stored_in_the_captured_event_is_not_read(stored, tmp_path):
    rows, _ = stored
    # An imported event kept a label of its own, one the contract does not know: training reads the
    # database's label, as the export writes it, and the row is not a bad line.
    rows[1].raw = {**rows[1].raw, "label": "weird"}
    rows[1].save(update_fields=["raw"])
    call_command("signupguard_export", "--out", str(tmp_path / "events.jsonl"), stdout=io.StringIO())
    labels = training_labels()
    from_file, from_db = build_dataset(tmp_path / "events.jsonl"), dataset_from_database(labels=labels)
    assert from_db.bad_lines == from_file.bad_lines == 1  # the unreadable row alone
    assert rows[1].event_id in from_db.event_ids and labels.get(rows[1].pk) == "legit"
    assert np.array_equal(from_file.y, from_db.y)
    assert np.array_equal(from_file.X, from_db.X, equal_nan=True)


def test_an_interrupted_export_leaves_no_copy_of_the_data_behind(stored, tmp_path, monkeypatch):
    from signupguard.management.commands import signupguard_export

    real_export = signupguard_export.export_events

    def interrupted(handle, **kwargs):
        real_export(handle, **kwargs)
        raise KeyboardInterrupt  # Ctrl-C, with every line written but before the rename

    out = tmp_path / "events.jsonl"
    out.write_text("precious\n")
    monkeypatch.setattr(signupguard_export, "export_events", interrupted)
    with pytest.raises(KeyboardInterrupt):
        call_command("signupguard_export", "--out", str(out), stdout=io.StringIO())
    assert out.read_text() == "precious\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.jsonl"]  # no events.jsonl.partial


def test_the_export_writes_through_a_symlink_and_into_a_pipe(stored, tmp_path):
    import os
    import threading

    rows, _ = stored
    real = tmp_path / "real.jsonl"
    real.write_text("old\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    call_command("signupguard_export", "--out", str(link), stdout=io.StringIO())
    assert link.is_symlink()  # it was replaced by a file, and the file it names kept the old lines
    assert len(real.read_text().splitlines()) == len(rows) + 1
    # A pipe (`--out >(gzip > x.gz)`, /dev/stdout in a pipeline): its real path ("pipe:[...]") names no file.
    read_end, write_end = os.pipe()
    received = []
    reader = threading.Thread(target=lambda: received.append(os.fdopen(read_end, "rb").read()))
    reader.start()
    try:
        stdout, stderr = io.StringIO(), io.StringIO()
        call_command("signupguard_export", "--out", f"/dev/fd/{write_end}", stdout=stdout, stderr=stderr)
    finally:
        os.close(write_end)
        reader.join(10)
    lines = received[0].decode().splitlines()
    assert len(lines) == len(rows) + 1 and all(json.loads(line) for line in lines)
    assert "attempts written to" in stderr.getvalue() and stdout.getvalue() == ""


def test_out_dash_makes_no_file_named_dash(stored, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CommandError, match="--out -") as info:
        call_command("signupguard_export", "--out", "-", stdout=io.StringIO())
    assert info.value.returncode == 2
    assert not (tmp_path / "-").exists()


def test_a_symlink_planted_where_the_partial_file_goes_is_not_followed(stored, tmp_path):
    """The export wrote into EVENTS.jsonl.partial, a fixed name it opened without O_EXCL: whoever could write in
    the directory (/tmp) planted a symlink there, and the export truncated the file it named, wrote every
    account's data into it, chmodded it and renamed the link over --out."""
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    victim.chmod(0o644)
    (tmp_path / "events.jsonl.partial").symlink_to(victim)
    call_command("signupguard_export", "--out", str(tmp_path / "events.jsonl"), stdout=io.StringIO())
    assert victim.read_text() == "keep me\n" and (victim.stat().st_mode & 0o777) == 0o644
    out = tmp_path / "events.jsonl"
    assert not out.is_symlink() and (out.stat().st_mode & 0o777) == 0o600
    assert len(out.read_text().splitlines()) == len(stored[0]) + 1

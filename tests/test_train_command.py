import datetime as dt
import io
import json

import numpy as np
import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from signupguard.context import parse_event
from signupguard.models import Attempt, Label
from signupguard.model.predict import RiskModel
from signupguard.model.registry import HOLDOUT_FILE
from tests.plugins.events import farm_event, make_event


def test_train_from_an_events_file(labelled_events_file, tmp_path):
    out = tmp_path / "model"
    stdout = io.StringIO()
    call_command("signupguard_train", "--events", str(labelled_events_file), "--out", str(out), "--rounds", "40", stdout=stdout)
    text = stdout.getvalue()
    assert "1200 events, 1200 labelled" in text and "thresholds: review" in text
    model = RiskModel.load(out)
    assert model.metadata["training"]["source"] == "events file events.jsonl"
    assert 0 < model.thresholds.review <= model.thresholds.block <= 1
    validation = model.metadata["metrics"]["validation"]  # what the thresholds do where they were chosen
    assert validation["legit_signups"] > 0 and validation["legit_held"] <= 0.01 and validation["legit_blocked"] <= 0.001
    assert "unmet" not in validation and "few" not in validation and "warning" not in text


def test_thresholds_chosen_on_too_few_legitimate_signups_are_called_a_guess(labelled_events_file, tmp_path):
    # A portal retraining on a day of reviewers' labels had thresholds chosen on 6 legitimate signups, and
    # was told nothing (an audit). Here: holding 0.1% of them needs 1,000, far more than the file's slice has.
    stdout = io.StringIO()
    call_command("signupguard_train", "--events", str(labelled_events_file), "--out", str(tmp_path / "m"),
                 "--rounds", "20", "--review-rate", "0.001", "--block-rate", "0.0001", stdout=stdout)
    validation = RiskModel.load(tmp_path / "m").metadata["metrics"]["validation"]
    n = validation["legit_signups"]
    assert 0 < n < 1000
    assert validation["few"] == (f"the thresholds were chosen on {n} legitimate signups of the validation slice; "
                                 "holding 0.10% of them needs at least 1,000, so they are a guess")
    assert f"warning: {validation['few']}; once the portal has scored enough signups" in stdout.getvalue()


def test_several_files_are_separate_traffics(labelled_events_file, tmp_path):
    # Each file keeps its own velocity state and is split by its own time, so the same file twice
    # gives two identical copies of every slice. One velocity store for both would count the
    # first copy's events in the second's figures.
    events = str(labelled_events_file)
    call_command("signupguard_train", "--events", events, "--out", str(tmp_path / "one"), "--rounds", "20",
                 stdout=io.StringIO())
    stdout = io.StringIO()
    call_command("signupguard_train", "--events", events, events, "--out", str(tmp_path / "two"), "--rounds", "20",
                 stdout=stdout)
    assert stdout.getvalue().count("1200 events, 1200 labelled") == 2
    single, double = RiskModel.load(tmp_path / "one").metadata, RiskModel.load(tmp_path / "two").metadata
    assert double["training"]["source"] == "events files events.jsonl, events.jsonl"
    assert (double["training"]["traffics"], double["training"]["events"]) == (2, 2400)
    assert single["training"]["traffics"] == 1
    sizes = {part: n for part, n in single["metrics"]["split"].items() if part != "test_period"}
    assert {part: double["metrics"]["split"][part] for part in sizes} == {part: 2 * n for part, n in sizes.items()}
    assert double["metrics"]["split"]["test_period"] == single["metrics"]["split"]["test_period"]  # the same days
    held_out = np.load(tmp_path / "two" / HOLDOUT_FILE)["X"]
    half = len(held_out) // 2
    np.testing.assert_array_equal(held_out[:half], held_out[half:])
    np.testing.assert_array_equal(held_out[:half], np.load(tmp_path / "one" / HOLDOUT_FILE)["X"])


def test_trained_at_follows_source_date_epoch(labelled_events_file, tmp_path, monkeypatch):
    # make model sets it, so that rebuilding the shipped model reproduces its metadata byte for byte.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    out = tmp_path / "model"
    call_command("signupguard_train", "--events", str(labelled_events_file), "--out", str(out), "--rounds", "5",
                 stdout=io.StringIO())
    assert RiskModel.load(out).metadata["training"]["trained_at"] == "2026-01-01T00:00:00Z"


def test_workers_option(labelled_events_file, tmp_path, monkeypatch):
    from signupguard import parallel_features

    monkeypatch.setattr(parallel_features, "MIN_EVENTS", 0)
    stdout = io.StringIO()
    call_command("signupguard_train", "--events", str(labelled_events_file), "--out", str(tmp_path / "m"),
                 "--rounds", "20", "--workers", "2", stdout=stdout)
    assert "1200 events, 1200 labelled" in stdout.getvalue()
    with pytest.raises(CommandError, match="--workers") as failed:
        call_command("signupguard_train", "--events", str(labelled_events_file), "--out", str(tmp_path / "n"),
                     "--workers", "-1")
    assert failed.value.returncode == 2


def test_target_rates_choose_the_thresholds(labelled_events_file, tmp_path):
    def train(name, *rates):
        call_command("signupguard_train", "--events", str(labelled_events_file), "--out", str(tmp_path / name),
                     "--rounds", "20", *rates, stdout=io.StringIO())
        return RiskModel.load(tmp_path / name)

    default = train("default")
    lenient = train("lenient", "--review-rate", "0.3", "--block-rate", "0.1")
    assert default.metadata["training"]["target_rates"] == {"review": 0.01, "block": 0.001}
    assert lenient.metadata["training"]["target_rates"] == {"review": 0.3, "block": 0.1}
    # Holding more of the legitimate signups means lower thresholds on the same scores.
    assert lenient.thresholds.review < default.thresholds.review
    assert lenient.thresholds.block < default.thresholds.block
    for rates in (("--review-rate", "0"), ("--review-rate", "0.001", "--block-rate", "0.01"), ("--block-rate", "1.5")):
        with pytest.raises(CommandError, match="--block-rate and --review-rate") as failed:
            call_command("signupguard_train", "--events", str(labelled_events_file), "--out", str(tmp_path / "x"), *rates)
        assert failed.value.returncode == 2


def test_a_margin_chooses_the_thresholds_for_a_share_of_the_target_rates(labelled_events_file, tmp_path):
    def train(name, *args):
        call_command("signupguard_train", "--events", str(labelled_events_file), "--out", str(tmp_path / name),
                     "--rounds", "20", *args, stdout=io.StringIO())
        return RiskModel.load(tmp_path / name)

    tenth = train("tenth", "--review-rate", "0.03", "--block-rate", "0.01")
    margin = train("margin", "--review-rate", "0.3", "--block-rate", "0.1", "--margin", "10")
    assert margin.thresholds == tenth.thresholds  # the same booster, the same validation scores
    # The same trees and thresholds aiming at other rates: another version (the registry keeps one per name).
    assert margin.version != tenth.version
    assert margin.metadata["metrics"]["validation"]["chosen_for"] == {"review": 0.03, "block": 0.01}
    # What the portal aims at stays the target; signupguard_thresholds and the dashboard read it.
    assert margin.metadata["training"]["target_rates"] == {"review": 0.3, "block": 0.1}
    assert margin.metadata["training"]["threshold_margin"] == 10
    assert tenth.metadata["training"]["threshold_margin"] == 1
    assert margin.metadata["metrics"]["validation"]["legit_held"] <= 0.03
    import numpy as np

    from signupguard.training import check_margin

    for good in (1, 1.0, np.float32(10), np.int64(10)):
        check_margin(good)
    for bad in (True, 0.999, float("nan"), float("inf"), "10"):
        with pytest.raises(ValueError):
            check_margin(bad)
    for bad in ("0.5", "inf", "nan"):
        with pytest.raises(CommandError, match="--margin: the threshold margin must be a finite number >= 1") as failed:
            call_command("signupguard_train", "--events", str(labelled_events_file), "--out", str(tmp_path / "x"),
                         "--margin", bad)
        assert failed.value.returncode == 2


def test_unlabelled_events_only_feed_velocity(tmp_path):
    # A farm throughout; half the other signups labelled legitimate, the rest unlabelled.
    lines = [
        json.dumps(farm_event(n, label="fraud") if n % 13 < 3 else make_event(n, label="legit") if n % 2 else make_event(n))
        for n in range(260)
    ]
    path = tmp_path / "e.jsonl"
    path.write_text("\n".join(lines) + "\n")
    stdout = io.StringIO()
    call_command("signupguard_train", "--events", str(path), "--out", str(tmp_path / "m"), "--rounds", "20", stdout=stdout)
    assert "260 events, 160 labelled (60 fraud)" in stdout.getvalue()


@pytest.mark.django_db
def test_train_from_reviewer_labels(tmp_path, django_user_model):
    for n in range(300):
        event = parse_event(farm_event(n) if n % 4 == 0 else make_event(n))
        attempt = Attempt.objects.create(event_id=event.event_id, kind=event.kind, occurred_at=event.occurred_at,
                                         account=event.account or "", ip=event.ip, raw=event.to_dict())
        if n < 240:  # the rest stay unlabelled: they only feed velocity
            Label.objects.create(attempt=attempt, label="fraud" if n % 4 == 0 else "legit", source="reviewer")
    # A later label wins: one fraud relabelled legit.
    first_fraud = Attempt.objects.get(event_id="e-0")
    Label.objects.create(attempt=first_fraud, label="legit", source="reviewer")
    stdout = io.StringIO()
    call_command("signupguard_train", "--out", str(tmp_path / "m"), "--rounds", "20", stdout=stdout)
    assert "labels: 240 from reviewers and abuse reports, 0 allowed attempts older than 14 days" in stdout.getvalue()
    assert "300 events, 240 labelled (59 fraud)" in stdout.getvalue()
    assert RiskModel.load(tmp_path / "m").metadata["training"]["source"] == (
        "reviewer labels: 240 from people, 0 allowed attempts older than 14 days taken as legitimate")
    # Once the unlabelled legitimate-looking attempts are allowed and old enough, they are labelled too:
    # those of an account. Without one (a failed login for an unknown name, a deleted account) nothing
    # says they were legitimate.
    ripe = Attempt.objects.filter(labels__isnull=True).exclude(event_id__in=[f"e-{n}" for n in range(0, 300, 4)])
    ripe.update(decision="allow", occurred_at=timezone.now() - dt.timedelta(days=30))
    stdout = io.StringIO()
    call_command("signupguard_train", "--out", str(tmp_path / "m1"), "--rounds", "20", stdout=stdout)
    assert "labels: 240 from reviewers and abuse reports, 0 allowed attempts older than 14 days" in stdout.getvalue()
    for attempt in ripe:
        attempt.user = django_user_model.objects.create_user(username=f"ripe-{attempt.pk}")
        attempt.save(update_fields=["user"])
    stdout = io.StringIO()
    call_command("signupguard_train", "--out", str(tmp_path / "m2"), "--rounds", "20", stdout=stdout)
    assert "labels: 240 from reviewers and abuse reports, 45 allowed attempts older than 14 days" in stdout.getvalue()
    assert "300 events, 285 labelled (59 fraud)" in stdout.getvalue()
    # The option overrides the setting: none, or a longer wait than the attempts' age.
    for days, expected in (("none", "no allowed attempts taken"), ("45", "0 allowed attempts older than 45 days")):
        stdout = io.StringIO()
        call_command("signupguard_train", "--out", str(tmp_path / f"m-{days}"), "--rounds", "20",
                     "--legit-after-days", days, stdout=stdout)
        assert expected in stdout.getvalue() and "300 events, 240 labelled (59 fraud)" in stdout.getvalue()
    with pytest.raises(CommandError, match="not a number of days"):
        call_command("signupguard_train", "--out", str(tmp_path / "bad"), "--legit-after-days", "-3")


@pytest.mark.django_db
def test_too_few_labels_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="too few labelled events"):
        call_command("signupguard_train", "--out", str(tmp_path / "m"), stdout=io.StringIO())


def test_no_legitimate_signup_to_choose_thresholds_on_is_a_clear_error(tmp_path):
    # Legitimate signups first, then a fraud wave: the validation slice (70-85% of the time) is all fraud.
    lines = [json.dumps(make_event(n, label="legit")) for n in range(140)]
    lines += [json.dumps(farm_event(n, label="fraud")) for n in range(140, 200)]
    events = tmp_path / "wave.jsonl"
    events.write_text("\n".join(lines) + "\n")
    with pytest.raises(CommandError, match="no legitimate signup falls in the validation slice"):
        call_command("signupguard_train", "--events", str(events), "--out", str(tmp_path / "m"), stdout=io.StringIO())
    assert not (tmp_path / "m").exists()


def test_unreadable_events_file_exits_1(labelled_events_file, tmp_path):
    with pytest.raises(CommandError) as info:
        call_command("signupguard_train", "--events", str(tmp_path / "missing"), "--out", str(tmp_path / "m"))
    assert info.value.returncode == 1
    # Any of several files, before the features of the others are computed.
    with pytest.raises(CommandError, match="cannot read .*missing") as info:
        call_command("signupguard_train", "--events", str(labelled_events_file), str(tmp_path / "missing"),
                     "--out", str(tmp_path / "m"))
    assert info.value.returncode == 1 and not (tmp_path / "m").exists()


@pytest.mark.django_db
def test_allowed_attempts_that_stayed_unremarkable_count_as_legitimate(django_user_model):
    from django.test import override_settings

    from signupguard.labels import matured_legit, training_labels
    from signupguard.models import AccountStatus

    now = timezone.now()

    def attempt(n, *, days_ago, decision="allow", status=None, reasons=()):
        event = parse_event(make_event(n))
        user = None
        if status is not None:
            user = django_user_model.objects.create_user(username=f"u{n}")
            AccountStatus.objects.create(user=user, status=status)
        return Attempt.objects.create(event_id=f"m-{n}", kind=event.kind, occurred_at=now - dt.timedelta(days=days_ago),
                                      user=user, raw=event.to_dict(), decision=decision, reasons=list(reasons))

    old_cleared = attempt(1, days_ago=20, status="cleared")
    # Without an account, nothing says it was legitimate: a failed login for an unknown name, say.
    attempt(2, days_ago=20)
    attempt(3, days_ago=20, status="blocked")  # blocked since: never "legitimate by default"
    attempt(4, days_ago=20, status="review")  # held since, by a cluster action or a reviewer's doubt
    attempt(5, days_ago=3, status="cleared")  # too recent for abuse to have shown
    # Blocked, then deleted by the host: Attempt.user is SET_NULL, and the block must not turn into "legit".
    attempt(11, days_ago=20, status="blocked").user.delete()
    attempt(6, days_ago=20, decision="review")  # held: its label is the reviewer's to give
    attempt(7, days_ago=20, decision=None)  # never scored
    relabelled = attempt(8, days_ago=30, status="cleared")
    Label.objects.create(attempt=relabelled, label="fraud", source="abuse_report")
    # Allowed by an allow list, not by the model (the portal's own uptime probe): no label.
    attempt(9, days_ago=20, status="cleared", reasons=[{"feature": "rule", "contribution": 0.0, "text": "email domain example.com is allow-listed"}])
    # Allowed by the model, with its reasons: a label.
    explained = attempt(10, days_ago=20, status="cleared", reasons=[{"feature": "v_ip_1h", "contribution": 0.1, "text": "..."}])

    assert Attempt.objects.filter(event_id="m-11", user=None, decision="allow").exists()
    assert matured_legit(days=14, now=now) == {old_cleared.pk, relabelled.pk, explained.pk}
    labels = training_labels()
    assert labels.matured == {old_cleared.pk, explained.pk}  # people's labels come first
    assert labels.get(relabelled.pk) == "fraud" and labels.get(old_cleared.pk) == "legit"
    with override_settings(SIGNUPGUARD={"LEGIT_AFTER_DAYS": 2}):
        assert len(training_labels().matured) == 3
    with override_settings(SIGNUPGUARD={"LEGIT_AFTER_DAYS": None}):
        assert training_labels().matured == frozenset()
        assert len(training_labels(legit_after_days=14).matured) == 2  # the argument wins over the setting
    assert training_labels(legit_after_days=None).matured == frozenset()
    with override_settings(SIGNUPGUARD={"LEGIT_AFTER_DAYS": "two weeks"}):
        with pytest.raises(ValueError, match="not a number of days"):
            training_labels()
        with pytest.raises(CommandError, match="not a number of days"):
            call_command("signupguard_train", "--out", "unused", stdout=io.StringIO())


@pytest.mark.django_db
def test_a_scheduled_retrain_becomes_the_shadow_challenger(labelled_events_file, tmp_path):
    from django.test import override_settings

    from signupguard.model import registry

    # Without a registry, --shadow and --promote say so before the features are built.
    for flag in ("--shadow", "--promote"):
        with pytest.raises(CommandError, match=f"{flag} needs a registry"):
            call_command("signupguard_train", "--events", str(labelled_events_file), "--out", str(tmp_path / "x"), flag)
    assert not (tmp_path / "x").exists()
    with pytest.raises(CommandError):  # one or the other
        call_command("signupguard_train", "--events", str(labelled_events_file), "--out", str(tmp_path / "x"),
                     "--shadow", "--promote")
    with override_settings(SIGNUPGUARD={"MODEL_DIR": str(tmp_path / "registry")}):
        stdout = io.StringIO()
        call_command("signupguard_train", "--events", str(labelled_events_file), "--out", str(tmp_path / "m"),
                     "--rounds", "20", "--shadow", stdout=stdout)
        version = RiskModel.load(tmp_path / "m").version
        assert f"shadow: {version} now scores live traffic beside the active model" in stdout.getvalue()
        assert registry.versions() == [version]
        assert registry.shadow_dir().name == version
        assert registry.active_dir() == registry.DEFAULT_DIR  # the active model is untouched
        assert registry.load_shadow().version == version


@pytest.mark.django_db
def test_a_retrain_that_is_the_active_model_does_not_become_its_own_challenger(labelled_events_file, tmp_path):
    from django.test import override_settings

    from signupguard.model import registry

    # The weekly cron retrains on labels unchanged since the last promotion: the same version as the
    # active model. Made the challenger, it was scored twice per attempt and compared with itself.
    with override_settings(SIGNUPGUARD={"MODEL_DIR": str(tmp_path / "registry")}):
        train = ("signupguard_train", "--events", str(labelled_events_file), "--rounds", "20")
        call_command(*train, "--out", str(tmp_path / "a"), stdout=io.StringIO())
        active = registry.promote(tmp_path / "a", force=True).version
        stdout = io.StringIO()
        call_command(*train, "--out", str(tmp_path / "b"), "--shadow", stdout=stdout)
        assert RiskModel.load(tmp_path / "b").version == active
        assert f"shadow: {active} is the active model" in stdout.getvalue()
        assert "now scores live traffic" not in stdout.getvalue()
        assert registry.shadow_dir() is None and registry.active_dir().name == active


def test_bad_events_paths_and_rounds_are_refused_before_the_features(labelled_events_file, tmp_path):
    with pytest.raises(CommandError, match="a directory, not an events file") as info:
        call_command("signupguard_train", "--events", str(tmp_path), "--out", str(tmp_path / "m"))
    assert info.value.returncode == 1
    for rounds in ("0", "-5"):
        with pytest.raises(CommandError, match="--rounds must be 1 or more") as info:
            call_command("signupguard_train", "--events", str(labelled_events_file), "--out", str(tmp_path / "m"),
                         "--rounds", rounds)
        assert info.value.returncode == 2
    assert not (tmp_path / "m").exists()


@pytest.mark.django_db
def test_a_refused_promotion_exits_1_and_keeps_the_model(tmp_path):
    from django.test import override_settings

    from signupguard.model import registry

    # The farm stops before the hold-out (the last 15%): nothing there to measure either model on.
    lines = [json.dumps(farm_event(n, label="fraud") if n < 330 and n % 4 == 0 else make_event(n, label="legit"))
             for n in range(400)]
    events = tmp_path / "e.jsonl"
    events.write_text("\n".join(lines) + "\n")
    with override_settings(SIGNUPGUARD={"MODEL_DIR": str(tmp_path / "registry")}):
        stdout = io.StringIO()
        with pytest.raises(CommandError, match="not promoted; the model stays in") as info:
            call_command("signupguard_train", "--events", str(events), "--out", str(tmp_path / "m"),
                         "--rounds", "20", "--promote", stdout=stdout)
        assert info.value.returncode == 1
        assert "0 fraud and" in stdout.getvalue() and "--force" in stdout.getvalue()
        assert RiskModel.load(tmp_path / "m").version and registry.active_dir() == registry.DEFAULT_DIR


def test_training_from_the_database_knows_when_labels_stop_maturing(django_user_model):
    import datetime as dt

    from django.utils import timezone

    from signupguard.labels import training_labels

    before = timezone.now()
    labels = training_labels(legit_after_days=14)
    assert (before - dt.timedelta(days=14)).timestamp() <= labels.mature_before
    assert labels.mature_before <= (timezone.now() - dt.timedelta(days=14)).timestamp()
    assert training_labels(legit_after_days=None).mature_before is None
    assert training_labels(legit_after_days=float("inf")).mature_before is None


def _reviewed_attempts(times: list[dt.datetime]) -> None:
    """Stored attempts at ``times``, every fourth a farm's, each labelled by a reviewer."""
    for n, when in enumerate(times):
        raw = farm_event(n) if n % 4 == 0 else make_event(n)
        raw["occurred_at"] = when.isoformat()
        event = parse_event(raw)
        attempt = Attempt.objects.create(event_id=event.event_id, kind=event.kind, occurred_at=event.occurred_at,
                                         account=event.account or "", ip=event.ip, raw=event.to_dict())
        Label.objects.create(attempt=attempt, label="fraud" if n % 4 == 0 else "legit", source="reviewer")


@pytest.mark.django_db
def test_a_young_portal_trains_on_unmatured_labels_and_is_told_so(tmp_path):
    # Every attempt newer than LEGIT_AFTER_DAYS: nothing mature to measure on, so the plain split, with a note.
    start = timezone.now() - dt.timedelta(hours=5)
    _reviewed_attempts([start + dt.timedelta(minutes=n) for n in range(300)])
    stdout = io.StringIO()
    call_command("signupguard_train", "--out", str(tmp_path / "m"), "--rounds", "20", stdout=stdout)
    assert "note: too few labelled attempts older than 14 days" in stdout.getvalue()
    assert RiskModel.load(tmp_path / "m").metadata["metrics"]["split"]["unmatured_holdout"] is True


@pytest.mark.django_db
def test_a_model_measured_on_unmatured_labels_is_not_promoted_without_force(tmp_path):
    from django.test import override_settings

    from signupguard.model import registry

    # Its hold-out's legitimate rows are the active model's approved holds, which the active model flags
    # all of: live, such a model was promoted "40% against 6.67%" and then blocked 17% of legitimate signups.
    start = timezone.now() - dt.timedelta(hours=5)
    for n in range(300):  # the active model's holds approved (a farm-like crowd), and reported signups it allowed
        raw = farm_event(n) if n % 2 else make_event(n)
        raw["occurred_at"] = (start + dt.timedelta(minutes=n)).isoformat()
        event = parse_event(raw)
        attempt = Attempt.objects.create(event_id=event.event_id, kind=event.kind, occurred_at=event.occurred_at,
                                         account=event.account or "", ip=event.ip, raw=event.to_dict())
        Label.objects.create(attempt=attempt, label="legit" if n % 2 else "fraud", source="reviewer")
    with override_settings(SIGNUPGUARD={"MODEL_DIR": str(tmp_path / "registry")}):
        stdout = io.StringIO()
        with pytest.raises(CommandError, match="not promoted") as info:
            call_command("signupguard_train", "--out", str(tmp_path / "m"), "--rounds", "20", "--promote",
                         stdout=stdout)
        assert info.value.returncode == 1
        assert "too recent to count as legitimate" in stdout.getvalue() and "--force" in stdout.getvalue()
        assert registry.active_dir() == registry.DEFAULT_DIR
        call_command("signupguard_promote", str(tmp_path / "m"), "--force", stdout=io.StringIO())
        assert registry.active_dir().name == RiskModel.load(tmp_path / "m").version


@pytest.mark.django_db
def test_from_the_database_the_hold_out_is_of_matured_days(tmp_path):
    # Allowed attempts mature into legitimate labels after LEGIT_AFTER_DAYS; the days after hold people's
    # labels only, the model's holds: they train, and the hold-out is measured before them (found in an audit).
    now = timezone.now()
    _reviewed_attempts([now - dt.timedelta(days=30) + dt.timedelta(minutes=n) if n < 300 else now - dt.timedelta(hours=400 - n)
                        for n in range(400)])
    stdout = io.StringIO()
    call_command("signupguard_train", "--out", str(tmp_path / "m"), "--rounds", "20", stdout=stdout)
    split = RiskModel.load(tmp_path / "m").metadata["metrics"]["split"]
    assert "unmatured_holdout" not in split and "note:" not in stdout.getvalue()
    cutoff = (now - dt.timedelta(days=14)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert split["test_period"][1] < cutoff  # the newest 100 rows trained, and never measured
    assert (split["train"], split["valid"], split["test"]) == (210 + 100, 45, 45)


@pytest.mark.django_db
def test_a_model_trained_from_the_database_names_no_campaign(tmp_path):
    # Stored attempts carry no simulator "campaign": the per-campaign breakdown of metrics.json and
    # report.html showed all their fraud as one campaign named "".
    start = timezone.now() - dt.timedelta(days=30)
    _reviewed_attempts([start + dt.timedelta(minutes=n) for n in range(300)])
    out = tmp_path / "m"
    call_command("signupguard_train", "--out", str(out), "--rounds", "20", stdout=io.StringIO())
    metrics = json.loads((out / "metrics.json").read_text())
    assert metrics["signup"]["fraud"] > 0  # there was fraud to break down
    assert "campaigns" not in metrics
    assert all("campaigns" not in baseline for baseline in metrics["baselines"].values())
    report = (out / "report.html").read_text()
    assert "Catch rate per campaign" not in report and "&quot;&quot;:" not in report

"""Parity audit (session 32): the same event gives the same features, score and decision live and offline.

README: a line whose ``device`` or ``form`` hold a value of another type than the contract's "is scored
as live capture scores it". Live capture (``collector.clean_device``, ``clean_form``) drops such values;
replay and training read them ("8" as 8, "en-GB" as a language, a honeypot of ``true`` as filled). And
the other way round, capture dropped the contract's own integers written as floats (8.0), which replay
and training read as 8.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from django.core.management import call_command
from django.test import RequestFactory

from signupguard.capture import Snapshot, build_event
from signupguard.collector import clean_device, clean_form
from signupguard.context import parse_event, parse_line
from signupguard.enrichment import Enricher
from signupguard.enrichment.types import Enrichment
from signupguard.features import FEATURE_NAMES, build_features, event_features
from signupguard.models import Attempt
from signupguard.offline import build_dataset
from signupguard.recording import record_signup
from signupguard.velocity.keys import Velocity, plan_parts
from tests.plugins.events import make_event

MEMORY = {"VELOCITY_BACKEND": "signupguard.velocity.memory.MemoryVelocityStore", "SYNC_WAIT": 0}

# (block, field, what a JSON client sent). Values of another type than the contract's: live capture
# drops them, replay and training read them (defect 1, context._clean_mapping).
MISTYPED = [
    ("form", "fill_ms", "24000"),
    ("form", "fill_ms", 24000.5),
    ("form", "honeypot", True),
    ("form", "honeypot", 1),
    ("device", "hardware_concurrency", "8"),
    ("device", "touch_points", "5"),
    ("device", "device_memory", "8"),
    ("device", "languages", "zh-CN,zh"),
]
# The contract's own integers written as floats: replay and training read them, live capture dropped
# them (defect 2, collector.clean_device and clean_form).
INTEGRAL_FLOATS = [
    ("form", "fill_ms", 24000.0),
    ("device", "hardware_concurrency", 8.0),
    ("device", "touch_points", 0.0),
]
# Already read alike (the analysis keeps a list's strings, as capture does): a guard for defect 1's fix,
# which must keep them too rather than drop the whole list.
LIST_WITH_OTHER_TYPES = [("device", "languages", ["zh-CN", 5])]
# Long texts: capture cut a honeypot at 256 characters and parsing at 512, so a bot's 300 spaces then
# a URL read as an empty honeypot live and a filled one offline.
LONG_TEXTS = [("form", "honeypot", " " * 300 + "http://spam.example")]
CLIENT_VALUES = MISTYPED + INTEGRAL_FLOATS + LIST_WITH_OTHER_TYPES + LONG_TEXTS
IDS = [f"{block}.{name}={value!r}" for block, name, value in CLIENT_VALUES]


def _same(a: list[float], b: list[float]) -> list[str]:
    """Names of the features that differ (NaN equals NaN)."""
    return [FEATURE_NAMES[i] for i, (x, y) in enumerate(zip(a, b))
            if not (x == y or (isinstance(x, float) and isinstance(y, float) and math.isnan(x) and math.isnan(y)))]


def _client_event(block: str, name: str, value: Any) -> dict[str, Any]:
    event = make_event(0, ip="81.2.69.160")
    event[block] = {**event[block], name: value}
    return event


@pytest.mark.parametrize("block, name, value", CLIENT_VALUES, ids=IDS)
def test_a_client_value_is_read_offline_as_live_capture_reads_it(block: str, name: str, value: Any) -> None:
    sent = _client_event(block, name, value)
    # Live: capture cleans what the client sent, stores the contract event, and scoring parses it back.
    snap = Snapshot(received_at=dt.datetime(2026, 6, 10, 12, tzinfo=dt.timezone.utc), ip=sent["ip"],
                    headers=sent["headers"], device=clean_device(sent["device"]), form=clean_form(None, form=sent["form"]))
    live = parse_event(json.loads(json.dumps(build_event(snap, kind="signup", account=sent["account"], email=sent["email"],
                                                         username=sent["username"]).to_dict())))
    # Offline: the same event as a contract line.
    offline = parse_line(json.dumps(sent))
    enricher = Enricher()
    live_enrichment, offline_enrichment = enricher.enrich(live), enricher.enrich(offline)
    assert _same(event_features(live, live_enrichment), event_features(offline, offline_enrichment)) == []
    # And the velocity keys it reads and records (a fill time, a tell, the device) are the same.
    assert plan_parts(live, live_enrichment)[2:] == plan_parts(offline, offline_enrichment)[2:]


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("celery_eager", "fresh_engine")
@pytest.mark.parametrize("block, name, value", CLIENT_VALUES, ids=IDS)
def test_a_json_signup_scores_live_as_its_contract_line_replays_and_trains(
    block: str, name: str, value: Any, settings: Any, django_user_model: Any, tmp_path: Path,
) -> None:
    settings.SIGNUPGUARD = MEMORY
    sent = _client_event(block, name, value)
    user = django_user_model.objects.create_user(username="ana", email=sent["email"], password="pw-123-secret")
    request = RequestFactory().post("/api/signup/", data="{}", content_type="application/json",
                                    REMOTE_ADDR=sent["ip"], HTTP_USER_AGENT=sent["headers"]["user-agent"],
                                    HTTP_ACCEPT_LANGUAGE=sent["headers"]["accept-language"])
    record_signup(request, user, device=sent["device"], form=sent["form"], username=sent["username"])
    attempt = Attempt.objects.get(user=user)
    assert attempt.state == "scored", attempt.error
    live = build_features(parse_event(attempt.raw), Enrichment.from_dict(attempt.enrichment),
                          Velocity.from_dict(attempt.velocity))
    # The event as the portal's own log of what the client sent would hold it: the stored event's
    # id, time, address and headers, with the client's device and form.
    line = {**attempt.raw, "device": sent["device"], "form": sent["form"], "label": "legit"}
    source = tmp_path / "events.jsonl"
    source.write_text(json.dumps(line) + "\n", encoding="utf-8")
    trained = build_dataset(source, workers=0)
    # Training keeps its rows as float32.
    assert _same(np.float32(live).astype(float).tolist(), trained.X[0].astype(float).tolist()) == []
    out = tmp_path / "scores.jsonl"
    call_command("signupguard_replay", str(source), "--out", str(out), stdout=io.StringIO(), stderr=io.StringIO())
    (replayed,) = [json.loads(text) for text in out.read_text().splitlines()]
    assert replayed["decision"] == attempt.decision
    assert replayed["score"] == pytest.approx(attempt.score, abs=1e-6)

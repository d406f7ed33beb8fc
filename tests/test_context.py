import json

import pytest

from signupguard.context import EventError, parse_event, parse_line
from tests.plugins.events import make_event


def test_valid_event_round_trips():
    event = parse_event(make_event(1, extra_key={"kept": True}))
    assert event.kind == "signup"
    assert event.occurred_at.tzinfo is not None
    again = parse_event(json.loads(event.to_json()))
    assert again == event
    assert again.extra == {"extra_key": {"kept": True}}


@pytest.mark.parametrize(
    "change, message",
    [
        ({"event_id": ""}, "event_id"),
        ({"kind": "purchase"}, "kind"),
        ({"occurred_at": "yesterday"}, "occurred_at"),
        ({"occurred_at": "2026-06-10T12:00:00"}, "offset"),
        ({"occurred_at": "9999-12-31T23:59:59-23:59"}, "out of range"),  # after the last UTC instant
        ({"occurred_at": "0001-01-01T00:00:00+23:59"}, "out of range"),  # before the first
        ({"ip": 1234}, "ip"),
        ({"headers": "ua"}, "headers"),
        ({"success": "yes"}, "success"),
        ({"label": "maybe"}, "label"),
        ({"email": ["a@b.c"]}, "email"),
    ],
)
def test_bad_fields_raise_clear_errors(change, message):
    with pytest.raises(EventError, match=message):
        parse_event(make_event(1, **change))


def test_missing_required_fields_are_named():
    data = make_event(1)
    del data["ip"], data["kind"]
    with pytest.raises(EventError, match="kind, ip"):
        parse_event(data)


def test_malformed_ip_is_kept_not_rejected():
    assert parse_event(make_event(1, ip="999.1.2.3")).ip == "999.1.2.3"
    assert parse_event(make_event(1, ip="")).ip == ""


def test_oversized_fields_are_truncated():
    event = parse_event(make_event(1, event_id="x" * 1000, email="a" * 5000 + "@x.com",
                                   headers={"user-agent": "u" * 100000, "x-num": 5, "x-null": None}))
    assert len(event.event_id) == 128
    assert len(event.email) == 320
    assert len(event.headers["user-agent"]) == 2048
    assert event.headers["x-num"] == "5" and "x-null" not in event.headers


def test_header_names_are_lower_cased():
    assert parse_event(make_event(1, headers={"User-Agent": "x"})).headers == {"user-agent": "x"}


@pytest.mark.parametrize("line", ["", "{", "[]", "null", "1", '"text"', "{\"event_id\": \"a\"}", "\x00\x01"])
def test_parse_line_rejects_non_events(line):
    with pytest.raises(EventError):
        parse_line(line)


def test_deeply_nested_json_is_an_error_not_a_crash():
    with pytest.raises(EventError):
        parse_line("[" * 100000 + "]" * 100000)

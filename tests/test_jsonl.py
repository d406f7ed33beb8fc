"""signupguard.jsonl: orjson's speed with the standard library's acceptance and results."""

import json
import math

import pytest

from signupguard import jsonl


@pytest.mark.parametrize(
    "line",
    [
        '{"a": 1, "b": [1.5, "é", null, true]}',
        '{"a": 1, "a": 2}',  # duplicate key: the last one wins in both
        '{"x": NaN, "y": Infinity, "z": -Infinity}',  # json's extensions orjson refuses
        '{"s": "\\ud800"}',  # a lone surrogate
        '{"n": 123456789012345678901234567890}',  # beyond 64 bits
        '{"f": 1e400}',
        '"just a string"',
        "[]",
    ],
)
def test_loads_accepts_and_returns_what_json_does(line):
    for form in (line, line.encode("utf-8")):
        got, want = jsonl.loads(form), json.loads(form)
        if isinstance(want, dict) and any(isinstance(v, float) and math.isnan(v) for v in want.values()):
            assert got.keys() == want.keys() and math.isnan(got["x"]) and got["y"] == want["y"]
        else:
            assert got == want and type(got) is type(want)


def test_loads_reads_utf16_like_json():
    line = '{"a": "ü"}'.encode("utf-16")
    assert jsonl.loads(line) == json.loads(line) == {"a": "ü"}


def test_loads_reads_a_str_holding_a_lone_surrogate_like_json():
    line = '{"s": "\ud800", "t": "é"}'  # the surrogate itself, not an escape: json takes it, orjson does not
    assert jsonl.loads(line) == json.loads(line) == {"s": "\ud800", "t": "é"}


@pytest.mark.parametrize("line", ['{"a": 1', "", "nul", '{"a": 1} x', "\xff"])
def test_loads_refuses_what_json_refuses(line):
    with pytest.raises(ValueError):
        json.loads(line)
    with pytest.raises(ValueError):
        jsonl.loads(line)


def test_dumps_is_compact_json_with_the_same_values():
    value = {"event_id": "é-1", "score": 5e-06, "reasons": [{"feature": "ip", "contribution": -0.25}], "n": None}
    text = jsonl.dumps(value)
    assert "\n" not in text and ", " not in text and "é" in text
    assert json.loads(text) == value


def test_dumps_falls_back_for_what_orjson_cannot_write():
    value = {"big": 2**70, "t": (1, 2)}
    assert json.loads(jsonl.dumps(value)) == {"big": 2**70, "t": [1, 2]}


def test_dumps_escapes_a_lone_surrogate_so_the_line_can_be_written():
    value = {"event_id": "x\ud800y", "name": "é"}
    text = jsonl.dumps(value)
    text.encode("utf-8")  # writable
    assert json.loads(text) == value

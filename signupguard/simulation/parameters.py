"""Campaign parameters from the command line: ``--param hydra.api_share=0.9``.

Every archetype's parameters are its class attributes (``campaigns/``), its
size at scale 1.0 (``base_size``) among them. A value is read as JSON (a
number, a list, an object, a quoted string; bare text is a string) and must
have its default's shape: a share between 0 and 1 stays one, a count stays
at most ``MAX_SCALE`` times its default, a ``(low, high)`` range stays
ordered, a list of countries names countries of the simulated world. What
cannot be checked here (a sample larger than a list, say) fails the run with
the parameters named (``simulate``).
"""

from __future__ import annotations

import json
import math
import zoneinfo
from typing import Any, Sequence

from faker.config import AVAILABLE_LOCALES

from . import MAX_SCALE
from .campaigns import CAMPAIGNS
from .cohort import Cohort
from .world_data import COUNTRIES

# Class attributes that name the archetype, not tune it.
_NOT_PARAMETERS = {"name", "label"}

Params = dict[str, dict[str, Any]]


def parameters(cls: type[Cohort]) -> dict[str, Any]:
    """The archetype's parameters and their defaults, in the order the classes define them."""
    found: dict[str, Any] = {}
    for klass in reversed(cls.__mro__):
        for key, value in vars(klass).items():
            if key.startswith("_") or key in _NOT_PARAMETERS or callable(value):
                continue
            if isinstance(value, (property, staticmethod, classmethod)):
                continue
            found[key] = value
    return found


def parse_params(settings: Sequence[str], *, campaigns: Sequence[str]) -> Params:
    """``["hydra.api_share=0.9", ...]`` -> ``{"hydra": {"api_share": 0.9}}``; ValueError saying what is wrong.

    ``campaigns`` are the archetypes the run simulates: a parameter of any
    other would silently do nothing.
    """
    params: Params = {}
    for setting in settings:
        target, equals, text = setting.partition("=")
        campaign, dot, name = target.strip().partition(".")
        if not equals or not dot or not campaign or not name:
            raise ValueError(f"--param {setting!r}: write CAMPAIGN.PARAMETER=VALUE, e.g. hydra.api_share=0.9")
        if campaign not in CAMPAIGNS:
            raise ValueError(f"--param {setting!r}: unknown campaign {campaign!r}; known: {', '.join(CAMPAIGNS)}")
        if campaign not in campaigns:
            raise ValueError(f"--param {setting!r}: {campaign} is not among the simulated campaigns (--campaigns)")
        defaults = parameters(CAMPAIGNS[campaign])
        if name not in defaults:
            raise ValueError(f"--param {setting!r}: {campaign} has no parameter {name!r}; "
                             f"its parameters: {', '.join(defaults)}")
        try:
            params.setdefault(campaign, {})[name] = _like(defaults[name], _read(text.strip()), name=name)
        except ValueError as exc:
            raise ValueError(f"--param {setting!r}: {exc} (default: {describe(defaults[name])})") from None
    return params


def describe(value: Any) -> str:
    """A parameter's value as ``--param`` takes it."""
    return json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False)


def _read(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text  # bare text: a string (a time zone, say)


def _like(default: Any, value: Any, *, name: str) -> Any:
    """``value`` in ``default``'s shape, or ValueError."""
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ValueError("expected true or false")
        return value
    if isinstance(default, (int, float)):
        return _number(default, value)
    if isinstance(default, str):
        if not isinstance(value, str) or not value:
            raise ValueError("expected a text")
        if name.endswith("zone"):
            try:
                zoneinfo.ZoneInfo(value)
            except (ValueError, zoneinfo.ZoneInfoNotFoundError):
                raise ValueError(f"{value!r} is not an IANA time zone") from None
        return value
    if isinstance(default, tuple):
        if not isinstance(value, list) or len(value) != len(default):
            raise ValueError(f"expected a list of {len(default)} numbers")
        low = 1 if default[0] >= 1 else 0  # a range of counts that starts at one or more stays so
        numbers = tuple(_number(d, v, low=low) for d, v in zip(default, value))
        if list(numbers) != sorted(numbers):
            raise ValueError("expected numbers in increasing order")
        return numbers
    if isinstance(default, list):
        if not isinstance(value, list) or not value:
            raise ValueError("expected a non-empty list")
        return [_member(default, item) for item in value]
    if isinstance(default, dict):
        if not isinstance(value, dict) or not value:
            raise ValueError("expected a non-empty object")
        weights = {_member(list(default), key): _weight(w) for key, w in value.items()}
        if not any(weights.values()):
            raise ValueError("expected at least one weight above 0")
        # A JSON object has no order, but the draws follow the keys': the default's order, then the rest sorted.
        rank = {key: i for i, key in enumerate(default)}
        return dict(sorted(weights.items(), key=lambda item: (rank.get(item[0], len(rank)), item[0])))
    raise ValueError("cannot be set from the command line")


def _weight(value: Any) -> float:
    """A relative weight of an object parameter: {"CN": 2, "RU": 1} draws CN twice as often as RU."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        raise ValueError("expected weights of at least 0")
    return float(value)


def _number(default: int | float, value: Any, *, low: int | None = None) -> int | float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError("expected a number")
    if isinstance(default, int):
        if value != int(value):
            raise ValueError("expected a whole number")
        value = int(value)
        if low is None:
            low = 1 if default >= 1 else 0  # sizes and pools: at least one
        if value < low:
            raise ValueError(f"expected a whole number of at least {low}")
        # As far as --scale may take it: past that a typo runs for hours or fills memory.
        if default >= 1 and value > default * MAX_SCALE:
            raise ValueError(f"expected a whole number of at most {int(default * MAX_SCALE)}")
        return value
    if 0 <= default <= 1 and not 0 <= value <= 1:
        raise ValueError("expected a share between 0 and 1")
    if value < 0:
        raise ValueError("expected a number of at least 0")
    return float(value)


def _member(default: list, value: Any) -> str:
    """An item of a list parameter: a country or a locale where the default's items all are."""
    if not isinstance(value, str) or not value:
        raise ValueError("expected texts")
    if all(item in COUNTRIES for item in default) and value not in COUNTRIES:
        raise ValueError(f"{value!r} is not a country of the simulated world ({', '.join(sorted(COUNTRIES))})")
    if all(item in AVAILABLE_LOCALES for item in default) and value not in AVAILABLE_LOCALES:
        raise ValueError(f"{value!r} is not a Faker locale (e.g. en_US, pt_BR)")
    return value

"""Fixtures of the DRF token and dj-rest-auth tests."""

from __future__ import annotations

from typing import Any, Callable

import pytest


@pytest.fixture
def token_model(transactional_db: None) -> type:
    from rest_framework.authtoken.models import Token

    return Token


@pytest.fixture
def rest_auth(monkeypatch: pytest.MonkeyPatch, token_model: type) -> Callable[..., None]:
    """Set dj-rest-auth settings for one test (it reads ``REST_AUTH`` once, at import)."""
    from dj_rest_auth.app_settings import api_settings

    def configure(**options: Any) -> None:
        for name, value in options.items():
            monkeypatch.setattr(api_settings, name, value)

    return configure


def validated_registration(serializer_class: type, body: dict[str, Any], rf: Any) -> tuple[Any, Any]:
    """(serializer, request) of a dj-rest-auth registration POSTed as JSON from a fixed address, validated."""
    from rest_framework.parsers import JSONParser
    from rest_framework.request import Request

    raw = rf.post("/api/register/", data=body, content_type="application/json", REMOTE_ADDR="89.160.20.112")
    raw.session = {}
    request = Request(raw, parsers=[JSONParser()])
    serializer = serializer_class(data=request.data, context={"request": request})
    assert serializer.is_valid(), serializer.errors
    return serializer, request

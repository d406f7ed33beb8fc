"""What an account's user reads comes in the request's language, from the portal's own translations."""

from __future__ import annotations

import array
import json
import struct
from pathlib import Path

import pytest
from django.test import RequestFactory, override_settings
from django.utils import translation

from signupguard.gate import MESSAGES, NotCleared, refusal

BLOCKED_FR = "Votre compte a été bloqué."
NOT_CLEARED_FR = "Votre compte n'est pas encore validé."


def _write_mo(path: Path, messages: dict[str, str]) -> None:
    """A GNU .mo catalogue (the layout of CPython's Tools/i18n/msgfmt.py), so no gettext tools are needed."""
    catalogue = {"": "Content-Type: text/plain; charset=UTF-8\n", **messages}
    keys = sorted(catalogue)
    ids = strs = b""
    entries = []
    for key in keys:
        original, translated = key.encode(), catalogue[key].encode()
        entries.append((len(ids), len(original), len(strs), len(translated)))
        ids += original + b"\0"
        strs += translated + b"\0"
    key_start = 7 * 4 + 16 * len(keys)
    value_start = key_start + len(ids)
    offsets: list[int] = []
    for id_offset, id_length, _, _ in entries:
        offsets += [id_length, id_offset + key_start]
    for _, _, str_offset, str_length in entries:
        offsets += [str_length, str_offset + value_start]
    header = struct.pack("Iiiiiii", 0x950412DE, 0, len(keys), 7 * 4, 7 * 4 + len(keys) * 8, 0, 0)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(header + array.array("i", offsets).tobytes() + ids + strs)


@pytest.fixture
def french(tmp_path: Path):
    _write_mo(tmp_path / "fr" / "LC_MESSAGES" / "django.mo", {
        str(MESSAGES["blocked"]): BLOCKED_FR,
        "Your account is not cleared.": NOT_CLEARED_FR,
    })
    with override_settings(LOCALE_PATHS=[str(tmp_path)]):
        yield


def test_a_refusal_speaks_the_requests_language(french, rf: RequestFactory) -> None:
    with translation.override("fr"):
        assert NotCleared("blocked").as_dict() == {"detail": BLOCKED_FR, "status": "blocked"}
        assert str(NotCleared("unknown status")) == NOT_CLEARED_FR
        api = refusal(rf.get("/api/keys/", HTTP_ACCEPT="application/json"), "blocked")
        assert json.loads(api.content) == {"detail": BLOCKED_FR, "status": "blocked"}
        page = refusal(rf.get("/account/keys/"), "blocked")
        assert BLOCKED_FR in page.content.decode()
    with translation.override("en"):
        assert NotCleared("blocked").as_dict()["detail"] == "Your account has been blocked."


def test_the_drf_permission_speaks_it_too(french) -> None:
    from signupguard.contrib.rest_framework.permissions import IsCleared

    with translation.override("fr"):
        assert str(IsCleared.message) == NOT_CLEARED_FR

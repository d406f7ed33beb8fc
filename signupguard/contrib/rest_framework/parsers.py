"""A DRF ``JSONParser`` that answers 400, not 500, to JSON nested too deeply.

DRF's parser turns only ``ValueError`` into a ``ParseError``; the standard
library's decoder raises ``RecursionError`` past the interpreter's recursion
limit (``[[[[...`` about a thousand levels deep: a 2 KB body), which DRF lets
through as a 500. Use this one wherever JSON bodies reach DRF views, at least
the anonymous ones (signup, login):

    REST_FRAMEWORK = {"DEFAULT_PARSER_CLASSES": [
        "signupguard.contrib.rest_framework.parsers.JSONParser", ...]}

or ``parser_classes = [JSONParser]`` on a view.
"""

from __future__ import annotations

from typing import IO, Any, Mapping

from rest_framework import parsers
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError


class JSONParser(parsers.JSONParser):
    """DRF's ``JSONParser``; a body nested past the recursion limit is a ``ParseError`` (400)."""

    def parse(self, stream: IO[bytes], media_type: str | None = None,
              parser_context: Mapping[str, Any] | None = None) -> Any:
        """The parsed body; ``ParseError`` for invalid or too deeply nested JSON."""
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(_("JSON parse error - nested too deeply.")) from None

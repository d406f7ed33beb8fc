"""A ready-made key-issuing endpoint: ``POST`` → ``201 {"key", "prefix"}`` or ``403 {"detail", "status"}``."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework import status as http
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from signupguard.gate import NotCleared

from .keys import issue_key


class APIKeyCreateView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        name = request.data.get("name") if hasattr(request.data, "get") else None
        if isinstance(name, str) and "\x00" in name:  # PostgreSQL refuses NUL in text: it was a 500
            return Response({"name": [_("Null characters are not allowed.")]}, status=http.HTTP_400_BAD_REQUEST)
        try:
            api_key, key = issue_key(request.user, name=name if isinstance(name, str) else "default")
        except NotCleared as refused:
            return Response(refused.as_dict(), status=http.HTTP_403_FORBIDDEN)
        return Response({"key": key, "prefix": api_key.prefix, "name": api_key.name}, status=http.HTTP_201_CREATED)

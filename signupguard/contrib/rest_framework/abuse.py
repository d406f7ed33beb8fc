"""``POST {"account": <user id>, "reason": "..."}`` → 201: report an account for abuse.

For trusted callers only: staff, or users with the ``signupguard.add_abusereport``
permission (say, the service account of your API gateway).

    path("api/abuse-reports/", AbuseReportView.as_view())
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers, status
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from signupguard.abuse import report_abuse
from signupguard.gate import account_status


class CanReportAbuse(BasePermission):
    message = _("Reporting abuse needs staff status or the signupguard.add_abusereport permission.")

    def has_permission(self, request: Request, view: Any) -> bool:
        user = request.user
        return bool(user and user.is_authenticated and (user.is_staff or user.has_perm("signupguard.add_abusereport")))


class AbuseReportSerializer(serializers.Serializer):
    account = serializers.CharField(max_length=64)
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")

    def validate_account(self, value: str) -> Any:
        model = get_user_model()
        try:
            return model._default_manager.get(pk=model._meta.pk.to_python(value))
        except Exception:  # noqa: BLE001 - unknown id or one of the wrong type: the same answer
            raise serializers.ValidationError(_("No such account.")) from None


class AbuseReportView(APIView):
    permission_classes = [CanReportAbuse]

    def post(self, request: Request) -> Response:
        data = AbuseReportSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        account = data.validated_data["account"]
        report = report_abuse(account, reporter=request.user, reason=data.validated_data["reason"])
        # What the account is now: a blocked one stays blocked, an exempt one stays cleared.
        return Response({"report": report.pk, "account": str(account.pk), "status": account_status(account)},
                        status=status.HTTP_201_CREATED)

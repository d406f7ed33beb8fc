"""Accounts and their hold status, with the same review actions as the queue."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html

from signupguard.models import AccountStatus, StatusChange

from .actions import ACTIONS
from .common import DeepPagePaginator, ReviewPermissionMixin, mask_email, mask_text
from .filters import DecidingAttemptFilter, RecentValuesFilter


class StatusChangeInline(admin.TabularInline):
    """The audit trail: who or what changed the status, when, why, and the note."""

    model = StatusChange
    fields = ("at", "from_status", "to_status", "source", "actor", "reason", "note")
    readonly_fields = fields
    extra = 0
    can_delete = False
    ordering = ("at", "pk")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("actor")


@admin.register(AccountStatus)
class AccountStatusAdmin(ReviewPermissionMixin, admin.ModelAdmin):
    list_display = ("user_col", "email_col", "status", "source", "updated_at", "cluster_col", "attempt_col")
    list_filter = ("status", ("source", RecentValuesFilter), DecidingAttemptFilter, ("updated_at", admin.DateFieldListFilter))
    list_select_related = ("user", "user__signupguard_cluster_membership__cluster")
    search_fields = ("=user__username", "=user__email")  # auth.User's; get_search_fields() follows AUTH_USER_MODEL
    ordering = ("updated_at", "pk")  # the oldest waiting first
    show_full_result_count = False
    paginator = DeepPagePaginator  # deep pages without building the rows they skip
    show_facets = admin.ShowFacets.NEVER  # facet counts are a COUNT per filter value: too slow at 1M rows
    actions = ACTIONS
    fields = ("user", "status", "source", "attempt", "created_at", "updated_at")
    readonly_fields = fields
    inlines = [StatusChangeInline]

    def get_search_fields(self, request: HttpRequest) -> tuple[str, ...]:
        """The user model's own identifier and email fields: a custom model may have no ``username`` or ``email``."""
        from django.contrib.auth import get_user_model

        model = get_user_model()
        names = {model.USERNAME_FIELD, model.get_email_field_name()}
        present = {f.name for f in model._meta.get_fields() if getattr(f, "concrete", False)}
        return tuple(f"=user__{name}" for name in sorted(names & present))

    def changelist_view(self, request: HttpRequest, extra_context: dict | None = None) -> Any:
        if not request.GET and request.method == "GET":
            # Default view: accounts in review, oldest first (the ?status__exact=... link shows others).
            return HttpResponseRedirect(request.path + "?status__exact=review")
        return super().changelist_view(request, extra_context=extra_context)

    @admin.display(description="account", ordering="user_id")
    def user_col(self, obj: AccountStatus) -> str:
        return mask_text(obj.user.get_username())  # as the queue's account column: often the email itself

    @admin.display(description="email")
    def email_col(self, obj: AccountStatus) -> str:
        return mask_email(getattr(obj.user, "email", "") or "")

    @admin.display(description="cluster")
    def cluster_col(self, obj: AccountStatus) -> Any:
        member = getattr(obj.user, "signupguard_cluster_membership", None)
        if member is None:
            return "—"
        url = reverse("admin:signupguard_cluster_change", args=[member.cluster_id])
        return format_html('<a href="{}">#{} ({})</a>', url, member.cluster_id, member.cluster.size)

    @admin.display(description="deciding attempt")
    def attempt_col(self, obj: AccountStatus) -> Any:
        if obj.attempt_id is None:
            return "—"
        return format_html('<a href="{}">{}</a>', reverse("admin:signupguard_attempt_change", args=[obj.attempt_id]),
                           obj.attempt_id)

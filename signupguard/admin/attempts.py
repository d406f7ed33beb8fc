"""The review queue: attempts, pending review by default, the longest held first."""

from __future__ import annotations

import ipaddress
from typing import Any

from django.contrib import admin
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.html import format_html

from signupguard.enrichment.network import prefixes
from signupguard.models import AccountStatus, Attempt

from . import detail
from .actions import ACTIONS
from .common import DeepPagePaginator, NulSafeChangeList, ReviewPermissionMixin, mask_email, mask_ip, mask_text
from .filters import (
    PENDING, QUEUE_ORDERING, ASNFilter, ClusterFilter, DecidingAttemptFilter, EmailDomainFilter, QueueFilter,
    RecentValuesFilter, StatusFilter,
)


def search_filter(term: str) -> Q:
    """Exact, indexed matches only (a LIKE over a million rows is not a search box)."""
    term = term.strip()
    if "/" in term:
        try:
            network = ipaddress.ip_network(term, strict=False)
        except ValueError:
            return Q(ip_prefix=term)
        stored = prefixes(network.network_address)[0]  # what Attempt.ip_prefix holds for it: its /24 or /64
        if network.prefixlen >= int(stored.rsplit("/", 1)[1]):
            return Q(ip_prefix=stored)
        # Wider (the /48 a masked list page shows): the stored prefixes that start like it, a whole group (octet,
        # hextet) at a time. A /23 is its two /24s; past 256 such parts, the wider whole-group network (finds more).
        sep, bits = (":", 16) if network.version == 6 else (".", 8)
        whole = -(-network.prefixlen // bits) * bits
        if whole - network.prefixlen > 8:
            parts = [network.supernet(new_prefix=whole - bits)]
        else:
            parts = list(network.subnets(new_prefix=whole))
        found = Q()
        for part in parts:
            groups = part.network_address.exploded.split(sep)[: part.prefixlen // bits]
            if part.version == 6:
                groups = [group.lstrip("0") or "0" for group in groups]  # as stored, without leading zeros
            # A /64 whose last hextets are zero is stored compressed ("2001:db8::/64" in 2001:db8::/48): the one
            # prefix of a part that does not start with its groups is its first, the part's address's own.
            found |= Q(ip_prefix__startswith=sep.join(groups) + sep) | Q(ip_prefix=prefixes(part.network_address)[0])
        return found
    try:
        address = ipaddress.ip_address(term)
        return Q(ip=term) | Q(ip=str(address))  # as stored: lower case, compressed
    except ValueError:
        pass
    if term.endswith(".") and term.replace(".", "").isdigit():
        return Q(ip__startswith=term)  # "203.0.113." : a prefix typed by hand
    if "@" in term:
        from signupguard.enrichment.email import analyse_email

        lowered = term.lower()
        normalized = analyse_email(term).normalized or lowered  # j.o.hn+x@gmail.com finds john@gmail.com
        return Q(email=term) | Q(email=lowered) | Q(email_normalized=lowered) | Q(email_normalized=normalized)
    return Q(account=term) | Q(device_fingerprint=term) | Q(email_domain=term.lower()) | Q(event_id=term)


class LeanChangeList(NulSafeChangeList):
    """The attempt list without the JSON columns, which none of its columns show.

    They are most of a row (the raw event, enrichment, velocity, reasons), and a
    page of the queue would read 50 of each.
    """

    def get_queryset(self, request: HttpRequest, exclude_parameters: Any = None) -> QuerySet:
        return super().get_queryset(request, exclude_parameters).defer("raw", "enrichment", "velocity", "reasons")


@admin.register(Attempt)
class AttemptAdmin(ReviewPermissionMixin, admin.ModelAdmin):
    list_display = ("id", "created_at", "kind", "account_col", "email_col", "ip_col", "country", "network_col",
                    "score", "decision", "status_col", "cluster_col")
    list_display_links = ("id",)
    list_filter = (QueueFilter, "decision", StatusFilter, "kind", ("model_version", RecentValuesFilter),
                   ("country", RecentValuesFilter), ASNFilter, ("network_kind", RecentValuesFilter), EmailDomainFilter,
                   ClusterFilter, ("created_at", admin.DateFieldListFilter))
    list_select_related = ("user__signupguard_status", "user__signupguard_cluster_membership__cluster")
    search_fields = ("=email",)  # the box shows; the lookup is search_filter()
    search_help_text = "Email (raw or normalised), IP address, /24 prefix, account, device fingerprint, event id."
    # Not decision or kind: their filters cover them, and sorting by either sorted the whole table
    # (0.6-0.9 s at 200k attempts on PostgreSQL, growing with it; found in an audit).
    sortable_by = ("id", "created_at", "score", "country")
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER  # facet counts are a COUNT per filter value: too slow at 1M rows
    list_per_page = 50
    paginator = DeepPagePaginator  # deep pages without building the rows they skip
    actions = ACTIONS
    readonly_fields = ("event_id", "kind", "occurred_at", "account", "state", "model_version", "error")
    fields = readonly_fields
    change_list_template = "admin/signupguard/attempt/change_list.html"
    change_form_template = "admin/signupguard/attempt/change_form.html"

    def get_changelist(self, request: HttpRequest, **kwargs: Any) -> type[NulSafeChangeList]:
        return LeanChangeList

    def get_ordering(self, request: HttpRequest) -> list[str]:
        if request.GET.get("queue", PENDING) == PENDING:
            return list(QUEUE_ORDERING)  # the queue: the longest held first
        return ["-created_at", "-pk"]

    def get_search_results(self, request: HttpRequest, queryset: QuerySet, search_term: str) -> tuple[QuerySet, bool]:
        if not search_term.strip():
            return queryset, False
        return queryset.filter(search_filter(search_term)), False

    def changelist_view(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        queue = request.GET.get("queue", PENDING) == PENDING
        extra = {"sg_queue": queue, "sg_can_review": self.has_review_permission(request), **(extra_context or {})}
        if queue:
            # In review with no attempt to list (an abuse report after retention deleted the signup):
            # the queue cannot show them, so it points to the accounts list that can.
            extra["sg_review_without_attempt"] = AccountStatus.objects.filter(
                status=AccountStatus.Status.REVIEW, attempt__isnull=True).count()
            extra["sg_review_without_attempt_url"] = (reverse("admin:signupguard_accountstatus_changelist")
                                                      + f"?status__exact=review&{DecidingAttemptFilter.parameter_name}"
                                                      f"={DecidingAttemptFilter.NONE}")
        return super().changelist_view(request, extra_context=extra)

    def change_view(self, request: HttpRequest, object_id: str, form_url: str = "",
                    extra_context: dict | None = None) -> HttpResponse:
        attempt = self.get_object(request, object_id)
        extra = dict(extra_context or {})
        if attempt is not None:
            extra.update({
                "attempt": attempt,
                "reasons": detail.reason_rows(attempt.reasons or []),
                "sections": detail.enrichment_sections(attempt.enrichment),
                "velocity": detail.velocity_tables(attempt.velocity),
                "timeline": detail.timeline(attempt.user_id),
                "linked": detail.linked_accounts(attempt.user_id),
                "raw_json": detail.raw_json(attempt),
                "account_status": getattr(getattr(attempt.user, "signupguard_status", None), "status", ""),
                "sg_can_review": self.has_review_permission(request),
                "changelist_url": reverse("admin:signupguard_attempt_changelist") + "?queue=all",
            })
        return super().change_view(request, object_id, form_url, extra_context=extra)

    @admin.display(description="account")
    def account_col(self, obj: Attempt) -> str:
        return mask_text(obj.account)

    @admin.display(description="email")
    def email_col(self, obj: Attempt) -> str:
        return mask_email(obj.email)

    @admin.display(description="IP")
    def ip_col(self, obj: Attempt) -> str:
        return mask_ip(obj.ip)

    @admin.display(description="network")
    def network_col(self, obj: Attempt) -> str:
        asn = f"AS{obj.asn}" if obj.asn is not None else ""
        return " ".join(part for part in (obj.network_kind, asn, (obj.as_org or "")[:24]) if part)

    @admin.display(description="status")
    def status_col(self, obj: Attempt) -> str:
        status = getattr(getattr(obj.user, "signupguard_status", None), "status", "") if obj.user_id else ""
        return format_html('<span class="sg-status sg-status-{}">{}</span>', status, status or "—")

    @admin.display(description="cluster")
    def cluster_col(self, obj: Attempt) -> Any:
        member = getattr(obj.user, "signupguard_cluster_membership", None) if obj.user_id else None
        if member is None:
            return "—"
        url = reverse("admin:signupguard_cluster_change", args=[member.cluster_id])
        return format_html('<a href="{}">#{} ({})</a>', url, member.cluster_id, member.cluster.size)

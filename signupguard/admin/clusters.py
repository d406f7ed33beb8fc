"""Campaign clusters: the list of open campaigns, and one campaign's members and evidence."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.html import format_html_join

from signupguard.models import Attempt, Cluster, ClusterMember, Link
from signupguard.review import preview_cluster_block

from .actions import block_cluster, undo_block
from .common import LINK_MASKS, DeepPagePaginator, ReviewPermissionMixin, mask_email, mask_text, masked_attributes

MAX_MEMBERS = 500


@admin.register(Cluster)
class ClusterAdmin(ReviewPermissionMixin, admin.ModelAdmin):
    list_display = ("id", "size", "blocked_col", "first_seen", "last_seen", "attributes_col", "status")
    list_filter = ("status", ("last_seen", admin.DateFieldListFilter))
    ordering = ("-size", "pk")
    sortable_by = ("id", "size", "first_seen", "last_seen")
    show_full_result_count = False
    paginator = DeepPagePaginator  # deep pages without building the rows they skip
    show_facets = admin.ShowFacets.NEVER  # facet counts are a COUNT per filter value: too slow at 1M rows
    actions = [block_cluster, undo_block]
    fields = ("size", "blocked_count", "blocked_share", "first_seen", "last_seen", "status", "merged_into")
    readonly_fields = fields
    change_form_template = "admin/signupguard/cluster/change_form.html"

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        queryset = super().get_queryset(request)
        if request.resolver_match and (request.resolver_match.url_name or "").endswith("changelist") \
                and "status__exact" not in request.GET:
            return queryset.exclude(status=Cluster.Status.MERGED)
        return queryset

    @admin.display(description="blocked", ordering="blocked_share")
    def blocked_col(self, obj: Cluster) -> str:
        return f"{obj.blocked_count} ({obj.blocked_share:.0%})"

    @admin.display(description="shared attributes")
    def attributes_col(self, obj: Cluster) -> Any:
        shown = masked_attributes(obj.top_attributes[:3])
        return format_html_join("", "<div>{} ({} links)</div>", ((a.get("text", a.get("kind")), a.get("links")) for a in shown))

    def change_view(self, request: HttpRequest, object_id: str, form_url: str = "",
                    extra_context: dict | None = None) -> HttpResponse:
        cluster = self.get_object(request, object_id)
        extra = dict(extra_context or {})
        if cluster is not None:
            members = list(ClusterMember.objects.filter(cluster=cluster).select_related("user", "user__signupguard_status")
                           .order_by("first_seen", "pk")[:MAX_MEMBERS])
            signups = {a.user_id: a for a in Attempt.objects.filter(
                user_id__in=[m.user_id for m in members], kind=Attempt.Kind.SIGNUP).order_by("created_at")}
            rows = []
            for m in members:
                attempt = signups.get(m.user_id)
                rows.append({
                    "user": m.user, "account": mask_text(m.user.get_username()),
                    "email": mask_email(getattr(m.user, "email", "") or ""),
                    "status": getattr(getattr(m.user, "signupguard_status", None), "status", ""),
                    "attempt": attempt, "first_seen": m.first_seen,
                })
            extra.update({
                "cluster": cluster, "members": rows, "member_cap": MAX_MEMBERS,
                "attributes": masked_attributes(cluster.top_attributes),
                "links": [{"source": mask_text(link.source.get_username()), "target": mask_text(link.target.get_username()),
                           "kind": link.kind, "value": LINK_MASKS.get(link.kind, mask_text)(link.value), "at": link.at}
                          for link in Link.objects.filter(cluster=cluster).select_related("source", "target")
                          .order_by("at", "pk")[:300]],
                "preview": preview_cluster_block(cluster, actor=request.user),
                "sg_can_review": self.has_review_permission(request),
                "changelist_url": reverse("admin:signupguard_cluster_changelist"),
            })
        return super().change_view(request, object_id, form_url, extra_context=extra)

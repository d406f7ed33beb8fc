"""Accounts and their hold status, with the same review actions as the queue.

Its add page decides an account SignupGuard never saw sign up (made with the
admin's "Add user", ``create_user`` or an import after install): such an
account has no status row, counts as ``pending`` and so appears in no list.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html

from signupguard import clusters, review
from signupguard.adapter import get_adapter
from signupguard.models import AccountStatus, StatusChange

from .actions import ACTIONS
from .common import DeepPagePaginator, ReviewPermissionMixin, mask_email, mask_text
from .filters import DecidingAttemptFilter, RecentValuesFilter

# What the add form's decision did, kept on the row object for the response (None: nothing was done).
_OUTCOME = "_signupguard_outcome"

class StatusChangeInline(admin.TabularInline):
    """The audit trail: who or what changed the status, when, why, and the note (the latest ``MAX_SHOWN``)."""

    MAX_SHOWN = 200  # an account the model and reviewers moved 3,000 times took 3.2 s to render, every row read-only

    model = StatusChange
    fields = ("at", "from_status", "to_status", "source", "actor", "reason", "note")
    readonly_fields = fields
    extra = 0
    can_delete = False
    ordering = ("at", "pk")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # The trail is part of the account: whoever may see the account sees it. Django's default asked for
        # view_statuschange, which no reviewer is told to get, so the account page showed them no trail.
        return request.user.has_perm("signupguard.view_accountstatus")

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("actor")


class DecideAccountForm(forms.ModelForm):
    """A reviewer's verdict on an account that has no status row yet."""

    DECISIONS = (("approve", "Approve (clear): legitimate"), ("block", "Block: fraud (revokes its API keys)"))

    decision = forms.ChoiceField(choices=DECISIONS, widget=forms.RadioSelect)
    note = forms.CharField(required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
                           help_text="Kept in the account's audit trail.")
    site_name = "admin"  # get_form sets the admin site the error's link points into
    actor: Any = None  # get_form sets the reviewer: a block never takes their own account

    class Meta:
        model = AccountStatus
        fields = ("user",)
        help_texts = {"user": "An account SignupGuard never saw sign up: until a reviewer decides, it counts as "
                              "pending and may not get API keys."}

    def clean_user(self) -> Any:
        user = self.cleaned_data["user"]
        row = AccountStatus.objects.filter(user=user).only("pk", "status").first()
        if row is not None:  # deciding it here would skip the list's actions and their confirmations
            raise ValidationError(format_html(
                'This account already has a status ({}): act on it from <a href="{}">its page</a> in the list.',
                row.status, _row_url(self.site_name, row.pk)))
        return user

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or self.cleaned_data
        user = cleaned.get("user")
        if cleaned.get("decision") == "block" and user is not None and review.spared(self.actor)(user):
            # review.confirm_block would leave it, and this page would have reported a block it never made.
            self.add_error("decision", "This account is exempt from holds (superusers, by default) or is your own: "
                                       "SignupGuard does not block it.")
        return cleaned


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
    raw_id_fields = ("user",)  # the add page: a box for the user's id, with the user list as a lookup

    # The add page: a reviewer decides an account that has no status row (module docstring).
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_review_permission(request)

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return ("user", "decision", "note") if obj is None else self.fields

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return () if obj is None else self.readonly_fields

    def get_inlines(self, request: HttpRequest, obj: Any) -> Any:
        return [] if obj is None else self.inlines

    def get_formset_kwargs(self, request: HttpRequest, obj: Any, inline: Any, prefix: str) -> dict[str, Any]:
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, StatusChangeInline) and obj is not None and obj.pk is not None:
            trail = StatusChange.objects.filter(account=obj)
            total = trail.count()
            if total > inline.MAX_SHOWN:
                # The ids, not a LIMIT in a subquery (MySQL refuses one inside IN). The inline is this request's own.
                latest = list(trail.order_by("-at", "-pk").values_list("pk", flat=True)[:inline.MAX_SHOWN])
                kwargs["queryset"] = kwargs["queryset"].filter(pk__in=latest)
                inline.verbose_name_plural = f"status changes: the latest {inline.MAX_SHOWN} of {total}"
        return kwargs

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        if obj is None:
            kwargs["form"] = type("DecideAccountForm", (DecideAccountForm,),
                                  {"site_name": self.admin_site.name, "actor": request.user})
        return super().get_form(request, obj, change=change, **kwargs)

    def changeform_view(self, request: HttpRequest, object_id: str | None = None, form_url: str = "",
                        extra_context: dict | None = None) -> Any:
        if object_id is None:
            # Django runs the add page in a transaction: the decision's cluster refresh waits for its
            # commit, as the list actions' does, instead of running under the status row's lock.
            with clusters.deferred_refresh():
                return super().changeform_view(request, object_id, form_url, extra_context)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request: HttpRequest, obj: AccountStatus, form: Any, change: bool) -> None:
        """Decide through ``review`` (audit row, signals, label, keys), then stand for the row it wrote."""
        if change:
            return  # every field of an existing row is read-only: its status moves through the actions
        user, note = form.cleaned_data["user"], form.cleaned_data["note"].strip()
        setattr(obj, _OUTCOME, None)  # this request's (the ModelAdmin is shared by every thread); None: nothing done
        taken = _claim(user)
        if taken is not None:  # decided since the form was checked (another reviewer, a verdict): theirs stands
            obj.pk, obj.status = taken.pk, taken.status
            return
        if form.cleaned_data["decision"] == "approve":
            outcome = review.approve([user], actor=request.user, note=note)
        else:
            outcome = review.confirm_block([user], actor=request.user, note=note)
        saved = AccountStatus.objects.get(user=user)
        obj.pk, obj.status, obj.source, obj.created_at = saved.pk, saved.status, saved.source, saved.created_at
        setattr(obj, _OUTCOME, outcome)

    def log_addition(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        if getattr(obj, _OUTCOME) is None:
            return None  # nothing was added
        return super().log_addition(request, obj, message)

    def response_add(self, request: HttpRequest, obj: AccountStatus, post_url_continue: str | None = None) -> HttpResponse:
        outcome, url = getattr(obj, _OUTCOME), _row_url(self.admin_site.name, obj.pk)
        if outcome is None:
            self.message_user(request, format_html(
                "The account “{}” was given a status ({}) while you decided; nothing changed. "
                'Act on it from <a href="{}">its page</a>.', obj.user.get_username(), obj.status, url), messages.ERROR)
            return HttpResponseRedirect(url)
        text = f"The account “{obj.user.get_username()}” is now {obj.status}"
        if outcome.keys:
            text += f"; {outcome.keys} API key(s) revoked"
        if outcome.unlabelled:
            text += "; no training label: the account has no stored signup attempt"
        self.message_user(request, text + ".", messages.SUCCESS)
        if "_addanother" in request.POST:
            url = reverse(f"{self.admin_site.name}:signupguard_accountstatus_add")
        return HttpResponseRedirect(url)

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


def _claim(user: Any) -> AccountStatus | None:
    """Create the account's status row (as ``missing_status`` reads it) before deciding; the row that beat us to it, if one did.

    The form checked that there was none, but a verdict or another reviewer may
    have written one since: the INSERT (its unique user) is what decides who
    was first, and on PostgreSQL it waits for a concurrent one to commit.
    """
    try:
        with transaction.atomic():
            AccountStatus.objects.create(user=user, status=get_adapter().missing_status(user))
    except IntegrityError:
        return AccountStatus.objects.filter(user=user).first()
    return None


def _row_url(site_name: str, pk: Any) -> str:
    """The page of one status row in the admin site ``site_name``."""
    return reverse(f"{site_name}:signupguard_accountstatus_change", args=[pk])

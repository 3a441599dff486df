"""Management of the toolbox: NOV's rule texts and amounts, saved checklists, knelpunten, and
a read-only overview of every rule.

Saving or deleting a rule text or an amount mails the owners of saved checklists the rule
affects (``services.rule_change_announce``, after the transaction commits).
"""

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inzet.audit.services import audit_log

from . import selectors, services
from .engine import REGISTRY
from .models import Bottleneck, ParameterOverride, RuleText, RuleUsage, SavedCheck


def _rule_choices() -> list[tuple[str, str]]:
    return [(key, f"{key}: {rule.title}") for key, rule in sorted(REGISTRY.items())]


def _with_current(choices: list[tuple[str, str]], current: str) -> list[tuple[str, str]]:
    """Keep a stored value selectable even when the code no longer knows it."""
    if current and current not in {value for value, _label in choices}:
        return [(current, current), *choices]
    return choices


class _ValidityForm(forms.ModelForm):
    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        valid_from, valid_to = cleaned.get("valid_from"), cleaned.get("valid_to")
        if valid_from and valid_to and valid_to < valid_from:
            self.add_error("valid_to", _("The end date cannot be before the start date."))
        return cleaned


class RuleTextForm(_ValidityForm):
    rule_key = forms.ChoiceField(label=_("rule"))
    # Declared here: this form's fields are built before the admin's formfield_overrides apply.
    dossier_url = forms.URLField(
        label=_("link to the dossier"), required=False, assume_scheme="https"
    )

    class Meta:
        model = RuleText
        fields = ["rule_key", "title", "action", "legal_basis", "dossier_url"]
        fields += ["valid_from", "valid_to"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        current = self.instance.rule_key if self.instance.pk else ""
        self.fields["rule_key"].choices = _with_current(_rule_choices(), current)


class RuleTopicFilter(admin.SimpleListFilter):
    title = _("topic")
    parameter_name = "topic"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(topic, topic) for topic in sorted({r.topic for r in REGISTRY.values()})]

    def queryset(self, request: HttpRequest, queryset: Any) -> Any:
        if not self.value():
            return queryset
        keys = [key for key, rule in REGISTRY.items() if rule.topic == self.value()]
        return queryset.filter(rule_key__in=keys)


@admin.register(RuleText)
class RuleTextAdmin(admin.ModelAdmin):
    """NOV's wording of a rule for a period. Without one, the text in the code is used."""

    form = RuleTextForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["rule_key", "title", "valid_from", "valid_to", "changed_at"]
    list_filter = [RuleTopicFilter, "valid_from", "valid_to"]
    search_fields = ["rule_key", "title", "action", "legal_basis"]
    date_hierarchy = "valid_from"
    readonly_fields = ["changed_at"]

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, Any]:
        """``?rule_key=…`` (the link in the rule overview) starts from the code's texts."""
        initial = super().get_changeform_initial_data(request)
        rule = REGISTRY.get(str(initial.get("rule_key", "")))
        if rule is not None:
            initial.setdefault("title", rule.title)
            initial.setdefault("action", rule.action)
            initial.setdefault("legal_basis", rule.legal_basis)
            initial.setdefault("dossier_url", rule.dossier)
            initial.setdefault("valid_from", timezone.localdate())
        return initial

    def save_model(self, request: HttpRequest, obj: RuleText, form: Any, change: bool) -> None:
        before = form.initial.get("rule_key", "") if change else ""
        super().save_model(request, obj, form, change)
        if change and not form.has_changed():
            return
        services.rule_change_announce(
            rule_keys=[key for key in (before, obj.rule_key) if key],
            change_id=f"ruletext:{obj.pk}@{obj.changed_at.isoformat()}",
        )

    def delete_model(self, request: HttpRequest, obj: RuleText) -> None:
        change_id = f"ruletext:{obj.pk}@deleted:{timezone.now().isoformat()}"
        super().delete_model(request, obj)
        services.rule_change_announce(rule_keys=[obj.rule_key], change_id=change_id)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        deleted = [(text.pk, text.rule_key) for text in queryset]
        super().delete_queryset(request, queryset)
        now = timezone.now().isoformat()
        for pk, rule_key in deleted:
            services.rule_change_announce(
                rule_keys=[rule_key], change_id=f"ruletext:{pk}@deleted:{now}"
            )


class ParameterOverrideForm(_ValidityForm):
    key = forms.ChoiceField(label=_("parameter"))

    class Meta:
        model = ParameterOverride
        fields = ["key", "value", "valid_from", "valid_to", "source"]
        help_texts = {
            "source": _("Where the amount comes from, e.g. '[V] Belastingdienst, page, year'."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(key, key) for key in selectors.parameter_keys()]
        current = self.instance.key if self.instance.pk else ""
        self.fields["key"].choices = _with_current(choices, current)


@admin.register(ParameterOverride)
class ParameterOverrideAdmin(admin.ModelAdmin):
    """An amount set by NOV for a period; wins over the value shipped in the code."""

    form = ParameterOverrideForm
    list_display = ["key", "value", "valid_from", "valid_to", "source", "changed_at"]
    list_filter = ["key", "valid_from"]
    search_fields = ["key", "source"]
    readonly_fields = ["changed_at"]

    def save_model(
        self, request: HttpRequest, obj: ParameterOverride, form: Any, change: bool
    ) -> None:
        before = form.initial.get("key", "") if change else ""
        super().save_model(request, obj, form, change)
        if change and not form.has_changed():
            return
        services.rule_change_announce(
            rule_keys=_rules_for_parameters(before, obj.key),
            change_id=f"parameter:{obj.pk}@{obj.changed_at.isoformat()}",
        )

    def delete_model(self, request: HttpRequest, obj: ParameterOverride) -> None:
        change_id = f"parameter:{obj.pk}@deleted:{timezone.now().isoformat()}"
        super().delete_model(request, obj)
        services.rule_change_announce(rule_keys=_rules_for_parameters(obj.key), change_id=change_id)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        deleted = [(override.pk, override.key) for override in queryset]
        super().delete_queryset(request, queryset)
        now = timezone.now().isoformat()
        for pk, key in deleted:
            services.rule_change_announce(
                rule_keys=_rules_for_parameters(key), change_id=f"parameter:{pk}@deleted:{now}"
            )


def _rules_for_parameters(*keys: str) -> list[str]:
    return [rule for key in keys if key for rule in selectors.rule_keys_for_parameter(key=key)]


@admin.register(SavedCheck)
class SavedCheckAdmin(admin.ModelAdmin):
    """Read-mostly: for answering questions. Every look at one is written to the audit log."""

    list_display = ["name", "owner", "organisation", "applying_count", "updated_at"]
    list_filter = ["updated_at"]
    search_fields = ["name", "owner__email", "organisation__name"]
    list_select_related = ["owner", "organisation"]
    fields = [
        "name",
        "public_id",
        "owner",
        "organisation",
        "answers",
        "applying_rules",
        "done_rules",
        "notified_changes",
        "created_at",
        "updated_at",
    ]
    readonly_fields = [field for field in fields if field != "name"]

    @admin.display(description=_("rules that apply"))
    def applying_count(self, obj: SavedCheck) -> int:
        return len(obj.applying_rules)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        saved_check = self.get_object(request, object_id)
        if saved_check is not None:
            audit_log(
                actor=request.user,
                action="admin.saved_check_viewed",
                target=saved_check,
                subject=saved_check.owner,
            )
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(Bottleneck)
class BottleneckAdmin(admin.ModelAdmin):
    list_display = ["topic", "rule_key", "short_description", "municipality", "sector"]
    list_display += ["created_at"]
    list_filter = ["topic", "sector", "created_at"]
    search_fields = ["description", "rule_key", "organisation__name", "municipality__name"]
    list_select_related = ["municipality", "sector"]
    raw_id_fields = ["municipality", "organisation", "reported_by"]
    readonly_fields = ["public_id", "created_at"]
    date_hierarchy = "created_at"

    @admin.display(description=_("description"))
    def short_description(self, obj: Bottleneck) -> str:
        return obj.description[:80]


@admin.register(RuleUsage)
class RuleOverviewAdmin(admin.ModelAdmin):
    """Read-only: every registered rule with its texts, validity, facts and use, and the
    amounts in force today. Listed in the admin index under "rule usage"."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        today = timezone.localdate()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Rule overview"),
            "today": today,
            "rows": selectors.rule_overview(on=today),
            "parameters": selectors.parameters_in_force(on=today),
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/compliance/rule_overview.html", context)

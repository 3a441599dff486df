"""Management of the self-evaluation for NOV staff.

Questionnaires are versioned: a published or retired version is read-only here (with its
parts, statements and answer scale), because evaluations were answered with exactly that
text. To change the text, NOV uses the action "Draft a new version", edits the draft and
publishes it.

Evaluations are listed without their answers. Volunteers' answers (``VolunteerResponse``,
``VolunteerAnswer``) are deliberately not registered: nobody may see one volunteer's answers.
"""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .constants import QuestionnaireStatus
from .models import AdviserAssignment, AdviserNote, Evaluation, Part, Questionnaire, Statement
from .services.questionnaires import (
    questionnaire_check_editable,
    questionnaire_draft_new_version,
    questionnaire_publish,
    questionnaire_retire,
)


def _all_fields(model: type[Any]) -> list[str]:
    return [f.name for f in model._meta.fields if f.editable and not f.auto_created]


def _questionnaire_of(obj: Questionnaire | Part | None) -> Questionnaire | None:
    if isinstance(obj, Part):
        return obj.questionnaire
    return obj


def _editable(obj: Questionnaire | Part | None) -> bool:
    questionnaire = _questionnaire_of(obj)
    return questionnaire is None or not questionnaire.is_frozen


class _FrozenInline:
    """An inline that can only change while the questionnaire it belongs to is a draft."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _editable(obj) and super().has_add_permission(request, obj)  # type: ignore[misc]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _editable(obj) and super().has_change_permission(request, obj)  # type: ignore[misc]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _editable(obj) and super().has_delete_permission(request, obj)  # type: ignore[misc]

    def get_extra(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> int:
        # One empty row, so a statement can be added without JavaScript.
        return 1 if _editable(obj) else 0


class PartInline(_FrozenInline, admin.TabularInline):
    model = Part
    fields = ["code", "name", "phase", "minimum_score", "order"]
    show_change_link = True


class QuestionnaireForm(forms.ModelForm):
    class Meta:
        model = Questionnaire
        fields = ["slug", "name", "version", "introduction", "is_starting_set"]
        fields += ["scale_max", "scale_labels"]
        widgets = {"scale_labels": forms.Textarea(attrs={"rows": 6})}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.instance.pk:
            try:
                questionnaire_check_editable(questionnaire=self.instance)
            except ValidationError as exc:
                raise forms.ValidationError(exc.messages) from exc
        return cleaned


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    form = QuestionnaireForm
    list_display = ["name", "slug", "version", "status", "is_starting_set", "published_at"]
    list_filter = ["status", "is_starting_set", "slug"]
    search_fields = ["name", "slug"]
    inlines = [PartInline]
    actions = ["publish", "draft_new_version", "retire"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        if obj is None:
            return ["status", "published_at"]
        if obj.is_frozen:
            return [*_all_fields(Questionnaire)]
        return ["slug", "version", "status", "published_at", "created_at"]

    def get_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        scale = ["scale_max", "scale_labels"]
        if obj is None:
            return ["slug", "name", "version", "introduction", "is_starting_set", *scale]
        return [
            "slug",
            "version",
            "status",
            "published_at",
            "name",
            "introduction",
            "is_starting_set",
            *scale,
            "created_at",
        ]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _editable(obj) and super().has_delete_permission(request, obj)

    def _run(
        self, request: HttpRequest, queryset: QuerySet[Questionnaire], service: Any, done: str
    ) -> None:
        for questionnaire in queryset.order_by("slug", "version"):
            try:
                result = service(questionnaire=questionnaire)
            except ValidationError as exc:
                self.message_user(
                    request, f"{questionnaire}: {' '.join(exc.messages)}", messages.ERROR
                )
            else:
                self.message_user(request, f"{result}: {done}", messages.SUCCESS)

    @admin.action(description=_("Publish"), permissions=["change"])
    def publish(self, request: HttpRequest, queryset: QuerySet[Questionnaire]) -> None:
        self._run(
            request,
            queryset,
            questionnaire_publish,
            str(_("published. New evaluations use this version.")),
        )

    @admin.action(description=_("Draft a new version"), permissions=["add"])
    def draft_new_version(self, request: HttpRequest, queryset: QuerySet[Questionnaire]) -> None:
        self._run(
            request,
            queryset,
            questionnaire_draft_new_version,
            str(_("drafted. Change it, then publish it.")),
        )

    @admin.action(description=_("Retire"), permissions=["change"])
    def retire(self, request: HttpRequest, queryset: QuerySet[Questionnaire]) -> None:
        self._run(
            request,
            queryset,
            questionnaire_retire,
            str(_("retired. New evaluations no longer use it.")),
        )


class StatementInline(_FrozenInline, admin.StackedInline):
    model = Statement
    fields = [("code", "order", "starred"), "text", "volunteer_text", "evidence_hint"]


class PartForm(forms.ModelForm):
    class Meta:
        model = Part
        fields = ["questionnaire", "code", "name", "phase", "description", "minimum_score"]
        fields += ["order"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        # Neither the part's questionnaire nor the one it moves to may be frozen.
        candidates = [cleaned.get("questionnaire")]
        if self.instance.pk:
            candidates.append(self.instance.questionnaire)
        for questionnaire in filter(None, candidates):
            try:
                questionnaire_check_editable(questionnaire=questionnaire)
            except ValidationError as exc:
                raise forms.ValidationError(exc.messages) from exc
        return cleaned


@admin.register(Part)
class PartAdmin(admin.ModelAdmin):
    form = PartForm
    list_display = ["__str__", "questionnaire", "phase", "minimum_score", "order"]
    list_filter = ["questionnaire"]
    list_select_related = ["questionnaire"]
    inlines = [StatementInline]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return _all_fields(Part) if obj is not None and not _editable(obj) else []

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "questionnaire":
            kwargs["queryset"] = Questionnaire.objects.filter(status=QuestionnaireStatus.DRAFT)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _editable(obj) and super().has_delete_permission(request, obj)


@admin.register(Evaluation)
class EvaluationAdmin(admin.ModelAdmin):
    """A list only: which organisation runs which version. No answers, no detail page."""

    list_display = ["organisation", "questionnaire", "status", "started_at"]
    list_display_links = None
    list_filter = ["status", "questionnaire"]
    list_select_related = ["organisation", "questionnaire"]
    search_fields = ["organisation__name"]
    actions = None

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None and super().has_view_permission(request)


class AdviserNoteInline(admin.TabularInline):
    model = AdviserNote
    fields = ["date", "hours", "text"]
    extra = 0


@admin.register(AdviserAssignment)
class AdviserAssignmentAdmin(admin.ModelAdmin):
    list_display = ["adviser", "organisation", "assigned_by", "assigned_at", "ended_at"]
    list_filter = ["assigned_at", "ended_at"]
    list_select_related = ["adviser", "organisation", "assigned_by"]
    search_fields = ["organisation__name", "adviser__email", "adviser__name"]
    raw_id_fields = ["adviser", "organisation", "assigned_by"]
    inlines = [AdviserNoteInline]


@admin.register(AdviserNote)
class AdviserNoteAdmin(admin.ModelAdmin):
    list_display = ["assignment", "date", "hours"]
    list_select_related = ["assignment__adviser", "assignment__organisation"]
    search_fields = ["assignment__organisation__name", "text"]
    raw_id_fields = ["assignment"]
    readonly_fields = ["created_at"]

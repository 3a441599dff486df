from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import Application, QualityMark
from .services import quality_mark_revoke


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["organisation", "status", "submitted_at", "adviser", "assessor", "decision"]
    list_filter = ["status", "decision", "recommendation"]
    search_fields = ["organisation__name"]
    date_hierarchy = "submitted_at"
    raw_id_fields = ["organisation", "evaluation", "submitted_by", "adviser", "assessor"]
    # The flow runs through the services (mails, marks); the admin only shows it.
    readonly_fields = [
        "public_id",
        "status",
        "submitted_at",
        "check_scores_right",
        "check_evidence_complete",
        "assessment_notes",
        "recommendation",
        "recommended_at",
        "decision",
        "decision_reasons",
        "conditions",
        "decided_at",
    ]


@admin.register(QualityMark)
class QualityMarkAdmin(admin.ModelAdmin):
    list_display = ["organisation", "granted_on", "valid_until", "revoked_at"]
    list_filter = ["granted_on", "valid_until"]
    search_fields = ["organisation__name"]
    raw_id_fields = ["organisation", "application"]
    readonly_fields = ["public_id", "revoked_at", "reminded_months"]
    actions = ["revoke"]

    @admin.action(description=_("Revoke the selected keurmerken"))
    def revoke(self, request, queryset):
        revoked = 0
        for mark in queryset:
            try:
                quality_mark_revoke(quality_mark=mark, by=request.user)
            except ValidationError:
                continue
            revoked += 1
        self.message_user(
            request,
            ngettext("%(count)d keurmerk revoked.", "%(count)d keurmerken revoked.", revoked)
            % {"count": revoked},
            messages.SUCCESS,
        )

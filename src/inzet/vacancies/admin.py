from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import CentrePolicy, MediationCase, Proposal, Response, SavedSearch, Vacancy


@admin.register(Vacancy)
class VacancyAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "municipality", "status", "published_at", "expires_on"]
    list_filter = ["status", "form", "sector", "is_online"]
    search_fields = ["title", "organisation__name"]
    raw_id_fields = ["organisation", "postcode_area", "municipality", "created_by"]
    filter_horizontal = ["skills"]
    readonly_fields = ["public_id", "published_at", "created_at", "updated_at"]


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    """Personal data: the list shows only the volunteer's name and the status."""

    list_display = ["volunteer_name", "status"]
    list_filter = ["status"]
    raw_id_fields = ["vacancy", "volunteer"]
    readonly_fields = ["public_id", "created_at", "status_changed_at"]

    @admin.display(description=_("volunteer"))
    def volunteer_name(self, obj: Response) -> str:
        return obj.volunteer.display_name

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("volunteer")


@admin.register(CentrePolicy)
class CentrePolicyAdmin(admin.ModelAdmin):
    list_display = ["centre", "requires_approval", "unanswered_warning_days"]
    list_filter = ["requires_approval"]


@admin.register(SavedSearch)
class SavedSearchAdmin(admin.ModelAdmin):
    list_display = ["name", "active", "last_sent_at", "created_at"]
    list_filter = ["active"]
    raw_id_fields = ["user"]
    exclude = ["unsubscribe_token"]


class ProposalInline(admin.TabularInline):
    model = Proposal
    extra = 0
    raw_id_fields = ["vacancy"]


@admin.register(MediationCase)
class MediationCaseAdmin(admin.ModelAdmin):
    list_display = ["centre", "status", "created_at", "closed_at"]
    list_filter = ["status", "centre"]
    raw_id_fields = ["volunteer", "staff_member"]
    inlines = [ProposalInline]


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["case", "vacancy", "created_at"]
    raw_id_fields = ["case", "vacancy"]

from django.contrib import admin
from django.db import models

from .models import (
    CentreMembership,
    Company,
    CompanyMembership,
    Organisation,
    OrganisationInvitation,
    OrganisationMembership,
    Sector,
    VolunteerCentre,
)


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class OrganisationMembershipInline(admin.TabularInline):
    model = OrganisationMembership
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "legal_form", "kvk_number", "municipality"]
    list_filter = ["legal_form", "sectors"]
    search_fields = ["name", "kvk_number"]
    raw_id_fields = ["postcode_area", "municipality", "created_by"]
    inlines = [OrganisationMembershipInline]


@admin.register(OrganisationInvitation)
class OrganisationInvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organisation", "role", "created_at", "accepted_at"]
    raw_id_fields = ["organisation", "invited_by", "accepted_by"]


class CentreMembershipInline(admin.TabularInline):
    model = CentreMembership
    extra = 0
    raw_id_fields = ["user"]


@admin.register(VolunteerCentre)
class VolunteerCentreAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "email", "phone"]
    search_fields = ["name"]
    filter_horizontal = ["municipalities_served"]
    raw_id_fields = ["postcode_area", "municipality"]
    inlines = [CentreMembershipInline]


class CompanyMembershipInline(admin.TabularInline):
    model = CompanyMembership
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "kvk_number", "municipality"]
    search_fields = ["name"]
    raw_id_fields = ["postcode_area", "municipality"]
    inlines = [CompanyMembershipInline]

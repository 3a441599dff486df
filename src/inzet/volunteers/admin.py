from django.contrib import admin

from .models import Skill, VolunteerProfile


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(VolunteerProfile)
class VolunteerProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "postcode_area", "max_distance_km", "updated_at"]
    raw_id_fields = ["user", "postcode_area"]
    search_fields = ["user__email"]

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from inzet.audit.services import audit_log

from .models import PlatformRole, User


class PlatformRoleInline(admin.TabularInline):
    model = PlatformRole
    fk_name = "user"
    extra = 0
    fields = ["role", "granted_at"]
    readonly_fields = ["granted_at"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """Every look at or change to a person's record here is written to the audit log."""

    ordering = ["email"]
    list_display = ["email", "name", "is_active", "date_joined", "last_login"]
    list_filter = ["is_active", "is_staff", "platform_roles__role"]
    search_fields = ["email", "name"]
    readonly_fields = ["public_id", "date_joined", "last_login", "erased_at"]
    inlines = [PlatformRoleInline]
    fieldsets = [
        (None, {"fields": ["email", "password", "public_id"]}),
        (_("Personal data"), {"fields": ["name", "postcode", "preferred_language"]}),
        (_("Access"), {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        (_("Dates"), {"fields": ["date_joined", "last_login", "erased_at"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]

    def get_actions(self, request):
        # Bulk delete would bypass delete_model and so the audit log; erase people one by one.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def changelist_view(self, request, extra_context=None):
        audit_log(
            actor=request.user,
            action="admin.user_list_viewed",
            details={"query": request.GET.get("q", "")[:100]},
        )
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        user = self.get_object(request, object_id)
        if user is not None:
            action = "admin.user_changed" if request.method == "POST" else "admin.user_viewed"
            audit_log(actor=request.user, action=action, target=user)
        return super().change_view(request, object_id, form_url, extra_context)

    def delete_model(self, request, obj):
        audit_log(actor=request.user, action="admin.user_deleted", target=obj)
        super().delete_model(request, obj)

from django.contrib import admin
from django.urls import include, path

from inzet.api import api
from inzet.core.views import healthz

admin.site.site_header = "Inzet – beheer"

urlpatterns = [
    path("", include("inzet.core.urls")),
    path("healthz", healthz, name="healthz"),
    path("account/", include("inzet.accounts.urls_auth")),
    path("", include("inzet.accounts.urls")),
    path("", include("inzet.organisations.urls")),
    path("", include("inzet.audit.urls")),
    path("", include("inzet.compliance.urls")),
    path("", include("inzet.selfevaluation.urls")),
    path("", include("inzet.qualitymark.urls")),
    path("", include("inzet.vacancies.urls")),
    path("", include("inzet.volunteers.urls")),
    path("", include("inzet.shifts.urls")),
    path("", include("inzet.oncall.urls")),
    path("", include("inzet.knowledge.urls")),
    path("", include("inzet.networks.urls")),
    path("", include("inzet.stewardship.urls")),
    path("api/v1/", api.urls),
    path("beheer/django/", admin.site.urls),
]

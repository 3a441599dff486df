from django.urls import path

from . import views

app_name = "stewardship"

urlpatterns = [
    path("beheer/platform/", views.overview, name="overview"),
    path("beheer/platform/verouderd/", views.stale_content, name="stale-content"),
    path("beheer/platform/niet-gelezen/", views.unviewed_pages, name="unviewed-pages"),
    path("beheer/platform/losse-documenten/", views.orphan_documents, name="orphan-documents"),
    path("beheer/platform/stille-netwerken/", views.quiet_networks, name="quiet-networks"),
    path("beheer/platform/zoektermen/", views.failed_searches, name="failed-searches"),
    path("beheer/platform/bulk/", views.bulk_action, name="bulk-action"),
    path("beheer/platform/accounts/", views.dormant_accounts, name="dormant-accounts"),
    path("account/behouden/<str:token>/", views.keep_account, name="keep-account"),
]

from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("mijn-inzet/", views.dashboard, name="dashboard"),
    path("account/profiel/", views.profile_edit, name="profile"),
    path("account/mijn-gegevens/", views.personal_data, name="personal-data"),
    path(
        "account/mijn-gegevens/download/",
        views.personal_data_download,
        name="personal-data-download",
    ),
    path("account/verwijderen/", views.account_delete, name="delete"),
]

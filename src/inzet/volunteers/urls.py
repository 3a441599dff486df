from django.urls import path

from . import views

app_name = "volunteers"

urlpatterns = [
    path("vrijwilliger/profiel/", views.profile_edit, name="profile"),
]

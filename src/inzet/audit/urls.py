from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("beheer/audit/", views.event_list, name="event-list"),
]

from django.urls import path

from . import views

app_name = "shifts"

urlpatterns = [
    # The schedule of one vacancy: volunteers sign up here; coordinators plan here.
    path("vacatures/<uuid:public_id>/diensten/", views.schedule, name="schedule"),
    path("vacatures/<uuid:public_id>/diensten/beheer/", views.plan_manage, name="manage"),
    path("vacatures/<uuid:public_id>/diensten/nieuw/", views.shift_create, name="shift-create"),
    path("diensten/<uuid:shift_id>/bewerken/", views.shift_edit, name="shift-edit"),
    path("diensten/<uuid:shift_id>/verwijderen/", views.shift_delete, name="shift-delete"),
    path("diensten/<uuid:shift_id>/aanmelden/", views.signup_create, name="signup-create"),
    path(
        "diensten/aanmeldingen/<uuid:signup_id>/afmelden/",
        views.signup_cancel,
        name="signup-cancel",
    ),
    path("diensten/<uuid:shift_id>/lijst/", views.roster, name="roster"),
    path(
        "diensten/<uuid:shift_id>/lijst.<str:file_format>",
        views.roster_export,
        name="roster-export",
    ),
    path("diensten/<uuid:shift_id>/aanwezigheid/", views.attendance, name="attendance"),
    path(
        "vacatures/organisatie/<uuid:organisation_id>/diensten/",
        views.organisation_statistics,
        name="organisation-statistics",
    ),
    # The personal agenda and its private iCalendar feed.
    path("agenda/", views.agenda, name="agenda"),
    path("agenda/feed/vernieuwen/", views.feed_renew, name="feed-renew"),
    path("agenda/feed/<str:token>.ics", views.feed, name="feed"),
]

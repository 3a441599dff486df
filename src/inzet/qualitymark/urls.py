from django.urls import path

from . import views

app_name = "qualitymark"

urlpatterns = [
    path("keurmerk/", views.register, name="register"),
    path("keurmerk/badge/<uuid:public_id>.svg", views.badge, name="badge"),
    path("keurmerk/controle/<uuid:public_id>/", views.badge_check, name="badge-check"),
    path("keurmerk/aanvragen/<uuid:evaluation_id>/", views.apply, name="apply"),
    path("keurmerk/aanvragen/", views.application_list, name="application-list"),
    path(
        "keurmerk/aanvraag/<uuid:public_id>/", views.application_detail, name="application-detail"
    ),
    path(
        "keurmerk/aanvraag/<uuid:public_id>/toewijzen/",
        views.application_assign,
        name="application-assign",
    ),
    path(
        "keurmerk/aanvraag/<uuid:public_id>/beoordeling/",
        views.application_assess,
        name="application-assess",
    ),
    path(
        "keurmerk/aanvraag/<uuid:public_id>/besluit/",
        views.application_decide,
        name="application-decide",
    ),
]

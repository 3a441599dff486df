from django.urls import path

from . import views

app_name = "oncall"

urlpatterns = [
    # Pools: find, join, leave; coordinators create and edit.
    path("oproeppools/", views.pool_list, name="pool-list"),
    path(
        "oproeppools/organisatie/<uuid:organisation_id>/nieuw/",
        views.pool_create_for_organisation,
        name="pool-create-organisation",
    ),
    path(
        "oproeppools/centrale/<uuid:centre_id>/nieuw/",
        views.pool_create_for_centre,
        name="pool-create-centre",
    ),
    path("oproeppools/<uuid:public_id>/", views.pool_detail, name="pool-detail"),
    path("oproeppools/<uuid:public_id>/bewerken/", views.pool_edit, name="pool-edit"),
    path("oproeppools/<uuid:public_id>/aanmelden/", views.pool_join, name="pool-join"),
    path("oproeppools/<uuid:public_id>/afmelden/", views.pool_leave, name="pool-leave"),
    path("oproeppools/<uuid:public_id>/leden/", views.pool_members, name="pool-members"),
    # Urgent requests: coordinators issue and follow them live.
    path("oproeppools/<uuid:public_id>/oproep/", views.request_create, name="request-create"),
    path("oproepen/<uuid:public_id>/", views.request_detail, name="request-detail"),
    path("oproepen/<uuid:public_id>/stand/", views.request_progress, name="request-progress"),
    path(
        "oproepen/<uuid:public_id>/plaatsen/",
        views.request_add_places,
        name="request-add-places",
    ),
    path("oproepen/<uuid:public_id>/sluiten/", views.request_close, name="request-close"),
    path("oproepen/<uuid:public_id>/annuleren/", views.request_cancel, name="request-cancel"),
    # Volunteers: answer through the signed link from the e-mail, or from their own list.
    path("oproepen/antwoord/<str:token>/", views.invitation_answer, name="invitation-answer"),
    path("oproepen/mijn/", views.my_requests, name="my-requests"),
]

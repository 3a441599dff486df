from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("organisaties/", views.organisation_list, name="organisation-list"),
    path("organisaties/registreren/", views.organisation_register, name="organisation-register"),
    path("organisaties/<uuid:public_id>/", views.organisation_detail, name="organisation-detail"),
    path(
        "organisaties/<uuid:public_id>/bewerken/", views.organisation_edit, name="organisation-edit"
    ),
    path("organisaties/<uuid:public_id>/leden/", views.member_list, name="member-list"),
    path(
        "organisaties/<uuid:public_id>/leden/uitnodigen/",
        views.invitation_create,
        name="invitation-create",
    ),
    path(
        "organisaties/<uuid:public_id>/leden/<int:membership_id>/rol/",
        views.membership_role_change,
        name="membership-role-change",
    ),
    path(
        "organisaties/<uuid:public_id>/leden/<int:membership_id>/verwijderen/",
        views.membership_remove,
        name="membership-remove",
    ),
    path("uitnodiging/<uuid:token>/", views.invitation_accept, name="invitation-accept"),
    path("vrijwilligerscentrales/", views.centre_list, name="centre-list"),
    path("vrijwilligerscentrales/<uuid:public_id>/", views.centre_detail, name="centre-detail"),
    path("bedrijven/<uuid:public_id>/", views.company_detail, name="company-detail"),
]

from django.urls import path

from . import views

app_name = "networks"

urlpatterns = [
    path("netwerken/", views.network_list, name="network-list"),
    path("netwerken/nieuw/", views.network_create, name="network-create"),
    path("netwerken/uitnodiging/<str:token>/", views.invitation_accept, name="invitation-accept"),
    path("netwerken/afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path(
        "netwerken/verzoeken/<uuid:public_id>/besluit/",
        views.join_request_decide,
        name="join-request-decide",
    ),
    path("netwerken/berichten/<uuid:public_id>/bewerken/", views.post_edit, name="post-edit"),
    path("netwerken/berichten/<uuid:public_id>/verbergen/", views.post_hide, name="post-hide"),
    path("netwerken/<slug:slug>/", views.network_detail, name="network-detail"),
    path("netwerken/<slug:slug>/bewerken/", views.network_edit, name="network-edit"),
    path("netwerken/<slug:slug>/aanvragen/", views.join_request_create, name="join-request"),
    path("netwerken/<slug:slug>/verzoeken/", views.join_request_list, name="join-request-list"),
    path("netwerken/<slug:slug>/uitnodigen/", views.invite, name="invite"),
    path("netwerken/<slug:slug>/leden/", views.member_directory, name="member-directory"),
    path(
        "netwerken/<slug:slug>/leden/<int:membership_id>/",
        views.member_manage,
        name="member-manage",
    ),
    path("netwerken/<slug:slug>/instellingen/", views.my_settings, name="my-settings"),
    path("netwerken/<slug:slug>/verlaten/", views.leave, name="leave"),
    path("netwerken/<slug:slug>/discussies/", views.thread_list, name="thread-list"),
    path("netwerken/<slug:slug>/discussies/nieuw/", views.thread_create, name="thread-create"),
    path(
        "netwerken/<slug:slug>/discussies/<uuid:public_id>/",
        views.thread_detail,
        name="thread-detail",
    ),
    path(
        "netwerken/<slug:slug>/discussies/<uuid:public_id>/reageren/",
        views.post_create,
        name="post-create",
    ),
    path(
        "netwerken/<slug:slug>/discussies/<uuid:public_id>/moderatie/",
        views.thread_moderate,
        name="thread-moderate",
    ),
    path("netwerken/<slug:slug>/bibliotheek/", views.library, name="library"),
    path("netwerken/<slug:slug>/bibliotheek/map/", views.folder_create, name="folder-create"),
    path(
        "netwerken/<slug:slug>/bibliotheek/uploaden/", views.library_upload, name="library-upload"
    ),
    path(
        "netwerken/<slug:slug>/bibliotheek/<uuid:public_id>/nieuwe-versie/",
        views.library_new_version,
        name="library-new-version",
    ),
]

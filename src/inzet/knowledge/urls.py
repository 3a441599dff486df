from django.urls import path

from . import views

app_name = "knowledge"

urlpatterns = [
    # Reading and searching (search: /kennisbank/?q=…&thema=…&soort=…).
    path("kennisbank/", views.index, name="index"),
    path("kennisbank/feed/", views.feed, name="feed"),
    path("kennisbank/thema/<slug:slug>/", views.theme_detail, name="theme-detail"),
    # Documents: always served through a view that checks who may see them.
    path("kennisbank/documenten/nieuw/", views.document_upload, name="document-upload"),
    path("kennisbank/documenten/<uuid:public_id>/", views.document_detail, name="document-detail"),
    path(
        "kennisbank/documenten/<uuid:public_id>/bestand/",
        views.document_download,
        name="document-download",
    ),
    path(
        "kennisbank/documenten/<uuid:public_id>/nieuwe-versie/",
        views.document_new_version,
        name="document-new-version",
    ),
    # Writing pages, history and restore.
    path("kennisbank/nieuw/", views.page_create, name="page-create"),
    path("kennisbank/<slug:slug>/", views.page_detail, name="page-detail"),
    path("kennisbank/<slug:slug>/bewerken/", views.page_edit, name="page-edit"),
    path("kennisbank/<slug:slug>/geschiedenis/", views.page_history, name="page-history"),
    path(
        "kennisbank/<slug:slug>/geschiedenis/<int:version>/",
        views.page_revision,
        name="page-revision",
    ),
    path(
        "kennisbank/<slug:slug>/geschiedenis/<int:version>/herstellen/",
        views.page_restore,
        name="page-restore",
    ),
]

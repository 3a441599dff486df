from django.urls import path

from .views import centre, imports, mediation, organisation, search

app_name = "vacancies"

urlpatterns = [
    # Volunteers (views/search.py)
    path("vacatures/", search.vacancy_search, name="vacancy-search"),
    path("vacatures/voor-jou/", search.recommendations, name="recommendations"),
    path("vacatures/mijn-reacties/", search.my_responses, name="my-responses"),
    path("vacatures/voorstellen/", search.my_proposals, name="my-proposals"),
    path("vacatures/zoekopdrachten/", search.saved_search_list, name="saved-search-list"),
    path(
        "vacatures/zoekopdrachten/opslaan/", search.saved_search_create, name="saved-search-create"
    ),
    path(
        "vacatures/zoekopdrachten/<int:saved_search_id>/verwijderen/",
        search.saved_search_delete,
        name="saved-search-delete",
    ),
    path(
        "vacatures/zoekopdrachten/afmelden/<str:token>/",
        search.saved_search_unsubscribe,
        name="saved-search-unsubscribe",
    ),
    path(
        "vacatures/reacties/<uuid:public_id>/intrekken/",
        search.response_withdraw,
        name="response-withdraw",
    ),
    path("vacatures/<uuid:public_id>/", search.vacancy_detail, name="vacancy-detail"),
    path("vacatures/<uuid:public_id>/reageren/", search.response_create, name="response-create"),
    # Organisations (views/organisation.py)
    path(
        "vacatures/organisatie/<uuid:organisation_id>/",
        organisation.vacancy_list,
        name="org-vacancy-list",
    ),
    path(
        "vacatures/organisatie/<uuid:organisation_id>/nieuw/",
        organisation.vacancy_create,
        name="vacancy-create",
    ),
    path("vacatures/<uuid:public_id>/bewerken/", organisation.vacancy_edit, name="vacancy-edit"),
    path(
        "vacatures/<uuid:public_id>/status/",
        organisation.vacancy_transition,
        name="vacancy-transition",
    ),
    path("vacatures/<uuid:public_id>/kopieren/", organisation.vacancy_copy, name="vacancy-copy"),
    path(
        "vacatures/<uuid:public_id>/reacties/",
        organisation.vacancy_responses,
        name="vacancy-responses",
    ),
    path(
        "vacatures/reacties/<uuid:public_id>/status/",
        organisation.response_status,
        name="response-status",
    ),
    # Volunteer centres (views/centre.py)
    path("vacatures/centrale/<uuid:centre_id>/", centre.overview, name="centre-overview"),
    path(
        "vacatures/centrale/<uuid:centre_id>/goedkeuren/",
        centre.approvals,
        name="centre-approvals",
    ),
    path("vacatures/<uuid:public_id>/beoordelen/", centre.vacancy_review, name="vacancy-review"),
    path(
        "vacatures/centrale/<uuid:centre_id>/instellingen/",
        centre.settings_edit,
        name="centre-settings",
    ),
    # Mediation (views/mediation.py)
    path("vacatures/centrale/<uuid:centre_id>/bemiddeling/", mediation.case_list, name="case-list"),
    path(
        "vacatures/centrale/<uuid:centre_id>/bemiddeling/nieuw/",
        mediation.case_create,
        name="case-create",
    ),
    path("vacatures/bemiddeling/<uuid:public_id>/", mediation.case_detail, name="case-detail"),
    path(
        "vacatures/bemiddeling/<uuid:public_id>/voorstel/",
        mediation.proposal_create,
        name="proposal-create",
    ),
    # Import (views/imports.py)
    path(
        "vacatures/centrale/<uuid:centre_id>/importeren/",
        imports.vacancy_import,
        name="vacancy-import",
    ),
]

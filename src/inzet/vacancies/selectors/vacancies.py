"""Reads for organisations managing their vacancies, and the gatekeepers for them.

A gatekeeper returns the object or raises Http404, so a person without access cannot even
learn that something exists.
"""

from uuid import UUID

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from inzet.accounts.models import User
from inzet.core import permissions
from inzet.organisations.models import Organisation, VolunteerCentre
from inzet.vacancies.constants import ResponseStatus
from inzet.vacancies.models import CentrePolicy, Vacancy


def _vacancy_get(*, public_id: UUID) -> Vacancy:
    try:
        return Vacancy.objects.select_related(
            "organisation", "sector", "municipality", "postcode_area"
        ).get(public_id=public_id)
    except Vacancy.DoesNotExist:
        raise Http404 from None


def organisation_get_for_vacancy_management(*, user: User, organisation_id: UUID) -> Organisation:
    """The organisation, when the user may manage its vacancies (admins and coordinators)."""
    try:
        organisation = Organisation.objects.select_related("municipality").get(
            public_id=organisation_id
        )
    except Organisation.DoesNotExist:
        raise Http404 from None
    if not permissions.can_manage_vacancies(user, organisation):
        raise Http404
    return organisation


def vacancy_get_for_manager(*, user: User, public_id: UUID) -> Vacancy:
    """A vacancy its organisation's admins and coordinators may edit and move on."""
    vacancy = _vacancy_get(public_id=public_id)
    if not permissions.can_manage_vacancies(user, vacancy.organisation):
        raise Http404
    return vacancy


def vacancy_get_for_centre(*, user: User, public_id: UUID) -> Vacancy:
    """A vacancy the user oversees as staff of the responsible volunteer centre."""
    vacancy = _vacancy_get(public_id=public_id)
    if not permissions.can_oversee_vacancy(user, vacancy):
        raise Http404
    return vacancy


def vacancy_area_municipality_id(*, vacancy: Vacancy) -> str | None:
    """Where a vacancy belongs: its own municipality, or the organisation's when online."""
    return vacancy.municipality_id or vacancy.organisation.municipality_id


def vacancy_responsible_centres(*, vacancy: Vacancy) -> QuerySet[VolunteerCentre]:
    """The volunteer centres serving the vacancy's municipality (see above)."""
    municipality_id = vacancy_area_municipality_id(vacancy=vacancy)
    if not municipality_id:
        return VolunteerCentre.objects.none()
    return VolunteerCentre.objects.filter(municipalities_served=municipality_id).distinct()


def vacancy_requires_approval(*, vacancy: Vacancy) -> bool:
    """True when any responsible centre wants to approve new vacancies first."""
    return CentrePolicy.objects.filter(
        centre__in=vacancy_responsible_centres(vacancy=vacancy), requires_approval=True
    ).exists()


def vacancy_list_for_organisation(*, organisation: Organisation) -> QuerySet[Vacancy]:
    """All vacancies of an organisation with their response counts (withdrawn not counted)."""
    return (
        Vacancy.objects.filter(organisation=organisation)
        .select_related("municipality", "sector")
        .annotate(
            response_count=Count(
                "responses", filter=~Q(responses__status=ResponseStatus.WITHDRAWN)
            ),
            new_response_count=Count("responses", filter=Q(responses__status=ResponseStatus.NEW)),
        )
        .order_by("-created_at")
    )

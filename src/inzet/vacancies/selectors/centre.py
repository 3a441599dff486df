"""Reads for volunteer centres: their area's vacancies and responses, and their settings."""

from uuid import UUID

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from inzet.accounts.models import User
from inzet.core import permissions
from inzet.organisations.models import VolunteerCentre
from inzet.vacancies.constants import ResponseStatus, VacancyStatus
from inzet.vacancies.models import CentrePolicy, Response, Vacancy


def centre_get_for_staff(*, user: User, centre_id: UUID) -> VolunteerCentre:
    try:
        centre = VolunteerCentre.objects.get(public_id=centre_id)
    except VolunteerCentre.DoesNotExist:
        raise Http404 from None
    if not permissions.is_centre_staff(user, centre):
        raise Http404
    return centre


def centre_policy_get(*, centre: VolunteerCentre) -> CentrePolicy:
    """The centre's settings; the defaults (unsaved) when it never changed them."""
    try:
        return CentrePolicy.objects.get(centre=centre)
    except CentrePolicy.DoesNotExist:
        return CentrePolicy(centre=centre)


def centre_area_q(*, centre: VolunteerCentre, prefix: str = "") -> Q:
    """Vacancies in the centre's municipalities; online ones by the organisation's."""
    municipalities = centre.municipalities_served.values("code")
    return Q(**{f"{prefix}municipality__in": municipalities}) | Q(
        **{
            f"{prefix}municipality__isnull": True,
            f"{prefix}organisation__municipality__in": municipalities,
        }
    )


def centre_vacancy_list(*, centre: VolunteerCentre, status: str = "") -> QuerySet[Vacancy]:
    vacancies = (
        Vacancy.objects.filter(centre_area_q(centre=centre))
        .select_related("organisation", "municipality")
        .annotate(
            response_count=Count("responses", filter=~Q(responses__status=ResponseStatus.WITHDRAWN))
        )
        .order_by("-created_at")
    )
    if status:
        vacancies = vacancies.filter(status=status)
    return vacancies


def centre_approval_list(*, centre: VolunteerCentre) -> QuerySet[Vacancy]:
    """Submitted vacancies in the centre's area, oldest first."""
    return (
        Vacancy.objects.filter(centre_area_q(centre=centre), status=VacancyStatus.SUBMITTED)
        .select_related("organisation", "municipality", "sector")
        .order_by("updated_at")
    )


def centre_response_list(*, centre: VolunteerCentre, status: str = "") -> QuerySet[Response]:
    responses = (
        Response.objects.filter(centre_area_q(centre=centre, prefix="vacancy__"))
        .select_related("vacancy__organisation", "volunteer")
        .order_by("-created_at")
    )
    if status:
        responses = responses.filter(status=status)
    return responses

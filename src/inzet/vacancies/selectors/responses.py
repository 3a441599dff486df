"""Reads of responses, and their gatekeepers. A response holds a volunteer's personal data
(name, message): only the organisation responded to and the responsible centre see it."""

from uuid import UUID

from django.db.models import QuerySet
from django.http import Http404

from inzet.accounts.models import User
from inzet.core import permissions
from inzet.vacancies.models import Response, Vacancy

from .vacancies import _vacancy_get


def _response_get(*, public_id: UUID) -> Response:
    try:
        return Response.objects.select_related(
            "vacancy__organisation", "vacancy__municipality", "volunteer"
        ).get(public_id=public_id)
    except Response.DoesNotExist:
        raise Http404 from None


def vacancy_get_for_responses(*, user: User, public_id: UUID) -> Vacancy:
    """A vacancy whose responses the user may read: its organisation or responsible centre."""
    vacancy = _vacancy_get(public_id=public_id)
    if not permissions.can_view_vacancy_responses(user, vacancy):
        raise Http404
    return vacancy


def response_get_for_manager(*, user: User, public_id: UUID) -> Response:
    """A response the user may handle (change its status): the organisation's coordinators."""
    response = _response_get(public_id=public_id)
    if not permissions.can_manage_vacancies(user, response.vacancy.organisation):
        raise Http404
    return response


def response_get_for_volunteer(*, user: User, public_id: UUID) -> Response:
    """The volunteer's own response (to see or withdraw it)."""
    response = _response_get(public_id=public_id)
    if not user.is_authenticated or response.volunteer_id != user.pk:
        raise Http404
    return response


def response_list_for_vacancy(*, vacancy: Vacancy) -> QuerySet[Response]:
    return vacancy.responses.select_related("volunteer").order_by("-created_at")

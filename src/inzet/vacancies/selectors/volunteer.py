"""Reads for volunteers: a vacancy's public page, their responses, proposals and saved
searches, with the gatekeepers for them."""

from dataclasses import dataclass, field
from uuid import UUID

from django.db.models import QuerySet
from django.http import Http404

from inzet.accounts.models import User
from inzet.core import permissions
from inzet.core.permissions import AnyUser
from inzet.geo.postcodes import haversine_km
from inzet.vacancies.constants import ResponseStatus, VacancyStatus
from inzet.vacancies.models import Proposal, Response, SavedSearch, Vacancy
from inzet.volunteers.models import VolunteerProfile
from inzet.volunteers.selectors import volunteer_profile_get

from .matching import match_score
from .vacancies import _vacancy_get

# Statuses in which a vacancy has been public: its page stays, with a "closed" notice.
PUBLIC_STATUSES = {
    VacancyStatus.PUBLISHED,
    VacancyStatus.PAUSED,
    VacancyStatus.FILLED,
    VacancyStatus.CLOSED,
    VacancyStatus.EXPIRED,
}


def vacancy_get_public(*, user: AnyUser, public_id: UUID) -> Vacancy:
    """A vacancy's public page: anyone once it has been published; a draft or a vacancy
    waiting for approval only for its organisation and the responsible centre (a preview)."""
    vacancy = _vacancy_get(public_id=public_id)
    if vacancy.status in PUBLIC_STATUSES:
        return vacancy
    if permissions.can_manage_vacancies(user, vacancy.organisation) or (
        permissions.can_oversee_vacancy(user, vacancy)
    ):
        return vacancy
    raise Http404


def response_active_for(*, vacancy: Vacancy, user: AnyUser) -> Response | None:
    """The person's current (not withdrawn) response to this vacancy, if any."""
    if not user.is_authenticated:
        return None
    return (
        Response.objects.filter(vacancy=vacancy, volunteer=user)
        .exclude(status=ResponseStatus.WITHDRAWN)
        .first()
    )


def response_list_for_volunteer(*, user: User) -> QuerySet[Response]:
    return (
        Response.objects.filter(volunteer=user)
        .select_related("vacancy__organisation", "vacancy__postcode_area")
        .order_by("-created_at")
    )


@dataclass
class ProposalLine:
    proposal: Proposal
    response: Response | None


def proposal_list_for_volunteer(*, user: User) -> list[ProposalLine]:
    """Vacancies a volunteer centre proposed to this person, with their response if any."""
    proposals = list(
        Proposal.objects.filter(case__volunteer=user)
        .select_related("vacancy__organisation", "vacancy__postcode_area", "case__centre")
        .order_by("-created_at")
    )
    responses = {
        r.vacancy_id: r
        for r in Response.objects.filter(
            volunteer=user, vacancy__in=[p.vacancy_id for p in proposals]
        ).exclude(status=ResponseStatus.WITHDRAWN)
    }
    return [ProposalLine(proposal=p, response=responses.get(p.vacancy_id)) for p in proposals]


def saved_search_list(*, user: User) -> QuerySet[SavedSearch]:
    return SavedSearch.objects.filter(user=user).order_by("-created_at")


def saved_search_get_for_owner(*, user: AnyUser, saved_search_id: int) -> SavedSearch:
    if not user.is_authenticated:
        raise Http404
    try:
        return SavedSearch.objects.get(pk=saved_search_id, user=user)
    except SavedSearch.DoesNotExist:
        raise Http404 from None


def saved_search_get_by_token(*, token: str) -> SavedSearch:
    """The unsubscribe link works without logging in: the token is the key."""
    try:
        return SavedSearch.objects.get(unsubscribe_token=token)
    except SavedSearch.DoesNotExist:
        raise Http404 from None


@dataclass
class VacancyFit:
    """How a vacancy fits a logged-in volunteer: distance, and the score with its reasons."""

    distance_km: float | None = None
    score: int | None = None
    reasons: list[str] = field(default_factory=list)
    excluded: bool = False


def vacancy_fit_for(*, vacancy: Vacancy, user: AnyUser) -> VacancyFit | None:
    """For the vacancy page. None for anonymous visitors or people without a profile."""
    profile: VolunteerProfile | None = volunteer_profile_get(user=user)
    if profile is None:
        return None
    distance = None
    area = profile.postcode_area
    if area is not None and vacancy.latitude is not None and not vacancy.is_online:
        distance = haversine_km(area.latitude, area.longitude, vacancy.latitude, vacancy.longitude)
    match = match_score(profile=profile, vacancy=vacancy, distance_km=distance)
    return VacancyFit(
        distance_km=round(distance, 1) if distance is not None else None,
        score=match.score,
        reasons=list(match.reasons),
        excluded=match.excluded,
    )


def vacancy_data_export(*, user: User) -> dict:
    """A volunteer's responses, saved searches and mediation cases for the AVG export."""
    return {
        "vacancy_responses": [
            {
                "vacancy": response.vacancy.title,
                "organisation": response.vacancy.organisation.name,
                "message": response.message,
                "status": response.status,
                "sent_at": response.created_at.isoformat(),
            }
            for response in user.vacancy_responses.select_related("vacancy__organisation")
        ],
        "saved_searches": [
            {"name": search.name, "search": search.query, "active": search.active}
            for search in user.saved_searches.all()
        ],
        "mediation_cases": [
            {
                "centre": case.centre.name,
                "wishes": case.wishes,
                "status": case.status,
                "consent_given_at": case.consent_given_at.isoformat(),
                "proposals": [
                    {"vacancy": proposal.vacancy.title, "note": proposal.note}
                    for proposal in case.proposals.select_related("vacancy")
                ],
            }
            for case in user.mediation_cases.select_related("centre")
        ],
    }

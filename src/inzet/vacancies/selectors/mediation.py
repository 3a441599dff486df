"""Reads and gatekeepers for mediation by a volunteer centre.

A mediation case holds a volunteer's personal data (their wishes, what was proposed): only
the staff of the centre that runs the case may see it. Everyone else gets a 404.
"""

from dataclasses import dataclass
from uuid import UUID

from django.db.models import Q, QuerySet
from django.http import Http404

from inzet.accounts.models import User
from inzet.core import permissions
from inzet.core.permissions import AnyUser
from inzet.organisations.models import VolunteerCentre
from inzet.organisations.selectors import centre_get
from inzet.vacancies.constants import CaseStatus
from inzet.vacancies.models import MediationCase, Proposal, Response, Vacancy
from inzet.vacancies.selectors.search import vacancy_published


def centre_get_for_mediation(*, user: AnyUser, public_id: UUID) -> VolunteerCentre:
    """The centre, for its own staff only."""
    centre = centre_get(public_id=public_id)
    if not permissions.can_mediate(user, centre):
        raise Http404
    return centre


def case_get_for_staff(*, user: AnyUser, public_id: UUID) -> MediationCase:
    """A case, for the staff of the centre that runs it only (not the volunteer)."""
    try:
        case = MediationCase.objects.select_related("centre", "volunteer", "staff_member").get(
            public_id=public_id
        )
    except MediationCase.DoesNotExist:
        raise Http404 from None
    if not permissions.can_mediate(user, case.centre):
        raise Http404
    return case


def centre_staff_list(*, centre: VolunteerCentre) -> QuerySet[User]:
    """The people who can hold a case at this centre."""
    return User.objects.filter(centre_memberships__centre=centre, is_active=True).order_by(
        "name", "email"
    )


def case_list(
    *,
    centre: VolunteerCentre,
    staff_member: User | None = None,
    unassigned: bool = False,
    status: str | None = CaseStatus.OPEN,
) -> QuerySet[MediationCase]:
    """The centre's cases, optionally of one staff member (or without one) and one status."""
    cases = MediationCase.objects.filter(centre=centre).select_related("volunteer", "staff_member")
    if staff_member is not None:
        cases = cases.filter(staff_member=staff_member)
    elif unassigned:
        cases = cases.filter(staff_member__isnull=True)
    if status:
        cases = cases.filter(status=status)
    return cases.order_by("staff_member__name", "staff_member__email", "-created_at")


def _published_in_area(*, centre: VolunteerCentre) -> QuerySet[Vacancy]:
    area = centre.municipalities_served.values("code")
    return vacancy_published().filter(
        Q(municipality__in=area) | Q(municipality__isnull=True, organisation__municipality__in=area)
    )


def case_proposable_vacancies(*, case: MediationCase) -> QuerySet[Vacancy]:
    """Published vacancies in the centre's area that were not proposed in this case yet."""
    proposed = case.proposals.values("vacancy_id")
    return (
        _published_in_area(centre=case.centre)
        .exclude(pk__in=proposed)
        .select_related("organisation", "municipality")
        .order_by("organisation__name", "title")
    )


def case_vacancy_proposable(*, case: MediationCase, vacancy_id: int) -> Vacancy | None:
    return _published_in_area(centre=case.centre).filter(pk=vacancy_id).first()


@dataclass
class ProposalLine:
    proposal: Proposal
    response: Response | None  # the volunteer's latest response to the proposed vacancy


def case_proposal_lines(*, case: MediationCase) -> list[ProposalLine]:
    """The proposals of a case, each with the volunteer's response to that vacancy (if any)."""
    proposals = list(case.proposals.select_related("vacancy__organisation").order_by("-created_at"))
    responses: dict[int, Response] = {}
    for response in Response.objects.filter(
        volunteer=case.volunteer, vacancy__in=[p.vacancy_id for p in proposals]
    ).order_by("created_at"):
        responses[response.vacancy_id] = response  # the latest wins
    return [ProposalLine(proposal=p, response=responses.get(p.vacancy_id)) for p in proposals]

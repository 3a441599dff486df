"""Every permission rule of the platform, in one place.

Roles are memberships, not user types: one person can be a volunteer, coordinator of
organisation X and staff of centre Y at once. Views and API endpoints ask these
functions (usually through a gatekeeper selector) and never test roles themselves.
"""

from django.contrib.auth.models import AnonymousUser

from inzet.accounts.constants import PlatformRoleKind
from inzet.accounts.models import User
from inzet.organisations.constants import OrganisationRole
from inzet.organisations.models import Company, Organisation, VolunteerCentre

AnyUser = User | AnonymousUser


def _active(user: AnyUser | None) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def _has_platform_role(user: AnyUser | None, role: str) -> bool:
    if not _active(user):
        return False
    cache = getattr(user, "_platform_roles", None)
    if cache is None:
        cache = set(user.platform_roles.values_list("role", flat=True))
        user._platform_roles = cache
    return role in cache


def is_nov_staff(user: AnyUser | None) -> bool:
    return _has_platform_role(user, PlatformRoleKind.NOV_STAFF)


def is_adviser(user: AnyUser | None) -> bool:
    return _has_platform_role(user, PlatformRoleKind.ADVISER)


def organisation_role(user: AnyUser | None, organisation: Organisation) -> str | None:
    if not _active(user):
        return None
    return organisation.memberships.filter(user=user).values_list("role", flat=True).first()


def can_view_organisation_members(user: AnyUser | None, organisation: Organisation) -> bool:
    return organisation_role(user, organisation) is not None or is_nov_staff(user)


def can_edit_organisation(user: AnyUser | None, organisation: Organisation) -> bool:
    return organisation_role(user, organisation) == OrganisationRole.ADMIN or is_nov_staff(user)


def can_manage_organisation_members(user: AnyUser | None, organisation: Organisation) -> bool:
    """Invite people, change roles, remove members: the organisation's admins only."""
    return organisation_role(user, organisation) == OrganisationRole.ADMIN


def can_coordinate_organisation(user: AnyUser | None, organisation: Organisation) -> bool:
    """Publish vacancies, handle responses (the capabilities to come)."""
    return organisation_role(user, organisation) in {
        OrganisationRole.ADMIN,
        OrganisationRole.COORDINATOR,
    }


def is_centre_staff(user: AnyUser | None, centre: VolunteerCentre) -> bool:
    return _active(user) and centre.memberships.filter(user=user).exists()


def is_company_member(user: AnyUser | None, company: Company) -> bool:
    return _active(user) and company.memberships.filter(user=user).exists()


def can_view_audit_log(user: AnyUser | None) -> bool:
    return is_nov_staff(user)


def can_view_bottleneck_reports(user: AnyUser | None) -> bool:
    """Knelpunten aggregated for lobby work: NOV staff (later also the members of the
    Wet- & Regelgeving network, once networks exist)."""
    return is_nov_staff(user)


# --- Self-evaluation and keurmerk


def is_assessor(user: AnyUser | None) -> bool:
    return _has_platform_role(user, PlatformRoleKind.ASSESSOR)


def can_run_evaluation(user: AnyUser | None, organisation: Organisation) -> bool:
    """Start, fill in, invite volunteers, close, keep the action plan: admins and coordinators."""
    return can_coordinate_organisation(user, organisation)


def is_assigned_adviser(user: AnyUser | None, organisation: Organisation) -> bool:
    return (
        is_adviser(user)
        and organisation.adviser_assignments.filter(adviser=user, ended_at__isnull=True).exists()
    )


def can_view_evaluations(user: AnyUser | None, organisation: Organisation) -> bool:
    """The organisation's own members and its assigned adviser; nobody else."""
    return organisation_role(user, organisation) is not None or is_assigned_adviser(
        user, organisation
    )


def can_assign_adviser(user: AnyUser | None, organisation: Organisation) -> bool:
    """NOV staff, or staff of a volunteer centre serving the organisation's municipality."""
    if is_nov_staff(user):
        return True
    if not _active(user) or organisation.municipality_id is None:
        return False
    return user.centre_memberships.filter(
        centre__municipalities_served=organisation.municipality_id
    ).exists()


def can_apply_for_quality_mark(user: AnyUser | None, organisation: Organisation) -> bool:
    return organisation_role(user, organisation) == OrganisationRole.ADMIN


def can_manage_quality_mark_applications(user: AnyUser | None) -> bool:
    """Assign advisers and final assessors to applications: NOV staff."""
    return is_nov_staff(user)


# --- Keurmerk applications (qualitymark)


def can_view_application(user: AnyUser | None, application) -> bool:
    """An application: the organisation's members, its adviser and assessor, NOV staff."""
    if not _active(user):
        return False
    return (
        organisation_role(user, application.organisation) is not None
        or application.adviser_id == user.pk
        or application.assessor_id == user.pk
        or is_nov_staff(user)
    )


def can_view_application_evaluation(user: AnyUser | None, application) -> bool:
    """The self-evaluation (report, evidence) an application rests on: the same people who may
    see the application, so the final assessor can check the scores and evidence too."""
    return can_view_application(user, application)


def can_view_evaluation(user: AnyUser | None, evaluation) -> bool:
    """One evaluation (report, evidence, action plan): whoever may see the organisation's
    evaluations, plus the adviser, final assessor and NOV staff of a keurmerk application
    that rests on it."""
    if can_view_evaluations(user, evaluation.organisation):
        return True
    return _active(user) and any(
        can_view_application_evaluation(user, application)
        for application in evaluation.applications.all()
    )


# --- Vacaturebank


def is_staff_of_centre_serving(user: AnyUser | None, municipality_id: str | None) -> bool:
    """Staff of a volunteer centre whose area includes this municipality."""
    if not _active(user) or not municipality_id:
        return False
    return user.centre_memberships.filter(centre__municipalities_served=municipality_id).exists()


def can_manage_vacancies(user: AnyUser | None, organisation: Organisation) -> bool:
    """Create, edit, pause, close, copy vacancies and handle responses."""
    return can_coordinate_organisation(user, organisation)


def can_oversee_vacancy(user: AnyUser | None, vacancy) -> bool:
    """The responsible centre: staff of a centre serving the vacancy's (or, for online work,
    the organisation's) municipality. Sees the vacancy, its responses and the volunteers'
    personal data in them."""
    municipality = vacancy.municipality_id or vacancy.organisation.municipality_id
    return is_staff_of_centre_serving(user, municipality)


def can_view_vacancy_responses(user: AnyUser | None, vacancy) -> bool:
    return can_manage_vacancies(user, vacancy.organisation) or can_oversee_vacancy(user, vacancy)


def can_view_response(user: AnyUser | None, response) -> bool:
    """A response holds a volunteer's personal data: the volunteer, the organisation they
    responded to and the responsible centre — nobody else."""
    if not _active(user):
        return False
    return response.volunteer_id == user.pk or can_view_vacancy_responses(user, response.vacancy)


def can_mediate(user: AnyUser | None, centre: VolunteerCentre) -> bool:
    return is_centre_staff(user, centre)


# --- Shifts and on-call pools


def can_manage_shifts(user: AnyUser | None, vacancy) -> bool:
    """Plan shifts, see who comes, export the list, mark attendance: the organisation's
    admins and coordinators."""
    return can_manage_vacancies(user, vacancy.organisation)


def can_sign_up_for_shifts(user: AnyUser | None, vacancy) -> bool:
    """Any active account, for a published vacancy."""
    from inzet.vacancies.constants import VacancyStatus

    return _active(user) and vacancy.status == VacancyStatus.PUBLISHED


def can_create_pool_for_organisation(user: AnyUser | None, organisation: Organisation) -> bool:
    return can_coordinate_organisation(user, organisation)


def can_create_pool_for_centre(user: AnyUser | None, centre: VolunteerCentre) -> bool:
    return is_centre_staff(user, centre)


def can_coordinate_pool(user: AnyUser | None, pool) -> bool:
    """Issue and follow urgent requests, see the members: the coordinators of the owning
    organisation, or the staff of the owning centre."""
    if pool.organisation_id:
        return can_coordinate_organisation(user, pool.organisation)
    return is_centre_staff(user, pool.centre)


def can_join_pool(user: AnyUser | None, pool) -> bool:
    return _active(user) and pool.is_active

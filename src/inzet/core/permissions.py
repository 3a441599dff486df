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
    """Knelpunten aggregated for lobby work: NOV staff and the members of the
    Wet- & Regelgeving network."""
    if is_nov_staff(user):
        return True
    if not _active(user):
        return False
    from inzet.networks.constants import LAWS_AND_RULES_NETWORK_SLUG

    return user.network_memberships.filter(network__slug=LAWS_AND_RULES_NETWORK_SLUG).exists()


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


# --- Kennisbank, networks and platform management


def network_role(user: AnyUser | None, network) -> str | None:
    if not _active(user):
        return None
    cache = getattr(user, "_network_roles", None)
    if cache is None:
        cache = dict(user.network_memberships.values_list("network_id", "role"))
        user._network_roles = cache
    return cache.get(network.pk)


def is_network_member(user: AnyUser | None, network) -> bool:
    """Everything inside a network (discussions, documents, network pages, the member
    directory) is for its members only — not even NOV staff see it without joining."""
    return network_role(user, network) is not None


def is_network_moderator(user: AnyUser | None, network) -> bool:
    from inzet.networks.constants import NetworkRole

    return network_role(user, network) == NetworkRole.MODERATOR


def can_manage_networks(user: AnyUser | None) -> bool:
    """Create networks and appoint their first moderators: NOV staff."""
    return is_nov_staff(user)


def can_moderate_network(user: AnyUser | None, network) -> bool:
    """Approve join requests, invite, hide and lock discussions."""
    return is_network_moderator(user, network)


def can_view_knowledge_item(user: AnyUser | None, item) -> bool:
    """A page or document: public for everyone, "members" for any active account, a network's
    for that network's members only. Archived items only for editors."""
    from inzet.knowledge.constants import ContentStatus, Visibility

    if item.status == ContentStatus.ARCHIVED and not can_edit_knowledge_item(user, item):
        return False
    if item.visibility == Visibility.PUBLIC:
        return True
    if item.visibility == Visibility.MEMBERS:
        return _active(user)
    return item.network_id is not None and is_network_member(user, item.network)


def can_edit_knowledge(user: AnyUser | None) -> bool:
    """Write and change kennisbank pages (outside networks): NOV staff."""
    return is_nov_staff(user)


def can_edit_knowledge_item(user: AnyUser | None, item) -> bool:
    """NOV staff and the owner edit kennisbank items; inside a network, its moderators and
    the owner (if still a member)."""
    if not _active(user):
        return False
    if item.network_id is not None:
        return is_network_moderator(user, item.network) or (
            item.owner_id == user.pk and is_network_member(user, item.network)
        )
    return is_nov_staff(user) or item.owner_id == user.pk


def can_manage_platform(user: AnyUser | None) -> bool:
    """The platform manager's overviews, bulk actions and account care: NOV staff."""
    return is_nov_staff(user)

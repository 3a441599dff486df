from dataclasses import dataclass, field

from inzet.core import permissions
from inzet.organisations.models import (
    CentreMembership,
    CompanyMembership,
    OrganisationInvitation,
    OrganisationMembership,
)

from .models import User


@dataclass
class Dashboard:
    organisation_memberships: list[OrganisationMembership] = field(default_factory=list)
    centre_memberships: list[CentreMembership] = field(default_factory=list)
    company_memberships: list[CompanyMembership] = field(default_factory=list)
    open_invitations: list[OrganisationInvitation] = field(default_factory=list)
    is_nov_staff: bool = False
    is_adviser: bool = False
    is_assessor: bool = False
    # Open urgent requests (on-call pools) this person is invited to.
    oncall_invitations: list = field(default_factory=list)
    network_memberships: list = field(default_factory=list)


def dashboard_for_user(*, user: User) -> Dashboard:
    """All roles a person has, for "My Inzet"."""
    from inzet.networks.selectors import networks_for_user
    from inzet.oncall.selectors import open_invitations_for_user
    from inzet.organisations.selectors import invitation_list_open_for_email

    return Dashboard(
        organisation_memberships=list(
            user.organisation_memberships.select_related("organisation__municipality")
        ),
        centre_memberships=list(user.centre_memberships.select_related("centre")),
        company_memberships=list(user.company_memberships.select_related("company")),
        open_invitations=invitation_list_open_for_email(email=user.email),
        is_nov_staff=permissions.is_nov_staff(user),
        is_adviser=permissions.is_adviser(user),
        is_assessor=permissions.is_assessor(user),
        oncall_invitations=list(open_invitations_for_user(user)),
        network_memberships=list(networks_for_user(user=user)),
    )

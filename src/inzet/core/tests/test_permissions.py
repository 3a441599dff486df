"""Every rule in inzet.core.permissions, tested both ways: who may and who may not."""

from django.contrib.auth.models import AnonymousUser

import pytest

from inzet.accounts.tests.factories import UserFactory, adviser, nov_staff
from inzet.core import permissions
from inzet.organisations.constants import OrganisationRole
from inzet.organisations.tests.factories import (
    CentreMembershipFactory,
    CompanyMembershipFactory,
    MembershipFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db


def _member(role):
    membership = MembershipFactory(role=role)
    return membership.user, membership.organisation


def test_one_person_can_hold_several_roles_at_once():
    user = UserFactory()
    organisation = MembershipFactory(user=user, role=OrganisationRole.COORDINATOR).organisation
    centre = CentreMembershipFactory(user=user).centre
    company = CompanyMembershipFactory(user=user).company

    assert permissions.can_coordinate_organisation(user, organisation)
    assert permissions.is_centre_staff(user, centre)
    assert permissions.is_company_member(user, company)
    assert not permissions.is_nov_staff(user)


@pytest.mark.parametrize(
    ("role", "edit", "manage", "coordinate", "view_members"),
    [
        (OrganisationRole.ADMIN, True, True, True, True),
        (OrganisationRole.COORDINATOR, False, False, True, True),
        (OrganisationRole.MEMBER, False, False, False, True),
    ],
)
def test_organisation_roles(role, edit, manage, coordinate, view_members):
    user, organisation = _member(role)

    assert permissions.can_edit_organisation(user, organisation) is edit
    assert permissions.can_manage_organisation_members(user, organisation) is manage
    assert permissions.can_coordinate_organisation(user, organisation) is coordinate
    assert permissions.can_view_organisation_members(user, organisation) is view_members


@pytest.mark.parametrize("make_user", [lambda: AnonymousUser(), lambda: None, UserFactory])
def test_outsiders_may_do_nothing_in_an_organisation(make_user):
    user, organisation = make_user(), OrganisationFactory()

    assert not permissions.can_edit_organisation(user, organisation)
    assert not permissions.can_manage_organisation_members(user, organisation)
    assert not permissions.can_coordinate_organisation(user, organisation)
    assert not permissions.can_view_organisation_members(user, organisation)


def test_admin_of_one_organisation_has_no_rights_in_another():
    user, _own = _member(OrganisationRole.ADMIN)
    other = OrganisationFactory()

    assert not permissions.can_edit_organisation(user, other)
    assert not permissions.can_view_organisation_members(user, other)


def test_deactivated_admin_loses_all_rights():
    user, organisation = _member(OrganisationRole.ADMIN)
    user.is_active = False

    assert not permissions.can_edit_organisation(user, organisation)


def test_nov_staff_may_edit_organisations_and_read_the_audit_log_but_not_manage_members():
    staff, organisation = nov_staff(), OrganisationFactory()

    assert permissions.is_nov_staff(staff)
    assert permissions.can_view_audit_log(staff)
    assert permissions.can_edit_organisation(staff, organisation)
    assert not permissions.can_manage_organisation_members(staff, organisation)


@pytest.mark.parametrize("make_user", [UserFactory, adviser, lambda: AnonymousUser()])
def test_others_may_not_read_the_audit_log(make_user):
    assert not permissions.can_view_audit_log(make_user())


def test_adviser_role_is_its_own():
    assert permissions.is_adviser(adviser())
    assert not permissions.is_adviser(nov_staff())
    assert not permissions.is_adviser(UserFactory())


def test_centre_and_company_membership_do_not_leak():
    staff = CentreMembershipFactory()
    employee = CompanyMembershipFactory()

    assert not permissions.is_centre_staff(employee.user, staff.centre)
    assert not permissions.is_company_member(staff.user, employee.company)
    assert not permissions.is_centre_staff(AnonymousUser(), staff.centre)

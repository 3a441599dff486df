from datetime import timedelta

from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from inzet.accounts.tests.factories import UserFactory
from inzet.organisations.constants import LegalForm, OrganisationRole
from inzet.organisations.models import Sector
from inzet.organisations.selectors import centre_list_for_postcode
from inzet.organisations.services import (
    OrganisationData,
    invitation_accept,
    invitation_create,
    membership_change_role,
    membership_remove,
    organisation_register,
)
from inzet.organisations.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    VolunteerCentreFactory,
)

pytestmark = pytest.mark.django_db


def _data(**overrides) -> OrganisationData:
    fields = {
        "name": "Stichting Taalmaatjes Zwolle",
        "legal_form": LegalForm.FOUNDATION,
        "kvk_number": "4123 4567",
        "street": "Melkmarkt 10",
        "postcode": "8011cw",
        "city": "",
        "sectors": (Sector.objects.get(slug="onderwijs-taal"),),
    }
    return OrganisationData(**{**fields, **overrides})


def test_registering_derives_municipality_and_makes_the_registrant_admin():
    user = UserFactory()

    organisation = organisation_register(user=user, data=_data())

    assert organisation.municipality.name == "Zwolle"
    assert organisation.postcode == "8011 CW"
    assert organisation.city == "Zwolle"
    assert organisation.kvk_number == "41234567"
    assert organisation.memberships.get().role == OrganisationRole.ADMIN
    assert list(organisation.sectors.values_list("slug", flat=True)) == ["onderwijs-taal"]


@pytest.mark.parametrize("kvk", ["1234567", "123456789", "abcdefgh", "00000000"])
def test_invalid_kvk_number_is_refused(kvk):
    with pytest.raises(ValidationError) as excinfo:
        organisation_register(user=UserFactory(), data=_data(kvk_number=kvk))

    assert "kvk_number" in excinfo.value.error_dict


def test_kvk_number_is_required_for_a_foundation_but_optional_for_an_initiative():
    with pytest.raises(ValidationError) as excinfo:
        organisation_register(user=UserFactory(), data=_data(kvk_number=""))
    assert excinfo.value.error_dict["kvk_number"][0].code == "kvk_required"

    initiative = organisation_register(
        user=UserFactory(),
        data=_data(kvk_number="", legal_form=LegalForm.CITIZENS_INITIATIVE),
    )
    assert initiative.kvk_number == ""


def test_the_same_kvk_number_cannot_be_registered_twice():
    OrganisationFactory(kvk_number="41234567")

    with pytest.raises(ValidationError) as excinfo:
        organisation_register(user=UserFactory(), data=_data())

    assert excinfo.value.error_dict["kvk_number"][0].code == "kvk_duplicate"


def test_unknown_postcode_is_refused_on_the_postcode_field():
    with pytest.raises(ValidationError) as excinfo:
        organisation_register(user=UserFactory(), data=_data(postcode="1999 ZZ", kvk_number=""))

    assert set(excinfo.value.error_dict) == {"postcode", "kvk_number"}


def test_invitation_is_mailed_and_accepted_by_the_invitee():
    admin = MembershipFactory(role=OrganisationRole.ADMIN)
    invitee = UserFactory(email="nieuw@example.org")

    invitation = invitation_create(
        organisation=admin.organisation,
        inviter=admin.user,
        email="Nieuw@Example.org",
        role=OrganisationRole.COORDINATOR,
    )
    membership = invitation_accept(invitation=invitation, user=invitee)

    assert mail.outbox[-1].to == ["nieuw@example.org"]
    assert str(invitation.token) in mail.outbox[-1].body
    assert membership.role == OrganisationRole.COORDINATOR
    invitation.refresh_from_db()
    assert invitation.accepted_by == invitee


def test_inviting_again_renews_instead_of_duplicating():
    admin = MembershipFactory(role=OrganisationRole.ADMIN)

    first = invitation_create(
        organisation=admin.organisation, inviter=admin.user, email="a@example.org", role="member"
    )
    second = invitation_create(
        organisation=admin.organisation, inviter=admin.user, email="a@example.org", role="admin"
    )

    assert first.pk == second.pk
    assert admin.organisation.invitations.count() == 1
    assert len(mail.outbox) == 2


def test_inviting_an_existing_member_is_refused():
    admin = MembershipFactory(role=OrganisationRole.ADMIN)
    member = MembershipFactory(organisation=admin.organisation)

    with pytest.raises(ValidationError):
        invitation_create(
            organisation=admin.organisation,
            inviter=admin.user,
            email=member.user.email,
            role="member",
        )


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"expires_at": timezone.now() - timedelta(minutes=1)}, "expired"),
        ({"accepted_at": timezone.now()}, "used"),
        ({"email": "iemand-anders@example.org"}, "other_email"),
    ],
)
def test_invitation_that_cannot_be_used_explains_why(change, code):
    admin = MembershipFactory(role=OrganisationRole.ADMIN)
    invitee = UserFactory(email="nieuw@example.org")
    invitation = invitation_create(
        organisation=admin.organisation, inviter=admin.user, email=invitee.email, role="member"
    )
    for field, value in change.items():
        setattr(invitation, field, value)
    invitation.save()

    with pytest.raises(ValidationError) as excinfo:
        invitation_accept(invitation=invitation, user=invitee)

    assert excinfo.value.code == code


def test_the_last_admin_can_neither_be_demoted_nor_removed():
    admin = MembershipFactory(role=OrganisationRole.ADMIN)

    with pytest.raises(ValidationError):
        membership_change_role(membership=admin, actor=admin.user, role=OrganisationRole.MEMBER)
    with pytest.raises(ValidationError):
        membership_remove(membership=admin, actor=admin.user)

    second = MembershipFactory(organisation=admin.organisation, role=OrganisationRole.ADMIN)
    membership_change_role(membership=admin, actor=second.user, role=OrganisationRole.MEMBER)
    admin.refresh_from_db()
    assert admin.role == OrganisationRole.MEMBER


def test_the_centre_for_a_postcode_is_the_one_serving_its_municipality():
    utrecht = VolunteerCentreFactory(name="VC Utrecht", municipality_codes=["GM0344"])
    VolunteerCentreFactory(name="VC Zwolle", municipality_codes=["GM0193"])

    assert centre_list_for_postcode(postcode="3511AB") == [utrecht]
    assert centre_list_for_postcode(postcode="9711") == []
    with pytest.raises(ValidationError):
        centre_list_for_postcode(postcode="abc")

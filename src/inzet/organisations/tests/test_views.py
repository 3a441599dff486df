import pytest

from inzet.accounts.tests.factories import UserFactory, nov_staff
from inzet.audit.models import AuditEvent
from inzet.organisations.constants import OrganisationRole
from inzet.organisations.models import Organisation, Sector
from inzet.organisations.tests.factories import (
    CompanyFactory,
    MembershipFactory,
    OrganisationFactory,
    VolunteerCentreFactory,
)

pytestmark = pytest.mark.django_db

ANONYMOUS, OUTSIDER, MEMBER, COORDINATOR, ADMIN, NOV = (
    "anonymous",
    "outsider",
    "member",
    "coordinator",
    "admin",
    "nov staff",
)


def _login_as(client, who: str, organisation: Organisation):
    if who == ANONYMOUS:
        return None
    if who == OUTSIDER:
        user = UserFactory()
    elif who == NOV:
        user = nov_staff()
    else:
        user = MembershipFactory(organisation=organisation, role=who).user
    client.force_login(user)
    return user


# Who may open which page of an organisation: page → expected status per person.
PAGE_ACCESS = {
    "bewerken/": {
        ANONYMOUS: 302,
        OUTSIDER: 404,
        MEMBER: 404,
        COORDINATOR: 404,
        ADMIN: 200,
        NOV: 200,
    },
    "leden/": {ANONYMOUS: 302, OUTSIDER: 404, MEMBER: 200, COORDINATOR: 200, ADMIN: 200, NOV: 200},
}


@pytest.mark.parametrize(
    ("page", "who", "status"),
    [(page, who, status) for page, rules in PAGE_ACCESS.items() for who, status in rules.items()],
)
def test_organisation_page_access(client, page, who, status):
    organisation = OrganisationFactory()
    _login_as(client, who, organisation)

    response = client.get(f"/organisaties/{organisation.public_id}/{page}")

    assert response.status_code == status


def test_nov_staff_viewing_a_member_list_is_audited_per_member(client):
    organisation = OrganisationFactory()
    members = {MembershipFactory(organisation=organisation).user for _ in range(2)}
    staff = _login_as(client, NOV, organisation)

    client.get(f"/organisaties/{organisation.public_id}/leden/")

    events = AuditEvent.objects.filter(action="organisation.members_viewed")
    assert {e.subject for e in events} == members
    assert {e.actor for e in events} == {staff}


def test_members_viewing_their_own_member_list_is_not_audited(client):
    organisation = OrganisationFactory()
    _login_as(client, ADMIN, organisation)

    client.get(f"/organisaties/{organisation.public_id}/leden/")

    assert not AuditEvent.objects.exists()


@pytest.mark.parametrize(
    ("who", "allowed"),
    [(OUTSIDER, False), (MEMBER, False), (COORDINATOR, False), (ADMIN, True), (NOV, False)],
)
def test_only_admins_can_invite(client, who, allowed):
    organisation = OrganisationFactory()
    _login_as(client, who, organisation)

    response = client.post(
        f"/organisaties/{organisation.public_id}/leden/uitnodigen/",
        {"email": "nieuw@example.org", "role": "member"},
    )

    assert organisation.invitations.exists() is allowed
    assert response.status_code == (302 if allowed else 404)


def test_invitation_with_bad_email_shows_message_and_keeps_input(client):
    organisation = OrganisationFactory()
    _login_as(client, ADMIN, organisation)

    response = client.post(
        f"/organisaties/{organisation.public_id}/leden/uitnodigen/",
        {"email": "geen-adres", "role": "member"},
    )

    assert response.status_code == 422
    assert 'value="geen-adres"' in response.content.decode()
    assert 'id="id_email_error"' in response.content.decode()


@pytest.mark.parametrize(("who", "allowed"), [(MEMBER, False), (COORDINATOR, False), (ADMIN, True)])
def test_only_admins_change_roles_and_remove_members(client, who, allowed):
    organisation = OrganisationFactory()
    _login_as(client, who, organisation)
    other = MembershipFactory(organisation=organisation, role=OrganisationRole.MEMBER)
    base = f"/organisaties/{organisation.public_id}/leden/{other.pk}"

    role_response = client.post(f"{base}/rol/", {"role": "coordinator"})
    other.refresh_from_db()
    assert (other.role == "coordinator") is allowed
    remove_response = client.post(f"{base}/verwijderen/")

    assert organisation.memberships.filter(pk=other.pk).exists() is not allowed
    assert role_response.status_code == remove_response.status_code == (302 if allowed else 404)


def test_register_organisation_needs_login(client):
    response = client.get("/organisaties/registreren/")

    assert response.status_code == 302


def test_register_organisation_through_the_form(client):
    user = UserFactory()
    client.force_login(user)
    sector = Sector.objects.get(slug="sport")

    response = client.post(
        "/organisaties/registreren/",
        {
            "name": "Voetbalvereniging SV Lunetten",
            "legal_form": "association",
            "kvk_number": "40512345",
            "street": "Sportpark 1",
            "postcode": "3524 ab",
            "sectors": [sector.pk],
        },
    )

    organisation = Organisation.objects.get(name="Voetbalvereniging SV Lunetten")
    assert response.status_code == 302
    assert response["Location"] == organisation.get_absolute_url()
    assert organisation.municipality.name == "Utrecht"
    assert organisation.memberships.get().user == user


def test_register_with_bad_input_shows_dutch_messages_and_keeps_input(client):
    client.force_login(UserFactory())
    OrganisationFactory(kvk_number="40512345")

    response = client.post(
        "/organisaties/registreren/",
        {
            "name": "Mijn club",
            "legal_form": "association",
            "kvk_number": "40512345",
            "postcode": "1234 XY",
        },
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="Mijn club"' in page
    assert "inzet-error-summary" in page
    assert 'id="id_sectors_error"' in page
    assert Organisation.objects.count() == 1


def test_service_error_lands_on_the_right_field(client):
    client.force_login(UserFactory())
    OrganisationFactory(kvk_number="40512345")

    response = client.post(
        "/organisaties/registreren/",
        {
            "name": "Mijn club",
            "legal_form": "association",
            "kvk_number": "4051 2345",
            "postcode": "3511",
            "sectors": [Sector.objects.first().pk],
        },
    )

    assert response.status_code == 200
    assert 'id="id_kvk_number_error"' in response.content.decode()


@pytest.mark.parametrize("who", [ANONYMOUS, OUTSIDER, MEMBER])
def test_public_pages_are_open_to_everyone(client, who):
    organisation = OrganisationFactory()
    _login_as(client, who, organisation)
    centre = VolunteerCentreFactory()
    company = CompanyFactory()

    for url in [
        "/organisaties/",
        organisation.get_absolute_url(),
        "/vrijwilligerscentrales/",
        centre.get_absolute_url(),
        company.get_absolute_url(),
    ]:
        assert client.get(url).status_code == 200, url


def test_centre_lookup_by_postcode(client):
    VolunteerCentreFactory(name="Vrijwilligerscentrale Zwolle", municipality_codes=["GM0193"])

    found = client.get("/vrijwilligerscentrales/", {"postcode": "8011cw"}).content.decode()
    wrong = client.get("/vrijwilligerscentrales/", {"postcode": "80"})

    assert "Vrijwilligerscentrale Zwolle" in found
    assert wrong.status_code == 200
    assert 'id="id_postcode_error"' in wrong.content.decode()


def test_invitation_page_for_the_right_and_the_wrong_person(client):
    admin = MembershipFactory(role=OrganisationRole.ADMIN)
    client.force_login(admin.user)
    client.post(
        f"/organisaties/{admin.organisation.public_id}/leden/uitnodigen/",
        {"email": "nieuw@example.org", "role": "coordinator"},
    )
    invitation = admin.organisation.invitations.get()
    url = f"/uitnodiging/{invitation.token}/"

    client.force_login(UserFactory(email="iemand@example.org"))
    wrong = client.post(url)
    assert wrong.status_code == 422
    assert "nieuw@example.org" in wrong.content.decode()

    client.force_login(UserFactory(email="nieuw@example.org"))
    assert client.post(url).status_code == 302
    assert admin.organisation.memberships.filter(user__email="nieuw@example.org").exists()


def test_unknown_invitation_is_a_404(client):
    assert client.get("/uitnodiging/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_empty_required_fields_say_what_to_do(client):
    client.force_login(UserFactory())

    page = client.post("/organisaties/registreren/", {}).content.decode()

    assert "Vul “Naam van de organisatie” in." in page
    assert "Maak een keuze bij “Rechtsvorm”." in page

import json

import pytest
from axes.models import AccessAttempt, AccessFailureLog

from inzet.accounts.models import User
from inzet.accounts.services import user_erase
from inzet.accounts.tests.factories import PASSWORD, UserFactory, nov_staff
from inzet.audit.services import audit_log
from inzet.organisations.constants import OrganisationRole
from inzet.organisations.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/mijn-inzet/",
        "/account/profiel/",
        "/account/mijn-gegevens/",
        "/account/mijn-gegevens/download/",
        "/account/verwijderen/",
    ],
)
def test_account_pages_need_a_login(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/account/inloggen/")


@pytest.mark.parametrize(
    "url", ["/mijn-inzet/", "/account/profiel/", "/account/mijn-gegevens/", "/account/verwijderen/"]
)
def test_account_pages_open_for_the_person_themselves(client, url):
    client.force_login(UserFactory())

    assert client.get(url).status_code == 200


def test_profile_edit_saves_name_postcode_and_language(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        "/account/profiel/",
        {"name": "Ahmed Yilmaz", "postcode": "8011cw", "preferred_language": "en"},
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.name, user.postcode, user.preferred_language) == ("Ahmed Yilmaz", "8011 CW", "en")


def test_profile_with_unknown_postcode_keeps_input_and_explains(client):
    client.force_login(UserFactory(name="Oud"))

    response = client.post(
        "/account/profiel/", {"name": "Nieuwe naam", "postcode": "0123", "preferred_language": "nl"}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="Nieuwe naam"' in page
    assert 'id="id_postcode_error"' in page
    assert User.objects.get(name="Oud")


def test_download_contains_all_personal_data_as_json(client):
    user = UserFactory(email="lotte@example.org", name="Lotte Jansen", postcode="3511")
    MembershipFactory(user=user, role=OrganisationRole.COORDINATOR)
    audit_log(actor=nov_staff(), action="admin.user_viewed", target=user)
    client.force_login(user)

    response = client.get("/account/mijn-gegevens/download/")

    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "lotte@example.org"
    assert data["account"]["name"] == "Lotte Jansen"
    assert data["organisations"][0]["role"] == "coordinator"
    assert data["access_to_your_data"][0]["action"] == "admin.user_viewed"


def test_deleting_the_account_erases_personal_data_and_logs_out(client):
    user = UserFactory(email="lotte@example.org", name="Lotte Jansen", postcode="3511")
    MembershipFactory(user=user)
    client.force_login(user)

    response = client.post("/account/verwijderen/", {"password": PASSWORD, "confirm": "on"})

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.name == "" and user.postcode == ""
    assert "lotte" not in user.email
    assert not user.is_active and user.erased_at is not None
    assert not user.has_usable_password()
    assert not user.organisation_memberships.exists()
    assert client.get("/mijn-inzet/").status_code == 302


def test_delete_with_wrong_password_keeps_the_account(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post("/account/verwijderen/", {"password": "fout", "confirm": "on"})

    assert response.status_code == 200
    assert 'id="id_password_error"' in response.content.decode()
    user.refresh_from_db()
    assert user.is_active


def test_only_admin_of_an_organisation_with_members_cannot_delete_yet(client):
    admin = MembershipFactory(role=OrganisationRole.ADMIN).user
    MembershipFactory(organisation=admin.organisation_memberships.get().organisation)
    client.force_login(admin)

    response = client.post("/account/verwijderen/", {"password": PASSWORD, "confirm": "on"})

    assert response.status_code == 200
    assert "beheerder" in response.content.decode()
    admin.refresh_from_db()
    assert admin.is_active


def test_erased_account_keeps_audit_trail_without_identifying_anyone():
    staff = nov_staff()
    user = UserFactory(email="lotte@example.org", name="Lotte Jansen")
    event = audit_log(actor=staff, action="admin.user_viewed", target=user)

    user_erase(user=user)

    event.refresh_from_db()
    assert event.subject_id == user.pk
    assert "Lotte" not in event.target_label
    assert "lotte" not in str(event.subject)


def test_erasure_removes_login_records_and_invitations(client):
    user = UserFactory(email="lotte@example.org")
    client.post("/account/inloggen/", {"login": "lotte@example.org", "password": "fout"})
    organisation = MembershipFactory(role=OrganisationRole.ADMIN).organisation
    organisation.invitations.create(
        email="lotte@example.org", role="member", expires_at=user.date_joined
    )
    assert AccessAttempt.objects.filter(username="lotte@example.org").exists()

    user_erase(user=user)

    assert not AccessAttempt.objects.filter(username="lotte@example.org").exists()
    assert not AccessFailureLog.objects.filter(username="lotte@example.org").exists()
    assert not organisation.invitations.exists()


def test_erasure_removes_volunteer_profile_responses_and_saved_searches(client):
    from inzet.vacancies.models import Response, SavedSearch
    from inzet.vacancies.tests.factories import ResponseFactory
    from inzet.volunteers.models import VolunteerProfile
    from inzet.volunteers.tests.factories import VolunteerProfileFactory

    user = UserFactory()
    VolunteerProfileFactory(user=user)
    ResponseFactory(volunteer=user)
    SavedSearch.objects.create(user=user, name="Natuur", query={"q": "natuur"})

    user_erase(user=user)

    assert not VolunteerProfile.objects.filter(user=user).exists()
    assert not Response.objects.filter(volunteer=user).exists()
    assert not SavedSearch.objects.filter(user=user).exists()

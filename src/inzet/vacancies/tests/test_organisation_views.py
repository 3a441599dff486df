from django.core import mail
from django.urls import reverse
from django.utils import translation

import pytest

from inzet.accounts.tests.factories import UserFactory
from inzet.organisations.constants import OrganisationRole
from inzet.organisations.tests.factories import (
    CentreMembershipFactory,
    MembershipFactory,
    OrganisationFactory,
)
from inzet.vacancies.constants import ResponseStatus, VacancyStatus
from inzet.vacancies.models import Vacancy
from inzet.vacancies.tests.factories import (
    CentrePolicyFactory,
    ResponseFactory,
    VacancyFactory,
    default_sector,
)

pytestmark = pytest.mark.django_db


def coordinator_of(organisation):
    return MembershipFactory(organisation=organisation, role=OrganisationRole.COORDINATOR).user


# Who may manage an organisation's vacancies: (case, make_user(organisation), allowed)
MANAGERS = [
    ("own admin", lambda org: MembershipFactory(organisation=org, role="admin").user, True),
    ("own coordinator", coordinator_of, True),
    (
        "own plain member",
        lambda org: MembershipFactory(organisation=org, role="member").user,
        False,
    ),
    ("coordinator elsewhere", lambda org: coordinator_of(OrganisationFactory()), False),
    ("centre staff", lambda org: CentreMembershipFactory().user, False),
    ("random user", lambda org: UserFactory(), False),
]


def _form_data(**overrides):
    data = {
        "title": "Maatje voor een oudere",
        "description": "Je gaat elke week op bezoek bij een oudere.",
        "tasks": "",
        "sector": default_sector().pk,
        "form": "regular",
        "postcode": "3511 ab",
        "hours_per_week": "2,5",
        "schedule": ["sat_morning", "wed_evening"],
        "min_age": "16",
        "dutch_level_needed": "1",
        "expires_on": "",
        "action": "draft",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


# --- Permissions, both ways


@pytest.mark.parametrize(("_case", "make_user", "allowed"), MANAGERS)
def test_vacancy_list_access(client, _case, make_user, allowed):
    vacancy = VacancyFactory(title="Tuinieren")
    client.force_login(make_user(vacancy.organisation))

    response = client.get(
        reverse("vacancies:org-vacancy-list", args=[vacancy.organisation.public_id])
    )

    assert response.status_code == (200 if allowed else 404)
    if allowed:
        assert "Tuinieren" in response.content.decode()


def test_anonymous_is_sent_to_log_in(client):
    organisation = OrganisationFactory()

    response = client.get(reverse("vacancies:org-vacancy-list", args=[organisation.public_id]))

    assert response.status_code == 302
    assert "/account/inloggen/" in response["Location"]


@pytest.mark.parametrize(("_case", "make_user", "allowed"), MANAGERS)
def test_create_access(client, _case, make_user, allowed):
    organisation = OrganisationFactory()
    client.force_login(make_user(organisation))
    url = reverse("vacancies:vacancy-create", args=[organisation.public_id])

    get = client.get(url)
    post = client.post(url, _form_data())

    assert get.status_code == (200 if allowed else 404)
    assert post.status_code == (302 if allowed else 404)
    assert Vacancy.objects.filter(organisation=organisation).exists() is allowed


@pytest.mark.parametrize(("_case", "make_user", "allowed"), MANAGERS)
def test_edit_access(client, _case, make_user, allowed):
    vacancy = VacancyFactory(title="Oud")
    client.force_login(make_user(vacancy.organisation))
    url = reverse("vacancies:vacancy-edit", args=[vacancy.public_id])

    get = client.get(url)
    post = client.post(url, _form_data(title="Nieuw"))

    assert get.status_code == (200 if allowed else 404)
    assert post.status_code == (302 if allowed else 404)
    vacancy.refresh_from_db()
    assert vacancy.title == ("Nieuw" if allowed else "Oud")


@pytest.mark.parametrize(("_case", "make_user", "allowed"), MANAGERS)
def test_transition_access(client, _case, make_user, allowed):
    vacancy = VacancyFactory(published=True)
    client.force_login(make_user(vacancy.organisation))

    response = client.post(
        reverse("vacancies:vacancy-transition", args=[vacancy.public_id]), {"action": "pause"}
    )

    assert response.status_code == (302 if allowed else 404)
    vacancy.refresh_from_db()
    assert vacancy.status == (VacancyStatus.PAUSED if allowed else VacancyStatus.PUBLISHED)


@pytest.mark.parametrize(("_case", "make_user", "allowed"), MANAGERS)
def test_copy_access(client, _case, make_user, allowed):
    vacancy = VacancyFactory(published=True, title="Voorlezen")
    client.force_login(make_user(vacancy.organisation))

    response = client.post(reverse("vacancies:vacancy-copy", args=[vacancy.public_id]))

    assert response.status_code == (302 if allowed else 404)
    assert Vacancy.objects.filter(title="Kopie van Voorlezen").exists() is allowed


# Who may read a vacancy's responses (volunteers' personal data)
READERS = [
    ("own coordinator", coordinator_of, True),
    ("responsible centre", lambda org: CentreMembershipFactory().user, True),
    ("coordinator elsewhere", lambda org: coordinator_of(OrganisationFactory()), False),
    (
        "centre elsewhere",
        lambda org: CentreMembershipFactory(centre__municipality_codes=["GM0363"]).user,
        False,
    ),
    (
        "own plain member",
        lambda org: MembershipFactory(organisation=org, role="member").user,
        False,
    ),
    ("random user", lambda org: UserFactory(), False),
]


@pytest.mark.parametrize(("_case", "make_user", "allowed"), READERS)
def test_responses_show_personal_data_only_to_the_organisation_and_centre(
    client, _case, make_user, allowed
):
    response = ResponseFactory(volunteer__name="Fatima Yilmaz", message="Ik kook graag.")
    client.force_login(make_user(response.vacancy.organisation))

    page = client.get(reverse("vacancies:vacancy-responses", args=[response.vacancy.public_id]))

    assert page.status_code == (200 if allowed else 404)
    content = page.content.decode()
    assert ("Fatima Yilmaz" in content) is allowed
    assert ("Ik kook graag." in content) is allowed


def test_centre_staff_see_responses_but_cannot_change_them(client):
    response = ResponseFactory()
    client.force_login(CentreMembershipFactory().user)

    page = client.get(reverse("vacancies:vacancy-responses", args=[response.vacancy.public_id]))
    post = client.post(
        reverse("vacancies:response-status", args=[response.public_id]), {"status": "placed"}
    )

    assert "response-status" not in page.content.decode()
    assert reverse("vacancies:response-status", args=[response.public_id]) not in (
        page.content.decode()
    )
    assert post.status_code == 404
    response.refresh_from_db()
    assert response.status == ResponseStatus.NEW


@pytest.mark.parametrize(("_case", "make_user", "allowed"), MANAGERS)
def test_response_status_access(
    client, django_capture_on_commit_callbacks, _case, make_user, allowed
):
    response = ResponseFactory()
    client.force_login(make_user(response.vacancy.organisation))

    with django_capture_on_commit_callbacks(execute=True):
        post = client.post(
            reverse("vacancies:response-status", args=[response.public_id]),
            {"status": "in_conversation"},
        )

    assert post.status_code == (302 if allowed else 404)
    response.refresh_from_db()
    expected = ResponseStatus.IN_CONVERSATION if allowed else ResponseStatus.NEW
    assert response.status == expected
    assert (len(mail.outbox) == 1) is allowed


def test_get_is_not_allowed_on_post_only_views(client):
    vacancy = VacancyFactory(published=True)
    client.force_login(coordinator_of(vacancy.organisation))

    assert (
        client.get(reverse("vacancies:vacancy-copy", args=[vacancy.public_id])).status_code == 405
    )
    assert (
        client.get(reverse("vacancies:vacancy-transition", args=[vacancy.public_id])).status_code
        == 405
    )


# --- Behaviour


def test_list_shows_status_response_counts_and_possible_actions(client):
    vacancy = VacancyFactory(published=True, title="Tuinieren")
    ResponseFactory(vacancy=vacancy)
    ResponseFactory(vacancy=vacancy, status=ResponseStatus.IN_CONVERSATION)
    ResponseFactory(vacancy=vacancy, status=ResponseStatus.WITHDRAWN)
    client.force_login(coordinator_of(vacancy.organisation))

    page = client.get(reverse("vacancies:org-vacancy-list", args=[vacancy.organisation.public_id]))

    content = page.content.decode()
    assert "2 reacties" in content
    assert "1 nieuw" in content
    assert 'value="pause"' in content
    assert 'value="close"' in content
    assert 'value="resume"' not in content


def test_create_as_draft_keeps_everything(client):
    organisation = OrganisationFactory()
    client.force_login(coordinator_of(organisation))

    response = client.post(
        reverse("vacancies:vacancy-create", args=[organisation.public_id]), _form_data()
    )

    assert response.status_code == 302
    vacancy = Vacancy.objects.get(organisation=organisation)
    assert vacancy.status == VacancyStatus.DRAFT
    assert vacancy.postcode_area_id == "3511"
    assert str(vacancy.hours_per_week) == "2.5"
    assert vacancy.min_age == 16
    assert vacancy.dutch_level_needed == 1
    assert vacancy.schedule != 0


def test_create_and_publish_in_one_step(client):
    organisation = OrganisationFactory()
    client.force_login(coordinator_of(organisation))

    client.post(
        reverse("vacancies:vacancy-create", args=[organisation.public_id]),
        _form_data(action="publish"),
    )

    assert Vacancy.objects.get(organisation=organisation).status == VacancyStatus.PUBLISHED


def test_create_and_publish_waits_for_approval_when_the_centre_wants(client):
    CentrePolicyFactory(requires_approval=True)
    organisation = OrganisationFactory()
    client.force_login(coordinator_of(organisation))

    client.post(
        reverse("vacancies:vacancy-create", args=[organisation.public_id]),
        _form_data(action="publish"),
    )

    assert Vacancy.objects.get(organisation=organisation).status == VacancyStatus.SUBMITTED


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"title": ""}, "title", "required"),
        ({"postcode": "12"}, "postcode", "postcode_format"),
        ({"postcode": "1000"}, "postcode", "postcode_unknown"),
        ({"postcode": ""}, "postcode", "required"),
        ({"hours_per_week": "veel"}, "hours_per_week", "invalid"),
        ({"hours_per_week": "90"}, "hours_per_week", "out_of_range"),
        ({"min_age": "120"}, "min_age", "out_of_range"),
        ({"min_age": "zestien"}, "min_age", "invalid"),
        ({"starts_on": "2030-05-02", "ends_on": "2030-05-01"}, "ends_on", "before_start"),
        ({"expires_on": "2001-01-01"}, "expires_on", "in_past"),
        ({"expires_on": "31-02-2030"}, "expires_on", "invalid"),
        ({"contact_email": "geen-mail"}, "contact_email", "invalid"),
        ({"sector": ""}, "sector", "required"),
        ({"form": "iets"}, "form", "invalid_choice"),
    ],
)
def test_bad_input_shows_a_message_on_the_field_and_keeps_what_was_typed(
    client, overrides, field, code
):
    organisation = OrganisationFactory()
    client.force_login(coordinator_of(organisation))

    response = client.post(
        reverse("vacancies:vacancy-create", args=[organisation.public_id]),
        _form_data(**{"title": "Mijn titel", "action": "publish", **overrides}),
    )

    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()
    assert code in [error.code for error in errors[field]], errors
    content = response.content.decode()
    assert "inzet-error-summary" in content
    assert f'href="#id_{field}' in content
    assert 'aria-invalid="true"' in content
    for value in overrides.values():
        if value and field != "form":
            assert f'value="{value}"' in content
    assert not Vacancy.objects.filter(organisation=organisation).exists()


def test_field_messages_say_what_to_do():
    from inzet.vacancies.forms import VacancyEditForm

    with translation.override("en"):
        form = VacancyEditForm(data={"hours_per_week": "veel"})
        form.is_valid()

        assert form.errors["title"] == ["Fill in “Title”."]
        assert form.errors["hours_per_week"] == ["Fill in a number of hours, like 4 or 2.5."]


def test_ongoing_clears_the_end_date(client):
    vacancy = VacancyFactory()
    client.force_login(coordinator_of(vacancy.organisation))

    client.post(
        reverse("vacancies:vacancy-edit", args=[vacancy.public_id]),
        _form_data(ongoing="on", starts_on="2030-01-01", ends_on="2030-06-01"),
    )

    vacancy.refresh_from_db()
    assert vacancy.ends_on is None


def test_online_vacancy_needs_no_postcode(client):
    organisation = OrganisationFactory()
    client.force_login(coordinator_of(organisation))

    client.post(
        reverse("vacancies:vacancy-create", args=[organisation.public_id]),
        _form_data(is_online="on", postcode="", form="online"),
    )

    vacancy = Vacancy.objects.get(organisation=organisation)
    assert vacancy.is_online
    assert vacancy.postcode_area is None


def test_edit_form_shows_the_current_values_and_week_grid(client):
    vacancy = VacancyFactory(title="Voorlezen", schedule=1)  # Monday morning
    client.force_login(coordinator_of(vacancy.organisation))

    page = client.get(reverse("vacancies:vacancy-edit", args=[vacancy.public_id]))

    content = page.content.decode()
    assert 'value="Voorlezen"' in content
    assert 'value="mon_morning" id="id_schedule_0" checked' in content
    assert 'value="3511"' in content


def test_a_closed_vacancy_cannot_be_edited(client):
    vacancy = VacancyFactory(status=VacancyStatus.CLOSED, title="Oud")
    client.force_login(coordinator_of(vacancy.organisation))

    get = client.get(reverse("vacancies:vacancy-edit", args=[vacancy.public_id]))
    post = client.post(
        reverse("vacancies:vacancy-edit", args=[vacancy.public_id]), _form_data(title="Nieuw")
    )

    assert get.status_code == 302
    assert post.status_code == 302
    vacancy.refresh_from_db()
    assert vacancy.title == "Oud"


def test_illegal_transition_shows_a_message(client):
    vacancy = VacancyFactory(status=VacancyStatus.CLOSED)
    client.force_login(coordinator_of(vacancy.organisation))

    response = client.post(
        reverse("vacancies:vacancy-transition", args=[vacancy.public_id]),
        {"action": "resume"},
        follow=True,
    )

    assert response.status_code == 200
    [message] = response.context["messages"]
    assert message.level_tag == "error"
    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.CLOSED


def test_copy_opens_the_new_draft(client):
    vacancy = VacancyFactory(published=True, title="Voorlezen")
    client.force_login(coordinator_of(vacancy.organisation))

    response = client.post(reverse("vacancies:vacancy-copy", args=[vacancy.public_id]))

    copy = Vacancy.objects.get(title="Kopie van Voorlezen")
    assert response["Location"] == reverse("vacancies:vacancy-edit", args=[copy.public_id])


def test_status_change_mails_the_volunteer(client, django_capture_on_commit_callbacks):
    response = ResponseFactory()
    client.force_login(coordinator_of(response.vacancy.organisation))

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("vacancies:response-status", args=[response.public_id]), {"status": "placed"}
        )

    response.refresh_from_db()
    assert response.status == ResponseStatus.PLACED
    assert response.answered_at is not None
    [message] = mail.outbox
    assert message.to == [response.volunteer.email]
    assert reverse("vacancies:my-responses") in message.body


def test_bad_status_shows_a_message_and_changes_nothing(client):
    response = ResponseFactory()
    client.force_login(coordinator_of(response.vacancy.organisation))

    page = client.post(
        reverse("vacancies:response-status", args=[response.public_id]),
        {"status": "withdrawn"},
        follow=True,
    )

    assert page.status_code == 200
    [message] = page.context["messages"]
    assert message.level_tag == "error"
    response.refresh_from_db()
    assert response.status == ResponseStatus.NEW

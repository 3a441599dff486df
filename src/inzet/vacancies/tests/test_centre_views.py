from django.core import mail
from django.urls import reverse

import pytest

from inzet.accounts.tests.factories import UserFactory
from inzet.organisations.constants import OrganisationRole
from inzet.organisations.tests.factories import (
    CentreMembershipFactory,
    MembershipFactory,
    OrganisationFactory,
)
from inzet.vacancies.constants import ResponseStatus, VacancyStatus
from inzet.vacancies.models import CentrePolicy
from inzet.vacancies.tests.factories import CentrePolicyFactory, ResponseFactory, VacancyFactory

pytestmark = pytest.mark.django_db


def staff_of(centre):
    return CentreMembershipFactory(centre=centre).user


# Who may use a centre's pages: (case, make_user(centre), allowed)
CENTRE_USERS = [
    ("own staff", staff_of, True),
    (
        "staff of another centre",
        lambda centre: CentreMembershipFactory(centre__municipality_codes=["GM0363"]).user,
        False,
    ),
    (
        "coordinator of an organisation in the area",
        lambda centre: MembershipFactory(role=OrganisationRole.COORDINATOR).user,
        False,
    ),
    ("random user", lambda centre: UserFactory(), False),
]


@pytest.fixture
def centre():
    return CentrePolicyFactory().centre


@pytest.mark.parametrize(("_case", "make_user", "allowed"), CENTRE_USERS)
def test_overview_access_and_personal_data(client, centre, _case, make_user, allowed):
    ResponseFactory(vacancy__title="Koken", volunteer__name="Fatima Yilmaz")
    client.force_login(make_user(centre))

    page = client.get(reverse("vacancies:centre-overview", args=[centre.public_id]))

    assert page.status_code == (200 if allowed else 404)
    assert ("Fatima Yilmaz" in page.content.decode()) is allowed


@pytest.mark.parametrize(("_case", "make_user", "allowed"), CENTRE_USERS)
def test_approvals_access(client, centre, _case, make_user, allowed):
    VacancyFactory(submitted=True, title="Wacht op ons")
    client.force_login(make_user(centre))

    page = client.get(reverse("vacancies:centre-approvals", args=[centre.public_id]))

    assert page.status_code == (200 if allowed else 404)
    assert ("Wacht op ons" in page.content.decode()) is allowed


@pytest.mark.parametrize(("_case", "make_user", "allowed"), CENTRE_USERS)
def test_review_access(client, centre, _case, make_user, allowed):
    vacancy = VacancyFactory(submitted=True)
    client.force_login(make_user(centre))

    response = client.post(
        reverse("vacancies:vacancy-review", args=[vacancy.public_id]), {"decision": "approve"}
    )

    assert response.status_code == (302 if allowed else 404)
    vacancy.refresh_from_db()
    assert vacancy.status == (VacancyStatus.PUBLISHED if allowed else VacancyStatus.SUBMITTED)


def test_the_organisation_cannot_approve_its_own_vacancy(client):
    vacancy = VacancyFactory(submitted=True)
    client.force_login(
        MembershipFactory(organisation=vacancy.organisation, role=OrganisationRole.ADMIN).user
    )

    response = client.post(
        reverse("vacancies:vacancy-review", args=[vacancy.public_id]), {"decision": "approve"}
    )

    assert response.status_code == 404


@pytest.mark.parametrize(("_case", "make_user", "allowed"), CENTRE_USERS)
def test_settings_access(client, centre, _case, make_user, allowed):
    client.force_login(make_user(centre))
    url = reverse("vacancies:centre-settings", args=[centre.public_id])

    get = client.get(url)
    post = client.post(url, {"requires_approval": "on", "unanswered_warning_days": "3"})

    assert get.status_code == (200 if allowed else 404)
    assert post.status_code == (302 if allowed else 404)
    policy = CentrePolicy.objects.get(centre=centre)
    assert (policy.requires_approval, policy.unanswered_warning_days) == (
        (True, 3) if allowed else (False, 5)
    )


@pytest.mark.parametrize("url_name", ["centre-overview", "centre-approvals", "centre-settings"])
def test_anonymous_is_sent_to_log_in(client, centre, url_name):
    response = client.get(reverse(f"vacancies:{url_name}", args=[centre.public_id]))

    assert response.status_code == 302


# --- Behaviour


def test_overview_shows_only_the_centres_area_and_online_work_of_local_organisations(
    client, centre
):
    VacancyFactory(title="In Utrecht")
    VacancyFactory(title="Online vanuit Utrecht", online=True)
    amsterdam = OrganisationFactory(postcode_area_id="1012", municipality_id="GM0363")
    VacancyFactory(title="In Amsterdam", organisation=amsterdam, postcode_area_id="1012",
                   municipality_id="GM0363")  # fmt: skip
    VacancyFactory(title="Online vanuit Amsterdam", organisation=amsterdam, online=True)
    client.force_login(staff_of(centre))

    content = client.get(
        reverse("vacancies:centre-overview", args=[centre.public_id])
    ).content.decode()

    assert "In Utrecht" in content
    assert "Online vanuit Utrecht" in content
    assert "In Amsterdam" not in content
    assert "Online vanuit Amsterdam" not in content


def test_overview_filters_by_status(client, centre):
    VacancyFactory(title="Buurtkamer live", published=True)
    VacancyFactory(title="Conceptvacature")
    ResponseFactory(vacancy__title="Met nieuwe reactie", volunteer__name="Nieuwe Reageerder")
    ResponseFactory(status=ResponseStatus.PLACED, volunteer__name="Geplaatste Persoon")
    client.force_login(staff_of(centre))
    url = reverse("vacancies:centre-overview", args=[centre.public_id])

    drafts = client.get(url, {"status": "draft"}).content.decode()
    placed = client.get(url, {"reactiestatus": "placed"}).content.decode()
    nonsense = client.get(url, {"status": "<script>", "reactiestatus": "x"})

    assert "Conceptvacature" in drafts and "Buurtkamer live" not in drafts
    assert "Geplaatste Persoon" in placed and "Nieuwe Reageerder" not in placed
    assert nonsense.status_code == 200


def test_centre_staff_can_read_responses_of_vacancies_in_their_area(client, centre):
    response = ResponseFactory(volunteer__name="Fatima Yilmaz", message="Ik kook graag.")
    client.force_login(staff_of(centre))

    page = client.get(reverse("vacancies:vacancy-responses", args=[response.vacancy.public_id]))

    assert "Ik kook graag." in page.content.decode()


def test_approvals_list_only_submitted_vacancies_in_the_area(client, centre):
    VacancyFactory(submitted=True, title="Wacht hier")
    VacancyFactory(published=True, title="Al gepubliceerd")
    amsterdam = OrganisationFactory(postcode_area_id="1012", municipality_id="GM0363")
    VacancyFactory(submitted=True, organisation=amsterdam, title="Wacht daar",
                   postcode_area_id="1012", municipality_id="GM0363")  # fmt: skip
    client.force_login(staff_of(centre))

    content = client.get(
        reverse("vacancies:centre-approvals", args=[centre.public_id])
    ).content.decode()

    assert "Wacht hier" in content
    assert "Al gepubliceerd" not in content
    assert "Wacht daar" not in content


def test_approve_publishes_and_tells_the_organisation(
    client, centre, django_capture_on_commit_callbacks
):
    vacancy = VacancyFactory(submitted=True, title="Tuinieren")
    admin = MembershipFactory(organisation=vacancy.organisation, role=OrganisationRole.ADMIN).user
    client.force_login(staff_of(centre))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("vacancies:vacancy-review", args=[vacancy.public_id]), {"decision": "approve"}
        )

    assert response["Location"] == reverse("vacancies:centre-approvals", args=[centre.public_id])
    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.PUBLISHED
    [message] = mail.outbox
    assert message.to == [admin.email]
    assert vacancy.get_absolute_url() in message.body


def test_reject_needs_a_reason(client, centre):
    vacancy = VacancyFactory(submitted=True)
    client.force_login(staff_of(centre))

    response = client.post(
        reverse("vacancies:vacancy-review", args=[vacancy.public_id]),
        {"decision": "reject", "reason": "  "},
    )

    assert response.status_code == 422
    content = response.content.decode()
    assert "inzet-error-summary" in content
    assert 'href="#id_reason"' in content
    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.SUBMITTED


def test_reject_with_a_reason_tells_the_organisation(
    client, centre, django_capture_on_commit_callbacks
):
    vacancy = VacancyFactory(submitted=True)
    MembershipFactory(organisation=vacancy.organisation, role=OrganisationRole.COORDINATOR)
    client.force_login(staff_of(centre))

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("vacancies:vacancy-review", args=[vacancy.public_id]),
            {"decision": "reject", "reason": "Vermeld een contactpersoon."},
        )

    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.REJECTED
    assert vacancy.rejection_reason == "Vermeld een contactpersoon."
    [message] = mail.outbox
    assert "Vermeld een contactpersoon." in message.body


def test_reviewing_a_vacancy_that_is_not_submitted_shows_a_message(client, centre):
    vacancy = VacancyFactory(published=True)
    client.force_login(staff_of(centre))

    response = client.post(
        reverse("vacancies:vacancy-review", args=[vacancy.public_id]), {"decision": "approve"}
    )

    assert response.status_code == 422
    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.PUBLISHED


def test_review_without_a_decision_shows_a_message(client, centre):
    vacancy = VacancyFactory(submitted=True)
    client.force_login(staff_of(centre))

    response = client.post(reverse("vacancies:vacancy-review", args=[vacancy.public_id]), {})

    assert response.status_code == 422


@pytest.mark.parametrize(
    ("days", "code"), [("0", "out_of_range"), ("31", "out_of_range"), ("vijf", "invalid"),
                       ("", "required")]
)  # fmt: skip
def test_settings_refuse_bad_days_and_keep_the_input(client, centre, days, code):
    client.force_login(staff_of(centre))

    response = client.post(
        reverse("vacancies:centre-settings", args=[centre.public_id]),
        {"unanswered_warning_days": days},
    )

    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()
    assert code in [e.code for e in errors["unanswered_warning_days"]]
    assert f'value="{days}"' in response.content.decode() or not days
    assert CentrePolicy.objects.get(centre=centre).unanswered_warning_days == 5


def test_settings_page_shows_the_defaults_for_a_centre_without_policy(client):
    staff = CentreMembershipFactory()
    client.force_login(staff.user)

    page = client.get(reverse("vacancies:centre-settings", args=[staff.centre.public_id]))

    assert page.status_code == 200
    assert 'value="5"' in page.content.decode()

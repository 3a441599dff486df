from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest

from inzet.accounts.tests.factories import UserFactory
from inzet.audit.models import AuditEvent
from inzet.organisations.constants import OrganisationRole
from inzet.organisations.tests.factories import (
    CentreMembershipFactory,
    MembershipFactory,
    OrganisationFactory,
    VolunteerCentreFactory,
)
from inzet.vacancies.constants import CaseStatus
from inzet.vacancies.models import MediationCase, Proposal
from inzet.vacancies.selectors.mediation import case_proposable_vacancies
from inzet.vacancies.services.mediation import case_open, case_set_status, proposal_create
from inzet.vacancies.tests.factories import ResponseFactory, VacancyFactory

pytestmark = pytest.mark.django_db


def staff_of(centre):
    return CentreMembershipFactory(centre=centre).user


def open_case(centre, *, staff=None, volunteer=None, wishes="Iets met dieren, in het weekend"):
    staff = staff or staff_of(centre)
    return case_open(
        centre=centre,
        actor=staff,
        volunteer_email=(volunteer or UserFactory()).email,
        consent=True,
        wishes=wishes,
    )


# Who is who, relative to a centre serving Utrecht.
ROLES = {
    "anonymous": lambda centre: None,
    "volunteer": lambda centre: UserFactory(),
    "organisation coordinator": lambda centre: (
        MembershipFactory(role=OrganisationRole.COORDINATOR).user
    ),
    "staff of another centre": lambda centre: staff_of(VolunteerCentreFactory()),
    "own centre staff": lambda centre: staff_of(centre),
}
EXPECTED = {
    "anonymous": 302,
    "volunteer": 404,
    "organisation coordinator": 404,
    "staff of another centre": 404,
    "own centre staff": 200,
}


@pytest.mark.parametrize("role", ROLES)
def test_case_list_access(client, role):
    centre = VolunteerCentreFactory()
    if user := ROLES[role](centre):
        client.force_login(user)

    response = client.get(reverse("vacancies:case-list", args=[centre.public_id]))

    assert response.status_code == EXPECTED[role]


@pytest.mark.parametrize("role", ROLES)
def test_case_create_page_access(client, role):
    centre = VolunteerCentreFactory()
    if user := ROLES[role](centre):
        client.force_login(user)

    response = client.get(reverse("vacancies:case-create", args=[centre.public_id]))

    assert response.status_code == EXPECTED[role]


@pytest.mark.parametrize("role", ROLES)
def test_case_create_post_access(client, role):
    centre = VolunteerCentreFactory()
    volunteer = UserFactory()
    if user := ROLES[role](centre):
        client.force_login(user)

    response = client.post(
        reverse("vacancies:case-create", args=[centre.public_id]),
        {
            "volunteer_email": volunteer.email,
            "consent": "on",
            "staff_member": user.pk if user else "",
        },
    )

    assert response.status_code == (302 if role == "own centre staff" else EXPECTED[role])
    assert MediationCase.objects.filter(volunteer=volunteer).exists() == (
        role == "own centre staff"
    )


@pytest.mark.parametrize("role", ROLES)
def test_case_detail_access(client, role):
    centre = VolunteerCentreFactory()
    case = open_case(centre)
    if user := ROLES[role](centre):
        client.force_login(user)

    response = client.get(reverse("vacancies:case-detail", args=[case.public_id]))

    assert response.status_code == EXPECTED[role]


def test_the_volunteer_cannot_see_their_own_case_with_the_staff_notes(client):
    centre = VolunteerCentreFactory()
    case = open_case(centre, wishes="Let op: weinig zelfvertrouwen")
    client.force_login(case.volunteer)

    response = client.get(reverse("vacancies:case-detail", args=[case.public_id]))

    assert response.status_code == 404
    assert "zelfvertrouwen" not in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_proposal_create_access(client, role):
    centre = VolunteerCentreFactory()
    case = open_case(centre)
    vacancy = VacancyFactory(published=True)
    if user := ROLES[role](centre):
        client.force_login(user)

    response = client.post(
        reverse("vacancies:proposal-create", args=[case.public_id]), {"vacancy": vacancy.pk}
    )

    assert response.status_code == (302 if role == "own centre staff" else EXPECTED[role])
    assert Proposal.objects.filter(case=case).exists() == (role == "own centre staff")


@pytest.mark.parametrize("role", ROLES)
def test_case_status_change_access(client, role):
    centre = VolunteerCentreFactory()
    case = open_case(centre)
    if user := ROLES[role](centre):
        client.force_login(user)

    response = client.post(
        reverse("vacancies:case-detail", args=[case.public_id]), {"status": "placed"}
    )

    case.refresh_from_db()
    assert response.status_code == (302 if role == "own centre staff" else EXPECTED[role])
    assert (case.status == CaseStatus.PLACED) == (role == "own centre staff")


def test_intake_opens_a_case_with_consent_and_the_staff_member_by_default(client):
    centre = VolunteerCentreFactory()
    staff = staff_of(centre)
    volunteer = UserFactory(email="sanne@example.org")
    client.force_login(staff)

    response = client.post(
        reverse("vacancies:case-create", args=[centre.public_id]),
        {
            "volunteer_email": "Sanne@Example.org",
            "consent": "on",
            "wishes": "Graag buiten, zaterdag",
            "staff_member": staff.pk,
        },
    )

    case = MediationCase.objects.get()
    assert response.status_code == 302
    assert (case.volunteer, case.staff_member, case.centre) == (volunteer, staff, centre)
    assert case.consent_given_at is not None
    assert case.wishes == "Graag buiten, zaterdag"


def test_intake_form_defaults_to_the_logged_in_staff_member(client):
    centre = VolunteerCentreFactory()
    staff = staff_of(centre)
    client.force_login(staff)

    response = client.get(reverse("vacancies:case-create", args=[centre.public_id]))

    assert response.context["form"]["staff_member"].value() == staff.pk


def test_intake_without_consent_records_nothing(client):
    centre = VolunteerCentreFactory()
    staff = staff_of(centre)
    volunteer = UserFactory()
    client.force_login(staff)

    response = client.post(
        reverse("vacancies:case-create", args=[centre.public_id]),
        {"volunteer_email": volunteer.email, "wishes": "Koken", "staff_member": staff.pk},
    )

    assert response.status_code == 422
    assert "consent" in response.context["form"].errors
    assert response.context["form"]["wishes"].value() == "Koken"
    assert not MediationCase.objects.exists()


def test_service_refuses_a_case_without_consent():
    centre = VolunteerCentreFactory()

    with pytest.raises(ValidationError) as exc:
        case_open(
            centre=centre,
            actor=staff_of(centre),
            volunteer_email=UserFactory().email,
            consent=False,
        )

    assert "consent" in exc.value.error_dict


def test_intake_for_an_unknown_email_address_says_the_volunteer_needs_an_account(client):
    centre = VolunteerCentreFactory()
    staff = staff_of(centre)
    client.force_login(staff)

    response = client.post(
        reverse("vacancies:case-create", args=[centre.public_id]),
        {"volunteer_email": "onbekend@example.org", "consent": "on", "staff_member": staff.pk},
    )

    assert response.status_code == 422
    [message] = response.context["form"].errors["volunteer_email"]
    assert "onbekend@example.org" in message
    assert not MediationCase.objects.exists()


def test_a_second_open_case_for_the_same_volunteer_is_refused():
    centre = VolunteerCentreFactory()
    volunteer = UserFactory()
    open_case(centre, volunteer=volunteer)

    with pytest.raises(ValidationError) as exc:
        open_case(centre, volunteer=volunteer)

    assert exc.value.error_dict["volunteer_email"][0].code == "case_exists"


def test_the_staff_member_must_work_at_the_centre():
    centre = VolunteerCentreFactory()

    with pytest.raises(ValidationError) as exc:
        case_open(
            centre=centre,
            actor=staff_of(centre),
            volunteer_email=UserFactory().email,
            consent=True,
            staff_member=staff_of(VolunteerCentreFactory()),
        )

    assert "staff_member" in exc.value.error_dict


def test_viewing_a_case_is_audited(client):
    centre = VolunteerCentreFactory()
    case = open_case(centre)
    staff = staff_of(centre)
    client.force_login(staff)

    client.get(reverse("vacancies:case-detail", args=[case.public_id]))

    event = AuditEvent.objects.get(action="mediation.case_viewed")
    assert (event.actor, event.subject) == (staff, case.volunteer)
    assert event.target_id == str(case.pk)


def test_a_refused_viewer_leaves_no_audit_event(client):
    centre = VolunteerCentreFactory()
    case = open_case(centre)
    client.force_login(staff_of(VolunteerCentreFactory()))

    client.get(reverse("vacancies:case-detail", args=[case.public_id]))

    assert not AuditEvent.objects.filter(action="mediation.case_viewed").exists()


def test_case_list_shows_my_cases_by_default_and_all_on_request(client):
    centre = VolunteerCentreFactory()
    me, colleague = staff_of(centre), staff_of(centre)
    mine = open_case(centre, staff=me)
    theirs = open_case(centre, staff=colleague)
    client.force_login(me)
    url = reverse("vacancies:case-list", args=[centre.public_id])

    default = client.get(url)
    everyone = client.get(url, {"medewerker": "alle"})
    colleagues = client.get(url, {"medewerker": str(colleague.public_id)})

    assert list(default.context["page"]) == [mine]
    assert set(everyone.context["page"]) == {mine, theirs}
    assert list(colleagues.context["page"]) == [theirs]


def test_case_list_shows_open_cases_unless_another_status_is_chosen(client):
    centre = VolunteerCentreFactory()
    staff = staff_of(centre)
    still_open = open_case(centre, staff=staff)
    placed = case_set_status(
        case=open_case(centre, staff=staff), actor=staff, status=CaseStatus.PLACED
    )
    client.force_login(staff)
    url = reverse("vacancies:case-list", args=[centre.public_id])

    assert list(client.get(url).context["page"]) == [still_open]
    assert list(client.get(url, {"status": "placed"}).context["page"]) == [placed]


def test_proposing_a_vacancy_emails_the_volunteer_with_a_link(client):
    centre = VolunteerCentreFactory()
    staff = staff_of(centre)
    case = open_case(centre, staff=staff)
    vacancy = VacancyFactory(published=True, title="Wandelen met de hond")
    client.force_login(staff)

    response = client.post(
        reverse("vacancies:proposal-create", args=[case.public_id]),
        {"vacancy": vacancy.pk, "note": "Dit past bij je wens om buiten te zijn."},
    )

    assert response.status_code == 302
    proposal = Proposal.objects.get(case=case)
    assert proposal.vacancy == vacancy
    [message] = mail.outbox
    assert message.to == [case.volunteer.email]
    assert "Wandelen met de hond" in message.body
    assert "Dit past bij je wens" in message.body
    assert vacancy.get_absolute_url() in message.body
    assert reverse("vacancies:my-proposals") in message.body


def test_case_detail_shows_the_volunteers_response_to_a_proposal(client):
    centre = VolunteerCentreFactory()
    staff = staff_of(centre)
    case = open_case(centre, staff=staff)
    vacancy = VacancyFactory(published=True)
    proposal_create(case=case, actor=staff, vacancy_id=vacancy.pk)
    response_ = ResponseFactory(vacancy=vacancy, volunteer=case.volunteer)
    client.force_login(staff)

    page = client.get(reverse("vacancies:case-detail", args=[case.public_id]))

    [line] = page.context["lines"]
    assert line.response == response_
    assert response_.get_status_display() in page.content.decode()


def test_only_published_vacancies_in_the_centres_area_can_be_proposed():
    centre = VolunteerCentreFactory()  # serves Utrecht
    case = open_case(centre)
    in_area = VacancyFactory(published=True)
    draft = VacancyFactory()
    expired = VacancyFactory(expired=True)
    elsewhere = VacancyFactory(
        published=True, organisation=OrganisationFactory(), municipality_id="GM0363"
    )

    assert list(case_proposable_vacancies(case=case)) == [in_area]
    for vacancy in (draft, expired, elsewhere):
        with pytest.raises(ValidationError):
            proposal_create(case=case, actor=case.staff_member, vacancy_id=vacancy.pk)
    assert not mail.outbox


def test_a_vacancy_is_proposed_only_once_per_case():
    centre = VolunteerCentreFactory()
    case = open_case(centre)
    vacancy = VacancyFactory(published=True)
    proposal_create(case=case, actor=case.staff_member, vacancy_id=vacancy.pk)

    with pytest.raises(ValidationError):
        proposal_create(case=case, actor=case.staff_member, vacancy_id=vacancy.pk)

    assert Proposal.objects.count() == 1


def test_an_invalid_proposal_is_shown_on_the_case_page(client):
    centre = VolunteerCentreFactory()
    staff = staff_of(centre)
    case = open_case(centre, staff=staff)
    VacancyFactory(published=True)
    client.force_login(staff)

    response = client.post(
        reverse("vacancies:proposal-create", args=[case.public_id]), {"vacancy": "", "note": "x"}
    )

    assert response.status_code == 422
    assert "vacancy" in response.context["proposal_form"].errors
    assert not Proposal.objects.exists()


def test_placing_a_case_ends_it_and_no_more_proposals_are_possible():
    centre = VolunteerCentreFactory()
    case = open_case(centre)

    case_set_status(case=case, actor=case.staff_member, status=CaseStatus.PLACED)

    case.refresh_from_db()
    assert case.status == CaseStatus.PLACED
    assert case.closed_at is not None
    with pytest.raises(ValidationError):
        proposal_create(
            case=case, actor=case.staff_member, vacancy_id=VacancyFactory(published=True).pk
        )


def test_closing_a_case_through_the_page(client):
    centre = VolunteerCentreFactory()
    staff = staff_of(centre)
    case = open_case(centre, staff=staff)
    client.force_login(staff)

    response = client.post(
        reverse("vacancies:case-detail", args=[case.public_id]), {"status": "closed"}
    )

    case.refresh_from_db()
    assert response.status_code == 302
    assert case.status == CaseStatus.CLOSED


def test_an_unknown_status_changes_nothing(client):
    centre = VolunteerCentreFactory()
    staff = staff_of(centre)
    case = open_case(centre, staff=staff)
    client.force_login(staff)

    client.post(reverse("vacancies:case-detail", args=[case.public_id]), {"status": "weg"})

    case.refresh_from_db()
    assert case.status == CaseStatus.OPEN

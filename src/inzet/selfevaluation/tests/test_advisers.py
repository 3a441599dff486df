from datetime import date, timedelta
from decimal import Decimal

from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

import pytest

from inzet.accounts.tests.factories import UserFactory, adviser, nov_staff
from inzet.organisations.constants import OrganisationRole
from inzet.organisations.tests.factories import (
    CentreMembershipFactory,
    MembershipFactory,
    OrganisationFactory,
    VolunteerCentreFactory,
)
from inzet.qualitymark.constants import ApplicationStatus
from inzet.qualitymark.tests.factories import ApplicationFactory
from inzet.selfevaluation.models import Action, AdviserAssignment, AdviserNote
from inzet.selfevaluation.selectors.advisers import adviser_dashboard, adviser_hours_in_year
from inzet.selfevaluation.services.advisers import (
    adviser_assign,
    adviser_note_add,
    adviser_unassign,
)
from inzet.selfevaluation.tests.factories import EvaluationFactory, EvidenceFactory

pytestmark = pytest.mark.django_db


def _admin(organisation):
    return MembershipFactory(organisation=organisation, role=OrganisationRole.ADMIN).user


def _assigned(organisation=None, person=None) -> AdviserAssignment:
    return AdviserAssignment.objects.create(
        adviser=person or adviser(), organisation=organisation or OrganisationFactory()
    )


def _centre_staff(municipality_code: str = "GM0344"):
    centre = VolunteerCentreFactory(municipality_codes=[municipality_code])
    return CentreMembershipFactory(centre=centre).user


# --- Services


def test_nov_assigns_an_adviser_and_the_admins_are_told():
    organisation = OrganisationFactory()
    admin = _admin(organisation)
    MembershipFactory(organisation=organisation, role=OrganisationRole.MEMBER)
    person = adviser()

    assignment = adviser_assign(organisation=organisation, adviser=person, by=nov_staff())

    assert assignment.ended_at is None
    assert [m.to for m in mail.outbox] == [[admin.email]]
    assert person.email in mail.outbox[0].body


def test_a_second_adviser_does_not_end_the_first():
    organisation = OrganisationFactory()
    first = _assigned(organisation)

    adviser_assign(organisation=organisation, adviser=adviser(), by=nov_staff())

    first.refresh_from_db()
    assert first.ended_at is None
    assert organisation.adviser_assignments.filter(ended_at__isnull=True).count() == 2


def test_assigning_an_active_adviser_again_says_so():
    assignment = _assigned()

    with pytest.raises(ValidationError) as exc:
        adviser_assign(
            organisation=assignment.organisation, adviser=assignment.adviser, by=nov_staff()
        )

    assert exc.value.error_dict["adviser"][0].code == "already_assigned"


def test_an_ended_adviser_can_be_assigned_again():
    assignment = _assigned()
    assignment.ended_at = timezone.now()
    assignment.save()

    again = adviser_assign(
        organisation=assignment.organisation, adviser=assignment.adviser, by=nov_staff()
    )

    assert again.pk != assignment.pk


def test_only_people_with_the_adviser_role_can_be_assigned():
    with pytest.raises(ValidationError) as exc:
        adviser_assign(organisation=OrganisationFactory(), adviser=UserFactory(), by=nov_staff())

    assert exc.value.error_dict["adviser"][0].code == "not_adviser"


def test_centre_staff_of_the_municipality_may_assign_others_not():
    organisation = OrganisationFactory()  # in Utrecht, GM0344

    adviser_assign(organisation=organisation, adviser=adviser(), by=_centre_staff("GM0344"))
    for outsider in (_centre_staff("GM0363"), _admin(organisation), adviser()):
        with pytest.raises(ValidationError) as exc:
            adviser_assign(organisation=organisation, adviser=adviser(), by=outsider)
        assert exc.value.code == "not_allowed"


def test_unassign_ends_the_assignment_once_and_tells_the_admins():
    assignment = _assigned()
    admin = _admin(assignment.organisation)

    adviser_unassign(assignment=assignment, by=nov_staff())

    assignment.refresh_from_db()
    assert assignment.ended_at is not None
    assert [m.to for m in mail.outbox] == [[admin.email]]
    with pytest.raises(ValidationError):
        adviser_unassign(assignment=assignment, by=nov_staff())


def test_note_with_hours_and_date():
    assignment = _assigned()

    note = adviser_note_add(
        assignment=assignment, text=" Intake gedaan ", hours=Decimal("1.5"), date=date(2025, 1, 2)
    )

    assert (note.text, note.hours) == ("Intake gedaan", Decimal("1.5"))


@pytest.mark.parametrize(
    ("hours", "day", "fields"),
    [
        (Decimal("24.01"), None, {"hours"}),
        (Decimal("-1"), None, {"hours"}),
        (Decimal("1.255"), None, {"hours"}),
        (Decimal("2"), timedelta(days=1), {"date"}),
        (Decimal("25"), timedelta(days=1), {"hours", "date"}),
    ],
)
def test_note_rejects_bad_hours_and_future_dates(hours, day, fields):
    assignment = _assigned()
    today = timezone.localdate()

    with pytest.raises(ValidationError) as exc:
        adviser_note_add(
            assignment=assignment, text="Iets", hours=hours, date=today + (day or timedelta(0))
        )

    assert set(exc.value.error_dict) == fields


@pytest.mark.parametrize("hours", [Decimal("0"), Decimal("24")])
def test_note_hours_boundaries_are_allowed(hours):
    note = adviser_note_add(
        assignment=_assigned(), text="Iets", hours=hours, date=timezone.localdate()
    )

    assert note.hours == hours


# --- Selectors


def test_hours_count_per_calendar_year_over_all_organisations():
    person = adviser()
    one, two = _assigned(person=person), _assigned(person=person)
    AdviserNote.objects.create(
        assignment=one, text="a", hours=Decimal("2.5"), date=date(2025, 1, 1)
    )
    AdviserNote.objects.create(
        assignment=two, text="b", hours=Decimal("1"), date=date(2025, 12, 31)
    )
    AdviserNote.objects.create(
        assignment=two, text="c", hours=Decimal("9"), date=date(2024, 12, 31)
    )
    _assigned(organisation=one.organisation)  # another adviser's hours don't count
    AdviserNote.objects.create(
        assignment=AdviserAssignment.objects.exclude(adviser=person).get(),
        text="d",
        hours=Decimal("5"),
        date=date(2025, 6, 1),
    )

    assert adviser_hours_in_year(adviser=person, year=2025) == Decimal("3.5")
    assert adviser_hours_in_year(adviser=person, year=2023) == Decimal("0")


def test_dashboard_shows_active_organisations_with_their_latest_evaluation():
    person = adviser()
    active = _assigned(person=person)
    EvaluationFactory(organisation=active.organisation, started_at=timezone.now() - timedelta(9))
    latest = EvaluationFactory(organisation=active.organisation, closed=True)
    ended = _assigned(person=person)
    ended.ended_at = timezone.now()
    ended.save()
    application = ApplicationFactory(status=ApplicationStatus.ASSESSMENT, adviser=person)
    ApplicationFactory(status=ApplicationStatus.DECIDED, adviser=person)

    dashboard = adviser_dashboard(adviser=person, year=2025)

    assert [(o.organisation, o.latest_evaluation) for o in dashboard.organisations] == [
        (active.organisation, latest)
    ]
    assert dashboard.open_applications == [application]


# --- Views: who may see what


ANONYMOUS, OUTSIDER, ITS_ADVISER, OTHER_ADVISER, ENDED_ADVISER, ADMIN, NOV = (
    "anonymous",
    "outsider",
    "its adviser",
    "other adviser",
    "ended adviser",
    "admin",
    "nov staff",
)


def _login_around(client, who: str, assignment: AdviserAssignment):
    organisation = assignment.organisation
    if who == ANONYMOUS:
        return None
    if who == ENDED_ADVISER:
        ended = _assigned(organisation)
        ended.ended_at = timezone.now()
        ended.save()
        user = ended.adviser
    else:
        user = {
            OUTSIDER: UserFactory,
            ITS_ADVISER: lambda: assignment.adviser,
            OTHER_ADVISER: lambda: _assigned().adviser,  # assigned elsewhere
            ADMIN: lambda: _admin(organisation),
            NOV: nov_staff,
        }[who]()
    client.force_login(user)
    return user


ALL = [ANONYMOUS, OUTSIDER, ITS_ADVISER, OTHER_ADVISER, ENDED_ADVISER, ADMIN, NOV]


@pytest.mark.parametrize("who", ALL)
def test_adviser_organisation_page_only_for_the_assigned_adviser(client, who):
    assignment = _assigned()
    _login_around(client, who, assignment)

    response = client.get(
        reverse("selfevaluation:adviser-organisation", args=[assignment.organisation.public_id])
    )

    expected = {ANONYMOUS: 302, ITS_ADVISER: 200}.get(who, 404)
    assert response.status_code == expected


@pytest.mark.parametrize("who", ALL)
def test_note_add_only_for_the_assigned_adviser(client, who):
    assignment = _assigned()
    _login_around(client, who, assignment)

    response = client.post(
        reverse("selfevaluation:adviser-note", args=[assignment.organisation.public_id]),
        {"text": "Intake", "hours": "1,5", "date": timezone.localdate().isoformat()},
    )

    expected = {ANONYMOUS: 302, ITS_ADVISER: 302}.get(who, 404)
    assert response.status_code == expected
    assert AdviserNote.objects.exists() is (who == ITS_ADVISER)


@pytest.mark.parametrize(
    ("who", "status"),
    [(ANONYMOUS, 302), (OUTSIDER, 404), (ADMIN, 404), (NOV, 404), (OTHER_ADVISER, 200)],
)
def test_dashboard_only_for_advisers(client, who, status):
    _login_around(client, who, _assigned())

    response = client.get(reverse("selfevaluation:adviser-dashboard"))

    assert response.status_code == status


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 302),
        ("outsider", 404),
        ("admin", 404),
        ("adviser", 404),
        ("centre elsewhere", 404),
        ("centre of the municipality", 200),
        ("nov staff", 200),
    ],
)
def test_assign_page_access(client, who, status):
    organisation = OrganisationFactory()
    user = {
        "anonymous": lambda: None,
        "outsider": UserFactory,
        "admin": lambda: _admin(organisation),
        "adviser": lambda: _assigned(organisation).adviser,
        "centre elsewhere": lambda: _centre_staff("GM0363"),
        "centre of the municipality": lambda: _centre_staff("GM0344"),
        "nov staff": nov_staff,
    }[who]()
    if user:
        client.force_login(user)

    response = client.get(reverse("selfevaluation:adviser-assign", args=[organisation.public_id]))

    assert response.status_code == status


# --- Views: what they do


def test_dashboard_lists_organisations_applications_and_hours(client):
    assignment = _assigned(OrganisationFactory(name="Stichting Zonnebloem Zuid"))
    AdviserNote.objects.create(
        assignment=assignment, text="x", hours=Decimal("2.5"), date=timezone.localdate()
    )
    application = ApplicationFactory(
        status=ApplicationStatus.ASSESSMENT,
        adviser=assignment.adviser,
        organisation__name="Buurthuis Noord",
    )
    client.force_login(assignment.adviser)

    response = client.get(reverse("selfevaluation:adviser-dashboard"))

    content = response.content.decode()
    assert "Stichting Zonnebloem Zuid" in content
    assert reverse("qualitymark:application-detail", args=[application.public_id]) in content
    assert response.context["dashboard"].hours_this_year == Decimal("2.5")
    assert "2,50" in content or "2,5" in content


def test_organisation_page_shows_evaluations_evidence_actions_and_notes(client):
    assignment = _assigned()
    evaluation = EvaluationFactory(organisation=assignment.organisation)
    evidence = EvidenceFactory(evaluation=evaluation, file="private/evidence/x/abc")
    Action.objects.create(
        evaluation=evaluation, description="Vrijwilligersbeleid schrijven", owner="Bestuur"
    )
    AdviserNote.objects.create(
        assignment=assignment, text="Eerste gesprek", hours=Decimal("1"), date=date(2025, 1, 2)
    )
    client.force_login(assignment.adviser)

    response = client.get(
        reverse("selfevaluation:adviser-organisation", args=[assignment.organisation.public_id])
    )

    content = response.content.decode()
    assert reverse("selfevaluation:report", args=[evaluation.public_id]) in content
    assert reverse("selfevaluation:evidence-download", args=[evidence.public_id]) in content
    assert "Vrijwilligersbeleid schrijven" in content
    assert "Eerste gesprek" in content
    # read-only: no link to change the action plan
    assert reverse("selfevaluation:action-plan", args=[evaluation.public_id]) not in content


@pytest.mark.parametrize(("typed", "stored"), [("1,5", "1.5"), ("2.25", "2.25"), ("0", "0")])
def test_note_hours_with_comma_or_dot(client, typed, stored):
    assignment = _assigned()
    client.force_login(assignment.adviser)

    client.post(
        reverse("selfevaluation:adviser-note", args=[assignment.organisation.public_id]),
        {"text": "Gesprek", "hours": typed, "date": "2025-01-02"},
    )

    assert AdviserNote.objects.get().hours == Decimal(stored)


@pytest.mark.parametrize(
    ("data", "fields"),
    [
        ({"text": "", "hours": "", "date": ""}, {"text", "hours", "date"}),
        ({"text": "x", "hours": "anderhalf", "date": "2025-01-02"}, {"hours"}),
        ({"text": "x", "hours": "25", "date": "2025-01-02"}, {"hours"}),
        ({"text": "x", "hours": "NaN", "date": "2025-01-02"}, {"hours"}),
        ({"text": "x", "hours": "1", "date": "2999-01-01"}, {"date"}),
        ({"text": "x", "hours": "1", "date": "31-02-2025"}, {"date"}),
    ],
)
def test_note_errors_per_field_keep_what_was_typed(client, data, fields):
    assignment = _assigned()
    client.force_login(assignment.adviser)

    response = client.post(
        reverse("selfevaluation:adviser-note", args=[assignment.organisation.public_id]), data
    )

    assert response.status_code == 422
    assert set(response.context["form"].errors) == fields
    assert not AdviserNote.objects.exists()
    if data["hours"]:
        assert f'value="{data["hours"]}"' in response.content.decode()


def test_note_date_accepts_day_month_year(client):
    assignment = _assigned()
    client.force_login(assignment.adviser)

    client.post(
        reverse("selfevaluation:adviser-note", args=[assignment.organisation.public_id]),
        {"text": "Gesprek", "hours": "1", "date": "02-01-2025"},
    )

    assert AdviserNote.objects.get().date == date(2025, 1, 2)


def test_assign_page_assigns_and_reassigning_is_a_clear_message(client):
    organisation = OrganisationFactory()
    person = adviser()
    client.force_login(nov_staff())
    url = reverse("selfevaluation:adviser-assign", args=[organisation.public_id])

    first = client.post(url, {"adviser": person.pk})
    again = client.post(url, {"adviser": person.pk})

    assert first.status_code == 302
    assert again.status_code == 422
    assert again.context["form"].errors["adviser"][0]
    assert organisation.adviser_assignments.count() == 1


def test_assign_page_without_a_choice_asks_for_one(client):
    organisation = OrganisationFactory()
    client.force_login(nov_staff())

    response = client.post(
        reverse("selfevaluation:adviser-assign", args=[organisation.public_id]), {"adviser": ""}
    )

    assert response.status_code == 422
    assert "adviser" in response.context["form"].errors


def test_assign_page_ends_an_assignment(client):
    assignment = _assigned()
    client.force_login(nov_staff())

    response = client.post(
        reverse("selfevaluation:adviser-assign", args=[assignment.organisation.public_id]),
        {"unassign": str(assignment.pk)},
    )

    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.ended_at is not None


@pytest.mark.parametrize("value", ["999999", "abc"])
def test_ending_an_unknown_assignment_is_404(client, value):
    organisation = OrganisationFactory()
    client.force_login(nov_staff())

    response = client.post(
        reverse("selfevaluation:adviser-assign", args=[organisation.public_id]),
        {"unassign": value},
    )

    assert response.status_code == 404


def test_ending_another_organisations_assignment_is_404(client):
    elsewhere = _assigned()
    organisation = OrganisationFactory()
    client.force_login(nov_staff())

    response = client.post(
        reverse("selfevaluation:adviser-assign", args=[organisation.public_id]),
        {"unassign": str(elsewhere.pk)},
    )

    assert response.status_code == 404
    elsewhere.refresh_from_db()
    assert elsewhere.ended_at is None

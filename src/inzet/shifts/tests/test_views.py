import csv
import datetime
import io
from decimal import Decimal

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import openpyxl
import pytest

from inzet.accounts.tests.factories import UserFactory, nov_staff
from inzet.audit.models import AuditEvent
from inzet.organisations.constants import OrganisationRole
from inzet.organisations.tests.factories import MembershipFactory
from inzet.shifts.constants import SignupStatus
from inzet.shifts.models import Shift, ShiftPlan, ShiftSignup
from inzet.shifts.selectors import schedule_for_vacancy
from inzet.shifts.services import shift_reminders_send
from inzet.vacancies.constants import VacancyForm
from inzet.vacancies.tests.factories import VacancyFactory

from .factories import ShiftFactory, ShiftSignupFactory, tomorrow_at

pytestmark = pytest.mark.django_db


def member(role):
    return lambda org: MembershipFactory(organisation=org, role=role).user


# Who may manage an organisation's shifts: its admins and coordinators; nobody else.
MANAGERS = [
    ("anonymous", lambda org: None, 302),
    ("random user", lambda org: UserFactory(), 404),
    ("org member", member(OrganisationRole.MEMBER), 404),
    ("coordinator elsewhere", lambda org: MembershipFactory(role="coordinator").user, 404),
    ("NOV staff", lambda org: nov_staff(), 404),
    ("coordinator", member(OrganisationRole.COORDINATOR), 200),
    ("org admin", member(OrganisationRole.ADMIN), 200),
]


def log_in(client, user):
    if user is not None:
        client.force_login(user)


@pytest.mark.parametrize(("_case", "make_user", "status"), MANAGERS)
@pytest.mark.parametrize("page", ["manage", "shift-create", "organisation-statistics"])
def test_planning_pages_access(client, _case, make_user, status, page):
    shift = ShiftFactory()
    vacancy = shift.plan.vacancy
    log_in(client, make_user(vacancy.organisation))
    arg = vacancy.organisation.public_id if page == "organisation-statistics" else vacancy.public_id

    response = client.get(reverse(f"shifts:{page}", args=[arg]))

    assert response.status_code == status


@pytest.mark.parametrize(("_case", "make_user", "status"), MANAGERS)
@pytest.mark.parametrize("page", ["roster", "shift-edit", "shift-delete", "attendance"])
def test_shift_pages_access(client, _case, make_user, status, page):
    shift = ShiftFactory()
    ShiftSignupFactory(shift=shift)
    log_in(client, make_user(shift.plan.vacancy.organisation))

    response = client.get(reverse(f"shifts:{page}", args=[shift.public_id]))

    assert response.status_code == status


@pytest.mark.parametrize(("_case", "make_user", "status"), MANAGERS)
def test_roster_export_access(client, _case, make_user, status):
    shift = ShiftFactory()
    log_in(client, make_user(shift.plan.vacancy.organisation))

    response = client.get(reverse("shifts:roster-export", args=[shift.public_id, "csv"]))

    assert response.status_code == status


@pytest.mark.parametrize(
    ("_case", "make_user", "status"),
    [
        ("anonymous", lambda org: None, 200),
        ("volunteer", lambda org: UserFactory(), 200),
        ("coordinator", member(OrganisationRole.COORDINATOR), 200),
    ],
)
def test_schedule_is_public(client, _case, make_user, status):
    shift = ShiftFactory(place="Kerkplein 1")
    log_in(client, make_user(shift.plan.vacancy.organisation))

    response = client.get(reverse("shifts:schedule", args=[shift.plan.vacancy.public_id]))

    assert response.status_code == status
    assert "Kerkplein 1" in response.content.decode()


def test_schedule_of_a_draft_vacancy_only_for_its_planners(client):
    shift = ShiftFactory(plan__vacancy__status="draft")
    url = reverse("shifts:schedule", args=[shift.plan.vacancy.public_id])

    assert client.get(url).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(member(OrganisationRole.COORDINATOR)(shift.plan.vacancy.organisation))
    assert client.get(url).status_code == 200


def test_schedule_without_a_plan_is_404(client):
    vacancy = VacancyFactory(published=True, form=VacancyForm.ONE_OFF)

    assert client.get(reverse("shifts:schedule", args=[vacancy.public_id])).status_code == 404


def test_schedule_counts_in_one_query(client, django_assert_num_queries):
    volunteer = UserFactory()
    shifts = ShiftFactory.create_batch(3, capacity=2)
    vacancy = shifts[0].plan.vacancy
    for shift in shifts:
        shift.plan = shifts[0].plan
        shift.save()
        ShiftSignupFactory.create_batch(2, shift=shift)
        ShiftSignupFactory(shift=shift, status=SignupStatus.WAITLISTED)
    ShiftSignupFactory(shift=shifts[1], volunteer=volunteer, status=SignupStatus.WAITLISTED)

    with django_assert_num_queries(1):
        result = schedule_for_vacancy(vacancy=vacancy, viewer=volunteer)

    assert [s.free_places for s in result] == [0, 0, 0]
    assert [s.waitlist_count for s in result] == [1, 2, 1]
    assert [s.own_status for s in result] == [None, "waitlisted", None]


def test_anonymous_sign_up_goes_to_login_and_back_to_the_schedule(client):
    shift = ShiftFactory()

    response = client.post(reverse("shifts:signup-create", args=[shift.public_id]))

    schedule = reverse("shifts:schedule", args=[shift.plan.vacancy.public_id])
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert response["Location"].endswith("next=" + schedule)
    assert not ShiftSignup.objects.exists()


def test_volunteer_signs_up_and_sees_it_in_the_agenda(client):
    shift = ShiftFactory(place="Kerkplein 1")
    volunteer = UserFactory()
    client.force_login(volunteer)

    response = client.post(reverse("shifts:signup-create", args=[shift.public_id]))

    assert response.status_code == 302
    assert ShiftSignup.objects.get(volunteer=volunteer).status == SignupStatus.CONFIRMED
    agenda = client.get(reverse("shifts:agenda"))
    assert agenda.status_code == 200
    assert "Kerkplein 1" in agenda.content.decode()
    assert "/agenda/feed/" in agenda.content.decode()


def test_overlapping_sign_up_shows_a_message_and_saves_nothing(client):
    volunteer = UserFactory()
    ShiftSignupFactory(volunteer=volunteer, shift__starts_at=tomorrow_at(10))
    other = ShiftFactory(starts_at=tomorrow_at(12), ends_at=tomorrow_at(16))
    client.force_login(volunteer)

    response = client.post(
        reverse("shifts:signup-create", args=[other.public_id]), follow=True
    )

    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert ShiftSignup.objects.filter(volunteer=volunteer).count() == 1


def test_agenda_needs_login(client):
    response = client.get(reverse("shifts:agenda"))

    assert response.status_code == 302


def test_cancel_someone_elses_sign_up_is_404(client):
    signup = ShiftSignupFactory()
    client.force_login(UserFactory())

    response = client.post(reverse("shifts:signup-cancel", args=[signup.public_id]))

    assert response.status_code == 404
    signup.refresh_from_db()
    assert signup.status == SignupStatus.CONFIRMED


def test_cancel_after_the_deadline_shows_a_message(client):
    signup = ShiftSignupFactory(shift__starts_at=timezone.now() + datetime.timedelta(hours=3))
    client.force_login(signup.volunteer)

    response = client.post(
        reverse("shifts:signup-cancel", args=[signup.public_id]), follow=True
    )

    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    signup.refresh_from_db()
    assert signup.status == SignupStatus.CONFIRMED


def test_coordinator_creates_a_plan_and_a_shift(client):
    vacancy = VacancyFactory(published=True, form=VacancyForm.ONE_OFF)
    client.force_login(member(OrganisationRole.COORDINATOR)(vacancy.organisation))

    response = client.post(
        reverse("shifts:manage", args=[vacancy.public_id]), {"cancel_deadline_hours": "48"}
    )
    assert response.status_code == 302
    assert ShiftPlan.objects.get(vacancy=vacancy).cancel_deadline_hours == 48
    day = timezone.localdate() + datetime.timedelta(days=3)
    response = client.post(
        reverse("shifts:shift-create", args=[vacancy.public_id]),
        {
            "date": day.isoformat(),
            "start_time": "22:00",
            "end_time": "02:00",
            "place": "Festivalterrein",
            "capacity": "4",
        },
    )

    assert response.status_code == 302
    shift = Shift.objects.get(plan__vacancy=vacancy)
    assert timezone.localtime(shift.starts_at).hour == 22
    assert shift.ends_at - shift.starts_at == datetime.timedelta(hours=4)  # after midnight


def test_shift_in_the_past_is_refused_on_the_form_and_keeps_the_input(client):
    shift = ShiftFactory()
    vacancy = shift.plan.vacancy
    client.force_login(member(OrganisationRole.COORDINATOR)(vacancy.organisation))

    response = client.post(
        reverse("shifts:shift-create", args=[vacancy.public_id]),
        {"date": "2020-01-01", "start_time": "10:00", "end_time": "12:00", "place": "Hier",
         "capacity": "2"},
    )

    assert response.status_code == 422
    assert response.context["form"].errors["date"]
    assert 'value="Hier"' in response.content.decode()
    assert Shift.objects.count() == 1


def test_capacity_below_signed_up_is_refused_on_the_form(client):
    shift = ShiftFactory(capacity=3)
    ShiftSignupFactory.create_batch(2, shift=shift)
    client.force_login(member(OrganisationRole.COORDINATOR)(shift.plan.vacancy.organisation))
    start = timezone.localtime(shift.starts_at)

    response = client.post(
        reverse("shifts:shift-edit", args=[shift.public_id]),
        {"date": start.date().isoformat(), "start_time": "10:00", "end_time": "14:00",
         "place": shift.place, "capacity": "1"},
    )

    assert response.status_code == 422
    assert response.context["form"].errors["capacity"]
    shift.refresh_from_db()
    assert shift.capacity == 3


def test_feed_renew_needs_post_and_login(client):
    assert client.post(reverse("shifts:feed-renew")).status_code == 302
    client.force_login(UserFactory())
    assert client.get(reverse("shifts:feed-renew")).status_code == 405


# --- Export and attendance


def roster_shift():
    shift = ShiftFactory(starts_at=tomorrow_at(10))
    ShiftSignupFactory(shift=shift, volunteer=UserFactory(name="Anna de Vries"))
    ShiftSignupFactory(
        shift=shift, volunteer=UserFactory(name="Bram Jansen"), status=SignupStatus.WAITLISTED
    )
    ShiftSignupFactory(
        shift=shift, volunteer=UserFactory(name="Cas Weg"), status=SignupStatus.CANCELLED
    )
    return shift


def test_roster_csv_export(client):
    shift = roster_shift()
    coordinator = member(OrganisationRole.COORDINATOR)(shift.plan.vacancy.organisation)
    client.force_login(coordinator)

    response = client.get(reverse("shifts:roster-export", args=[shift.public_id, "csv"]))

    assert response.status_code == 200
    day = timezone.localtime(shift.starts_at).date().isoformat()
    assert f'filename="dienst-{day}.csv"' in response["Content-Disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 3
    assert [row[0] for row in rows[1:]] == ["Anna de Vries", "Bram Jansen"]
    assert rows[1][1].endswith("@example.org")
    assert len(rows[0]) == 5  # name, e-mail, status, attendance, hours: nothing more
    assert AuditEvent.objects.filter(action="shift.roster_exported", actor=coordinator).exists()


def test_roster_xlsx_export(client):
    shift = roster_shift()
    client.force_login(member(OrganisationRole.ADMIN)(shift.plan.vacancy.organisation))

    response = client.get(reverse("shifts:roster-export", args=[shift.public_id, "xlsx"]))

    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ["Anna de Vries", "Bram Jansen"]


def test_roster_export_other_format_is_404(client):
    shift = roster_shift()
    client.force_login(member(OrganisationRole.ADMIN)(shift.plan.vacancy.organisation))

    response = client.get(reverse("shifts:roster-export", args=[shift.public_id, "pdf"]))

    assert response.status_code == 404


def test_attendance_counts_in_the_statistics(client):
    shift = ShiftFactory(
        starts_at=timezone.now() - datetime.timedelta(hours=4),
        ends_at=timezone.now() - datetime.timedelta(hours=1),
    )
    came = ShiftSignupFactory(shift=shift)
    ShiftSignupFactory(shift=shift)
    organisation = shift.plan.vacancy.organisation
    client.force_login(member(OrganisationRole.COORDINATOR)(organisation))

    response = client.post(
        reverse("shifts:attendance", args=[shift.public_id]),
        {"attendance_0": "attended", "hours_0": "", "attendance_1": "no_show", "hours_1": ""},
    )

    assert response.status_code == 302
    came.refresh_from_db()
    assert came.hours == Decimal("3.00")
    stats = client.get(reverse("shifts:organisation-statistics", args=[organisation.public_id]))
    total = stats.context["total"]
    assert (total.shifts, total.attended, total.no_shows, total.hours) == (1, 1, 1, Decimal(3))


def test_attendance_with_bad_hours_is_422_and_saves_nothing(client):
    shift = ShiftFactory(starts_at=timezone.now() - datetime.timedelta(hours=4))
    signup = ShiftSignupFactory(shift=shift)
    client.force_login(member(OrganisationRole.COORDINATOR)(shift.plan.vacancy.organisation))

    response = client.post(
        reverse("shifts:attendance", args=[shift.public_id]),
        {"attendance_0": "attended", "hours_0": "30"},
    )

    assert response.status_code == 422
    signup.refresh_from_db()
    assert signup.attendance == ""


# --- Reminders


def test_reminders_go_out_once(django_capture_on_commit_callbacks):
    soon = ShiftSignupFactory(shift__starts_at=timezone.now() + datetime.timedelta(hours=20))
    ShiftSignupFactory(shift__starts_at=timezone.now() + datetime.timedelta(hours=30))
    ShiftSignupFactory(
        shift__starts_at=timezone.now() + datetime.timedelta(hours=2),
        status=SignupStatus.WAITLISTED,
    )

    with django_capture_on_commit_callbacks(execute=True):
        first = shift_reminders_send()
    with django_capture_on_commit_callbacks(execute=True):
        second = shift_reminders_send()

    assert (first, second) == (1, 0)
    assert [m.to for m in mail.outbox] == [[soon.volunteer.email]]
    soon.refresh_from_db()
    assert soon.reminded_at is not None


def test_reminder_command(django_capture_on_commit_callbacks):
    ShiftSignupFactory(shift__starts_at=timezone.now() + datetime.timedelta(hours=20))
    out = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_shift_reminders", stdout=out)

    assert "Sent 1" in out.getvalue()
    assert len(mail.outbox) == 1


def test_vacancy_page_links_to_the_schedule_and_planning(client):
    shift = ShiftFactory()
    vacancy = shift.plan.vacancy
    schedule = reverse("shifts:schedule", args=[vacancy.public_id])
    manage = reverse("shifts:manage", args=[vacancy.public_id])

    anonymous = client.get(vacancy.get_absolute_url()).content.decode()
    client.force_login(member(OrganisationRole.COORDINATOR)(vacancy.organisation))
    coordinator = client.get(vacancy.get_absolute_url()).content.decode()

    assert schedule in anonymous and manage not in anonymous
    assert schedule in coordinator and manage in coordinator

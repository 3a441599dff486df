"""The demo shifts (shifts/demo.py), seeded after core.demo.demo_seed."""

import datetime
import time
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

import pytest

from inzet.accounts.models import User
from inzet.core.demo import BOARD, ORGANISATIONS, VOLUNTEER, demo_seed
from inzet.shifts.constants import Attendance, SignupStatus
from inzet.shifts.demo import FESTIVAL_ID, PAST, demo_shift_id, shifts_demo_seed
from inzet.shifts.models import Shift, ShiftPlan, ShiftSignup
from inzet.shifts.selectors import agenda_for_user, organisation_shift_statistics
from inzet.vacancies import demo as vacancies_demo
from inzet.vacancies.constants import VacancyStatus
from inzet.vacancies.models import Vacancy
from inzet.vacancies.services.responses import vacancy_is_open
from inzet.volunteers.constants import VacancyForm

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(monkeypatch):
    """The demo with few vacancies and 80 volunteers, then the shifts demo."""
    monkeypatch.setattr(vacancies_demo, "DEMO_VACANCIES", 30)
    monkeypatch.setattr(vacancies_demo, "DEMO_VOLUNTEERS", 80)
    # demo_seed() calls shifts_demo_seed too; hold that back to measure a first run here.
    monkeypatch.setattr("inzet.core.demo.shifts_demo_seed", lambda **kwargs: 0)
    demo_seed()
    users = {u.email: u for u in User.objects.filter(email__endswith="@demo.inzet.nl")}
    created = shifts_demo_seed(users=users)
    return users, created


def counts() -> dict[str, int]:
    return {
        "vacancies": Vacancy.objects.count(),
        "plans": ShiftPlan.objects.count(),
        "shifts": Shift.objects.count(),
        "signups": ShiftSignup.objects.count(),
    }


def test_a_second_run_creates_nothing(seeded):
    users, created = seeded
    first = counts()
    assert first["plans"] == 1 and 8 <= first["shifts"] <= 11
    # the vacancy, the plan, the shifts and the sign-ups
    assert created == 2 + first["shifts"] + first["signups"]

    started = time.monotonic()
    assert shifts_demo_seed(users=users) == 0
    assert time.monotonic() - started < 3
    assert counts() == first


def test_the_festival_is_a_published_one_off_vacancy_of_the_board(seeded):
    users, _created = seeded
    vacancy = Vacancy.objects.select_related("organisation", "postcode_area").get(
        public_id=FESTIVAL_ID
    )
    board_name = next(o.name for o in ORGANISATIONS if o.admin == BOARD)
    assert vacancy.organisation.name == board_name
    assert vacancy.organisation.memberships.filter(user=users[BOARD]).exists()
    assert vacancy.form == VacancyForm.ONE_OFF and vacancy.status == VacancyStatus.PUBLISHED
    assert vacancy_is_open(vacancy=vacancy)
    assert vacancy.municipality_id == vacancy.postcode_area.municipality_id == "GM0344"
    assert "Wat ga je doen?" in vacancy.description and vacancy.tasks.startswith("- ")


def test_the_schedule_is_realistic(seeded):
    now = timezone.now()
    shifts = list(Shift.objects.filter(plan__vacancy__public_id=FESTIVAL_ID))
    future = [s for s in shifts if s.starts_at > now]
    assert 8 <= len(future) <= 10
    days = {timezone.localtime(s.starts_at).date() for s in future}
    assert {d.weekday() for d in days} == {5, 6}  # a weekend
    assert all(
        datetime.timedelta(days=18) < s.starts_at - now < datetime.timedelta(days=27)
        for s in future
    )
    assert all(2 <= s.capacity <= 6 for s in shifts)
    ehbo = Shift.objects.get(public_id=demo_shift_id("ehbo"))
    assert ehbo.required_skill.slug == "ehbo"
    # Nobody has more places than the capacity; whoever has an EHBO place has the skill;
    # everyone meets the minimum age.
    for shift in shifts:
        confirmed = shift.signups.filter(status=SignupStatus.CONFIRMED)
        assert confirmed.count() <= shift.capacity
        for signup in shift.signups.select_related("volunteer__volunteer_profile"):
            profile = signup.volunteer.volunteer_profile
            year = timezone.localtime(shift.starts_at).year
            assert year - profile.birth_year >= shift.min_age
            if shift.required_skill_id:
                assert profile.skills.filter(pk=shift.required_skill_id).exists()
    full = [
        s
        for s in future
        if s.signups.filter(status=SignupStatus.CONFIRMED).count() == s.capacity
        and s.signups.filter(status=SignupStatus.WAITLISTED).exists()
    ]
    assert full, "one shift is full and has a waiting list"


def test_the_demo_volunteer_sees_her_shifts_in_the_agenda(seeded, client):
    users, _created = seeded
    volunteer = users[VOLUNTEER]
    own = ShiftSignup.objects.filter(volunteer=volunteer).select_related("shift")
    confirmed = [
        s.shift
        for s in own
        if s.status == SignupStatus.CONFIRMED and s.shift.starts_at > timezone.now()
    ]
    assert len(confirmed) == 2
    first, second = sorted(confirmed, key=lambda s: s.starts_at)
    assert first.ends_at <= second.starts_at  # no overlap
    waiting = own.get(status=SignupStatus.WAITLISTED).shift
    assert waiting.signups.filter(status=SignupStatus.CONFIRMED).count() == waiting.capacity

    agenda = agenda_for_user(user=volunteer)
    assert len([i for i in agenda["upcoming"] if i.kind == "shift"]) == 2
    assert len(agenda["waitlisted"]) == 1
    assert len(agenda["recent"]) == 1  # last month's shift, where she came

    client.force_login(volunteer)
    response = client.get(reverse("shifts:agenda"))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count(f'href="{reverse("shifts:schedule", args=[FESTIVAL_ID])}"') >= 4
    schedule = client.get(reverse("shifts:schedule", args=[FESTIVAL_ID]))
    assert schedule.status_code == 200
    own = {s.public_id: s.own_status for s in schedule.context["shifts"] if not s.has_started}
    assert sorted(filter(None, own.values())) == ["confirmed", "confirmed", "waitlisted"]
    assert own[waiting.public_id] == "waitlisted"


def test_last_months_shift_counts_hours_in_the_statistics(seeded, client):
    users, _created = seeded
    past = Shift.objects.get(public_id=demo_shift_id(PAST))
    assert past.ends_at < timezone.now() - datetime.timedelta(days=14)
    marked = past.signups.filter(status=SignupStatus.CONFIRMED)
    assert marked.filter(attendance=Attendance.ATTENDED).count() >= 3
    assert marked.filter(attendance=Attendance.NO_SHOW).count() == 1
    assert not marked.filter(attendance="").exists()
    mine = past.signups.get(volunteer=users[VOLUNTEER])
    assert mine.attendance == Attendance.ATTENDED and mine.hours == Decimal("3.50")

    organisation = past.plan.vacancy.organisation
    total = organisation_shift_statistics(organisation=organisation)["total"]
    assert total.hours > Decimal(9) and total.no_shows == 1

    client.force_login(users[BOARD])
    url = reverse("shifts:organisation-statistics", args=[organisation.public_id])
    response = client.get(url)
    assert response.status_code == 200
    assert 'id="shift-statistics-hours"' in response.content.decode()
    assert client.get(reverse("shifts:manage", args=[FESTIVAL_ID])).status_code == 200
    client.force_login(users[VOLUNTEER])
    assert client.get(url).status_code == 404

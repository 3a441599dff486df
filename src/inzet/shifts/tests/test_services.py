import datetime
from decimal import Decimal

from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from inzet.accounts.tests.factories import UserFactory
from inzet.organisations.constants import OrganisationRole
from inzet.organisations.tests.factories import MembershipFactory
from inzet.shifts import services
from inzet.shifts.constants import Attendance, SignupStatus
from inzet.shifts.models import AgendaFeed, Shift, ShiftSignup
from inzet.shifts.services import AttendanceEntry, ShiftData
from inzet.vacancies.constants import VacancyForm, VacancyStatus
from inzet.vacancies.tests.factories import VacancyFactory
from inzet.volunteers.tests.factories import SkillFactory, VolunteerProfileFactory

from .factories import ShiftFactory, ShiftPlanFactory, ShiftSignupFactory, tomorrow_at

pytestmark = pytest.mark.django_db


def codes(exc: pytest.ExceptionInfo) -> set[str]:
    error = exc.value
    if hasattr(error, "error_dict"):
        return {e.code for errors in error.error_dict.values() for e in errors}
    return {e.code for e in error.error_list}


def coordinator_of(vacancy):
    return MembershipFactory(
        organisation=vacancy.organisation, role=OrganisationRole.COORDINATOR
    ).user


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run the mails queued with transaction.on_commit (the test's transaction never commits)."""
    return django_capture_on_commit_callbacks


def data(**changes) -> ShiftData:
    values = {
        "starts_at": tomorrow_at(10),
        "ends_at": tomorrow_at(14),
        "place": "Kerkplein 1",
        "capacity": 2,
    }
    return ShiftData(**{**values, **changes})


# --- Plans and shifts


@pytest.mark.parametrize("form", [VacancyForm.ONE_OFF, VacancyForm.FLEXIBLE])
def test_plan_create_for_one_off_and_flexible_work(form):
    vacancy = VacancyFactory(form=form)

    plan = services.shift_plan_create(vacancy=vacancy, actor=None, cancel_deadline_hours=48)

    assert plan.vacancy == vacancy
    assert plan.cancel_deadline_hours == 48


def test_plan_create_refuses_regular_work_a_closed_vacancy_and_a_second_plan():
    with pytest.raises(ValidationError) as exc:
        services.shift_plan_create(vacancy=VacancyFactory(form=VacancyForm.REGULAR), actor=None)
    assert codes(exc) == {"wrong_vacancy_form"}

    closed = VacancyFactory(form=VacancyForm.ONE_OFF, status=VacancyStatus.CLOSED)
    with pytest.raises(ValidationError) as exc:
        services.shift_plan_create(vacancy=closed, actor=None)
    assert codes(exc) == {"vacancy_finished"}

    plan = ShiftPlanFactory()
    with pytest.raises(ValidationError) as exc:
        services.shift_plan_create(vacancy=plan.vacancy, actor=None)
    assert codes(exc) == {"duplicate"}


def test_plan_update_rejects_a_negative_deadline():
    plan = ShiftPlanFactory()

    with pytest.raises(ValidationError) as exc:
        services.shift_plan_update(plan=plan, actor=None, cancel_deadline_hours=-1)

    assert codes(exc) == {"invalid_deadline"}


def test_shift_create_saves_the_shift():
    plan = ShiftPlanFactory()

    shift = services.shift_create(plan=plan, actor=None, data=data(title=" Bar "))

    assert shift.title == "Bar"
    assert shift.capacity == 2


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"starts_at": timezone.now() - datetime.timedelta(hours=1)}, "past"),
        ({"ends_at": tomorrow_at(9)}, "ends_before_start"),
        ({"ends_at": tomorrow_at(10) + datetime.timedelta(hours=25)}, "too_long"),
        ({"place": "  "}, "required"),
        ({"capacity": 0}, "invalid_capacity"),
        ({"min_age": 120}, "age"),
    ],
)
def test_shift_create_bad_input(changes, code):
    plan = ShiftPlanFactory()

    with pytest.raises(ValidationError) as exc:
        services.shift_create(plan=plan, actor=None, data=data(**changes))

    assert code in codes(exc)
    assert not Shift.objects.exists()


def test_shift_update_refuses_capacity_below_confirmed():
    shift = ShiftFactory(capacity=3)
    ShiftSignupFactory.create_batch(2, shift=shift)

    with pytest.raises(ValidationError) as exc:
        services.shift_update(shift=shift, actor=None, data=data(capacity=1))

    assert codes(exc) == {"capacity_below_signups"}
    shift.refresh_from_db()
    assert shift.capacity == 3
    assert shift.signups.filter(status=SignupStatus.CONFIRMED).count() == 2


def test_shift_update_raising_capacity_promotes_the_waiting_list_in_order(on_commit):
    shift = ShiftFactory(capacity=1, starts_at=tomorrow_at(10), ends_at=tomorrow_at(14))
    ShiftSignupFactory(shift=shift)
    first = ShiftSignupFactory(shift=shift, status=SignupStatus.WAITLISTED, confirmed_at=None)
    second = ShiftSignupFactory(shift=shift, status=SignupStatus.WAITLISTED, confirmed_at=None)
    third = ShiftSignupFactory(shift=shift, status=SignupStatus.WAITLISTED, confirmed_at=None)

    with on_commit(execute=True):
        services.shift_update(shift=shift, actor=None, data=data(capacity=3, place=shift.place))

    first.refresh_from_db(), second.refresh_from_db(), third.refresh_from_db()
    assert (first.status, second.status, third.status) == ("confirmed", "confirmed", "waitlisted")
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [first.volunteer.email, second.volunteer.email]
    )


def test_shift_update_of_time_tells_everyone_on_it(on_commit):
    shift = ShiftFactory()
    signup = ShiftSignupFactory(shift=shift)

    with on_commit(execute=True):
        services.shift_update(
            shift=shift,
            actor=None,
            data=data(starts_at=tomorrow_at(11), ends_at=tomorrow_at(15), capacity=3),
        )

    assert [m.to for m in mail.outbox] == [[signup.volunteer.email]]


def test_shift_update_refuses_a_started_shift():
    shift = ShiftFactory(starts_at=timezone.now() - datetime.timedelta(hours=1))

    with pytest.raises(ValidationError) as exc:
        services.shift_update(shift=shift, actor=None, data=data())

    assert codes(exc) == {"started"}


def test_shift_delete_tells_the_people_on_it(on_commit):
    shift = ShiftFactory()
    confirmed = ShiftSignupFactory(shift=shift)
    waiting = ShiftSignupFactory(shift=shift, status=SignupStatus.WAITLISTED)
    ShiftSignupFactory(shift=shift, status=SignupStatus.CANCELLED)

    with on_commit(execute=True):
        services.shift_delete(shift=shift, actor=None)

    assert not Shift.objects.filter(pk=shift.pk).exists()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [confirmed.volunteer.email, waiting.volunteer.email]
    )


def test_shift_delete_refuses_a_started_shift():
    shift = ShiftFactory(starts_at=timezone.now() - datetime.timedelta(hours=1))

    with pytest.raises(ValidationError):
        services.shift_delete(shift=shift, actor=None)

    assert Shift.objects.filter(pk=shift.pk).exists()


# --- Signing up


def test_sign_up_confirms_while_places_last_then_waitlists():
    shift = ShiftFactory(capacity=1)

    first = services.shift_sign_up(shift=shift, volunteer=UserFactory())
    second = services.shift_sign_up(shift=shift, volunteer=UserFactory())

    assert first.status == SignupStatus.CONFIRMED
    assert first.confirmed_at is not None
    assert second.status == SignupStatus.WAITLISTED


def test_sign_up_twice_is_refused():
    shift = ShiftFactory()
    volunteer = UserFactory()
    services.shift_sign_up(shift=shift, volunteer=volunteer)

    with pytest.raises(ValidationError) as exc:
        services.shift_sign_up(shift=shift, volunteer=volunteer)

    assert codes(exc) == {"duplicate"}
    assert ShiftSignup.objects.count() == 1


def test_sign_up_for_an_overlapping_shift_is_refused():
    volunteer = UserFactory()
    morning = ShiftFactory(starts_at=tomorrow_at(10), ends_at=tomorrow_at(14))
    overlapping = ShiftFactory(starts_at=tomorrow_at(13), ends_at=tomorrow_at(17))
    afterwards = ShiftFactory(starts_at=tomorrow_at(14), ends_at=tomorrow_at(18))
    services.shift_sign_up(shift=morning, volunteer=volunteer)

    with pytest.raises(ValidationError) as exc:
        services.shift_sign_up(shift=overlapping, volunteer=volunteer)
    signup = services.shift_sign_up(shift=afterwards, volunteer=volunteer)

    assert codes(exc) == {"overlap"}
    assert signup.status == SignupStatus.CONFIRMED
    assert ShiftSignup.objects.filter(volunteer=volunteer).count() == 2


def test_a_waitlist_place_also_counts_for_overlap():
    volunteer = UserFactory()
    full = ShiftFactory(capacity=1, starts_at=tomorrow_at(10), ends_at=tomorrow_at(14))
    ShiftSignupFactory(shift=full)
    services.shift_sign_up(shift=full, volunteer=volunteer)

    with pytest.raises(ValidationError) as exc:
        services.shift_sign_up(
            shift=ShiftFactory(starts_at=tomorrow_at(12), ends_at=tomorrow_at(16)),
            volunteer=volunteer,
        )

    assert codes(exc) == {"overlap"}


def test_a_cancelled_shift_does_not_block_an_overlapping_one():
    volunteer = UserFactory()
    ShiftSignupFactory(
        volunteer=volunteer,
        status=SignupStatus.CANCELLED,
        shift=ShiftFactory(starts_at=tomorrow_at(10), ends_at=tomorrow_at(14)),
    )

    signup = services.shift_sign_up(
        shift=ShiftFactory(starts_at=tomorrow_at(12), ends_at=tomorrow_at(16)),
        volunteer=volunteer,
    )

    assert signup.status == SignupStatus.CONFIRMED


def test_sign_up_for_a_started_shift_is_refused():
    shift = ShiftFactory(starts_at=timezone.now() - datetime.timedelta(minutes=5))

    with pytest.raises(ValidationError) as exc:
        services.shift_sign_up(shift=shift, volunteer=UserFactory())

    assert codes(exc) == {"started"}


@pytest.mark.parametrize("status", [VacancyStatus.DRAFT, VacancyStatus.PAUSED])
def test_sign_up_needs_a_published_vacancy(status):
    shift = ShiftFactory(plan__vacancy__status=status)

    with pytest.raises(ValidationError) as exc:
        services.shift_sign_up(shift=shift, volunteer=UserFactory())

    assert codes(exc) == {"vacancy_closed"}


def test_minimum_age_needs_a_known_birth_year():
    shift = ShiftFactory(min_age=18)
    volunteer = VolunteerProfileFactory(birth_year=None).user

    with pytest.raises(ValidationError) as exc:
        services.shift_sign_up(shift=shift, volunteer=volunteer)

    assert codes(exc) == {"birth_year_unknown"}
    with pytest.raises(ValidationError) as exc:
        services.shift_sign_up(shift=shift, volunteer=UserFactory())  # no profile at all
    assert codes(exc) == {"birth_year_unknown"}


def test_minimum_age_counts_the_age_reached_in_the_year_of_the_shift():
    shift = ShiftFactory(min_age=18)
    year = timezone.localtime(shift.starts_at).year
    too_young = VolunteerProfileFactory(birth_year=year - 17).user
    old_enough = VolunteerProfileFactory(birth_year=year - 18).user

    with pytest.raises(ValidationError) as exc:
        services.shift_sign_up(shift=shift, volunteer=too_young)

    assert codes(exc) == {"too_young"}
    assert services.shift_sign_up(shift=shift, volunteer=old_enough).status == "confirmed"


def test_required_skill_comes_from_the_profile():
    skill = SkillFactory()
    shift = ShiftFactory(required_skill=skill)
    without = VolunteerProfileFactory().user
    with_skill = VolunteerProfileFactory(skills=[skill]).user

    with pytest.raises(ValidationError) as exc:
        services.shift_sign_up(shift=shift, volunteer=without)

    assert codes(exc) == {"skill_missing"}
    assert services.shift_sign_up(shift=shift, volunteer=with_skill).status == "confirmed"


# --- Cancelling


def test_volunteer_cancels_before_the_deadline_and_the_first_waiting_gets_the_place(on_commit):
    shift = ShiftFactory(capacity=1, starts_at=timezone.now() + datetime.timedelta(days=3))
    mine = ShiftSignupFactory(shift=shift)
    first = ShiftSignupFactory(shift=shift, status=SignupStatus.WAITLISTED, confirmed_at=None)
    second = ShiftSignupFactory(shift=shift, status=SignupStatus.WAITLISTED, confirmed_at=None)

    with on_commit(execute=True):
        services.shift_signup_cancel(signup=mine, actor=mine.volunteer)

    mine.refresh_from_db(), first.refresh_from_db(), second.refresh_from_db()
    assert mine.status == SignupStatus.CANCELLED
    assert mine.cancelled_at is not None
    assert first.status == SignupStatus.CONFIRMED
    assert second.status == SignupStatus.WAITLISTED
    assert [m.to for m in mail.outbox] == [[first.volunteer.email]]


def test_volunteer_cannot_cancel_after_the_deadline():
    shift = ShiftFactory(starts_at=timezone.now() + datetime.timedelta(hours=5))  # deadline 24 h
    mine = ShiftSignupFactory(shift=shift)

    with pytest.raises(ValidationError) as exc:
        services.shift_signup_cancel(signup=mine, actor=mine.volunteer)

    assert codes(exc) == {"deadline_passed"}
    mine.refresh_from_db()
    assert mine.status == SignupStatus.CONFIRMED


def test_leaving_the_waiting_list_has_no_deadline():
    shift = ShiftFactory(starts_at=timezone.now() + datetime.timedelta(hours=5))
    waiting = ShiftSignupFactory(shift=shift, status=SignupStatus.WAITLISTED)

    services.shift_signup_cancel(signup=waiting, actor=waiting.volunteer)

    waiting.refresh_from_db()
    assert waiting.status == SignupStatus.CANCELLED


def test_coordinator_may_always_remove_someone_who_is_told(on_commit):
    shift = ShiftFactory(capacity=1, starts_at=timezone.now() + datetime.timedelta(hours=2))
    signup = ShiftSignupFactory(shift=shift)
    waiting = ShiftSignupFactory(shift=shift, status=SignupStatus.WAITLISTED)

    with on_commit(execute=True):
        services.shift_signup_cancel(signup=signup, actor=coordinator_of(shift.plan.vacancy))

    signup.refresh_from_db(), waiting.refresh_from_db()
    assert signup.status == SignupStatus.CANCELLED
    assert waiting.status == SignupStatus.CONFIRMED
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [signup.volunteer.email, waiting.volunteer.email]
    )


def test_someone_else_cannot_cancel_and_a_cancel_twice_is_refused():
    signup = ShiftSignupFactory(shift__starts_at=timezone.now() + datetime.timedelta(days=3))

    with pytest.raises(ValidationError) as exc:
        services.shift_signup_cancel(signup=signup, actor=UserFactory())
    assert codes(exc) == {"not_yours"}

    services.shift_signup_cancel(signup=signup, actor=signup.volunteer)
    with pytest.raises(ValidationError) as exc:
        services.shift_signup_cancel(signup=signup, actor=signup.volunteer)
    assert codes(exc) == {"already_cancelled"}


# --- Attendance


def test_attendance_defaults_hours_to_the_shift_length():
    shift = ShiftFactory(
        starts_at=timezone.now() - datetime.timedelta(hours=5),
        ends_at=timezone.now() - datetime.timedelta(hours=1, minutes=30),
    )
    came, absent = ShiftSignupFactory(shift=shift), ShiftSignupFactory(shift=shift)

    saved = services.shift_attendance_record(
        shift=shift,
        actor=None,
        entries=[
            AttendanceEntry(signup=came, attendance=Attendance.ATTENDED),
            AttendanceEntry(signup=absent, attendance=Attendance.NO_SHOW, hours=Decimal(3)),
        ],
    )

    came.refresh_from_db(), absent.refresh_from_db()
    assert saved == 2
    assert (came.attendance, came.hours) == ("attended", Decimal("3.50"))
    assert (absent.attendance, absent.hours) == ("no_show", None)


def test_attendance_before_the_start_is_refused():
    signup = ShiftSignupFactory()

    with pytest.raises(ValidationError) as exc:
        services.shift_attendance_record(
            shift=signup.shift,
            actor=None,
            entries=[AttendanceEntry(signup=signup, attendance=Attendance.ATTENDED)],
        )

    assert codes(exc) == {"not_started"}


@pytest.mark.parametrize("hours", [Decimal(-1), Decimal(25)])
def test_attendance_hours_must_be_0_to_24(hours):
    signup = ShiftSignupFactory(shift__starts_at=timezone.now() - datetime.timedelta(hours=5))

    with pytest.raises(ValidationError) as exc:
        services.shift_attendance_record(
            shift=signup.shift,
            actor=None,
            entries=[AttendanceEntry(signup=signup, attendance="attended", hours=hours)],
        )

    assert codes(exc) == {"invalid_hours"}
    signup.refresh_from_db()
    assert signup.attendance == ""


def test_attendance_only_for_people_with_a_place():
    shift = ShiftFactory(starts_at=timezone.now() - datetime.timedelta(hours=5))
    waiting = ShiftSignupFactory(shift=shift, status=SignupStatus.WAITLISTED)

    with pytest.raises(ValidationError) as exc:
        services.shift_attendance_record(
            shift=shift,
            actor=None,
            entries=[AttendanceEntry(signup=waiting, attendance="attended")],
        )

    assert codes(exc) == {"not_confirmed"}


# --- Feed token and personal data


def test_feed_renew_replaces_the_token():
    user = UserFactory()
    old = services.agenda_feed_get_or_create(user=user).token

    new = services.agenda_feed_renew(user=user).token

    assert new != old
    assert AgendaFeed.objects.get(user=user).token == new


def test_data_erase_gives_up_places_and_keeps_attended_hours_anonymously():
    user = UserFactory()
    future = ShiftFactory(capacity=1, starts_at=timezone.now() + datetime.timedelta(days=2))
    ShiftSignupFactory(shift=future, volunteer=user)
    next_in_line = ShiftSignupFactory(shift=future, status=SignupStatus.WAITLISTED)
    past = ShiftFactory(starts_at=timezone.now() - datetime.timedelta(days=2))
    attended = ShiftSignupFactory(shift=past, volunteer=user, attendance="attended", hours=4)
    ShiftSignupFactory(
        volunteer=user, attendance="no_show", shift__starts_at=past.starts_at
    )
    services.agenda_feed_get_or_create(user=user)

    services.shift_data_erase(user=user)

    assert not ShiftSignup.objects.filter(volunteer=user).exists()
    attended.refresh_from_db()
    assert attended.volunteer is None
    assert attended.hours == Decimal(4)
    next_in_line.refresh_from_db()
    assert next_in_line.status == SignupStatus.CONFIRMED
    assert not AgendaFeed.objects.filter(user=user).exists()


def test_data_export_lists_the_persons_shifts():
    signup = ShiftSignupFactory()

    exported = services.shift_data_export(user=signup.volunteer)

    assert len(exported["shift_signups"]) == 1
    assert exported["shift_signups"][0]["status"] == "confirmed"
    assert exported["shift_signups"][0]["place"] == signup.shift.place

"""Shifts: an organisation plans a schedule for a vacancy; volunteers sign up.

    sign up ──▶ confirmed            (while places last)
            └─▶ waitlisted ──▶ confirmed   (first in line, when a place frees up)
    confirmed / waitlisted ──▶ cancelled   (the volunteer before the deadline; a coordinator
                                            always)

Every write that changes who has a place locks the shift row, so the count of confirmed
places can never go over the capacity (see ``shift_sign_up``). People are told by e-mail after
the transaction commits.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from inzet.accounts.models import User
from inzet.core import permissions
from inzet.vacancies.constants import VacancyForm, VacancyStatus
from inzet.vacancies.models import Vacancy
from inzet.vacancies.services.responses import vacancy_is_open
from inzet.volunteers.models import Skill, VolunteerProfile

from .constants import ACTIVE_SIGNUP_STATUSES, REMINDER_HOURS_BEFORE, Attendance, SignupStatus
from .models import AgendaFeed, Shift, ShiftPlan, ShiftSignup

# One-off/event and flexible work come in separate moments, so a schedule of shifts fits;
# regular work has a week grid, on-call work has its own pools (the oncall app), and tasks and
# online work have no fixed times.
SHIFT_VACANCY_FORMS = (VacancyForm.ONE_OFF, VacancyForm.FLEXIBLE)
# Plan while the vacancy is being written, waits for approval, is open or paused; a filled,
# closed, expired or rejected vacancy is finished.
SHIFT_VACANCY_STATUSES = (
    VacancyStatus.DRAFT,
    VacancyStatus.SUBMITTED,
    VacancyStatus.PUBLISHED,
    VacancyStatus.PAUSED,
)
MAX_CANCEL_DEADLINE_HOURS = 14 * 24
MAX_SHIFT_HOURS = 24
MAX_CAPACITY = 1000
MAX_MIN_AGE = 100
MAX_HOURS = Decimal(24)


# --- Plans


def _check_plannable(vacancy: Vacancy) -> None:
    if vacancy.form not in SHIFT_VACANCY_FORMS:
        raise ValidationError(
            _("Only one-off, event and flexible vacancies can have a shift schedule."),
            code="wrong_vacancy_form",
        )
    if vacancy.status not in SHIFT_VACANCY_STATUSES:
        raise ValidationError(
            _("This vacancy is %(status)s: you can no longer plan shifts for it.")
            % {"status": vacancy.get_status_display().lower()},
            code="vacancy_finished",
        )


def _clean_deadline(hours: Any) -> int:
    try:
        hours = int(hours)
    except (TypeError, ValueError):
        hours = -1
    if not 0 <= hours <= MAX_CANCEL_DEADLINE_HOURS:
        raise ValidationError(
            {
                "cancel_deadline_hours": ValidationError(
                    _("Choose a number of hours from 0 to %(max)s.")
                    % {"max": MAX_CANCEL_DEADLINE_HOURS},
                    code="invalid_deadline",
                )
            }
        )
    return hours


@transaction.atomic
def shift_plan_create(
    *, vacancy: Vacancy, actor: User | None, cancel_deadline_hours: int = 24
) -> ShiftPlan:
    """Turn a one-off/event or flexible vacancy into a schedule of shifts."""
    vacancy = Vacancy.objects.select_for_update().get(pk=vacancy.pk)
    _check_plannable(vacancy)
    if ShiftPlan.objects.filter(vacancy=vacancy).exists():
        raise ValidationError(_("This vacancy already has a shift schedule."), code="duplicate")
    return ShiftPlan.objects.create(
        vacancy=vacancy, cancel_deadline_hours=_clean_deadline(cancel_deadline_hours)
    )


@transaction.atomic
def shift_plan_update(
    *, plan: ShiftPlan, actor: User | None, cancel_deadline_hours: int
) -> ShiftPlan:
    plan.cancel_deadline_hours = _clean_deadline(cancel_deadline_hours)
    plan.save(update_fields=["cancel_deadline_hours"])
    return plan


# --- Shifts


@dataclass(frozen=True)
class ShiftData:
    """What an organisation fills in for one shift; times are aware datetimes."""

    starts_at: datetime.datetime
    ends_at: datetime.datetime
    place: str
    capacity: int
    title: str = ""
    required_skill: Skill | None = None
    min_age: int = 0


def _shift_clean(*, data: ShiftData, now: datetime.datetime) -> dict[str, Any]:
    errors: dict[str, list[ValidationError]] = {}

    def add(field: str, message: str, code: str) -> None:
        errors.setdefault(field, []).append(ValidationError(message, code=code))

    if data.starts_at <= now:
        add("date", _("A shift cannot start in the past. Choose a later date or time."), "past")
    if data.ends_at <= data.starts_at:
        add("end_time", _("The end must be after the start."), "ends_before_start")
    elif data.ends_at - data.starts_at > datetime.timedelta(hours=MAX_SHIFT_HOURS):
        add("end_time", _("A shift lasts at most 24 hours."), "too_long")
    place = (data.place or "").strip()
    if not place:
        add("place", _("Fill in where the shift takes place."), "required")
    if not 1 <= data.capacity <= MAX_CAPACITY:
        add(
            "capacity",
            _("Choose a number of places from 1 to %(max)s.") % {"max": MAX_CAPACITY},
            "invalid_capacity",
        )
    if not 0 <= data.min_age <= MAX_MIN_AGE:
        add("min_age", _("Choose a minimum age from 0 to %(max)s.") % {"max": MAX_MIN_AGE}, "age")
    if errors:
        raise ValidationError(errors)
    return {
        "starts_at": data.starts_at,
        "ends_at": data.ends_at,
        "place": place,
        "capacity": data.capacity,
        "title": (data.title or "").strip(),
        "required_skill": data.required_skill,
        "min_age": data.min_age,
    }


@transaction.atomic
def shift_create(*, plan: ShiftPlan, actor: User | None, data: ShiftData) -> Shift:
    _check_plannable(plan.vacancy)
    fields = _shift_clean(data=data, now=timezone.now())
    return Shift.objects.create(plan=plan, **fields)


def _locked_shift(shift: Shift) -> Shift:
    return (
        Shift.objects.select_for_update(of=("self",))
        .select_related("plan__vacancy__organisation")
        .get(pk=shift.pk)
    )


def _promote_waitlisted(*, shift: Shift, places: int) -> list[ShiftSignup]:
    """Give up to ``places`` free places to the first people on the waiting list; the caller
    holds the shift's row lock. Each promoted person is mailed after the commit."""
    if places <= 0:
        return []
    promoted = list(
        shift.signups.select_for_update()
        .filter(status=SignupStatus.WAITLISTED)
        .order_by("created_at", "pk")[:places]
    )
    now = timezone.now()
    for signup in promoted:
        signup.status, signup.confirmed_at = SignupStatus.CONFIRMED, now
        signup.save(update_fields=["status", "confirmed_at"])
        transaction.on_commit(lambda s=signup: _mail_promoted(signup=s))
    return promoted


def _confirmed_count(shift: Shift) -> int:
    return shift.signups.filter(status=SignupStatus.CONFIRMED).count()


@transaction.atomic
def shift_update(*, shift: Shift, actor: User | None, data: ShiftData) -> Shift:
    """Change a shift that has not started. The capacity cannot go below the number of people
    already confirmed; a higher capacity gives the new places to the waiting list in order.
    People with a place or on the waiting list hear of a new time or place."""
    locked = _locked_shift(shift)
    now = timezone.now()
    if locked.starts_at <= now:
        raise ValidationError(
            _("This shift has already started and can no longer be changed."), code="started"
        )
    fields = _shift_clean(data=data, now=now)
    confirmed = _confirmed_count(locked)
    if fields["capacity"] < confirmed:
        raise ValidationError(
            {
                "capacity": ValidationError(
                    _(
                        "%(count)s people are already signed up. Choose at least %(count)s "
                        "places, or remove people from the list first."
                    )
                    % {"count": confirmed},
                    code="capacity_below_signups",
                )
            }
        )
    moved = (
        fields["starts_at"] != locked.starts_at
        or fields["ends_at"] != locked.ends_at
        or fields["place"] != locked.place
    )
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.save(update_fields=list(fields))
    promoted = _promote_waitlisted(shift=locked, places=locked.capacity - confirmed)
    if moved:
        promoted_ids = {s.pk for s in promoted}
        for signup in locked.signups.filter(status__in=ACTIVE_SIGNUP_STATUSES).select_related(
            "volunteer"
        ):
            if signup.pk not in promoted_ids and signup.volunteer_id:
                transaction.on_commit(lambda s=signup: _mail_changed(signup=s))
    for name in fields:
        setattr(shift, name, getattr(locked, name))
    return shift


@transaction.atomic
def shift_delete(*, shift: Shift, actor: User | None) -> None:
    """Remove a shift that has not started; everyone with a place or on the waiting list
    is told. A shift that has started stays: its attendance counts in the statistics."""
    locked = _locked_shift(shift)
    if locked.starts_at <= timezone.now():
        raise ValidationError(
            _("This shift has already started. It stays, so its hours keep counting."),
            code="started",
        )
    notices = [
        _RemovedNotice(
            user=signup.volunteer,
            vacancy=locked.plan.vacancy,
            starts_at=locked.starts_at,
            ends_at=locked.ends_at,
            place=locked.place,
        )
        for signup in locked.signups.filter(status__in=ACTIVE_SIGNUP_STATUSES).select_related(
            "volunteer"
        )
        if signup.volunteer_id
    ]
    locked.delete()
    for notice in notices:
        transaction.on_commit(lambda n=notice: _mail_shift_removed(notice=n))


# --- Sign-ups


def _check_min_age(shift: Shift, profile: VolunteerProfile | None) -> None:
    if not shift.min_age:
        return
    if profile is None or profile.birth_year is None:
        raise ValidationError(
            _(
                "This shift has a minimum age of %(age)s. Fill in your year of birth in your "
                "profile first, then sign up again."
            )
            % {"age": shift.min_age},
            code="birth_year_unknown",
        )
    # The age reached in the year of the shift, as the vacancy matching counts it.
    age = timezone.localtime(shift.starts_at).year - profile.birth_year
    if age < shift.min_age:
        raise ValidationError(
            _("This shift has a minimum age of %(age)s.") % {"age": shift.min_age},
            code="too_young",
        )


def _check_skill(shift: Shift, profile: VolunteerProfile | None) -> None:
    if shift.required_skill_id is None:
        return
    if profile is None or not profile.skills.filter(pk=shift.required_skill_id).exists():
        raise ValidationError(
            _(
                "This shift needs the skill “%(skill)s”. If you have it, add it to your "
                "profile and sign up again."
            )
            % {"skill": shift.required_skill.name},
            code="skill_missing",
        )


def _when(shift: Shift) -> str:
    start, end = timezone.localtime(shift.starts_at), timezone.localtime(shift.ends_at)
    day = formats.date_format(start, "l j F Y")
    return f"{day} {formats.time_format(start, 'H:i')}–{formats.time_format(end, 'H:i')}"


def shift_signup_deadline(*, shift: Shift) -> datetime.datetime:
    """Until when a volunteer may cancel their place themselves."""
    return shift.starts_at - datetime.timedelta(hours=shift.plan.cancel_deadline_hours)


@transaction.atomic
def shift_sign_up(*, shift: Shift, volunteer: User) -> ShiftSignup:
    """Confirm a place while places last, otherwise put the person on the waiting list.

    Concurrency: the person's user row is locked first (so one person's parallel sign-ups for
    overlapping shifts are serialised), then the shift row; only then are the places counted.
    On PostgreSQL ``SELECT … FOR UPDATE`` makes other sign-ups for this shift wait for the
    commit. SQLite ignores FOR UPDATE, but our settings open every transaction with
    ``BEGIN IMMEDIATE`` (``transaction_mode="IMMEDIATE"``), which takes the database's write
    lock at the start, so the count-then-insert runs for one sign-up at a time: the same
    guarantee.
    """
    User.objects.select_for_update().only("pk").get(pk=volunteer.pk)
    locked = _locked_shift(shift)
    vacancy = locked.plan.vacancy
    if not vacancy_is_open(vacancy=vacancy):
        raise ValidationError(
            _("This vacancy is not open, so you cannot sign up for its shifts."),
            code="vacancy_closed",
        )
    if locked.starts_at <= timezone.now():
        raise ValidationError(
            _("This shift has already started. Choose another shift."), code="started"
        )
    existing = locked.signups.filter(
        volunteer=volunteer, status__in=ACTIVE_SIGNUP_STATUSES
    ).first()
    if existing is not None:
        if existing.status == SignupStatus.WAITLISTED:
            message = _("You are already on the waiting list for this shift.")
        else:
            message = _("You are already signed up for this shift.")
        raise ValidationError(message, code="duplicate")
    overlap = (
        Shift.objects.filter(
            signups__volunteer=volunteer,
            signups__status__in=ACTIVE_SIGNUP_STATUSES,
            starts_at__lt=locked.ends_at,
            ends_at__gt=locked.starts_at,
        )
        .select_related("plan__vacancy")
        .first()
    )
    if overlap is not None:
        raise ValidationError(
            _(
                "This shift overlaps with another shift you signed up for: %(title)s, "
                "%(when)s. Cancel that one first if you want this one."
            )
            % {"title": overlap.title or overlap.plan.vacancy.title, "when": _when(overlap)},
            code="overlap",
        )
    profile = (
        VolunteerProfile.objects.filter(user=volunteer).first()
        if locked.min_age or locked.required_skill_id
        else None
    )
    _check_min_age(locked, profile)
    _check_skill(locked, profile)
    now = timezone.now()
    if _confirmed_count(locked) < locked.capacity:
        status, confirmed_at = SignupStatus.CONFIRMED, now
    else:
        status, confirmed_at = SignupStatus.WAITLISTED, None
    return ShiftSignup.objects.create(
        shift=locked,
        volunteer=volunteer,
        status=status,
        created_at=now,
        confirmed_at=confirmed_at,
    )


def shift_signup_can_cancel(*, signup: ShiftSignup, now: datetime.datetime | None = None) -> bool:
    """Whether the volunteer may still cancel this sign-up themselves."""
    now = now or timezone.now()
    if signup.status not in ACTIVE_SIGNUP_STATUSES or signup.shift.starts_at <= now:
        return False
    # Leaving the waiting list never leaves the organisation short, so it has no deadline.
    if signup.status == SignupStatus.WAITLISTED:
        return True
    return now < shift_signup_deadline(shift=signup.shift)


@transaction.atomic
def shift_signup_cancel(*, signup: ShiftSignup, actor: User) -> ShiftSignup:
    """The volunteer cancels before the deadline, or a coordinator removes someone (always).
    A freed place goes to the first person on the waiting list, in the same transaction."""
    shift = _locked_shift(signup.shift)
    locked = (
        ShiftSignup.objects.select_for_update(of=("self",))
        .select_related("volunteer")
        .get(pk=signup.pk)
    )
    locked.shift = shift
    is_own = locked.volunteer_id == actor.pk
    is_manager = permissions.can_manage_shifts(actor, shift.plan.vacancy)
    if not (is_own or is_manager):
        raise ValidationError(_("You can only cancel your own sign-up."), code="not_yours")
    if locked.status not in ACTIVE_SIGNUP_STATUSES:
        raise ValidationError(_("This sign-up was already cancelled."), code="already_cancelled")
    if is_own and not is_manager and not shift_signup_can_cancel(signup=locked):
        if shift.starts_at <= timezone.now():
            message = _("This shift has already started, so you can no longer cancel.")
        else:
            message = _(
                "You can no longer cancel this shift yourself: that was possible until "
                "%(deadline)s. Please contact the organisation."
            ) % {
                "deadline": formats.date_format(
                    timezone.localtime(shift_signup_deadline(shift=shift)), "j F Y H:i"
                )
            }
        raise ValidationError(message, code="deadline_passed")
    was_confirmed = locked.status == SignupStatus.CONFIRMED
    locked.status, locked.cancelled_at = SignupStatus.CANCELLED, timezone.now()
    locked.save(update_fields=["status", "cancelled_at"])
    if was_confirmed and shift.starts_at > timezone.now():
        _promote_waitlisted(shift=shift, places=shift.capacity - _confirmed_count(shift))
    if not is_own:
        transaction.on_commit(lambda: _mail_removed(signup=locked))
    signup.status, signup.cancelled_at = locked.status, locked.cancelled_at
    return signup


# --- Attendance


@dataclass(frozen=True)
class AttendanceEntry:
    signup: ShiftSignup
    attendance: str  # an Attendance value, or "" for not marked
    hours: Decimal | None = None


def shift_duration_hours(*, shift: Shift) -> Decimal:
    seconds = Decimal((shift.ends_at - shift.starts_at).total_seconds())
    return (seconds / 3600).quantize(Decimal("0.01"))


@transaction.atomic
def shift_attendance_record(
    *, shift: Shift, actor: User | None, entries: list[AttendanceEntry]
) -> int:
    """Mark who came, after the shift has started. Hours default to the shift's length;
    someone who did not come has no hours. Returns the number of sign-ups saved."""
    locked = _locked_shift(shift)
    if locked.starts_at > timezone.now():
        raise ValidationError(
            _("You can mark attendance once the shift has started."), code="not_started"
        )
    confirmed = {
        s.pk: s for s in locked.signups.select_for_update().filter(status=SignupStatus.CONFIRMED)
    }
    errors: dict[str, list[ValidationError]] = {}
    updates: list[ShiftSignup] = []
    for index, entry in enumerate(entries):
        signup = confirmed.get(entry.signup.pk)
        if signup is None:
            raise ValidationError(
                _("Only people with a place on this shift can be marked."), code="not_confirmed"
            )
        if entry.attendance not in {"", *Attendance.values}:
            errors.setdefault(f"attendance_{index}", []).append(
                ValidationError(_("Choose whether the person came."), code="invalid_choice")
            )
            continue
        hours = entry.hours
        if entry.attendance == Attendance.ATTENDED:
            if hours is None:
                hours = shift_duration_hours(shift=locked)
            if not Decimal(0) <= hours <= MAX_HOURS:
                errors.setdefault(f"hours_{index}", []).append(
                    ValidationError(
                        _("Fill in a number of hours from 0 to 24."), code="invalid_hours"
                    )
                )
                continue
        else:
            hours = None
        signup.attendance, signup.hours = entry.attendance, hours
        updates.append(signup)
    if errors:
        raise ValidationError(errors)
    ShiftSignup.objects.bulk_update(updates, ["attendance", "hours"])
    return len(updates)


# --- Reminders


def shift_reminders_send(*, now: datetime.datetime | None = None) -> int:
    """Remind everyone with a place on a shift that starts within 24 hours. Each sign-up is
    marked and its mail queued in one transaction, so a rerun never mails anyone twice."""
    now = now or timezone.now()
    due = ShiftSignup.objects.filter(
        status=SignupStatus.CONFIRMED,
        reminded_at__isnull=True,
        volunteer__isnull=False,
        shift__starts_at__gt=now,
        shift__starts_at__lte=now + datetime.timedelta(hours=REMINDER_HOURS_BEFORE),
    ).values_list("pk", flat=True)
    sent = 0
    for pk in list(due):
        with transaction.atomic():
            signup = (
                ShiftSignup.objects.select_for_update(of=("self",))
                .select_related("shift__plan__vacancy__organisation", "volunteer")
                .filter(pk=pk, reminded_at__isnull=True, status=SignupStatus.CONFIRMED)
                .first()
            )
            if signup is None:  # a parallel run or a cancellation got there first
                continue
            signup.reminded_at = now
            signup.save(update_fields=["reminded_at"])
            transaction.on_commit(lambda s=signup: _mail_reminder(signup=s))
            sent += 1
    return sent


# --- Agenda feed


def agenda_feed_get_or_create(*, user: User) -> AgendaFeed:
    feed, _created = AgendaFeed.objects.get_or_create(user=user)
    return feed


@transaction.atomic
def agenda_feed_renew(*, user: User) -> AgendaFeed:
    """Give the person a new secret feed address; the old address stops working at once."""
    feed = AgendaFeed.objects.select_for_update().filter(user=user).first()
    if feed is None:
        return AgendaFeed.objects.create(user=user)
    feed.token = AgendaFeed._meta.get_field("token").get_default()
    feed.created_at = timezone.now()
    feed.save(update_fields=["token", "created_at"])
    return feed


# --- Personal data (AVG)


@transaction.atomic
def shift_data_erase(*, user: User) -> None:
    """On account erasure. Places on shifts still to come are given up (the next person on
    the waiting list gets them); attended sign-ups stay without the person (volunteer set to
    NULL), so the organisation's hours statistics stay right; everything else is deleted."""
    now = timezone.now()
    for signup in ShiftSignup.objects.filter(
        volunteer=user, status=SignupStatus.CONFIRMED, shift__starts_at__gt=now
    ).select_related("shift"):
        shift = _locked_shift(signup.shift)
        ShiftSignup.objects.filter(pk=signup.pk).delete()
        _promote_waitlisted(shift=shift, places=shift.capacity - _confirmed_count(shift))
    ShiftSignup.objects.filter(volunteer=user, attendance=Attendance.ATTENDED).update(
        volunteer=None
    )
    ShiftSignup.objects.filter(volunteer=user).delete()
    AgendaFeed.objects.filter(user=user).delete()


def shift_data_export(*, user: User) -> dict[str, Any]:
    """The person's shifts, for the personal data download."""
    signups = ShiftSignup.objects.filter(volunteer=user).select_related(
        "shift__plan__vacancy__organisation"
    )
    return {
        "shift_signups": [
            {
                "vacancy": s.shift.plan.vacancy.title,
                "organisation": s.shift.plan.vacancy.organisation.name,
                "shift": s.shift.title,
                "starts_at": s.shift.starts_at.isoformat(),
                "ends_at": s.shift.ends_at.isoformat(),
                "place": s.shift.place,
                "status": s.status,
                "signed_up_at": s.created_at.isoformat(),
                "cancelled_at": s.cancelled_at.isoformat() if s.cancelled_at else None,
                "attendance": s.attendance or None,
                "hours": str(s.hours) if s.hours is not None else None,
            }
            for s in signups
        ],
        "agenda_feed": {"exists": AgendaFeed.objects.filter(user=user).exists()},
    }


# --- Mail


def _absolute(url: str) -> str:
    return settings.SITE_URL.rstrip("/") + url


def _send(*, user: User, subject: str, template: str, context: dict[str, Any]) -> None:
    if not user.is_active or not user.email:
        return
    with translation.override(user.preferred_language or "nl"):
        body = render_to_string(f"shifts/email/{template}.txt", {"user": user, **context})
        subject = _(subject) % context.get("subject_args", {})
    send_mail(subject, body, None, [user.email])


def _shift_context(shift: Shift) -> dict[str, Any]:
    vacancy = shift.plan.vacancy
    return {
        "shift": shift,
        "vacancy": vacancy,
        "schedule_url": _absolute(reverse("shifts:schedule", args=[vacancy.public_id])),
        "agenda_url": _absolute(reverse("shifts:agenda")),
        "subject_args": {"title": vacancy.title},
    }


# The subjects are marked for translation here and translated in _send, in the person's
# language.
SUBJECT_REMINDER = gettext_noop("Reminder: your shift for %(title)s")
SUBJECT_PROMOTED = gettext_noop("You have a place: %(title)s")
SUBJECT_CHANGED = gettext_noop("Your shift for %(title)s has changed")
SUBJECT_REMOVED_SHIFT = gettext_noop("A shift for %(title)s has been cancelled")
SUBJECT_REMOVED = gettext_noop("You are no longer on a shift for %(title)s")


def _mail_reminder(*, signup: ShiftSignup) -> None:
    _send(
        user=signup.volunteer,
        subject=SUBJECT_REMINDER,
        template="reminder",
        context=_shift_context(signup.shift),
    )


def _mail_promoted(*, signup: ShiftSignup) -> None:
    signup = ShiftSignup.objects.select_related("volunteer", "shift__plan__vacancy").get(
        pk=signup.pk
    )
    _send(
        user=signup.volunteer,
        subject=SUBJECT_PROMOTED,
        template="promoted",
        context=_shift_context(signup.shift),
    )


def _mail_changed(*, signup: ShiftSignup) -> None:
    signup = ShiftSignup.objects.select_related("volunteer", "shift__plan__vacancy").get(
        pk=signup.pk
    )
    _send(
        user=signup.volunteer,
        subject=SUBJECT_CHANGED,
        template="changed",
        context={**_shift_context(signup.shift), "signup": signup},
    )


@dataclass(frozen=True)
class _RemovedNotice:
    user: User
    vacancy: Vacancy
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    place: str


def _mail_shift_removed(*, notice: _RemovedNotice) -> None:
    _send(
        user=notice.user,
        subject=SUBJECT_REMOVED_SHIFT,
        template="shift_removed",
        context={
            "notice": notice,
            "vacancy": notice.vacancy,
            "schedule_url": _absolute(reverse("shifts:schedule", args=[notice.vacancy.public_id])),
            "subject_args": {"title": notice.vacancy.title},
        },
    )


def _mail_removed(*, signup: ShiftSignup) -> None:
    _send(
        user=signup.volunteer,
        subject=SUBJECT_REMOVED,
        template="removed",
        context=_shift_context(signup.shift),
    )

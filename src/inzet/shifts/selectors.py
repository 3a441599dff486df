"""Reads of shifts and agendas, and their gatekeepers.

Who comes to a shift is personal data: only the organisation's admins and coordinators see
the roster (``permissions.can_manage_shifts``). The schedule itself (times, places, free
places) is public for a vacancy that is public.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Sum
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from inzet.accounts.models import User
from inzet.core import permissions
from inzet.organisations.models import Organisation
from inzet.vacancies.constants import VacancyStatus
from inzet.vacancies.models import Vacancy

from .constants import ACTIVE_SIGNUP_STATUSES, Attendance, SignupStatus
from .models import AgendaFeed, Shift, ShiftPlan, ShiftSignup

# Statuses in which only the organisation may see the vacancy (and so its schedule).
NOT_PUBLIC_STATUSES = (VacancyStatus.DRAFT, VacancyStatus.SUBMITTED, VacancyStatus.REJECTED)
AGENDA_PAST_DAYS = 30
FEED_PAST_DAYS = 90


def _vacancy_get(*, public_id: UUID) -> Vacancy:
    try:
        return Vacancy.objects.select_related("organisation").get(public_id=public_id)
    except Vacancy.DoesNotExist:
        raise Http404 from None


def vacancy_get_for_shift_management(*, user: User, public_id: UUID) -> Vacancy:
    """A vacancy whose shifts the user may plan: the organisation's admins and coordinators."""
    vacancy = _vacancy_get(public_id=public_id)
    if not permissions.can_manage_shifts(user, vacancy):
        raise Http404
    return vacancy


def vacancy_get_for_schedule(*, user: User, public_id: UUID) -> Vacancy:
    """A vacancy with a shift schedule that the user may see: everyone once it is public, the
    organisation's planners before."""
    vacancy = _vacancy_get(public_id=public_id)
    if not ShiftPlan.objects.filter(vacancy=vacancy).exists():
        raise Http404
    if vacancy.status in NOT_PUBLIC_STATUSES and not permissions.can_manage_shifts(user, vacancy):
        raise Http404
    return vacancy


def shift_plan_for_vacancy(*, vacancy: Vacancy) -> ShiftPlan | None:
    return ShiftPlan.objects.filter(vacancy=vacancy).first()


def _shift_get(*, shift_id: UUID) -> Shift:
    try:
        return Shift.objects.select_related(
            "plan__vacancy__organisation", "required_skill"
        ).get(public_id=shift_id)
    except Shift.DoesNotExist:
        raise Http404 from None


def shift_get_for_management(*, user: User, shift_id: UUID) -> Shift:
    """A shift whose roster and attendance the user may handle."""
    shift = _shift_get(shift_id=shift_id)
    if not permissions.can_manage_shifts(user, shift.plan.vacancy):
        raise Http404
    return shift


def shift_get_for_sign_up(*, user: User, shift_id: UUID) -> Shift:
    """A shift the user may try to sign up for (the service checks the rules and explains)."""
    shift = _shift_get(shift_id=shift_id)
    vacancy = shift.plan.vacancy
    if vacancy.status in NOT_PUBLIC_STATUSES and not permissions.can_manage_shifts(user, vacancy):
        raise Http404
    return shift


def signup_get_for_cancel(*, user: User, signup_id: UUID) -> ShiftSignup:
    """The person's own sign-up, or any sign-up of a shift the user manages."""
    try:
        signup = ShiftSignup.objects.select_related(
            "shift__plan__vacancy__organisation", "volunteer"
        ).get(public_id=signup_id)
    except ShiftSignup.DoesNotExist:
        raise Http404 from None
    if not user.is_authenticated:
        raise Http404
    if signup.volunteer_id != user.pk and not permissions.can_manage_shifts(
        user, signup.shift.plan.vacancy
    ):
        raise Http404
    return signup


def organisation_get_for_shift_statistics(*, user: User, organisation_id: UUID) -> Organisation:
    """The organisation, for its admins and coordinators (those who plan shifts)."""
    try:
        organisation = Organisation.objects.get(public_id=organisation_id)
    except Organisation.DoesNotExist:
        raise Http404 from None
    if not permissions.can_manage_vacancies(user, organisation):
        raise Http404
    return organisation


def schedule_for_vacancy(*, vacancy: Vacancy, viewer: User | None) -> list[Shift]:
    """The shifts of a vacancy with ``confirmed_count``, ``waitlist_count``, ``free_places``
    and the viewer's own sign-up (``own_status``, ``own_signup_id``): one query."""
    shifts = Shift.objects.filter(plan__vacancy=vacancy).select_related("required_skill")
    shifts = shifts.annotate(
        confirmed_count=Count("signups", filter=Q(signups__status=SignupStatus.CONFIRMED)),
        waitlist_count=Count("signups", filter=Q(signups__status=SignupStatus.WAITLISTED)),
    )
    if viewer is not None and viewer.is_authenticated:
        own = ShiftSignup.objects.filter(
            shift=OuterRef("pk"), volunteer=viewer, status__in=ACTIVE_SIGNUP_STATUSES
        )
        shifts = shifts.annotate(
            own_status=Subquery(own.values("status")[:1]),
            own_signup_id=Subquery(own.values("public_id")[:1]),
        )
    result = list(shifts.order_by("starts_at", "pk"))
    now = timezone.now()
    for shift in result:
        shift.free_places = max(shift.capacity - shift.confirmed_count, 0)
        shift.has_started = shift.starts_at <= now
        if not hasattr(shift, "own_status"):
            shift.own_status, shift.own_signup_id = None, None
    return result


def roster_for_shift(*, shift: Shift) -> dict[str, list[ShiftSignup]]:
    """Who comes (in sign-up order) and who waits (in waiting-list order)."""
    signups = list(
        shift.signups.filter(status__in=ACTIVE_SIGNUP_STATUSES)
        .select_related("volunteer")
        .order_by("created_at", "pk")
    )
    return {
        "confirmed": [s for s in signups if s.status == SignupStatus.CONFIRMED],
        "waitlisted": [s for s in signups if s.status == SignupStatus.WAITLISTED],
    }


def shifts_for_plan(*, plan: ShiftPlan) -> QuerySet[Shift]:
    return plan.shifts.annotate(
        confirmed_count=Count("signups", filter=Q(signups__status=SignupStatus.CONFIRMED)),
        waitlist_count=Count("signups", filter=Q(signups__status=SignupStatus.WAITLISTED)),
    ).order_by("starts_at", "pk")


@dataclass(frozen=True)
class AgendaItem:
    """One entry in a person's agenda: a shift or an on-call assignment."""

    kind: str  # "shift" or "oncall"
    uid: str
    title: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    place: str
    url: str
    signup: ShiftSignup | None = None


def _shift_item(signup: ShiftSignup) -> AgendaItem:
    shift = signup.shift
    vacancy = shift.plan.vacancy
    title = f"{vacancy.title}: {shift.title}" if shift.title else vacancy.title
    return AgendaItem(
        kind="shift",
        uid=f"{signup.public_id}@inzet",
        title=title,
        starts_at=shift.starts_at,
        ends_at=shift.ends_at,
        place=shift.place,
        url=reverse("shifts:schedule", args=[vacancy.public_id]),
        signup=signup,
    )


def _oncall_items(user: User, since: datetime.datetime) -> list[AgendaItem]:
    """On-call assignments from the oncall app (its public selector), when it is installed."""
    try:
        from inzet.oncall.selectors import confirmed_assignments_for_user
    except ImportError:  # the oncall app is optional for the agenda
        return []
    # The request pages are the coordinator's; the volunteer's own overview is "my requests".
    url = reverse("oncall:my-requests")
    items = []
    for assignment in confirmed_assignments_for_user(user):
        ends_at = assignment.ends_at or assignment.starts_at
        if ends_at < since:
            continue
        items.append(
            AgendaItem(
                kind="oncall",
                uid=f"{assignment.public_id}@inzet",
                title=assignment.title,
                starts_at=assignment.starts_at,
                ends_at=ends_at,
                place=assignment.place or "",
                url=url,
            )
        )
    return items


def _own_signups(user: User) -> QuerySet[ShiftSignup]:
    return ShiftSignup.objects.filter(volunteer=user).select_related(
        "shift__plan__vacancy__organisation"
    )


def agenda_for_user(*, user: User) -> dict[str, Any]:
    """The person's agenda: ``upcoming`` (confirmed shifts and on-call assignments, by start),
    ``waitlisted`` (places on waiting lists) and ``recent`` (shifts of the last 30 days)."""
    now = timezone.now()
    signups = _own_signups(user).filter(
        Q(status__in=ACTIVE_SIGNUP_STATUSES, shift__ends_at__gte=now)
        | Q(
            status=SignupStatus.CONFIRMED,
            shift__ends_at__lt=now,
            shift__ends_at__gte=now - datetime.timedelta(days=AGENDA_PAST_DAYS),
        )
    )
    upcoming, waitlisted, recent = [], [], []
    for signup in signups.order_by("shift__starts_at"):
        item = _shift_item(signup)
        if signup.shift.ends_at < now:
            recent.append(item)
        elif signup.status == SignupStatus.WAITLISTED:
            waitlisted.append(item)
        else:
            upcoming.append(item)
    upcoming += _oncall_items(user, since=now)
    upcoming.sort(key=lambda item: item.starts_at)
    recent.reverse()
    return {"upcoming": upcoming, "waitlisted": waitlisted, "recent": recent}


def agenda_feed_items(*, user: User) -> list[AgendaItem]:
    """What the iCalendar feed holds: confirmed shifts (also of the last 90 days, so calendars
    keep them) and on-call assignments. Waiting-list places are not appointments yet."""
    since = timezone.now() - datetime.timedelta(days=FEED_PAST_DAYS)
    signups = _own_signups(user).filter(
        status=SignupStatus.CONFIRMED, shift__ends_at__gte=since
    ).order_by("shift__starts_at")
    items = [_shift_item(s) for s in signups] + _oncall_items(user, since=since)
    items.sort(key=lambda item: item.starts_at)
    return items


def feed_owner_for_token(*, token: str) -> User | None:
    """The active person whose private feed this token opens, or None."""
    feed = AgendaFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        return None
    return feed.user


@dataclass
class ShiftStatistics:
    shifts: int = 0
    places: int = 0
    signups: int = 0
    attended: int = 0
    no_shows: int = 0
    hours: Decimal = Decimal(0)


def organisation_shift_statistics(*, organisation: Organisation) -> dict[str, Any]:
    """Per vacancy and in total: shifts, places, people with a place, who came, who did not
    come, and hours (the hours recorded at attendance)."""
    rows = []
    total = ShiftStatistics()
    vacancies = (
        Vacancy.objects.filter(organisation=organisation, shift_plan__isnull=False)
        .annotate(
            shift_count=Count("shift_plan__shifts", distinct=True),
            place_count=Sum("shift_plan__shifts__capacity", distinct=False),
        )
        .order_by("title")
    )
    signup_stats = {
        row["shift__plan__vacancy"]: row
        for row in ShiftSignup.objects.filter(shift__plan__vacancy__organisation=organisation)
        .values("shift__plan__vacancy")
        .annotate(
            signups=Count("pk", filter=Q(status=SignupStatus.CONFIRMED)),
            attended=Count("pk", filter=Q(attendance=Attendance.ATTENDED)),
            no_shows=Count("pk", filter=Q(attendance=Attendance.NO_SHOW)),
            hours=Sum("hours", filter=Q(attendance=Attendance.ATTENDED)),
        )
    }
    for vacancy in vacancies:
        found = signup_stats.get(vacancy.pk, {})
        stats = ShiftStatistics(
            shifts=vacancy.shift_count,
            places=vacancy.place_count or 0,
            signups=found.get("signups", 0),
            attended=found.get("attended", 0),
            no_shows=found.get("no_shows", 0),
            hours=found.get("hours") or Decimal(0),
        )
        rows.append({"vacancy": vacancy, "stats": stats})
        for name in ("shifts", "places", "signups", "attended", "no_shows", "hours"):
            setattr(total, name, getattr(total, name) + getattr(stats, name))
    return {"rows": rows, "total": total}


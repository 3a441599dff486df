"""Shift pages: the public schedule, planning, the roster and attendance, the personal agenda
and its private iCalendar feed."""

import csv
import datetime
import io
from uuid import UUID
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

import icalendar
from openpyxl import Workbook

from inzet.audit.services import audit_log
from inzet.core import permissions
from inzet.core.forms import form_add_validation_error
from inzet.vacancies.services.responses import vacancy_is_open

from . import selectors, services
from .constants import SignupStatus
from .forms import AttendanceForm, ShiftForm, ShiftPlanForm


def _schedule_url(vacancy) -> str:
    return reverse("shifts:schedule", args=[vacancy.public_id])


def _manage_url(vacancy) -> str:
    return reverse("shifts:manage", args=[vacancy.public_id])


# --- The public schedule and signing up


@require_GET
def schedule(request: HttpRequest, public_id: UUID) -> HttpResponse:
    vacancy = selectors.vacancy_get_for_schedule(user=request.user, public_id=public_id)
    shifts = selectors.schedule_for_vacancy(vacancy=vacancy, viewer=request.user)
    plan = selectors.shift_plan_for_vacancy(vacancy=vacancy)
    return render(
        request,
        "shifts/schedule.html",
        {
            "vacancy": vacancy,
            "plan": plan,
            "shifts": shifts,
            "is_open": vacancy_is_open(vacancy=vacancy),
            "can_manage": permissions.can_manage_shifts(request.user, vacancy),
            "login_url": f"{reverse('account_login')}?next={_schedule_url(vacancy)}",
        },
    )


@require_POST
def signup_create(request: HttpRequest, shift_id: UUID) -> HttpResponse:
    shift = selectors.shift_get_for_sign_up(user=request.user, shift_id=shift_id)
    vacancy = shift.plan.vacancy
    if not request.user.is_authenticated:
        # Back to the schedule after logging in: this address only takes a POST.
        return redirect_to_login(_schedule_url(vacancy))
    try:
        signup = services.shift_sign_up(shift=shift, volunteer=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if signup.status == SignupStatus.CONFIRMED:
            messages.success(
                request, _("You have a place. The shift is in your agenda.")
            )
        else:
            messages.success(
                request,
                _(
                    "The shift is full, so you are on the waiting list. If a place frees up, "
                    "it is yours and we will e-mail you."
                ),
            )
    return redirect(f"{_schedule_url(vacancy)}#dienst-{shift.public_id}")


@login_required
@require_POST
def signup_cancel(request: HttpRequest, signup_id: UUID) -> HttpResponse:
    signup = selectors.signup_get_for_cancel(user=request.user, signup_id=signup_id)
    is_own = signup.volunteer_id == request.user.pk
    try:
        services.shift_signup_cancel(signup=signup, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if is_own:
            messages.success(
                request, _("You have cancelled. The shift is no longer in your agenda.")
            )
        else:
            messages.success(
                request, _("The person has been taken off the list and told by e-mail.")
            )
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("shifts:agenda")
    return redirect(target)


# --- Planning (the organisation's admins and coordinators)


@login_required
@require_http_methods(["GET", "POST"])
def plan_manage(request: HttpRequest, public_id: UUID) -> HttpResponse:
    vacancy = selectors.vacancy_get_for_shift_management(user=request.user, public_id=public_id)
    plan = selectors.shift_plan_for_vacancy(vacancy=vacancy)
    initial = {"cancel_deadline_hours": plan.cancel_deadline_hours if plan else 24}
    form = ShiftPlanForm(request.POST if request.method == "POST" else None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            hours = form.cleaned_data["cancel_deadline_hours"]
            try:
                if plan is None:
                    plan = services.shift_plan_create(
                        vacancy=vacancy, actor=request.user, cancel_deadline_hours=hours
                    )
                    messages.success(request, _("The shift schedule is made. Add the shifts."))
                else:
                    services.shift_plan_update(
                        plan=plan, actor=request.user, cancel_deadline_hours=hours
                    )
                    messages.success(request, _("The changes have been saved."))
            except ValidationError as exc:
                form_add_validation_error(form, exc)
            else:
                return redirect(_manage_url(vacancy))
        status = 422
    return render(
        request,
        "shifts/manage.html",
        {
            "vacancy": vacancy,
            "plan": plan,
            "form": form,
            "shifts": selectors.shifts_for_plan(plan=plan) if plan else [],
            "now": timezone.now(),
        },
        status=status,
    )


def _plan_or_404(vacancy):
    plan = selectors.shift_plan_for_vacancy(vacancy=vacancy)
    if plan is None:
        raise Http404
    return plan


@login_required
@require_http_methods(["GET", "POST"])
def shift_create(request: HttpRequest, public_id: UUID) -> HttpResponse:
    vacancy = selectors.vacancy_get_for_shift_management(user=request.user, public_id=public_id)
    plan = _plan_or_404(vacancy)
    form = ShiftForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.shift_create(plan=plan, actor=request.user, data=form.to_data())
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(request, _("The shift has been added."))
            return redirect(_manage_url(vacancy))
    return render(
        request,
        "shifts/shift_form.html",
        {"vacancy": vacancy, "form": form, "shift": None},
        status=422 if form.is_bound else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def shift_edit(request: HttpRequest, shift_id: UUID) -> HttpResponse:
    shift = selectors.shift_get_for_management(user=request.user, shift_id=shift_id)
    vacancy = shift.plan.vacancy
    form = ShiftForm(
        request.POST if request.method == "POST" else None, initial=ShiftForm.initial_for(shift)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.shift_update(shift=shift, actor=request.user, data=form.to_data())
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(request, _("The shift has been changed."))
            return redirect(_manage_url(vacancy))
    return render(
        request,
        "shifts/shift_form.html",
        {"vacancy": vacancy, "form": form, "shift": shift},
        status=422 if form.is_bound else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def shift_delete(request: HttpRequest, shift_id: UUID) -> HttpResponse:
    shift = selectors.shift_get_for_management(user=request.user, shift_id=shift_id)
    vacancy = shift.plan.vacancy
    if request.method == "POST":
        try:
            services.shift_delete(shift=shift, actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, _("The shift has been removed. Everyone on it has been told by e-mail.")
            )
        return redirect(_manage_url(vacancy))
    roster = selectors.roster_for_shift(shift=shift)
    return render(
        request,
        "shifts/shift_delete.html",
        {
            "vacancy": vacancy,
            "shift": shift,
            "people": len(roster["confirmed"]) + len(roster["waitlisted"]),
        },
    )


# --- Roster, export and attendance


@login_required
@require_GET
def roster(request: HttpRequest, shift_id: UUID) -> HttpResponse:
    shift = selectors.shift_get_for_management(user=request.user, shift_id=shift_id)
    return render(
        request,
        "shifts/roster.html",
        {
            "shift": shift,
            "vacancy": shift.plan.vacancy,
            "roster": selectors.roster_for_shift(shift=shift),
            "has_started": shift.starts_at <= timezone.now(),
        },
    )


def _export_rows(shift) -> list[list[str]]:
    roster = selectors.roster_for_shift(shift=shift)
    rows = [[_("Name"), _("E-mail address"), _("Status"), _("Attendance"), _("Hours")]]
    for signup in roster["confirmed"] + roster["waitlisted"]:
        person = signup.volunteer
        rows.append(
            [
                person.display_name if person else _("Removed user"),
                person.email if person else "",
                signup.get_status_display(),
                signup.get_attendance_display() if signup.attendance else "",
                str(signup.hours).replace(".", ",") if signup.hours is not None else "",
            ]
        )
    return rows


@login_required
@require_GET
def roster_export(request: HttpRequest, shift_id: UUID, file_format: str) -> HttpResponse:
    shift = selectors.shift_get_for_management(user=request.user, shift_id=shift_id)
    if file_format not in ("csv", "xlsx"):
        raise Http404
    rows = _export_rows(shift)
    # The list leaves the platform with people's names and e-mail addresses: keep a trail.
    audit_log(
        actor=request.user,
        action="shift.roster_exported",
        target=shift,
        details={"format": file_format, "people": len(rows) - 1},
    )
    filename = f"dienst-{timezone.localtime(shift.starts_at):%Y-%m-%d}.{file_format}"
    if file_format == "csv":
        buffer = io.StringIO()
        buffer.write("\ufeff")  # a BOM, so Excel reads UTF-8
        csv.writer(buffer, delimiter=";").writerows(rows)  # ";": Dutch Excel's separator
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = filename[:-5][:31]
        for row in rows:
            sheet.append(row)
        output = io.BytesIO()
        workbook.save(output)
        response = HttpResponse(
            output.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def attendance(request: HttpRequest, shift_id: UUID) -> HttpResponse:
    shift = selectors.shift_get_for_management(user=request.user, shift_id=shift_id)
    signups = selectors.roster_for_shift(shift=shift)["confirmed"]
    form = AttendanceForm(
        request.POST if request.method == "POST" else None,
        signups=signups,
        default_hours=services.shift_duration_hours(shift=shift),
    )
    has_started = shift.starts_at <= timezone.now()
    if request.method == "POST" and form.is_valid():
        try:
            services.shift_attendance_record(
                shift=shift, actor=request.user, entries=form.to_entries()
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(request, _("The attendance has been saved."))
            return redirect("shifts:roster", shift_id=shift.public_id)
    return render(
        request,
        "shifts/attendance.html",
        {
            "shift": shift,
            "vacancy": shift.plan.vacancy,
            "form": form,
            "has_started": has_started,
        },
        status=422 if form.is_bound else 200,
    )


@login_required
@require_GET
def organisation_statistics(request: HttpRequest, organisation_id: UUID) -> HttpResponse:
    organisation = selectors.organisation_get_for_shift_statistics(
        user=request.user, organisation_id=organisation_id
    )
    return render(
        request,
        "shifts/organisation_statistics.html",
        {
            "organisation": organisation,
            **selectors.organisation_shift_statistics(organisation=organisation),
        },
    )


# --- The personal agenda and its feed


def _feed_url(request: HttpRequest, token: str) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("shifts:feed", args=[token])


@login_required
@require_GET
def agenda(request: HttpRequest) -> HttpResponse:
    feed = services.agenda_feed_get_or_create(user=request.user)
    context = selectors.agenda_for_user(user=request.user)
    for item in context["upcoming"] + context["waitlisted"]:
        if item.signup is not None:
            item.signup.can_cancel = services.shift_signup_can_cancel(signup=item.signup)
    return render(
        request,
        "shifts/agenda.html",
        {**context, "feed_url": _feed_url(request, feed.token)},
    )


@login_required
@require_POST
def feed_renew(request: HttpRequest) -> HttpResponse:
    services.agenda_feed_renew(user=request.user)
    messages.success(
        request,
        _(
            "You have a new agenda link. The old link no longer works: add the new one to your "
            "calendar app."
        ),
    )
    return redirect("shifts:agenda")


@require_GET
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The private iCalendar feed: the token in the address is the key (no login, because
    calendar apps cannot log in)."""
    owner = selectors.feed_owner_for_token(token=token)
    if owner is None:
        raise Http404
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Inzet//Agenda//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _("Inzet: my agenda"))
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now().astimezone(datetime.UTC)
    site = settings.SITE_URL.rstrip("/")
    zone = ZoneInfo(settings.TIME_ZONE)
    for item in selectors.agenda_feed_items(user=owner):
        event = icalendar.Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("summary", item.title)
        # Local wall-clock time with TZID=Europe/Amsterdam (and a VTIMEZONE below), so
        # calendar apps show the right hour on both sides of a daylight-saving change.
        event.add("dtstart", item.starts_at.astimezone(zone))
        event.add("dtend", item.ends_at.astimezone(zone))
        if item.place:
            event.add("location", item.place)
        if item.url:
            event.add("description", _("Details: %(url)s") % {"url": site + item.url})
            event.add("url", site + item.url)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    response["Content-Disposition"] = 'inline; filename="inzet-agenda.ics"'
    return response

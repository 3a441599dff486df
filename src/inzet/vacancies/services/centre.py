"""Volunteer centres: their settings, reviewing submitted vacancies (see lifecycle.py), and
the warning about responses nobody answers."""

import datetime
from collections import defaultdict

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from inzet.organisations.models import VolunteerCentre
from inzet.vacancies.constants import ResponseStatus
from inzet.vacancies.models import CentrePolicy, Response
from inzet.vacancies.selectors.centre import centre_area_q, centre_policy_get

from .lifecycle import centre_recipient_emails

MIN_WARNING_DAYS, MAX_WARNING_DAYS = 1, 30


@transaction.atomic
def centre_policy_update(
    *, centre: VolunteerCentre, requires_approval: bool, unanswered_warning_days: int
) -> CentrePolicy:
    if not MIN_WARNING_DAYS <= unanswered_warning_days <= MAX_WARNING_DAYS:
        raise ValidationError(
            {
                "unanswered_warning_days": ValidationError(
                    _("Fill in a number of working days from %(min)s to %(max)s.")
                    % {"min": MIN_WARNING_DAYS, "max": MAX_WARNING_DAYS},
                    code="out_of_range",
                )
            }
        )
    policy, _created = CentrePolicy.objects.update_or_create(
        centre=centre,
        defaults={
            "requires_approval": requires_approval,
            "unanswered_warning_days": unanswered_warning_days,
        },
    )
    return policy


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Working days (Monday–Friday) after ``start`` up to and including ``end``.

    A response from a Friday is 5 working days old on the next Friday.
    """
    days = 0
    day = start + datetime.timedelta(days=1)
    while day <= end:
        if day.weekday() < 5:
            days += 1
        day += datetime.timedelta(days=1)
    return days


def working_days_cutoff(*, today: datetime.date, days: int) -> datetime.date:
    """The latest date that is at least ``days`` working days before ``today``."""
    counted, day = 0, today
    while True:
        if day.weekday() < 5:
            counted += 1
            if counted >= days:
                return day - datetime.timedelta(days=1)
        day -= datetime.timedelta(days=1)


def responses_warn_unanswered(*, today: datetime.date | None = None) -> int:
    """Mail each centre the new responses in its area nobody has answered for its number of
    working days; each response is reported once (safe to run twice). Returns mails sent."""
    today = today or timezone.localdate()
    tz = timezone.get_current_timezone()
    warned: set[int] = set()
    per_centre: dict[VolunteerCentre, list[Response]] = defaultdict(list)
    for centre in VolunteerCentre.objects.prefetch_related("municipalities_served"):
        policy = centre_policy_get(centre=centre)
        cutoff = working_days_cutoff(today=today, days=policy.unanswered_warning_days)
        before = datetime.datetime.combine(
            cutoff + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
        )
        per_centre[centre] = list(
            Response.objects.filter(
                centre_area_q(centre=centre, prefix="vacancy__"),
                status=ResponseStatus.NEW,
                answered_at__isnull=True,
                centre_warned_at__isnull=True,
                created_at__lt=before,
            )
            .select_related("vacancy__organisation")
            .order_by("created_at")
        )
    sent = 0
    for centre, responses in per_centre.items():
        recipients = centre_recipient_emails(centre=centre)
        if not responses or not recipients:
            continue
        _send_unanswered_warning(centre=centre, responses=responses, recipients=recipients)
        warned.update(r.pk for r in responses)
        sent += 1
    if warned:
        Response.objects.filter(pk__in=warned, centre_warned_at__isnull=True).update(
            centre_warned_at=timezone.now()
        )
    return sent


def _send_unanswered_warning(
    *, centre: VolunteerCentre, responses: list[Response], recipients: list[str]
) -> None:
    url = settings.SITE_URL.rstrip("/") + (
        reverse("vacancies:centre-overview", args=[centre.public_id]) + "?reactiestatus=new"
    )
    items = [
        {
            "response": r,
            "url": settings.SITE_URL.rstrip("/")
            + reverse("vacancies:vacancy-responses", args=[r.vacancy.public_id]),
        }
        for r in responses
    ]
    with translation.override("nl"):
        subject = ngettext(
            "%(count)s response is waiting for an answer",
            "%(count)s responses are waiting for an answer",
            len(responses),
        ) % {"count": len(responses)}
        body = render_to_string(
            "vacancies/email/unanswered_warning.txt",
            {"centre": centre, "items": items, "url": url},
        )
    send_mail(subject, body, None, recipients)

"""The vacancy lifecycle: a small state machine, and creating, editing and copying vacancies.

    draft ──publish──▶ published            (no responsible centre wants to approve)
    draft ──publish──▶ submitted ──approve──▶ published
                       submitted ──reject───▶ rejected ──publish──▶ (again as from draft)
    published ⇄ paused                      (pause / resume)
    published, paused ──fill──▶ filled ;  ──close──▶ closed
    published ──expire──▶ expired           (daily, when expires_on lies in the past)

Every other move raises a ValidationError. Notifications go by e-mail, each with a link.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.geo.selectors import postcode_area_get
from inzet.organisations.constants import OrganisationRole
from inzet.organisations.models import Organisation, Sector, VolunteerCentre
from inzet.vacancies.constants import VacancyStatus
from inzet.vacancies.models import Vacancy
from inzet.vacancies.selectors.vacancies import (
    vacancy_requires_approval,
    vacancy_responsible_centres,
)
from inzet.volunteers.constants import ALL_SLOTS, DutchLevel, VacancyForm
from inzet.volunteers.models import Skill

MAX_HOURS_PER_WEEK = 80
MAX_MIN_AGE = 99

# action → (statuses it may start from, status it leads to). "publish" may also lead to
# SUBMITTED; see vacancy_publish.
TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "publish": (
        frozenset({VacancyStatus.DRAFT, VacancyStatus.REJECTED}),
        VacancyStatus.PUBLISHED,
    ),
    "approve": (frozenset({VacancyStatus.SUBMITTED}), VacancyStatus.PUBLISHED),
    "reject": (frozenset({VacancyStatus.SUBMITTED}), VacancyStatus.REJECTED),
    "pause": (frozenset({VacancyStatus.PUBLISHED}), VacancyStatus.PAUSED),
    "resume": (frozenset({VacancyStatus.PAUSED}), VacancyStatus.PUBLISHED),
    "fill": (
        frozenset({VacancyStatus.PUBLISHED, VacancyStatus.PAUSED}),
        VacancyStatus.FILLED,
    ),
    "close": (
        frozenset({VacancyStatus.PUBLISHED, VacancyStatus.PAUSED}),
        VacancyStatus.CLOSED,
    ),
    "expire": (frozenset({VacancyStatus.PUBLISHED}), VacancyStatus.EXPIRED),
}
# What an organisation can do from its vacancy list (the centre approves and rejects).
ORGANISATION_ACTIONS = ("publish", "pause", "resume", "fill", "close")
EDITABLE_STATUSES = frozenset(
    {
        VacancyStatus.DRAFT,
        VacancyStatus.SUBMITTED,
        VacancyStatus.REJECTED,
        VacancyStatus.PUBLISHED,
        VacancyStatus.PAUSED,
    }
)


def vacancy_allowed_actions(*, vacancy: Vacancy) -> list[str]:
    """The organisation's actions that are possible now, in a stable order."""
    return [a for a in ORGANISATION_ACTIONS if vacancy.status in TRANSITIONS[a][0]]


def vacancy_is_editable(*, vacancy: Vacancy) -> bool:
    return vacancy.status in EDITABLE_STATUSES


# --- Creating and editing


@dataclass
class VacancyData:
    """Everything an organisation fills in for a vacancy (the form and the import use it)."""

    title: str
    description: str
    sector: Sector
    form: str
    tasks: str = ""
    is_online: bool = False
    postcode: str = ""
    hours_per_week: Decimal | None = None
    schedule: int = 0
    starts_on: datetime.date | None = None
    ends_on: datetime.date | None = None
    min_age: int = 0
    vog_required: bool = False
    dutch_level_needed: int = DutchLevel.NONE
    suitable_youth: bool = False
    suitable_newcomers: bool = False
    suitable_distance_labour_market: bool = False
    suitable_55_plus: bool = False
    wheelchair_accessible: bool = False
    training_offered: bool = False
    expense_allowance: str = ""
    skills: Iterable[Skill] = field(default_factory=list)
    contact_name: str = ""
    contact_email: str = ""
    expires_on: datetime.date | None = None


_PLAIN_FIELDS = (
    "title",
    "description",
    "tasks",
    "sector",
    "form",
    "is_online",
    "hours_per_week",
    "schedule",
    "starts_on",
    "ends_on",
    "min_age",
    "vog_required",
    "dutch_level_needed",
    "suitable_youth",
    "suitable_newcomers",
    "suitable_distance_labour_market",
    "suitable_55_plus",
    "wheelchair_accessible",
    "training_offered",
    "expense_allowance",
    "contact_name",
    "contact_email",
    "expires_on",
)


def _vacancy_clean(*, data: VacancyData, today: datetime.date, vacancy: Vacancy | None) -> dict:
    """Check the data; return the place fields. Raises one ValidationError naming every field."""
    errors: dict[str, list[ValidationError]] = {}

    def add(name: str, message: str, code: str) -> None:
        errors.setdefault(name, []).append(ValidationError(message, code=code))

    if not data.title.strip():
        add("title", _("Give the vacancy a title."), "required")
    if not data.description.strip():
        add("description", _("Describe the vacancy."), "required")
    if data.form not in VacancyForm.values:
        add("form", _("Choose the kind of volunteer work."), "invalid_choice")
    place: dict[str, Any] = {
        "postcode_area": None,
        "municipality": None,
        "latitude": None,
        "longitude": None,
    }
    if not data.is_online:
        if not data.postcode.strip():
            add(
                "postcode",
                _("Fill in the postcode where the work takes place, or choose online."),
                "required",
            )
        else:
            try:
                area = postcode_area_get(postcode=data.postcode)
            except ValidationError as exc:
                errors.setdefault("postcode", []).extend(exc.error_list)
            else:
                place = {
                    "postcode_area": area,
                    "municipality": area.municipality,
                    "latitude": area.latitude,
                    "longitude": area.longitude,
                }
    if data.hours_per_week is not None and not 0 <= data.hours_per_week <= MAX_HOURS_PER_WEEK:
        add(
            "hours_per_week",
            _("Fill in a number of hours per week from 0 to %(max)s.")
            % {"max": MAX_HOURS_PER_WEEK},
            "out_of_range",
        )
    if not 0 <= data.schedule <= ALL_SLOTS:
        add("schedule", _("Choose the day parts from the week grid."), "invalid")
    if data.starts_on and data.ends_on and data.ends_on < data.starts_on:
        add("ends_on", _("The end date must be on or after the start date."), "before_start")
    unchanged_expiry = vacancy is not None and vacancy.expires_on == data.expires_on
    if data.expires_on and data.expires_on < today and not unchanged_expiry:
        add("expires_on", _("Choose a date from today onwards."), "in_past")
    if not 0 <= data.min_age <= MAX_MIN_AGE:
        add(
            "min_age",
            _("Fill in a minimum age from 0 to %(max)s.") % {"max": MAX_MIN_AGE},
            "out_of_range",
        )
    if data.dutch_level_needed not in DutchLevel.values:
        add("dutch_level_needed", _("Choose the level of Dutch needed."), "invalid_choice")
    if errors:
        raise ValidationError(errors)
    return place


def _vacancy_apply(*, vacancy: Vacancy, data: VacancyData, place: dict[str, Any]) -> None:
    for name in _PLAIN_FIELDS:
        setattr(vacancy, name, getattr(data, name))
    vacancy.title = vacancy.title.strip()
    for name, value in place.items():
        setattr(vacancy, name, value)


@transaction.atomic
def vacancy_create(*, organisation: Organisation, actor: User | None, data: VacancyData) -> Vacancy:
    """A new vacancy, as a draft. Publish it with vacancy_publish."""
    place = _vacancy_clean(data=data, today=timezone.localdate(), vacancy=None)
    vacancy = Vacancy(organisation=organisation, created_by=actor, status=VacancyStatus.DRAFT)
    _vacancy_apply(vacancy=vacancy, data=data, place=place)
    vacancy.save()
    vacancy.skills.set(list(data.skills))
    return vacancy


@transaction.atomic
def vacancy_update(*, vacancy: Vacancy, actor: User | None, data: VacancyData) -> Vacancy:
    if not vacancy_is_editable(vacancy=vacancy):
        raise ValidationError(
            _("This vacancy is %(status)s and can no longer be changed. Make a copy instead.")
            % {"status": vacancy.get_status_display().lower()},
            code="not_editable",
        )
    place = _vacancy_clean(data=data, today=timezone.localdate(), vacancy=vacancy)
    _vacancy_apply(vacancy=vacancy, data=data, place=place)
    vacancy.updated_at = timezone.now()
    vacancy.save()
    vacancy.skills.set(list(data.skills))
    return vacancy


@transaction.atomic
def vacancy_copy(*, vacancy: Vacancy, actor: User | None) -> Vacancy:
    """A new draft with the same content; dates in the past are left empty."""
    today = timezone.localdate()
    # The vacancy's content is Dutch whatever the screen language, so the prefix is too.
    prefix = "Kopie van"
    copy = Vacancy(
        organisation=vacancy.organisation,
        created_by=actor,
        status=VacancyStatus.DRAFT,
        postcode_area=vacancy.postcode_area,
        municipality=vacancy.municipality,
        latitude=vacancy.latitude,
        longitude=vacancy.longitude,
    )
    for name in _PLAIN_FIELDS:
        setattr(copy, name, getattr(vacancy, name))
    copy.title = f"{prefix} {vacancy.title}"[: Vacancy._meta.get_field("title").max_length]
    if copy.expires_on and copy.expires_on < today:
        copy.expires_on = None
    copy.save()
    copy.skills.set(vacancy.skills.all())
    return copy


# --- Transitions


def _locked(vacancy: Vacancy) -> Vacancy:
    locked = Vacancy.objects.select_for_update().select_related("organisation").get(pk=vacancy.pk)
    vacancy.status = locked.status
    return locked


def _check(vacancy: Vacancy, action: str) -> str:
    sources, target = TRANSITIONS[action]
    if vacancy.status not in sources:
        raise ValidationError(
            _("A vacancy that is %(status)s cannot be changed this way.")
            % {"status": vacancy.get_status_display().lower()},
            code="illegal_transition",
        )
    return target


def _save_status(vacancy: Vacancy, original: Vacancy, status: str, **extra: Any) -> Vacancy:
    vacancy.status = status
    vacancy.updated_at = timezone.now()
    for name, value in extra.items():
        setattr(vacancy, name, value)
    vacancy.save(update_fields=["status", "updated_at", *extra])
    for name in ("status", "updated_at", *extra):
        setattr(original, name, getattr(vacancy, name))
    return original


def _check_not_expired(vacancy: Vacancy) -> None:
    if vacancy.expires_on and vacancy.expires_on < timezone.localdate():
        raise ValidationError(
            {
                "expires_on": ValidationError(
                    _("The date until which the vacancy is visible has passed. Choose a new one."),
                    code="in_past",
                )
            }
        )


@transaction.atomic
def vacancy_publish(*, vacancy: Vacancy, actor: User | None) -> Vacancy:
    """Publish now, or submit for approval when a responsible centre wants to approve first."""
    locked = _locked(vacancy)
    _check(locked, "publish")
    _check_not_expired(locked)
    if vacancy_requires_approval(vacancy=locked):
        _save_status(locked, vacancy, VacancyStatus.SUBMITTED, rejection_reason="")
        transaction.on_commit(lambda: _notify_centres_submitted(vacancy=vacancy))
        return vacancy
    return _save_status(
        locked, vacancy, VacancyStatus.PUBLISHED, published_at=timezone.now(), rejection_reason=""
    )


@transaction.atomic
def vacancy_approve(*, vacancy: Vacancy, actor: User | None) -> Vacancy:
    locked = _locked(vacancy)
    _check(locked, "approve")
    _save_status(locked, vacancy, VacancyStatus.PUBLISHED, published_at=timezone.now())
    transaction.on_commit(lambda: _notify_organisation_reviewed(vacancy=vacancy))
    return vacancy


@transaction.atomic
def vacancy_reject(*, vacancy: Vacancy, actor: User | None, reason: str) -> Vacancy:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {
                "reason": ValidationError(
                    _("Tell the organisation why the vacancy is not approved."), code="required"
                )
            }
        )
    locked = _locked(vacancy)
    _check(locked, "reject")
    _save_status(locked, vacancy, VacancyStatus.REJECTED, rejection_reason=reason)
    transaction.on_commit(lambda: _notify_organisation_reviewed(vacancy=vacancy))
    return vacancy


def _simple_transition(action: str) -> Callable[..., Vacancy]:
    @transaction.atomic
    def run(*, vacancy: Vacancy, actor: User | None) -> Vacancy:
        locked = _locked(vacancy)
        target = _check(locked, action)
        if action == "resume":
            _check_not_expired(locked)
        return _save_status(locked, vacancy, target)

    run.__name__ = f"vacancy_{action}"
    return run


vacancy_pause = _simple_transition("pause")
vacancy_resume = _simple_transition("resume")
vacancy_fill = _simple_transition("fill")
vacancy_close = _simple_transition("close")

_ORGANISATION_SERVICES: dict[str, Callable[..., Vacancy]] = {
    "publish": vacancy_publish,
    "pause": vacancy_pause,
    "resume": vacancy_resume,
    "fill": vacancy_fill,
    "close": vacancy_close,
}


def vacancy_transition(*, vacancy: Vacancy, action: str, actor: User | None) -> Vacancy:
    """One of the organisation's actions by name (the buttons on the vacancy list)."""
    service = _ORGANISATION_SERVICES.get(action)
    if service is None:
        raise ValidationError(_("Unknown action."), code="unknown_action")
    return service(vacancy=vacancy, actor=actor)


def vacancy_expire_due(*, today: datetime.date) -> int:
    """Mark published vacancies whose visibility ended before today as expired (idempotent).

    Search hides them already by their date; the status makes it clear to the organisation.
    """
    return Vacancy.objects.filter(status=VacancyStatus.PUBLISHED, expires_on__lt=today).update(
        status=VacancyStatus.EXPIRED, updated_at=timezone.now()
    )


# --- Notifications


def _absolute(url: str) -> str:
    return settings.SITE_URL.rstrip("/") + url


def organisation_coordinator_emails(*, organisation: Organisation) -> list[str]:
    emails = organisation.memberships.filter(
        role__in=[OrganisationRole.ADMIN, OrganisationRole.COORDINATOR], user__is_active=True
    ).values_list("user__email", flat=True)
    return sorted(set(emails))


def centre_recipient_emails(*, centre: VolunteerCentre) -> list[str]:
    """The centre's general address, or else its staff."""
    if centre.email:
        return [centre.email]
    emails = centre.memberships.filter(user__is_active=True).values_list("user__email", flat=True)
    return sorted(set(emails))


def _notify_centres_submitted(*, vacancy: Vacancy) -> None:
    for centre in vacancy_responsible_centres(vacancy=vacancy):
        recipients = centre_recipient_emails(centre=centre)
        if not recipients:
            continue
        url = _absolute(reverse("vacancies:centre-approvals", args=[centre.public_id]))
        with translation.override("nl"):
            subject = _("A vacancy is waiting for your approval: %(title)s") % {
                "title": vacancy.title
            }
            body = render_to_string(
                "vacancies/email/vacancy_submitted.txt",
                {"vacancy": vacancy, "centre": centre, "url": url},
            )
        send_mail(subject, body, None, recipients)


def _notify_organisation_reviewed(*, vacancy: Vacancy) -> None:
    recipients = organisation_coordinator_emails(organisation=vacancy.organisation)
    if not recipients:
        return
    approved = vacancy.status == VacancyStatus.PUBLISHED
    url = _absolute(
        vacancy.get_absolute_url()
        if approved
        else reverse("vacancies:vacancy-edit", args=[vacancy.public_id])
    )
    with translation.override("nl"):
        if approved:
            subject = _("Your vacancy is approved: %(title)s") % {"title": vacancy.title}
        else:
            subject = _("Your vacancy is not approved: %(title)s") % {"title": vacancy.title}
        body = render_to_string(
            "vacancies/email/vacancy_reviewed.txt",
            {"vacancy": vacancy, "approved": approved, "url": url},
        )
    send_mail(subject, body, None, recipients)

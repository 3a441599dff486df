"""Writes for the NOV-Keurmerk: a small state machine for applications, and the marks.

    SUBMITTED ──assign──▶ ASSESSMENT ──assess──▶ RECOMMENDED ──decide──▶ DECIDED
        │                     │ ▲ (re-assign)         │
        └─────────────────────┴─┴──── withdraw ───────┴──▶ WITHDRAWN

Every transition is a service that checks who acts and the current status, and raises a
ValidationError otherwise. Each step mails the people concerned (in Dutch).
"""

import calendar
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inzet.accounts.constants import PlatformRoleKind
from inzet.accounts.models import User
from inzet.audit.services import audit_log
from inzet.core import permissions
from inzet.organisations.constants import OrganisationRole
from inzet.organisations.models import Organisation
from inzet.selfevaluation.constants import EvaluationStatus
from inzet.selfevaluation.models import Evaluation

from .constants import (
    REMINDER_MONTHS,
    VALIDITY_YEARS,
    ApplicationStatus,
    Decision,
    Recommendation,
)
from .models import Application, QualityMark
from .selectors import OPEN_STATUSES

ASSIGNABLE_STATUSES = (ApplicationStatus.SUBMITTED, ApplicationStatus.ASSESSMENT)
GRANTING_DECISIONS = (Decision.GRANTED, Decision.GRANTED_WITH_CONDITIONS)


# --- Dates


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later; the month's last day when that day does not exist."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def quality_mark_valid_until(*, granted_on: date) -> date:
    """The last valid day: granted_on + VALIDITY_YEARS − 1 day.

    A mark granted on 29 February runs to 28 February: the day before the anniversary,
    whether that anniversary is 29 February (a leap year) or 1 March (a year without one).
    """
    year = granted_on.year + VALIDITY_YEARS
    if (granted_on.month, granted_on.day) == (2, 29):
        return date(year, 2, 28)
    return granted_on.replace(year=year) - timedelta(days=1)


# --- Mail


def _url(name: str, *args: Any) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(name, args=args)


def _organisation_admins(organisation: Organisation) -> list[User]:
    return list(
        User.objects.filter(
            organisation_memberships__organisation=organisation,
            organisation_memberships__role=OrganisationRole.ADMIN,
            is_active=True,
        ).order_by("pk")
    )


def _nov_staff() -> list[User]:
    return list(
        User.objects.filter(platform_roles__role=PlatformRoleKind.NOV_STAFF, is_active=True)
        .distinct()
        .order_by("pk")
    )


def _mail(*, to: Iterable[User | None], subject: str, template: str, context: dict) -> int:
    """One mail per person, so nobody sees the others' addresses. In Dutch, the platform's
    language. Returns the number of mails sent."""
    sent = 0
    seen: set[int] = set()
    for user in to:
        if user is None or not user.is_active or not user.email or user.pk in seen:
            continue
        seen.add(user.pk)
        with translation.override("nl"):
            body = render_to_string(f"qualitymark/email/{template}.txt", {**context, "to": user})
        send_mail(subject, body, None, [user.email])
        sent += 1
    return sent


def _application_mail(
    *, application: Application, to: Iterable[User | None], subject: str, template: str
) -> None:
    context = {
        "application": application,
        "organisation": application.organisation,
        "url": _url("qualitymark:application-detail", application.public_id),
    }
    _mail(to=to, subject=subject, template=template, context=context)


def _subject(text: Promise, **kwargs: Any) -> str:
    """A subject line in Dutch; pass the msgid through gettext_lazy so it is extracted."""
    with translation.override("nl"):
        return str(text) % kwargs


# --- Checks shared by the transitions


def _require_status(application: Application, *allowed: str) -> None:
    if application.status not in allowed:
        raise ValidationError(
            _("This is not possible now: the application's status is “%(status)s”.")
            % {"status": application.get_status_display()},
            code="wrong_status",
        )


def _locked(application: Application) -> Application:
    return (
        Application.objects.select_for_update()
        .select_related("organisation")
        .get(pk=application.pk)
    )


# --- The transitions


def application_submit_check(
    *, organisation: Organisation, evaluation: Evaluation, user: User
) -> None:
    """Raise a ValidationError when this person may not apply with this evaluation now."""
    if not permissions.can_apply_for_quality_mark(user, organisation):
        raise ValidationError(
            _("Only an administrator of %(name)s can apply for the keurmerk.")
            % {"name": organisation},
            code="not_allowed",
        )
    if evaluation.organisation_id != organisation.pk:
        raise ValidationError(
            _("This self-evaluation belongs to another organisation."), code="other_organisation"
        )
    if evaluation.status != EvaluationStatus.CLOSED:
        raise ValidationError(
            _("Close the self-evaluation first. Then you can apply with it."), code="not_closed"
        )
    if organisation.keurmerk_applications.filter(status__in=OPEN_STATUSES).exists():
        raise ValidationError(
            _(
                "%(name)s already has an application in progress. Wait for its decision or "
                "withdraw it first."
            )
            % {"name": organisation},
            code="already_open",
        )


@transaction.atomic
def application_submit(
    *, organisation: Organisation, evaluation: Evaluation, user: User
) -> Application:
    """An organisation's admin applies with a closed self-evaluation; NOV staff are told."""
    # Lock the organisation row so two clicks cannot open two applications.
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    application_submit_check(organisation=organisation, evaluation=evaluation, user=user)
    application = Application.objects.create(
        organisation=organisation,
        evaluation=evaluation,
        submitted_by=user,
        status=ApplicationStatus.SUBMITTED,
    )
    audit_log(actor=user, action="keurmerk.application_submitted", target=application)
    _application_mail(
        application=application,
        to=_organisation_admins(organisation),
        subject=_subject(
            gettext_lazy("Your keurmerk application for %(name)s"), name=organisation.name
        ),
        template="submitted_organisation",
    )
    _application_mail(
        application=application,
        to=_nov_staff(),
        subject=_subject(
            gettext_lazy("New keurmerk application: %(name)s"), name=organisation.name
        ),
        template="submitted_nov",
    )
    return application


def application_default_adviser(*, application: Application) -> User | None:
    """The adviser already guiding the organisation (the most recently assigned one)."""
    assignment = (
        application.organisation.adviser_assignments.filter(ended_at__isnull=True)
        .select_related("adviser")
        .order_by("-assigned_at", "-pk")
        .first()
    )
    return assignment.adviser if assignment else None


@transaction.atomic
def application_assign(
    *,
    application: Application,
    adviser: User | None = None,
    assessor: User | None,
    by: User,
) -> Application:
    """NOV staff appoint the adviser (by default the organisation's own adviser) for the
    assessment interview and an independent final assessor. Can be repeated while the adviser
    has not given a recommendation yet, for example when someone falls ill."""
    if not permissions.can_manage_quality_mark_applications(by):
        raise ValidationError(
            _("Only NOV staff can assign an adviser and a final assessor."), code="not_allowed"
        )
    application = _locked(application)
    _require_status(application, *ASSIGNABLE_STATUSES)
    organisation = application.organisation
    if adviser is None:
        adviser = application_default_adviser(application=application)
    errors: dict[str, list[ValidationError]] = {}
    if adviser is None:
        errors.setdefault("adviser", []).append(
            ValidationError(
                _("%(name)s has no adviser yet. Choose an adviser.") % {"name": organisation},
                code="adviser_required",
            )
        )
    elif not permissions.is_adviser(adviser):
        errors.setdefault("adviser", []).append(
            ValidationError(
                _("%(person)s is not a Goed Geregeld adviser. Choose an adviser.")
                % {"person": adviser},
                code="not_adviser",
            )
        )
    if assessor is None:
        errors.setdefault("assessor", []).append(
            ValidationError(_("Choose a final assessor."), code="assessor_required")
        )
    elif not permissions.is_assessor(assessor):
        errors.setdefault("assessor", []).append(
            ValidationError(
                _("%(person)s is not a final assessor. Choose a final assessor.")
                % {"person": assessor},
                code="not_assessor",
            )
        )
    elif adviser is not None and assessor.pk == adviser.pk:
        errors.setdefault("assessor", []).append(
            ValidationError(
                _("The final assessor must be independent: choose someone other than the adviser."),
                code="assessor_is_adviser",
            )
        )
    elif permissions.organisation_role(assessor, organisation) is not None:
        errors.setdefault("assessor", []).append(
            ValidationError(
                _(
                    "The final assessor must be independent: %(person)s is a member of "
                    "%(name)s. Choose someone else."
                )
                % {"person": assessor, "name": organisation},
                code="assessor_is_member",
            )
        )
    if errors:
        raise ValidationError(errors)
    previous = (application.adviser, application.assessor)
    application.adviser, application.assessor = adviser, assessor
    application.status = ApplicationStatus.ASSESSMENT
    application.save(update_fields=["adviser", "assessor", "status"])
    audit_log(
        actor=by,
        action="keurmerk.application_assigned",
        target=application,
        details={"adviser": adviser.pk, "assessor": assessor.pk},
    )
    name = organisation.name
    _application_mail(
        application=application,
        to=_organisation_admins(organisation),
        subject=_subject(
            gettext_lazy("Your keurmerk application for %(name)s is being assessed"), name=name
        ),
        template="assigned_organisation",
    )
    if previous[0] != adviser:
        _application_mail(
            application=application,
            to=[adviser],
            subject=_subject(
                gettext_lazy("Please assess the keurmerk application of %(name)s"), name=name
            ),
            template="assigned_adviser",
        )
    if previous[1] != assessor:
        _application_mail(
            application=application,
            to=[assessor],
            subject=_subject(gettext_lazy("You are the final assessor for %(name)s"), name=name),
            template="assigned_assessor",
        )
    return application


@transaction.atomic
def application_assess(
    *,
    application: Application,
    adviser: User,
    scores_right: bool,
    evidence_complete: bool,
    notes: str,
    recommendation: str,
) -> Application:
    """The adviser records the assessment interview and recommends a decision."""
    application = _locked(application)
    if application.adviser_id is None or application.adviser_id != adviser.pk:
        raise ValidationError(
            _("Only the adviser of this application can record the assessment."),
            code="not_allowed",
        )
    _require_status(application, ApplicationStatus.ASSESSMENT)
    notes = notes.strip()
    errors: dict[str, list[ValidationError]] = {}
    if recommendation not in Recommendation.values:
        errors["recommendation"] = [
            ValidationError(_("Choose a recommendation."), code="recommendation_required")
        ]
    elif recommendation == Recommendation.GRANT and not (scores_right and evidence_complete):
        errors["recommendation"] = [
            ValidationError(
                _(
                    "You can only recommend granting without conditions when the scores are "
                    "right and the evidence is complete. Recommend conditions, or not granting."
                ),
                code="grant_needs_checks",
            )
        ]
    if not notes:
        errors["notes"] = [
            ValidationError(
                _("Write down what you found in the assessment interview."),
                code="notes_required",
            )
        ]
    if errors:
        raise ValidationError(errors)
    application.check_scores_right = scores_right
    application.check_evidence_complete = evidence_complete
    application.assessment_notes = notes
    application.recommendation = recommendation
    application.recommended_at = timezone.now()
    application.status = ApplicationStatus.RECOMMENDED
    application.save(
        update_fields=[
            "check_scores_right",
            "check_evidence_complete",
            "assessment_notes",
            "recommendation",
            "recommended_at",
            "status",
        ]
    )
    audit_log(actor=adviser, action="keurmerk.application_recommended", target=application)
    name = application.organisation.name
    _application_mail(
        application=application,
        to=[application.assessor],
        subject=_subject(gettext_lazy("Keurmerk %(name)s: the recommendation is ready"), name=name),
        template="recommended_assessor",
    )
    _application_mail(
        application=application,
        to=_organisation_admins(application.organisation),
        subject=_subject(gettext_lazy("Keurmerk %(name)s: the assessment is done"), name=name),
        template="recommended_organisation",
    )
    return application


@transaction.atomic
def application_decide(
    *,
    application: Application,
    assessor: User,
    decision: str,
    reasons: str,
    conditions: str = "",
) -> Application:
    """The independent final assessor decides. A grant creates a QualityMark valid for
    VALIDITY_YEARS years."""
    application = _locked(application)
    if application.assessor_id is None or application.assessor_id != assessor.pk:
        raise ValidationError(
            _("Only the final assessor of this application can decide."), code="not_allowed"
        )
    _require_status(application, ApplicationStatus.RECOMMENDED)
    reasons, conditions = reasons.strip(), conditions.strip()
    errors: dict[str, list[ValidationError]] = {}
    if decision not in Decision.values:
        errors["decision"] = [ValidationError(_("Choose a decision."), code="decision_required")]
    if not reasons:
        errors["reasons"] = [
            ValidationError(
                _("Give the reasons for your decision. The organisation reads them."),
                code="reasons_required",
            )
        ]
    if decision == Decision.GRANTED_WITH_CONDITIONS and not conditions:
        errors["conditions"] = [
            ValidationError(
                _("Write down the conditions the organisation has to meet."),
                code="conditions_required",
            )
        ]
    elif (
        conditions and decision in Decision.values and decision != Decision.GRANTED_WITH_CONDITIONS
    ):
        errors["conditions"] = [
            ValidationError(
                _(
                    "Conditions only go with “granted with conditions”. Choose that decision, "
                    "or empty the conditions."
                ),
                code="conditions_not_allowed",
            )
        ]
    if errors:
        raise ValidationError(errors)
    application.decision = decision
    application.decision_reasons = reasons
    application.conditions = conditions
    application.decided_at = timezone.now()
    application.status = ApplicationStatus.DECIDED
    application.save(
        update_fields=["decision", "decision_reasons", "conditions", "decided_at", "status"]
    )
    audit_log(
        actor=assessor,
        action="keurmerk.application_decided",
        target=application,
        details={"decision": decision},
    )
    if decision in GRANTING_DECISIONS:
        granted_on = timezone.localdate()
        QualityMark.objects.create(
            organisation=application.organisation,
            application=application,
            granted_on=granted_on,
            valid_until=quality_mark_valid_until(granted_on=granted_on),
            conditions=conditions,
        )
    name = application.organisation.name
    _application_mail(
        application=application,
        to=[*_organisation_admins(application.organisation), application.adviser],
        subject=_subject(gettext_lazy("Keurmerk %(name)s: the decision"), name=name),
        template="decided",
    )
    return application


@transaction.atomic
def application_withdraw(*, application: Application, user: User) -> Application:
    """The organisation's admin withdraws the application before the decision."""
    application = _locked(application)
    if not permissions.can_apply_for_quality_mark(user, application.organisation):
        raise ValidationError(
            _("Only an administrator of %(name)s can withdraw the application.")
            % {"name": application.organisation},
            code="not_allowed",
        )
    _require_status(application, *OPEN_STATUSES)
    application.status = ApplicationStatus.WITHDRAWN
    application.save(update_fields=["status"])
    audit_log(actor=user, action="keurmerk.application_withdrawn", target=application)
    _application_mail(
        application=application,
        to=[
            *_organisation_admins(application.organisation),
            application.adviser,
            application.assessor,
        ],
        subject=_subject(
            gettext_lazy("Keurmerk application of %(name)s withdrawn"),
            name=application.organisation.name,
        ),
        template="withdrawn",
    )
    return application


# --- Marks


@transaction.atomic
def quality_mark_revoke(*, quality_mark: QualityMark, by: User | None) -> QualityMark:
    quality_mark = QualityMark.objects.select_for_update().get(pk=quality_mark.pk)
    if quality_mark.revoked_at is not None:
        raise ValidationError(_("This keurmerk has already been revoked."), code="revoked")
    quality_mark.revoked_at = timezone.now()
    quality_mark.save(update_fields=["revoked_at"])
    audit_log(actor=by, action="keurmerk.revoked", target=quality_mark)
    return quality_mark


def quality_mark_send_reminders(*, today: date) -> int:
    """Tell the organisation's admins that their keurmerk ends within 6 and within 2 months.

    A mark is reminded once per reminder: the months are recorded in ``reminded_months``,
    so running this again (daily, or a retried task) mails nobody twice. When a run finds a
    mark already inside the 2-month window, it sends only that reminder and records the
    6-month one as passed. Returns the number of mails sent.
    """
    sent = 0
    latest_window = add_months(today, max(REMINDER_MONTHS))
    candidates = QualityMark.objects.filter(
        revoked_at__isnull=True, granted_on__lte=today, valid_until__gte=today
    ).filter(valid_until__lte=latest_window)
    for pk in candidates.values_list("pk", flat=True):
        with transaction.atomic():
            mark = QualityMark.objects.select_for_update().select_related("organisation").get(pk=pk)
            due = [
                months
                for months in REMINDER_MONTHS
                if mark.valid_until <= add_months(today, months)
                and months not in (mark.reminded_months or [])
            ]
            if not due:
                continue
            months = min(due)
            sent += _mail(
                to=_organisation_admins(mark.organisation),
                subject=_subject(
                    gettext_lazy("The keurmerk of %(name)s ends on %(date)s"),
                    name=mark.organisation.name,
                    date=_date_nl(mark.valid_until),
                ),
                template="reminder",
                context={
                    "mark": mark,
                    "organisation": mark.organisation,
                    "months": months,
                    "valid_until": _date_nl(mark.valid_until),
                    "url": _url("selfevaluation:index"),
                    "check_url": _url("qualitymark:badge-check", mark.public_id),
                },
            )
            mark.reminded_months = sorted({*(mark.reminded_months or []), *due}, reverse=True)
            mark.save(update_fields=["reminded_months"])
    return sent


def _date_nl(day: date) -> str:
    with translation.override("nl"):
        return date_format(day, "j F Y")

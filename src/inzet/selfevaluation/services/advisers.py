"""Writes for Goed Geregeld advisers: assigning them to organisations, and their notes."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.audit.services import audit_log
from inzet.core import permissions
from inzet.organisations.constants import OrganisationRole
from inzet.organisations.models import Organisation
from inzet.selfevaluation.models import AdviserAssignment, AdviserNote

MAX_HOURS_PER_NOTE = Decimal(24)


def _organisation_admins(organisation: Organisation) -> list[User]:
    return list(
        User.objects.filter(
            organisation_memberships__organisation=organisation,
            organisation_memberships__role=OrganisationRole.ADMIN,
            is_active=True,
        ).order_by("pk")
    )


def _mail_admins(*, assignment: AdviserAssignment, template: str, subject: str) -> None:
    """One mail per admin, in Dutch, with a link to the self-evaluation."""
    context = {
        "assignment": assignment,
        "organisation": assignment.organisation,
        "adviser": assignment.adviser,
        "url": settings.SITE_URL.rstrip("/") + reverse("selfevaluation:index"),
    }
    with translation.override("nl"):
        body = render_to_string(f"selfevaluation/email/{template}.txt", context)
    for admin in _organisation_admins(assignment.organisation):
        send_mail(subject, body, None, [admin.email])


@transaction.atomic
def adviser_assign(*, organisation: Organisation, adviser: User, by: User) -> AdviserAssignment:
    """Let an adviser guide an organisation. Other advisers stay assigned: an organisation may
    have more than one. The organisation's admins are told by e-mail."""
    if not permissions.can_assign_adviser(by, organisation):
        raise ValidationError(
            _("Only NOV staff or the volunteer centre of %(name)s can assign an adviser.")
            % {"name": organisation},
            code="not_allowed",
        )
    if not permissions.is_adviser(adviser):
        raise ValidationError(
            {
                "adviser": ValidationError(
                    _("%(person)s is not a Goed Geregeld adviser. Choose an adviser.")
                    % {"person": adviser},
                    code="not_adviser",
                )
            }
        )
    already = ValidationError(
        {
            "adviser": ValidationError(
                _("%(person)s is already the adviser of %(name)s.")
                % {"person": adviser, "name": organisation},
                code="already_assigned",
            )
        }
    )
    if AdviserAssignment.objects.filter(
        organisation=organisation, adviser=adviser, ended_at__isnull=True
    ).exists():
        raise already
    try:
        with transaction.atomic():
            assignment = AdviserAssignment.objects.create(
                organisation=organisation, adviser=adviser, assigned_by=by
            )
    except IntegrityError:  # two people assigned the same adviser at the same moment
        raise already from None
    audit_log(actor=by, action="selfevaluation.adviser_assigned", target=assignment)
    with translation.override("nl"):
        subject = _("%(person)s is now the Goed Geregeld adviser of %(name)s") % {
            "person": adviser.display_name,
            "name": organisation.name,
        }
    _mail_admins(assignment=assignment, template="adviser_assigned", subject=subject)
    return assignment


@transaction.atomic
def adviser_unassign(*, assignment: AdviserAssignment, by: User) -> AdviserAssignment:
    """End an assignment. The adviser's notes stay, for the hours already worked."""
    assignment = AdviserAssignment.objects.select_for_update().get(pk=assignment.pk)
    if not permissions.can_assign_adviser(by, assignment.organisation):
        raise ValidationError(
            _("Only NOV staff or the volunteer centre of %(name)s can end an adviser's work.")
            % {"name": assignment.organisation},
            code="not_allowed",
        )
    if assignment.ended_at is not None:
        raise ValidationError(
            _("%(person)s is no longer the adviser of %(name)s.")
            % {"person": assignment.adviser, "name": assignment.organisation},
            code="already_ended",
        )
    assignment.ended_at = timezone.now()
    assignment.save(update_fields=["ended_at"])
    audit_log(actor=by, action="selfevaluation.adviser_unassigned", target=assignment)
    with translation.override("nl"):
        subject = _("%(person)s is no longer the Goed Geregeld adviser of %(name)s") % {
            "person": assignment.adviser.display_name,
            "name": assignment.organisation.name,
        }
    _mail_admins(assignment=assignment, template="adviser_unassigned", subject=subject)
    return assignment


def adviser_note_add(
    *, assignment: AdviserAssignment, text: str, hours: Decimal, date: datetime.date
) -> AdviserNote:
    """The adviser notes what was done and how many hours it took (0 to 24 per note)."""
    errors: dict[str, ValidationError] = {}
    text = text.strip()
    if assignment.ended_at is not None:
        raise ValidationError(
            _("You are no longer the adviser of %(name)s.") % {"name": assignment.organisation},
            code="assignment_ended",
        )
    if not text:
        errors["text"] = ValidationError(_("Write what you did or agreed."), code="text_required")
    if hours < 0 or hours > MAX_HOURS_PER_NOTE:
        errors["hours"] = ValidationError(
            _("Enter between 0 and 24 hours, for example 1,5."), code="hours_range"
        )
    elif hours != hours.quantize(Decimal("0.01")):
        errors["hours"] = ValidationError(
            _("Enter the hours with at most two decimals, for example 1,25."),
            code="hours_decimals",
        )
    if date > timezone.localdate():
        errors["date"] = ValidationError(
            _("The date cannot be in the future. Enter the day you did the work."),
            code="date_future",
        )
    if errors:
        raise ValidationError(errors)
    return AdviserNote.objects.create(assignment=assignment, text=text, hours=hours, date=date)

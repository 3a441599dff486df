"""Writes for mediation: a centre's intake with a volunteer, proposals, placement.

The volunteer must have an account (they see proposals and respond on Inzet) and must have
given consent to record their data for mediation; the moment is kept on the case.
"""

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
from inzet.organisations.models import VolunteerCentre
from inzet.vacancies.constants import CaseStatus
from inzet.vacancies.models import MediationCase, Proposal, Vacancy
from inzet.vacancies.selectors.mediation import case_vacancy_proposable

CASE_END_STATUSES = (CaseStatus.PLACED, CaseStatus.CLOSED)


@transaction.atomic
def case_open(
    *,
    centre: VolunteerCentre,
    actor: User,
    volunteer_email: str,
    consent: bool,
    wishes: str = "",
    staff_member: User | None = None,
) -> MediationCase:
    """Register an intake. ``staff_member`` defaults to the person registering it."""
    errors: dict[str, list[ValidationError]] = {}
    email = (volunteer_email or "").strip()
    volunteer = (
        User.objects.filter(email__iexact=email, is_active=True, erased_at__isnull=True).first()
        if email
        else None
    )
    if volunteer is None:
        errors["volunteer_email"] = [
            ValidationError(
                _(
                    "There is no account with the e-mail address %(email)s. Ask the volunteer "
                    "to create an account on Inzet first, or check the address."
                )
                % {"email": email},
                code="volunteer_unknown",
            )
        ]
    elif centre.cases.filter(volunteer=volunteer, status=CaseStatus.OPEN).exists():
        errors["volunteer_email"] = [
            ValidationError(
                _("This volunteer already has an open case at your centre."),
                code="case_exists",
            )
        ]
    if not consent:
        errors["consent"] = [
            ValidationError(
                _(
                    "Confirm that the volunteer agrees. Without consent you may not record "
                    "their data."
                ),
                code="consent_required",
            )
        ]
    staff_member = staff_member or actor
    if not permissions.is_centre_staff(staff_member, centre):
        errors["staff_member"] = [
            ValidationError(_("Choose a staff member of your centre."), code="not_staff")
        ]
    if errors:
        raise ValidationError(errors)
    case = MediationCase.objects.create(
        centre=centre,
        volunteer=volunteer,
        staff_member=staff_member,
        consent_given_at=timezone.now(),
        wishes=wishes.strip(),
    )
    audit_log(actor=actor, action="mediation.case_opened", target=case, subject=volunteer)
    return case


def case_viewed(*, case: MediationCase, actor: User) -> None:
    """Opening a case shows a volunteer's personal data to centre staff: keep a trail."""
    audit_log(actor=actor, action="mediation.case_viewed", target=case, subject=case.volunteer)


@transaction.atomic
def case_set_status(*, case: MediationCase, actor: User, status: str) -> MediationCase:
    """Mark a case placed or closed (both end the case), or open it again."""
    if status not in CaseStatus.values:
        raise ValidationError(_("Choose a valid status."), code="invalid_status")
    if status == case.status:
        return case
    case.status = status
    case.closed_at = timezone.now() if status in CASE_END_STATUSES else None
    case.save(update_fields=["status", "closed_at"])
    audit_log(
        actor=actor,
        action="mediation.case_status",
        target=case,
        subject=case.volunteer,
        details={"status": status},
    )
    return case


@transaction.atomic
def proposal_create(
    *, case: MediationCase, actor: User, vacancy_id: int, note: str = ""
) -> Proposal:
    """Propose a published vacancy in the centre's area; the volunteer gets an e-mail."""
    if case.status != CaseStatus.OPEN:
        raise ValidationError(
            _("This case is no longer open. Open it again to propose a vacancy."),
            code="case_not_open",
        )
    vacancy = case_vacancy_proposable(case=case, vacancy_id=vacancy_id)
    if vacancy is None:
        raise ValidationError(
            {
                "vacancy": ValidationError(
                    _("Choose a published vacancy in your centre's area."),
                    code="vacancy_unavailable",
                )
            }
        )
    if case.proposals.filter(vacancy=vacancy).exists():
        raise ValidationError(
            {
                "vacancy": ValidationError(
                    _("You have already proposed this vacancy."), code="duplicate"
                )
            }
        )
    try:
        with transaction.atomic():
            proposal = Proposal.objects.create(case=case, vacancy=vacancy, note=note.strip())
    except IntegrityError:  # proposed at the same moment by a colleague
        raise ValidationError(
            {
                "vacancy": ValidationError(
                    _("You have already proposed this vacancy."), code="duplicate"
                )
            }
        ) from None
    audit_log(actor=actor, action="mediation.proposal_created", target=case, subject=case.volunteer)
    _proposal_send(proposal=proposal, vacancy=vacancy)
    return proposal


def _proposal_send(*, proposal: Proposal, vacancy: Vacancy) -> None:
    volunteer = proposal.case.volunteer
    base = settings.SITE_URL.rstrip("/")
    context = {
        "proposal": proposal,
        "vacancy": vacancy,
        "centre": proposal.case.centre,
        "volunteer": volunteer,
        "vacancy_url": base + vacancy.get_absolute_url(),
        "proposals_url": base + reverse("vacancies:my-proposals"),
    }
    with translation.override(volunteer.preferred_language or "nl"):
        subject = _("%(centre)s suggests volunteer work for you") % {"centre": proposal.case.centre}
        body = render_to_string("vacancies/email/proposal.txt", context)
    send_mail(subject, body, None, [volunteer.email])

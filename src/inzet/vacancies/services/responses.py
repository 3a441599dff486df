"""Responses: a volunteer responds in one step; the organisation moves the response on.

    new ──▶ in conversation ──▶ placed / not placed     (the organisation; corrections allowed)
    new, in conversation ──▶ withdrawn                   (the volunteer)

The volunteer hears of every change by e-mail; the organisation's coordinators hear of a new
response. Each e-mail links to the page concerned.
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
from inzet.vacancies.constants import ResponseStatus, VacancyStatus
from inzet.vacancies.models import Response, Vacancy

from .lifecycle import organisation_coordinator_emails

MAX_MESSAGE_LENGTH = 2000
# The statuses an organisation can set, and from which statuses.
ORGANISATION_STATUSES = (
    ResponseStatus.IN_CONVERSATION,
    ResponseStatus.PLACED,
    ResponseStatus.NOT_PLACED,
)
ACTIVE_STATUSES = (ResponseStatus.NEW, ResponseStatus.IN_CONVERSATION)


def _absolute(url: str) -> str:
    return settings.SITE_URL.rstrip("/") + url


def vacancy_is_open(*, vacancy: Vacancy) -> bool:
    expired = vacancy.expires_on is not None and vacancy.expires_on < timezone.localdate()
    return vacancy.status == VacancyStatus.PUBLISHED and not expired


@transaction.atomic
def response_create(*, vacancy: Vacancy, volunteer: User, message: str) -> Response:
    """Respond to a published vacancy with a short message."""
    vacancy = Vacancy.objects.select_for_update().select_related("organisation").get(pk=vacancy.pk)
    if not vacancy_is_open(vacancy=vacancy):
        raise ValidationError(_("This vacancy is no longer open."), code="vacancy_closed")
    message = (message or "").strip()
    if len(message) > MAX_MESSAGE_LENGTH:
        raise ValidationError(
            {
                "message": ValidationError(
                    _("Keep your message under %(max)s characters.") % {"max": MAX_MESSAGE_LENGTH},
                    code="too_long",
                )
            }
        )
    duplicate = ValidationError(
        _("You have already responded to this vacancy."), code="duplicate_response"
    )
    if (
        Response.objects.filter(vacancy=vacancy, volunteer=volunteer)
        .exclude(status=ResponseStatus.WITHDRAWN)
        .exists()
    ):
        raise duplicate
    try:
        with transaction.atomic():
            response = Response.objects.create(
                vacancy=vacancy, volunteer=volunteer, message=message
            )
    except IntegrityError:  # a parallel request won the race
        raise duplicate from None
    transaction.on_commit(lambda: _notify_organisation_new_response(response=response))
    return response


@transaction.atomic
def response_withdraw(*, response: Response, volunteer: User) -> Response:
    locked = Response.objects.select_for_update().get(pk=response.pk)
    if locked.volunteer_id != volunteer.pk:
        raise ValidationError(_("You can only withdraw your own response."), code="not_yours")
    if locked.status not in ACTIVE_STATUSES:
        raise ValidationError(
            _("This response is %(status)s and can no longer be withdrawn.")
            % {"status": locked.get_status_display().lower()},
            code="not_withdrawable",
        )
    now = timezone.now()
    locked.status, locked.status_changed_at = ResponseStatus.WITHDRAWN, now
    locked.save(update_fields=["status", "status_changed_at"])
    response.status, response.status_changed_at = locked.status, now
    return response


@transaction.atomic
def response_set_status(*, response: Response, status: str, actor: User | None) -> Response:
    """The organisation moves a response on; the volunteer is told by e-mail."""
    if status not in ORGANISATION_STATUSES:
        raise ValidationError(
            {"status": ValidationError(_("Choose a new status."), code="invalid_choice")}
        )
    locked = Response.objects.select_for_update().get(pk=response.pk)
    if locked.status == ResponseStatus.WITHDRAWN:
        raise ValidationError(
            _("The volunteer has withdrawn this response."), code="response_withdrawn"
        )
    if locked.status == status:
        raise ValidationError(
            {
                "status": ValidationError(
                    _("The response already has this status."), code="unchanged"
                )
            }
        )
    now = timezone.now()
    locked.status, locked.status_changed_at = status, now
    fields = ["status", "status_changed_at"]
    if locked.answered_at is None:
        locked.answered_at = now
        fields.append("answered_at")
    locked.save(update_fields=fields)
    response.status = locked.status
    response.status_changed_at = locked.status_changed_at
    response.answered_at = locked.answered_at
    transaction.on_commit(lambda: _notify_volunteer_status(response=response))
    return response


def _notify_organisation_new_response(*, response: Response) -> None:
    vacancy = response.vacancy
    recipients = organisation_coordinator_emails(organisation=vacancy.organisation)
    if vacancy.contact_email and vacancy.contact_email not in recipients:
        recipients.append(vacancy.contact_email)
    if not recipients:
        return
    url = _absolute(reverse("vacancies:vacancy-responses", args=[vacancy.public_id]))
    with translation.override("nl"):
        subject = _("New response to %(title)s") % {"title": vacancy.title}
        body = render_to_string(
            "vacancies/email/response_new.txt", {"response": response, "url": url}
        )
    send_mail(subject, body, None, recipients)


def _notify_volunteer_status(*, response: Response) -> None:
    url = _absolute(reverse("vacancies:my-responses"))
    language = response.volunteer.preferred_language or "nl"
    with translation.override(language):
        subject = _("News about your response to %(title)s") % {"title": response.vacancy.title}
        body = render_to_string(
            "vacancies/email/response_status.txt", {"response": response, "url": url}
        )
    send_mail(subject, body, None, [response.volunteer.email])

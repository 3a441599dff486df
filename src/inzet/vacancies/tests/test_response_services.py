import datetime

from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

import pytest

from inzet.accounts.tests.factories import UserFactory
from inzet.organisations.constants import OrganisationRole
from inzet.organisations.tests.factories import MembershipFactory
from inzet.vacancies.constants import ResponseStatus, VacancyStatus
from inzet.vacancies.services.responses import (
    response_create,
    response_set_status,
    response_withdraw,
)
from inzet.vacancies.tests.factories import ResponseFactory, VacancyFactory

pytestmark = pytest.mark.django_db


def test_respond_to_a_published_vacancy_tells_the_coordinators(
    django_capture_on_commit_callbacks,
):
    vacancy = VacancyFactory(published=True, title="Voorlezen")
    coordinator = MembershipFactory(
        organisation=vacancy.organisation, role=OrganisationRole.COORDINATOR
    ).user
    MembershipFactory(organisation=vacancy.organisation, role=OrganisationRole.MEMBER)
    volunteer = UserFactory()

    with django_capture_on_commit_callbacks(execute=True):
        response = response_create(vacancy=vacancy, volunteer=volunteer, message="  Ik help!  ")

    assert response.status == ResponseStatus.NEW
    assert response.message == "Ik help!"
    [message] = mail.outbox
    assert message.to == [coordinator.email]
    assert "Voorlezen" in message.subject
    url = settings.SITE_URL.rstrip("/") + reverse(
        "vacancies:vacancy-responses", args=[vacancy.public_id]
    )
    assert url in message.body


@pytest.mark.parametrize(
    "status",
    [
        VacancyStatus.DRAFT,
        VacancyStatus.SUBMITTED,
        VacancyStatus.PAUSED,
        VacancyStatus.CLOSED,
        VacancyStatus.FILLED,
        VacancyStatus.EXPIRED,
        VacancyStatus.REJECTED,
    ],
)
def test_respond_to_a_vacancy_that_is_not_open_is_refused(status):
    vacancy = VacancyFactory(status=status)

    with pytest.raises(ValidationError) as exc_info:
        response_create(vacancy=vacancy, volunteer=UserFactory(), message="")

    assert exc_info.value.code == "vacancy_closed"
    assert not vacancy.responses.exists()


def test_respond_to_a_vacancy_past_its_expiry_date_is_refused():
    vacancy = VacancyFactory(expired=True)  # still "published" until the daily task runs

    with pytest.raises(ValidationError) as exc_info:
        response_create(vacancy=vacancy, volunteer=UserFactory(), message="")

    assert exc_info.value.code == "vacancy_closed"


def test_a_second_active_response_is_refused():
    response = ResponseFactory()

    with pytest.raises(ValidationError) as exc_info:
        response_create(vacancy=response.vacancy, volunteer=response.volunteer, message="Nog eens")

    assert exc_info.value.code == "duplicate_response"
    assert response.vacancy.responses.count() == 1


def test_after_withdrawing_a_volunteer_may_respond_again():
    response = ResponseFactory()
    response_withdraw(response=response, volunteer=response.volunteer)

    again = response_create(vacancy=response.vacancy, volunteer=response.volunteer, message="")

    assert again.status == ResponseStatus.NEW


def test_a_too_long_message_is_refused():
    vacancy = VacancyFactory(published=True)

    with pytest.raises(ValidationError) as exc_info:
        response_create(vacancy=vacancy, volunteer=UserFactory(), message="x" * 2001)

    assert "message" in exc_info.value.error_dict


def test_withdraw_own_response():
    response = ResponseFactory(status=ResponseStatus.IN_CONVERSATION)

    response_withdraw(response=response, volunteer=response.volunteer)

    response.refresh_from_db()
    assert response.status == ResponseStatus.WITHDRAWN


def test_withdraw_someone_elses_response_is_refused():
    response = ResponseFactory()

    with pytest.raises(ValidationError):
        response_withdraw(response=response, volunteer=UserFactory())

    response.refresh_from_db()
    assert response.status == ResponseStatus.NEW


@pytest.mark.parametrize("status", [ResponseStatus.PLACED, ResponseStatus.WITHDRAWN])
def test_withdraw_a_finished_response_is_refused(status):
    response = ResponseFactory(status=status)

    with pytest.raises(ValidationError):
        response_withdraw(response=response, volunteer=response.volunteer)


def test_status_change_tells_the_volunteer_with_a_link(django_capture_on_commit_callbacks):
    response = ResponseFactory(vacancy__title="Voorlezen")

    with django_capture_on_commit_callbacks(execute=True):
        response_set_status(response=response, status=ResponseStatus.IN_CONVERSATION, actor=None)

    response.refresh_from_db()
    assert response.status == ResponseStatus.IN_CONVERSATION
    [message] = mail.outbox
    assert message.to == [response.volunteer.email]
    assert "Voorlezen" in message.subject
    assert settings.SITE_URL.rstrip("/") + reverse("vacancies:my-responses") in message.body


def test_answered_at_is_recorded_on_the_first_change_only():
    response = ResponseFactory()

    response_set_status(response=response, status=ResponseStatus.IN_CONVERSATION, actor=None)
    first = response.answered_at
    response_set_status(response=response, status=ResponseStatus.PLACED, actor=None)

    response.refresh_from_db()
    assert first is not None
    assert response.answered_at == first
    assert response.status == ResponseStatus.PLACED


def test_every_change_is_mailed(django_capture_on_commit_callbacks):
    response = ResponseFactory()

    with django_capture_on_commit_callbacks(execute=True):
        response_set_status(response=response, status=ResponseStatus.IN_CONVERSATION, actor=None)
    with django_capture_on_commit_callbacks(execute=True):
        response_set_status(response=response, status=ResponseStatus.NOT_PLACED, actor=None)

    assert len(mail.outbox) == 2


@pytest.mark.parametrize(
    ("start", "new", "code"),
    [
        (ResponseStatus.NEW, ResponseStatus.NEW, None),  # not an organisation status
        (ResponseStatus.NEW, ResponseStatus.WITHDRAWN, None),
        (ResponseStatus.NEW, "nonsense", None),
        (ResponseStatus.PLACED, ResponseStatus.PLACED, None),
        (ResponseStatus.WITHDRAWN, ResponseStatus.PLACED, "response_withdrawn"),
    ],
)
def test_illegal_status_changes_are_refused(start, new, code):
    response = ResponseFactory(status=start)

    with pytest.raises(ValidationError) as exc_info:
        response_set_status(response=response, status=new, actor=None)

    if code:
        assert exc_info.value.code == code
    response.refresh_from_db()
    assert response.status == start
    assert response.answered_at is None


def test_a_vacancy_closing_later_keeps_its_responses():
    response = ResponseFactory(created_at=timezone.now() - datetime.timedelta(days=3))
    response.vacancy.status = VacancyStatus.CLOSED
    response.vacancy.save()

    response_set_status(response=response, status=ResponseStatus.NOT_PLACED, actor=None)

    assert response.status == ResponseStatus.NOT_PLACED

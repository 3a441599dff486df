import datetime
import io

from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

import pytest

from inzet.organisations.tests.factories import CentreMembershipFactory, VolunteerCentreFactory
from inzet.vacancies.constants import ResponseStatus
from inzet.vacancies.models import CentrePolicy
from inzet.vacancies.services.centre import (
    centre_policy_update,
    responses_warn_unanswered,
    working_days_between,
)
from inzet.vacancies.tests.factories import CentrePolicyFactory, ResponseFactory

pytestmark = pytest.mark.django_db

FRIDAY = datetime.date(2025, 3, 7)
NEXT_THURSDAY = datetime.date(2025, 3, 13)
NEXT_FRIDAY = datetime.date(2025, 3, 14)


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime.combine(
        day, datetime.time(hour), tzinfo=timezone.get_current_timezone()
    )


def test_working_days_skip_the_weekend():
    assert working_days_between(FRIDAY, NEXT_FRIDAY) == 5
    assert working_days_between(FRIDAY, NEXT_THURSDAY) == 4
    assert working_days_between(FRIDAY, FRIDAY + datetime.timedelta(days=2)) == 0  # Sunday
    assert working_days_between(datetime.date(2025, 3, 8), NEXT_FRIDAY) == 5  # from a Saturday


def test_policy_update_saves_the_settings():
    centre = VolunteerCentreFactory()

    centre_policy_update(centre=centre, requires_approval=True, unanswered_warning_days=3)

    policy = CentrePolicy.objects.get(centre=centre)
    assert (policy.requires_approval, policy.unanswered_warning_days) == (True, 3)


@pytest.mark.parametrize("days", [0, 31, -1])
def test_policy_update_refuses_days_out_of_range(days):
    centre = VolunteerCentreFactory()

    with pytest.raises(ValidationError) as exc_info:
        centre_policy_update(centre=centre, requires_approval=False, unanswered_warning_days=days)

    assert "unanswered_warning_days" in exc_info.value.error_dict
    assert not CentrePolicy.objects.filter(centre=centre).exists()


def test_a_response_from_friday_is_reported_on_the_next_friday_not_before():
    centre = VolunteerCentreFactory(email="info@vc.example")
    response = ResponseFactory(created_at=_at(FRIDAY), vacancy__title="Koken in het buurthuis")

    assert responses_warn_unanswered(today=NEXT_THURSDAY) == 0
    assert mail.outbox == []

    assert responses_warn_unanswered(today=NEXT_FRIDAY) == 1
    [message] = mail.outbox
    assert message.to == ["info@vc.example"]
    assert "Koken in het buurthuis" in message.body
    assert f"/vacatures/{response.vacancy.public_id}/reacties/" in message.body
    assert f"/vacatures/centrale/{centre.public_id}/" in message.body
    response.refresh_from_db()
    assert response.centre_warned_at is not None


def test_the_warning_is_sent_once():
    VolunteerCentreFactory(email="info@vc.example")
    ResponseFactory(created_at=_at(FRIDAY))

    responses_warn_unanswered(today=NEXT_FRIDAY)
    responses_warn_unanswered(today=NEXT_FRIDAY + datetime.timedelta(days=3))

    assert len(mail.outbox) == 1


def test_one_mail_per_centre_listing_all_its_responses():
    CentreMembershipFactory(user__email="staf@vc.example")  # no general address: staff get it
    ResponseFactory(created_at=_at(FRIDAY), vacancy__title="Eerste")
    ResponseFactory(created_at=_at(FRIDAY - datetime.timedelta(days=7)), vacancy__title="Tweede")

    responses_warn_unanswered(today=NEXT_FRIDAY)

    [message] = mail.outbox
    assert message.to == ["staf@vc.example"]
    assert "Eerste" in message.body and "Tweede" in message.body


def test_answered_or_withdrawn_responses_are_not_reported():
    VolunteerCentreFactory(email="info@vc.example")
    ResponseFactory(created_at=_at(FRIDAY), status=ResponseStatus.IN_CONVERSATION)
    ResponseFactory(created_at=_at(FRIDAY), status=ResponseStatus.WITHDRAWN)
    ResponseFactory(created_at=_at(FRIDAY), answered_at=timezone.now())

    assert responses_warn_unanswered(today=NEXT_FRIDAY) == 0


def test_the_centre_setting_decides_the_number_of_days():
    CentrePolicyFactory(unanswered_warning_days=1, centre__email="info@vc.example")
    ResponseFactory(created_at=_at(FRIDAY))

    assert responses_warn_unanswered(today=FRIDAY + datetime.timedelta(days=3)) == 1  # Monday


def test_a_centre_elsewhere_is_not_told():
    VolunteerCentreFactory(email="amsterdam@vc.example", municipality_codes=["GM0363"])
    response = ResponseFactory(created_at=_at(FRIDAY))  # in Utrecht

    assert responses_warn_unanswered(today=NEXT_FRIDAY) == 0
    response.refresh_from_db()
    assert response.centre_warned_at is None


def test_the_command_runs_the_warning_idempotently():
    VolunteerCentreFactory(email="info@vc.example")
    ResponseFactory(created_at=_at(FRIDAY))

    call_command(
        "warn_unanswered_responses", "--today", NEXT_FRIDAY.isoformat(), stdout=io.StringIO()
    )
    call_command(
        "warn_unanswered_responses", "--today", NEXT_FRIDAY.isoformat(), stdout=io.StringIO()
    )

    assert len(mail.outbox) == 1


def test_the_task_runs():
    from inzet.vacancies.tasks import expire_vacancies, warn_unanswered_responses

    warn_unanswered_responses.enqueue()
    expire_vacancies.enqueue()

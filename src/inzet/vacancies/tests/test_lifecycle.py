import datetime
from decimal import Decimal

from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from inzet.organisations.constants import OrganisationRole
from inzet.organisations.tests.factories import MembershipFactory, VolunteerCentreFactory
from inzet.vacancies.constants import VacancyStatus
from inzet.vacancies.models import Vacancy
from inzet.vacancies.selectors.vacancies import vacancy_requires_approval
from inzet.vacancies.services import lifecycle
from inzet.vacancies.services.lifecycle import VacancyData
from inzet.vacancies.tests.factories import CentrePolicyFactory, VacancyFactory, default_sector
from inzet.volunteers.constants import VacancyForm, slot_bit

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def _data(**overrides) -> VacancyData:
    values = {
        "title": "Maatje voor een oudere",
        "description": "Je gaat elke week op bezoek bij een oudere in de wijk.",
        "sector": default_sector(),
        "form": VacancyForm.REGULAR,
        "postcode": "3511ab",
        "hours_per_week": Decimal("2.5"),
    }
    values.update(overrides)
    return VacancyData(**values)


def _codes(exc: ValidationError) -> dict[str, list[str]]:
    return {field: [e.code for e in errors] for field, errors in exc.error_dict.items()}


# --- vacancy_create / vacancy_update


def test_create_makes_a_draft_with_the_place_of_the_postcode():
    organisation = VacancyFactory.build().organisation
    organisation.save()

    vacancy = lifecycle.vacancy_create(
        organisation=organisation,
        actor=None,
        data=_data(schedule=slot_bit("sat", "morning")),
    )

    assert vacancy.status == VacancyStatus.DRAFT
    assert vacancy.postcode_area_id == "3511"
    assert vacancy.municipality_id == "GM0344"
    assert vacancy.latitude == pytest.approx(vacancy.postcode_area.latitude)
    assert vacancy.longitude == pytest.approx(vacancy.postcode_area.longitude)
    assert vacancy.schedule == slot_bit("sat", "morning")


def test_create_online_needs_no_postcode_and_has_no_place():
    organisation = VacancyFactory().organisation

    vacancy = lifecycle.vacancy_create(
        organisation=organisation, actor=None, data=_data(is_online=True, postcode="")
    )

    assert vacancy.is_online
    assert vacancy.postcode_area is None
    assert vacancy.municipality is None
    assert vacancy.latitude is None


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"title": "  "}, "title", "required"),
        ({"description": ""}, "description", "required"),
        ({"postcode": ""}, "postcode", "required"),
        ({"postcode": "35AB"}, "postcode", "postcode_format"),
        ({"postcode": "1000"}, "postcode", "postcode_unknown"),
        ({"hours_per_week": Decimal("-1")}, "hours_per_week", "out_of_range"),
        ({"hours_per_week": Decimal("80.5")}, "hours_per_week", "out_of_range"),
        (
            {"starts_on": datetime.date(2030, 5, 1), "ends_on": datetime.date(2030, 4, 30)},
            "ends_on",
            "before_start",
        ),
        ({"min_age": 100}, "min_age", "out_of_range"),
        ({"min_age": -1}, "min_age", "out_of_range"),
        ({"form": "nonsense"}, "form", "invalid_choice"),
    ],
)
def test_create_refuses_bad_input_per_field(overrides, field, code):
    organisation = VacancyFactory().organisation

    with pytest.raises(ValidationError) as exc_info:
        lifecycle.vacancy_create(organisation=organisation, actor=None, data=_data(**overrides))

    assert code in _codes(exc_info.value)[field]
    assert not Vacancy.objects.filter(title="Maatje voor een oudere").exists()


def test_create_refuses_an_expiry_date_in_the_past():
    organisation = VacancyFactory().organisation
    yesterday = TODAY() - datetime.timedelta(days=1)

    with pytest.raises(ValidationError) as exc_info:
        lifecycle.vacancy_create(
            organisation=organisation, actor=None, data=_data(expires_on=yesterday)
        )

    assert _codes(exc_info.value) == {"expires_on": ["in_past"]}


def test_create_reports_every_bad_field_at_once():
    organisation = VacancyFactory().organisation

    with pytest.raises(ValidationError) as exc_info:
        lifecycle.vacancy_create(
            organisation=organisation, actor=None, data=_data(title="", min_age=120, postcode="")
        )

    assert set(exc_info.value.error_dict) == {"title", "min_age", "postcode"}


def test_boundary_values_are_accepted():
    organisation = VacancyFactory().organisation

    vacancy = lifecycle.vacancy_create(
        organisation=organisation,
        actor=None,
        data=_data(hours_per_week=Decimal(80), min_age=99, expires_on=TODAY(), postcode="3511"),
    )

    assert vacancy.hours_per_week == 80
    assert vacancy.min_age == 99


def test_update_changes_the_place():
    vacancy = VacancyFactory()

    lifecycle.vacancy_update(vacancy=vacancy, actor=None, data=_data(postcode="1012"))

    vacancy.refresh_from_db()
    assert vacancy.postcode_area_id == "1012"
    assert vacancy.municipality_id == "GM0363"


def test_update_keeps_an_expiry_date_that_passed_when_it_is_not_changed():
    yesterday = TODAY() - datetime.timedelta(days=1)
    vacancy = VacancyFactory(published=True, expires_on=yesterday)

    lifecycle.vacancy_update(
        vacancy=vacancy, actor=None, data=_data(title="Nieuwe titel", expires_on=yesterday)
    )

    vacancy.refresh_from_db()
    assert vacancy.title == "Nieuwe titel"


@pytest.mark.parametrize(
    "status", [VacancyStatus.FILLED, VacancyStatus.CLOSED, VacancyStatus.EXPIRED]
)
def test_update_refuses_a_finished_vacancy(status):
    vacancy = VacancyFactory(status=status)

    with pytest.raises(ValidationError) as exc_info:
        lifecycle.vacancy_update(vacancy=vacancy, actor=None, data=_data())

    assert exc_info.value.code == "not_editable"


# --- vacancy_copy


def test_copy_is_a_new_draft_with_the_same_content():
    vacancy = VacancyFactory(
        published=True, title="Voorlezen", min_age=16, vog_required=True, schedule=5
    )

    copy = lifecycle.vacancy_copy(vacancy=vacancy, actor=None)

    assert copy.pk != vacancy.pk
    assert copy.status == VacancyStatus.DRAFT
    assert copy.title == "Kopie van Voorlezen"
    assert copy.published_at is None
    assert (copy.min_age, copy.vog_required, copy.schedule) == (16, True, 5)
    assert copy.postcode_area_id == vacancy.postcode_area_id
    assert copy.description == vacancy.description


def test_copy_drops_an_expiry_date_that_has_passed():
    vacancy = VacancyFactory(expired=True)

    copy = lifecycle.vacancy_copy(vacancy=vacancy, actor=None)

    assert copy.expires_on is None


# --- Transitions

LEGAL = [
    ("publish", VacancyStatus.DRAFT, VacancyStatus.PUBLISHED),
    ("publish", VacancyStatus.REJECTED, VacancyStatus.PUBLISHED),
    ("pause", VacancyStatus.PUBLISHED, VacancyStatus.PAUSED),
    ("resume", VacancyStatus.PAUSED, VacancyStatus.PUBLISHED),
    ("fill", VacancyStatus.PUBLISHED, VacancyStatus.FILLED),
    ("fill", VacancyStatus.PAUSED, VacancyStatus.FILLED),
    ("close", VacancyStatus.PUBLISHED, VacancyStatus.CLOSED),
    ("close", VacancyStatus.PAUSED, VacancyStatus.CLOSED),
]


@pytest.mark.parametrize(("action", "start", "end"), LEGAL)
def test_legal_transition(action, start, end):
    vacancy = VacancyFactory(status=start)

    lifecycle.vacancy_transition(vacancy=vacancy, action=action, actor=None)

    vacancy.refresh_from_db()
    assert vacancy.status == end


def test_review_transitions_are_legal_from_submitted():
    approved = VacancyFactory(submitted=True)
    rejected = VacancyFactory(submitted=True)

    lifecycle.vacancy_approve(vacancy=approved, actor=None)
    lifecycle.vacancy_reject(vacancy=rejected, actor=None, reason="Te vaag")

    approved.refresh_from_db()
    rejected.refresh_from_db()
    assert approved.status == VacancyStatus.PUBLISHED
    assert approved.published_at is not None
    assert rejected.status == VacancyStatus.REJECTED
    assert rejected.rejection_reason == "Te vaag"


ALL_ACTIONS = {
    "publish": lambda v: lifecycle.vacancy_publish(vacancy=v, actor=None),
    "approve": lambda v: lifecycle.vacancy_approve(vacancy=v, actor=None),
    "reject": lambda v: lifecycle.vacancy_reject(vacancy=v, actor=None, reason="Nee"),
    "pause": lambda v: lifecycle.vacancy_pause(vacancy=v, actor=None),
    "resume": lambda v: lifecycle.vacancy_resume(vacancy=v, actor=None),
    "fill": lambda v: lifecycle.vacancy_fill(vacancy=v, actor=None),
    "close": lambda v: lifecycle.vacancy_close(vacancy=v, actor=None),
}
ILLEGAL = [
    (action, status)
    for action in ALL_ACTIONS
    for status in VacancyStatus.values
    if status not in lifecycle.TRANSITIONS[action][0]
]


@pytest.mark.parametrize(("action", "status"), ILLEGAL)
def test_illegal_transition_raises_and_changes_nothing(action, status):
    vacancy = VacancyFactory(status=status)

    with pytest.raises(ValidationError) as exc_info:
        ALL_ACTIONS[action](vacancy)

    assert exc_info.value.code == "illegal_transition"
    vacancy.refresh_from_db()
    assert vacancy.status == status


def test_unknown_action_is_refused():
    vacancy = VacancyFactory(published=True)

    with pytest.raises(ValidationError):
        lifecycle.vacancy_transition(vacancy=vacancy, action="delete", actor=None)


def test_reject_needs_a_reason():
    vacancy = VacancyFactory(submitted=True)

    with pytest.raises(ValidationError) as exc_info:
        lifecycle.vacancy_reject(vacancy=vacancy, actor=None, reason="   ")

    assert "reason" in exc_info.value.error_dict
    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.SUBMITTED


def test_publishing_a_vacancy_whose_expiry_passed_asks_for_a_new_date():
    vacancy = VacancyFactory(expires_on=TODAY() - datetime.timedelta(days=1))

    with pytest.raises(ValidationError) as exc_info:
        lifecycle.vacancy_publish(vacancy=vacancy, actor=None)

    assert "expires_on" in exc_info.value.error_dict


def test_allowed_actions_follow_the_status():
    assert lifecycle.vacancy_allowed_actions(vacancy=VacancyFactory.build()) == ["publish"]
    assert lifecycle.vacancy_allowed_actions(vacancy=VacancyFactory.build(published=True)) == [
        "pause",
        "fill",
        "close",
    ]
    assert (
        lifecycle.vacancy_allowed_actions(vacancy=VacancyFactory.build(status=VacancyStatus.CLOSED))
        == []
    )


# --- The approval path


def test_publish_goes_live_directly_without_a_centre_policy():
    vacancy = VacancyFactory()
    VolunteerCentreFactory()  # serves Utrecht, but never asked for approval

    lifecycle.vacancy_publish(vacancy=vacancy, actor=None)

    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.PUBLISHED
    assert vacancy.published_at is not None
    assert mail.outbox == []


def test_publish_goes_live_directly_when_the_centre_does_not_require_approval():
    CentrePolicyFactory(requires_approval=False)
    vacancy = VacancyFactory()

    lifecycle.vacancy_publish(vacancy=vacancy, actor=None)

    assert vacancy.status == VacancyStatus.PUBLISHED


def test_publish_waits_for_approval_and_tells_the_centre(django_capture_on_commit_callbacks):
    policy = CentrePolicyFactory(requires_approval=True, centre__email="info@vcutrecht.example")
    vacancy = VacancyFactory(title="Tuinieren")

    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.vacancy_publish(vacancy=vacancy, actor=None)

    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.SUBMITTED
    assert vacancy.published_at is None
    [message] = mail.outbox
    assert message.to == ["info@vcutrecht.example"]
    assert "Tuinieren" in message.subject
    assert f"/vacatures/centrale/{policy.centre.public_id}/goedkeuren/" in message.body


def test_a_centre_elsewhere_does_not_hold_up_publication():
    CentrePolicyFactory(requires_approval=True, centre__municipality_codes=["GM0363"])
    vacancy = VacancyFactory()  # in Utrecht

    lifecycle.vacancy_publish(vacancy=vacancy, actor=None)

    assert vacancy.status == VacancyStatus.PUBLISHED


def test_approval_for_online_work_follows_the_organisations_municipality():
    CentrePolicyFactory(requires_approval=True)  # Utrecht; the organisation is in Utrecht
    vacancy = VacancyFactory(online=True)

    assert vacancy_requires_approval(vacancy=vacancy)


def test_any_responsible_centre_requiring_approval_is_enough():
    CentrePolicyFactory(requires_approval=False)
    CentrePolicyFactory(requires_approval=True)

    assert vacancy_requires_approval(vacancy=VacancyFactory())


def test_approval_tells_the_organisation_with_a_link(django_capture_on_commit_callbacks):
    vacancy = VacancyFactory(submitted=True)
    coordinator = MembershipFactory(
        organisation=vacancy.organisation, role=OrganisationRole.COORDINATOR
    ).user
    MembershipFactory(organisation=vacancy.organisation, role=OrganisationRole.MEMBER)

    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.vacancy_approve(vacancy=vacancy, actor=None)

    [message] = mail.outbox
    assert message.to == [coordinator.email]
    assert settings.SITE_URL.rstrip("/") + vacancy.get_absolute_url() in message.body


def test_rejection_tells_the_organisation_the_reason(django_capture_on_commit_callbacks):
    vacancy = VacancyFactory(submitted=True)
    MembershipFactory(organisation=vacancy.organisation, role=OrganisationRole.ADMIN)

    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.vacancy_reject(vacancy=vacancy, actor=None, reason="Geef een contactpersoon op.")

    [message] = mail.outbox
    assert "Geef een contactpersoon op." in message.body
    assert f"/vacatures/{vacancy.public_id}/bewerken/" in message.body


def test_a_rejected_vacancy_can_be_submitted_again():
    CentrePolicyFactory(requires_approval=True)
    vacancy = VacancyFactory(status=VacancyStatus.REJECTED, rejection_reason="Te vaag")

    lifecycle.vacancy_publish(vacancy=vacancy, actor=None)

    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.SUBMITTED
    assert vacancy.rejection_reason == ""


# --- Expiry


def test_expire_due_marks_only_published_vacancies_past_their_date():
    today = TODAY()
    past = VacancyFactory(published=True, expires_on=today - datetime.timedelta(days=1))
    due_today = VacancyFactory(published=True, expires_on=today)
    paused = VacancyFactory(status=VacancyStatus.PAUSED, expires_on=today - datetime.timedelta(1))

    assert lifecycle.vacancy_expire_due(today=today) == 1
    assert lifecycle.vacancy_expire_due(today=today) == 0  # idempotent

    for vacancy in (past, due_today, paused):
        vacancy.refresh_from_db()
    assert past.status == VacancyStatus.EXPIRED
    assert due_today.status == VacancyStatus.PUBLISHED
    assert paused.status == VacancyStatus.PAUSED


def test_resuming_after_the_expiry_date_asks_for_a_new_date():
    vacancy = VacancyFactory(
        status=VacancyStatus.PAUSED, expires_on=TODAY() - datetime.timedelta(days=1)
    )

    with pytest.raises(ValidationError):
        lifecycle.vacancy_resume(vacancy=vacancy, actor=None)

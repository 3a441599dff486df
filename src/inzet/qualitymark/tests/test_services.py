from datetime import date

from django.core import mail
from django.core.exceptions import ValidationError

import pytest

from inzet.accounts.tests.factories import UserFactory, adviser, nov_staff
from inzet.organisations.constants import OrganisationRole
from inzet.organisations.tests.factories import MembershipFactory, OrganisationFactory
from inzet.qualitymark import services
from inzet.qualitymark.constants import (
    ApplicationStatus,
    Decision,
    Recommendation,
)
from inzet.qualitymark.models import QualityMark
from inzet.qualitymark.tests.factories import ApplicationFactory, admin_of, assessor
from inzet.selfevaluation.models import AdviserAssignment
from inzet.selfevaluation.tests.factories import EvaluationFactory

pytestmark = pytest.mark.django_db

ALL_STATUSES = list(ApplicationStatus)


def _codes(exc: pytest.ExceptionInfo) -> set[str]:
    error = exc.value
    if hasattr(error, "error_dict"):
        return {e.code for errors in error.error_dict.values() for e in errors}
    return {e.code for e in error.error_list}


def _recipients() -> set[str]:
    return {address for message in mail.outbox for address in message.to}


# --- Validity


@pytest.mark.parametrize(
    ("granted_on", "valid_until"),
    [
        (date(2025, 6, 15), date(2029, 6, 14)),
        (date(2025, 1, 1), date(2028, 12, 31)),
        (date(2024, 3, 1), date(2028, 2, 29)),  # the last valid day is a leap day
        (date(2024, 2, 29), date(2028, 2, 28)),  # granted on a leap day
        (date(2096, 2, 29), date(2100, 2, 28)),  # 2100 is no leap year
        (date(2023, 2, 28), date(2027, 2, 27)),
    ],
)
def test_quality_mark_is_valid_four_years_minus_a_day(granted_on, valid_until):
    assert services.quality_mark_valid_until(granted_on=granted_on) == valid_until


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2025, 1, 15), 6, date(2025, 7, 15)),
        (date(2025, 8, 31), 6, date(2026, 2, 28)),
        (date(2023, 8, 31), 6, date(2024, 2, 29)),
        (date(2025, 11, 30), 2, date(2026, 1, 30)),
        (date(2025, 12, 31), 2, date(2026, 2, 28)),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_last_of_the_month(day, months, expected):
    assert services.add_months(day, months) == expected


# --- Submit


def test_admin_submits_a_closed_evaluation_and_admins_and_nov_are_mailed():
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    staff = nov_staff()
    evaluation = EvaluationFactory(organisation=organisation, closed=True)

    application = services.application_submit(
        organisation=organisation, evaluation=evaluation, user=admin
    )

    assert application.status == ApplicationStatus.SUBMITTED
    assert application.submitted_by == admin
    assert _recipients() == {admin.email, staff.email}
    assert all(str(application.public_id) in m.body for m in mail.outbox)


def test_submit_needs_a_closed_evaluation():
    organisation = OrganisationFactory()
    evaluation = EvaluationFactory(organisation=organisation)

    with pytest.raises(ValidationError) as exc:
        services.application_submit(
            organisation=organisation, evaluation=evaluation, user=admin_of(organisation)
        )

    assert _codes(exc) == {"not_closed"}


def test_submit_needs_an_evaluation_of_the_same_organisation():
    organisation = OrganisationFactory()
    evaluation = EvaluationFactory(closed=True)

    with pytest.raises(ValidationError) as exc:
        services.application_submit(
            organisation=organisation, evaluation=evaluation, user=admin_of(organisation)
        )

    assert _codes(exc) == {"other_organisation"}


@pytest.mark.parametrize("role", [OrganisationRole.COORDINATOR, OrganisationRole.MEMBER])
def test_only_an_admin_may_submit(role):
    organisation = OrganisationFactory()
    user = MembershipFactory(organisation=organisation, role=role).user
    evaluation = EvaluationFactory(organisation=organisation, closed=True)

    with pytest.raises(ValidationError) as exc:
        services.application_submit(organisation=organisation, evaluation=evaluation, user=user)

    assert _codes(exc) == {"not_allowed"}


def test_nov_staff_cannot_submit_for_an_organisation():
    organisation = OrganisationFactory()
    evaluation = EvaluationFactory(organisation=organisation, closed=True)

    with pytest.raises(ValidationError):
        services.application_submit(
            organisation=organisation, evaluation=evaluation, user=nov_staff()
        )


@pytest.mark.parametrize(
    "status",
    [ApplicationStatus.SUBMITTED, ApplicationStatus.ASSESSMENT, ApplicationStatus.RECOMMENDED],
)
def test_no_second_application_while_one_is_open(status):
    existing = ApplicationFactory(status=status)
    organisation = existing.organisation

    with pytest.raises(ValidationError) as exc:
        services.application_submit(
            organisation=organisation,
            evaluation=existing.evaluation,
            user=admin_of(organisation),
        )

    assert _codes(exc) == {"already_open"}


@pytest.mark.parametrize("status", [ApplicationStatus.DECIDED, ApplicationStatus.WITHDRAWN])
def test_a_new_application_after_a_decision_or_withdrawal(status):
    existing = ApplicationFactory(status=status)
    organisation = existing.organisation

    application = services.application_submit(
        organisation=organisation, evaluation=existing.evaluation, user=admin_of(organisation)
    )

    assert application.status == ApplicationStatus.SUBMITTED


# --- Assign


def test_nov_assigns_the_organisations_own_adviser_by_default():
    application = ApplicationFactory()
    own_adviser = adviser()
    AdviserAssignment.objects.create(adviser=own_adviser, organisation=application.organisation)
    admin = admin_of(application.organisation)
    final = assessor()

    services.application_assign(application=application, assessor=final, by=nov_staff())

    application.refresh_from_db()
    assert application.status == ApplicationStatus.ASSESSMENT
    assert (application.adviser, application.assessor) == (own_adviser, final)
    assert _recipients() == {admin.email, own_adviser.email, final.email}


def test_assign_without_any_adviser_asks_to_choose_one():
    application = ApplicationFactory()

    with pytest.raises(ValidationError) as exc:
        services.application_assign(application=application, assessor=assessor(), by=nov_staff())

    assert _codes(exc) == {"adviser_required"}


def test_only_nov_staff_may_assign():
    application = ApplicationFactory()

    for user in (admin_of(application.organisation), adviser(), assessor(), UserFactory()):
        with pytest.raises(ValidationError) as exc:
            services.application_assign(
                application=application, adviser=adviser(), assessor=assessor(), by=user
            )
        assert _codes(exc) == {"not_allowed"}


def test_assigned_people_need_their_roles():
    application = ApplicationFactory()

    with pytest.raises(ValidationError) as exc:
        services.application_assign(
            application=application, adviser=UserFactory(), assessor=UserFactory(), by=nov_staff()
        )

    assert _codes(exc) == {"not_adviser", "not_assessor"}


def test_the_assessor_is_not_the_adviser():
    application = ApplicationFactory()
    person = adviser()
    person.platform_roles.create(role="assessor")

    with pytest.raises(ValidationError) as exc:
        services.application_assign(
            application=application, adviser=person, assessor=person, by=nov_staff()
        )

    assert _codes(exc) == {"assessor_is_adviser"}


def test_the_assessor_is_not_a_member_of_the_organisation():
    application = ApplicationFactory()
    final = assessor()
    MembershipFactory(organisation=application.organisation, user=final)

    with pytest.raises(ValidationError) as exc:
        services.application_assign(
            application=application, adviser=adviser(), assessor=final, by=nov_staff()
        )

    assert _codes(exc) == {"assessor_is_member"}


def test_reassigning_during_the_assessment_mails_only_the_new_person():
    application = ApplicationFactory(status=ApplicationStatus.ASSESSMENT)
    kept_adviser = application.adviser
    new_assessor = assessor()

    services.application_assign(
        application=application, adviser=kept_adviser, assessor=new_assessor, by=nov_staff()
    )

    assert _recipients() == {new_assessor.email}
    application.refresh_from_db()
    assert application.assessor == new_assessor


# --- Assess


def _assess(application, *, by=None, **overrides):
    fields = {
        "scores_right": True,
        "evidence_complete": True,
        "notes": "Gesprek gevoerd met bestuur en twee vrijwilligers.",
        "recommendation": Recommendation.GRANT,
    }
    return services.application_assess(
        application=application, adviser=by or application.adviser, **{**fields, **overrides}
    )


def test_the_adviser_recommends_and_the_assessor_is_mailed():
    application = ApplicationFactory(status=ApplicationStatus.ASSESSMENT)
    admin = admin_of(application.organisation)

    _assess(application)

    application.refresh_from_db()
    assert application.status == ApplicationStatus.RECOMMENDED
    assert application.recommendation == Recommendation.GRANT
    assert application.check_scores_right is True
    assert application.recommended_at is not None
    assert _recipients() == {application.assessor.email, admin.email}


def test_only_the_applications_adviser_may_assess():
    application = ApplicationFactory(status=ApplicationStatus.ASSESSMENT)

    for user in (adviser(), application.assessor, nov_staff(), admin_of(application.organisation)):
        with pytest.raises(ValidationError) as exc:
            _assess(application, by=user)
        assert _codes(exc) == {"not_allowed"}


def test_assessment_needs_notes_and_a_fitting_recommendation():
    application = ApplicationFactory(status=ApplicationStatus.ASSESSMENT)

    with pytest.raises(ValidationError) as exc:
        _assess(application, notes="  ", evidence_complete=False)

    assert _codes(exc) == {"notes_required", "grant_needs_checks"}


def test_incomplete_evidence_may_lead_to_a_grant_with_conditions():
    application = ApplicationFactory(status=ApplicationStatus.ASSESSMENT)

    _assess(
        application,
        evidence_complete=False,
        recommendation=Recommendation.GRANT_WITH_CONDITIONS,
    )

    application.refresh_from_db()
    assert application.check_evidence_complete is False


# --- Decide


def _decide(application, *, by=None, **overrides):
    fields = {
        "decision": Decision.GRANTED,
        "reasons": "Het beleid is goed geregeld.",
        "conditions": "",
    }
    return services.application_decide(
        application=application, assessor=by or application.assessor, **{**fields, **overrides}
    )


def test_granting_creates_a_mark_valid_for_four_years(settings):
    application = ApplicationFactory(status=ApplicationStatus.RECOMMENDED)
    admin = admin_of(application.organisation)

    _decide(application)

    mark = QualityMark.objects.get(application=application)
    assert mark.organisation == application.organisation
    assert mark.valid_until == services.quality_mark_valid_until(granted_on=mark.granted_on)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECIDED
    assert _recipients() == {admin.email, application.adviser.email}


def test_granting_with_conditions_keeps_the_conditions_on_the_mark():
    application = ApplicationFactory(status=ApplicationStatus.RECOMMENDED)

    _decide(
        application,
        decision=Decision.GRANTED_WITH_CONDITIONS,
        conditions="Binnen een jaar een vertrouwenspersoon aanstellen.",
    )

    assert QualityMark.objects.get().conditions.startswith("Binnen een jaar")


def test_not_granting_creates_no_mark():
    application = ApplicationFactory(status=ApplicationStatus.RECOMMENDED)

    _decide(application, decision=Decision.NOT_GRANTED)

    assert not QualityMark.objects.exists()
    application.refresh_from_db()
    assert application.decision == Decision.NOT_GRANTED


def test_decision_needs_reasons_and_conditions_when_conditional():
    application = ApplicationFactory(status=ApplicationStatus.RECOMMENDED)

    with pytest.raises(ValidationError) as exc:
        _decide(application, decision=Decision.GRANTED_WITH_CONDITIONS, reasons="", conditions="")

    assert _codes(exc) == {"reasons_required", "conditions_required"}
    assert not QualityMark.objects.exists()


def test_conditions_only_go_with_a_conditional_grant():
    application = ApplicationFactory(status=ApplicationStatus.RECOMMENDED)

    with pytest.raises(ValidationError) as exc:
        _decide(application, decision=Decision.GRANTED, conditions="Iets regelen.")

    assert _codes(exc) == {"conditions_not_allowed"}


def test_only_the_applications_assessor_may_decide():
    application = ApplicationFactory(status=ApplicationStatus.RECOMMENDED)

    for user in (assessor(), application.adviser, nov_staff(), admin_of(application.organisation)):
        with pytest.raises(ValidationError) as exc:
            _decide(application, by=user)
        assert _codes(exc) == {"not_allowed"}


# --- Withdraw


@pytest.mark.parametrize(
    "status",
    [ApplicationStatus.SUBMITTED, ApplicationStatus.ASSESSMENT, ApplicationStatus.RECOMMENDED],
)
def test_the_admin_withdraws_before_the_decision(status):
    application = ApplicationFactory(status=status)
    admin = admin_of(application.organisation)

    services.application_withdraw(application=application, user=admin)

    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN
    expected = {admin.email} | {p.email for p in (application.adviser, application.assessor) if p}
    assert _recipients() == expected


def test_only_an_admin_may_withdraw():
    application = ApplicationFactory(status=ApplicationStatus.ASSESSMENT)
    coordinator = MembershipFactory(
        organisation=application.organisation, role=OrganisationRole.COORDINATOR
    ).user

    for user in (coordinator, application.adviser, application.assessor, nov_staff()):
        with pytest.raises(ValidationError) as exc:
            services.application_withdraw(application=application, user=user)
        assert _codes(exc) == {"not_allowed"}


# --- Every transition from every status: only the legal ones pass


LEGAL = {
    "assign": {ApplicationStatus.SUBMITTED, ApplicationStatus.ASSESSMENT},
    "assess": {ApplicationStatus.ASSESSMENT},
    "decide": {ApplicationStatus.RECOMMENDED},
    "withdraw": {
        ApplicationStatus.SUBMITTED,
        ApplicationStatus.ASSESSMENT,
        ApplicationStatus.RECOMMENDED,
    },
}
TARGET = {
    "assign": ApplicationStatus.ASSESSMENT,
    "assess": ApplicationStatus.RECOMMENDED,
    "decide": ApplicationStatus.DECIDED,
    "withdraw": ApplicationStatus.WITHDRAWN,
}


def _run(transition: str, application):
    if transition == "assign":
        return services.application_assign(
            application=application, adviser=adviser(), assessor=assessor(), by=nov_staff()
        )
    if transition == "assess":
        if application.adviser is None:
            application.adviser = adviser()
            application.save(update_fields=["adviser"])
        return _assess(application)
    if transition == "decide":
        if application.assessor is None:
            application.assessor = assessor()
            application.save(update_fields=["assessor"])
        return _decide(application)
    return services.application_withdraw(
        application=application, user=admin_of(application.organisation)
    )


@pytest.mark.parametrize(
    ("transition", "status"),
    [(transition, status) for transition in LEGAL for status in ALL_STATUSES],
)
def test_state_machine_allows_only_legal_transitions(transition, status):
    application = ApplicationFactory(status=status)

    if status in LEGAL[transition]:
        _run(transition, application)
        application.refresh_from_db()
        assert application.status == TARGET[transition]
    else:
        with pytest.raises(ValidationError) as exc:
            _run(transition, application)
        assert _codes(exc) == {"wrong_status"}
        application.refresh_from_db()
        assert application.status == status


# --- Revoke


def test_revoke_marks_the_moment_once():
    from inzet.qualitymark.tests.factories import QualityMarkFactory

    mark = QualityMarkFactory()

    services.quality_mark_revoke(quality_mark=mark, by=nov_staff())

    mark.refresh_from_db()
    assert mark.revoked_at is not None
    with pytest.raises(ValidationError):
        services.quality_mark_revoke(quality_mark=mark, by=nov_staff())

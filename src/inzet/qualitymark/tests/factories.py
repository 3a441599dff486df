"""Factories for keurmerk applications and marks, and the people in the flow."""

from django.utils import timezone

import factory

from inzet.accounts.constants import PlatformRoleKind
from inzet.accounts.models import User
from inzet.accounts.tests.factories import PlatformRoleFactory, adviser
from inzet.organisations.constants import OrganisationRole
from inzet.organisations.tests.factories import MembershipFactory, OrganisationFactory
from inzet.qualitymark.constants import ApplicationStatus, Decision, Recommendation
from inzet.qualitymark.models import Application, QualityMark
from inzet.qualitymark.services import quality_mark_valid_until
from inzet.selfevaluation.tests.factories import EvaluationFactory


def assessor() -> User:
    return PlatformRoleFactory(role=PlatformRoleKind.ASSESSOR).user


def admin_of(organisation) -> User:
    return MembershipFactory(organisation=organisation, role=OrganisationRole.ADMIN).user


class ApplicationFactory(factory.django.DjangoModelFactory):
    """An application in the given status, with the fields that status implies
    (``status=ApplicationStatus.RECOMMENDED`` comes with adviser, assessor and a recommendation).
    """

    class Meta:
        model = Application

    organisation = factory.SubFactory(OrganisationFactory)
    evaluation = factory.LazyAttribute(
        lambda o: EvaluationFactory(organisation=o.organisation, closed=True)
    )
    status = ApplicationStatus.SUBMITTED
    adviser = factory.LazyAttribute(
        lambda o: None if o.status == ApplicationStatus.SUBMITTED else adviser()
    )
    assessor = factory.LazyAttribute(
        lambda o: None if o.status == ApplicationStatus.SUBMITTED else assessor()
    )

    class Params:
        recommended = factory.LazyAttribute(
            lambda o: o.status in (ApplicationStatus.RECOMMENDED, ApplicationStatus.DECIDED)
        )

    check_scores_right = factory.LazyAttribute(lambda o: True if o.recommended else None)
    check_evidence_complete = factory.LazyAttribute(lambda o: True if o.recommended else None)
    recommendation = factory.LazyAttribute(lambda o: Recommendation.GRANT if o.recommended else "")
    recommended_at = factory.LazyAttribute(lambda o: timezone.now() if o.recommended else None)
    decision = factory.LazyAttribute(
        lambda o: Decision.GRANTED if o.status == ApplicationStatus.DECIDED else ""
    )
    decided_at = factory.LazyAttribute(
        lambda o: timezone.now() if o.status == ApplicationStatus.DECIDED else None
    )


class QualityMarkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QualityMark

    organisation = factory.SubFactory(OrganisationFactory)
    application = factory.SubFactory(
        ApplicationFactory,
        organisation=factory.SelfAttribute("..organisation"),
        status=ApplicationStatus.DECIDED,
    )
    granted_on = factory.LazyFunction(timezone.localdate)
    valid_until = factory.LazyAttribute(lambda o: quality_mark_valid_until(granted_on=o.granted_on))

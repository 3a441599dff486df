"""Factories for the self-evaluation. A questionnaire gets parts and statements of its own,
so tests never depend on the shipped questionnaire of migration 0002."""

from decimal import Decimal

from django.utils import timezone

import factory

from inzet.accounts.tests.factories import UserFactory
from inzet.organisations.constants import OrganisationRole
from inzet.organisations.tests.factories import MembershipFactory, OrganisationFactory
from inzet.selfevaluation.constants import EvaluationStatus, Phase, QuestionnaireStatus
from inzet.selfevaluation.models import (
    Answer,
    Evaluation,
    Evidence,
    Part,
    Questionnaire,
    Statement,
    VolunteerInvitation,
)

PART_CODES = "ABCDEFGH"


class QuestionnaireFactory(factory.django.DjangoModelFactory):
    """A published questionnaire with ``parts`` parts (A, B, …) of ``statements`` statements
    each; in every part the first statement is starred (a core question)."""

    class Meta:
        model = Questionnaire
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"testvragenlijst-{n}")
    name = "Vrijwillige Inzet Goed Geregeld (test)"
    version = 1
    status = QuestionnaireStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    class Params:
        draft = factory.Trait(status=QuestionnaireStatus.DRAFT, published_at=None)

    @factory.post_generation
    def parts(obj, create, extracted, statements: int = 3, **kwargs):
        if not create:
            return
        count = 2 if extracted is None else extracted
        for index in range(count):
            PartFactory(
                questionnaire=obj, code=PART_CODES[index], order=index, statements=statements
            )


class PartFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Part
        skip_postgeneration_save = True

    questionnaire = factory.SubFactory(QuestionnaireFactory, parts=0)
    code = factory.Sequence(lambda n: PART_CODES[n % len(PART_CODES)])
    name = factory.LazyAttribute(lambda o: f"Deel {o.code}")
    phase = factory.LazyAttribute(lambda o: list(Phase)[PART_CODES.index(o.code[0]) % 3])
    description = "Over het beleid voor vrijwilligers."
    minimum_score = Decimal("2.50")
    order = 0

    @factory.post_generation
    def statements(obj, create, extracted, **kwargs):
        if not create:
            return
        count = 3 if extracted is None else extracted
        for index in range(count):
            StatementFactory(
                part=obj,
                code=f"{obj.code}{index + 1}",
                order=index,
                starred=index == 0,
            )


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statement

    part = factory.SubFactory(PartFactory, statements=0)
    code = factory.Sequence(lambda n: f"X{n}")
    text = factory.LazyAttribute(lambda o: f"Stelling {o.code}: ons beleid is op papier gezet.")
    volunteer_text = factory.LazyAttribute(lambda o: f"Vrijwilligers weten {o.code}.")
    evidence_hint = "beleidsplan"
    starred = False
    order = 0


class EvaluationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evaluation

    organisation = factory.SubFactory(OrganisationFactory)
    questionnaire = factory.SubFactory(QuestionnaireFactory)
    small_organisation = False
    started_by = factory.SubFactory(UserFactory)

    class Params:
        closed = factory.Trait(
            status=EvaluationStatus.CLOSED, closed_at=factory.LazyFunction(timezone.now)
        )


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    evaluation = factory.SubFactory(EvaluationFactory)
    statement = factory.LazyAttribute(
        lambda o: Statement.objects.filter(part__questionnaire=o.evaluation.questionnaire).first()
    )
    score = 3


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evidence

    evaluation = factory.SubFactory(EvaluationFactory)
    statement = factory.LazyAttribute(
        lambda o: Statement.objects.filter(part__questionnaire=o.evaluation.questionnaire).first()
    )
    url = "https://example.org/beleid"
    description = "Vrijwilligersbeleid"


class VolunteerInvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VolunteerInvitation

    evaluation = factory.SubFactory(EvaluationFactory)


def runner(organisation, role: str = OrganisationRole.ADMIN):
    """A person who may run the organisation's self-evaluation (admin or coordinator)."""
    return MembershipFactory(organisation=organisation, role=role).user


def answer_all(evaluation, *, score: int = 3, user=None) -> None:
    """Give every statement in scope a score (without the service, for quick set-up)."""
    from inzet.selfevaluation.selectors.evaluations import evaluation_statements

    for statement in evaluation_statements(evaluation=evaluation):
        Answer.objects.update_or_create(
            evaluation=evaluation,
            statement=statement,
            defaults={"score": score, "updated_by": user},
        )

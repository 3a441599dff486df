"""Reads and gatekeepers for evaluations. A gatekeeper returns the object or raises Http404,
so a person without access cannot even learn that an evaluation exists."""

from dataclasses import dataclass, field
from uuid import UUID

from django.db.models import QuerySet
from django.http import Http404

from inzet.accounts.models import User
from inzet.core import permissions
from inzet.core.permissions import AnyUser
from inzet.organisations.models import Organisation
from inzet.selfevaluation.models import (
    Answer,
    AnswerChange,
    Evaluation,
    Evidence,
    Part,
    Statement,
)

# --- Gatekeepers (imported by the other self-evaluation and quality mark views)


def _evaluation_get(*, public_id: UUID) -> Evaluation:
    try:
        return Evaluation.objects.select_related("organisation", "questionnaire", "started_by").get(
            public_id=public_id
        )
    except Evaluation.DoesNotExist:
        raise Http404 from None


def evaluation_get_for_viewer(*, user: AnyUser, public_id: UUID) -> Evaluation:
    """Members, the assigned adviser, and the people handling a keurmerk application on this
    evaluation may look; others get a 404."""
    evaluation = _evaluation_get(public_id=public_id)
    if not permissions.can_view_evaluation(user, evaluation):
        raise Http404
    return evaluation


def evaluation_get_for_runner(*, user: AnyUser, public_id: UUID) -> Evaluation:
    """Admins and coordinators of the organisation may answer, upload, invite and close."""
    evaluation = _evaluation_get(public_id=public_id)
    if not permissions.can_run_evaluation(user, evaluation.organisation):
        raise Http404
    return evaluation


def _evidence_get(*, public_id: UUID) -> Evidence:
    try:
        return Evidence.objects.select_related("evaluation__organisation", "statement__part").get(
            public_id=public_id
        )
    except Evidence.DoesNotExist:
        raise Http404 from None


def evidence_get_for_viewer(*, user: AnyUser, public_id: UUID) -> Evidence:
    evidence = _evidence_get(public_id=public_id)
    if not permissions.can_view_evaluation(user, evidence.evaluation):
        raise Http404
    return evidence


def evidence_get_for_runner(*, user: AnyUser, public_id: UUID) -> Evidence:
    evidence = _evidence_get(public_id=public_id)
    if not permissions.can_run_evaluation(user, evidence.evaluation.organisation):
        raise Http404
    return evidence


def organisation_get_for_evaluation_runner(*, user: AnyUser, public_id: UUID) -> Organisation:
    try:
        organisation = Organisation.objects.get(public_id=public_id)
    except Organisation.DoesNotExist:
        raise Http404 from None
    if not permissions.can_run_evaluation(user, organisation):
        raise Http404
    return organisation


# --- Scope: which parts and statements an evaluation asks


def evaluation_statements(*, evaluation: Evaluation) -> QuerySet[Statement]:
    """The statements this evaluation asks: all of them, or only the starred ones for small
    organisations."""
    statements = Statement.objects.filter(part__questionnaire=evaluation.questionnaire)
    if evaluation.small_organisation:
        statements = statements.filter(starred=True)
    return statements.select_related("part").order_by("part__order", "part__code", "order", "code")


def evaluation_statement_get(*, evaluation: Evaluation, statement_id: int) -> Statement:
    """A statement in scope of this evaluation, or 404."""
    try:
        return evaluation_statements(evaluation=evaluation).get(pk=statement_id)
    except Statement.DoesNotExist:
        raise Http404 from None


def evaluation_part_get(*, evaluation: Evaluation, part_code: str) -> Part:
    try:
        part = evaluation.questionnaire.parts.get(code=part_code)
    except Part.DoesNotExist:
        raise Http404 from None
    if not evaluation_statements(evaluation=evaluation).filter(part=part).exists():
        raise Http404
    return part


@dataclass
class PartProgress:
    part: Part
    answered: int
    total: int

    @property
    def complete(self) -> bool:
        return self.answered >= self.total


def evaluation_progress(*, evaluation: Evaluation) -> list[PartProgress]:
    """Per part in scope: how many statements have a score, of how many."""
    statements = list(evaluation_statements(evaluation=evaluation))
    answered_ids = set(
        evaluation.answers.filter(score__isnull=False).values_list("statement_id", flat=True)
    )
    progress: dict[int, PartProgress] = {}
    for statement in statements:
        item = progress.setdefault(
            statement.part_id, PartProgress(part=statement.part, answered=0, total=0)
        )
        item.total += 1
        if statement.pk in answered_ids:
            item.answered += 1
    return list(progress.values())


def evaluation_open_statements(*, evaluation: Evaluation) -> list[Statement]:
    """In-scope statements without a score yet, in questionnaire order."""
    answered_ids = evaluation.answers.filter(score__isnull=False).values_list(
        "statement_id", flat=True
    )
    return list(evaluation_statements(evaluation=evaluation).exclude(pk__in=answered_ids))


@dataclass
class StatementRow:
    """One statement on the part page, with its saved answer and evidence."""

    statement: Statement
    answer: Answer | None
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def score(self) -> int | None:
        return self.answer.score if self.answer else None

    @property
    def note(self) -> str:
        return self.answer.note if self.answer else ""


def evaluation_part_rows(*, evaluation: Evaluation, part: Part) -> list[StatementRow]:
    statements = evaluation_statements(evaluation=evaluation).filter(part=part)
    answers = {a.statement_id: a for a in evaluation.answers.filter(statement__part=part)}
    evidence: dict[int, list[Evidence]] = {}
    for item in evaluation.evidence.filter(statement__part=part).order_by("added_at"):
        evidence.setdefault(item.statement_id, []).append(item)
    return [
        StatementRow(
            statement=statement,
            answer=answers.get(statement.pk),
            evidence=evidence.get(statement.pk, []),
        )
        for statement in statements
    ]


def evaluation_list_for_user(*, user: User) -> list[tuple[Organisation, bool, list[Evaluation]]]:
    """For each organisation the user may view evaluations of: whether the user may start one,
    and its evaluations, newest first."""
    if not user.is_authenticated:
        return []
    organisations = Organisation.objects.filter(memberships__user=user).distinct().order_by("name")
    result = []
    for organisation in organisations:
        if not permissions.can_view_evaluations(user, organisation):
            continue
        evaluations = list(
            organisation.evaluations.select_related("questionnaire").order_by("-started_at")
        )
        result.append(
            (organisation, permissions.can_run_evaluation(user, organisation), evaluations)
        )
    return result


def evaluation_history(*, evaluation: Evaluation) -> QuerySet[AnswerChange]:
    return (
        AnswerChange.objects.filter(answer__evaluation=evaluation)
        .select_related("answer__statement__part", "changed_by")
        .order_by("-changed_at", "-pk")
    )


def evaluation_volunteer_response_count(*, evaluation: Evaluation) -> int:
    return evaluation.volunteer_responses.count()

"""How a self-evaluation is scored: the organisation's own answers beside the volunteers'.

The rules are written out in docs/zelfevaluatie.md, section "Scoring". In short:

- Only the statements in scope count (small organisations: the starred ones only).
- The organisation's score for a part is the mean of its answered statements.
- A volunteer's score for a part is the mean of that volunteer's answered statements of the
  part; the report shows the mean, spread, lowest and highest of those scores.
- Volunteers' figures are shown only from ``settings.INZET_VOLUNTEER_MIN_ANSWERS`` answers
  on, so nothing can point to one volunteer. Individual answers are never returned.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from statistics import fmean, pstdev
from uuid import UUID

from django.conf import settings
from django.http import Http404

from inzet.core import permissions
from inzet.core.permissions import AnyUser
from inzet.organisations.models import Organisation
from inzet.selfevaluation.constants import DEFAULT_SCALE_MAX
from inzet.selfevaluation.models import (
    Evaluation,
    Part,
    Questionnaire,
    Statement,
    VolunteerAnswer,
)
from inzet.selfevaluation.selectors.evaluations import evaluation_statements


@dataclass(frozen=True)
class Thresholds:
    """When a statement is a strength or a point to improve, on a scale of 1 to ``top``.

    On the standard scale of 1 to 4: a strength is a 4 from the organisation (and 3.5 or more
    from the volunteers, when shown); a point to improve is a 2 or lower, or a gap of 1 or
    more. Other scales use the same fractions of their range (see docs/zelfevaluatie.md).
    """

    strength_score: int
    strength_volunteers_min: float
    improve_at_or_below: float
    improve_gap: float

    @classmethod
    def for_questionnaire(cls, questionnaire: Questionnaire) -> "Thresholds":
        low, top = questionnaire.scale_min, questionnaire.scale_max
        span = top - low
        return cls(
            strength_score=top,
            strength_volunteers_min=top - span / 6,
            improve_at_or_below=low + span / 3,
            improve_gap=span / 3,
        )


@dataclass(frozen=True)
class VolunteerStats:
    """Volunteers' scores, summed up. Only made when there are enough answers."""

    count: int
    mean: float
    spread: float  # population standard deviation
    lowest: float
    highest: float


@dataclass(frozen=True)
class StatementScore:
    statement: Statement
    organisation: int | None
    volunteers: VolunteerStats | None  # None while fewer answers than the minimum
    volunteers_missing: int  # how many more volunteers must answer before it is shown
    gap: float | None  # organisation − volunteers, when both exist
    is_strength: bool
    needs_improvement: bool


@dataclass(frozen=True)
class PartScore:
    part: Part
    statements: list[StatementScore]
    organisation: float | None
    organisation_answered: int
    volunteers: VolunteerStats | None
    volunteers_missing: int
    gap: float | None
    minimum_met: bool
    strengths: list[StatementScore] = field(default_factory=list)
    improvements: list[StatementScore] = field(default_factory=list)

    @property
    def minimum_score(self) -> Decimal:
        return self.part.minimum_score


@dataclass(frozen=True)
class EvaluationReport:
    evaluation: Evaluation
    parts: list[PartScore]
    response_count: int  # how many volunteers answered at all; says nothing about anyone
    min_answers: int

    @property
    def scale(self) -> list[tuple[int, str]]:
        return self.evaluation.questionnaire.scale

    @property
    def scale_is_default(self) -> bool:
        return self.evaluation.questionnaire.scale_is_default

    @property
    def volunteers_shown(self) -> bool:
        return any(part.volunteers is not None for part in self.parts)

    @property
    def volunteers_missing(self) -> int:
        return max(self.min_answers - self.response_count, 0)

    @property
    def strengths(self) -> list[StatementScore]:
        return [score for part in self.parts for score in part.strengths]

    @property
    def improvements(self) -> list[StatementScore]:
        return [score for part in self.parts for score in part.improvements]


def min_volunteer_answers() -> int:
    return int(settings.INZET_VOLUNTEER_MIN_ANSWERS)


def _stats(scores: list[float], *, min_answers: int) -> tuple[VolunteerStats | None, int]:
    """The summary of the volunteers' scores, or None and how many answers are still missing."""
    if len(scores) < min_answers or not scores:
        return None, max(min_answers - len(scores), 1)
    return (
        VolunteerStats(
            count=len(scores),
            mean=fmean(scores),
            spread=pstdev(scores),
            lowest=min(scores),
            highest=max(scores),
        ),
        0,
    )


def _mean_reaches(scores: list[int], minimum: Decimal) -> bool:
    """mean(scores) ≥ minimum, exactly (no floating-point rounding at the boundary)."""
    return bool(scores) and Decimal(sum(scores)) >= minimum * len(scores)


def _statement_score(
    statement: Statement,
    *,
    organisation: int | None,
    volunteer_scores: list[float],
    min_answers: int,
    thresholds: Thresholds,
) -> StatementScore:
    volunteers, missing = _stats(volunteer_scores, min_answers=min_answers)
    gap = None
    if organisation is not None and volunteers is not None:
        gap = organisation - volunteers.mean
    is_strength = organisation == thresholds.strength_score and (
        volunteers is None or volunteers.mean >= thresholds.strength_volunteers_min - 1e-9
    )
    needs_improvement = (
        organisation is not None and organisation <= thresholds.improve_at_or_below + 1e-9
    ) or (gap is not None and abs(gap) >= thresholds.improve_gap - 1e-9)
    return StatementScore(
        statement=statement,
        organisation=organisation,
        volunteers=volunteers,
        volunteers_missing=missing,
        gap=gap,
        is_strength=is_strength,
        needs_improvement=needs_improvement,
    )


def _organisation_scores(evaluation: Evaluation, statement_ids: set[int]) -> dict[int, int]:
    return {
        statement_id: score
        for statement_id, score in evaluation.answers.values_list("statement_id", "score")
        if statement_id in statement_ids and evaluation.questionnaire.on_scale(score)
    }


def _volunteer_scores(evaluation: Evaluation, statement_ids: set[int]) -> dict[int, dict[int, int]]:
    """response id → statement id → score. Stays inside this module: never shown as such."""
    per_response: dict[int, dict[int, int]] = defaultdict(dict)
    rows = VolunteerAnswer.objects.filter(response__evaluation=evaluation).values_list(
        "response_id", "statement_id", "score"
    )
    questionnaire = evaluation.questionnaire
    for response_id, statement_id, score in rows:
        if statement_id in statement_ids and questionnaire.on_scale(score):
            per_response[response_id][statement_id] = score
    return per_response


def evaluation_report(*, evaluation: Evaluation) -> EvaluationReport:
    """Score every part of the evaluation (see the module docstring for the rules)."""
    min_answers = min_volunteer_answers()
    statements = list(evaluation_statements(evaluation=evaluation))
    statement_ids = {statement.pk for statement in statements}
    organisation = _organisation_scores(evaluation, statement_ids)
    per_response = _volunteer_scores(evaluation, statement_ids)
    thresholds = Thresholds.for_questionnaire(evaluation.questionnaire)

    by_part: dict[int, list[Statement]] = defaultdict(list)
    for statement in statements:
        by_part[statement.part_id].append(statement)
    parts = list(evaluation.questionnaire.parts.filter(pk__in=by_part).order_by("order", "code"))

    part_scores = [
        _part_score(
            part,
            statements=by_part[part.pk],
            organisation=organisation,
            per_response=per_response,
            min_answers=min_answers,
            thresholds=thresholds,
        )
        for part in parts
    ]
    return EvaluationReport(
        evaluation=evaluation,
        parts=part_scores,
        response_count=evaluation.volunteer_responses.count(),
        min_answers=min_answers,
    )


def _part_score(
    part: Part,
    *,
    statements: list[Statement],
    organisation: dict[int, int],
    per_response: dict[int, dict[int, int]],
    min_answers: int,
    thresholds: Thresholds,
) -> PartScore:
    statement_scores = [
        _statement_score(
            statement,
            organisation=organisation.get(statement.pk),
            volunteer_scores=[
                float(answers[statement.pk])
                for answers in per_response.values()
                if statement.pk in answers
            ],
            min_answers=min_answers,
            thresholds=thresholds,
        )
        for statement in statements
    ]
    organisation_answers = [organisation[s.pk] for s in statements if s.pk in organisation]
    response_means = _response_means(per_response.values(), [s.pk for s in statements])
    volunteers, missing = _stats(response_means, min_answers=min_answers)
    organisation_mean = fmean(organisation_answers) if organisation_answers else None
    gap = None
    if organisation_mean is not None and volunteers is not None:
        gap = organisation_mean - volunteers.mean
    return PartScore(
        part=part,
        statements=statement_scores,
        organisation=organisation_mean,
        organisation_answered=len(organisation_answers),
        volunteers=volunteers,
        volunteers_missing=missing,
        gap=gap,
        minimum_met=_mean_reaches(organisation_answers, part.minimum_score),
        strengths=[score for score in statement_scores if score.is_strength],
        improvements=[score for score in statement_scores if score.needs_improvement],
    )


def _response_means(responses: Iterable[dict[int, int]], statement_ids: list[int]) -> list[float]:
    """Per volunteer: the mean of the statements of this part that they answered."""
    means = []
    for answers in responses:
        scores = [answers[pk] for pk in statement_ids if pk in answers]
        if scores:
            means.append(fmean(scores))
    return means


# --- Progress over time


def organisation_get_for_progress(*, user: AnyUser, public_id: UUID) -> Organisation:
    """Gatekeeper: the organisation, for those who may view its evaluations; else 404."""
    try:
        organisation = Organisation.objects.get(public_id=public_id)
    except Organisation.DoesNotExist:
        raise Http404 from None
    if not permissions.can_view_evaluations(user, organisation):
        raise Http404
    return organisation


@dataclass(frozen=True)
class ProgressPoint:
    evaluation: Evaluation
    organisation: float | None
    volunteers: float | None  # the volunteers' mean, only when it may be shown


@dataclass(frozen=True)
class PartProgress:
    code: str
    name: str
    points: list[ProgressPoint]


@dataclass(frozen=True)
class OrganisationProgress:
    evaluations: list[EvaluationReport]
    parts: list[PartProgress]

    @property
    def scale_max(self) -> int:
        """The top of the chart: the largest scale used, so every score fits."""
        return max(
            (report.evaluation.questionnaire.scale_max for report in self.evaluations),
            default=DEFAULT_SCALE_MAX,
        )

    @property
    def scales_differ(self) -> bool:
        """True when not every evaluation used the standard scale of 1 to 4."""
        return any(not report.scale_is_default for report in self.evaluations)


def organisation_progress(*, organisation: Organisation) -> OrganisationProgress:
    """Every evaluation of the organisation, oldest first, with the scores per part.

    Parts are matched on their code ("A", "B", …), so a newer questionnaire version still
    lines up with the older ones.
    """
    evaluations = (
        Evaluation.objects.filter(organisation=organisation)
        .select_related("questionnaire")
        .order_by("started_at", "pk")
    )
    reports = [evaluation_report(evaluation=evaluation) for evaluation in evaluations]
    names: dict[str, str] = {}
    for report in reports:
        for part_score in report.parts:
            names[part_score.part.code] = part_score.part.name  # the newest name wins
    parts = []
    for code in sorted(names):
        points = []
        for report in reports:
            match = next((p for p in report.parts if p.part.code == code), None)
            points.append(
                ProgressPoint(
                    evaluation=report.evaluation,
                    organisation=match.organisation if match else None,
                    volunteers=match.volunteers.mean if match and match.volunteers else None,
                )
            )
        parts.append(PartProgress(code=code, name=names[code], points=points))
    return OrganisationProgress(evaluations=reports, parts=parts)

"""Volunteers answer the survey anonymously: no account, no name, no address, no IP.

A volunteer arrives with a token: the evaluation's shared link (many answers) or a one-use
invitation. ``volunteer_survey_get`` finds what the token opens; ``volunteer_response_submit``
stores one set of answers, with only the day it came in.
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from inzet.selfevaluation.models import (
    Evaluation,
    Statement,
    VolunteerAnswer,
    VolunteerInvitation,
    VolunteerResponse,
)
from inzet.selfevaluation.selectors.evaluations import evaluation_statements
from inzet.selfevaluation.services.evaluations import score_check


class SurveyNotFound(Exception):
    """The token opens nothing (mistyped, or the evaluation was deleted)."""


class SurveyClosed(Exception):
    """The evaluation is closed: no more answers."""


class SurveyExpired(Exception):
    """The volunteer link has passed its end date; the organisation can extend it."""


class SurveyAlreadyAnswered(Exception):
    """The one-use invitation has been used."""


@dataclass(frozen=True)
class VolunteerSurvey:
    evaluation: Evaluation
    invitation: VolunteerInvitation | None


def volunteer_survey_find(*, token: str) -> VolunteerSurvey:
    """What a token opens, whatever its state; raises SurveyNotFound for an unknown token."""
    evaluation = (
        Evaluation.objects.select_related("organisation", "questionnaire")
        .filter(volunteer_token=token)
        .first()
    )
    if evaluation is not None:
        return VolunteerSurvey(evaluation=evaluation, invitation=None)
    invitation = (
        VolunteerInvitation.objects.select_related(
            "evaluation__organisation", "evaluation__questionnaire"
        )
        .filter(token=token)
        .first()
    )
    if invitation is None:
        raise SurveyNotFound
    return VolunteerSurvey(evaluation=invitation.evaluation, invitation=invitation)


def volunteer_survey_check(*, survey: VolunteerSurvey) -> None:
    """Raises SurveyClosed, SurveyExpired or SurveyAlreadyAnswered when the survey can no
    longer be answered."""
    if not survey.evaluation.is_open:
        raise SurveyClosed
    if survey.evaluation.volunteer_link_expired:
        raise SurveyExpired
    if survey.invitation is not None and survey.invitation.used_at is not None:
        raise SurveyAlreadyAnswered


def volunteer_survey_get(*, token: str) -> VolunteerSurvey:
    """The survey a token opens, if it can still be answered.

    Raises SurveyNotFound, SurveyClosed, SurveyExpired or SurveyAlreadyAnswered otherwise.
    """
    survey = volunteer_survey_find(token=token)
    volunteer_survey_check(survey=survey)
    return survey


def volunteer_answers_needed(*, statement_count: int) -> int:
    """At least half of the statements must have a score (rounded up)."""
    return math.ceil(statement_count / 2)


@transaction.atomic
def volunteer_response_submit(
    *,
    evaluation: Evaluation,
    answers: Mapping[int, int | None],
    invitation: VolunteerInvitation | None = None,
) -> VolunteerResponse:
    """Store one volunteer's answers: statement id → a score on the questionnaire's scale,
    or None for "don't know".

    At least half of the statements in scope need a score. A one-use invitation is locked
    and marked used in the same transaction, so it counts once even when sent twice at once.
    Nothing about the volunteer is kept; the response has only the day it came in.
    """
    # Lock the evaluation (closing it waits for us) and read its state afresh.
    evaluation = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    if not evaluation.is_open:
        raise ValidationError(
            _("This self-evaluation is closed. Answers can no longer be given."), code="closed"
        )
    if evaluation.volunteer_link_expired:
        raise ValidationError(
            _("This link has expired. Answers can no longer be given."), code="expired"
        )
    if invitation is not None:
        invitation = VolunteerInvitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.evaluation_id != evaluation.pk:
            raise ValidationError(
                _("This invitation belongs to another self-evaluation."), code="invalid"
            )
        if invitation.used_at is not None:
            raise ValidationError(
                _("You have already answered. Thank you!"), code="already_answered"
            )

    statements: dict[int, Statement] = {
        statement.pk: statement for statement in evaluation_statements(evaluation=evaluation)
    }
    scores: dict[int, int] = {}
    for statement_id, score in answers.items():
        if statement_id not in statements or score is None:
            continue  # "don't know", or not a statement of this evaluation: not counted
        score_check(questionnaire=evaluation.questionnaire, score=score)
        scores[statement_id] = score

    needed = volunteer_answers_needed(statement_count=len(statements))
    if not statements or len(scores) < needed:
        raise ValidationError(
            ngettext(
                "Give a score to at least %(needed)s of the %(total)s statements. "
                "You gave %(given)s score. “Don’t know” does not count.",
                "Give a score to at least %(needed)s of the %(total)s statements. "
                "You gave %(given)s scores. “Don’t know” does not count.",
                len(scores),
            )
            % {"needed": needed, "total": len(statements), "given": len(scores)},
            code="too_few",
        )

    response = VolunteerResponse.objects.create(evaluation=evaluation)
    VolunteerAnswer.objects.bulk_create(
        VolunteerAnswer(response=response, statement_id=statement_id, score=score)
        for statement_id, score in scores.items()
    )
    if invitation is not None:
        # The day only, like the response itself: the moment would be traceable.
        invitation.used_at = timezone.make_aware(datetime.combine(timezone.localdate(), time()))
        invitation.save(update_fields=["used_at"])
    return response

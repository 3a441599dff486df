"""Reads of questionnaire versions: which version new evaluations use, and which parts and
statements an evaluation asks."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from inzet.selfevaluation.constants import QuestionnaireStatus
from inzet.selfevaluation.models import Part, Questionnaire, Statement

# The questionnaire shipped by migration 0002 (and the one NOV's versions replace).
DEFAULT_QUESTIONNAIRE_SLUG = "vrijwillige-inzet-goed-geregeld"


def questionnaire_current(*, slug: str = DEFAULT_QUESTIONNAIRE_SLUG) -> Questionnaire:
    """The latest published version of a questionnaire: the one a new evaluation uses.

    Raises a ValidationError (code ``no_questionnaire``) when no version is published, so a
    view that starts an evaluation shows a message instead of failing."""
    questionnaire = (
        Questionnaire.objects.filter(slug=slug, status=QuestionnaireStatus.PUBLISHED)
        .order_by("-version")
        .first()
    )
    if questionnaire is None:
        raise ValidationError(
            _("The self-evaluation is not available at the moment. Please try again later."),
            code="no_questionnaire",
        )
    return questionnaire


@dataclass(frozen=True)
class ScopedPart:
    """A part with the statements an evaluation asks in it, in order."""

    part: Part
    statements: list[Statement]

    @property
    def code(self) -> str:
        return self.part.code

    @property
    def name(self) -> str:
        return self.part.name


def questionnaire_parts(
    *, questionnaire: Questionnaire, small_organisation: bool
) -> list[ScopedPart]:
    """The parts of a questionnaire in order, each with its statements in scope: all of them,
    or only the starred ones for a small organisation (fewer than 100 volunteers and less than
    2 fte paid staff). A part without statements in scope is left out."""
    statements = Statement.objects.order_by("order", "code")
    if small_organisation:
        statements = statements.filter(starred=True)
    parts = questionnaire.parts.order_by("order", "code").prefetch_related(
        Prefetch("statements", queryset=statements, to_attr="scoped_statements")
    )
    return [
        ScopedPart(part=part, statements=part.scoped_statements)  # type: ignore[attr-defined]
        for part in parts
        if part.scoped_statements  # type: ignore[attr-defined]
    ]

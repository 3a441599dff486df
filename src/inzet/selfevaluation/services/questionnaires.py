"""Versions of the self-evaluation questionnaire: draft, publish, retire.

A published questionnaire is frozen: its parts and statements never change, so every
evaluation keeps the exact text it was answered with. NOV changes the text by drafting a new
version (a copy), editing that draft and publishing it. Publishing a version retires the
older published versions of the same questionnaire; evaluations that use them keep them.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.selfevaluation.constants import SCALE_MIN, QuestionnaireStatus
from inzet.selfevaluation.models import Part, Questionnaire, Statement


def questionnaire_check_editable(*, questionnaire: Questionnaire) -> None:
    """Raise a ValidationError when the questionnaire (and so its parts and statements) may no
    longer change: once published or retired it is frozen."""
    if questionnaire.is_frozen:
        raise ValidationError(
            _(
                "This version is published or retired and can no longer change. "
                "Draft a new version to change the text."
            ),
            code="frozen",
        )


def _lock(questionnaire: Questionnaire) -> Questionnaire:
    return Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)


def _check_complete(questionnaire: Questionnaire) -> None:
    parts = list(questionnaire.parts.all())
    if not parts:
        raise ValidationError(
            _("A questionnaire without parts cannot be published. Add at least one part."),
            code="empty",
        )
    empty = list(
        questionnaire.parts.annotate(statement_count=Count("statements"))
        .filter(statement_count=0)
        .values_list("code", flat=True)
    )
    if empty:
        raise ValidationError(
            _("Every part needs at least one statement. Without statements: %(parts)s.")
            % {"parts": ", ".join(empty)},
            code="empty_part",
        )
    questionnaire.scale_check()
    top = questionnaire.scale_max
    out_of_scale = [part.code for part in parts if not SCALE_MIN <= part.minimum_score <= top]
    if out_of_scale:
        raise ValidationError(
            _("The minimum score must be between %(min)s and %(max)s. Check part %(parts)s.")
            % {"min": SCALE_MIN, "max": top, "parts": ", ".join(out_of_scale)},
            code="minimum_score",
        )
    codes = list(
        Statement.objects.filter(part__questionnaire=questionnaire).values_list("code", flat=True)
    )
    doubles = sorted({code for code in codes if codes.count(code) > 1})
    if doubles:
        raise ValidationError(
            _("Each statement needs its own code. Used more than once: %(codes)s.")
            % {"codes": ", ".join(doubles)},
            code="duplicate_code",
        )


@transaction.atomic
def questionnaire_publish(*, questionnaire: Questionnaire) -> Questionnaire:
    """Publish a draft: from now on it is frozen and new evaluations use it. Older published
    versions of the same questionnaire are retired."""
    questionnaire = _lock(questionnaire)
    if questionnaire.status != QuestionnaireStatus.DRAFT:
        raise ValidationError(_("Only a draft can be published."), code="not_draft")
    newer = Questionnaire.objects.filter(
        slug=questionnaire.slug,
        version__gt=questionnaire.version,
        status__in=[QuestionnaireStatus.PUBLISHED, QuestionnaireStatus.RETIRED],
    )
    if newer.exists():
        raise ValidationError(
            _("A newer version of this questionnaire has already been published."),
            code="outdated",
        )
    _check_complete(questionnaire)

    now = timezone.now()
    Questionnaire.objects.filter(
        slug=questionnaire.slug, status=QuestionnaireStatus.PUBLISHED
    ).update(status=QuestionnaireStatus.RETIRED)
    questionnaire.status = QuestionnaireStatus.PUBLISHED
    questionnaire.published_at = now
    questionnaire.save(update_fields=["status", "published_at"])
    return questionnaire


@transaction.atomic
def questionnaire_draft_new_version(*, questionnaire: Questionnaire) -> Questionnaire:
    """Copy a questionnaire with its parts and statements into a new draft version (the
    highest version of its slug plus one). There is at most one draft per slug."""
    questionnaire = _lock(questionnaire)
    # Lock every version of this slug, so two people cannot draft at the same time.
    siblings = list(
        Questionnaire.objects.select_for_update()
        .filter(slug=questionnaire.slug)
        .values_list("version", "status")
    )
    if any(status == QuestionnaireStatus.DRAFT for _version, status in siblings):
        raise ValidationError(
            _(
                "There is already a draft of this questionnaire. "
                "Change or publish that draft first."
            ),
            code="draft_exists",
        )
    latest = max(version for version, _status in siblings)

    draft = Questionnaire.objects.create(
        slug=questionnaire.slug,
        name=questionnaire.name,
        version=latest + 1,
        status=QuestionnaireStatus.DRAFT,
        introduction=questionnaire.introduction,
        is_starting_set=questionnaire.is_starting_set,
        scale_max=questionnaire.scale_max,
        scale_labels=questionnaire.scale_labels,
    )
    for part in questionnaire.parts.order_by("order", "code"):
        statements = list(part.statements.order_by("order", "code"))
        part.pk = None
        part.questionnaire = draft
        part.save(force_insert=True)
        for statement in statements:
            statement.pk = None
            statement.part = part
        Statement.objects.bulk_create(statements)
    return draft


@transaction.atomic
def questionnaire_retire(*, questionnaire: Questionnaire) -> Questionnaire:
    """Stop offering a published version for new evaluations. Evaluations that use it keep it.
    A draft is not retired: delete it instead."""
    questionnaire = _lock(questionnaire)
    if questionnaire.status != QuestionnaireStatus.PUBLISHED:
        raise ValidationError(_("Only a published version can be retired."), code="not_published")
    questionnaire.status = QuestionnaireStatus.RETIRED
    questionnaire.save(update_fields=["status"])
    return questionnaire


def part_check_editable(*, part: Part) -> None:
    """The guard for a part (and its statements): its questionnaire must still be a draft."""
    questionnaire_check_editable(questionnaire=part.questionnaire)

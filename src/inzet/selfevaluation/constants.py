from django.db import models
from django.utils.translation import gettext_lazy as _


class QuestionnaireStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    RETIRED = "retired", _("Retired")


class Phase(models.TextChoices):
    """Richten – inrichten – verrichten: the three phases the parts follow."""

    AIM = "richten", _("Aim (richten)")
    ORGANISE = "inrichten", _("Organise (inrichten)")
    DO = "verrichten", _("Do and learn (verrichten)")


class EvaluationStatus(models.TextChoices):
    OPEN = "open", _("In progress")
    CLOSED = "closed", _("Closed")


class ActionStatus(models.TextChoices):
    TODO = "todo", _("To do")
    DOING = "doing", _("In progress")
    DONE = "done", _("Done")


# The standard answer scale: how far a statement holds for the organisation. A questionnaire
# version may use another scale (1 to ``Questionnaire.scale_max``, with its own labels); it
# starts at 1 always. Empty labels on a scale of 1 to 4 mean these translated labels.
SCALE = [
    (1, _("Not at all")),
    (2, _("A little")),
    (3, _("Mostly")),
    (4, _("Fully")),
]
SCALE_MIN, DEFAULT_SCALE_MAX = 1, 4
SCALE_MAX_LOWEST, SCALE_MAX_HIGHEST = 3, 10  # the highest score NOV may choose


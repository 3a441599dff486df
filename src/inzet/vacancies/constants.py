from django.db import models
from django.utils.translation import gettext_lazy as _

from inzet.volunteers.constants import DutchLevel, VacancyForm  # noqa: F401  (re-exported)


class VacancyStatus(models.TextChoices):
    """The lifecycle; transitions live in services/lifecycle.py."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Waiting for approval")
    PUBLISHED = "published", _("Published")
    PAUSED = "paused", _("Paused")
    FILLED = "filled", _("Filled")
    CLOSED = "closed", _("Closed")
    EXPIRED = "expired", _("Expired")
    REJECTED = "rejected", _("Not approved")


class ResponseStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_CONVERSATION = "in_conversation", _("In conversation")
    PLACED = "placed", _("Placed")
    NOT_PLACED = "not_placed", _("Not placed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Open")
    PLACED = "placed", _("Placed")
    CLOSED = "closed", _("Closed")

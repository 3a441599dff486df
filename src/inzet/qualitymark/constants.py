from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicationStatus(models.TextChoices):
    """The keurmerk flow; transitions live in services.py (a small state machine)."""

    SUBMITTED = "submitted", _("Submitted")
    ASSESSMENT = "assessment", _("Assessment by the adviser")
    RECOMMENDED = "recommended", _("Recommended; waiting for the final assessor")
    DECIDED = "decided", _("Decided")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Recommendation(models.TextChoices):
    GRANT = "grant", _("Grant")
    GRANT_WITH_CONDITIONS = "grant_with_conditions", _("Grant with conditions")
    NOT_GRANT = "not_grant", _("Do not grant")


class Decision(models.TextChoices):
    GRANTED = "granted", _("Granted")
    GRANTED_WITH_CONDITIONS = "granted_with_conditions", _("Granted with conditions")
    NOT_GRANTED = "not_granted", _("Not granted")


VALIDITY_YEARS = 4  # raised from 3 to 4 years on 1-1-2013 (nov.nl)
REMINDER_MONTHS = (6, 2)

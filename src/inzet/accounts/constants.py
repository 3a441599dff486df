from django.db import models
from django.utils.translation import gettext_lazy as _


class PlatformRoleKind(models.TextChoices):
    """Roles that are not tied to an organisation, centre or company."""

    NOV_STAFF = "nov_staff", _("NOV staff")
    ADVISER = "adviser", _("Adviser (Goed Geregeld)")
    ASSESSOR = "assessor", _("Final assessor (keurmerk)")


class Language(models.TextChoices):
    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")

from django.db import models
from django.utils.translation import gettext_lazy as _


class DormancyStage(models.TextChoices):
    ASKED = "asked", _("Asked whether to keep the account")
    KEPT = "kept", _("Wants to keep the account")
    DEACTIVATED = "deactivated", _("Deactivated")
    ERASED = "erased", _("Personal data erased")

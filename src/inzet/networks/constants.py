from django.db import models
from django.utils.translation import gettext_lazy as _


class NetworkRole(models.TextChoices):
    MODERATOR = "moderator", _("Moderator")
    MEMBER = "member", _("Member")


class NotificationChoice(models.TextChoices):
    IMMEDIATELY = "immediately", _("An e-mail at once")
    DAILY = "daily", _("A daily digest")
    WEEKLY = "weekly", _("A weekly digest")
    NONE = "none", _("No e-mail")


class JoinRequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for a moderator")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")


# A post can be edited by its author for this many minutes.
POST_EDIT_WINDOW_MINUTES = 30
# The network whose members also see the reported knelpunten (compliance).
LAWS_AND_RULES_NETWORK_SLUG = "wet-en-regelgeving"

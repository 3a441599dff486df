from django.db import models
from django.utils.translation import gettext_lazy as _


class RequestStatus(models.TextChoices):
    OPEN = "open", _("Open")
    FULL = "full", _("Full")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")


class InvitationStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    CONFIRMED = "confirmed", _("Confirmed")
    RESERVE = "reserve", _("On the reserve list")
    TOO_LATE = "too_late", _("Too late: the request was full")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled by the coordinator")


# Notifications are queued in batches of this size, each batch in one transaction.
BROADCAST_BATCH_SIZE = 500

from django.db import models
from django.utils.translation import gettext_lazy as _


class SignupStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


ACTIVE_SIGNUP_STATUSES = (SignupStatus.CONFIRMED, SignupStatus.WAITLISTED)


class Attendance(models.TextChoices):
    ATTENDED = "attended", _("Came")
    NO_SHOW = "no_show", _("Did not come")


# A reminder goes out this long before a shift starts.
REMINDER_HOURS_BEFORE = 24

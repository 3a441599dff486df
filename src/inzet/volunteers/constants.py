from django.db import models
from django.utils.translation import gettext_lazy as _


class DutchLevel(models.IntegerChoices):
    """Ordered, so "needs basic" is met by "basic" and "good"."""

    NONE = 0, _("None or very little")
    BASIC = 1, _("Basic")
    GOOD = 2, _("Good")


class VogStatus(models.TextChoices):
    HAS = "has", _("I have a VOG")
    WILLING = "willing", _("I am willing to get one")
    NO = "no", _("No")


class VacancyForm(models.TextChoices):
    REGULAR = "regular", _("Regular")
    FLEXIBLE = "flexible", _("Flexible")
    ONE_OFF = "one_off", _("One-off or event")
    ON_CALL = "on_call", _("On call")
    TASK = "task", _("Task or expertise (pro bono)")
    ONLINE = "online", _("Online")


DAYS = [
    ("mon", _("Monday")),
    ("tue", _("Tuesday")),
    ("wed", _("Wednesday")),
    ("thu", _("Thursday")),
    ("fri", _("Friday")),
    ("sat", _("Saturday")),
    ("sun", _("Sunday")),
]
DAY_PARTS = [("morning", _("morning")), ("afternoon", _("afternoon")), ("evening", _("evening"))]


def slot_bit(day: str, part: str) -> int:
    """The bit of one day part in the week grid (7 days × 3 parts = 21 bits)."""
    day_index = [d for d, _label in DAYS].index(day)
    part_index = [p for p, _label in DAY_PARTS].index(part)
    return 1 << (day_index * 3 + part_index)


ALL_SLOTS = (1 << 21) - 1

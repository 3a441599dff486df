from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import DutchLevel, VogStatus


class Skill(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=80)

    class Meta:
        ordering = ["name"]
        verbose_name = _("skill")
        verbose_name_plural = _("skills")

    def __str__(self) -> str:
        return self.name


class VolunteerProfile(models.Model):
    """What a volunteer tells about themselves for matching. Everything is optional."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="volunteer_profile"
    )
    postcode_area = models.ForeignKey(
        "geo.PostcodeArea", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    max_distance_km = models.PositiveSmallIntegerField(
        _("how far you will travel (km)"), default=10
    )
    # Week grid as a bit mask: bit (day * 3 + part), see constants.slot_bit.
    availability = models.PositiveIntegerField(_("when you are available"), default=0)
    interests = models.ManyToManyField(
        "organisations.Sector", blank=True, related_name="+", verbose_name=_("interests")
    )
    skills = models.ManyToManyField(Skill, blank=True, related_name="+", verbose_name=_("skills"))
    languages = models.JSONField(_("languages you speak"), default=list, blank=True)
    dutch_level = models.PositiveSmallIntegerField(
        _("your Dutch"), choices=DutchLevel.choices, default=DutchLevel.GOOD
    )
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    vog = models.CharField(_("VOG"), max_length=10, choices=VogStatus.choices, default=VogStatus.NO)
    forms = models.JSONField(_("kinds of volunteer work you want"), default=list, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("volunteer profile")
        verbose_name_plural = _("volunteer profiles")

    def __str__(self) -> str:
        return str(self.user)

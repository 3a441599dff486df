import secrets
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import Attendance, SignupStatus


class ShiftPlan(models.Model):
    """A one-off or event vacancy turned into a schedule of shifts."""

    vacancy = models.OneToOneField(
        "vacancies.Vacancy", on_delete=models.CASCADE, related_name="shift_plan"
    )
    cancel_deadline_hours = models.PositiveSmallIntegerField(
        _("volunteers can cancel until this many hours before the start"), default=24
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("shift schedule")
        verbose_name_plural = _("shift schedules")

    def __str__(self) -> str:
        return str(self.vacancy)


class Shift(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(ShiftPlan, on_delete=models.CASCADE, related_name="shifts")
    title = models.CharField(_("task"), max_length=150, blank=True)
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=200)
    capacity = models.PositiveSmallIntegerField(_("number of places"))
    required_skill = models.ForeignKey(
        "volunteers.Skill",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("required skill"),
    )
    min_age = models.PositiveSmallIntegerField(_("minimum age"), default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("shift")
        verbose_name_plural = _("shifts")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="shift_ends_after_start"
            ),
            models.CheckConstraint(condition=models.Q(capacity__gte=1), name="shift_capacity_min"),
        ]

    def __str__(self) -> str:
        return f"{self.plan.vacancy}: {self.starts_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("shifts:schedule", args=[self.plan.vacancy.public_id])


class ShiftSignup(models.Model):
    """A volunteer's place on a shift, or on its waiting list (ordered by ``created_at``)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    shift = models.ForeignKey(Shift, on_delete=models.CASCADE, related_name="signups")
    # NULL only after the person erased their account: an attended sign-up stays, without
    # anyone's name, so the organisation's hours statistics do not change (see
    # services.shift_data_erase).
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="shift_signups",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SignupStatus.choices, db_index=True
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    attendance = models.CharField(
        _("attendance"), max_length=20, choices=Attendance.choices, blank=True
    )
    hours = models.DecimalField(
        _("hours"), max_digits=5, decimal_places=2, null=True, blank=True
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("shift sign-up")
        verbose_name_plural = _("shift sign-ups")
        constraints = [
            models.UniqueConstraint(
                fields=["shift", "volunteer"],
                condition=models.Q(status__in=["confirmed", "waitlisted"]),
                name="shifts_one_active_signup",
            )
        ]

    def __str__(self) -> str:
        return f"{self.volunteer} → {self.shift}"


def _feed_token() -> str:
    return secrets.token_urlsafe(32)


class AgendaFeed(models.Model):
    """The private iCalendar feed of one person; a new token revokes the old URL."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agenda_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=_feed_token)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("agenda feed")
        verbose_name_plural = _("agenda feeds")

    def __str__(self) -> str:
        return str(self.user)

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import ApplicationStatus, Decision, Recommendation


class Application(models.Model):
    """An organisation applies for the NOV-Keurmerk on the basis of a self-evaluation."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="keurmerk_applications"
    )
    evaluation = models.ForeignKey(
        "selfevaluation.Evaluation", on_delete=models.PROTECT, related_name="applications"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.SUBMITTED,
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="keurmerk_assessments",
    )
    # The adviser's assessment interview
    check_scores_right = models.BooleanField(_("the scores are right"), null=True)
    check_evidence_complete = models.BooleanField(_("the evidence is complete"), null=True)
    assessment_notes = models.TextField(_("notes of the assessment"), blank=True)
    recommendation = models.CharField(
        _("recommendation"), max_length=30, choices=Recommendation.choices, blank=True
    )
    recommended_at = models.DateTimeField(null=True, blank=True)
    # The independent final assessor appointed by NOV
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="keurmerk_decisions",
    )
    decision = models.CharField(_("decision"), max_length=30, choices=Decision.choices, blank=True)
    decision_reasons = models.TextField(_("reasons"), blank=True)
    conditions = models.TextField(_("conditions"), blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("keurmerk application")
        verbose_name_plural = _("keurmerk applications")

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_status_display()})"


class QualityMark(models.Model):
    """A granted keurmerk, valid for four years; then a re-assessment is needed."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="quality_marks"
    )
    application = models.OneToOneField(
        Application, on_delete=models.PROTECT, related_name="quality_mark"
    )
    granted_on = models.DateField(_("granted on"))
    valid_until = models.DateField(_("valid until"))
    conditions = models.TextField(_("conditions"), blank=True)
    revoked_at = models.DateTimeField(_("revoked on"), null=True, blank=True)
    reminded_months = models.JSONField(default=list)  # e.g. [6, 2]: reminders already sent

    class Meta:
        ordering = ["-granted_on"]
        verbose_name = _("keurmerk")
        verbose_name_plural = _("keurmerken")

    def __str__(self) -> str:
        return f"{self.organisation} {self.granted_on}–{self.valid_until}"

    def is_valid_on(self, day) -> bool:
        return self.revoked_at is None and self.granted_on <= day <= self.valid_until

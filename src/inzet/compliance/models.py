import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RuleText(models.Model):
    """NOV's own wording of a rule for a period; without one the text in the code is used."""

    rule_key = models.CharField(_("rule"), max_length=80, db_index=True)
    title = models.CharField(_("title"), max_length=200)
    action = models.TextField(_("what to do"))
    legal_basis = models.CharField(_("legal basis"), max_length=300)
    dossier_url = models.URLField(_("link to the dossier"), blank=True)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["rule_key", "-valid_from"]
        verbose_name = _("rule text")
        verbose_name_plural = _("rule texts")

    def __str__(self) -> str:
        return f"{self.rule_key} ({self.valid_from})"


class ParameterOverride(models.Model):
    """A yearly amount set by NOV staff; wins over the value shipped in the code."""

    key = models.CharField(_("parameter"), max_length=80, db_index=True)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["key", "-valid_from"]
        verbose_name = _("parameter value")
        verbose_name_plural = _("parameter values")

    def __str__(self) -> str:
        return f"{self.key} = {self.value} ({self.valid_from})"


class SavedCheck(models.Model):
    """A checklist someone saved: their answers, and which items they ticked off."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="compliance_checks"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="compliance_checks",
    )
    name = models.CharField(_("name"), max_length=200)
    answers = models.JSONField(_("answers"))
    # The rules that applied when last evaluated, to see who is affected by a change.
    applying_rules = models.JSONField(default=list)
    done_rules = models.JSONField(default=list)
    # "<rule key>@<change id>" of rule changes already mailed about, so a re-run mails nobody
    # twice (services.rule_change_notify keeps the latest ones).
    notified_changes = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("saved checklist")
        verbose_name_plural = _("saved checklists")

    def __str__(self) -> str:
        return self.name


class Bottleneck(models.Model):
    """A knelpunt: an organisation meets a problem in a law or rule."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    rule_key = models.CharField(_("rule"), max_length=80, blank=True, db_index=True)
    topic = models.CharField(_("topic"), max_length=40, db_index=True)
    description = models.TextField(_("what is the problem?"))
    municipality = models.ForeignKey(
        "geo.Municipality", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sector = models.ForeignKey(
        "organisations.Sector", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("bottleneck")
        verbose_name_plural = _("bottlenecks")

    def __str__(self) -> str:
        return f"{self.topic}: {self.description[:60]}"


class RuleUsage(models.Model):
    """How often a rule applied in a completed check, per day (no personal data)."""

    rule_key = models.CharField(max_length=80)
    day = models.DateField()
    applied = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["rule_key", "day"], name="compliance_usage_unique")
        ]
        verbose_name = _("rule usage")
        verbose_name_plural = _("rule usage")

    def __str__(self) -> str:
        return f"{self.rule_key} {self.day}: {self.applied}"

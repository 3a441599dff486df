import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import DormancyStage


def _token() -> str:
    return secrets.token_urlsafe(32)


class DormantAccount(models.Model):
    """Care for one account that was not used for a long time: asked, then deactivated,
    then erased (AVG retention). One row per person and round; "kept" ends the round."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="dormancy_rounds"
    )
    stage = models.CharField(max_length=20, choices=DormancyStage.choices, db_index=True)
    keep_token = models.CharField(max_length=64, unique=True, default=_token)
    asked_at = models.DateTimeField(default=timezone.now)
    kept_at = models.DateTimeField(null=True, blank=True)
    deactivated_at = models.DateTimeField(null=True, blank=True)
    erased_at = models.DateTimeField(null=True, blank=True)
    # Why erasing was refused (e.g. sole admin of an organisation); shown to the manager.
    erase_blocked = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-asked_at"]
        verbose_name = _("dormant account")
        verbose_name_plural = _("dormant accounts")
        indexes = [models.Index(fields=["user", "stage"])]

    def __str__(self) -> str:
        return f"{self.user}: {self.stage}"

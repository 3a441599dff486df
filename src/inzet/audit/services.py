from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from inzet.accounts.models import User

from .models import AuditEvent


def audit_log(
    *,
    actor: User | None,
    action: str,
    target: models.Model | None = None,
    subject: User | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Record an action on someone's personal data. ``subject`` is the person concerned."""
    if subject is None and isinstance(target, User):
        subject = target
    return AuditEvent.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        subject=subject,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_label=str(target)[:200] if target is not None else "",
        details=details or {},
    )


def audit_prune(*, now: Any = None) -> int:
    """Delete events older than the retention period (AVG: keep no longer than needed)."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.INZET_AUDIT_RETENTION_DAYS)
    deleted, _ = AuditEvent.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def audit_forget_subject(*, subject: User) -> int:
    """On erasure: keep the trail (who looked, when) but drop what named the person."""
    return AuditEvent.objects.filter(subject=subject, target_type=User._meta.label_lower).update(
        target_label=""
    )

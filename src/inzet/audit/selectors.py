from django.db.models import Q, QuerySet

from .models import AuditEvent


def audit_event_list(*, query: str = "", action: str = "") -> QuerySet[AuditEvent]:
    events = AuditEvent.objects.select_related("actor", "subject")
    if action:
        events = events.filter(action=action)
    if query:
        events = events.filter(
            Q(actor__email__icontains=query)
            | Q(subject__email__icontains=query)
            | Q(target_label__icontains=query)
        )
    return events


def audit_action_list() -> list[str]:
    return list(AuditEvent.objects.order_by("action").values_list("action", flat=True).distinct())


def audit_event_list_about(*, subject) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(subject=subject).select_related("actor")

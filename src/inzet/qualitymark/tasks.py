from django.utils import timezone

from django_tasks import task

from .services import quality_mark_send_reminders


@task()
def send_keurmerk_reminders() -> int:
    """Mail the admins of organisations whose keurmerk ends soon (safe to run twice)."""
    return quality_mark_send_reminders(today=timezone.localdate())

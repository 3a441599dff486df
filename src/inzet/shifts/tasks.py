from django_tasks import task

from .services import shift_reminders_send


@task()
def send_shift_reminders() -> int:
    """Remind everyone of their shift within the next 24 hours (run hourly; each sign-up is
    reminded once, so running it twice is safe)."""
    return shift_reminders_send()

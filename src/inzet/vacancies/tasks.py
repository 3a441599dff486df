from django.utils import timezone

from django_tasks import task

from .services.centre import responses_warn_unanswered
from .services.lifecycle import vacancy_expire_due


@task()
def warn_unanswered_responses() -> int:
    """Mail each volunteer centre the responses left unanswered too long (safe to run twice)."""
    return responses_warn_unanswered(today=timezone.localdate())


@task()
def expire_vacancies() -> int:
    """Mark vacancies whose visibility date has passed as expired (safe to run twice)."""
    return vacancy_expire_due(today=timezone.localdate())

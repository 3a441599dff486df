from django_tasks import task

from .services.saved_searches import saved_search_send_digests


@task()
def send_saved_search_digests() -> int:
    """The daily digest of new vacancies per saved search (safe to run twice)."""
    return saved_search_send_digests()

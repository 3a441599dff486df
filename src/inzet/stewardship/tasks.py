from django_tasks import task

from .services import dormancy_run


@task()
def care_for_dormant_accounts() -> str:
    """Ask, deactivate and erase accounts nobody uses (daily; safe to run twice)."""
    return str(dormancy_run())

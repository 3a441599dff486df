from django_tasks import task

from .services import rule_change_notify


@task()
def notify_rule_change(*, rule_key: str, change_id: str) -> int:
    """Mail the owners of saved checklists affected by a changed rule (safe to run twice)."""
    return rule_change_notify(rule_key=rule_key, change_id=change_id)

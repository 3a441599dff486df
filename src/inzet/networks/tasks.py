from django_tasks import task

from .constants import NotificationChoice
from .services import digests_send, post_notify


@task()
def notify_new_post(*, post_id: int) -> int:
    """Mail a new post to the "at once" readers and the people it mentions (idempotent)."""
    return post_notify(post_id=post_id)


@task()
def send_daily_digests() -> int:
    """The daily digest of every network (safe to run twice)."""
    return digests_send(frequency=NotificationChoice.DAILY)


@task()
def send_weekly_digests() -> int:
    """The weekly digest of every network (safe to run twice)."""
    return digests_send(frequency=NotificationChoice.WEEKLY)

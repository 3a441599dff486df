from django_tasks import task

from .services import request_broadcast


@task()
def broadcast_request(*, request_id: int) -> int:
    """Invite and mail the eligible members of a pool; a rerun continues where it stopped."""
    return request_broadcast(request_id=request_id)

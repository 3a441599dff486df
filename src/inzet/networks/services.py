"""Writes for networks. (The networks helper completes this module.)"""

from django.utils import timezone

from .models import Network


def network_touch(*, network: Network) -> None:
    """Record activity (a post, upload or page change) for the manager's overviews."""
    Network.objects.filter(pk=network.pk).update(last_activity_at=timezone.now())

"""Reads for networks. Gatekeepers raise ``Http404`` so a network's content is invisible
(not merely forbidden) to everyone who is not a member."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from uuid import UUID

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from inzet.core.permissions import (
    can_manage_networks,
    can_moderate_network,
    is_network_member,
)

from .constants import JoinRequestStatus
from .models import (
    Folder,
    JoinRequest,
    Network,
    NetworkInvitation,
    NetworkMembership,
    Post,
    Thread,
)

# --- Networks


def network_get_for_member(*, user: Any, slug: str) -> Network:
    """The gatekeeper for everything inside a network: members only, 404 for all others."""
    network = Network.objects.filter(slug=slug).first()
    if network is None or not is_network_member(user, network):
        raise Http404
    return network


def network_get_for_moderator(*, user: Any, slug: str) -> Network:
    network = Network.objects.filter(slug=slug).first()
    if network is None or not can_moderate_network(user, network):
        raise Http404
    return network


def network_get_for_manager(*, user: Any, slug: str) -> Network:
    """NOV staff change a network's name and description (not its content)."""
    network = Network.objects.filter(slug=slug).first()
    if network is None or not can_manage_networks(user):
        raise Http404
    return network


def network_get_public_info(*, slug: str) -> Network:
    """A network's name and description, which anyone logged in may see in order to ask to
    join. Callers must show nothing but ``name``, ``description`` and
    ``accepts_join_requests``."""
    network = (
        Network.objects.filter(slug=slug, is_archived=False)
        .only("pk", "public_id", "slug", "name", "description", "accepts_join_requests")
        .first()
    )
    if network is None:
        raise Http404
    return network


def networks_for_user(*, user: Any) -> QuerySet[Network]:
    """The networks the user is a member of (empty for anonymous or inactive users)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Network.objects.none()
    return Network.objects.filter(memberships__user=user, is_archived=False).order_by("name")


def networks_other_for_user(*, user: Any) -> QuerySet[Network]:
    """Networks the user is not in: for the list page, name and description only."""
    qs = Network.objects.filter(is_archived=False)
    if user is not None and user.is_authenticated:
        qs = qs.exclude(memberships__user=user)
    return qs.only("pk", "slug", "name", "description", "accepts_join_requests").order_by("name")


def quiet_networks(*, weeks: int) -> QuerySet[Network]:
    """Networks with no activity (post, upload, page change) in the last ``weeks`` weeks,
    quietest first — the platform manager's overview."""
    cutoff = timezone.now() - timedelta(weeks=weeks)
    return (
        Network.objects.filter(is_archived=False, last_activity_at__lt=cutoff)
        .annotate(member_count=Count("memberships", distinct=True))
        .order_by("last_activity_at", "name")
    )


def membership_for(*, user: Any, network: Network) -> NetworkMembership | None:
    if user is None or not user.is_authenticated:
        return None
    return NetworkMembership.objects.filter(network=network, user=user).first()


def membership_get_by_unsubscribe_token(*, token: str) -> NetworkMembership:
    membership = (
        NetworkMembership.objects.select_related("network", "user")
        .filter(unsubscribe_token=token)
        .first()
    )
    if membership is None:
        raise Http404
    return membership


def membership_get_for_moderator(
    *, network: Network, user: Any, membership_id: int
) -> NetworkMembership:
    """A membership in a network the user moderates (``network`` came from a gatekeeper)."""
    if not can_moderate_network(user, network):
        raise Http404
    membership = (
        NetworkMembership.objects.select_related("user")
        .filter(network=network, pk=membership_id)
        .first()
    )
    if membership is None:
        raise Http404
    return membership


def member_directory(*, network: Network) -> QuerySet[NetworkMembership]:
    """Least data: name, role, joined date. No e-mail addresses."""
    return (
        NetworkMembership.objects.filter(network=network)
        .select_related("user")
        .only("pk", "role", "joined_at", "network_id", "user__name")
        .order_by("-role", "user__name")
    )


def pending_request_for(*, user: Any, network: Network) -> JoinRequest | None:
    if user is None or not user.is_authenticated:
        return None
    return JoinRequest.objects.filter(
        network=network, user=user, status=JoinRequestStatus.PENDING
    ).first()


def pending_request_network_ids(*, user: Any) -> set[int]:
    """The networks the user is waiting to join (for the list page)."""
    if user is None or not user.is_authenticated:
        return set()
    return set(
        JoinRequest.objects.filter(user=user, status=JoinRequestStatus.PENDING).values_list(
            "network_id", flat=True
        )
    )


def invitation_get_by_token(*, token: str) -> NetworkInvitation:
    """An invitation by its secret token (whoever holds the link may see the network's name)."""
    invitation = NetworkInvitation.objects.select_related("network").filter(token=token).first()
    if invitation is None:
        raise Http404
    return invitation


def join_requests_pending(*, network: Network) -> QuerySet[JoinRequest]:
    return JoinRequest.objects.filter(
        network=network, status=JoinRequestStatus.PENDING
    ).select_related("user")


def join_request_get_for_moderator(*, user: Any, public_id: UUID) -> JoinRequest:
    join_request = (
        JoinRequest.objects.select_related("network", "user").filter(public_id=public_id).first()
    )
    if join_request is None or not can_moderate_network(user, join_request.network):
        raise Http404
    return join_request


# --- Discussions


def _visible_posts(user: Any, network: Network) -> QuerySet[Post]:
    qs = Post.objects.select_related("author").prefetch_related("mentions")
    if not can_moderate_network(user, network):
        qs = qs.filter(is_hidden=False)
    return qs


def thread_list_for_member(*, user: Any, network: Network) -> QuerySet[Thread]:
    """Threads of a network the user is a member of; hidden threads only for moderators."""
    if not is_network_member(user, network):
        return Thread.objects.none()
    qs = Thread.objects.filter(network=network).select_related("author")
    if not can_moderate_network(user, network):
        qs = qs.filter(is_hidden=False)
    return qs.annotate(
        reply_count=Count("posts", filter=Q(posts__is_hidden=False), distinct=True)
    ).order_by("-last_post_at")


def thread_get_for_member(*, user: Any, network: Network, public_id: UUID) -> Thread:
    """A thread with its posts prefetched; hidden threads are invisible to non-moderators."""
    if not is_network_member(user, network):
        raise Http404
    qs = Thread.objects.filter(network=network, public_id=public_id)
    if not can_moderate_network(user, network):
        qs = qs.filter(is_hidden=False)
    thread = (
        qs.select_related("network", "author")
        .prefetch_related(Prefetch("posts", queryset=_visible_posts(user, network)))
        .first()
    )
    if thread is None:
        raise Http404
    return thread


def thread_get_for_moderator(*, user: Any, network: Network, public_id: UUID) -> Thread:
    thread = Thread.objects.filter(network=network, public_id=public_id).first()
    if thread is None or not can_moderate_network(user, network):
        raise Http404
    return thread


def post_get_for_author(*, user: Any, public_id: UUID) -> Post:
    """A post its author may edit: the author must still be a member of the network."""
    post = (
        Post.objects.select_related("thread__network", "author")
        .filter(public_id=public_id, is_hidden=False, thread__is_hidden=False)
        .first()
    )
    if (
        post is None
        or post.author_id is None
        or post.author_id != getattr(user, "pk", None)
        or not is_network_member(user, post.thread.network)
    ):
        raise Http404
    return post


def post_get_for_moderator(*, user: Any, public_id: UUID) -> Post:
    post = Post.objects.select_related("thread__network").filter(public_id=public_id).first()
    if post is None or not can_moderate_network(user, post.thread.network):
        raise Http404
    return post


def recent_threads(*, user: Any, network: Network, limit: int = 5) -> list[Thread]:
    return list(thread_list_for_member(user=user, network=network)[:limit])


# --- Library


def folder_list(*, network: Network) -> QuerySet[Folder]:
    return (
        Folder.objects.filter(network=network)
        .select_related("parent")
        .order_by("parent__name", "name")
    )


def folder_get_for_member(*, user: Any, network: Network, folder_id: int) -> Folder:
    if not is_network_member(user, network):
        raise Http404
    folder = Folder.objects.filter(network=network, pk=folder_id).first()
    if folder is None:
        raise Http404
    return folder


def library_document_get_for_editor(*, user: Any, network: Network, public_id: UUID) -> Any:
    """A document of this network's library that the user may add a version to (its
    uploader or a moderator), or 404."""
    from inzet.knowledge.selectors import document_get_for_editor

    document = document_get_for_editor(user=user, public_id=public_id)
    if document.network_id != network.pk:
        raise Http404
    return document

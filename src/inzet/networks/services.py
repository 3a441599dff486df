"""Writes for networks (besloten omgevingen): networks, membership, discussions, the library,
notifications and privacy.

Permission checks are repeated here (not only in the views) because these services are also
called from tasks, the demo and other apps. A refusal is ``PermissionDenied``; bad input is a
``ValidationError`` with a code.
"""

from __future__ import annotations

import datetime
import logging
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives, get_connection, send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inzet.core.permissions import can_manage_networks

from .constants import (
    POST_EDIT_WINDOW_MINUTES,
    JoinRequestStatus,
    NetworkRole,
    NotificationChoice,
)
from .models import (
    Folder,
    JoinRequest,
    Network,
    NetworkInvitation,
    NetworkMembership,
    Post,
    Thread,
)

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from inzet.accounts.models import User
    from inzet.knowledge.models import Document, DocumentVersion

logger = logging.getLogger(__name__)

# E-mails about new posts are handed to the mail backend this many at a time.
MAIL_BATCH_SIZE = 50
DIGEST_PERIODS = {
    NotificationChoice.DAILY: datetime.timedelta(days=1),
    NotificationChoice.WEEKLY: datetime.timedelta(weeks=1),
}
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def network_touch(*, network: Network) -> None:
    """Record activity (a post, upload or page change) for the manager's overviews."""
    Network.objects.filter(pk=network.pk).update(last_activity_at=timezone.now())


# --- Helpers


def _absolute(url: str) -> str:
    return settings.SITE_URL.rstrip("/") + url


def _fresh_role(user: Any, network: Network) -> str | None:
    """The role from the database: ``core.permissions`` caches roles on the user object,
    which is stale inside a service that just changed a membership."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return (
        NetworkMembership.objects.filter(network=network, user=user)
        .values_list("role", flat=True)
        .first()
    )


def _forget_roles(*users: Any) -> None:
    for user in users:
        if user is not None and hasattr(user, "_network_roles"):
            del user._network_roles


def _require_moderator(actor: Any, network: Network) -> None:
    if _fresh_role(actor, network) != NetworkRole.MODERATOR:
        raise PermissionDenied


def _require_member(actor: Any, network: Network) -> None:
    if not getattr(actor, "is_active", False) or _fresh_role(actor, network) is None:
        raise PermissionDenied


def _user_language(user: Any) -> str:
    return getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE


def _unsubscribe_url(membership: NetworkMembership) -> str:
    return _absolute(reverse("networks:unsubscribe", args=[membership.unsubscribe_token]))


def _network_mail(
    *, membership: NetworkMembership, subject: str, template: str, context: dict
) -> EmailMultiAlternatives:
    """A mail about a network with the one-click unsubscribe link (RFC 8058) in body and
    headers."""
    unsubscribe_url = _unsubscribe_url(membership)
    with translation.override(_user_language(membership.user)):
        body = render_to_string(
            template,
            {
                **context,
                "user": membership.user,
                "network": membership.network,
                "network_url": _absolute(membership.network.get_absolute_url()),
                "settings_url": _absolute(
                    reverse("networks:my-settings", args=[membership.network.slug])
                ),
                "unsubscribe_url": unsubscribe_url,
            },
        )
        subject = str(subject)
    return EmailMultiAlternatives(
        subject=subject,
        body=body,
        to=[membership.user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def _send_in_batches(messages: list[EmailMultiAlternatives]) -> int:
    sent = 0
    connection = get_connection()
    for start in range(0, len(messages), MAIL_BATCH_SIZE):
        sent += connection.send_messages(messages[start : start + MAIL_BATCH_SIZE]) or 0
    return sent


def _mail_user(*, user: Any, subject: Any, params: dict, template: str, context: dict) -> None:
    """A personal (non-list) mail, e.g. about a join request, in the person's language.
    ``subject`` is a lazy translation, rendered in that language."""
    with translation.override(_user_language(user)):
        subject = str(subject) % params
        body = render_to_string(template, {**context, "user": user})
    send_mail(subject, body, None, [user.email])


# --- Networks


def _clean_network_fields(*, name: str, description: str) -> tuple[str, str]:
    errors: dict[str, ValidationError] = {}
    name = (name or "").strip()
    description = (description or "").strip()
    if not name:
        errors["name"] = ValidationError(_("Give the network a name."), code="required")
    if not description:
        errors["description"] = ValidationError(
            _("Describe what the network is for: non-members only see this text."),
            code="required",
        )
    if errors:
        raise ValidationError(errors)
    return name[:150], description


@transaction.atomic
def network_create(
    *,
    actor: User,
    name: str,
    slug: str,
    description: str,
    moderators: Iterable[User],
    accepts_join_requests: bool = True,
) -> Network:
    """A new network with its first moderators (NOV staff only). Without moderators the
    creator moderates, so that nobody can be left without a way in."""
    if not can_manage_networks(actor):
        raise PermissionDenied
    name, description = _clean_network_fields(name=name, description=description)
    slug = (slug or "").strip().lower()
    if not SLUG_RE.match(slug):
        raise ValidationError(
            {
                "slug": ValidationError(
                    _("Use only lowercase letters, digits and hyphens, e.g. wet-en-regelgeving."),
                    code="invalid_slug",
                )
            }
        )
    if Network.objects.filter(slug=slug).exists():
        raise ValidationError(
            {
                "slug": ValidationError(
                    _("Another network already uses this web address. Choose another one."),
                    code="slug_taken",
                )
            }
        )
    network = Network.objects.create(
        name=name,
        slug=slug,
        description=description,
        accepts_join_requests=accepts_join_requests,
        created_by=actor,
    )
    moderator_list = list(moderators) or [actor]
    for user in moderator_list:
        NetworkMembership.objects.get_or_create(
            network=network,
            user=user,
            defaults={"role": NetworkRole.MODERATOR, "notification": NotificationChoice.DAILY},
        )
    _forget_roles(actor, *moderator_list)
    return network


@transaction.atomic
def network_update(
    *,
    network: Network,
    actor: User,
    name: str,
    description: str,
    accepts_join_requests: bool,
    add_moderators: Iterable[User] = (),
) -> Network:
    """Change a network's name and description (NOV staff or its moderators). NOV staff can
    also appoint moderators, e.g. when the last one left the platform."""
    is_staff = can_manage_networks(actor)
    if not is_staff and _fresh_role(actor, network) != NetworkRole.MODERATOR:
        raise PermissionDenied
    network.name, network.description = _clean_network_fields(name=name, description=description)
    network.accepts_join_requests = accepts_join_requests
    network.save(update_fields=["name", "description", "accepts_join_requests"])
    new_moderators = list(add_moderators)
    if new_moderators and not is_staff:
        raise PermissionDenied
    for user in new_moderators:
        NetworkMembership.objects.update_or_create(
            network=network, user=user, defaults={"role": NetworkRole.MODERATOR}
        )
    _forget_roles(*new_moderators)
    return network


# --- Membership


@transaction.atomic
def join_request_create(*, network: Network, user: User, message: str = "") -> JoinRequest:
    """Ask to join; the moderators get an e-mail."""
    if network.is_archived or not network.accepts_join_requests:
        raise ValidationError(
            _("This network only takes new members by invitation."), code="closed"
        )
    if NetworkMembership.objects.filter(network=network, user=user).exists():
        raise ValidationError(_("You are already a member of this network."), code="already_member")
    if JoinRequest.objects.filter(
        network=network, user=user, status=JoinRequestStatus.PENDING
    ).exists():
        raise ValidationError(
            _("You already asked to join. A moderator will look at your request."),
            code="already_requested",
        )
    try:
        with transaction.atomic():
            join_request = JoinRequest.objects.create(
                network=network, user=user, message=(message or "").strip()[:2000]
            )
    except IntegrityError:  # a double click raced past the check above
        raise ValidationError(
            _("You already asked to join. A moderator will look at your request."),
            code="already_requested",
        ) from None
    moderators = [
        m.user
        for m in NetworkMembership.objects.filter(
            network=network, role=NetworkRole.MODERATOR, user__is_active=True
        ).select_related("user")
    ]
    requests_url = _absolute(reverse("networks:join-request-list", args=[network.slug]))

    def mail_moderators() -> None:
        for moderator in moderators:
            _mail_user(
                user=moderator,
                subject=gettext_lazy("Someone asked to join %(network)s"),
                params={"network": network.name},
                template="networks/email/join_request_new.txt",
                context={"network": network, "requests_url": requests_url},
            )

    transaction.on_commit(mail_moderators)
    return join_request


@transaction.atomic
def join_request_decide(
    *, join_request: JoinRequest, actor: User, approve: bool
) -> NetworkMembership | None:
    """A moderator approves (the person becomes a member) or declines; the person is
    mailed either way."""
    join_request = (
        JoinRequest.objects.select_for_update()
        .select_related("network", "user")
        .get(pk=join_request.pk)
    )
    network = join_request.network
    _require_moderator(actor, network)
    if join_request.status != JoinRequestStatus.PENDING:
        raise ValidationError(
            _("Another moderator already decided on this request."), code="already_decided"
        )
    join_request.status = JoinRequestStatus.APPROVED if approve else JoinRequestStatus.DECLINED
    join_request.decided_by = actor
    join_request.decided_at = timezone.now()
    join_request.save(update_fields=["status", "decided_by", "decided_at"])
    membership = None
    if approve:
        membership, _created = NetworkMembership.objects.get_or_create(
            network=network, user=join_request.user
        )
        _forget_roles(join_request.user)
    person = join_request.user
    network_url = _absolute(network.get_absolute_url())
    transaction.on_commit(
        lambda: _mail_user(
            user=person,
            subject=(
                gettext_lazy("Welcome to %(network)s")
                if approve
                else gettext_lazy("Your request to join %(network)s")
            ),
            params={"network": network.name},
            template="networks/email/join_request_decided.txt",
            context={"network": network, "approved": approve, "network_url": network_url},
        )
    )
    return membership


@transaction.atomic
def invitation_create(*, network: Network, email: str, actor: User) -> NetworkInvitation:
    """A moderator invites someone by e-mail; the link works once for the person who has it."""
    _require_moderator(actor, network)
    email = (email or "").strip().lower()
    if not email:
        raise ValidationError(
            {"email": ValidationError(_("Fill in an e-mail address."), code="required")}
        )
    if NetworkMembership.objects.filter(network=network, user__email__iexact=email).exists():
        raise ValidationError(
            {
                "email": ValidationError(
                    _("This person is already a member of the network."), code="already_member"
                )
            }
        )
    invitation = NetworkInvitation.objects.create(network=network, email=email, invited_by=actor)
    accept_url = _absolute(reverse("networks:invitation-accept", args=[invitation.token]))
    inviter = actor.display_name

    def mail() -> None:
        subject = _("You are invited to the network %(network)s") % {"network": network.name}
        body = render_to_string(
            "networks/email/invitation.txt",
            {
                "network": network,
                "accept_url": accept_url,
                "inviter": inviter,
                "valid_days": settings.INZET_INVITATION_VALID_DAYS,
            },
        )
        send_mail(subject, body, None, [email])

    transaction.on_commit(mail)
    return invitation


@transaction.atomic
def invitation_accept(*, token: str, user: User) -> NetworkMembership:
    """Any logged-in account holding the link may accept (the link was mailed to one
    address; people often have a work and a private address). Single use."""
    invitation = (
        NetworkInvitation.objects.select_for_update()
        .select_related("network")
        .filter(token=token)
        .first()
    )
    if invitation is None:
        raise ValidationError(_("This invitation link is not valid."), code="invalid")
    existing = NetworkMembership.objects.filter(network=invitation.network, user=user).first()
    if invitation.accepted_at is not None:
        if existing is not None:
            return existing
        raise ValidationError(
            _("This invitation has already been used. Ask a moderator for a new one."),
            code="used",
        )
    valid_until = invitation.created_at + datetime.timedelta(
        days=settings.INZET_INVITATION_VALID_DAYS
    )
    if timezone.now() > valid_until:
        raise ValidationError(
            _("This invitation has expired. Ask a moderator for a new one."), code="expired"
        )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    if existing is not None:
        return existing
    membership = NetworkMembership.objects.create(network=invitation.network, user=user)
    JoinRequest.objects.filter(
        network=invitation.network, user=user, status=JoinRequestStatus.PENDING
    ).update(status=JoinRequestStatus.APPROVED, decided_at=timezone.now())
    _forget_roles(user)
    return membership


def _last_moderator_error() -> ValidationError:
    return ValidationError(
        _("A network needs at least one moderator. Make someone else moderator first."),
        code="last_moderator",
    )


def _is_last_moderator(membership: NetworkMembership) -> bool:
    return (
        membership.role == NetworkRole.MODERATOR
        and not NetworkMembership.objects.filter(
            network_id=membership.network_id, role=NetworkRole.MODERATOR
        )
        .exclude(pk=membership.pk)
        .exists()
    )


@transaction.atomic
def membership_update_role(
    *, membership: NetworkMembership, actor: User, role: str
) -> NetworkMembership:
    membership = NetworkMembership.objects.select_for_update().get(pk=membership.pk)
    _require_moderator(actor, membership.network)
    if role not in NetworkRole.values:
        raise ValidationError({"role": ValidationError(_("Choose a role."), code="invalid")})
    if role != NetworkRole.MODERATOR and _is_last_moderator(membership):
        raise _last_moderator_error()
    membership.role = role
    membership.save(update_fields=["role"])
    _forget_roles(actor, membership.user)
    return membership


@transaction.atomic
def membership_remove(*, membership: NetworkMembership, actor: User) -> None:
    """A moderator removes a member. Their posts stay, under their name."""
    membership = NetworkMembership.objects.select_for_update().get(pk=membership.pk)
    _require_moderator(actor, membership.network)
    if _is_last_moderator(membership):
        raise _last_moderator_error()
    membership.delete()
    _forget_roles(actor, membership.user)


@transaction.atomic
def network_leave(*, network: Network, user: User) -> None:
    membership = (
        NetworkMembership.objects.select_for_update().filter(network=network, user=user).first()
    )
    if membership is None:
        raise ValidationError(_("You are not a member of this network."), code="not_member")
    if _is_last_moderator(membership):
        raise ValidationError(
            _("You are the last moderator. Make someone else moderator before you leave."),
            code="last_moderator",
        )
    membership.delete()
    _forget_roles(user)


def notification_choice_set(*, membership: NetworkMembership, choice: str) -> NetworkMembership:
    if choice not in NotificationChoice.values:
        raise ValidationError(
            {
                "notification": ValidationError(
                    _("Choose how you want to hear about new messages."), code="invalid"
                )
            }
        )
    if membership.notification != choice:
        membership.notification = choice
        # A digest starts counting from now, so a new daily/weekly reader gets no backlog.
        membership.last_digest_at = timezone.now()
        membership.save(update_fields=["notification", "last_digest_at"])
    return membership


def notification_unsubscribe(*, membership: NetworkMembership) -> NetworkMembership:
    """The one-click unsubscribe: no more e-mail from this network."""
    return notification_choice_set(membership=membership, choice=NotificationChoice.NONE)


# --- Discussions


def _find_mentions(body: str, members: list[Any]) -> list[Any]:
    """``@`` followed by a member's full name (case-insensitive; the longest name wins, so
    "@Anna de Vries" beats "@Anna"). Only members of this network can be mentioned."""
    named = sorted((m for m in members if m.name), key=lambda m: len(m.name), reverse=True)
    found: dict[int, Any] = {}
    lower = body.lower()
    # Not preceded by a letter or digit, so e-mail addresses (info@anna.nl) are no mentions.
    for match in re.finditer(r"(?<![\w.])@", body):
        rest = lower[match.end() :]
        for member in named:
            name = member.name.lower()
            if rest.startswith(name):
                after = rest[len(name) : len(name) + 1]
                if not after or not (after.isalnum() or after == "_"):
                    found.setdefault(member.pk, member)
                    break
    return list(found.values())


def _network_members(network: Network) -> list[Any]:
    from inzet.accounts.models import User

    return list(User.objects.filter(network_memberships__network=network, is_active=True))


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError(
            {"body": ValidationError(_("Write a message before you send it."), code="required")}
        )
    if len(body) > 10000:
        raise ValidationError(
            {
                "body": ValidationError(
                    _("Keep your message under 10,000 characters."), code="too_long"
                )
            }
        )
    return body


def _post_add(*, thread: Thread, author: User, body: str) -> Post:
    now = timezone.now()
    post = Post.objects.create(thread=thread, author=author, body=body, created_at=now)
    post.mentions.set(_find_mentions(body, _network_members(thread.network)))
    Thread.objects.filter(pk=thread.pk).update(last_post_at=now)
    network_touch(network=thread.network)
    transaction.on_commit(lambda: _enqueue_post_notification(post.pk))
    return post


def _enqueue_post_notification(post_id: int) -> None:
    from .tasks import notify_new_post

    notify_new_post.enqueue(post_id=post_id)


@transaction.atomic
def thread_create(*, network: Network, author: User, title: str, body: str) -> Thread:
    """A new discussion with its opening message."""
    _require_member(author, network)
    errors: dict[str, ValidationError] = {}
    title = (title or "").strip()
    if not title:
        errors["title"] = ValidationError(_("Give the discussion a subject."), code="required")
    try:
        body = _clean_body(body)
    except ValidationError as exc:
        errors.update(exc.error_dict)
    if errors:
        raise ValidationError(errors)
    thread = Thread.objects.create(network=network, author=author, title=title[:200])
    _post_add(thread=thread, author=author, body=body)
    return thread


@transaction.atomic
def post_create(*, thread: Thread, author: User, body: str) -> Post:
    """A reply. Locked and hidden discussions take no replies."""
    thread = Thread.objects.select_for_update().select_related("network").get(pk=thread.pk)
    _require_member(author, thread.network)
    if thread.is_locked or thread.is_hidden:
        raise ValidationError(
            _("This discussion is closed: you can no longer reply to it."), code="locked"
        )
    return _post_add(thread=thread, author=author, body=_clean_body(body))


def post_can_edit(*, post: Post, user: Any, now: datetime.datetime | None = None) -> bool:
    now = now or timezone.now()
    return (
        post.author_id is not None
        and post.author_id == getattr(user, "pk", None)
        and not post.is_hidden
        and now - post.created_at <= datetime.timedelta(minutes=POST_EDIT_WINDOW_MINUTES)
    )


@transaction.atomic
def post_edit(*, post: Post, actor: User, body: str) -> Post:
    """The author changes their message within the edit window. Mentions are worked out
    again; people mentioned only by the edit are not mailed (an edit is not a new message)."""
    post = Post.objects.select_for_update().select_related("thread__network").get(pk=post.pk)
    if post.author_id is None or post.author_id != actor.pk:
        raise PermissionDenied
    _require_member(actor, post.thread.network)
    if post.thread.is_locked:
        raise ValidationError(
            _("This discussion is closed: messages can no longer be changed."), code="locked"
        )
    if timezone.now() - post.created_at > datetime.timedelta(minutes=POST_EDIT_WINDOW_MINUTES):
        raise ValidationError(
            _(
                "You can only change a message in the first %(minutes)s minutes. Write a new "
                "reply instead."
            )
            % {"minutes": POST_EDIT_WINDOW_MINUTES},
            code="edit_window_closed",
        )
    post.body = _clean_body(body)
    post.edited_at = timezone.now()
    post.save(update_fields=["body", "edited_at"])
    post.mentions.set(_find_mentions(post.body, _network_members(post.thread.network)))
    return post


@transaction.atomic
def post_hide(*, post: Post, actor: User, hidden: bool = True) -> Post:
    """A moderator hides (or shows again) one message."""
    _require_moderator(actor, post.thread.network)
    if post.is_hidden != hidden:
        post.is_hidden = hidden
        post.save(update_fields=["is_hidden"])
    return post


THREAD_ACTIONS = {
    "lock": ("is_locked", True),
    "unlock": ("is_locked", False),
    "hide": ("is_hidden", True),
    "unhide": ("is_hidden", False),
}


@transaction.atomic
def thread_moderate(*, thread: Thread, actor: User, action: str) -> Thread:
    _require_moderator(actor, thread.network)
    if action not in THREAD_ACTIONS:
        raise ValidationError(_("Choose what to do with the discussion."), code="invalid")
    field, value = THREAD_ACTIONS[action]
    setattr(thread, field, value)
    thread.save(update_fields=[field])
    return thread


# --- Notifications


def post_notify(*, post_id: int) -> int:
    """Mail a new post at once to members who chose "at once", and to members it mentions
    (unless they chose no e-mail). Never to the author. Idempotent: ``notified_at`` is set in
    the same transaction that queues the mails. Returns the number of mails."""
    with transaction.atomic():
        post = (
            Post.objects.select_for_update(of=("self",))
            .select_related("thread__network", "author")
            .filter(pk=post_id)
            .first()
        )
        if post is None or post.notified_at is not None:
            return 0
        post.notified_at = timezone.now()
        post.save(update_fields=["notified_at"])
        if post.is_hidden or post.thread.is_hidden:
            return 0
        network = post.thread.network
        mentioned = set(post.mentions.values_list("pk", flat=True))
        memberships = (
            NetworkMembership.objects.filter(network=network, user__is_active=True)
            .filter(
                Q(notification=NotificationChoice.IMMEDIATELY)
                | (Q(user_id__in=mentioned) & ~Q(notification=NotificationChoice.NONE))
            )
            .exclude(user_id=post.author_id)
            .select_related("user", "network")
        )
        author_name = post.author.display_name if post.author else _("A former member")
        messages = []
        for membership in memberships:
            is_mention = membership.user_id in mentioned
            with translation.override(_user_language(membership.user)):
                if is_mention:
                    subject = _("%(author)s mentioned you in %(network)s: %(title)s")
                else:
                    subject = _("New message in %(network)s: %(title)s")
                subject = subject % {
                    "author": author_name,
                    "network": network.name,
                    "title": post.thread.title,
                }
            messages.append(
                _network_mail(
                    membership=membership,
                    subject=subject,
                    template="networks/email/new_post.txt",
                    context={
                        "post": post,
                        "author_name": author_name,
                        "thread_url": _absolute(post.thread.get_absolute_url()),
                        "is_mention": is_mention,
                    },
                )
            )
        return _send_in_batches(messages)


def _digest_for_membership(*, membership_id: int, frequency: str, now: datetime.datetime) -> bool:
    with transaction.atomic():
        membership = (
            NetworkMembership.objects.select_for_update()
            .select_related("user", "network")
            .filter(pk=membership_id, notification=frequency, user__is_active=True)
            .first()
        )
        if membership is None:
            return False
        since = membership.last_digest_at or (now - DIGEST_PERIODS[frequency])
        if since >= now:  # this run (or a later one) already covered it
            return False
        posts = list(
            Post.objects.filter(
                thread__network=membership.network,
                thread__is_hidden=False,
                is_hidden=False,
                created_at__gt=since,
                created_at__lte=now,
            )
            .exclude(author_id=membership.user_id)
            .select_related("thread", "author")
            .order_by("thread__last_post_at", "created_at", "pk")
        )
        membership.last_digest_at = now
        membership.save(update_fields=["last_digest_at"])
        if not posts:
            return False
        new_thread_ids = set(
            Thread.objects.filter(
                pk__in={p.thread_id for p in posts}, created_at__gt=since, created_at__lte=now
            ).values_list("pk", flat=True)
        )
        threads: dict[int, dict] = {}
        for post in posts:
            threads.setdefault(
                post.thread_id,
                {
                    "thread": post.thread,
                    "url": _absolute(post.thread.get_absolute_url()),
                    "is_new": post.thread_id in new_thread_ids,
                    "posts": [],
                },
            )["posts"].append(post)
        with translation.override(_user_language(membership.user)):
            if frequency == NotificationChoice.DAILY:
                subject = _("Today in %(network)s") % {"network": membership.network.name}
            else:
                subject = _("This week in %(network)s") % {"network": membership.network.name}
        message = _network_mail(
            membership=membership,
            subject=subject,
            template="networks/email/digest.txt",
            context={"threads": list(threads.values()), "post_count": len(posts)},
        )
        # Queued inside this transaction: the mail and last_digest_at stand or fall together.
        _send_in_batches([message])
        return True


def digests_send(*, frequency: str, now: datetime.datetime | None = None) -> int:
    """The daily or weekly digest: one mail per member (per network) listing the new
    discussions and replies since their last digest. Safe to run twice. Returns the count."""
    if frequency not in DIGEST_PERIODS:
        raise ValueError(f"Unknown digest frequency: {frequency}")
    now = now or timezone.now()
    ids = list(
        NetworkMembership.objects.filter(
            notification=frequency, user__is_active=True, network__is_archived=False
        ).values_list("pk", flat=True)
    )
    sent = 0
    for membership_id in ids:
        try:
            sent += _digest_for_membership(
                membership_id=membership_id, frequency=frequency, now=now
            )
        except Exception:  # one broken digest must not stop the others
            logger.exception("Network digest for membership %s failed", membership_id)
    return sent


# --- Library


def folder_create(
    *, network: Network, actor: User, name: str, parent: Folder | None = None
) -> Folder:
    """Members organise the library in folders, one level deep at most."""
    _require_member(actor, network)
    name = (name or "").strip()[:150]
    if not name:
        raise ValidationError(
            {"name": ValidationError(_("Give the folder a name."), code="required")}
        )
    if parent is not None:
        if parent.network_id != network.pk:
            raise ValidationError(
                {"parent": ValidationError(_("Choose a folder of this network."), code="invalid")}
            )
        if parent.parent_id is not None:
            raise ValidationError(
                {
                    "parent": ValidationError(
                        _("A folder can only be inside a main folder, not deeper."),
                        code="too_deep",
                    )
                }
            )
    # The unique constraint does not cover top-level folders (NULL parent), so check here.
    if Folder.objects.filter(network=network, parent=parent, name__iexact=name).exists():
        raise ValidationError(
            {
                "name": ValidationError(
                    _("There is already a folder with this name here."), code="duplicate"
                )
            }
        )
    folder = Folder.objects.create(network=network, parent=parent, name=name)
    network_touch(network=network)
    return folder


def library_document_upload(
    *,
    network: Network,
    actor: User,
    uploaded_file: UploadedFile,
    title: str,
    folder: Folder | None = None,
    description: str = "",
) -> Document:
    """Upload a document into the network's library (checked and stored by the kennisbank)."""
    from inzet.knowledge.services import document_upload

    _require_member(actor, network)
    if folder is not None and folder.network_id != network.pk:
        raise ValidationError(
            {"folder": ValidationError(_("Choose a folder of this network."), code="invalid")}
        )
    document = document_upload(
        uploaded_file=uploaded_file,
        title=title,
        owner=actor,
        visibility="network",
        network=network,
        folder=folder,
        description=description,
    )
    network_touch(network=network)
    return document


def library_document_add_version(
    *, document: Document, actor: User, uploaded_file: UploadedFile
) -> DocumentVersion:
    from inzet.core.permissions import can_edit_knowledge_item
    from inzet.knowledge.services import document_add_version

    _forget_roles(actor)
    if document.network_id is None or not can_edit_knowledge_item(actor, document):
        raise PermissionDenied
    version = document_add_version(document=document, uploaded_file=uploaded_file, actor=actor)
    network_touch(network=document.network)
    return version


# --- Privacy (AVG)


def networks_data_export(*, user: User) -> dict:
    """Everything the networks app holds about a person, for a data request."""
    memberships = NetworkMembership.objects.filter(user=user).select_related("network")
    posts = Post.objects.filter(author=user).select_related("thread__network")
    return {
        "memberships": [
            {
                "network": m.network.name,
                "role": m.role,
                "notification": m.notification,
                "joined_at": m.joined_at.isoformat(),
            }
            for m in memberships
        ],
        "join_requests": [
            {
                "network": r.network.name,
                "message": r.message,
                "status": r.status,
                "created_at": r.created_at.isoformat(),
            }
            for r in JoinRequest.objects.filter(user=user).select_related("network")
        ],
        "invitations": [
            {"network": i.network.name, "created_at": i.created_at.isoformat()}
            for i in NetworkInvitation.objects.filter(email__iexact=user.email).select_related(
                "network"
            )
        ],
        "threads_started": [
            {"network": t.network.name, "title": t.title, "created_at": t.created_at.isoformat()}
            for t in Thread.objects.filter(author=user).select_related("network")
        ],
        "posts": [
            {
                "network": p.thread.network.name,
                "discussion": p.thread.title,
                "text": p.body,
                "created_at": p.created_at.isoformat(),
            }
            for p in posts
        ],
    }


@transaction.atomic
def networks_data_erase(*, user: User) -> None:
    """Erase a person from the networks.

    Memberships, join requests and invitations sent to their e-mail address are deleted.
    Their posts and discussions STAY, with the author set to empty and shown as "former
    member": a discussion with holes in it would make the other members' replies
    unreadable, and the words were written to a group, not about the person. Mentions of
    them are removed. A network whose last moderator is erased keeps going; NOV staff can
    appoint a new moderator through the network's edit page.
    """
    NetworkMembership.objects.filter(user=user).delete()
    JoinRequest.objects.filter(user=user).delete()
    if user.email:
        NetworkInvitation.objects.filter(email__iexact=user.email).delete()
    Post.objects.filter(author=user).update(author=None)
    Thread.objects.filter(author=user).update(author=None)
    Post.mentions.through.objects.filter(user_id=user.pk).delete()
    _forget_roles(user)

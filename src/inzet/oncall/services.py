"""On-call pools: join and leave, issue an urgent request, broadcast it, answer it.

    request:     open ──▶ full (all places confirmed) ──▶ open again (places added)
                 open/full ──▶ closed (no more answers) | cancelled (people are told)
    invitation:  invited ──▶ confirmed | reserve | too late | declined
                 reserve ──▶ confirmed (places added)   confirmed/reserve ──▶ cancelled

The first N people who accept are confirmed: an accept locks the request row
(``SELECT … FOR UPDATE`` on PostgreSQL; on SQLite the IMMEDIATE transaction takes the write
lock at its start), so parallel accepts are counted one after another.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.audit.services import audit_log
from inzet.geo.selectors import postcode_area_get
from inzet.organisations.models import Organisation, VolunteerCentre
from inzet.volunteers.constants import ALL_SLOTS
from inzet.volunteers.models import Skill
from inzet.volunteers.services import MAX_DISTANCE_KM

from .constants import BROADCAST_BATCH_SIZE, InvitationStatus, RequestStatus
from .models import OnCallInvitation, OnCallPool, OnCallRequest, PoolMembership
from .selectors import LIVE_STATUSES, eligible_members, invitation_answer_url

NAME_MAX_LENGTH = 150
MAX_PLACES = 500
MAX_MIN_AGE = 99
INVITATION_CHUNK = 2000


def _absolute(url: str) -> str:
    return settings.SITE_URL.rstrip("/") + url


def _field_error(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


# --- pools


def _pool_check(*, name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise _field_error("name", _("Give the pool a name."), "required")
    if len(name) > NAME_MAX_LENGTH:
        raise _field_error(
            "name",
            _("Use at most %(max)s characters for the name.") % {"max": NAME_MAX_LENGTH},
            "too_long",
        )
    return name


@transaction.atomic
def pool_create(
    *,
    owner: Organisation | VolunteerCentre,
    actor: User,
    name: str,
    description: str = "",
) -> OnCallPool:
    """A new pool kept by an organisation or a volunteer centre."""
    name = _pool_check(name=name)
    pool = OnCallPool(name=name, description=(description or "").strip(), created_by=actor)
    if isinstance(owner, Organisation):
        pool.organisation = owner
    else:
        pool.centre = owner
    pool.save()
    audit_log(actor=actor, action="oncall.pool_create", target=pool)
    return pool


@transaction.atomic
def pool_update(
    *, pool: OnCallPool, actor: User, name: str, description: str, is_active: bool
) -> OnCallPool:
    pool.name = _pool_check(name=name)
    pool.description = (description or "").strip()
    pool.is_active = is_active
    pool.save(update_fields=["name", "description", "is_active"])
    audit_log(actor=actor, action="oncall.pool_update", target=pool)
    return pool


def _membership_check(*, availability: int, max_distance_km: int, postcode: str) -> Any:
    errors: dict[str, list[ValidationError]] = {}
    if not 0 < availability <= ALL_SLOTS:
        errors["availability"] = [
            ValidationError(
                _("Tick at least one part of the week when you can be called."),
                code="availability_empty",
            )
        ]
    if not 1 <= max_distance_km <= MAX_DISTANCE_KM:
        errors["max_distance_km"] = [
            ValidationError(
                _("Choose a distance from 1 to %(max)s km.") % {"max": MAX_DISTANCE_KM},
                code="distance_range",
            )
        ]
    area = None
    try:
        area = postcode_area_get(postcode=postcode or "")
    except ValidationError as exc:
        errors["postcode"] = [exc]
    if errors:
        raise ValidationError(errors)
    return area


@transaction.atomic
def pool_join(
    *,
    pool: OnCallPool,
    volunteer: User,
    availability: int,
    max_distance_km: int,
    postcode: str,
) -> PoolMembership:
    """Join a pool: when you can usually be called, how far you travel, from where."""
    if not pool.is_active:
        raise ValidationError(_("This pool does not take new members."), code="pool_closed")
    if PoolMembership.objects.filter(pool=pool, volunteer=volunteer).exists():
        raise ValidationError(_("You are already in this pool."), code="duplicate")
    area = _membership_check(
        availability=availability, max_distance_km=max_distance_km, postcode=postcode
    )
    membership = PoolMembership.objects.create(
        pool=pool,
        volunteer=volunteer,
        availability=availability,
        max_distance_km=max_distance_km,
        postcode_area=area,
        latitude=area.latitude,
        longitude=area.longitude,
    )
    return membership


@transaction.atomic
def pool_membership_update(
    *, membership: PoolMembership, availability: int, max_distance_km: int, postcode: str
) -> PoolMembership:
    area = _membership_check(
        availability=availability, max_distance_km=max_distance_km, postcode=postcode
    )
    membership.availability = availability
    membership.max_distance_km = max_distance_km
    membership.postcode_area = area
    membership.latitude, membership.longitude = area.latitude, area.longitude
    membership.save(
        update_fields=["availability", "max_distance_km", "postcode_area", "latitude", "longitude"]
    )
    return membership


@transaction.atomic
def pool_leave(*, pool: OnCallPool, volunteer: User) -> None:
    """Leave a pool; open invitations for its live requests are dropped (answers stay)."""
    deleted, _rows = PoolMembership.objects.filter(pool=pool, volunteer=volunteer).delete()
    if not deleted:
        raise ValidationError(_("You are not in this pool."), code="not_member")
    OnCallInvitation.objects.filter(
        volunteer=volunteer,
        status=InvitationStatus.INVITED,
        request__pool=pool,
        request__status__in=LIVE_STATUSES,
    ).delete()


# --- requests


@transaction.atomic
def request_issue(
    *,
    pool: OnCallPool,
    actor: User,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    place: str,
    postcode: str,
    places: int,
    description: str = "",
    required_skill: Skill | None = None,
    min_age: int = 0,
    vog_required: bool = False,
    keep_reserve_list: bool = True,
) -> OnCallRequest:
    """Issue an urgent request; the broadcast to the eligible members runs as a task."""
    errors: dict[str, list[ValidationError]] = {}

    def add(field: str, message: str, code: str) -> None:
        errors.setdefault(field, []).append(ValidationError(message, code=code))

    title, place = (title or "").strip(), (place or "").strip()
    if not title:
        add("title", _("Say what the help is for."), "required")
    if not place:
        add("place", _("Give an address or meeting point."), "required")
    if starts_at <= timezone.now():
        add("starts_at", _("The start is in the past. Choose a time in the future."), "past")
    if ends_at <= starts_at:
        add("ends_at", _("The end must be after the start."), "ends_before_start")
    if not 1 <= places <= MAX_PLACES:
        add(
            "places",
            _("Ask for 1 to %(max)s people.") % {"max": MAX_PLACES},
            "places_range",
        )
    if not 0 <= min_age <= MAX_MIN_AGE:
        add("min_age", _("Enter an age from 0 to %(max)s.") % {"max": MAX_MIN_AGE}, "age")
    area = None
    try:
        area = postcode_area_get(postcode=postcode or "")
    except ValidationError as exc:
        errors.setdefault("postcode", []).append(exc)
    if errors:
        raise ValidationError(errors)
    oncall_request = OnCallRequest.objects.create(
        pool=pool,
        title=title,
        description=(description or "").strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        place=place,
        postcode_area=area,
        latitude=area.latitude,
        longitude=area.longitude,
        places=places,
        required_skill=required_skill,
        min_age=min_age,
        vog_required=vog_required,
        keep_reserve_list=keep_reserve_list,
        created_by=actor,
    )
    audit_log(actor=actor, action="oncall.request_issue", target=oncall_request)
    from .tasks import broadcast_request

    request_id = oncall_request.pk
    transaction.on_commit(lambda: broadcast_request.enqueue(request_id=request_id))
    return oncall_request


def _request_live(oncall_request: OnCallRequest) -> bool:
    return oncall_request.status in LIVE_STATUSES and oncall_request.ends_at > timezone.now()


def request_broadcast(*, request_id: int, batch_size: int = BROADCAST_BATCH_SIZE) -> int:
    """Invite every eligible member and mail them in batches; safe to run again.

    Step 1 creates the invitations (idempotent: ``ignore_conflicts`` on the unique
    request+volunteer pair). Step 2 mails batch after batch; each batch queues its e-mails
    and marks the invitations notified in ONE transaction, so if the worker dies halfway the
    batch rolls back as a whole and a rerun mails nobody twice. Returns the number mailed.
    """
    oncall_request = OnCallRequest.objects.select_related("pool").get(pk=request_id)
    if not _request_live(oncall_request):
        return 0
    member_ids = eligible_members(oncall_request).values_list("volunteer_id", flat=True)
    chunk: list[OnCallInvitation] = []
    for volunteer_id in member_ids.iterator(chunk_size=INVITATION_CHUNK):
        chunk.append(OnCallInvitation(request_id=request_id, volunteer_id=volunteer_id))
        if len(chunk) >= INVITATION_CHUNK:
            OnCallInvitation.objects.bulk_create(chunk, ignore_conflicts=True)
            chunk = []
    if chunk:
        OnCallInvitation.objects.bulk_create(chunk, ignore_conflicts=True)
    oncall_request.eligible_count = OnCallInvitation.objects.filter(request_id=request_id).count()
    oncall_request.save(update_fields=["eligible_count"])

    mailed = 0
    skip_locked = connection.features.has_select_for_update_skip_locked
    while True:
        with transaction.atomic():
            current = OnCallRequest.objects.get(pk=request_id)
            if not _request_live(current):
                return mailed  # closed or cancelled meanwhile: mail no one any more
            pending = OnCallInvitation.objects.filter(
                request_id=request_id, notified_at__isnull=True, status=InvitationStatus.INVITED
            ).order_by("pk")
            if skip_locked:
                # Two workers on one request each take different rows.
                pending = pending.select_for_update(skip_locked=True, of=("self",))
            batch = list(pending.select_related("volunteer")[:batch_size])
            if not batch:
                break
            for invitation in batch:
                invitation.request = current
                invitation_notify(invitation=invitation)
            OnCallInvitation.objects.filter(pk__in=[i.pk for i in batch]).update(
                notified_at=timezone.now()
            )
            mailed += len(batch)
    OnCallRequest.objects.filter(pk=request_id, broadcast_finished_at__isnull=True).update(
        broadcast_finished_at=timezone.now()
    )
    return mailed


def invitation_notify(*, invitation: OnCallInvitation) -> None:
    """Queue the e-mail with the one-click answer link for one invitation."""
    oncall_request = invitation.request
    language = invitation.volunteer.preferred_language or "nl"
    with translation.override(language):
        subject = _("Urgent: can you help with %(title)s?") % {"title": oncall_request.title}
        body = render_to_string(
            "oncall/email/invitation.txt",
            {
                "request": oncall_request,
                "volunteer": invitation.volunteer,
                "url": invitation_answer_url(invitation, absolute=True),
                "my_url": _absolute(reverse("oncall:my-requests")),
            },
        )
    send_mail(subject, body, None, [invitation.volunteer.email])


def _notify_outcome(*, invitation: OnCallInvitation) -> None:
    """Tell the volunteer how their answer ended: confirmed, reserve, too late, cancelled."""
    oncall_request = invitation.request
    volunteer = invitation.volunteer
    language = volunteer.preferred_language or "nl"
    with translation.override(language):
        subjects = {
            InvitationStatus.CONFIRMED: _("You are confirmed for %(title)s"),
            InvitationStatus.RESERVE: _("You are on the reserve list for %(title)s"),
            InvitationStatus.TOO_LATE: _("Thank you: %(title)s is already full"),
            InvitationStatus.CANCELLED: _("Cancelled: %(title)s"),
        }
        subject = subjects[invitation.status] % {"title": oncall_request.title}
        body = render_to_string(
            "oncall/email/outcome.txt",
            {
                "request": oncall_request,
                "invitation": invitation,
                "my_url": _absolute(reverse("oncall:my-requests")),
            },
        )
    send_mail(subject, body, None, [volunteer.email])


def _notify_on_commit(invitations: list[OnCallInvitation]) -> None:
    for invitation in invitations:
        transaction.on_commit(lambda i=invitation: _notify_outcome(invitation=i))


def _lock_request(oncall_request: OnCallRequest) -> OnCallRequest:
    return OnCallRequest.objects.select_for_update().get(pk=oncall_request.pk)


def _request_not_live_error(oncall_request: OnCallRequest) -> ValidationError:
    if oncall_request.status == RequestStatus.CANCELLED:
        return ValidationError(_("This request has been cancelled."), code="closed")
    return ValidationError(_("This request is closed."), code="closed")


def _status_after_count(oncall_request: OnCallRequest, confirmed: int) -> str:
    return RequestStatus.FULL if confirmed >= oncall_request.places else RequestStatus.OPEN


@transaction.atomic
def invitation_accept(*, invitation: OnCallInvitation) -> OnCallInvitation:
    """Accept: confirmed while places last, then reserve (or too late). Single use: an
    invitation already answered is returned unchanged."""
    oncall_request = _lock_request(invitation.request)  # serialises parallel accepts
    invitation = OnCallInvitation.objects.select_related("volunteer").get(pk=invitation.pk)
    invitation.request = oncall_request
    if not _request_live(oncall_request):
        raise _request_not_live_error(oncall_request)
    if invitation.status != InvitationStatus.INVITED:
        return invitation
    confirmed = oncall_request.invitations.filter(status=InvitationStatus.CONFIRMED).count()
    if confirmed < oncall_request.places:
        invitation.status = InvitationStatus.CONFIRMED
        confirmed += 1
        new_status = _status_after_count(oncall_request, confirmed)
        if new_status != oncall_request.status:
            oncall_request.status = new_status
            oncall_request.save(update_fields=["status"])
    elif oncall_request.keep_reserve_list:
        invitation.status = InvitationStatus.RESERVE
    else:
        invitation.status = InvitationStatus.TOO_LATE
    invitation.responded_at = timezone.now()
    invitation.save(update_fields=["status", "responded_at"])
    _notify_on_commit([invitation])
    return invitation


@transaction.atomic
def invitation_decline(*, invitation: OnCallInvitation) -> OnCallInvitation:
    """No, not this time. Single use like accepting; nobody is mailed."""
    oncall_request = _lock_request(invitation.request)
    invitation = OnCallInvitation.objects.select_related("volunteer").get(pk=invitation.pk)
    invitation.request = oncall_request
    if not _request_live(oncall_request):
        raise _request_not_live_error(oncall_request)
    if invitation.status != InvitationStatus.INVITED:
        return invitation
    invitation.status = InvitationStatus.DECLINED
    invitation.responded_at = timezone.now()
    invitation.save(update_fields=["status", "responded_at"])
    return invitation


@transaction.atomic
def request_set_places(*, oncall_request: OnCallRequest, actor: User, places: int) -> OnCallRequest:
    """Change how many people are needed. More places promote reserve people in the order
    they answered (they are told); never fewer places than people already confirmed."""
    locked = _lock_request(oncall_request)
    if not _request_live(locked):
        raise _request_not_live_error(locked)
    confirmed = locked.invitations.filter(status=InvitationStatus.CONFIRMED).count()
    if places < confirmed:
        raise _field_error(
            "places",
            _(
                "%(confirmed)s people are already confirmed. Choose at least %(confirmed)s places."
            )
            % {"confirmed": confirmed},
            "below_confirmed",
        )
    if places > MAX_PLACES:
        raise _field_error(
            "places", _("Ask for 1 to %(max)s people.") % {"max": MAX_PLACES}, "places_range"
        )
    locked.places = places
    _places_fill_from_reserve(locked, confirmed=confirmed)
    locked.save(update_fields=["places", "status"])
    audit_log(
        actor=actor, action="oncall.request_places", target=locked, details={"places": places}
    )
    oncall_request.places, oncall_request.status = locked.places, locked.status
    return locked


def _places_fill_from_reserve(locked: OnCallRequest, *, confirmed: int) -> None:
    """Give free places to the reserve list in the order people answered (they are told),
    and set the status to full or open. The caller holds the request's row lock and saves."""
    promoted = list(
        locked.invitations.filter(status=InvitationStatus.RESERVE)
        .select_related("volunteer")
        .order_by("responded_at", "pk")[: max(0, locked.places - confirmed)]
    )
    for invitation in promoted:
        invitation.status = InvitationStatus.CONFIRMED
        invitation.request = locked
    OnCallInvitation.objects.filter(pk__in=[i.pk for i in promoted]).update(
        status=InvitationStatus.CONFIRMED
    )
    locked.status = _status_after_count(locked, confirmed + len(promoted))
    _notify_on_commit(promoted)


@transaction.atomic
def request_close(*, oncall_request: OnCallRequest, actor: User) -> OnCallRequest:
    """No more answers; people who answer later see that the request is closed."""
    locked = _lock_request(oncall_request)
    if locked.status not in LIVE_STATUSES:
        raise _request_not_live_error(locked)
    locked.status, locked.closed_at = RequestStatus.CLOSED, timezone.now()
    locked.save(update_fields=["status", "closed_at"])
    audit_log(actor=actor, action="oncall.request_close", target=locked)
    return locked


@transaction.atomic
def request_cancel(*, oncall_request: OnCallRequest, actor: User) -> OnCallRequest:
    """Call it off: confirmed and reserve people are told by e-mail."""
    locked = _lock_request(oncall_request)
    if locked.status not in LIVE_STATUSES:
        raise _request_not_live_error(locked)
    locked.status, locked.closed_at = RequestStatus.CANCELLED, timezone.now()
    locked.save(update_fields=["status", "closed_at"])
    told = list(
        locked.invitations.filter(
            status__in=[InvitationStatus.CONFIRMED, InvitationStatus.RESERVE]
        ).select_related("volunteer")
    )
    OnCallInvitation.objects.filter(pk__in=[i.pk for i in told]).update(
        status=InvitationStatus.CANCELLED
    )
    for invitation in told:
        invitation.status, invitation.request = InvitationStatus.CANCELLED, locked
    audit_log(actor=actor, action="oncall.request_cancel", target=locked)
    _notify_on_commit(told)
    return locked


# --- privacy


@transaction.atomic
def oncall_data_erase(*, user: User) -> None:
    """Part of erasing an account: pool memberships and invitations. A place the person held
    on a request that is still running goes to the first person on its reserve list."""
    PoolMembership.objects.filter(volunteer=user).delete()
    held = list(
        OnCallInvitation.objects.filter(
            volunteer=user,
            status=InvitationStatus.CONFIRMED,
            request__status__in=LIVE_STATUSES,
            request__ends_at__gt=timezone.now(),
        ).values_list("request_id", flat=True)
    )
    OnCallInvitation.objects.filter(volunteer=user).delete()
    for request_id in held:
        with transaction.atomic():
            locked = OnCallRequest.objects.select_for_update(of=("self",)).get(pk=request_id)
            if not _request_live(locked):
                continue
            confirmed = locked.invitations.filter(status=InvitationStatus.CONFIRMED).count()
            _places_fill_from_reserve(locked, confirmed=confirmed)
            locked.save(update_fields=["status"])

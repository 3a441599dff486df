"""Reads for on-call pools: eligibility, gatekeepers, signed answer links, lists.

Eligibility is one SQL query (no Python loop over the pool): the availability bit of the
request's day part, a bounding box on latitude/longitude (the geo index), then the exact
great-circle distance against each member's own maximum, and the requirements.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db.models import Count, F, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.core import permissions
from inzet.organisations.models import Organisation, VolunteerCentre
from inzet.vacancies.selectors.search import bounding_box_q, haversine_expression
from inzet.volunteers.constants import DAYS, VogStatus, slot_bit
from inzet.volunteers.services import MAX_DISTANCE_KM

from .constants import InvitationStatus, RequestStatus
from .models import OnCallInvitation, OnCallPool, OnCallRequest, PoolMembership

# Requests that still take answers (a full one still takes reserves).
LIVE_STATUSES = (RequestStatus.OPEN, RequestStatus.FULL)
TOKEN_SALT = "oncall.accept"  # noqa: S105 - a signing salt, not a secret
TOKEN_MAX_AGE = timedelta(days=7)


# --- eligibility


def request_slot_bit(*, starts_at: datetime) -> int:
    """The week-grid bit of the day part in which a request starts (Amsterdam time)."""
    local = timezone.localtime(starts_at)
    day = DAYS[local.weekday()][0]
    if local.hour < 12:
        part = "morning"
    elif local.hour < 18:
        part = "afternoon"
    else:
        part = "evening"
    return slot_bit(day, part)


def eligible_members(request: OnCallRequest) -> QuerySet[PoolMembership]:
    """The members of the request's pool who can be asked: available at the start, within
    their own travel distance, meeting the requirements, with an active account."""
    bit = request_slot_bit(starts_at=request.starts_at)
    qs = (
        PoolMembership.objects.filter(
            pool_id=request.pool_id,
            volunteer__is_active=True,
            volunteer__erased_at__isnull=True,
        )
        .annotate(slot_free=F("availability").bitand(bit))
        .filter(slot_free__gt=0)
        # The box for the largest distance anyone may choose uses the geo index; the exact
        # distance is then checked against each member's own maximum.
        .filter(bounding_box_q(request.latitude, request.longitude, MAX_DISTANCE_KM))
        .annotate(distance_km=haversine_expression(request.latitude, request.longitude))
        .filter(distance_km__lte=F("max_distance_km"))
    )
    if request.required_skill_id:
        qs = qs.filter(volunteer__volunteer_profile__skills=request.required_skill_id)
    if request.min_age:
        # As the vacancy matching does: the age reached in the year of the request.
        latest_birth_year = timezone.localtime(request.starts_at).year - request.min_age
        qs = qs.filter(volunteer__volunteer_profile__birth_year__lte=latest_birth_year)
    if request.vog_required:
        qs = qs.filter(volunteer__volunteer_profile__vog=VogStatus.HAS)
    return qs.order_by("pk")


# --- signed answer links


def invitation_token(invitation: OnCallInvitation) -> str:
    """The key in the e-mail's answer link: signed, timestamped, no login needed."""
    signer = signing.TimestampSigner(salt=TOKEN_SALT)
    return signer.sign_object({"i": invitation.public_id.hex})


def invitation_answer_url(invitation: OnCallInvitation, *, absolute: bool = False) -> str:
    url = reverse("oncall:invitation-answer", args=[invitation_token(invitation)])
    return settings.SITE_URL.rstrip("/") + url if absolute else url


def invitation_from_token(token: str) -> OnCallInvitation:
    """The invitation behind a link, or a ValidationError with code "tampered", "expired"
    or "unknown". A link lives at most 7 days and never past the end of the request."""
    signer = signing.TimestampSigner(salt=TOKEN_SALT)
    try:
        data = signer.unsign_object(token, max_age=TOKEN_MAX_AGE)
    except signing.SignatureExpired:
        raise ValidationError(_("This link has expired."), code="expired") from None
    except (signing.BadSignature, ValueError):
        raise ValidationError(_("This link is not valid."), code="tampered") from None
    try:
        public_id = UUID(hex=str(data["i"]))
        invitation = OnCallInvitation.objects.select_related(
            "request__pool__organisation", "request__pool__centre", "volunteer"
        ).get(public_id=public_id)
    except (KeyError, TypeError, ValueError, OnCallInvitation.DoesNotExist):
        raise ValidationError(_("We cannot find this request."), code="unknown") from None
    if invitation.request.ends_at <= timezone.now():
        raise ValidationError(_("This link has expired."), code="expired")
    return invitation


# --- gatekeepers


def _pool_get(*, public_id: UUID) -> OnCallPool:
    try:
        return OnCallPool.objects.select_related("organisation", "centre").get(
            public_id=public_id
        )
    except OnCallPool.DoesNotExist:
        raise Http404 from None


def pool_get_for_coordinator(*, user: User, public_id: UUID) -> OnCallPool:
    """A pool the user coordinates (issue requests, see members, edit)."""
    pool = _pool_get(public_id=public_id)
    if not permissions.can_coordinate_pool(user, pool):
        raise Http404
    return pool


def pool_get_for_viewer(*, user: User, public_id: UUID) -> OnCallPool:
    """A pool the user may see: open to join, or they are in it, or they coordinate it."""
    pool = _pool_get(public_id=public_id)
    if (
        permissions.can_join_pool(user, pool)
        or pool.memberships.filter(volunteer=user).exists()
        or permissions.can_coordinate_pool(user, pool)
    ):
        return pool
    raise Http404


def pool_get_for_joining(*, user: User, public_id: UUID) -> OnCallPool:
    """A pool the user may join, or whose membership they may change."""
    pool = _pool_get(public_id=public_id)
    if permissions.can_join_pool(user, pool) or pool.memberships.filter(volunteer=user).exists():
        return pool
    raise Http404


def organisation_get_for_pool_create(*, user: User, organisation_id: UUID) -> Organisation:
    try:
        organisation = Organisation.objects.get(public_id=organisation_id)
    except Organisation.DoesNotExist:
        raise Http404 from None
    if not permissions.can_create_pool_for_organisation(user, organisation):
        raise Http404
    return organisation


def centre_get_for_pool_create(*, user: User, centre_id: UUID) -> VolunteerCentre:
    try:
        centre = VolunteerCentre.objects.get(public_id=centre_id)
    except VolunteerCentre.DoesNotExist:
        raise Http404 from None
    if not permissions.can_create_pool_for_centre(user, centre):
        raise Http404
    return centre


def request_get_for_coordinator(*, user: User, public_id: UUID) -> OnCallRequest:
    """An urgent request the user follows as a coordinator of its pool."""
    try:
        oncall_request = OnCallRequest.objects.select_related(
            "pool__organisation", "pool__centre", "postcode_area", "required_skill"
        ).get(public_id=public_id)
    except OnCallRequest.DoesNotExist:
        raise Http404 from None
    if not permissions.can_coordinate_pool(user, oncall_request.pool):
        raise Http404
    return oncall_request


# --- lists and counts


def pool_list_open() -> QuerySet[OnCallPool]:
    """Pools anyone may join, with their owner for the place."""
    return OnCallPool.objects.filter(is_active=True).select_related("organisation", "centre")


def pool_list_for_member(*, user: User) -> QuerySet[OnCallPool]:
    return OnCallPool.objects.filter(memberships__volunteer=user).select_related(
        "organisation", "centre"
    )


def pool_list_for_coordinator(*, user: User) -> list[OnCallPool]:
    """Pools of the organisations the user coordinates and the centres they staff."""
    from inzet.organisations.constants import OrganisationRole

    if not user.is_authenticated or not user.is_active:
        return []
    return list(
        OnCallPool.objects.filter(
            Q(
                organisation__memberships__user=user,
                organisation__memberships__role__in=[
                    OrganisationRole.ADMIN,
                    OrganisationRole.COORDINATOR,
                ],
            )
            | Q(centre__memberships__user=user)
        )
        .select_related("organisation", "centre")
        .distinct()
    )


def pool_owners_for_user(*, user: User) -> list[tuple[str, str]]:
    """(name, create-pool URL) for each organisation and centre the user may start a pool
    for: the entry points on the pool list."""
    from inzet.organisations.constants import OrganisationRole

    if not user.is_authenticated or not user.is_active:
        return []
    organisations = Organisation.objects.filter(
        memberships__user=user,
        memberships__role__in=[OrganisationRole.ADMIN, OrganisationRole.COORDINATOR],
    ).order_by("name")
    centres = VolunteerCentre.objects.filter(memberships__user=user).order_by("name")
    return [
        (o.name, reverse("oncall:pool-create-organisation", args=[o.public_id]))
        for o in organisations
    ] + [(c.name, reverse("oncall:pool-create-centre", args=[c.public_id])) for c in centres]


def pool_membership_get(*, pool: OnCallPool, user: User) -> PoolMembership | None:
    if not user.is_authenticated:
        return None
    return (
        PoolMembership.objects.select_related("postcode_area")
        .filter(pool=pool, volunteer=user)
        .first()
    )


def pool_member_list(*, pool: OnCallPool) -> QuerySet[PoolMembership]:
    """The members for the coordinator: name, PC4, distance, availability (no e-mail)."""
    return (
        PoolMembership.objects.filter(pool=pool)
        .select_related("volunteer", "postcode_area")
        .order_by("joined_at", "pk")
    )


def pool_request_list(*, pool: OnCallPool) -> QuerySet[OnCallRequest]:
    confirmed = Q(invitations__status=InvitationStatus.CONFIRMED)
    return pool.requests.annotate(
        confirmed_count=Count("invitations", filter=confirmed)
    ).order_by("-starts_at")


@dataclass(frozen=True)
class RequestProgress:
    needed: int
    confirmed: int
    reserve: int
    invited: int
    notified: int
    declined: int
    too_late: int

    @property
    def still_needed(self) -> int:
        return max(0, self.needed - self.confirmed)


def request_progress(*, oncall_request: OnCallRequest) -> RequestProgress:
    """The counts on the coordinator's live page, in one query."""
    counts = OnCallInvitation.objects.filter(request=oncall_request).aggregate(
        confirmed=Count("pk", filter=Q(status=InvitationStatus.CONFIRMED)),
        reserve=Count("pk", filter=Q(status=InvitationStatus.RESERVE)),
        declined=Count("pk", filter=Q(status=InvitationStatus.DECLINED)),
        too_late=Count("pk", filter=Q(status=InvitationStatus.TOO_LATE)),
        invited=Count("pk"),
        notified=Count("pk", filter=Q(notified_at__isnull=False)),
    )
    return RequestProgress(needed=oncall_request.places, **counts)


def request_confirmed_list(*, oncall_request: OnCallRequest) -> QuerySet[OnCallInvitation]:
    return (
        oncall_request.invitations.filter(status=InvitationStatus.CONFIRMED)
        .select_related("volunteer")
        .order_by("responded_at", "pk")
    )


def request_reserve_list(*, oncall_request: OnCallRequest) -> QuerySet[OnCallInvitation]:
    """The reserve list in the order people answered: the first is promoted first."""
    return (
        oncall_request.invitations.filter(status=InvitationStatus.RESERVE)
        .select_related("volunteer")
        .order_by("responded_at", "pk")
    )


def request_is_live(*, oncall_request: OnCallRequest) -> bool:
    return oncall_request.status in LIVE_STATUSES and oncall_request.ends_at > timezone.now()


def open_invitations_for_user(user: User) -> list[OnCallInvitation]:
    """Invitations still to answer, for the dashboard; each has ``answer_url`` set."""
    if not user.is_authenticated:
        return []
    invitations = list(
        OnCallInvitation.objects.filter(
            volunteer=user,
            status=InvitationStatus.INVITED,
            request__status__in=LIVE_STATUSES,
            request__ends_at__gt=timezone.now(),
        )
        .select_related("request__pool")
        .order_by("request__starts_at", "pk")
    )
    for invitation in invitations:
        invitation.answer_url = invitation_answer_url(invitation)
    return invitations


def confirmed_assignments_for_user(user: User) -> list[OnCallRequest]:
    """The requests the user is confirmed for (for the agenda): objects with ``title``,
    ``starts_at``, ``ends_at``, ``place`` and ``public_id``; upcoming and past."""
    if not user.is_authenticated:
        return []
    return list(
        OnCallRequest.objects.filter(
            invitations__volunteer=user,
            invitations__status=InvitationStatus.CONFIRMED,
        )
        .exclude(status=RequestStatus.CANCELLED)
        .select_related("pool")
        .order_by("starts_at", "pk")
    )


def reserve_assignments_for_user(user: User) -> list[OnCallRequest]:
    if not user.is_authenticated:
        return []
    return list(
        OnCallRequest.objects.filter(
            invitations__volunteer=user,
            invitations__status=InvitationStatus.RESERVE,
            status__in=LIVE_STATUSES,
            ends_at__gt=timezone.now(),
        ).order_by("starts_at", "pk")
    )


# --- privacy


def oncall_data_export(user: User) -> dict[str, Any]:
    """Pool memberships and invitations as plain data for the AVG export."""
    from inzet.volunteers.selectors import slot_keys_from_mask

    memberships = PoolMembership.objects.filter(volunteer=user).select_related(
        "pool", "postcode_area"
    )
    invitations = OnCallInvitation.objects.filter(volunteer=user).select_related("request")
    return {
        "oncall_pool_memberships": [
            {
                "pool": m.pool.name,
                "availability": slot_keys_from_mask(m.availability),
                "max_distance_km": m.max_distance_km,
                "postcode": m.postcode_area.pc4,
                "joined_at": m.joined_at.isoformat(),
            }
            for m in memberships
        ],
        "oncall_invitations": [
            {
                "request": i.request.title,
                "starts_at": i.request.starts_at.isoformat(),
                "status": i.status,
                "notified_at": i.notified_at.isoformat() if i.notified_at else None,
                "responded_at": i.responded_at.isoformat() if i.responded_at else None,
            }
            for i in invitations
        ],
    }

"""Reads and gatekeepers. A gatekeeper returns the object or raises Http404, so a person
without access cannot even learn that something exists."""

from typing import Any
from uuid import UUID

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from inzet.accounts.models import User
from inzet.core import permissions
from inzet.geo.selectors import postcode_area_get

from .constants import OrganisationRole
from .models import (
    Company,
    Organisation,
    OrganisationInvitation,
    OrganisationMembership,
    Sector,
    VolunteerCentre,
)


def organisation_list(*, query: str = "", municipality_code: str = "") -> QuerySet[Organisation]:
    organisations = Organisation.objects.select_related("municipality").prefetch_related("sectors")
    if query:
        organisations = organisations.filter(name__icontains=query)
    if municipality_code:
        organisations = organisations.filter(municipality_id=municipality_code)
    return organisations.order_by("name")


def organisation_get(*, public_id: UUID) -> Organisation:
    try:
        return Organisation.objects.select_related("municipality__province").get(
            public_id=public_id
        )
    except Organisation.DoesNotExist:
        raise Http404 from None


def organisation_get_for_editing(*, user: User, public_id: UUID) -> Organisation:
    organisation = organisation_get(public_id=public_id)
    if not permissions.can_edit_organisation(user, organisation):
        raise Http404
    return organisation


def organisation_get_for_members(*, user: User, public_id: UUID) -> Organisation:
    organisation = organisation_get(public_id=public_id)
    if not permissions.can_view_organisation_members(user, organisation):
        raise Http404
    return organisation


def organisation_get_for_member_management(*, user: User, public_id: UUID) -> Organisation:
    organisation = organisation_get(public_id=public_id)
    if not permissions.can_manage_organisation_members(user, organisation):
        raise Http404
    return organisation


def membership_get_for_management(
    *, user: User, organisation: Organisation, membership_id: int
) -> OrganisationMembership:
    if not permissions.can_manage_organisation_members(user, organisation):
        raise Http404
    try:
        return organisation.memberships.select_related("user").get(pk=membership_id)
    except OrganisationMembership.DoesNotExist:
        raise Http404 from None


def membership_list(*, organisation: Organisation) -> QuerySet[OrganisationMembership]:
    return organisation.memberships.select_related("user").order_by("role", "user__name")


def invitation_list_open(*, organisation: Organisation) -> QuerySet[OrganisationInvitation]:
    return organisation.invitations.filter(accepted_at__isnull=True, expires_at__gt=timezone.now())


def invitation_get(*, token: UUID) -> OrganisationInvitation:
    try:
        return OrganisationInvitation.objects.select_related("organisation").get(token=token)
    except OrganisationInvitation.DoesNotExist:
        raise Http404 from None


def invitation_list_open_for_email(*, email: str) -> list[OrganisationInvitation]:
    return list(
        OrganisationInvitation.objects.filter(
            email__iexact=email, accepted_at__isnull=True, expires_at__gt=timezone.now()
        ).select_related("organisation")
    )


def organisations_where_sole_admin_with_others(*, user: User) -> list[Organisation]:
    admin_of = Organisation.objects.filter(
        memberships__user=user, memberships__role=OrganisationRole.ADMIN
    )
    # Count over all memberships, not the joined row of this user (hence the subquery).
    return list(
        Organisation.objects.filter(pk__in=admin_of.values("pk"))
        .annotate(
            admins=Count("memberships", filter=Q(memberships__role=OrganisationRole.ADMIN)),
            members=Count("memberships"),
        )
        .filter(admins=1, members__gt=1)
    )


def memberships_export_for_user(*, user: User) -> dict[str, Any]:
    return {
        "organisations": [
            {"organisation": m.organisation.name, "role": m.role, "since": m.created_at.isoformat()}
            for m in user.organisation_memberships.select_related("organisation")
        ],
        "volunteer_centres": [
            {"centre": m.centre.name, "role": m.role, "since": m.created_at.isoformat()}
            for m in user.centre_memberships.select_related("centre")
        ],
        "companies": [
            {"company": m.company.name, "role": m.role, "since": m.created_at.isoformat()}
            for m in user.company_memberships.select_related("company")
        ],
        "invitations_received": [
            {"organisation": i.organisation.name, "role": i.role, "sent": i.created_at.isoformat()}
            for i in OrganisationInvitation.objects.filter(email__iexact=user.email).select_related(
                "organisation"
            )
        ],
    }


def sector_list() -> QuerySet[Sector]:
    return Sector.objects.order_by("name")


def centre_list() -> QuerySet[VolunteerCentre]:
    return VolunteerCentre.objects.prefetch_related("municipalities_served").order_by("name")


def centre_get(*, public_id: UUID) -> VolunteerCentre:
    try:
        return VolunteerCentre.objects.get(public_id=public_id)
    except VolunteerCentre.DoesNotExist:
        raise Http404 from None


def centre_list_for_postcode(*, postcode: str) -> list[VolunteerCentre]:
    """The centres serving the municipality a postcode lies in (usually exactly one).

    Raises ValidationError for a malformed or unknown postcode.
    """
    area = postcode_area_get(postcode=postcode)
    return list(
        VolunteerCentre.objects.filter(municipalities_served=area.municipality_id).order_by("name")
    )


def company_get(*, public_id: UUID) -> Company:
    try:
        return Company.objects.select_related("municipality").get(public_id=public_id)
    except Company.DoesNotExist:
        raise Http404 from None

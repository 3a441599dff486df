"""Writes for organisations, volunteer centres and companies, and their memberships."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.audit.services import audit_log
from inzet.geo.models import Municipality
from inzet.geo.postcodes import postcode_parse
from inzet.geo.selectors import postcode_area_get

from .constants import KVK_OPTIONAL_FORMS, OrganisationRole
from .kvk import kvk_number_parse
from .models import (
    Organisation,
    OrganisationInvitation,
    OrganisationMembership,
    Sector,
    VolunteerCentre,
)


@dataclass(frozen=True)
class OrganisationData:
    name: str
    legal_form: str
    kvk_number: str
    street: str
    postcode: str
    city: str
    description: str = ""
    email: str = ""
    website: str = ""
    sectors: tuple[Sector, ...] = ()


def _clean_organisation_data(
    data: OrganisationData, *, instance: Organisation | None = None
) -> dict:
    errors: dict[str, list[ValidationError]] = {}
    kvk_number = ""
    if data.kvk_number.strip():
        try:
            kvk_number = kvk_number_parse(data.kvk_number)
        except ValidationError as exc:
            errors["kvk_number"] = [exc]
    elif data.legal_form not in KVK_OPTIONAL_FORMS:
        errors["kvk_number"] = [
            ValidationError(
                _(
                    "Enter the KvK number. Only informal associations and initiatives may leave "
                    "it empty."
                ),
                code="kvk_required",
            )
        ]
    if kvk_number:
        duplicates = Organisation.objects.filter(kvk_number=kvk_number)
        if instance is not None:
            duplicates = duplicates.exclude(pk=instance.pk)
        if duplicates.exists():
            errors["kvk_number"] = [
                ValidationError(
                    _(
                        "An organisation with this KvK number is already on Inzet. Ask its "
                        "administrator to invite you."
                    ),
                    code="kvk_duplicate",
                )
            ]
    area = None
    try:
        postcode = str(postcode_parse(data.postcode))
        area = postcode_area_get(postcode=postcode)
    except ValidationError as exc:
        errors["postcode"] = [exc]
    if errors:
        raise ValidationError(errors)
    return {
        "name": data.name.strip(),
        "legal_form": data.legal_form,
        "kvk_number": kvk_number,
        "street": data.street.strip(),
        "postcode": postcode,
        "city": data.city.strip() or area.place,
        "postcode_area": area,
        "municipality": area.municipality,
        "description": data.description.strip(),
        "email": data.email,
        "website": data.website,
    }


@transaction.atomic
def organisation_register(*, user: User, data: OrganisationData) -> Organisation:
    """Register an organisation; the person who registers it becomes its administrator."""
    fields = _clean_organisation_data(data)
    organisation = Organisation.objects.create(created_by=user, **fields)
    organisation.sectors.set(data.sectors)
    OrganisationMembership.objects.create(
        organisation=organisation, user=user, role=OrganisationRole.ADMIN
    )
    return organisation


@transaction.atomic
def organisation_update(
    *, organisation: Organisation, actor: User, data: OrganisationData
) -> Organisation:
    fields = _clean_organisation_data(data, instance=organisation)
    for name, value in fields.items():
        setattr(organisation, name, value)
    organisation.save(update_fields=list(fields))
    organisation.sectors.set(data.sectors)
    return organisation


def _admin_count(organisation: Organisation) -> int:
    return organisation.memberships.filter(role=OrganisationRole.ADMIN).count()


@transaction.atomic
def invitation_create(
    *, organisation: Organisation, inviter: User, email: str, role: str
) -> OrganisationInvitation:
    """Invite someone by e-mail. Inviting the same address again renews the invitation."""
    email = email.strip().lower()
    if organisation.memberships.filter(user__email__iexact=email).exists():
        raise ValidationError(
            {"email": _("This person is already a member of %(name)s.") % {"name": organisation}},
            code="already_member",
        )
    expires_at = timezone.now() + timedelta(days=settings.INZET_INVITATION_VALID_DAYS)
    invitation = (
        organisation.invitations.select_for_update()
        .filter(email__iexact=email, accepted_at__isnull=True)
        .first()
    )
    if invitation is None:
        invitation = OrganisationInvitation.objects.create(
            organisation=organisation,
            email=email,
            role=role,
            invited_by=inviter,
            expires_at=expires_at,
        )
    else:
        invitation.role, invitation.invited_by, invitation.expires_at = role, inviter, expires_at
        invitation.save(update_fields=["role", "invited_by", "expires_at"])
    _invitation_send(invitation=invitation)
    return invitation


def _invitation_send(*, invitation: OrganisationInvitation) -> None:
    url = settings.SITE_URL.rstrip("/") + reverse(
        "organisations:invitation-accept", args=[invitation.token]
    )
    context = {"invitation": invitation, "url": url}
    # The invitee has no language preference yet: write in Dutch, the platform's language.
    with translation.override("nl"):
        subject = _("Invitation to join %(name)s on Inzet") % {"name": invitation.organisation}
        body = render_to_string("organisations/email/invitation.txt", context)
    send_mail(subject, body, None, [invitation.email])


@transaction.atomic
def invitation_accept(*, invitation: OrganisationInvitation, user: User) -> OrganisationMembership:
    invitation = OrganisationInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation has already been used."), code="used")
    if invitation.expires_at <= timezone.now():
        raise ValidationError(
            _("This invitation has expired. Ask the organisation to invite you again."),
            code="expired",
        )
    if invitation.email.lower() != user.email.lower():
        raise ValidationError(
            _(
                "This invitation was sent to %(email)s. Log in with that e-mail address to accept "
                "it."
            )
            % {"email": invitation.email},
            code="other_email",
        )
    membership, created = OrganisationMembership.objects.get_or_create(
        organisation=invitation.organisation, user=user, defaults={"role": invitation.role}
    )
    invitation.accepted_at, invitation.accepted_by = timezone.now(), user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def membership_change_role(
    *, membership: OrganisationMembership, actor: User, role: str
) -> OrganisationMembership:
    membership = OrganisationMembership.objects.select_for_update().get(pk=membership.pk)
    if (
        membership.role == OrganisationRole.ADMIN
        and role != OrganisationRole.ADMIN
        and _admin_count(membership.organisation) == 1
    ):
        raise ValidationError(
            _(
                "An organisation needs at least one administrator. Make someone else "
                "administrator first."
            ),
            code="last_admin",
        )
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def membership_remove(*, membership: OrganisationMembership, actor: User) -> None:
    membership = OrganisationMembership.objects.select_for_update().get(pk=membership.pk)
    if membership.role == OrganisationRole.ADMIN and _admin_count(membership.organisation) == 1:
        raise ValidationError(
            _(
                "An organisation needs at least one administrator. Make someone else "
                "administrator first."
            ),
            code="last_admin",
        )
    membership.delete()


def memberships_remove_for_erasure(*, user: User) -> None:
    """Part of erasing an account: drop every membership and pending invitation."""
    user.organisation_memberships.all().delete()
    user.centre_memberships.all().delete()
    user.company_memberships.all().delete()
    OrganisationInvitation.objects.filter(email__iexact=user.email).delete()


def organisation_members_viewed(*, organisation: Organisation, actor: User) -> None:
    """NOV staff looking at a member list sees other people's data: audit it per person,
    so each member finds it in their own data download."""
    for membership in organisation.memberships.select_related("user"):
        audit_log(
            actor=actor,
            action="organisation.members_viewed",
            target=organisation,
            subject=membership.user,
        )


@transaction.atomic
def centre_save(*, name: str, municipality_codes: list[str], **fields: str) -> VolunteerCentre:
    """Create or update a centre by name and set the municipalities it serves."""
    centre, _created = VolunteerCentre.objects.update_or_create(name=name, defaults=fields)
    centre.municipalities_served.set(Municipality.objects.filter(code__in=municipality_codes))
    return centre

"""Writes on accounts: profile, language, roles, and the AVG rights to export and erasure."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allauth.account.models import EmailAddress
from axes.models import AccessAttempt, AccessFailureLog, AccessLog

from inzet.audit.selectors import audit_event_list_about
from inzet.audit.services import audit_forget_subject
from inzet.compliance.selectors import compliance_data_export
from inzet.compliance.services import compliance_data_erase
from inzet.knowledge.services import knowledge_data_erase
from inzet.networks.services import networks_data_erase, networks_data_export
from inzet.oncall.selectors import oncall_data_export
from inzet.oncall.services import oncall_data_erase
from inzet.organisations.selectors import (
    memberships_export_for_user,
    organisations_where_sole_admin_with_others,
)
from inzet.organisations.services import memberships_remove_for_erasure
from inzet.shifts.services import shift_data_erase, shift_data_export
from inzet.vacancies.selectors.volunteer import vacancy_data_export
from inzet.volunteers.selectors import volunteer_profile_export
from inzet.volunteers.services import volunteer_data_erase

from .constants import PlatformRoleKind
from .models import PlatformRole, User


def user_set_language(*, user: User, language: str) -> None:
    if user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])


def user_update_profile(*, user: User, name: str, postcode: str, preferred_language: str) -> User:
    user.name = name.strip()
    user.postcode = postcode
    user.preferred_language = preferred_language
    user.save(update_fields=["name", "postcode", "preferred_language"])
    return user


def platform_role_grant(
    *, user: User, role: PlatformRoleKind, granted_by: User | None = None
) -> PlatformRole:
    platform_role, _created = PlatformRole.objects.get_or_create(
        user=user, role=role, defaults={"granted_by": granted_by}
    )
    return platform_role


def user_export_data(*, user: User) -> dict[str, Any]:
    """Everything Inzet holds about a person, as plain data (AVG art. 15 and 20)."""
    return {
        "format": "inzet-personal-data/1",
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "name": user.name,
            "postcode": user.postcode,
            "preferred_language": user.preferred_language,
            "registered_on": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "email_addresses": [
                {"email": e.email, "verified": e.verified, "primary": e.primary}
                for e in EmailAddress.objects.filter(user=user)
            ],
            "platform_roles": [
                {"role": r.role, "granted_on": r.granted_at.isoformat()}
                for r in user.platform_roles.all()
            ],
        },
        **memberships_export_for_user(user=user),
        **volunteer_profile_export(user),
        **vacancy_data_export(user=user),
        **compliance_data_export(user=user),
        **shift_data_export(user=user),
        **oncall_data_export(user),
        "networks": networks_data_export(user=user),
        "access_to_your_data": [
            {
                "when": e.created_at.isoformat(),
                "who": e.actor.display_name if e.actor else None,
                "action": e.action,
            }
            for e in audit_event_list_about(subject=user)
        ],
    }


@transaction.atomic
def user_erase(*, user: User) -> None:
    """Erase a person's account (AVG art. 17).

    The user row stays as an anonymous shell so that records others rely on (audit trail,
    "created by" on organisations) keep pointing somewhere; nothing in it identifies the
    person any more. Refused while the person is the only admin of an organisation with
    other members, so an organisation is never left without anyone in charge.
    """
    user_check_can_erase(user=user)
    memberships_remove_for_erasure(user=user)
    volunteer_data_erase(user=user)
    compliance_data_erase(user=user)
    shift_data_erase(user=user)
    oncall_data_erase(user=user)
    networks_data_erase(user=user)
    knowledge_data_erase(user=user)
    audit_forget_subject(subject=user)
    _login_records_delete(email=user.email)
    EmailAddress.objects.filter(user=user).delete()
    user.platform_roles.all().delete()
    user.groups.clear()
    user.user_permissions.clear()
    user.email = f"verwijderd-{user.public_id}@inzet.invalid"
    user.name = ""
    user.postcode = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.erased_at = timezone.now()
    user.set_unusable_password()
    # An inactive user with a new password hash is logged out of every session.
    user.save()


def _login_records_delete(*, email: str) -> None:
    # django-axes keeps failed and successful logins per address (with IP and browser).
    AccessAttempt.objects.filter(username__iexact=email).delete()
    AccessFailureLog.objects.filter(username__iexact=email).delete()
    AccessLog.objects.filter(username__iexact=email).delete()


def user_check_can_erase(*, user: User) -> None:
    blocking = organisations_where_sole_admin_with_others(user=user)
    if blocking:
        raise ValidationError(
            _(
                "You are the only administrator of %(names)s. Make another member "
                "administrator first, then delete your account."
            )
            % {"names": ", ".join(o.name for o in blocking)},
            code="sole_admin",
        )

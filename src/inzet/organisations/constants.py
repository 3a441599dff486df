from django.db import models
from django.utils.translation import gettext_lazy as _


class LegalForm(models.TextChoices):
    ASSOCIATION = "association", _("Association with full legal capacity")
    INFORMAL_ASSOCIATION = "informal_association", _("Informal association")
    FOUNDATION = "foundation", _("Foundation (stichting)")
    COOPERATIVE = "cooperative", _("Cooperative (coöperatie)")
    SOCIAL_ENTERPRISE = "social_enterprise", _("Social enterprise (BV)")
    CHURCH = "church", _("Church body")
    CITIZENS_INITIATIVE = "citizens_initiative", _("Citizens' initiative without legal entity")
    CARE_INSTITUTION = "care_institution", _("Care or welfare institution")
    OTHER = "other", _("Other")


# These forms need not be registered with the KvK, so the number is optional for them.
KVK_OPTIONAL_FORMS = frozenset(
    {LegalForm.INFORMAL_ASSOCIATION, LegalForm.CITIZENS_INITIATIVE, LegalForm.OTHER}
)


class OrganisationRole(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    COORDINATOR = "coordinator", _("Coordinator")
    MEMBER = "member", _("Member")


class CentreRole(models.TextChoices):
    MANAGER = "manager", _("Manager")
    STAFF = "staff", _("Staff member")


class CompanyRole(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    MEMBER = "member", _("Employee")

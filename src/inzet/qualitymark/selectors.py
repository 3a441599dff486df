"""Reads and gatekeepers for the NOV-Keurmerk. A gatekeeper returns the object or raises
Http404, so a person without access cannot even learn that something exists."""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from inzet.accounts.constants import PlatformRoleKind
from inzet.accounts.models import User
from inzet.core import permissions
from inzet.core.permissions import AnyUser
from inzet.organisations.models import Organisation
from inzet.selfevaluation.models import Evaluation

from .constants import ApplicationStatus
from .models import Application, QualityMark

OPEN_STATUSES = (
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.ASSESSMENT,
    ApplicationStatus.RECOMMENDED,
)


# --- The public register and the badge


def _current(qs: QuerySet[QualityMark], *, today: date) -> QuerySet[QualityMark]:
    return qs.filter(revoked_at__isnull=True, granted_on__lte=today, valid_until__gte=today)


def register_list(
    *, today: date, query: str = "", municipality_code: str = ""
) -> QuerySet[QualityMark]:
    """Current holders: valid today and not revoked; one line per organisation (its newest
    mark, when a re-assessment overlaps the old one)."""
    current = _current(QualityMark.objects.all(), today=today)
    newer = _current(
        QualityMark.objects.filter(organisation=OuterRef("organisation")), today=today
    ).filter(
        Q(granted_on__gt=OuterRef("granted_on"))
        | Q(granted_on=OuterRef("granted_on"), pk__gt=OuterRef("pk"))
    )
    marks = current.exclude(Exists(newer)).select_related("organisation__municipality")
    if query:
        marks = marks.filter(organisation__name__icontains=query)
    if municipality_code:
        marks = marks.filter(organisation__municipality_id=municipality_code)
    return marks.order_by("organisation__name", "pk")


def quality_mark_get(*, public_id: UUID) -> QualityMark:
    try:
        return QualityMark.objects.select_related("organisation__municipality").get(
            public_id=public_id
        )
    except QualityMark.DoesNotExist:
        raise Http404 from None


VALID, EXPIRED, NOT_VALID = "valid", "expired", "not_valid"


def quality_mark_state(*, quality_mark: QualityMark, today: date) -> str:
    """valid; expired (its four years are over); not_valid (revoked, or not started yet)."""
    if quality_mark.revoked_at is not None or quality_mark.granted_on > today:
        return NOT_VALID
    if quality_mark.valid_until < today:
        return EXPIRED
    return VALID


# --- Applications: gatekeepers


def _application_get(*, public_id: UUID) -> Application:
    try:
        return Application.objects.select_related(
            "organisation__municipality", "evaluation", "adviser", "assessor", "submitted_by"
        ).get(public_id=public_id)
    except Application.DoesNotExist:
        raise Http404 from None


def application_get_for_viewer(*, user: AnyUser, public_id: UUID) -> Application:
    """The organisation's members, the application's adviser and assessor, NOV staff."""
    application = _application_get(public_id=public_id)
    if not permissions.can_view_application(user, application):
        raise Http404
    return application


def application_get_for_manager(*, user: AnyUser, public_id: UUID) -> Application:
    """NOV staff, who assign the adviser and the final assessor."""
    application = _application_get(public_id=public_id)
    if not permissions.can_manage_quality_mark_applications(user):
        raise Http404
    return application


def application_get_for_adviser(*, user: AnyUser, public_id: UUID) -> Application:
    """Only the adviser appointed for this application."""
    application = _application_get(public_id=public_id)
    if not (
        permissions.is_adviser(user)
        and application.adviser_id is not None
        and application.adviser_id == user.pk
    ):
        raise Http404
    return application


def application_get_for_assessor(*, user: AnyUser, public_id: UUID) -> Application:
    """Only the final assessor appointed for this application."""
    application = _application_get(public_id=public_id)
    if not (
        permissions.is_assessor(user)
        and application.assessor_id is not None
        and application.assessor_id == user.pk
    ):
        raise Http404
    return application


def evaluation_get_for_applicant(*, user: AnyUser, public_id: UUID) -> Evaluation:
    """A self-evaluation whose organisation this person may apply for (its admins)."""
    try:
        evaluation = Evaluation.objects.select_related("organisation", "questionnaire").get(
            public_id=public_id
        )
    except Evaluation.DoesNotExist:
        raise Http404 from None
    if not permissions.can_apply_for_quality_mark(user, evaluation.organisation):
        raise Http404
    return evaluation


# --- Applications: lists


def application_list(*, status: str = "", query: str = "") -> QuerySet[Application]:
    """All applications for NOV staff, newest first, optionally by status and name."""
    applications = Application.objects.select_related(
        "organisation__municipality", "adviser", "assessor"
    )
    if status:
        applications = applications.filter(status=status)
    if query:
        applications = applications.filter(organisation__name__icontains=query)
    return applications.order_by("-submitted_at", "-pk")


def application_list_open_for_adviser(*, adviser: User) -> QuerySet[Application]:
    return (
        Application.objects.filter(adviser=adviser, status__in=OPEN_STATUSES)
        .select_related("organisation")
        .order_by("submitted_at", "pk")
    )


def application_list_for_organisation(*, organisation: Organisation) -> QuerySet[Application]:
    return organisation.keurmerk_applications.order_by("-submitted_at", "-pk")


def adviser_choices() -> QuerySet[User]:
    return (
        User.objects.filter(platform_roles__role=PlatformRoleKind.ADVISER, is_active=True)
        .distinct()
        .order_by("name", "email")
    )


def assessor_choices(*, organisation: Organisation) -> QuerySet[User]:
    """Final assessors who are independent of the organisation (not its members)."""
    return (
        User.objects.filter(platform_roles__role=PlatformRoleKind.ASSESSOR, is_active=True)
        .exclude(organisation_memberships__organisation=organisation)
        .distinct()
        .order_by("name", "email")
    )


@dataclass(frozen=True)
class ApplicationActions:
    """What the viewer can do with an application now (links and buttons on its page)."""

    can_assign: bool
    can_assess: bool
    can_decide: bool
    can_withdraw: bool
    can_view_evaluation: bool


def application_actions(*, application: Application, user: AnyUser) -> ApplicationActions:
    status = application.status
    user_pk = getattr(user, "pk", None)
    return ApplicationActions(
        can_assign=permissions.can_manage_quality_mark_applications(user)
        and status in (ApplicationStatus.SUBMITTED, ApplicationStatus.ASSESSMENT),
        can_assess=status == ApplicationStatus.ASSESSMENT
        and application.adviser_id is not None
        and application.adviser_id == user_pk,
        can_decide=status == ApplicationStatus.RECOMMENDED
        and application.assessor_id is not None
        and application.assessor_id == user_pk,
        can_withdraw=status in OPEN_STATUSES
        and permissions.can_apply_for_quality_mark(user, application.organisation),
        can_view_evaluation=permissions.can_view_application_evaluation(user, application),
    )

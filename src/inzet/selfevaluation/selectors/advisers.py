"""Reads and gatekeepers for Goed Geregeld advisers. A gatekeeper returns the object or raises
Http404, so a person without access cannot even learn that something exists."""

from dataclasses import dataclass
from decimal import Decimal
from typing import cast
from uuid import UUID

from django.db.models import DecimalField, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.http import Http404

from inzet.accounts.constants import PlatformRoleKind
from inzet.accounts.models import User
from inzet.core import permissions
from inzet.core.permissions import AnyUser
from inzet.organisations.models import Organisation
from inzet.qualitymark.models import Application
from inzet.qualitymark.selectors import application_list_open_for_adviser
from inzet.selfevaluation.models import Action, AdviserAssignment, AdviserNote, Evaluation, Evidence

# --- Gatekeepers


def _organisation_get(*, public_id: UUID) -> Organisation:
    try:
        return Organisation.objects.select_related("municipality").get(public_id=public_id)
    except Organisation.DoesNotExist:
        raise Http404 from None


def adviser_get_for_dashboard(*, user: AnyUser) -> User:
    """The adviser's own dashboard: people with the adviser role only."""
    if not permissions.is_adviser(user):
        raise Http404
    return cast(User, user)  # is_adviser implies an authenticated user


def assignment_get_for_adviser(*, user: AnyUser, organisation_id: UUID) -> AdviserAssignment:
    """The active assignment of this adviser to this organisation; other advisers get a 404."""
    organisation = _organisation_get(public_id=organisation_id)
    if not permissions.is_assigned_adviser(user, organisation):
        raise Http404
    assignment = (
        AdviserAssignment.objects.filter(
            organisation=organisation, adviser=user, ended_at__isnull=True
        )
        .select_related("organisation__municipality", "adviser")
        .first()
    )
    if assignment is None:
        raise Http404
    return assignment


def organisation_get_for_adviser_assignment(
    *, user: AnyUser, organisation_id: UUID
) -> Organisation:
    """NOV staff, or staff of a volunteer centre serving the organisation's municipality."""
    organisation = _organisation_get(public_id=organisation_id)
    if not permissions.can_assign_adviser(user, organisation):
        raise Http404
    return organisation


def assignment_get_active(*, organisation: Organisation, assignment_id: int) -> AdviserAssignment:
    try:
        return organisation.adviser_assignments.select_related("adviser", "organisation").get(
            pk=assignment_id, ended_at__isnull=True
        )
    except AdviserAssignment.DoesNotExist:
        raise Http404 from None


# --- Lists


def assignment_list_active(*, organisation: Organisation) -> QuerySet[AdviserAssignment]:
    return (
        organisation.adviser_assignments.filter(ended_at__isnull=True)
        .select_related("adviser", "assigned_by")
        .order_by("assigned_at", "pk")
    )


def adviser_list() -> QuerySet[User]:
    """Everyone with the adviser role."""
    return (
        User.objects.filter(platform_roles__role=PlatformRoleKind.ADVISER, is_active=True)
        .distinct()
        .order_by("name", "email")
    )


def adviser_hours_in_year(*, adviser: User, year: int) -> Decimal:
    total = AdviserNote.objects.filter(assignment__adviser=adviser, date__year=year).aggregate(
        total=Coalesce(
            Sum("hours"),
            Value(Decimal(0)),
            output_field=DecimalField(max_digits=9, decimal_places=2),
        )
    )["total"]
    return Decimal(total)


@dataclass(frozen=True)
class AdvisedOrganisation:
    assignment: AdviserAssignment
    latest_evaluation: Evaluation | None

    @property
    def organisation(self) -> Organisation:
        return self.assignment.organisation


@dataclass(frozen=True)
class AdviserDashboard:
    organisations: list[AdvisedOrganisation]
    open_applications: list[Application]
    hours_this_year: Decimal
    year: int


def adviser_dashboard(*, adviser: User, year: int) -> AdviserDashboard:
    assignments = list(
        AdviserAssignment.objects.filter(adviser=adviser, ended_at__isnull=True)
        .select_related("organisation__municipality")
        .order_by("organisation__name", "pk")
    )
    latest: dict[int, Evaluation] = {}
    for evaluation in Evaluation.objects.filter(
        organisation__in=[a.organisation_id for a in assignments]
    ).order_by("organisation_id", "-started_at", "-pk"):
        latest.setdefault(evaluation.organisation_id, evaluation)
    return AdviserDashboard(
        organisations=[
            AdvisedOrganisation(assignment=a, latest_evaluation=latest.get(a.organisation_id))
            for a in assignments
        ],
        open_applications=list(application_list_open_for_adviser(adviser=adviser)),
        hours_this_year=adviser_hours_in_year(adviser=adviser, year=year),
        year=year,
    )


@dataclass(frozen=True)
class AdviserOrganisationOverview:
    evaluations: list[Evaluation]
    latest_evaluation: Evaluation | None
    evidence: list[Evidence]
    actions: list[Action]
    notes: list[AdviserNote]
    hours_total: Decimal


def adviser_organisation_overview(*, assignment: AdviserAssignment) -> AdviserOrganisationOverview:
    """What the assigned adviser sees of an organisation: its evaluations, the evidence and
    action plan of the latest one, and the adviser's own notes (also from earlier
    assignments to the same organisation)."""
    organisation = assignment.organisation
    evaluations = list(
        organisation.evaluations.select_related("questionnaire").order_by("-started_at", "-pk")
    )
    latest = evaluations[0] if evaluations else None
    evidence = (
        list(latest.evidence.select_related("statement").order_by("statement__code", "added_at"))
        if latest
        else []
    )
    actions = (
        list(
            latest.actions.select_related("statement", "part").order_by("status", "due_date", "pk")
        )
        if latest
        else []
    )
    notes = list(
        AdviserNote.objects.filter(
            assignment__organisation=organisation, assignment__adviser=assignment.adviser
        ).order_by("-date", "-created_at", "-pk")
    )
    return AdviserOrganisationOverview(
        evaluations=evaluations,
        latest_evaluation=latest,
        evidence=evidence,
        actions=actions,
        notes=notes,
        hours_total=sum((note.hours for note in notes), Decimal(0)),
    )

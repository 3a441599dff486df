"""Goed Geregeld advisers: assigning them, their dashboard, an organisation's page, notes."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from inzet.core.forms import form_add_validation_error
from inzet.selfevaluation.adviser_forms import AdviserAssignForm, AdviserNoteForm
from inzet.selfevaluation.models import AdviserAssignment
from inzet.selfevaluation.selectors import advisers as selectors
from inzet.selfevaluation.services import advisers as services


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    adviser = selectors.adviser_get_for_dashboard(user=request.user)
    return render(
        request,
        "selfevaluation/adviser_dashboard.html",
        {"dashboard": selectors.adviser_dashboard(adviser=adviser, year=timezone.localdate().year)},
    )


def _organisation_page(
    request: HttpRequest,
    assignment: AdviserAssignment,
    note_form: AdviserNoteForm | None = None,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "selfevaluation/adviser_organisation.html",
        {
            "assignment": assignment,
            "organisation": assignment.organisation,
            "overview": selectors.adviser_organisation_overview(assignment=assignment),
            "form": note_form or AdviserNoteForm(),
        },
        status=status,
    )


@login_required
@require_GET
def organisation_detail(request: HttpRequest, organisation_id: UUID) -> HttpResponse:
    assignment = selectors.assignment_get_for_adviser(
        user=request.user, organisation_id=organisation_id
    )
    return _organisation_page(request, assignment)


@login_required
@require_POST
def note_add(request: HttpRequest, organisation_id: UUID) -> HttpResponse:
    assignment = selectors.assignment_get_for_adviser(
        user=request.user, organisation_id=organisation_id
    )
    form = AdviserNoteForm(request.POST)
    if form.is_valid():
        try:
            services.adviser_note_add(assignment=assignment, **form.cleaned_data)
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(request, _("Your note has been saved."))
            return redirect("selfevaluation:adviser-organisation", organisation_id=organisation_id)
    return _organisation_page(request, assignment, note_form=form, status=422)


@login_required
@require_http_methods(["GET", "POST"])
def assign(request: HttpRequest, organisation_id: UUID) -> HttpResponse:
    organisation = selectors.organisation_get_for_adviser_assignment(
        user=request.user, organisation_id=organisation_id
    )
    if request.method == "POST" and "unassign" in request.POST:
        return _unassign(request, organisation)
    assignments = list(selectors.assignment_list_active(organisation=organisation))
    form = AdviserAssignForm(
        request.POST if request.method == "POST" else None,
        advisers=selectors.adviser_list(),
        assigned_ids={a.adviser_id for a in assignments},
    )
    if request.method == "POST" and form.is_valid():
        try:
            assignment = services.adviser_assign(
                organisation=organisation, adviser=form.cleaned_data["adviser"], by=request.user
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(
                request,
                _("%(person)s now guides %(name)s. The organisation has been told.")
                % {"person": assignment.adviser, "name": organisation},
            )
            return redirect("selfevaluation:adviser-assign", organisation_id=organisation_id)
    return render(
        request,
        "selfevaluation/adviser_assign.html",
        {"organisation": organisation, "assignments": assignments, "form": form},
        status=422 if form.errors else 200,
    )


def _unassign(request: HttpRequest, organisation) -> HttpResponse:
    try:
        assignment_id = int(request.POST["unassign"])
    except ValueError:
        assignment_id = 0
    assignment = selectors.assignment_get_active(
        organisation=organisation, assignment_id=assignment_id
    )
    try:
        services.adviser_unassign(assignment=assignment, by=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(
            request,
            _("%(person)s no longer guides %(name)s. The organisation has been told.")
            % {"person": assignment.adviser, "name": organisation},
        )
    return redirect("selfevaluation:adviser-assign", organisation_id=organisation.public_id)

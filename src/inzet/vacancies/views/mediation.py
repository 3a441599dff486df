"""Mediation by a volunteer centre: cases (intakes), proposals, placement. Centre staff only."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from inzet.core.forms import form_add_validation_error
from inzet.vacancies.constants import CaseStatus
from inzet.vacancies.mediation_forms import CaseForm, CaseStatusForm, ProposalForm
from inzet.vacancies.models import MediationCase
from inzet.vacancies.selectors import mediation as selectors
from inzet.vacancies.services import mediation as services

STAFF_MINE, STAFF_ALL, STAFF_NONE = "mij", "alle", "geen"
STATUS_ALL = "alle"


@login_required
@require_GET
def case_list(request: HttpRequest, centre_id: UUID) -> HttpResponse:
    centre = selectors.centre_get_for_mediation(user=request.user, public_id=centre_id)
    staff = list(selectors.centre_staff_list(centre=centre))
    staff_choice = request.GET.get("medewerker", STAFF_MINE)
    status_choice = request.GET.get("status", CaseStatus.OPEN)
    if status_choice not in CaseStatus.values and status_choice != STATUS_ALL:
        status_choice = CaseStatus.OPEN
    staff_by_id = {str(member.public_id): member for member in staff}
    filters: dict = {"status": None if status_choice == STATUS_ALL else status_choice}
    if staff_choice == STAFF_ALL:
        pass
    elif staff_choice == STAFF_NONE:
        filters["unassigned"] = True
    elif staff_choice in staff_by_id:
        filters["staff_member"] = staff_by_id[staff_choice]
    else:
        staff_choice = STAFF_MINE
        filters["staff_member"] = request.user
    page = Paginator(selectors.case_list(centre=centre, **filters), 50).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "vacancies/case_list.html",
        {
            "centre": centre,
            "page": page,
            "staff": staff,
            "staff_choice": staff_choice,
            "status_choice": status_choice,
            "statuses": CaseStatus.choices,
            "grouped": staff_choice in (STAFF_ALL,),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def case_create(request: HttpRequest, centre_id: UUID) -> HttpResponse:
    centre = selectors.centre_get_for_mediation(user=request.user, public_id=centre_id)
    form = CaseForm(
        request.POST if request.method == "POST" else None,
        staff=selectors.centre_staff_list(centre=centre),
        initial={"staff_member": request.user.pk},
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                case = services.case_open(
                    centre=centre,
                    actor=request.user,
                    volunteer_email=form.cleaned_data["volunteer_email"],
                    consent=form.cleaned_data["consent"],
                    wishes=form.cleaned_data["wishes"],
                    staff_member=form.cleaned_data["staff_member"],
                )
            except ValidationError as exc:
                form_add_validation_error(form, exc)
            else:
                messages.success(
                    request,
                    _("The case for %(name)s has been opened.") % {"name": case.volunteer},
                )
                return redirect("vacancies:case-detail", public_id=case.public_id)
        status = 422
    return render(
        request, "vacancies/case_form.html", {"centre": centre, "form": form}, status=status
    )


def _case_page(
    request: HttpRequest,
    case: MediationCase,
    *,
    proposal_form: ProposalForm | None = None,
    status: int = 200,
) -> HttpResponse:
    services.case_viewed(case=case, actor=request.user)
    vacancies = list(selectors.case_proposable_vacancies(case=case))
    return render(
        request,
        "vacancies/case_detail.html",
        {
            "case": case,
            "centre": case.centre,
            "lines": selectors.case_proposal_lines(case=case),
            "proposal_form": proposal_form or ProposalForm(vacancies=vacancies),
            "has_vacancies": bool(vacancies),
            "is_open": case.status == CaseStatus.OPEN,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def case_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """GET shows the case; POST changes its status (placed, closed, open again)."""
    case = selectors.case_get_for_staff(user=request.user, public_id=public_id)
    if request.method == "POST":
        form = CaseStatusForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose a valid status."))
        else:
            services.case_set_status(
                case=case, actor=request.user, status=form.cleaned_data["status"]
            )
            messages.success(
                request,
                _("The case now has the status “%(status)s”.")
                % {"status": case.get_status_display()},
            )
        return redirect("vacancies:case-detail", public_id=case.public_id)
    return _case_page(request, case)


@login_required
@require_POST
def proposal_create(request: HttpRequest, public_id: UUID) -> HttpResponse:
    case = selectors.case_get_for_staff(user=request.user, public_id=public_id)
    form = ProposalForm(request.POST, vacancies=selectors.case_proposable_vacancies(case=case))
    if form.is_valid():
        try:
            proposal = services.proposal_create(
                case=case,
                actor=request.user,
                vacancy_id=form.cleaned_data["vacancy"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(
                request,
                _("%(title)s has been proposed. We have e-mailed %(name)s.")
                % {"title": proposal.vacancy.title, "name": case.volunteer},
            )
            return redirect("vacancies:case-detail", public_id=case.public_id)
    return _case_page(request, case, proposal_form=form, status=422)

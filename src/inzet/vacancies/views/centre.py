"""Volunteer centre pages: overview of the area, approvals, reviewing, settings."""

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
from inzet.vacancies.constants import ResponseStatus, VacancyStatus
from inzet.vacancies.forms import CentrePolicyForm, VacancyReviewForm
from inzet.vacancies.selectors.centre import (
    centre_approval_list,
    centre_get_for_staff,
    centre_policy_get,
    centre_response_list,
    centre_vacancy_list,
)
from inzet.vacancies.selectors.vacancies import vacancy_get_for_centre, vacancy_responsible_centres
from inzet.vacancies.services import centre as centre_services
from inzet.vacancies.services import lifecycle


@login_required
@require_GET
def overview(request: HttpRequest, centre_id: UUID) -> HttpResponse:
    centre = centre_get_for_staff(user=request.user, centre_id=centre_id)
    status = request.GET.get("status", "")
    if status not in VacancyStatus.values:
        status = ""
    response_status = request.GET.get("reactiestatus", "")
    if response_status not in ResponseStatus.values:
        response_status = ""
    vacancies = Paginator(centre_vacancy_list(centre=centre, status=status), 25).get_page(
        request.GET.get("pagina")
    )
    responses = Paginator(centre_response_list(centre=centre, status=response_status), 25).get_page(
        request.GET.get("reactiepagina")
    )
    return render(
        request,
        "vacancies/centre_overview.html",
        {
            "centre": centre,
            "vacancies": vacancies,
            "responses": responses,
            "status": status,
            "response_status": response_status,
            "statuses": VacancyStatus.choices,
            "response_statuses": ResponseStatus.choices,
            "approval_count": centre_approval_list(centre=centre).count(),
        },
    )


@login_required
@require_GET
def approvals(request: HttpRequest, centre_id: UUID) -> HttpResponse:
    centre = centre_get_for_staff(user=request.user, centre_id=centre_id)
    return render(
        request,
        "vacancies/centre_approvals.html",
        {
            "centre": centre,
            "vacancies": centre_approval_list(centre=centre),
            "review_form": VacancyReviewForm(),
        },
    )


@login_required
@require_POST
def vacancy_review(request: HttpRequest, public_id: UUID) -> HttpResponse:
    vacancy = vacancy_get_for_centre(user=request.user, public_id=public_id)
    centre = (
        vacancy_responsible_centres(vacancy=vacancy).filter(memberships__user=request.user).first()
    )
    form = VacancyReviewForm(request.POST)
    decision = request.POST.get("decision")
    if form.is_valid() and decision in {"approve", "reject"}:
        try:
            if decision == "approve":
                lifecycle.vacancy_approve(vacancy=vacancy, actor=request.user)
                messages.success(
                    request,
                    _("“%(title)s” is approved and published. We have told the organisation.")
                    % {"title": vacancy.title},
                )
            else:
                lifecycle.vacancy_reject(
                    vacancy=vacancy, actor=request.user, reason=form.cleaned_data["reason"]
                )
                messages.success(
                    request,
                    _("“%(title)s” is not approved. We have sent the reason to the organisation.")
                    % {"title": vacancy.title},
                )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            return redirect("vacancies:centre-approvals", centre_id=centre.public_id)
    elif form.is_valid():
        form.add_error(None, _("Choose to approve or not to approve."))
    # Show the list again with the error on this vacancy's form.
    return render(
        request,
        "vacancies/centre_approvals.html",
        {
            "centre": centre,
            "vacancies": centre_approval_list(centre=centre),
            "review_form": VacancyReviewForm(),
            "failed_vacancy": vacancy,
            "failed_form": form,
        },
        status=422,
    )


@login_required
@require_http_methods(["GET", "POST"])
def settings_edit(request: HttpRequest, centre_id: UUID) -> HttpResponse:
    centre = centre_get_for_staff(user=request.user, centre_id=centre_id)
    policy = centre_policy_get(centre=centre)
    form = CentrePolicyForm(
        request.POST if request.method == "POST" else None,
        initial={
            "requires_approval": policy.requires_approval,
            "unanswered_warning_days": policy.unanswered_warning_days,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            centre_services.centre_policy_update(centre=centre, **form.cleaned_data)
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(request, _("The settings have been saved."))
            return redirect("vacancies:centre-overview", centre_id=centre.public_id)
    return render(request, "vacancies/centre_settings.html", {"centre": centre, "form": form})

"""Organisation pages: the vacancy list, the vacancy form, status buttons and responses."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from inzet.audit.services import audit_log
from inzet.core import permissions
from inzet.core.forms import form_add_validation_error
from inzet.vacancies.constants import VacancyStatus
from inzet.vacancies.forms import ResponseStatusForm, VacancyEditForm
from inzet.vacancies.models import Vacancy
from inzet.vacancies.selectors.responses import (
    response_get_for_manager,
    response_list_for_vacancy,
    vacancy_get_for_responses,
)
from inzet.vacancies.selectors.vacancies import (
    organisation_get_for_vacancy_management,
    vacancy_get_for_manager,
    vacancy_list_for_organisation,
)
from inzet.vacancies.services import lifecycle, responses

ACTION_LABELS = {
    "publish": gettext_lazy("Publish"),
    "pause": gettext_lazy("Pause"),
    "resume": gettext_lazy("Resume"),
    "fill": gettext_lazy("Mark as filled"),
    "close": gettext_lazy("Close"),
}


def _status_message(vacancy: Vacancy) -> str:
    if vacancy.status == VacancyStatus.SUBMITTED:
        return _("The vacancy is waiting for the volunteer centre's approval. We will e-mail you.")
    if vacancy.status == VacancyStatus.PUBLISHED:
        return _("The vacancy is published.")
    return _("The vacancy is now: %(status)s.") % {"status": vacancy.get_status_display().lower()}


@login_required
@require_GET
def vacancy_list(request: HttpRequest, organisation_id: UUID) -> HttpResponse:
    organisation = organisation_get_for_vacancy_management(
        user=request.user, organisation_id=organisation_id
    )
    vacancies = list(vacancy_list_for_organisation(organisation=organisation))
    rows = [
        {
            "vacancy": vacancy,
            "actions": [
                (action, ACTION_LABELS[action])
                for action in lifecycle.vacancy_allowed_actions(vacancy=vacancy)
            ],
            "editable": lifecycle.vacancy_is_editable(vacancy=vacancy),
        }
        for vacancy in vacancies
    ]
    return render(
        request,
        "vacancies/org_vacancy_list.html",
        {"organisation": organisation, "rows": rows},
    )


def _save_vacancy(request, form, *, organisation, vacancy=None):
    """Save (and publish when asked) in one transaction; None when the service refused."""
    publish = request.POST.get("action") == "publish"
    try:
        with transaction.atomic():
            if vacancy is None:
                vacancy = lifecycle.vacancy_create(
                    organisation=organisation, actor=request.user, data=form.to_data()
                )
            else:
                vacancy = lifecycle.vacancy_update(
                    vacancy=vacancy, actor=request.user, data=form.to_data()
                )
            if publish:
                lifecycle.vacancy_publish(vacancy=vacancy, actor=request.user)
    except ValidationError as exc:
        form_add_validation_error(form, exc)
        return None
    return vacancy


@login_required
@require_http_methods(["GET", "POST"])
def vacancy_create(request: HttpRequest, organisation_id: UUID) -> HttpResponse:
    organisation = organisation_get_for_vacancy_management(
        user=request.user, organisation_id=organisation_id
    )
    form = VacancyEditForm(
        request.POST if request.method == "POST" else None,
        initial={"postcode": organisation.postcode_area_id or ""},
    )
    if request.method == "POST" and form.is_valid():
        vacancy = _save_vacancy(request, form, organisation=organisation)
        if vacancy is not None:
            if vacancy.status == VacancyStatus.DRAFT:
                messages.success(request, _("The vacancy is saved as a draft."))
            else:
                messages.success(request, _status_message(vacancy))
            return redirect("vacancies:org-vacancy-list", organisation_id=organisation.public_id)
    return render(
        request,
        "vacancies/vacancy_form.html",
        {"form": form, "organisation": organisation, "vacancy": None, "can_publish": True},
    )


@login_required
@require_http_methods(["GET", "POST"])
def vacancy_edit(request: HttpRequest, public_id: UUID) -> HttpResponse:
    vacancy = vacancy_get_for_manager(user=request.user, public_id=public_id)
    organisation = vacancy.organisation
    if not lifecycle.vacancy_is_editable(vacancy=vacancy):
        messages.error(
            request,
            _("This vacancy is %(status)s and can no longer be changed. Make a copy instead.")
            % {"status": vacancy.get_status_display().lower()},
        )
        return redirect("vacancies:org-vacancy-list", organisation_id=organisation.public_id)
    can_publish = "publish" in lifecycle.vacancy_allowed_actions(vacancy=vacancy)
    form = VacancyEditForm(
        request.POST if request.method == "POST" else None,
        initial=VacancyEditForm.initial_for(vacancy),
    )
    if request.method == "POST" and form.is_valid():
        if request.POST.get("action") == "publish" and not can_publish:
            form.add_error(None, _("This vacancy cannot be published now."))
        elif _save_vacancy(request, form, organisation=organisation, vacancy=vacancy):
            if request.POST.get("action") == "publish":
                messages.success(request, _status_message(vacancy))
            else:
                messages.success(request, _("The changes have been saved."))
            return redirect("vacancies:org-vacancy-list", organisation_id=organisation.public_id)
    return render(
        request,
        "vacancies/vacancy_form.html",
        {
            "form": form,
            "organisation": organisation,
            "vacancy": vacancy,
            "can_publish": can_publish,
        },
    )


@login_required
@require_POST
def vacancy_transition(request: HttpRequest, public_id: UUID) -> HttpResponse:
    vacancy = vacancy_get_for_manager(user=request.user, public_id=public_id)
    try:
        lifecycle.vacancy_transition(
            vacancy=vacancy, action=request.POST.get("action", ""), actor=request.user
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"{vacancy}: {_status_message(vacancy)}")
    return redirect("vacancies:org-vacancy-list", organisation_id=vacancy.organisation.public_id)


@login_required
@require_POST
def vacancy_copy(request: HttpRequest, public_id: UUID) -> HttpResponse:
    vacancy = vacancy_get_for_manager(user=request.user, public_id=public_id)
    copy = lifecycle.vacancy_copy(vacancy=vacancy, actor=request.user)
    messages.success(request, _("A copy has been saved as a draft. Check it and publish it."))
    return redirect("vacancies:vacancy-edit", public_id=copy.public_id)


@login_required
@require_GET
def vacancy_responses(request: HttpRequest, public_id: UUID) -> HttpResponse:
    vacancy = vacancy_get_for_responses(user=request.user, public_id=public_id)
    can_manage = permissions.can_manage_vacancies(request.user, vacancy.organisation)
    if not can_manage:  # the responsible centre looks at volunteers' personal data
        audit_log(actor=request.user, action="vacancy.responses_viewed", target=vacancy)
    return render(
        request,
        "vacancies/vacancy_responses.html",
        {
            "vacancy": vacancy,
            "responses": response_list_for_vacancy(vacancy=vacancy),
            "can_manage": can_manage,
            "status_form": ResponseStatusForm(),
        },
    )


@login_required
@require_POST
def response_status(request: HttpRequest, public_id: UUID) -> HttpResponse:
    response = response_get_for_manager(user=request.user, public_id=public_id)
    form = ResponseStatusForm(request.POST)
    if form.is_valid():
        try:
            responses.response_set_status(
                response=response, status=form.cleaned_data["status"], actor=request.user
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("The status is now “%(status)s”. We have let the volunteer know by e-mail.")
                % {"status": response.get_status_display().lower()},
            )
    else:
        messages.error(request, " ".join(form.errors.get("status", [])))
    return redirect("vacancies:vacancy-responses", public_id=response.vacancy.public_id)

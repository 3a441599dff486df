"""Volunteers answer the survey: anonymous, without an account, on a phone.

Nothing about the volunteer is read or kept: no session, no IP address, no user agent.
A link that no longer works gives a clear page, never an error.
"""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from inzet.organisations.models import Organisation
from inzet.selfevaluation.report_forms import VolunteerSurveyForm
from inzet.selfevaluation.selectors.evaluations import evaluation_statements
from inzet.selfevaluation.selectors.scoring import min_volunteer_answers
from inzet.selfevaluation.services import volunteers as services


def _unavailable(
    request: HttpRequest, reason: str, *, organisation: Organisation | None = None
) -> HttpResponse:
    status = {"unknown": 404, "closed": 410, "expired": 410, "answered": 409}[reason]
    return render(
        request,
        "selfevaluation/survey_closed.html",
        {"reason": reason, "organisation": organisation},
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def survey(request: HttpRequest, token: str) -> HttpResponse:
    try:
        current = services.volunteer_survey_find(token=token)
    except services.SurveyNotFound:
        return _unavailable(request, "unknown")
    evaluation = current.evaluation
    try:
        services.volunteer_survey_check(survey=current)
    except services.SurveyClosed:
        return _unavailable(request, "closed", organisation=evaluation.organisation)
    except services.SurveyExpired:
        return _unavailable(request, "expired", organisation=evaluation.organisation)
    except services.SurveyAlreadyAnswered:
        return _unavailable(request, "answered", organisation=evaluation.organisation)

    statements = list(evaluation_statements(evaluation=evaluation))
    form = VolunteerSurveyForm(
        request.POST if request.method == "POST" else None,
        statements=statements,
        questionnaire=evaluation.questionnaire,
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.volunteer_response_submit(
                    evaluation=evaluation, answers=form.answers(), invitation=current.invitation
                )
            except ValidationError as exc:
                if exc.code in ("closed", "expired"):
                    return _unavailable(request, exc.code, organisation=evaluation.organisation)
                if exc.code == "already_answered":
                    return _unavailable(request, "answered", organisation=evaluation.organisation)
                form.add_error(None, exc)
                if exc.code == "too_few":
                    form.mark_open()
            else:
                return redirect("selfevaluation:volunteer-thanks", token=token)
        status = 422
    return render(
        request,
        "selfevaluation/survey.html",
        {
            "form": form,
            "evaluation": evaluation,
            "organisation": evaluation.organisation,
            "scale": evaluation.questionnaire.scale,
            "statement_count": len(statements),
            "needed": services.volunteer_answers_needed(statement_count=len(statements)),
            "min_answers": min_volunteer_answers(),
        },
        status=status,
    )


@never_cache
@require_GET
def thanks(request: HttpRequest, token: str) -> HttpResponse:
    try:
        found = services.volunteer_survey_find(token=token)
    except services.SurveyNotFound:
        return _unavailable(request, "unknown")
    return render(
        request,
        "selfevaluation/survey_thanks.html",
        {"organisation": found.evaluation.organisation, "min_answers": min_volunteer_answers()},
    )

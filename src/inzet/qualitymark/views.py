"""The public keurmerk register and badge, and the screens of the application flow."""

from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from inzet.core import permissions
from inzet.core.forms import form_add_validation_error
from inzet.geo.selectors import municipality_list

from . import selectors, services
from .constants import ApplicationStatus
from .forms import ApplicationAssessForm, ApplicationAssignForm, ApplicationDecideForm
from .models import Application

BADGE_MAX_AGE = 3600  # seconds: an embedded badge re-checks validity at least every hour


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


# --- Public: register, badge, check


@require_GET
def register(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    municipality = request.GET.get("gemeente", "").strip()[:6]
    marks = selectors.register_list(
        today=timezone.localdate(), query=query, municipality_code=municipality
    )
    page = Paginator(marks, 20).get_page(request.GET.get("pagina"))
    for mark in page:
        mark.badge_url = _absolute(reverse("qualitymark:badge", args=[mark.public_id]))
        mark.check_url = _absolute(reverse("qualitymark:badge-check", args=[mark.public_id]))
    return render(
        request,
        "qualitymark/register.html",
        {
            "page": page,
            "query": query,
            "municipality": municipality,
            "municipalities": municipality_list(),
        },
    )


@require_GET
def badge(request: HttpRequest, public_id: UUID) -> HttpResponse:
    mark = selectors.quality_mark_get(public_id=public_id)
    state = selectors.quality_mark_state(quality_mark=mark, today=timezone.localdate())
    # The badge is a Dutch artefact on other people's websites: always in Dutch.
    with translation.override("nl"):
        svg = render_to_string(
            "qualitymark/badge.svg", {"mark": mark, "state": state, "name": _badge_name(mark)}
        )
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    response["Cache-Control"] = f"public, max-age={BADGE_MAX_AGE}"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _badge_name(mark) -> str:
    name = mark.organisation.name
    return name if len(name) <= 44 else name[:43] + "…"


@require_GET
def badge_check(request: HttpRequest, public_id: UUID) -> HttpResponse:
    mark = selectors.quality_mark_get(public_id=public_id)
    return render(
        request,
        "qualitymark/badge_check.html",
        {
            "mark": mark,
            "state": selectors.quality_mark_state(quality_mark=mark, today=timezone.localdate()),
            "badge_url": reverse("qualitymark:badge", args=[mark.public_id]),
        },
    )


# --- The organisation applies


@login_required
@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest, evaluation_id: UUID) -> HttpResponse:
    evaluation = selectors.evaluation_get_for_applicant(user=request.user, public_id=evaluation_id)
    organisation = evaluation.organisation
    problem = None
    if request.method == "POST":
        try:
            application = services.application_submit(
                organisation=organisation, evaluation=evaluation, user=request.user
            )
        except ValidationError as exc:
            problem = exc.messages[0]
        else:
            messages.success(
                request,
                _("Your application has been sent. NOV now appoints an adviser and an assessor."),
            )
            return redirect("qualitymark:application-detail", public_id=application.public_id)
    else:
        try:
            services.application_submit_check(
                organisation=organisation, evaluation=evaluation, user=request.user
            )
        except ValidationError as exc:
            problem = exc.messages[0]
    return render(
        request,
        "qualitymark/apply.html",
        {
            "evaluation": evaluation,
            "organisation": organisation,
            "problem": problem,
            "open_applications": selectors.application_list_for_organisation(
                organisation=organisation
            ).filter(status__in=selectors.OPEN_STATUSES),
        },
        status=422 if problem and request.method == "POST" else 200,
    )


# --- NOV staff: the list of applications


@login_required
@require_GET
def application_list(request: HttpRequest) -> HttpResponse:
    if not permissions.can_manage_quality_mark_applications(request.user):
        raise Http404
    status = request.GET.get("status", "")
    if status not in ApplicationStatus.values:
        status = ""
    query = request.GET.get("q", "").strip()[:100]
    page = Paginator(selectors.application_list(status=status, query=query), 25).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "qualitymark/application_list.html",
        {
            "page": page,
            "status": status,
            "query": query,
            "statuses": ApplicationStatus.choices,
        },
    )


# --- One application


@login_required
@require_http_methods(["GET", "POST"])
def application_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    application = selectors.application_get_for_viewer(user=request.user, public_id=public_id)
    if request.method == "POST":
        # The only action on this page: the organisation's admin withdraws.
        if "withdraw" not in request.POST:
            return redirect("qualitymark:application-detail", public_id=application.public_id)
        try:
            services.application_withdraw(application=application, user=request.user)
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
        else:
            messages.success(request, _("The application has been withdrawn."))
        return redirect("qualitymark:application-detail", public_id=application.public_id)
    return render(
        request,
        "qualitymark/application_detail.html",
        {
            "application": application,
            "organisation": application.organisation,
            "actions": selectors.application_actions(application=application, user=request.user),
            "quality_mark": getattr(application, "quality_mark", None)
            if application.status == ApplicationStatus.DECIDED
            else None,
        },
    )


def _not_now(request: HttpRequest, application: Application) -> HttpResponse:
    messages.info(
        request,
        _("This step is not open now: the application's status is “%(status)s”.")
        % {"status": application.get_status_display()},
    )
    return redirect("qualitymark:application-detail", public_id=application.public_id)


def _step_page(
    request: HttpRequest, application: Application, template: str, form, status: int = 200
) -> HttpResponse:
    return render(
        request,
        template,
        {
            "application": application,
            "organisation": application.organisation,
            "form": form,
            "actions": selectors.application_actions(application=application, user=request.user),
            "cancel_url": reverse("qualitymark:application-detail", args=[application.public_id]),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def application_assign(request: HttpRequest, public_id: UUID) -> HttpResponse:
    application = selectors.application_get_for_manager(user=request.user, public_id=public_id)
    if application.status not in (ApplicationStatus.SUBMITTED, ApplicationStatus.ASSESSMENT):
        return _not_now(request, application)
    default_adviser = application.adviser or services.application_default_adviser(
        application=application
    )
    form = ApplicationAssignForm(
        request.POST if request.method == "POST" else None,
        organisation=application.organisation,
        initial={"adviser": default_adviser, "assessor": application.assessor},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.application_assign(
                application=application,
                adviser=form.cleaned_data["adviser"],
                assessor=form.cleaned_data["assessor"],
                by=request.user,
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(
                request, _("The adviser and the final assessor have been told by e-mail.")
            )
            return redirect("qualitymark:application-detail", public_id=application.public_id)
    return _step_page(
        request,
        application,
        "qualitymark/application_assign.html",
        form,
        status=422 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def application_assess(request: HttpRequest, public_id: UUID) -> HttpResponse:
    application = selectors.application_get_for_adviser(user=request.user, public_id=public_id)
    if application.status != ApplicationStatus.ASSESSMENT:
        return _not_now(request, application)
    form = ApplicationAssessForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_assess(
                application=application, adviser=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(request, _("Your recommendation has been sent to the final assessor."))
            return redirect("qualitymark:application-detail", public_id=application.public_id)
    return _step_page(
        request,
        application,
        "qualitymark/application_assess.html",
        form,
        status=422 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def application_decide(request: HttpRequest, public_id: UUID) -> HttpResponse:
    application = selectors.application_get_for_assessor(user=request.user, public_id=public_id)
    if application.status != ApplicationStatus.RECOMMENDED:
        return _not_now(request, application)
    form = ApplicationDecideForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_decide(
                application=application, assessor=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(
                request, _("Your decision has been recorded and sent to the organisation.")
            )
            return redirect("qualitymark:application-detail", public_id=application.public_id)
    return _step_page(
        request,
        application,
        "qualitymark/application_decide.html",
        form,
        status=422 if form.errors else 200,
    )

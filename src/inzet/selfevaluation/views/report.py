"""The report of a self-evaluation (page and PDF from one template), the action plan and the
progress over the years.

Everyone who may view the organisation's evaluations (members, the assigned adviser) may read
these pages; only the people who run the evaluation may change the action plan. Volunteers'
individual answers appear nowhere: the report shows only what selectors/scoring.py sums up.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from inzet.core import permissions
from inzet.core.forms import form_add_validation_error
from inzet.selfevaluation.constants import DEFAULT_SCALE_MAX, ActionStatus
from inzet.selfevaluation.models import Action, Evaluation, Statement
from inzet.selfevaluation.report_forms import ActionForm, ActionPrefillForm, ActionStatusForm
from inzet.selfevaluation.selectors.evaluations import (
    evaluation_get_for_runner,
    evaluation_get_for_viewer,
    evaluation_statements,
)
from inzet.selfevaluation.selectors.scoring import (
    EvaluationReport,
    evaluation_report,
    organisation_get_for_progress,
    organisation_progress,
)
from inzet.selfevaluation.services import actions as action_services

# --- The chart: horizontal bars, organisation (solid) beside volunteers (hatched, outlined)

CHART_WIDTH = 470
CHART_BAR_LEFT = 8
CHART_BAR_WIDTH = 320  # the length of a bar at the top of the scale
CHART_ROW_HEIGHT = 78
CHART_TOP = 28


@dataclass(frozen=True)
class ChartBar:
    value: float | None
    y: int
    width: int
    text_x: int
    text_y: int


@dataclass(frozen=True)
class ChartRow:
    label: str
    label_y: int
    organisation: ChartBar
    volunteers: ChartBar
    minimum_x: int | None
    minimum_top: int
    minimum_bottom: int


@dataclass(frozen=True)
class ChartTick:
    value: int
    x: int


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    summary: str
    rows: list[ChartRow]
    ticks: list[ChartTick]
    width: int
    height: int
    missing_text: str


def _x(value: float, scale_max: int) -> int:
    return CHART_BAR_LEFT + round(value / scale_max * CHART_BAR_WIDTH)


def _number(value: float | None) -> str:
    return formats.number_format(value, 1) if value is not None else "–"


def _chart(
    *,
    chart_id: str,
    title: str,
    rows: Sequence[tuple[str, float | None, float | None, float | None]],
    scale_max: int,
) -> Chart:
    """``rows``: (label, organisation, volunteers, minimum). Volunteers None: not shown.
    A bar at ``scale_max`` fills the whole width."""
    chart_rows = []
    summary = []
    for index, (label, organisation, volunteers, minimum) in enumerate(rows):
        top = CHART_TOP + index * CHART_ROW_HEIGHT
        bars = []
        for offset, value in ((24, organisation), (48, volunteers)):
            width = _x(value, scale_max) - CHART_BAR_LEFT if value is not None else 0
            bars.append(
                ChartBar(
                    value=value,
                    y=top + offset,
                    width=width,
                    text_x=CHART_BAR_LEFT + width + 6,
                    text_y=top + offset + 15,
                )
            )
        chart_rows.append(
            ChartRow(
                label=Truncator(label).chars(50),
                label_y=top + 16,
                organisation=bars[0],
                volunteers=bars[1],
                minimum_x=_x(float(minimum), scale_max) if minimum is not None else None,
                minimum_top=top + 20,
                minimum_bottom=top + 70,
            )
        )
        line = _("%(label)s: organisation %(organisation)s, volunteers %(volunteers)s") % {
            "label": label,
            "organisation": _number(organisation),
            "volunteers": _number(volunteers) if volunteers is not None else _("not shown yet"),
        }
        if minimum is not None:
            line += " " + _("(minimum %(minimum)s)") % {"minimum": _number(float(minimum))}
        summary.append(line)
    return Chart(
        id=chart_id,
        title=title,
        summary=f"{title}. " + "; ".join(summary) + ".",
        rows=chart_rows,
        ticks=[ChartTick(value=value, x=_x(value, scale_max)) for value in range(scale_max + 1)],
        width=CHART_WIDTH,
        height=CHART_TOP + len(rows) * CHART_ROW_HEIGHT + 4,
        missing_text=_("too few answers"),
    )


def _report_chart(report: EvaluationReport) -> Chart:
    questionnaire = report.evaluation.questionnaire
    if questionnaire.scale_max == DEFAULT_SCALE_MAX:
        title = _("Scores per part, on a scale of 1 to 4")
    else:
        title = _("Scores per part, on a scale of %(min)s to %(max)s") % {
            "min": questionnaire.scale_min,
            "max": questionnaire.scale_max,
        }
    return _chart(
        chart_id="report",
        title=title,
        scale_max=questionnaire.scale_max,
        rows=[
            (
                f"{part.part.code}. {part.part.name}",
                part.organisation,
                part.volunteers.mean if part.volunteers else None,
                float(part.minimum_score),
            )
            for part in report.parts
        ],
    )


# --- Report


def _report_context(request: HttpRequest, evaluation: Evaluation) -> dict[str, Any]:
    report = evaluation_report(evaluation=evaluation)
    return {
        "evaluation": evaluation,
        "organisation": evaluation.organisation,
        "report": report,
        "chart": _report_chart(report),
        "can_run": permissions.can_run_evaluation(request.user, evaluation.organisation),
        "today": timezone.localdate(),
    }


@login_required
@require_GET
def report(request: HttpRequest, public_id: UUID) -> HttpResponse:
    evaluation = evaluation_get_for_viewer(user=request.user, public_id=public_id)
    return render(request, "selfevaluation/report.html", _report_context(request, evaluation))


@login_required
@require_GET
def report_pdf(request: HttpRequest, public_id: UUID) -> HttpResponse:
    from weasyprint import HTML  # heavy; only loaded when someone downloads a PDF

    evaluation = evaluation_get_for_viewer(user=request.user, public_id=public_id)
    context = {**_report_context(request, evaluation), "pdf": True}
    html = render_to_string("selfevaluation/report_pdf.html", context, request=request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"zelfevaluatie-{evaluation.started_at:%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- Action plan


def _action_plan_page(
    request: HttpRequest,
    evaluation: Evaluation,
    *,
    form: ActionForm | None = None,
    statement: Statement | None = None,
    status: int = 200,
) -> HttpResponse:
    can_run = permissions.can_run_evaluation(request.user, evaluation.organisation)
    statements = evaluation_statements(evaluation=evaluation)
    if can_run and form is None:
        form = ActionForm(statements=statements, initial={"status": ActionStatus.TODO})
    actions = list(
        evaluation.actions.select_related("statement", "part").order_by("status", "due_date", "pk")
    )
    return render(
        request,
        "selfevaluation/action_plan.html",
        {
            "evaluation": evaluation,
            "organisation": evaluation.organisation,
            "actions": actions,
            "form": form if can_run else None,
            "prefill_statement": statement,
            "status_choices": ActionStatus.choices,
            "can_run": can_run,
            "today": timezone.localdate(),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_plan(request: HttpRequest, public_id: UUID) -> HttpResponse:
    if request.method == "GET":
        evaluation = evaluation_get_for_viewer(user=request.user, public_id=public_id)
        return _action_plan_page(request, evaluation)

    evaluation = evaluation_get_for_runner(user=request.user, public_id=public_id)
    statements = evaluation_statements(evaluation=evaluation)
    if "prefill" in request.POST:  # "Put in action plan" on the report: start the form
        prefill = ActionPrefillForm(request.POST)
        statement = None
        if prefill.is_valid():
            statement = statements.filter(pk=prefill.cleaned_data["statement"]).first()
        form = ActionForm(
            statements=statements,
            initial={"status": ActionStatus.TODO, "statement": statement},
        )
        return _action_plan_page(request, evaluation, form=form, statement=statement)

    form = ActionForm(request.POST, statements=statements)
    if form.is_valid():
        try:
            action = action_services.action_create(
                evaluation=evaluation, created_by=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(
                request, _("The action “%(action)s” is in the action plan.") % {"action": action}
            )
            return redirect("selfevaluation:action-plan", public_id=evaluation.public_id)
    return _action_plan_page(request, evaluation, form=form, status=422)


@login_required
@require_POST
def action_update(request: HttpRequest, public_id: UUID, action_id: int) -> HttpResponse:
    evaluation = evaluation_get_for_runner(user=request.user, public_id=public_id)
    try:
        action = evaluation.actions.get(pk=action_id)
    except Action.DoesNotExist:
        raise Http404 from None
    form = ActionStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid status."))
    else:
        try:
            action_services.action_update(action=action, status=form.cleaned_data["status"])
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
        else:
            messages.success(
                request,
                _("“%(action)s” now has the status “%(status)s”.")
                % {"action": action, "status": action.get_status_display()},
            )
    return redirect("selfevaluation:action-plan", public_id=evaluation.public_id)


# --- Progress over time


@login_required
@require_GET
def progress(request: HttpRequest, organisation_id: UUID) -> HttpResponse:
    organisation = organisation_get_for_progress(user=request.user, public_id=organisation_id)
    overview = organisation_progress(organisation=organisation)
    parts = [
        {
            "part": part,
            "chart": _chart(
                chart_id=f"progress-{part.code}",
                title=_("Part %(code)s. %(name)s: scores per self-evaluation")
                % {"code": part.code, "name": part.name},
                rows=[
                    (
                        formats.date_format(
                            timezone.localtime(point.evaluation.started_at), "DATE_FORMAT"
                        ),
                        point.organisation,
                        point.volunteers,
                        None,
                    )
                    for point in part.points
                ],
                scale_max=overview.scale_max,
            ),
        }
        for part in overview.parts
    ]
    return render(
        request,
        "selfevaluation/progress.html",
        {"organisation": organisation, "overview": overview, "parts": parts},
    )

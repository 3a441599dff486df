"""The organisation fills in its self-evaluation: start, answer per part (with autosave),
evidence, volunteer invitations, history and closing."""

from datetime import timedelta
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from inzet.core import permissions
from inzet.core.forms import form_add_validation_error
from inzet.selfevaluation.forms import (
    AnswerForm,
    EvaluationStartForm,
    EvidenceForm,
    PartForm,
    VolunteerInviteForm,
    VolunteerLinkExtendForm,
)
from inzet.selfevaluation.models import Evaluation, Part, volunteer_link_days
from inzet.selfevaluation.selectors import evaluations as selectors
from inzet.selfevaluation.selectors.questionnaires import questionnaire_current
from inzet.selfevaluation.services import evaluations as services

# --- Overview and start


def _start_form(organisation, data=None) -> EvaluationStartForm:
    return EvaluationStartForm(data, prefix=f"o-{organisation.public_id.hex[:8]}")


def _index_page(request: HttpRequest, *, failed=None, status: int = 200) -> HttpResponse:
    """``failed`` is (organisation, bound form) after a start that did not work."""
    organisations = []
    for organisation, can_run, evaluations in selectors.evaluation_list_for_user(user=request.user):
        has_open = any(evaluation.is_open for evaluation in evaluations)
        form = None
        if can_run and not has_open:
            if failed and failed[0].pk == organisation.pk:
                form = failed[1]
            else:
                form = _start_form(organisation)
        organisations.append(
            {
                "organisation": organisation,
                "can_run": can_run,
                "evaluations": evaluations,
                "start_form": form,
            }
        )
    try:
        current = questionnaire_current()
    except ValidationError:  # nothing published: the page says so when someone starts
        current = None
    # The general text names the standard scale; another scale is named by its range.
    current_scale_max = current.scale_max if current and not current.scale_is_default else None
    return render(
        request,
        "selfevaluation/index.html",
        {
            "organisations": organisations,
            "failed_form": failed[1] if failed else None,
            "current_scale_max": current_scale_max,
        },
        status=status,
    )


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return _index_page(request)


@login_required
@require_POST
def evaluation_start(request: HttpRequest, organisation_id: UUID) -> HttpResponse:
    organisation = selectors.organisation_get_for_evaluation_runner(
        user=request.user, public_id=organisation_id
    )
    form = _start_form(organisation, request.POST)
    if form.is_valid():
        try:
            evaluation = services.evaluation_start(
                organisation=organisation,
                user=request.user,
                small_organisation=form.cleaned_data["small_organisation"],
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(
                request, _("The self-evaluation has started. Begin with any part you like.")
            )
            return redirect("selfevaluation:evaluation-detail", public_id=evaluation.public_id)
    return _index_page(request, failed=(organisation, form), status=422)


# --- One evaluation


def _detail_page(
    request: HttpRequest, evaluation: Evaluation, *, close_errors=None, status: int = 200
) -> HttpResponse:
    organisation = evaluation.organisation
    progress = selectors.evaluation_progress(evaluation=evaluation)
    return render(
        request,
        "selfevaluation/evaluation_detail.html",
        {
            "evaluation": evaluation,
            "organisation": organisation,
            "progress": progress,
            "answered": sum(item.answered for item in progress),
            "total": sum(item.total for item in progress),
            "can_run": permissions.can_run_evaluation(request.user, organisation),
            "can_apply": permissions.can_apply_for_quality_mark(request.user, organisation),
            "volunteer_responses": selectors.evaluation_volunteer_response_count(
                evaluation=evaluation
            ),
            "close_errors": close_errors,
        },
        status=status,
    )


@login_required
@require_GET
def evaluation_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    evaluation = selectors.evaluation_get_for_viewer(user=request.user, public_id=public_id)
    return _detail_page(request, evaluation)


@login_required
@require_POST
def evaluation_close(request: HttpRequest, public_id: UUID) -> HttpResponse:
    evaluation = selectors.evaluation_get_for_runner(user=request.user, public_id=public_id)
    try:
        services.evaluation_close(evaluation=evaluation, user=request.user)
    except ValidationError as exc:
        errors = []
        for error in exc.error_list:
            params = error.params or {}
            errors.append(
                {
                    "message": error.message % params if params else error.message,
                    "url": reverse(
                        "selfevaluation:evaluation-part",
                        args=[evaluation.public_id, params["part_code"]],
                    )
                    + f"#statement-{params['statement_id']}"
                    if "part_code" in params
                    else "",
                }
            )
        return _detail_page(request, evaluation, close_errors=errors, status=422)
    messages.success(
        request,
        _("The self-evaluation is closed. You can now read the report and make an action plan."),
    )
    return redirect("selfevaluation:evaluation-detail", public_id=evaluation.public_id)


@login_required
@require_GET
def evaluation_history(request: HttpRequest, public_id: UUID) -> HttpResponse:
    evaluation = selectors.evaluation_get_for_viewer(user=request.user, public_id=public_id)
    page = Paginator(selectors.evaluation_history(evaluation=evaluation), 50).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "selfevaluation/evaluation_history.html",
        {"evaluation": evaluation, "page": page, "scale": dict(evaluation.questionnaire.scale)},
    )


# --- A part: all its statements on one page


def _part_page(
    request: HttpRequest,
    evaluation: Evaluation,
    part: Part,
    *,
    part_form: PartForm | None = None,
    evidence_form: tuple[int, EvidenceForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    can_run = permissions.can_run_evaluation(request.user, evaluation.organisation)
    editable = can_run and evaluation.is_open
    rows = selectors.evaluation_part_rows(evaluation=evaluation, part=part)
    if part_form is None:
        part_form = PartForm(rows=rows, questionnaire=evaluation.questionnaire)
    elif part_form.is_bound:
        part_form.mark_invalid_fields()
    items = []
    for row in rows:
        pk = row.statement.pk
        if evidence_form and evidence_form[0] == pk:
            form = evidence_form[1]
        else:
            form = EvidenceForm(prefix=f"e{pk}")
        items.append(
            {
                "row": row,
                "score": part_form[f"score_{pk}"],
                "note": part_form[f"note_{pk}"],
                "evidence_form": form if can_run else None,
            }
        )
    progress = selectors.evaluation_progress(evaluation=evaluation)
    codes = [item.part.code for item in progress]
    position = codes.index(part.code)
    return render(
        request,
        "selfevaluation/evaluation_part.html",
        {
            "evaluation": evaluation,
            "part": part,
            "items": items,
            "part_form": part_form,
            "failed_evidence_form": evidence_form[1] if evidence_form else None,
            "progress": progress,
            "next_part": progress[position + 1].part if position + 1 < len(progress) else None,
            "can_run": can_run,
            "editable": editable,
            "scale": evaluation.questionnaire.scale,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def evaluation_part(request: HttpRequest, public_id: UUID, part_code: str) -> HttpResponse:
    if request.method == "GET":
        evaluation = selectors.evaluation_get_for_viewer(user=request.user, public_id=public_id)
        part = selectors.evaluation_part_get(evaluation=evaluation, part_code=part_code)
        return _part_page(request, evaluation, part)

    evaluation = selectors.evaluation_get_for_runner(user=request.user, public_id=public_id)
    part = selectors.evaluation_part_get(evaluation=evaluation, part_code=part_code)
    rows = selectors.evaluation_part_rows(evaluation=evaluation, part=part)
    form = PartForm(request.POST, rows=rows, questionnaire=evaluation.questionnaire)
    if form.is_valid():
        try:
            with transaction.atomic():  # the whole part, or nothing
                for statement, score, note in form.changes():
                    services.answer_save(
                        evaluation=evaluation,
                        statement=statement,
                        user=request.user,
                        score=score,
                        note=note,
                    )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            item = next(
                i
                for i in selectors.evaluation_progress(evaluation=evaluation)
                if i.part.pk == part.pk
            )
            messages.success(
                request,
                _("Part %(code)s is saved: %(answered)s of %(total)s statements answered.")
                % {"code": part.code, "answered": item.answered, "total": item.total},
            )
            next_code = request.POST.get("next_part", "")
            if "save_next" in request.POST and next_code:
                return redirect(
                    "selfevaluation:evaluation-part",
                    public_id=evaluation.public_id,
                    part_code=next_code,
                )
            if "save_overview" in request.POST:
                return redirect("selfevaluation:evaluation-detail", public_id=evaluation.public_id)
            return redirect(
                "selfevaluation:evaluation-part",
                public_id=evaluation.public_id,
                part_code=part.code,
            )
    return _part_page(request, evaluation, part, part_form=form, status=422)


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@login_required
@require_POST
def answer_save(request: HttpRequest, public_id: UUID, statement_id: int) -> HttpResponse:
    """Save one answer: the autosave script gets JSON, a plain form post goes back to the
    part."""
    evaluation = selectors.evaluation_get_for_runner(user=request.user, public_id=public_id)
    statement = selectors.evaluation_statement_get(evaluation=evaluation, statement_id=statement_id)
    form = AnswerForm(request.POST, questionnaire=evaluation.questionnaire)
    error = None
    answer = None
    if not form.is_valid():
        error = next(iter(form.errors.values()))[0]
    else:
        try:
            answer = services.answer_save(
                evaluation=evaluation,
                statement=statement,
                user=request.user,
                score=form.cleaned_data["score"] if "score" in request.POST else None,
                note=form.cleaned_data["note"] if "note" in request.POST else None,
            )
        except ValidationError as exc:
            error = exc.messages[0]
    if _wants_json(request):
        if error:
            return JsonResponse({"status": "error", "message": error}, status=422)
        saved_at = formats.time_format(timezone.localtime(answer.updated_at), "H:i")
        return JsonResponse(
            {
                "status": "saved",
                "message": _("Saved at %(time)s.") % {"time": saved_at},
                "score": answer.score,
                "note": answer.note,
            }
        )
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("Your answer to %(code)s is saved.") % {"code": statement.code})
    return redirect(
        reverse("selfevaluation:evaluation-part", args=[evaluation.public_id, statement.part.code])
        + f"#statement-{statement.pk}"
    )


# --- Evidence


@login_required
@require_POST
def evidence_add(request: HttpRequest, public_id: UUID, statement_id: int) -> HttpResponse:
    evaluation = selectors.evaluation_get_for_runner(user=request.user, public_id=public_id)
    statement = selectors.evaluation_statement_get(evaluation=evaluation, statement_id=statement_id)
    form = EvidenceForm(request.POST, request.FILES, prefix=f"e{statement.pk}")
    if form.is_valid():
        try:
            services.evidence_add(
                evaluation=evaluation,
                statement=statement,
                user=request.user,
                file=form.cleaned_data["file"],
                url=form.cleaned_data["url"],
                description=form.cleaned_data["description"],
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(
                request, _("The evidence for %(code)s is added.") % {"code": statement.code}
            )
            return redirect(
                reverse(
                    "selfevaluation:evaluation-part",
                    args=[evaluation.public_id, statement.part.code],
                )
                + f"#statement-{statement.pk}"
            )
    return _part_page(
        request, evaluation, statement.part, evidence_form=(statement.pk, form), status=422
    )


@login_required
@require_GET
def evidence_download(request: HttpRequest, evidence_id: UUID) -> HttpResponse:
    evidence = selectors.evidence_get_for_viewer(user=request.user, public_id=evidence_id)
    if not evidence.file:
        raise Http404
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=evidence.original_name or "bewijs",
        content_type=evidence.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@login_required
@require_POST
def evidence_delete(request: HttpRequest, evidence_id: UUID) -> HttpResponse:
    evidence = selectors.evidence_get_for_runner(user=request.user, public_id=evidence_id)
    evaluation, statement = evidence.evaluation, evidence.statement
    services.evidence_delete(evidence=evidence, user=request.user)
    messages.success(request, _("The evidence is removed."))
    return redirect(
        reverse("selfevaluation:evaluation-part", args=[evaluation.public_id, statement.part.code])
        + f"#statement-{statement.pk}"
    )


# --- Volunteers


def _invite_page(
    request: HttpRequest,
    evaluation: Evaluation,
    *,
    form: VolunteerInviteForm | None = None,
    link_form: VolunteerLinkExtendForm | None = None,
    status: int = 200,
) -> HttpResponse:
    if link_form is None:
        # Suggest the default period from today: one click renews an expired link.
        suggested = timezone.localdate() + timedelta(days=volunteer_link_days())
        link_form = VolunteerLinkExtendForm(prefix="link", initial={"until": suggested})
    return render(
        request,
        "selfevaluation/volunteer_invite.html",
        {
            "evaluation": evaluation,
            "form": form or VolunteerInviteForm(),
            "link_form": link_form,
            "volunteer_url": services.volunteer_survey_url(token=evaluation.volunteer_token),
            "link_expires_at": timezone.localtime(evaluation.volunteer_link_expires_at),
            "link_expired": evaluation.volunteer_link_expired,
            "invitations_sent": evaluation.volunteer_invitations.count(),
            "volunteer_responses": selectors.evaluation_volunteer_response_count(
                evaluation=evaluation
            ),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def volunteer_invite(request: HttpRequest, public_id: UUID) -> HttpResponse:
    evaluation = selectors.evaluation_get_for_runner(user=request.user, public_id=public_id)
    if request.method == "GET":
        return _invite_page(request, evaluation)
    form = VolunteerInviteForm(request.POST)
    if form.is_valid():
        try:
            sent = services.volunteer_invitations_send(
                evaluation=evaluation, user=request.user, emails=form.cleaned_data["emails"]
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(
                request,
                ngettext(
                    "We have sent %(count)s invitation.",
                    "We have sent %(count)s invitations.",
                    sent,
                )
                % {"count": sent},
            )
            return redirect("selfevaluation:volunteer-invite", public_id=evaluation.public_id)
    return _invite_page(request, evaluation, form=form, status=422)


@login_required
@require_POST
def volunteer_link_extend(request: HttpRequest, public_id: UUID) -> HttpResponse:
    evaluation = selectors.evaluation_get_for_runner(user=request.user, public_id=public_id)
    link_form = VolunteerLinkExtendForm(request.POST, prefix="link")
    if link_form.is_valid():
        try:
            evaluation = services.volunteer_link_extend(
                evaluation=evaluation, user=request.user, until=link_form.cleaned_data["until"]
            )
        except ValidationError as exc:
            link_form.add_error("until", exc)
        else:
            messages.success(
                request,
                _("The link for volunteers works until %(date)s.")
                % {
                    "date": formats.date_format(
                        timezone.localtime(evaluation.volunteer_link_expires_at), "j F Y"
                    )
                },
            )
            return redirect("selfevaluation:volunteer-invite", public_id=evaluation.public_id)
    return _invite_page(request, evaluation, link_form=link_form, status=422)

"""The questionnaire (one page per step, no JavaScript needed) and the checklist it gives.

The answers live in the session until someone with an account saves them as a checklist.
"""

from datetime import date
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from inzet.compliance import selectors, services
from inzet.compliance.engine import REGISTRY, Outcome, RuleKind
from inzet.compliance.facts import FACTS_BY_KEY, STEPS
from inzet.compliance.forms import FactStepForm, SavedCheckForm, SavedCheckMarkForm
from inzet.compliance.models import SavedCheck

SESSION_KEY = "compliance_check"
STEP_TITLES = dict(STEPS)
STEP_ORDER = [key for key, _title in STEPS]


# --- Answers in the session


def _session_answers(request: HttpRequest) -> dict[str, Any]:
    data = request.session.get(SESSION_KEY, {}).get("answers", {})
    return selectors.questionnaire_answers_load(data=data)


def _session_store(
    request: HttpRequest, *, answers: dict[str, Any], saved_check: SavedCheck | None = None
) -> None:
    state = dict(request.session.get(SESSION_KEY, {}))
    state["answers"] = selectors.questionnaire_answers_json(answers=answers)
    if saved_check is not None:
        state["saved_check"] = str(saved_check.public_id)
    request.session[SESSION_KEY] = state


def _session_saved_check(request: HttpRequest) -> SavedCheck | None:
    """The saved checklist these answers were loaded from (saved-edit), if it is still theirs."""
    public_id = request.session.get(SESSION_KEY, {}).get("saved_check")
    if not public_id or not request.user.is_authenticated:
        return None
    try:
        return selectors.saved_check_get_for_owner(owner=request.user, public_id=UUID(public_id))
    except (Http404, ValueError):
        return None


def _step_url(step: str) -> str:
    return reverse("compliance:check-step", args=[step])


def _first_step_url(answers: dict[str, Any]) -> str:
    steps = selectors.questionnaire_steps(answers=answers)
    return _step_url(steps[0]) if steps else reverse("compliance:check-result")


def _complete_answers_or_redirect(
    request: HttpRequest,
) -> tuple[dict[str, Any], HttpResponse | None]:
    answers = _session_answers(request)
    if not answers:
        messages.info(request, _("Answer the questions first. Then you get your checklist."))
        return answers, redirect(_first_step_url(answers))
    open_step = selectors.questionnaire_step_open(answers=answers)
    if open_step is not None:
        messages.info(request, _("A few questions are not answered yet. Answer them first."))
        return answers, redirect(_step_url(open_step))
    return answers, None


# --- The questionnaire


@require_http_methods(["GET", "POST"])
def check_start(request: HttpRequest) -> HttpResponse:
    """GET: to the first step, with the answers given before. POST: start again, empty."""
    if request.method == "POST":
        request.session.pop(SESSION_KEY, None)
    return redirect(_first_step_url(_session_answers(request)))


@require_http_methods(["GET", "POST"])
def check_step(request: HttpRequest, step: str) -> HttpResponse:
    if step not in STEP_TITLES:
        raise Http404
    answers = _session_answers(request)
    steps = selectors.questionnaire_steps(answers=answers)
    if step not in steps:  # no questions here for this organisation: skip the step
        later = [s for s in steps if STEP_ORDER.index(s) > STEP_ORDER.index(step)]
        return redirect(_step_url(later[0]) if later else reverse("compliance:check-result"))
    open_step = selectors.questionnaire_step_open(answers=answers)
    if open_step is not None and STEP_ORDER.index(open_step) < STEP_ORDER.index(step):
        return redirect(_step_url(open_step))

    earlier = {
        key: value
        for key, value in answers.items()
        if STEP_ORDER.index(FACTS_BY_KEY[key].step) < STEP_ORDER.index(step)
    }
    questions = selectors.questionnaire_questions(step=step, answers=answers)
    # Follow-ups an answer on this page may bring up: rendered hidden for compliance.js.
    candidates = selectors.questionnaire_candidates(step=step, answers=answers)
    if request.method == "POST":
        form = FactStepForm(
            request.POST, facts=questions, candidates=candidates, earlier=earlier
        )
        if form.is_valid():
            return _step_done(request, step=step, answers=answers, step_answers=form.answers)
    else:
        form = FactStepForm(
            facts=questions, candidates=candidates, earlier=earlier, answers=answers
        )

    position = steps.index(step)
    return render(
        request,
        "compliance/check_step.html",
        {
            "form": form,
            "step": step,
            "step_title": STEP_TITLES[step],
            "step_number": position + 1,
            "step_count": len(steps),
            "is_last": position == len(steps) - 1,
            "previous_url": _step_url(steps[position - 1]) if position else None,
            "saved_check": _session_saved_check(request),
        },
    )


def _step_done(
    request: HttpRequest, *, step: str, answers: dict[str, Any], step_answers: dict[str, Any]
) -> HttpResponse:
    answers = selectors.questionnaire_answers_merge(
        answers=answers, step=step, step_answers=step_answers
    )
    _session_store(request, answers=answers)
    questions = selectors.questionnaire_questions(step=step, answers=answers)
    if any(fact.key not in answers for fact in questions):
        messages.info(request, _("Your answers lead to a few more questions on this page."))
        return redirect(_step_url(step))
    steps = selectors.questionnaire_steps(answers=answers)
    later = [s for s in steps if STEP_ORDER.index(s) > STEP_ORDER.index(step)]
    if later:
        return redirect(_step_url(later[0]))
    open_step = selectors.questionnaire_step_open(answers=answers)
    if open_step is not None:
        return redirect(_step_url(open_step))
    # The last step: the questionnaire is complete, so count it once.
    services.rule_usage_record(outcomes=selectors.checklist(facts=answers, on=_today()))
    return redirect("compliance:check-result")


# --- The checklist


def _today() -> date:
    return timezone.localdate()


def _checklist_context(outcomes: list[Outcome]) -> dict[str, Any]:
    return {
        "outcomes": outcomes,
        "duty_count": sum(o.rule.kind == RuleKind.DUTY for o in outcomes),
        "recommendation_count": sum(o.rule.kind == RuleKind.RECOMMENDATION for o in outcomes),
        "today": _today(),
    }


def _result_page(
    request: HttpRequest, *, answers: dict[str, Any], form: SavedCheckForm | None = None
) -> HttpResponse:
    saved_check = _session_saved_check(request)
    if form is None and request.user.is_authenticated:
        initial: dict[str, Any] = {}
        if saved_check is not None:  # saving again updates the checklist being changed
            initial = {"name": saved_check.name, "organisation": saved_check.organisation_id}
        form = SavedCheckForm(owner=request.user, initial=initial)
    return render(
        request,
        "compliance/check_result.html",
        {
            **_checklist_context(selectors.checklist(facts=answers, on=_today())),
            "form": form,
            "saved_check": saved_check,
        },
    )


@require_GET
def check_result(request: HttpRequest) -> HttpResponse:
    answers, incomplete = _complete_answers_or_redirect(request)
    return incomplete or _result_page(request, answers=answers)


def _pdf_response(request: HttpRequest, context: dict[str, Any]) -> HttpResponse:
    from weasyprint import HTML  # heavy; only loaded when someone downloads a PDF

    html = render_to_string("compliance/checklist_pdf.html", context, request=request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"inzet-checklist-{context['today']:%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def check_result_pdf(request: HttpRequest) -> HttpResponse:
    answers, incomplete = _complete_answers_or_redirect(request)
    if incomplete:
        return incomplete
    return _pdf_response(
        request, _checklist_context(selectors.checklist(facts=answers, on=_today()))
    )


# --- Saved checklists


@login_required
@require_POST
def saved_create(request: HttpRequest) -> HttpResponse:
    answers, incomplete = _complete_answers_or_redirect(request)
    if incomplete:
        return incomplete
    form = SavedCheckForm(request.POST, owner=request.user)
    if not form.is_valid():
        return _result_page(request, answers=answers, form=form)
    existing = None if "as_new" in request.POST else _session_saved_check(request)
    saved_check = services.saved_check_save(
        owner=request.user,
        name=form.cleaned_data["name"],
        answers=answers,
        organisation=form.cleaned_data.get("organisation"),
        saved_check=existing,
    )
    _session_store(request, answers=answers, saved_check=saved_check)
    messages.success(request, _("Your checklist “%(name)s” is saved.") % {"name": saved_check.name})
    return redirect("compliance:saved-detail", public_id=saved_check.public_id)


@login_required
@require_GET
def saved_list(request: HttpRequest) -> HttpResponse:
    rows = [
        {
            "saved_check": saved_check,
            "done": len(set(saved_check.done_rules) & set(saved_check.applying_rules)),
            "total": len(saved_check.applying_rules),
        }
        for saved_check in selectors.saved_check_list(owner=request.user)
    ]
    return render(request, "compliance/saved_list.html", {"rows": rows})


def _saved_checklist_context(saved_check: SavedCheck) -> dict[str, Any]:
    answers = selectors.questionnaire_answers_load(data=saved_check.answers)
    outcomes = selectors.checklist(facts=answers, on=_today())
    applying = [outcome.rule.key for outcome in outcomes]
    return {
        **_checklist_context(outcomes),
        "saved_check": saved_check,
        "applying": applying,
        "done_rules": [key for key in saved_check.done_rules if key in applying],
    }


@login_required
@require_GET
def saved_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    saved_check = selectors.saved_check_get_for_owner(owner=request.user, public_id=public_id)
    context = _saved_checklist_context(saved_check)
    before = list(saved_check.applying_rules)
    applying = context["applying"]
    changed = set(applying) != set(before)
    if changed:
        services.saved_check_seen(saved_check=saved_check, applying_rules=applying)
    gone = [REGISTRY[key] for key in before if key not in applying and key in REGISTRY]
    return render(
        request,
        "compliance/saved_detail.html",
        {
            **context,
            "changed": changed,
            "new_rules": [key for key in applying if key not in before] if changed else [],
            "gone_rules": gone,
            "mark_forms": True,
        },
    )


@login_required
@require_GET
def saved_pdf(request: HttpRequest, public_id: UUID) -> HttpResponse:
    saved_check = selectors.saved_check_get_for_owner(owner=request.user, public_id=public_id)
    return _pdf_response(request, _saved_checklist_context(saved_check))


@login_required
@require_POST
def saved_mark(request: HttpRequest, public_id: UUID) -> HttpResponse:
    saved_check = selectors.saved_check_get_for_owner(owner=request.user, public_id=public_id)
    form = SavedCheckMarkForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("That item could not be changed. Try again."))
        return redirect("compliance:saved-detail", public_id=saved_check.public_id)
    rule_key, done = form.cleaned_data["rule_key"], form.cleaned_data["done"]
    services.saved_check_mark(saved_check=saved_check, rule_key=rule_key, done=done)
    texts = selectors.rule_texts_on(on=_today()).get(rule_key)
    title = texts.title if texts else REGISTRY[rule_key].title
    messages.success(
        request,
        (_("“%(title)s” is marked as done.") if done else _("“%(title)s” is open again."))
        % {"title": title},
    )
    url = reverse("compliance:saved-detail", args=[saved_check.public_id])
    return redirect(f"{url}#rule-{rule_key}")


@login_required
@require_POST
def saved_edit(request: HttpRequest, public_id: UUID) -> HttpResponse:
    saved_check = selectors.saved_check_get_for_owner(owner=request.user, public_id=public_id)
    answers = selectors.questionnaire_answers_load(data=saved_check.answers)
    request.session.pop(SESSION_KEY, None)
    _session_store(request, answers=answers, saved_check=saved_check)
    messages.info(
        request,
        _("You are changing the answers of “%(name)s”. Save the checklist again at the end.")
        % {"name": saved_check.name},
    )
    return redirect(_first_step_url(answers))

"""The platform manager's pages (NOV staff) and the "keep my account" link (anyone with it)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from inzet.core.forms import form_add_validation_error

from .constants import DormancyStage
from .forms import DEFAULT_MONTHS, BulkActionForm, MonthsForm, WeeksForm
from .selectors import (
    dormant_get_open_by_token,
    dormant_list,
    dormant_stage_counts,
    failed_search_list,
    orphan_kennisbank_documents,
    overview_counts,
    platform_manager_check,
    quiet_network_list,
    stale_owner_counts,
    stale_pages,
    unviewed_kennisbank_pages,
)
from .services import content_bulk_apply, dormancy_keep, dormant_accounts_viewed, erase_on

PER_PAGE = 50


@login_required
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    platform_manager_check(user=request.user)
    months_form, weeks_form = MonthsForm(request.GET), WeeksForm(request.GET)
    months, weeks = months_form.value(), weeks_form.value()
    counts = overview_counts(months=months, weeks=weeks)
    return render(
        request,
        "stewardship/overview.html",
        {
            "counts": counts,
            "months": months,
            "weeks": weeks,
            "dormant_rows": [
                (value, label, counts.dormant[value]) for value, label in DormancyStage.choices
            ],
        },
    )


# --- Content overviews with the bulk form


def _bulk_context(request: HttpRequest, *, source: str, form: BulkActionForm, months: int):
    context = {"bulk_form": form, "source": source, "months": months}
    if source == "stale":
        rows = stale_pages()
        context["owner_counts"] = stale_owner_counts()
    elif source == "unviewed":
        rows = unviewed_kennisbank_pages(months=months)
    else:
        rows = orphan_kennisbank_documents()
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("pagina"))
    page.object_list = list(page.object_list)
    selected = form.selected_values("documents" if source == "orphans" else "pages")
    today = timezone.localdate()
    for item in page.object_list:
        item.is_selected = str(item.public_id) in selected
        if source == "stale":
            item.days_overdue = (today - item.review_on).days
    context["page"] = page
    return context


TEMPLATES = {
    "stale": "stewardship/stale_content.html",
    "unviewed": "stewardship/unviewed_pages.html",
    "orphans": "stewardship/orphan_documents.html",
}


def _render_content_overview(
    request: HttpRequest,
    *,
    source: str,
    form: BulkActionForm,
    months: int = DEFAULT_MONTHS,
    status: int = 200,
    extra: dict | None = None,
) -> HttpResponse:
    context = _bulk_context(request, source=source, form=form, months=months)
    context.update(extra or {})
    return render(request, TEMPLATES[source], context, status=status)


def _initial_form(source: str, months: int | None = None) -> BulkActionForm:
    return BulkActionForm(initial={"source": source, "months": months})


@login_required
@require_GET
def stale_content(request: HttpRequest) -> HttpResponse:
    platform_manager_check(user=request.user)
    return _render_content_overview(request, source="stale", form=_initial_form("stale"))


@login_required
@require_GET
def unviewed_pages(request: HttpRequest) -> HttpResponse:
    platform_manager_check(user=request.user)
    months_form = MonthsForm(request.GET)
    months = months_form.value()
    return _render_content_overview(
        request,
        source="unviewed",
        form=_initial_form("unviewed", months),
        months=months,
        extra={"period_form": months_form},
    )


@login_required
@require_GET
def orphan_documents(request: HttpRequest) -> HttpResponse:
    platform_manager_check(user=request.user)
    return _render_content_overview(request, source="orphans", form=_initial_form("orphans"))


def _overview_url(source: str, months: int | None) -> str:
    name = {"stale": "stale-content", "unviewed": "unviewed-pages", "orphans": "orphan-documents"}
    url = reverse(f"stewardship:{name[source]}")
    if source == "unviewed" and months:
        url += f"?maanden={months}"
    return url


@login_required
@require_POST
def bulk_action(request: HttpRequest) -> HttpResponse:
    platform_manager_check(user=request.user)
    form = BulkActionForm(request.POST)
    source = request.POST.get("source")
    if source not in TEMPLATES:
        source = "stale"
    months = _posted_months(request)
    if form.is_valid():
        try:
            changed = content_bulk_apply(
                action=form.cleaned_data["action"],
                pages=form.cleaned_data["pages"],
                documents=form.cleaned_data["documents"],
                new_owner=form.cleaned_data["new_owner"],
                actor=request.user,
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(
                request,
                ngettext("%(count)d item was changed.", "%(count)d items were changed.", changed)
                % {"count": changed},
            )
            return redirect(_overview_url(source, months))
    extra = {"period_form": MonthsForm({"maanden": months})} if source == "unviewed" else None
    return _render_content_overview(
        request, source=source, form=form, months=months, status=422, extra=extra
    )


def _posted_months(request: HttpRequest) -> int:
    return MonthsForm({"maanden": request.POST.get("months", "")}).value()


@login_required
@require_GET
def quiet_networks(request: HttpRequest) -> HttpResponse:
    platform_manager_check(user=request.user)
    weeks_form = WeeksForm(request.GET)
    weeks = weeks_form.value()
    page = Paginator(quiet_network_list(weeks=weeks), PER_PAGE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "stewardship/quiet_networks.html",
        {"page": page, "weeks": weeks, "period_form": weeks_form},
    )


@login_required
@require_GET
def failed_searches(request: HttpRequest) -> HttpResponse:
    platform_manager_check(user=request.user)
    return render(request, "stewardship/failed_searches.html", {"terms": failed_search_list()})


# --- Dormant accounts


@login_required
@require_GET
def dormant_accounts(request: HttpRequest) -> HttpResponse:
    platform_manager_check(user=request.user)
    stage = request.GET.get("fase", DormancyStage.ASKED)
    if stage not in DormancyStage.values:
        stage = DormancyStage.ASKED
    page = Paginator(dormant_list(stage=stage), PER_PAGE).get_page(request.GET.get("pagina"))
    rows = list(page)
    # Staff see e-mail addresses here (for support questions): audited per person.
    dormant_accounts_viewed(
        actor=request.user, users=[r.user for r in rows if r.user.erased_at is None]
    )
    for row in rows:
        row.erase_on = erase_on(dormant=row)
    counts = dormant_stage_counts()
    return render(
        request,
        "stewardship/dormant_accounts.html",
        {
            "page": page,
            "rows": rows,
            "stage": DormancyStage(stage),
            "counts": [(value, label, counts[value]) for value, label in DormancyStage.choices],
        },
    )


@require_http_methods(["GET", "POST"])
def keep_account(request: HttpRequest, token: str) -> HttpResponse:
    dormant = dormant_get_open_by_token(token=token)
    if dormant is None:
        return render(request, "stewardship/keep_account_invalid.html", status=404)
    if request.method == "POST":
        was_deactivated = dormant.stage == DormancyStage.DEACTIVATED
        try:
            dormancy_keep(dormant=dormant)
        except ValidationError:
            return render(request, "stewardship/keep_account_invalid.html", status=404)
        return render(
            request, "stewardship/keep_account_done.html", {"was_deactivated": was_deactivated}
        )
    return render(request, "stewardship/keep_account.html", {"dormant": dormant})

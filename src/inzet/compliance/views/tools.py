"""The toolbox start page, the two calculators and the knelpunten (bottlenecks)."""

from collections import Counter
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from inzet.compliance import selectors, services
from inzet.compliance.tool_forms import (
    AllowanceForm,
    BottleneckFilterForm,
    BottleneckForm,
    FreeVogForm,
    allowance_default_year,
    rule_label,
    topic_label,
)
from inzet.core.forms import form_add_validation_error


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "compliance/index.html",
        {"can_view_bottlenecks": selectors.bottleneck_summary_visible_to(user=request.user)},
    )


@require_GET
def allowance(request: HttpRequest) -> HttpResponse:
    form = AllowanceForm.from_query(request.GET)
    result = None
    if form.is_bound and form.is_valid():
        try:
            result = services.allowance_check(**form.cleaned_data)
        except ValidationError as exc:
            form_add_validation_error(form, exc)
    year = form.cleaned_data.get("year") if form.is_bound else None
    year = year or allowance_default_year()
    rows = []
    if result is not None and result.pattern == services.PATTERN_ALLOWANCE:
        # The amounts the limits were compared with (per month includes costs on top).
        amounts = result.amounts
        rows = [
            {
                "key": key,
                "limit": limit,
                "amount": amounts[key],
                "exceeded": key in result.exceeded,
            }
            for key, limit in result.limits.items()
        ]
    return render(
        request,
        "compliance/allowance.html",
        {
            "form": form,
            "result": result,
            "rows": rows,
            "year": year,
            "limits": selectors.allowance_limits(year=year),
        },
    )


@require_http_methods(["GET", "POST"])
def free_vog(request: HttpRequest) -> HttpResponse:
    form = FreeVogForm(request.POST if request.method == "POST" else None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = services.free_vog_check(facts=form.facts())
    return render(request, "compliance/free_vog.html", {"form": form, "result": result})


@login_required
@require_http_methods(["GET", "POST"])
def bottleneck_report(request: HttpRequest) -> HttpResponse:
    form = BottleneckForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.bottleneck_report(reporter=request.user, **form.report_data())
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(
                request,
                _("Thank you for your report. NOV uses it to raise the problem where it matters."),
            )
            return redirect("compliance:index")
    return render(request, "compliance/bottleneck_form.html", {"form": form})


@login_required
@require_GET
def bottleneck_summary(request: HttpRequest) -> HttpResponse:
    form = BottleneckFilterForm(request.GET or None)
    summary = selectors.bottleneck_summary_get_for_viewer(user=request.user, **form.filters())
    return render(
        request,
        "compliance/bottleneck_summary.html",
        {"form": form, **_summary_labelled(summary)},
    )


def _summary_labelled(summary: dict[str, Any]) -> dict[str, Any]:
    """The summary with readable names instead of keys."""
    by_topic: Counter[str] = Counter()
    for row in summary["by_rule"]:
        by_topic[row["topic"]] += row["count"]
    return {
        "total": summary["total"],
        "by_topic": [(topic_label(topic), count) for topic, count in by_topic.most_common()],
        "by_rule": [
            (topic_label(row["topic"]), rule_label(row["rule_key"]), row["count"])
            for row in summary["by_rule"]
        ],
        "by_sector": [(row["sector__name"], row["count"]) for row in summary["by_sector"]],
        "by_province": [
            (row["municipality__province__name"], row["count"]) for row in summary["by_province"]
        ],
        "latest": [
            (report, topic_label(report.topic), rule_label(report.rule_key))
            for report in summary["latest"]
        ],
    }

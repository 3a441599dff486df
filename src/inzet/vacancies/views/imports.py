"""A volunteer centre imports vacancies from a CSV or Excel file. Centre staff only."""

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from inzet.organisations.selectors import sector_list
from inzet.vacancies.mediation_forms import VacancyImportForm
from inzet.vacancies.selectors.mediation import centre_get_for_mediation
from inzet.vacancies.services import imports as services
from inzet.volunteers.constants import VacancyForm


def _example_csv() -> HttpResponse:
    # With a byte order mark, so Excel opens the UTF-8 file with the right characters.
    response = HttpResponse("\ufeff" + services.EXAMPLE_CSV, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="voorbeeld-vacatures.csv"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def vacancy_import(request: HttpRequest, centre_id: UUID) -> HttpResponse:
    centre = centre_get_for_mediation(user=request.user, public_id=centre_id)
    if request.method == "GET" and request.GET.get("voorbeeld") == "csv":
        return _example_csv()
    form = VacancyImportForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    context = {
        "centre": centre,
        "form": form,
        "sectors": sector_list(),
        "forms": VacancyForm.choices,
        "columns": services.IMPORT_COLUMNS,
    }
    if request.method == "POST":
        if form.is_valid():
            try:
                report = services.vacancy_import(
                    centre=centre, actor=request.user, uploaded=form.cleaned_data["file"]
                )
            except services.ImportFileError as exc:
                form.add_error("file", exc)
            else:
                return render(
                    request,
                    "vacancies/import_report.html",
                    {**context, "report": report, "form": VacancyImportForm()},
                    status=200 if report.imported else 422,
                )
        return render(request, "vacancies/vacancy_import.html", context, status=422)
    return render(request, "vacancies/vacancy_import.html", context)

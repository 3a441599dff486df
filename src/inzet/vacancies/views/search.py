"""Volunteers' pages: search, a vacancy's page with the response form, their responses,
proposals, recommendations and saved searches."""

from uuid import UUID

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from inzet.core.forms import form_add_validation_error
from inzet.vacancies.search_forms import VacancySearchForm, params_querydict, search_params
from inzet.vacancies.selectors import volunteer as volunteer_selectors
from inzet.vacancies.selectors.responses import response_get_for_volunteer
from inzet.vacancies.selectors.search import MAX_PAGE, VacancySearchResult
from inzet.vacancies.selectors.search import vacancy_search as vacancy_search_selector
from inzet.vacancies.services import responses as response_services
from inzet.vacancies.services import saved_searches as saved_search_services
from inzet.volunteers.constants import DAY_PARTS, DAYS, slot_bit
from inzet.volunteers.selectors import volunteer_profile_get

PER_PAGE = 20


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, min(int(request.GET.get("pagina", "1")), MAX_PAGE))
    except ValueError:
        return 1


def _safe_next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


# --- Search


# The selector names VacancyQuery's fields; the form uses the URL's parameter names.
QUERY_FIELD_TO_PARAM = {
    "text": "q",
    "postcode": "postcode",
    "radius_km": "afstand",
    "sectors": "sector",
    "forms": "vorm",
    "municipality": "gemeente",
    "hours_max": "uren",
    "suitable": "geschikt",
    "sort": "sorteer",
}


def _search_error_on_form_fields(error: ValidationError) -> ValidationError:
    if not hasattr(error, "error_dict"):
        return error
    return ValidationError(
        {
            QUERY_FIELD_TO_PARAM.get(name, "__all__"): errors
            for name, errors in error.error_dict.items()
        }
    )


@require_GET
def vacancy_search(request: HttpRequest) -> HttpResponse:
    profile = volunteer_profile_get(user=request.user)
    form = VacancySearchForm(request.GET, can_sort_by_match=profile is not None)
    result: VacancySearchResult | None = None
    page = None
    if form.is_valid():
        number = _page_number(request)
        try:
            result = vacancy_search_selector(
                query=form.to_query(page=number, per_page=PER_PAGE), viewer=request.user
            )
            page = Paginator(range(result.count), PER_PAGE).get_page(number)
            if result.count and page.number != number:  # past the last page
                result = vacancy_search_selector(
                    query=form.to_query(page=page.number, per_page=PER_PAGE),
                    viewer=request.user,
                )
        except ValidationError as exc:
            form_add_validation_error(form, _search_error_on_form_fields(exc))
            result, page = None, None
    params = search_params(request.GET) if form.is_valid() else {}
    return render(
        request,
        "vacancies/vacancy_search.html",
        {
            "form": form,
            "result": result,
            "page": page,
            "has_profile": profile is not None,
            "search_pairs": [
                (key, value)
                for key, values in params.items()
                for value in (values if isinstance(values, list) else [values])
            ],
            "save_name": form.describe() if form.is_valid() else "",
            "filters_open": any(
                key in request.GET
                for key in (
                    "sector",
                    "vorm",
                    "uren",
                    "dag",
                    "dagdeel",
                    "online",
                    "geschikt",
                    "gemeente",
                )
            ),
        },
    )


# --- A vacancy's page and responding


class ResponseForm(forms.Form):
    message = forms.CharField(
        label=gettext_lazy("Your message to the organisation"),
        required=False,
        max_length=response_services.MAX_MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy(
            "Say in a few words why you want to help and when you have time. You may leave "
            "it empty."
        ),
        error_messages={"max_length": gettext_lazy("Keep your message under 2000 characters.")},
    )


def _detail_page(request: HttpRequest, vacancy, form: ResponseForm | None = None) -> HttpResponse:
    response = volunteer_selectors.response_active_for(vacancy=vacancy, user=request.user)
    return render(
        request,
        "vacancies/vacancy_detail.html",
        {
            "vacancy": vacancy,
            "is_open": response_services.vacancy_is_open(vacancy=vacancy),
            "own_response": response,
            "fit": volunteer_selectors.vacancy_fit_for(vacancy=vacancy, user=request.user),
            "form": form or ResponseForm(),
            "respond_url": reverse("vacancies:response-create", args=[vacancy.public_id]),
            "respond_label": _("I want to help"),
            "schedule": _schedule_labels(vacancy.schedule),
            "suitable": [
                str(vacancy._meta.get_field(name).verbose_name).capitalize()
                for name in SUITABLE_FIELDS
                if getattr(vacancy, name)
            ],
            "skills": list(vacancy.skills.all()),
        },
    )


SUITABLE_FIELDS = (
    "suitable_youth",
    "suitable_newcomers",
    "suitable_distance_labour_market",
    "suitable_55_plus",
    "wheelchair_accessible",
)


def _schedule_labels(mask: int) -> list[str]:
    return [
        f"{day_label} {part_label}"
        for day, day_label in DAYS
        for part, part_label in DAY_PARTS
        if mask & slot_bit(day, part)
    ]


@require_GET
def vacancy_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    vacancy = volunteer_selectors.vacancy_get_public(user=request.user, public_id=public_id)
    return _detail_page(request, vacancy)


@login_required
@require_http_methods(["GET", "POST"])
def response_create(request: HttpRequest, public_id: UUID) -> HttpResponse:
    vacancy = volunteer_selectors.vacancy_get_public(user=request.user, public_id=public_id)
    if request.method == "GET":  # e.g. back from logging in: the form is on the vacancy page
        return redirect(vacancy.get_absolute_url() + "#reageren")
    form = ResponseForm(request.POST)
    if form.is_valid():
        try:
            response_services.response_create(
                vacancy=vacancy, volunteer=request.user, message=form.cleaned_data["message"]
            )
        except ValidationError as exc:
            if not hasattr(exc, "error_dict"):
                messages.error(request, exc.messages[0])
                return redirect(vacancy)
            form_add_validation_error(form, exc)
        else:
            messages.success(
                request,
                _("Thank you for your response. %(organisation)s will contact you.")
                % {"organisation": vacancy.organisation.name},
            )
            return redirect(vacancy)
    return _detail_page(request, vacancy, form=form)


@login_required
@require_POST
def response_withdraw(request: HttpRequest, public_id: UUID) -> HttpResponse:
    response = response_get_for_volunteer(user=request.user, public_id=public_id)
    try:
        response_services.response_withdraw(response=response, volunteer=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("Your response has been withdrawn."))
    return redirect(_safe_next(request, reverse("vacancies:my-responses")))


# --- The volunteer's own lists


@login_required
@require_GET
def my_responses(request: HttpRequest) -> HttpResponse:
    page = Paginator(
        volunteer_selectors.response_list_for_volunteer(user=request.user), PER_PAGE
    ).get_page(request.GET.get("pagina"))
    return render(request, "vacancies/my_responses.html", {"page": page})


@login_required
@require_GET
def my_proposals(request: HttpRequest) -> HttpResponse:
    lines = volunteer_selectors.proposal_list_for_volunteer(user=request.user)
    return render(request, "vacancies/my_proposals.html", {"lines": lines})


def for_you_hits(*, user, limit: int) -> list:
    """Recommendations for a volunteer with a profile; [] otherwise."""
    from inzet.vacancies.selectors.matching import vacancy_recommendations

    if volunteer_profile_get(user=user) is None:
        return []
    return list(vacancy_recommendations(user=user, limit=limit))


@login_required
@require_GET
def recommendations(request: HttpRequest) -> HttpResponse:
    profile = volunteer_profile_get(user=request.user)
    hits = for_you_hits(user=request.user, limit=20) if profile else []
    return render(
        request,
        "vacancies/recommendations.html",
        {"hits": hits, "has_profile": profile is not None},
    )


# --- Saved searches


@login_required
@require_GET
def saved_search_list(request: HttpRequest) -> HttpResponse:
    searches = [
        (s, saved_search_services.saved_search_url(saved_search=s))
        for s in volunteer_selectors.saved_search_list(user=request.user)
    ]
    return render(request, "vacancies/saved_search_list.html", {"searches": searches})


@login_required
@require_POST
def saved_search_create(request: HttpRequest) -> HttpResponse:
    params = search_params(request.POST)
    try:
        saved_search_services.saved_search_create(
            user=request.user, name=request.POST.get("name", ""), params=params
        )
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
        query = params_querydict(params).urlencode()
        return redirect(reverse("vacancies:vacancy-search") + (f"?{query}" if query else ""))
    messages.success(
        request, _("Your search is saved. We e-mail you once a day when there is new work.")
    )
    return redirect("vacancies:saved-search-list")


@login_required
@require_POST
def saved_search_delete(request: HttpRequest, saved_search_id: int) -> HttpResponse:
    saved_search = volunteer_selectors.saved_search_get_for_owner(
        user=request.user, saved_search_id=saved_search_id
    )
    saved_search_services.saved_search_delete(saved_search=saved_search)
    messages.success(request, _("The saved search has been deleted."))
    return redirect("vacancies:saved-search-list")


@require_http_methods(["GET", "POST"])
def saved_search_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    saved_search = volunteer_selectors.saved_search_get_by_token(token=token)
    done = False
    if request.method == "POST":
        saved_search_services.saved_search_unsubscribe(saved_search=saved_search)
        done = True
    return render(
        request,
        "vacancies/saved_search_unsubscribe.html",
        {"saved_search": saved_search, "done": done},
    )

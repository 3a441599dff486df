"""The vacaturebank as an open API: search and one vacancy, public data only.

This is also the feed other platforms can syndicate. A bad parameter is a 422 with
``{"detail": [messages]}``; a vacancy that is not (or no longer) published is a 404.
"""

from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import Http404

from ninja import Field, Query, Router, Schema, Status

from inzet.vacancies.models import Vacancy
from inzet.vacancies.selectors.search import (
    VacancyQuery,
    vacancy_get_published,
    vacancy_search,
)
from inzet.volunteers.constants import DAY_PARTS, DAYS

router = Router(tags=["vacancies"])

PER_PAGE = 20


class VacancySearchParams(Schema):
    q: str = Field("", max_length=200, description="Search words (Dutch; stemmed).")
    postcode: str = Field("", max_length=10, description="Measure distance from here: 3511 AB.")
    radius_km: int | None = Field(None, description="Only within this many km (1–250).")
    sector: list[str] = Field(
        default_factory=list, description="Field of work slugs, e.g. natuur-milieu (repeatable)."
    )
    form: list[str] = Field(
        default_factory=list,
        description="Kinds of work: regular, flexible, one_off, on_call, task, online.",
    )
    municipality: str = Field("", max_length=6, description="CBS code, e.g. GM0344.")
    online: bool | None = Field(None, description="true: only online; false: only on location.")
    sort: str = Field("relevance", description="relevance, distance or newest.")
    page: int = Field(1, description="Page number, 20 results a page.")


class VacancyOut(Schema):
    id: UUID
    title: str
    organisation: str
    place: str
    municipality: str | None
    postcode: str | None
    distance_km: float | None
    form: str
    sector: str
    sector_name: str
    is_online: bool
    hours_per_week: Decimal | None
    published_at: datetime | None
    expires_on: date | None
    url: str


class VacancyPage(Schema):
    count: int
    page: int
    pages: int
    results: list[VacancyOut]


class VacancyDetailOut(VacancyOut):
    description: str
    tasks: str
    schedule: list[str] = Field(description="Day parts, e.g. sat-morning; empty: by agreement.")
    starts_on: date | None
    ends_on: date | None
    min_age: int
    vog_required: bool
    dutch_level_needed: int
    suitable_for: list[str]
    training_offered: bool
    expense_allowance: str
    skills: list[str]
    contact_name: str


class ParameterError(Schema):
    loc: list[str] = Field(examples=[["query", "radius_km"]])
    msg: str


class Invalid(Schema):
    detail: list[ParameterError]


class NotFound(Schema):
    detail: str


# VacancyQuery's field → the query parameter people typed
PARAMETERS = {"text": "q", "sectors": "sector", "forms": "form"}


def _invalid(exc: ValidationError) -> Status[dict]:
    """422 in the shape django-ninja uses for its own checks (loc + msg)."""
    errors = exc.error_dict if hasattr(exc, "error_dict") else {NON_FIELD_ERRORS: exc.error_list}
    return Status(
        422,
        {
            "detail": [
                {"loc": ["query", PARAMETERS.get(name, name)], "msg": message}
                for name, field_errors in errors.items()
                for error in field_errors
                for message in error.messages
            ]
        },
    )


def _summary(vacancy: Vacancy, distance_km: float | None = None) -> dict:
    area = vacancy.postcode_area
    return {
        "id": vacancy.public_id,
        "title": vacancy.title,
        "organisation": vacancy.organisation.name,
        "place": "Online" if vacancy.is_online or area is None else area.place,
        "municipality": vacancy.municipality.name if vacancy.municipality else None,
        "postcode": area.pc4 if area else None,
        "distance_km": distance_km,
        "form": vacancy.form,
        "sector": vacancy.sector.slug,
        "sector_name": vacancy.sector.name,
        "is_online": vacancy.is_online,
        "hours_per_week": vacancy.hours_per_week,
        "published_at": vacancy.published_at,
        "expires_on": vacancy.expires_on,
        "url": settings.SITE_URL.rstrip("/") + vacancy.get_absolute_url(),
    }


def _schedule(mask: int) -> list[str]:
    return [
        f"{day}-{part}"
        for d, (day, _day_label) in enumerate(DAYS)
        for p, (part, _part_label) in enumerate(DAY_PARTS)
        if mask & (1 << (d * 3 + p))
    ]


SUITABLE_FIELDS = {
    "youth": "suitable_youth",
    "newcomers": "suitable_newcomers",
    "distance_labour_market": "suitable_distance_labour_market",
    "55_plus": "suitable_55_plus",
    "wheelchair": "wheelchair_accessible",
}


@router.get(
    "",
    response={200: VacancyPage, 422: Invalid},
    summary="Search volunteer work",
)
def vacancy_list(request, params: Query[VacancySearchParams]):
    """Published vacancies, newest first or by relevance for ``q``; with ``postcode`` each
    result has its distance, and ``radius_km`` keeps only those nearby (plus online work)."""
    query = VacancyQuery(
        text=params.q,
        postcode=params.postcode,
        radius_km=params.radius_km,
        sectors=tuple(params.sector),
        forms=tuple(params.form),
        municipality=params.municipality,
        online=params.online,
        sort=params.sort if params.sort != "match" else "relevance",
        page=params.page,
        per_page=PER_PAGE,
    )
    try:
        # viewer=None: public data only, no match with anyone's profile
        result = vacancy_search(query=query, viewer=None)
    except ValidationError as exc:
        return _invalid(exc)
    return {
        "count": result.count,
        "page": result.page,
        "pages": result.pages,
        "results": [_summary(hit.vacancy, hit.distance_km) for hit in result.hits],
    }


@router.get(
    "/{vacancy_id}",
    response={200: VacancyDetailOut, 404: NotFound},
    summary="One vacancy",
)
def vacancy_detail(request, vacancy_id: UUID):
    """A published vacancy with everything a volunteer needs to decide (no personal data
    of volunteers; the contact person's name is the organisation's public contact)."""
    try:
        vacancy = vacancy_get_published(public_id=vacancy_id)
    except Vacancy.DoesNotExist:
        raise Http404 from None
    return {
        **_summary(vacancy),
        "description": vacancy.description,
        "tasks": vacancy.tasks,
        "schedule": _schedule(vacancy.schedule),
        "starts_on": vacancy.starts_on,
        "ends_on": vacancy.ends_on,
        "min_age": vacancy.min_age,
        "vog_required": vacancy.vog_required,
        "dutch_level_needed": vacancy.dutch_level_needed,
        "suitable_for": [key for key, name in SUITABLE_FIELDS.items() if getattr(vacancy, name)],
        "training_offered": vacancy.training_offered,
        "expense_allowance": vacancy.expense_allowance,
        "skills": [skill.name for skill in vacancy.skills.all()],
        "contact_name": vacancy.contact_name,
    }

"""Vacancy search: ONE selector for both databases (see core/search.py for the seam).

How a search runs (docs/matching.md has the details):

1. ``vacancy_published()``: published and not expired.
2. Filters in SQL; Dutch full-text search through ``inzet.core.search.text_search``.
3. Distance: a bounding box around the postcode's PC4 point in SQL (uses the
   status/latitude/longitude index), then the exact great-circle (haversine) distance as an
   SQL expression for the radius and for sorting; online vacancies have no distance.
4. One ``count()`` and one page of rows; the match with the viewer's profile is computed in
   Python for the page only (for ``sort=match``: for the best few hundred candidates).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connections
from django.db.models import Count, F, FloatField, Q, QuerySet, Value, Window
from django.db.models.functions import ASin, Cos, Power, Radians, Sin, Sqrt
from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.core.search import search_terms, text_search
from inzet.geo.models import Municipality
from inzet.geo.postcodes import EARTH_RADIUS_KM, haversine_km
from inzet.geo.selectors import postcode_area_get
from inzet.organisations.models import Sector
from inzet.vacancies.constants import VacancyStatus
from inzet.vacancies.models import Vacancy
from inzet.volunteers.constants import VacancyForm

RADIUS_MIN_KM = 1
RADIUS_MAX_KM = 250
PER_PAGE_MAX = 100
MAX_PAGE = 1000
TEXT_MAX_LENGTH = 200
# sort=match scores this many SQL-preselected candidates in Python.
MATCH_CANDIDATES = 300
SORTS = ("relevance", "distance", "newest", "match")
KM_PER_DEGREE = math.pi * EARTH_RADIUS_KM / 180

# "suitable for" flags → a filter on the vacancy
SUITABLE_FILTERS: dict[str, Q] = {
    "youth": Q(suitable_youth=True),
    "newcomers": Q(suitable_newcomers=True),
    "distance_labour_market": Q(suitable_distance_labour_market=True),
    "55_plus": Q(suitable_55_plus=True),
    "wheelchair": Q(wheelchair_accessible=True),
    "no_vog": Q(vog_required=False),
}


@dataclass(frozen=True)
class VacancyQuery:
    text: str = ""
    postcode: str = ""  # distance is measured from here (PC4 centre)
    radius_km: int | None = None
    sectors: tuple[str, ...] = ()  # sector slugs
    forms: tuple[str, ...] = ()
    municipality: str = ""  # CBS code GM0344
    hours_max: float | None = None
    slots: int = 0  # week-grid bit mask: only vacancies on one of these day parts
    online: bool | None = None
    suitable: tuple[str, ...] = ()  # "youth", "newcomers", "distance_labour_market", "55_plus",
    #                                  "wheelchair", "no_vog"
    sort: str = "relevance"  # relevance | distance | newest | match
    page: int = 1
    per_page: int = 20


@dataclass
class VacancyHit:
    vacancy: Vacancy
    distance_km: float | None = None
    match_score: int | None = None  # 0–100, only for a logged-in volunteer with a profile
    match_reasons: list[str] = field(default_factory=list)
    match_excluded: bool = False  # a hard constraint of the profile rules it out


@dataclass
class VacancySearchResult:
    count: int
    hits: list[VacancyHit]
    suggestions: list[str] = field(default_factory=list)  # what to widen when empty
    page: int = 1
    per_page: int = 20
    sort: str = "relevance"  # the sort actually used ("match" falls back without a profile)

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.count / self.per_page))


def vacancy_published() -> QuerySet[Vacancy]:
    """Published and not expired: what anyone may see."""
    today = timezone.localdate()
    return Vacancy.objects.filter(status=VacancyStatus.PUBLISHED).filter(
        Q(expires_on__isnull=True) | Q(expires_on__gte=today)
    )


def vacancy_get_published(*, public_id: Any) -> Vacancy:
    """One published vacancy for anyone to see, or ``Vacancy.DoesNotExist``."""
    return (
        vacancy_published()
        .select_related("organisation", "sector", "municipality", "postcode_area")
        .prefetch_related("skills")
        .get(public_id=public_id)
    )


# --- distance


def haversine_expression(latitude: float, longitude: float) -> Any:
    """Great-circle distance in km from a point to each row's latitude/longitude, in SQL."""
    lat0, lon0 = math.radians(latitude), math.radians(longitude)
    d_lat = Radians(F("latitude")) - Value(lat0)
    d_lon = Radians(F("longitude")) - Value(lon0)
    a = Power(Sin(d_lat / Value(2.0)), 2) + Value(math.cos(lat0)) * Cos(
        Radians(F("latitude"))
    ) * Power(Sin(d_lon / Value(2.0)), 2)
    return Value(2 * EARTH_RADIUS_KM) * ASin(Sqrt(a))


def bounding_box_q(latitude: float, longitude: float, radius_km: float) -> Q:
    """Rows whose point lies in the box around the circle (cheap, uses the geo index)."""
    d_lat = radius_km / KM_PER_DEGREE
    # The box's edge furthest from the equator has the shortest degrees of longitude.
    cos_edge = max(math.cos(math.radians(min(89.0, abs(latitude) + d_lat))), 0.01)
    d_lon = radius_km / (KM_PER_DEGREE * cos_edge)
    return Q(
        latitude__gte=latitude - d_lat,
        latitude__lte=latitude + d_lat,
        longitude__gte=longitude - d_lon,
        longitude__lte=longitude + d_lon,
    )


def origin_annotate(
    qs: QuerySet[Vacancy],
    *,
    latitude: float | None,
    longitude: float | None,
    radius_km: float | None = None,
    include_online: bool = True,
) -> QuerySet[Vacancy]:
    """Annotate ``distance_km`` from a point (NULL for online vacancies) and, with a radius,
    keep only the vacancies within it (plus online ones when ``include_online``)."""
    if latitude is None or longitude is None:
        return qs.annotate(distance_km=Value(None, output_field=FloatField()))
    qs = qs.annotate(distance_km=haversine_expression(latitude, longitude))
    if radius_km is None:
        return qs
    within = _within_q(latitude, longitude, radius_km)
    return qs.filter(within | Q(is_online=True) if include_online else within)


def _within_q(latitude: float, longitude: float, radius_km: float) -> Q:
    """Not online and within the radius (needs the ``distance_km`` annotation)."""
    return bounding_box_q(latitude, longitude, radius_km) & Q(
        is_online=False, distance_km__lte=radius_km
    )


def origin_parts(
    qs: QuerySet[Vacancy], *, latitude: float, longitude: float, radius_km: float
) -> tuple[QuerySet[Vacancy], QuerySet[Vacancy]]:
    """``origin_annotate(..., include_online=True)`` as two disjoint querysets: the vacancies
    within the radius, and the online ones. A ``UNION ALL`` of them holds the same rows as
    the ``OR``, but PostgreSQL can then read each part from its own covering index
    (index-only scans; see migration 0004) instead of visiting the table for every row of
    the bounding box."""
    qs = qs.annotate(distance_km=haversine_expression(latitude, longitude))
    return qs.filter(_within_q(latitude, longitude, radius_km)), qs.filter(is_online=True)


def union_wanted(qs: QuerySet[Vacancy]) -> bool:
    """Whether to rank "within the radius OR online" as a UNION ALL of ``origin_parts``:
    on PostgreSQL (covering indexes); SQLite keeps the OR (multi-index OR, FTS5 join)."""
    return connections[qs.db].vendor == "postgresql"


# --- validation


def _invalid(field_name: str, message: str, code: str) -> ValidationError:
    return ValidationError({field_name: ValidationError(message, code=code)})


def _query_check(query: VacancyQuery) -> None:
    """Raise a ValidationError (per field of VacancyQuery) for a query we cannot run."""
    if len(query.text) > TEXT_MAX_LENGTH:
        raise _invalid(
            "text",
            _("Use at most %(max)s characters in your search words.") % {"max": TEXT_MAX_LENGTH},
            "text_too_long",
        )
    if query.radius_km is not None:
        if not RADIUS_MIN_KM <= query.radius_km <= RADIUS_MAX_KM:
            raise _invalid(
                "radius_km",
                _("Choose a distance from %(min)s to %(max)s km.")
                % {"min": RADIUS_MIN_KM, "max": RADIUS_MAX_KM},
                "radius_range",
            )
        if not query.postcode:
            raise _invalid(
                "postcode",
                _("Enter a postcode to search within %(km)s km.") % {"km": query.radius_km},
                "postcode_needed",
            )
    if query.sort not in SORTS:
        raise _invalid(
            "sort",
            _("Sort by relevance, distance, newest or match."),
            "sort_unknown",
        )
    if query.sort == "distance" and not query.postcode:
        raise _invalid("postcode", _("Enter a postcode to sort by distance."), "postcode_needed")
    if not 1 <= query.page <= MAX_PAGE:
        raise _invalid(
            "page", _("Choose a page from 1 to %(max)s.") % {"max": MAX_PAGE}, "page_range"
        )
    if not 1 <= query.per_page <= PER_PAGE_MAX:
        raise _invalid(
            "per_page",
            _("Show from 1 to %(max)s results per page.") % {"max": PER_PAGE_MAX},
            "per_page_range",
        )
    if query.hours_max is not None and not 0 < query.hours_max <= 168:
        raise _invalid(
            "hours_max", _("Enter a number of hours per week from 1 to 168."), "hours_range"
        )
    unknown_forms = set(query.forms) - set(VacancyForm.values)
    if unknown_forms:
        raise _invalid(
            "forms",
            _("We do not know the kind of work %(form)s. Choose from: %(choices)s.")
            % {"form": sorted(unknown_forms)[0], "choices": ", ".join(VacancyForm.values)},
            "form_unknown",
        )
    unknown_suitable = set(query.suitable) - set(SUITABLE_FILTERS)
    if unknown_suitable:
        raise _invalid(
            "suitable",
            _("We do not know the filter %(flag)s. Choose from: %(choices)s.")
            % {"flag": sorted(unknown_suitable)[0], "choices": ", ".join(SUITABLE_FILTERS)},
            "suitable_unknown",
        )
    if query.sectors:
        known = set(Sector.objects.filter(slug__in=query.sectors).values_list("slug", flat=True))
        if unknown := sorted(set(query.sectors) - known):
            raise _invalid(
                "sectors",
                _("We do not know the field of work %(sector)s.") % {"sector": unknown[0]},
                "sector_unknown",
            )
    if query.municipality and not Municipality.objects.filter(pk=query.municipality).exists():
        raise _invalid(
            "municipality",
            _("We do not know municipality %(code)s. Use a CBS code like GM0344.")
            % {"code": query.municipality[:10]},
            "municipality_unknown",
        )


# --- the search


def vacancies_load(ids: list[int]) -> list[Vacancy]:
    """Vacancies by id, in that order, with what a result shows (3 queries)."""
    by_id = (
        Vacancy.objects.select_related("organisation", "sector", "municipality", "postcode_area")
        .prefetch_related("skills")
        .in_bulk(ids)
    )
    return [by_id[pk] for pk in ids if pk in by_id]


def _filtered(query: VacancyQuery) -> QuerySet[Vacancy]:
    qs = vacancy_published()
    if query.sectors:
        qs = qs.filter(sector__slug__in=query.sectors)
    if query.forms:
        qs = qs.filter(form__in=query.forms)
    if query.municipality:
        qs = qs.filter(municipality_id=query.municipality)
    if query.hours_max is not None:
        qs = qs.filter(Q(hours_per_week__lte=query.hours_max) | Q(hours_per_week__isnull=True))
    if query.slots:
        # Schedule 0 means "by agreement", which fits any day part.
        qs = qs.annotate(slot_overlap=F("schedule").bitand(query.slots)).filter(
            Q(slot_overlap__gt=0) | Q(schedule=0)
        )
    if query.online is not None:
        qs = qs.filter(is_online=query.online)
    for flag in query.suitable:
        qs = qs.filter(SUITABLE_FILTERS[flag])
    return qs


def _suggestions(query: VacancyQuery) -> list[str]:
    suggestions = []
    terms = search_terms(query.text)
    if len(terms.include) > 1:
        suggestions.append(
            _("Use fewer search words, for example only “%(word)s”.") % {"word": terms.include[0]}
        )
    elif terms:
        suggestions.append(_("Check the spelling, or try another or a broader word."))
    if query.radius_km is not None and query.radius_km < RADIUS_MAX_KM:
        wider = min(RADIUS_MAX_KM, max(query.radius_km * 2, 10))
        suggestions.append(_("Search further away, for example within %(km)s km.") % {"km": wider})
    filters = [
        (query.sectors, _("field of work")),
        (query.forms, _("kind of work")),
        (query.municipality, _("municipality")),
        (query.hours_max is not None, _("hours per week")),
        (query.slots, _("day and part of the day")),
        (query.online is not None, _("online or on location")),
        (query.suitable, _("suitable for")),
    ]
    active = [str(label) for value, label in filters if value]
    if active:
        suggestions.append(_("Remove a filter: %(filters)s.") % {"filters": ", ".join(active)})
    if not suggestions:
        suggestions.append(_("There is no volunteer work published yet. Try again later."))
    return suggestions


def vacancy_search(*, query: VacancyQuery, viewer: User | None = None) -> VacancySearchResult:
    """Published vacancies for ``query``, one page, with distance and (for a volunteer with a
    profile) the match score and its reasons. Bad input raises a ValidationError per field."""
    from .matching import match_profile_for, match_proxy_annotate, match_rank, match_score

    _query_check(query)
    try:
        origin = postcode_area_get(postcode=query.postcode) if query.postcode else None
    except ValidationError as exc:
        raise ValidationError({"postcode": exc}) from None
    profile = match_profile_for(viewer)
    sort = query.sort
    if sort == "match" and profile is None:
        sort = "relevance"

    qs = text_search(_filtered(query), query.text)
    base = qs
    if origin is not None:
        qs = origin_annotate(
            qs,
            latitude=origin.latitude,
            longitude=origin.longitude,
            radius_km=query.radius_km,
            include_online=query.online is not False,
        )
    has_text = bool(search_terms(query.text))
    newest = ("-published_at", "-id")
    if sort == "distance" or (sort == "relevance" and not has_text and origin is not None):
        ordering: tuple[Any, ...] = (F("distance_km").asc(nulls_last=True), *newest)
    elif sort == "relevance" and has_text:
        ordering = ("-text_rank", *newest)
    else:
        ordering = newest

    start = (query.page - 1) * query.per_page
    if sort == "match" and profile is not None and start < MATCH_CANDIDATES:
        if (
            origin is not None
            and query.radius_km is not None
            and query.online is not False
            and union_wanted(base)
        ):
            candidates: Any = tuple(
                match_proxy_annotate(part, profile)
                for part in origin_parts(
                    base,
                    latitude=origin.latitude,
                    longitude=origin.longitude,
                    radius_km=query.radius_km,
                )
            )
        else:
            candidates = match_proxy_annotate(qs, profile)
        ranked, count = match_rank(
            candidates, profile, ordering=("-match_proxy", *ordering), limit=MATCH_CANDIDATES
        )
        page_ids = [candidate.pk for candidate in ranked[start : start + query.per_page]]
    elif connections[qs.db].vendor == "postgresql":
        # The total comes with the page (COUNT(*) OVER ()): one pass over the candidates.
        rows = list(
            qs.annotate(total_count=Window(Count("id")))
            .order_by(*ordering)
            .values_list("id", "total_count")[start : start + query.per_page]
        )
        page_ids = [pk for pk, _total in rows]
        count = rows[0][1] if rows else (qs.count() if start else 0)
    else:  # SQLite cannot use bm25() inside a window query
        count = qs.count()
        page_ids = list(
            qs.order_by(*ordering).values_list("id", flat=True)[start : start + query.per_page]
        )

    # Distances and matches for this page only.
    point = (origin.latitude, origin.longitude) if origin is not None else None
    if point is None and profile is not None and profile.latitude is not None:
        point = (profile.latitude, profile.longitude)
    hits = []
    for vacancy in vacancies_load(page_ids):
        distance = None
        if point is not None and not vacancy.is_online and vacancy.latitude is not None:
            distance = round(haversine_km(*point, vacancy.latitude, vacancy.longitude), 1)
        hit = VacancyHit(vacancy=vacancy, distance_km=distance)
        if profile is not None:
            match = match_score(
                profile=profile, vacancy=vacancy, distance_km=profile.distance_to(vacancy)
            )
            hit.match_score = match.score
            hit.match_reasons = match.reasons
            hit.match_excluded = match.excluded
        hits.append(hit)

    return VacancySearchResult(
        count=count,
        hits=hits,
        suggestions=_suggestions(query) if count == 0 else [],
        page=query.page,
        per_page=query.per_page,
        sort=sort,
    )

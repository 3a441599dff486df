"""Vacancy search: ONE selector for both databases (see core/search.py for the seam).

Owned by the search/matching work; the signature below is what views and the API use.
"""

from dataclasses import dataclass, field

from django.db.models import QuerySet

from inzet.accounts.models import User

from ..models import Vacancy


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


@dataclass
class VacancySearchResult:
    count: int
    hits: list[VacancyHit]
    suggestions: list[str] = field(default_factory=list)  # what to widen when empty


def vacancy_published() -> QuerySet[Vacancy]:
    """Published and not expired: what anyone may see."""
    raise NotImplementedError("Being written by the search helper.")


def vacancy_search(*, query: VacancyQuery, viewer: User | None = None) -> VacancySearchResult:
    raise NotImplementedError("Being written by the search helper.")

"""How well a vacancy fits a volunteer: the formula of docs/matching.md.

Hard constraints (minimum age, VOG, level of Dutch, travel distance) exclude a vacancy; soft
ones (distance, interests, availability, skills, kind of work) add up to a score of 0–100.
Every component gives its reason in plain language for the volunteer.

``match_compute`` is pure (plain data in, ``Match`` out), so it is property-tested;
``match_score`` adapts model instances; ``vacancy_recommendations`` is the "Voor jou" list.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from django.db import connections
from django.db.models import (
    Case,
    Count,
    F,
    FloatField,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce
from django.utils import formats, timezone
from django.utils.translation import gettext, pgettext

from inzet.accounts.models import User
from inzet.geo.postcodes import haversine_km
from inzet.vacancies.models import Response, Vacancy
from inzet.volunteers.constants import DAY_PARTS, DAYS, DutchLevel, VacancyForm, VogStatus
from inzet.volunteers.models import VolunteerProfile

if TYPE_CHECKING:
    from .search import VacancyHit

# Points per soft component; they add up to 100.
WEIGHT_DISTANCE = 30
WEIGHT_INTEREST = 25
WEIGHT_AVAILABILITY = 20
WEIGHT_SKILLS = 15
WEIGHT_FORM = 10
MAX_SCORE = WEIGHT_DISTANCE + WEIGHT_INTEREST + WEIGHT_AVAILABILITY + WEIGHT_SKILLS + WEIGHT_FORM
# Distance points halve every HALF_DISTANCE_KM (at least 2 km, else half the travel distance).
MIN_HALF_DISTANCE_KM = 2.0
# "Voor jou" scores this many SQL-preselected candidates in Python.
RECOMMENDATION_CANDIDATES = 200

EXCLUDED_MIN_AGE = "min_age"
EXCLUDED_VOG = "vog"
EXCLUDED_DUTCH = "dutch"
EXCLUDED_DISTANCE = "distance"


@dataclass(frozen=True)
class MatchProfile:
    """What matching needs from a volunteer profile (no database access)."""

    birth_year: int | None = None
    vog: str = VogStatus.NO
    dutch_level: int = DutchLevel.GOOD
    max_distance_km: int = 10
    availability: int = 0
    interest_ids: frozenset[int] = frozenset()
    skill_ids: frozenset[int] = frozenset()
    forms: frozenset[str] = frozenset()
    latitude: float | None = None
    longitude: float | None = None

    @classmethod
    def from_profile(cls, profile: VolunteerProfile) -> MatchProfile:
        area = profile.postcode_area
        return cls(
            birth_year=profile.birth_year,
            vog=profile.vog,
            dutch_level=profile.dutch_level,
            max_distance_km=profile.max_distance_km,
            availability=profile.availability,
            interest_ids=frozenset(i.pk for i in profile.interests.all()),
            skill_ids=frozenset(s.pk for s in profile.skills.all()),
            forms=frozenset(profile.forms or ()),
            latitude=area.latitude if area else None,
            longitude=area.longitude if area else None,
        )

    @cached_property
    def age(self) -> int | None:
        """Age this year, worked out once per profile: ranking checks it for hundreds of
        vacancies, and ``timezone.localdate()`` is not free."""
        return None if self.birth_year is None else _age_this_year(self.birth_year)

    def distance_to(self, vacancy: Vacancy) -> float | None:
        return self.distance_at(vacancy.latitude, vacancy.longitude, is_online=vacancy.is_online)

    def distance_at(
        self, latitude: float | None, longitude: float | None, *, is_online: bool = False
    ) -> float | None:
        if is_online or self.latitude is None or self.longitude is None:
            return None
        if latitude is None or longitude is None:
            return None
        return haversine_km(self.latitude, self.longitude, latitude, longitude)


@dataclass(frozen=True)
class MatchVacancy:
    """What matching needs from a vacancy (no database access)."""

    is_online: bool = False
    min_age: int = 0
    vog_required: bool = False
    dutch_level_needed: int = DutchLevel.NONE
    schedule: int = 0
    sector_id: int | None = None
    sector_name: str = ""
    skills: tuple[tuple[int, str], ...] = ()  # (id, name)
    form: str = VacancyForm.REGULAR

    @classmethod
    def from_vacancy(cls, vacancy: Vacancy) -> MatchVacancy:
        return cls(
            is_online=vacancy.is_online,
            min_age=vacancy.min_age,
            vog_required=vacancy.vog_required,
            dutch_level_needed=vacancy.dutch_level_needed,
            schedule=vacancy.schedule,
            sector_id=vacancy.sector_id,
            sector_name=str(vacancy.sector) if vacancy.sector_id else "",
            skills=tuple((s.pk, s.name) for s in vacancy.skills.all()),
            form=vacancy.form,
        )


@dataclass
class Match:
    score: int  # 0–100; 0 when excluded
    reasons: list[str] = field(default_factory=list)  # why it fits (or why not, when excluded)
    excluded_by: list[str] = field(default_factory=list)  # codes of violated hard constraints

    @property
    def excluded(self) -> bool:
        return bool(self.excluded_by)


def _km(distance_km: float) -> str:
    value = round(distance_km) if distance_km >= 10 else round(distance_km, 1)
    if value == int(value):
        return str(int(value))
    return formats.number_format(value, decimal_pos=1)


def slot_names(mask: int) -> list[str]:
    """The day parts in a week-grid bit mask, as words ("saturday morning")."""
    names = []
    for day_index, (_day, day_label) in enumerate(DAYS):
        for part_index, (_part, part_label) in enumerate(DAY_PARTS):
            if mask & (1 << (day_index * 3 + part_index)):
                # Translators: a day and part of the day, Dutch "%(day)s%(part)s" → zaterdagochtend
                names.append(
                    pgettext("day part", "%(day)s %(part)s")
                    % {"day": str(day_label).lower(), "part": str(part_label)}
                )
    return names


def distance_points(distance_km: float | None, *, max_distance_km: int) -> float:
    """Full points online or at 0 km, halving every half-travel-distance; never increasing."""
    if distance_km is None:
        return float(WEIGHT_DISTANCE)
    half = max(MIN_HALF_DISTANCE_KM, max_distance_km / 2)
    return WEIGHT_DISTANCE * math.pow(0.5, max(distance_km, 0.0) / half)


def _age_this_year(birth_year: int) -> int:
    return timezone.localdate().year - birth_year


def _hard_constraints(
    profile: MatchProfile, vacancy: MatchVacancy, distance_km: float | None, with_reasons: bool
) -> tuple[list[str], list[str]]:
    codes: list[str] = []
    reasons: list[str] = []
    if vacancy.min_age and profile.age is not None and profile.age < vacancy.min_age:
        codes.append(EXCLUDED_MIN_AGE)
        # Dutch: "Vanaf 18 jaar"
        if with_reasons:
            reasons.append(gettext("From %(age)s years old") % {"age": vacancy.min_age})
    if vacancy.vog_required and profile.vog == VogStatus.NO:
        codes.append(EXCLUDED_VOG)
        # Dutch: "Je hebt een VOG nodig"
        if with_reasons:
            reasons.append(gettext("You need a VOG for this"))
    if profile.dutch_level < vacancy.dutch_level_needed:
        codes.append(EXCLUDED_DUTCH)
        # Dutch: "Je hebt hier meer Nederlands nodig"
        if with_reasons:
            reasons.append(gettext("You need more Dutch for this"))
    if not vacancy.is_online and distance_km is not None and distance_km > profile.max_distance_km:
        codes.append(EXCLUDED_DISTANCE)
        # Dutch: "32 km van je, verder dan je wilt reizen"
        if with_reasons:
            reasons.append(
                gettext("%(km)s km from you, further than you want to travel")
                % {"km": _km(distance_km)}
            )
    return codes, reasons


def match_compute(
    *,
    profile: MatchProfile,
    vacancy: MatchVacancy,
    distance_km: float | None,
    with_reasons: bool = True,
) -> Match:
    """The match of one vacancy for one volunteer; ``distance_km`` None = unknown or online.

    ``with_reasons=False`` only scores (for ranking many candidates quickly)."""
    codes, exclusion_reasons = _hard_constraints(profile, vacancy, distance_km, with_reasons)
    if codes:
        return Match(score=0, reasons=exclusion_reasons, excluded_by=codes)

    points = 0.0
    reasons: list[str] = []

    points += distance_points(
        None if vacancy.is_online else distance_km, max_distance_km=profile.max_distance_km
    )
    if vacancy.is_online:
        # Dutch: "Online, vanuit huis"
        if with_reasons:
            reasons.append(gettext("Online, from home"))
    elif distance_km is not None and with_reasons:
        # Dutch: "4 km van je"
        reasons.append(gettext("%(km)s km from you") % {"km": _km(distance_km)})

    if vacancy.sector_id is not None and vacancy.sector_id in profile.interest_ids:
        points += WEIGHT_INTEREST
        # Dutch: "Past bij je interesse Natuur"
        if with_reasons:
            reasons.append(
                gettext("Matches your interest %(sector)s") % {"sector": vacancy.sector_name}
            )

    if vacancy.schedule == 0:
        points += WEIGHT_AVAILABILITY / 2
        # Dutch: "Tijden in overleg"
        if with_reasons:
            reasons.append(gettext("Times by agreement"))
    elif overlap := vacancy.schedule & profile.availability:
        share = overlap.bit_count() / vacancy.schedule.bit_count()
        points += WEIGHT_AVAILABILITY * share
        if with_reasons:
            names = slot_names(overlap)
            shown = ", ".join(names[:2]) + (" …" if len(names) > 2 else "")
            shown = shown[:1].upper() + shown[1:]
            # Dutch: "Zaterdagochtend, dan ben je beschikbaar"
            reasons.append(gettext("%(slots)s, when you are available") % {"slots": shown})

    if vacancy.skills:
        shared = [name for pk, name in vacancy.skills if pk in profile.skill_ids]
        if shared:
            points += WEIGHT_SKILLS * len(shared) / len(vacancy.skills)
            # Dutch: "Vraagt om je vaardigheid Koken"
            if with_reasons:
                reasons.append(
                    gettext("Asks for your skill %(skills)s") % {"skills": ", ".join(shared)}
                )

    if vacancy.form in profile.forms:
        points += WEIGHT_FORM
        # Dutch: "Het soort werk dat je zoekt: Eenmalig"
        if with_reasons:
            reasons.append(
                gettext("The kind of work you want: %(form)s")
                % {"form": str(VacancyForm(vacancy.form).label)}
            )

    score = max(0, min(MAX_SCORE, math.floor(points + 0.5)))
    return Match(score=score, reasons=reasons, excluded_by=[])


def match_score(
    *, profile: VolunteerProfile | MatchProfile, vacancy: Vacancy, distance_km: float | None
) -> Match:
    """The match of ``vacancy`` for ``profile`` (prefetch the vacancy's skills in lists)."""
    if isinstance(profile, VolunteerProfile):
        profile = MatchProfile.from_profile(profile)
    return match_compute(
        profile=profile, vacancy=MatchVacancy.from_vacancy(vacancy), distance_km=distance_km
    )


def match_profile_for(user: User | None) -> MatchProfile | None:
    """The matching view of ``user``'s volunteer profile, or None without one."""
    if user is None or not user.is_authenticated:
        return None
    profile = (
        VolunteerProfile.objects.select_related("postcode_area")
        .prefetch_related("interests", "skills")
        .filter(user=user)
        .first()
    )
    return MatchProfile.from_profile(profile) if profile else None


def hard_constraints_q(profile: MatchProfile) -> Q:
    """The hard constraints as a SQL filter (distance is applied separately)."""
    q = Q(dutch_level_needed__lte=profile.dutch_level)
    if profile.vog == VogStatus.NO:
        q &= Q(vog_required=False)
    if profile.birth_year is not None:
        q &= Q(min_age__lte=_age_this_year(profile.birth_year))
    return q


def match_proxy_annotate(qs: QuerySet[Vacancy], profile: MatchProfile) -> QuerySet[Vacancy]:
    """Annotate ``match_proxy``: a cheap SQL estimate of the score (interest, kind of work,
    availability, nearness; not skills) to preselect candidates for exact scoring."""
    from .search import haversine_expression

    proxy: Any = Value(0.0, output_field=FloatField())
    if profile.interest_ids:
        proxy = proxy + Case(
            When(sector_id__in=profile.interest_ids, then=Value(float(WEIGHT_INTEREST))),
            default=Value(0.0),
            output_field=FloatField(),
        )
    if profile.forms:
        proxy = proxy + Case(
            When(form__in=profile.forms, then=Value(float(WEIGHT_FORM))),
            default=Value(0.0),
            output_field=FloatField(),
        )
    if profile.availability:
        qs = qs.annotate(profile_slot_overlap=F("schedule").bitand(profile.availability))
        proxy = proxy + Case(
            When(schedule=0, then=Value(WEIGHT_AVAILABILITY / 2)),
            When(profile_slot_overlap__gt=0, then=Value(float(WEIGHT_AVAILABILITY))),
            default=Value(0.0),
            output_field=FloatField(),
        )
    if profile.latitude is not None and profile.longitude is not None:
        per_km = WEIGHT_DISTANCE / max(profile.max_distance_km, 1)
        proxy = (
            proxy
            + Value(float(WEIGHT_DISTANCE))
            - Coalesce(
                haversine_expression(profile.latitude, profile.longitude),
                Value(0.0),
                output_field=FloatField(),
            )
            * Value(per_km)
        )
    return qs.annotate(match_proxy=proxy)


@dataclass(frozen=True)
class RankedCandidate:
    pk: int
    score: int
    excluded: bool
    distance_km: float | None


_CANDIDATE_FIELDS = (
    "id",
    "is_online",
    "min_age",
    "vog_required",
    "dutch_level_needed",
    "schedule",
    "sector_id",
    "form",
    "latitude",
    "longitude",
)


def match_rank(
    candidates: QuerySet[Vacancy] | tuple[QuerySet[Vacancy], ...],
    profile: MatchProfile,
    *,
    ordering: tuple[str, ...],
    limit: int,
    count: bool = True,
) -> tuple[list[RankedCandidate], int | None]:
    """Score the first ``limit`` rows of ``candidates`` in ``ordering`` without building
    model instances or reasons; best first, excluded ones last. Also the number of rows
    (None when ``count`` is False).

    ``candidates`` is one queryset, or disjoint parts (see ``search.origin_parts``) that
    are ranked as one ``UNION ALL``: the same rows in the same order (``ordering`` must end
    in a unique field), each part from its own index."""
    fields = list(_CANDIDATE_FIELDS)
    fields += [name.lstrip("-") for name in ordering if name.lstrip("-") not in fields]
    postgresql = (
        connections[(candidates[0] if isinstance(candidates, tuple) else candidates).db].vendor
        == "postgresql"
    )
    # PostgreSQL counts in the same pass (COUNT(*) OVER ()); SQLite cannot use bm25() inside
    # a window query, so it counts in a second query when needed.
    counter: Any = (
        Window(Count("id")) if count and postgresql else Value(None, output_field=IntegerField())
    )
    if isinstance(candidates, tuple):
        # Each part counts itself: a window over the whole UNION would sort every row, not
        # only the top ``limit``. ``part`` says which count a row carries.
        first, *others = (
            part.order_by()
            .annotate(part=Value(number), part_count=counter)
            .values_list(*fields, "part", "part_count")
            for number, part in enumerate(candidates)
        )
        rows = list(first.union(*others, all=True).order_by(*ordering)[:limit])
        counts = {row[-2]: row[-1] for row in rows}
        total = None
        if count:
            total = 0
            for number, part in enumerate(candidates):
                if counts.get(number) is not None:
                    total += counts[number]
                elif len(rows) == limit:  # no row of this part in the top: count it apart
                    total += part.order_by().count()
    else:
        qs = candidates.order_by(*ordering)
        rows = list(qs.annotate(total_count=counter).values_list(*fields, "total_count")[:limit])
        counted = rows[0][-1] if rows else 0
        total = None if not count else counted if counted is not None else qs.count()
    skills: dict[int, list[tuple[int, str]]] = defaultdict(list)
    through = Vacancy.skills.through
    for vacancy_id, skill_id in through.objects.filter(
        vacancy_id__in=[row[0] for row in rows]
    ).values_list("vacancy_id", "skill_id"):
        skills[vacancy_id].append((skill_id, ""))
    ranked = []
    for row in rows:
        pk, is_online, min_age, vog, dutch, schedule, sector_id, form, lat, lon = row[:10]
        distance = profile.distance_at(lat, lon, is_online=is_online)
        match = match_compute(
            profile=profile,
            vacancy=MatchVacancy(
                is_online=is_online,
                min_age=min_age,
                vog_required=vog,
                dutch_level_needed=dutch,
                schedule=schedule,
                sector_id=sector_id,
                skills=tuple(skills[pk]),
                form=form,
            ),
            distance_km=distance,
            with_reasons=False,
        )
        ranked.append(RankedCandidate(pk, match.score, match.excluded, distance))
    ranked.sort(key=lambda c: (c.excluded, -c.score, c.distance_km or 0.0))
    return ranked, total


def vacancy_recommendations(*, user: User, limit: int = 10) -> list[VacancyHit]:
    """ "Voor jou": the best matches within the volunteer's travel distance.

    Leaves out vacancies the volunteer already responded to. SQL applies the hard constraints
    and the travel distance, and preselects ``RECOMMENDATION_CANDIDATES`` by a cheap proxy of
    the score; Python scores those exactly, then loads and explains the best ``limit``.
    """
    from .search import (
        VacancyHit,
        origin_annotate,
        origin_parts,
        union_wanted,
        vacancies_load,
        vacancy_published,
    )

    profile = match_profile_for(user)
    if profile is None:
        return []
    qs = (
        vacancy_published()
        .filter(hard_constraints_q(profile))
        .exclude(pk__in=Response.objects.filter(volunteer=user).values("vacancy_id"))
    )
    candidates: Any
    if profile.latitude is not None and profile.longitude is not None and union_wanted(qs):
        candidates = tuple(
            match_proxy_annotate(part, profile)
            for part in origin_parts(
                qs,
                latitude=profile.latitude,
                longitude=profile.longitude,
                radius_km=profile.max_distance_km,
            )
        )
    else:
        candidates = match_proxy_annotate(
            origin_annotate(
                qs,
                latitude=profile.latitude,
                longitude=profile.longitude,
                radius_km=profile.max_distance_km,
                include_online=True,
            ),
            profile,
        )
    ranked, _total = match_rank(
        candidates,
        profile,
        ordering=("-match_proxy", "-published_at", "-id"),
        limit=RECOMMENDATION_CANDIDATES,
        count=False,
    )
    best = [candidate for candidate in ranked if not candidate.excluded][:limit]
    hits = []
    for vacancy, candidate in zip(vacancies_load([c.pk for c in best]), best, strict=True):
        match = match_score(profile=profile, vacancy=vacancy, distance_km=candidate.distance_km)
        hits.append(
            VacancyHit(
                vacancy=vacancy,
                distance_km=round(candidate.distance_km, 1)
                if candidate.distance_km is not None
                else None,
                match_score=match.score,
                match_reasons=match.reasons,
            )
        )
    return hits

"""The match score (docs/matching.md): properties with hypothesis, then examples."""

from django.utils import timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inzet.geo.models import PostcodeArea
from inzet.organisations.models import Sector
from inzet.vacancies.selectors.matching import (
    EXCLUDED_DISTANCE,
    EXCLUDED_DUTCH,
    EXCLUDED_MIN_AGE,
    EXCLUDED_VOG,
    MatchProfile,
    MatchVacancy,
    match_compute,
    match_score,
    vacancy_recommendations,
)
from inzet.vacancies.tests.factories import ResponseFactory, VacancyFactory
from inzet.volunteers.constants import ALL_SLOTS, DutchLevel, VacancyForm, VogStatus, slot_bit
from inzet.volunteers.tests.factories import SkillFactory, VolunteerProfileFactory

THIS_YEAR = timezone.localdate().year

profiles = st.builds(
    MatchProfile,
    birth_year=st.one_of(st.none(), st.integers(THIS_YEAR - 100, THIS_YEAR - 10)),
    vog=st.sampled_from(VogStatus.values),
    dutch_level=st.sampled_from(DutchLevel.values),
    max_distance_km=st.integers(1, 250),
    availability=st.integers(0, ALL_SLOTS),
    interest_ids=st.frozensets(st.integers(1, 20), max_size=5),
    skill_ids=st.frozensets(st.integers(1, 20), max_size=5),
    forms=st.frozensets(st.sampled_from(VacancyForm.values)),
)
vacancies = st.builds(
    MatchVacancy,
    is_online=st.booleans(),
    min_age=st.integers(0, 70),
    vog_required=st.booleans(),
    dutch_level_needed=st.sampled_from(DutchLevel.values),
    schedule=st.integers(0, ALL_SLOTS),
    sector_id=st.integers(1, 20),
    sector_name=st.just("Natuur en milieu"),
    skills=st.lists(st.integers(1, 20), unique=True, max_size=4).map(
        lambda ids: tuple((i, f"Vaardigheid {i}") for i in ids)
    ),
    form=st.sampled_from(VacancyForm.values),
)
distances = st.one_of(st.none(), st.floats(0, 400, allow_nan=False))
# No example database in the working tree; failures print their example to reproduce.
PROPERTIES = settings(database=None, deadline=None)


# --- properties


@PROPERTIES
@given(profile=profiles, vacancy=vacancies, distance=distances)
def test_score_is_bounded(profile, vacancy, distance):
    match = match_compute(profile=profile, vacancy=vacancy, distance_km=distance)

    assert 0 <= match.score <= 100
    assert (match.score == 0) or not match.excluded


@PROPERTIES
@given(
    profile=profiles,
    vacancy=vacancies,
    near=st.floats(0, 400, allow_nan=False),
    further=st.floats(0, 400, allow_nan=False),
)
def test_score_never_rises_with_distance(profile, vacancy, near, further):
    near, further = sorted((near, further))

    score_near = match_compute(profile=profile, vacancy=vacancy, distance_km=near).score
    score_further = match_compute(profile=profile, vacancy=vacancy, distance_km=further).score

    assert score_near >= score_further


def _violate(constraint, profile, vacancy, distance):
    """Change profile/vacancy/distance so exactly this hard constraint is violated."""
    if constraint == EXCLUDED_MIN_AGE:
        return (
            MatchProfile(**{**profile.__dict__, "birth_year": THIS_YEAR - 15}),
            MatchVacancy(**{**vacancy.__dict__, "min_age": 18}),
            distance,
        )
    if constraint == EXCLUDED_VOG:
        return (
            MatchProfile(**{**profile.__dict__, "vog": VogStatus.NO}),
            MatchVacancy(**{**vacancy.__dict__, "vog_required": True}),
            distance,
        )
    if constraint == EXCLUDED_DUTCH:
        return (
            MatchProfile(**{**profile.__dict__, "dutch_level": DutchLevel.NONE}),
            MatchVacancy(**{**vacancy.__dict__, "dutch_level_needed": DutchLevel.GOOD}),
            distance,
        )
    return (
        profile,
        MatchVacancy(**{**vacancy.__dict__, "is_online": False}),
        profile.max_distance_km + 0.5 + (distance or 0),
    )


@settings(PROPERTIES, max_examples=200)
@given(
    profile=profiles,
    vacancy=vacancies,
    distance=distances,
    constraint=st.sampled_from([EXCLUDED_MIN_AGE, EXCLUDED_VOG, EXCLUDED_DUTCH, EXCLUDED_DISTANCE]),
)
def test_a_violated_hard_constraint_always_excludes(profile, vacancy, distance, constraint):
    profile, vacancy, distance = _violate(constraint, profile, vacancy, distance)

    match = match_compute(profile=profile, vacancy=vacancy, distance_km=distance)

    assert constraint in match.excluded_by
    assert match.score == 0
    assert match.reasons  # says why


@PROPERTIES
@given(profile=profiles, vacancy=vacancies, distance=distances)
def test_without_a_violated_constraint_nothing_is_excluded(profile, vacancy, distance):
    vacancy = MatchVacancy(
        **{
            **vacancy.__dict__,
            "min_age": 0,
            "vog_required": False,
            "dutch_level_needed": DutchLevel.NONE,
        }
    )
    if distance is not None:
        distance = min(distance, float(profile.max_distance_km))

    assert not match_compute(profile=profile, vacancy=vacancy, distance_km=distance).excluded


# --- examples


def test_a_perfect_fit_scores_100_with_a_reason_per_component():
    saturday_morning = slot_bit("sat", "morning")
    profile = MatchProfile(
        availability=saturday_morning,
        interest_ids=frozenset({7}),
        skill_ids=frozenset({3}),
        forms=frozenset({VacancyForm.REGULAR}),
    )
    vacancy = MatchVacancy(
        schedule=saturday_morning,
        sector_id=7,
        sector_name="Natuur en milieu",
        skills=((3, "Tuinieren"),),
        form=VacancyForm.REGULAR,
    )

    match = match_compute(profile=profile, vacancy=vacancy, distance_km=0.0)

    assert match.score == 100
    assert len(match.reasons) == 5
    assert match.reasons[0].startswith("0 km")
    assert any("Natuur en milieu" in r for r in match.reasons)
    assert any("Tuinieren" in r for r in match.reasons)


def test_distance_reason_rounds_like_people_speak():
    profile = MatchProfile(max_distance_km=50)

    near = match_compute(profile=profile, vacancy=MatchVacancy(), distance_km=4.04)
    far = match_compute(profile=profile, vacancy=MatchVacancy(), distance_km=23.6)

    assert near.reasons[0].startswith("4 km")
    assert far.reasons[0].startswith("24 km")


def test_online_work_has_no_distance_and_full_distance_points():
    match = match_compute(
        profile=MatchProfile(max_distance_km=1),
        vacancy=MatchVacancy(is_online=True),
        distance_km=None,
    )

    assert not match.excluded
    assert match.score == 30 + 10  # distance + "times by agreement"


def test_willing_to_get_a_vog_is_enough():
    match = match_compute(
        profile=MatchProfile(vog=VogStatus.WILLING),
        vacancy=MatchVacancy(vog_required=True),
        distance_km=1.0,
    )

    assert not match.excluded


@pytest.mark.django_db
def test_match_score_reads_profile_and_vacancy_from_the_database():
    nature = Sector.objects.get(slug="natuur-milieu")
    skill = SkillFactory(name="Tuinieren")
    profile = VolunteerProfileFactory(interests=[nature], skills=[skill])
    vacancy = VacancyFactory(published=True, sector=nature, skills=[skill])

    match = match_score(profile=profile, vacancy=vacancy, distance_km=2.0)

    assert match.score > 50
    assert any("Tuinieren" in r for r in match.reasons)


# --- "Voor jou"


def _published(pc4="3511", **kwargs):
    return VacancyFactory(published=True, postcode_area=PostcodeArea.objects.get(pc4=pc4), **kwargs)


@pytest.mark.django_db
def test_recommendations_are_best_first_within_travel_distance():
    nature = Sector.objects.get(slug="natuur-milieu")
    profile = VolunteerProfileFactory(interests=[nature], max_distance_km=10)
    good = _published("3512", title="Natuur dichtbij", sector=nature)
    fair = _published("3431", title="Zorg in Nieuwegein")
    _published("1012", title="Natuur in Amsterdam", sector=nature)  # ~35 km: too far
    online = VacancyFactory(published=True, online=True, title="Online")

    hits = vacancy_recommendations(user=profile.user)

    assert [h.vacancy for h in hits][:1] == [good]
    assert {h.vacancy for h in hits} == {good, fair, online}
    assert hits[0].match_reasons and hits[0].match_score >= hits[-1].match_score


@pytest.mark.django_db
def test_recommendations_leave_out_responded_and_excluded_work():
    profile = VolunteerProfileFactory(vog=VogStatus.NO, birth_year=THIS_YEAR - 16)
    responded = _published(title="Al gereageerd")
    ResponseFactory(vacancy=responded, volunteer=profile.user)
    _published(title="VOG nodig", vog_required=True)
    _published(title="Vanaf 18", min_age=18)
    fitting = _published(title="Past")

    hits = vacancy_recommendations(user=profile.user)

    assert [h.vacancy for h in hits] == [fitting]


@pytest.mark.django_db
def test_recommendations_respect_the_limit_and_need_a_profile():
    profile = VolunteerProfileFactory()
    for _ in range(4):
        _published()

    assert len(vacancy_recommendations(user=profile.user, limit=3)) == 3
    assert vacancy_recommendations(user=ResponseFactory().volunteer) == []

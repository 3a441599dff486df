"""Vacancy search: ONE behavioural suite for both databases.

Runs on SQLite by default and on PostgreSQL with DATABASE_URL set; the assertions are the
same, so both find the same relevant vacancies (Dutch stemming, several words, distance).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

import pytest

from inzet.core.search import dutch_stem, fts5_match, search_terms
from inzet.geo.models import PostcodeArea
from inzet.organisations.models import Sector
from inzet.vacancies.constants import VacancyStatus
from inzet.vacancies.selectors.search import (
    VacancyQuery,
    vacancy_published,
    vacancy_search,
)
from inzet.vacancies.tests.factories import VacancyFactory
from inzet.volunteers.constants import VacancyForm, slot_bit
from inzet.volunteers.tests.factories import VolunteerProfileFactory

pytestmark = pytest.mark.django_db


def area(pc4: str) -> PostcodeArea:
    return PostcodeArea.objects.select_related("municipality").get(pc4=pc4)


def published(pc4: str = "3511", **kwargs):
    return VacancyFactory(published=True, postcode_area=area(pc4), **kwargs)


def titles(result) -> list[str]:
    return [hit.vacancy.title for hit in result.hits]


def search(**kwargs):
    return vacancy_search(query=VacancyQuery(**kwargs))


# --- what is published


def test_only_published_and_unexpired_vacancies_are_visible():
    today = timezone.localdate()
    visible = published(title="Gastvrouw", expires_on=today)
    published(title="Verlopen", expires_on=today - datetime.timedelta(days=1))
    VacancyFactory(title="Concept")
    VacancyFactory(title="Gepauzeerd", status=VacancyStatus.PAUSED)

    result = list(vacancy_published())

    assert result == [visible]


def test_an_expired_vacancy_disappears_from_search_by_itself():
    vacancy = published(title="Voorlezen", expires_on=timezone.localdate())

    assert search(text="voorlezen").count == 1

    vacancy.expires_on = timezone.localdate() - datetime.timedelta(days=1)
    vacancy.save(update_fields=["expires_on"])
    assert search(text="voorlezen").count == 0


# --- Dutch full text (same results on PostgreSQL and SQLite)


def test_plural_finds_singular():
    published(title="Vrijwilliger voor de voedselbank", description="Pakketten inpakken.")
    published(title="Tuinman gezocht", description="Onderhoud van de moestuin.")

    result = search(text="vrijwilligers")

    assert titles(result) == ["Vrijwilliger voor de voedselbank"]


def test_singular_finds_plural():
    published(title="Chauffeur", description="Wij zoeken vrijwilligers die willen rijden.")

    result = search(text="vrijwilliger")

    assert titles(result) == ["Chauffeur"]


def test_several_words_must_all_match():
    published(title="Voorlezen in de bibliotheek", description="Voor kinderen.")
    published(title="Voorlezen op school", description="In groep 3.")
    published(title="Bibliotheek opruimen", description="Boeken sorteren.")

    result = search(text="voorlezen bibliotheek")

    assert titles(result) == ["Voorlezen in de bibliotheek"]


def test_accents_and_capitals_do_not_matter():
    published(title="Café-medewerker", description="Koffie schenken in het buurtcafé.")

    assert titles(search(text="CAFE medewerker")) == ["Café-medewerker"]


def test_title_match_ranks_above_a_description_match():
    published(title="Hulp bij het ontbijt", description="Samen met een wandelclub ontbijten.")
    published(title="Wandelbegeleider", description="Je loopt mee met bewoners.")

    result = search(text="wandelbegeleider wandelclub")  # no vacancy has both
    assert result.count == 0

    result = search(text="wandelbegeleider")
    assert titles(result) == ["Wandelbegeleider"]

    published(title="Begeleider", description="Wandelbegeleider voor een groep.")
    result = search(text="wandelbegeleider", sort="relevance")
    assert titles(result) == ["Wandelbegeleider", "Begeleider"]


def test_a_word_with_a_minus_is_left_out():
    published(title="Voorlezen op school", description="Groep 3.")
    published(title="Voorlezen in de bibliotheek", description="Zaterdag.")

    assert titles(search(text="voorlezen -bibliotheek")) == ["Voorlezen op school"]


def test_no_match_is_empty_with_suggestions():
    published(title="Tuinman gezocht")

    result = search(text="astronaut maanlanding", radius_km=10, postcode="3511", sectors=("sport",))

    assert result.count == 0
    assert result.hits == []
    assert len(result.suggestions) >= 3  # fewer words, further away, remove a filter
    assert any("20 km" in s for s in result.suggestions)


def test_stop_words_only_do_not_filter():
    published(title="Tuinman gezocht")

    assert search(text="de het een").count == 1


def test_the_index_follows_changes_and_deletions():
    vacancy = published(title="Tuinman gezocht")

    vacancy.title = "Klusjesman gezocht"
    vacancy.save(update_fields=["title"])

    assert search(text="tuinman").count == 0
    assert titles(search(text="klusjesman")) == ["Klusjesman gezocht"]

    vacancy.delete()
    assert search(text="klusjesman").count == 0


# --- distance


def test_radius_keeps_nearby_and_online_vacancies_with_their_distance():
    published("3512", title="Dichtbij")  # Utrecht centre, < 1 km
    published("3431", title="Nieuwegein")  # about 7 km
    published("1012", title="Amsterdam")  # about 35 km
    VacancyFactory(published=True, online=True, title="Online")

    result = search(postcode="3511 AB", radius_km=10, sort="distance")

    assert titles(result) == ["Dichtbij", "Nieuwegein", "Online"]
    distances = [hit.distance_km for hit in result.hits]
    assert distances[0] < 1
    assert 5 < distances[1] < 9
    assert distances[2] is None


def test_radius_is_exact_not_the_bounding_box():
    # Amersfoort is ~20 km from Utrecht: inside the 20 km box's corner, not in the circle
    published("3811", title="Amersfoort")

    assert search(postcode="3511", radius_km=19).count == 0
    assert search(postcode="3511", radius_km=25).count == 1


def test_online_filter_leaves_out_online_or_on_location_work():
    published("3511", title="Op locatie")
    VacancyFactory(published=True, online=True, title="Online")

    assert titles(search(postcode="3511", radius_km=5, online=False)) == ["Op locatie"]
    assert titles(search(online=True)) == ["Online"]


def test_distance_is_shown_without_a_radius_and_sorts_nearest_first():
    published("9711", title="Groningen")
    published("3431", title="Nieuwegein")

    result = search(postcode="3511", sort="distance")

    assert titles(result) == ["Nieuwegein", "Groningen"]
    assert result.hits[1].distance_km > 100


@pytest.mark.parametrize("radius", [0, 251, -5])
def test_radius_out_of_range_is_refused(radius):
    with pytest.raises(ValidationError) as exc:
        search(postcode="3511", radius_km=radius)

    assert "radius_km" in exc.value.message_dict


@pytest.mark.parametrize(
    ("postcode", "code"), [("1000", "postcode_unknown"), ("35XX", "postcode_format")]
)
def test_unknown_or_malformed_postcode_is_refused(postcode, code):
    with pytest.raises(ValidationError) as exc:
        search(postcode=postcode, radius_km=10)

    assert [e.code for e in exc.value.error_dict["postcode"]] == [code]
    assert "postcode" in " ".join(exc.value.messages).lower()


def test_sort_by_distance_needs_a_postcode():
    with pytest.raises(ValidationError) as exc:
        search(sort="distance")

    assert "postcode" in exc.value.message_dict


# --- filters


def test_filters_on_sector_form_municipality_and_hours():
    nature = Sector.objects.get(slug="natuur-milieu")
    published("3511", title="Natuur", sector=nature, form=VacancyForm.ONE_OFF, hours_per_week=2)
    published("3511", title="Zorg", hours_per_week=8)
    published("1012", title="Amsterdam natuur", sector=nature, form=VacancyForm.ONE_OFF)

    assert titles(search(sectors=("natuur-milieu",), municipality="GM0344")) == ["Natuur"]
    assert set(titles(search(forms=(VacancyForm.ONE_OFF,)))) == {"Natuur", "Amsterdam natuur"}
    assert "Zorg" not in titles(search(hours_max=4))


def test_day_parts_match_the_schedule_or_by_agreement():
    saturday = slot_bit("sat", "morning")
    published(title="Zaterdag", schedule=saturday)
    published(title="Maandag", schedule=slot_bit("mon", "evening"))
    published(title="In overleg", schedule=0)

    result = search(slots=saturday | slot_bit("sun", "morning"))

    assert set(titles(result)) == {"Zaterdag", "In overleg"}


def test_suitable_flags_including_no_vog():
    published(title="Jongeren zonder VOG", suitable_youth=True)
    published(title="Jongeren met VOG", suitable_youth=True, vog_required=True)
    published(title="Anders")

    assert titles(search(suitable=("youth", "no_vog"))) == ["Jongeren zonder VOG"]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"sectors": ("bestaat-niet",)}, "sectors"),
        ({"forms": ("weekly",)}, "forms"),
        ({"municipality": "GM9999"}, "municipality"),
        ({"suitable": ("kids",)}, "suitable"),
        ({"sort": "popular"}, "sort"),
        ({"page": 0}, "page"),
        ({"hours_max": -1}, "hours_max"),
        ({"radius_km": 10}, "postcode"),
    ],
)
def test_bad_parameters_raise_a_validation_error_on_the_field(kwargs, field):
    with pytest.raises(ValidationError) as exc:
        search(**kwargs)

    assert field in exc.value.message_dict


# --- sorting and pages


def test_newest_first_and_pages():
    now = timezone.now()
    for day in range(5):
        published(title=f"Dag {day}", published_at=now - datetime.timedelta(days=day))

    first = search(sort="newest", per_page=2)
    last = search(sort="newest", per_page=2, page=3)

    assert first.count == 5
    assert titles(first) == ["Dag 0", "Dag 1"]
    assert titles(last) == ["Dag 4"]
    assert first.pages == 3


def test_a_page_beyond_the_end_is_empty_not_an_error():
    published(title="Enige")

    result = search(page=4)

    assert result.count == 1
    assert result.hits == []


def test_a_volunteer_sees_match_scores_and_sort_by_match_puts_the_best_fit_first():
    nature = Sector.objects.get(slug="natuur-milieu")
    profile = VolunteerProfileFactory(interests=[nature], availability=slot_bit("sat", "morning"))
    published("3511", title="Past niet")
    published("3511", title="Past goed", sector=nature, schedule=slot_bit("sat", "morning"))

    result = vacancy_search(query=VacancyQuery(sort="match"), viewer=profile.user)

    assert titles(result) == ["Past goed", "Past niet"]
    best = result.hits[0]
    assert best.match_score > result.hits[1].match_score
    assert any("Natuur en milieu" in reason for reason in best.match_reasons)
    assert best.distance_km is not None  # from the volunteer's own postcode


def test_sort_by_match_with_words_counts_all_results():
    profile = VolunteerProfileFactory()
    for _ in range(3):
        published(title="Tuinman gezocht")
    published(title="Kok gezocht")

    result = vacancy_search(
        query=VacancyQuery(text="tuinman", sort="match", per_page=2), viewer=profile.user
    )

    assert result.count == 3
    assert len(result.hits) == 2


def test_sort_by_match_within_a_radius_keeps_online_work_and_counts_both():
    # PostgreSQL ranks "nearby" and "online" as two parts (UNION ALL); SQLite in one query.
    nature = Sector.objects.get(slug="natuur-milieu")
    profile = VolunteerProfileFactory(interests=[nature], availability=slot_bit("sat", "morning"))
    saturday = slot_bit("sat", "morning")
    published("3511", title="Dichtbij en passend", sector=nature, schedule=saturday)
    published("3511", title="Dichtbij")
    VacancyFactory(published=True, online=True, title="Online en passend", sector=nature)
    published("9711", title="Groningen")  # about 160 km away

    result = vacancy_search(
        query=VacancyQuery(postcode="3511", radius_km=10, sort="match", per_page=2),
        viewer=profile.user,
    )

    assert result.count == 3
    assert titles(result)[0] == "Dichtbij en passend"
    assert "Groningen" not in titles(result)
    everything = vacancy_search(
        query=VacancyQuery(postcode="3511", radius_km=10, sort="match"), viewer=profile.user
    )
    assert set(titles(everything)) == {"Dichtbij en passend", "Dichtbij", "Online en passend"}
    assert [h.distance_km is None for h in everything.hits if h.vacancy.is_online] == [True]


def test_sort_by_match_without_a_profile_falls_back_to_relevance():
    published(title="Tuinman")

    result = search(sort="match")

    assert result.sort == "relevance"
    assert result.hits[0].match_score is None


# --- the seam itself


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("vrijwilligers", "vrijwilliger"),
        ("vrijwilliger", "vrijwilliger"),
        ("kinderen", "kinder"),
        ("huisje", "huis"),
        ("mogelijkheden", "mogelijkhe"),
        ("mogelijkheid", "mogelijkhe"),
        ("bakken", "bak"),
        ("café", "cafe"),
        ("tuin", "tuin"),
    ],
)
def test_dutch_stem_is_a_prefix_of_the_forms_of_a_word(word, stem):
    assert dutch_stem(word) == stem


def test_search_terms_drop_stop_words_and_quote_terms_safely():
    terms = search_terms('de "vrijwilligers" in het -park OR x')

    assert terms.include == ("vrijwilligers", "or", "x")
    assert terms.exclude == ("park",)
    assert fts5_match(terms) == '"vrijwilliger"* AND "or" AND "x" NOT "park"*'


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 triggers")
def test_sqlite_sync_triggers_exist_after_all_migrations():
    from inzet.core.search import sqlite_triggers_missing

    assert not sqlite_triggers_missing()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's GIN index")
def test_postgresql_search_uses_the_gin_index():
    published(title="Tuinman")
    qs = search_queryset_for("tuinman")

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = qs.explain()

    assert "vacancy_search_dutch" in plan, plan


def search_queryset_for(text: str):
    from inzet.core.search import text_search
    from inzet.vacancies.models import Vacancy

    return text_search(Vacancy.objects.all(), text)

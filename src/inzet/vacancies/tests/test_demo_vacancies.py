"""The demo vacancies and volunteers (vacancies/demo.py), through core.demo.demo_seed."""

import datetime

from django.contrib.auth import authenticate
from django.db.models import Count
from django.test import RequestFactory
from django.utils import timezone

import pytest

from inzet.accounts.models import User
from inzet.core.demo import BOARD, ORGANISATIONS, VOLUNTEER, demo_seed
from inzet.vacancies import demo
from inzet.vacancies.constants import ResponseStatus, VacancyStatus
from inzet.vacancies.models import Response, Vacancy
from inzet.volunteers.models import VolunteerProfile

pytestmark = pytest.mark.django_db

DEMO_MUNICIPALITIES = {"GM0344", "GM0193", "GM0014"}


def counts() -> dict[str, int]:
    return {
        "vacancies": Vacancy.objects.count(),
        "users": User.objects.count(),
        "profiles": VolunteerProfile.objects.count(),
        "responses": Response.objects.count(),
        "vacancy_skills": Vacancy.skills.through.objects.count(),
        "interests": VolunteerProfile.interests.through.objects.count(),
    }


@pytest.fixture
def small_demo(monkeypatch):
    """The demo with 90 vacancies and 40 volunteers instead of 1,500 and 3,000."""
    monkeypatch.setattr(demo, "DEMO_VACANCIES", 90)
    monkeypatch.setattr(demo, "DEMO_VOLUNTEERS", 40)


def test_full_demo_seed_creates_1500_vacancies_and_3000_volunteers_once():
    # Given an empty database with geodata; when the demo is seeded twice
    demo_seed()
    first = counts()
    demo_seed()

    # Then the second run created nothing
    assert counts() == first
    # and there are ~1,500 published vacancies, spread over the demo municipalities
    published = Vacancy.objects.filter(status=VacancyStatus.PUBLISHED)
    assert 1500 <= published.count() <= 1510
    per_municipality = dict(
        published.exclude(municipality=None).values_list("municipality_id").annotate(n=Count("id"))
    )
    assert set(per_municipality) == DEMO_MUNICIPALITIES
    assert min(per_municipality.values()) > 200
    assert published.filter(is_online=True, postcode_area=None).exists()
    # owned by (nearly) all 40 demo organisations
    assert published.values("organisation").distinct().count() >= 38
    # and ~3,000 demo volunteers with a profile
    assert User.objects.filter(email__regex=r"^vrijwilliger\d{4}@demo\.inzet\.nl$").count() == 3000
    assert VolunteerProfile.objects.count() >= 3001


def test_demo_vacancies_are_realistic_and_visible(small_demo):
    demo_seed()
    today = timezone.localdate()

    published = Vacancy.objects.filter(status=VacancyStatus.PUBLISHED)
    assert published.count() >= 90
    for vacancy in published:
        assert vacancy.expires_on > today
        assert timezone.now() - datetime.timedelta(days=61) < vacancy.published_at <= timezone.now()
        assert len(vacancy.title) > 5 and "Wat ga je doen?" in vacancy.description
        assert vacancy.tasks.startswith("- ")
        if vacancy.is_online:
            assert vacancy.latitude is None
        else:
            area = vacancy.postcode_area
            assert area.municipality_id in DEMO_MUNICIPALITIES
            assert (vacancy.latitude, vacancy.longitude) == (area.latitude, area.longitude)
            assert vacancy.municipality_id == area.municipality_id
    names = {o.name for o in ORGANISATIONS}
    assert set(published.values_list("organisation__name", flat=True)) <= names
    assert len(set(published.values_list("title", flat=True))) > 40
    assert Vacancy.skills.through.objects.exists()


def test_demo_volunteers_cannot_log_in_and_have_profiles(small_demo):
    demo_seed()

    volunteers = User.objects.filter(email__endswith="@demo.inzet.nl", email__regex=r"\d{4}@")
    assert volunteers.count() == 40
    request = RequestFactory().post("/account/inloggen/")
    for user in volunteers:
        assert not user.has_usable_password()
        assert authenticate(request, username=user.email, password="inzet-demo-2026") is None
        profile = user.volunteer_profile
        assert profile.postcode_area.municipality_id in DEMO_MUNICIPALITIES
        assert 14 <= timezone.localdate().year - profile.birth_year <= 85
        assert profile.forms
    profiles = VolunteerProfile.objects.filter(user__in=volunteers)
    assert profiles.filter(interests__isnull=False).distinct().count() == 40


def test_the_demo_volunteer_gets_a_full_profile_and_two_responses(small_demo):
    demo_seed()

    fatima = User.objects.get(email=VOLUNTEER)
    assert fatima.has_usable_password()  # still a demo login
    profile = fatima.volunteer_profile
    assert profile.postcode_area_id == "3523"
    assert profile.availability and profile.interests.exists() and profile.skills.exists()
    responses = Response.objects.filter(volunteer=fatima)
    assert responses.count() == 2
    assert set(responses.values_list("status", flat=True)) == {
        ResponseStatus.NEW,
        ResponseStatus.IN_CONVERSATION,
    }


def test_the_boards_organisation_has_vacancies_and_responses_in_every_state(small_demo):
    demo_seed()

    board = User.objects.get(email=BOARD)
    name = next(o.name for o in ORGANISATIONS if o.admin == BOARD)
    own = Vacancy.objects.filter(organisation__name=name, organisation__memberships__user=board)
    assert {
        VacancyStatus.PUBLISHED,
        VacancyStatus.DRAFT,
        VacancyStatus.SUBMITTED,
        VacancyStatus.PAUSED,
        VacancyStatus.CLOSED,
    } <= set(own.values_list("status", flat=True))
    assert own.get(status=VacancyStatus.DRAFT).published_at is None
    responses = Response.objects.filter(vacancy__organisation__name=name)
    assert set(responses.values_list("status", flat=True)) == set(ResponseStatus.values)
    assert not responses.filter(status=ResponseStatus.NEW, answered_at__isnull=False).exists()
    assert responses.filter(
        status=ResponseStatus.NEW, created_at__lt=timezone.now() - datetime.timedelta(days=7)
    ).exists()


def test_a_second_run_creates_nothing_and_a_larger_number_tops_up(small_demo, monkeypatch):
    demo_seed()
    first = counts()

    users = {u.email: u for u in User.objects.filter(email__in=[VOLUNTEER, BOARD])}
    assert demo.vacancies_demo_seed(users=users) == 0
    assert counts() == first

    monkeypatch.setattr(demo, "DEMO_VACANCIES", 100)
    assert demo.vacancies_demo_seed(users=users) == 10
    assert Vacancy.objects.count() == first["vacancies"] + 10


def test_the_texts_are_reproducible():
    import random

    from inzet.vacancies import texts

    role = texts.ROLES["onderwijs-taal"][0]
    a = texts.vacancy_text(
        role=role, sector="onderwijs-taal", organisation="Bieb", rng=random.Random(1)
    )
    b = texts.vacancy_text(
        role=role, sector="onderwijs-taal", organisation="Bieb", rng=random.Random(1)
    )
    assert a == b
    assert a.title.startswith("Voorlezen aan kinderen")
    assert set(texts.ROLES) == set(texts.OPENINGS) == set(texts.ORG_PATTERNS)

"""GET /api/v1/vacancies and /api/v1/vacancies/{id}: public data only, 422 on bad input."""

import uuid

from django.utils import timezone

import pytest

from inzet.geo.models import PostcodeArea
from inzet.vacancies.constants import VacancyStatus
from inzet.vacancies.tests.factories import ResponseFactory, VacancyFactory
from inzet.volunteers.tests.factories import VolunteerProfileFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/vacancies"


def published(pc4="3511", **kwargs):
    return VacancyFactory(published=True, postcode_area=PostcodeArea.objects.get(pc4=pc4), **kwargs)


def test_search_returns_count_and_public_results(client):
    vacancy = published(
        title="Vrijwilliger voor de voedselbank", contact_email="geheim@example.org"
    )
    published("1012", title="Gastheer in Amsterdam")

    response = client.get(URL, {"q": "vrijwilligers", "postcode": "3511 AB", "radius_km": 10})

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    (result,) = body["results"]
    assert result["id"] == str(vacancy.public_id)
    assert result["title"] == "Vrijwilliger voor de voedselbank"
    assert result["organisation"] == vacancy.organisation.name
    assert result["place"] == "Utrecht"
    assert result["municipality"] == "Utrecht"
    assert result["postcode"] == "3511"
    assert result["distance_km"] == 0.0
    assert result["form"] == "regular"
    assert result["sector"] == "zorg-welzijn"
    assert result["url"].endswith(vacancy.get_absolute_url())
    assert "geheim@example.org" not in response.content.decode()


def test_filters_sector_form_municipality_and_pages(client):
    published(title="Zorg Utrecht")
    published("1012", title="Zorg Amsterdam")

    response = client.get(
        URL, {"sector": "zorg-welzijn", "form": "regular", "municipality": "GM0363", "page": 1}
    )

    assert [r["title"] for r in response.json()["results"]] == ["Zorg Amsterdam"]


def test_drafts_and_expired_vacancies_are_not_in_the_feed(client):
    VacancyFactory(title="Concept")
    VacancyFactory(expired=True, title="Verlopen")

    assert client.get(URL).json() == {"count": 0, "page": 1, "pages": 1, "results": []}


@pytest.mark.parametrize(
    ("params", "parameter", "text"),
    [
        ({"postcode": "1000", "radius_km": 10}, "postcode", "1000"),
        ({"postcode": "abcd"}, "postcode", "3511"),
        ({"postcode": "3511", "radius_km": 500}, "radius_km", "250"),
        ({"radius_km": "veel"}, "radius_km", "integer"),
        ({"page": 0}, "page", "1"),
        ({"sector": "bestaat-niet"}, "sector", "bestaat-niet"),
        ({"form": "weekly"}, "form", "weekly"),
        ({"municipality": "GM9999"}, "municipality", "GM9999"),
        ({"sort": "distance"}, "postcode", "postcode"),
        ({"q": "x" * 201}, "q", "200"),
    ],
)
def test_a_bad_parameter_is_a_422_with_a_message(client, params, parameter, text):
    response = client.get(URL, params)

    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["loc"] == ["query", parameter]
    assert text in error["msg"]


def test_detail_of_a_published_vacancy(client):
    vacancy = published(
        title="Voorlezen",
        contact_name="Anna de Vries",
        contact_email="anna@example.org",
        suitable_youth=True,
        min_age=16,
    )
    ResponseFactory(vacancy=vacancy, message="Ik heet Piet en woon om de hoek")

    response = client.get(f"{URL}/{vacancy.public_id}")

    assert response.status_code == 200
    body = response.json()
    assert body["title"] == "Voorlezen"
    assert body["contact_name"] == "Anna de Vries"
    assert body["suitable_for"] == ["youth"]
    assert body["min_age"] == 16
    html = response.content.decode()
    assert "anna@example.org" not in html
    assert "Piet" not in html  # nothing about volunteers


@pytest.mark.parametrize(
    "make",
    [
        lambda: VacancyFactory(title="Concept"),
        lambda: VacancyFactory(published=True, status=VacancyStatus.CLOSED),
        lambda: VacancyFactory(expired=True),
    ],
)
def test_detail_of_an_unpublished_vacancy_is_404(client, make):
    vacancy = make()

    assert client.get(f"{URL}/{vacancy.public_id}").status_code == 404


def test_detail_of_an_unknown_or_malformed_id(client):
    assert client.get(f"{URL}/{uuid.uuid4()}").status_code == 404
    assert client.get(f"{URL}/123").status_code in (404, 422)


def test_the_api_shows_no_match_data_even_for_a_logged_in_volunteer(client):
    profile = VolunteerProfileFactory()
    published(title="Tuinman", published_at=timezone.now())
    client.force_login(profile.user)

    result = client.get(URL).json()["results"][0]

    assert "match_score" not in result


def test_the_openapi_document_describes_the_vacancy_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]

    assert "/api/v1/vacancies" in paths
    assert "/api/v1/vacancies/{vacancy_id}" in paths

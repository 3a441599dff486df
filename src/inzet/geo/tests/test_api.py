import pytest

pytestmark = pytest.mark.django_db


def test_postcode_endpoint_returns_place_and_municipality(client):
    response = client.get("/api/v1/postcodes/8011cw")

    assert response.status_code == 200
    body = response.json()
    assert body["pc4"] == "8011"
    assert body["municipality"] == {"code": "GM0193", "name": "Zwolle", "province": "Overijssel"}


def test_postcode_endpoint_answers_bad_input_with_422_and_a_message(client):
    response = client.get("/api/v1/postcodes/hallo")

    assert response.status_code == 422
    assert response.json()["detail"]


def test_openapi_document_is_published(client):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    assert "/api/v1/postcodes/{postcode}" in response.json()["paths"]

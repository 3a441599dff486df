import uuid
from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from inzet.geo.models import Municipality
from inzet.organisations.tests.factories import OrganisationFactory
from inzet.qualitymark.tests.factories import QualityMarkFactory

pytestmark = pytest.mark.django_db


def _register(client, **params):
    return client.get(reverse("qualitymark:register"), params)


def test_register_shows_only_current_holders(client):
    today = timezone.localdate()
    current = QualityMarkFactory(organisation__name="Stichting Huidig")
    QualityMarkFactory(
        organisation__name="Stichting Verlopen",
        granted_on=today - timedelta(days=4 * 365 + 10),
        valid_until=today - timedelta(days=1),
    )
    QualityMarkFactory(organisation__name="Stichting Ingetrokken", revoked_at=timezone.now())
    QualityMarkFactory(organisation__name="Stichting Toekomst", granted_on=today + timedelta(1))

    response = _register(client)

    assert list(response.context["page"]) == [current]
    content = response.content.decode()
    assert "Stichting Huidig" in content
    assert "Verlopen" not in content and "Ingetrokken" not in content


def test_register_shows_the_last_valid_day_itself(client):
    today = timezone.localdate()
    mark = QualityMarkFactory(granted_on=date(2000, 1, 1), valid_until=today)

    response = _register(client)

    assert list(response.context["page"]) == [mark]


def test_register_lists_an_organisation_once_when_marks_overlap(client):
    today = timezone.localdate()
    old = QualityMarkFactory(granted_on=today - timedelta(days=1000))
    new = QualityMarkFactory(organisation=old.organisation, granted_on=today)

    response = _register(client)

    assert list(response.context["page"]) == [new]


def test_register_searches_by_name_and_municipality(client):
    utrecht = QualityMarkFactory(organisation__name="Voedselbank Utrecht")
    QualityMarkFactory(organisation__name="Buurthuis De Pelikaan")
    amsterdam = Municipality.objects.exclude(pk=utrecht.organisation.municipality_id).first()
    elsewhere = QualityMarkFactory(
        organisation=OrganisationFactory(name="Voedselbank Elders", municipality=amsterdam)
    )

    by_name = _register(client, q="voedselbank")
    by_both = _register(client, q="voedselbank", gemeente=amsterdam.code)

    assert set(by_name.context["page"]) == {utrecht, elsewhere}
    assert list(by_both.context["page"]) == [elsewhere]


def test_register_is_paginated(client):
    for _ in range(21):
        QualityMarkFactory()

    first = _register(client)
    second = _register(client, pagina=2)

    assert len(first.context["page"]) == 20
    assert len(second.context["page"]) == 1


def test_register_shows_dates_conditions_and_an_escaped_embed_code(client):
    mark = QualityMarkFactory(
        organisation__name='Zorg & "Welzijn" <b>',
        conditions="Vertrouwenspersoon aanstellen.",
    )

    content = _register(client).content.decode()

    assert "Vertrouwenspersoon aanstellen." in content
    assert "<details" in content
    badge = reverse("qualitymark:badge", args=[mark.public_id])
    check = reverse("qualitymark:badge-check", args=[mark.public_id])
    assert "&lt;img src=&quot;http://" in content and badge in content and check in content
    assert "<b>" not in content  # the name is escaped, also inside the embed code


def test_badge_of_a_valid_mark(client):
    mark = QualityMarkFactory(organisation__name="Sport & Spel <Zuid>")

    response = client.get(reverse("qualitymark:badge", args=[mark.public_id]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    assert "max-age=3600" in response["Cache-Control"]
    svg = response.content.decode()
    assert "NOV-Keurmerk" in svg and "Vrijwillige Inzet Goed Geregeld" in svg
    assert "geldig t/m" in svg
    assert "Sport &amp; Spel &lt;Zuid&gt;" in svg
    assert "<Zuid>" not in svg


def test_badge_of_an_expired_mark(client):
    today = timezone.localdate()
    mark = QualityMarkFactory(granted_on=date(2015, 1, 1), valid_until=today - timedelta(days=1))

    svg = client.get(reverse("qualitymark:badge", args=[mark.public_id])).content.decode()

    assert "Keurmerk verlopen" in svg
    assert "geldig t/m" not in svg


def test_badge_of_a_revoked_mark(client):
    mark = QualityMarkFactory(revoked_at=timezone.now())

    svg = client.get(reverse("qualitymark:badge", args=[mark.public_id])).content.decode()

    assert "niet geldig" in svg
    assert "geldig t/m" not in svg


@pytest.mark.parametrize("name", ["qualitymark:badge", "qualitymark:badge-check"])
def test_unknown_mark_is_404(client, name):
    assert client.get(reverse(name, args=[uuid.uuid4()])).status_code == 404


def test_check_page_tells_whether_the_mark_is_valid(client):
    valid = QualityMarkFactory(organisation__name="Stichting Geldig")
    expired = QualityMarkFactory(
        granted_on=date(2015, 1, 1), valid_until=date(2019, 1, 1), organisation__name="Oud"
    )

    ok = client.get(reverse("qualitymark:badge-check", args=[valid.public_id]))
    old = client.get(reverse("qualitymark:badge-check", args=[expired.public_id]))

    assert ok.status_code == old.status_code == 200
    assert ok.context["state"] == "valid"
    assert old.context["state"] == "expired"
    assert "Stichting Geldig" in ok.content.decode()

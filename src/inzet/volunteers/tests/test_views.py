from django.urls import reverse

import pytest

from inzet.accounts.tests.factories import UserFactory
from inzet.volunteers.constants import slot_bit
from inzet.volunteers.models import VolunteerProfile
from inzet.volunteers.tests.factories import VolunteerProfileFactory

pytestmark = pytest.mark.django_db
URL = reverse("volunteers:profile")


def test_profile_page_needs_login(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert "/account/inloggen/" in response["Location"]


def test_profile_page_shows_own_profile_only(client):
    VolunteerProfileFactory(max_distance_km=77)
    own = VolunteerProfileFactory(max_distance_km=33)
    client.force_login(own.user)

    response = client.get(URL)

    assert response.status_code == 200
    assert response.context["form"].initial["max_distance_km"] == 33


def test_profile_post_saves_and_redirects(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        URL,
        {
            "postcode": "3511",
            "max_distance_km": "12",
            "availability": ["sat_morning", "sun_evening"],
            "languages": ["ar", "nl"],
            "dutch_level": "1",
            "birth_year": "1970",
            "vog": "has",
            "work_forms": ["regular"],
        },
    )

    assert response.status_code == 302
    profile = VolunteerProfile.objects.get(user=user)
    assert profile.availability == slot_bit("sat", "morning") | slot_bit("sun", "evening")
    assert profile.forms == ["regular"]


def test_profile_post_with_bad_input_keeps_values_and_explains(client):
    client.force_login(UserFactory())

    response = client.post(
        URL,
        {
            "postcode": "1001",
            "max_distance_km": "500",
            "dutch_level": "2",
            "vog": "no",
            "availability": ["mon_morning"],
        },
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert "max_distance_km" in form.errors
    assert 'value="1001"' in response.content.decode()
    assert 'value="mon_morning" id="id_availability_0" checked' in response.content.decode()
    assert not VolunteerProfile.objects.exists()


def test_profile_post_with_unknown_postcode_shows_it_on_the_field(client):
    client.force_login(UserFactory())

    response = client.post(
        URL, {"postcode": "1001", "max_distance_km": "10", "dutch_level": "2", "vog": "no"}
    )

    assert response.status_code == 200
    assert "postcode" in response.context["form"].errors

from django.core.exceptions import ValidationError

import pytest

from inzet.geo.models import PostcodeArea
from inzet.geo.postcodes import postcode_parse
from inzet.geo.selectors import postcode_area_get, postcode_distance_km
from inzet.geo.services import geodata_load


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("3511ab", "3511 AB"), ("3511 AB", "3511 AB"), (" 3511", "3511"), ("3511  ab ", "3511 AB")],
)
def test_postcode_input_is_forgiving(typed, expected):
    assert str(postcode_parse(typed)) == expected


@pytest.mark.parametrize("typed", ["", "351", "0511 AB", "35111", "3511 A1", "3511 SS", "Utrecht"])
def test_wrong_postcode_gets_a_clear_message(typed):
    with pytest.raises(ValidationError) as excinfo:
        postcode_parse(typed)

    assert excinfo.value.code == "postcode_format"


@pytest.mark.django_db
def test_postcode_lookup_finds_municipality_and_province():
    area = postcode_area_get(postcode="3511ab")

    assert area.municipality.name == "Utrecht"
    assert area.municipality.code == "GM0344"
    assert area.municipality.province.name == "Utrecht"


@pytest.mark.django_db
def test_unknown_postcode_is_refused_in_dutch():
    PostcodeArea.objects.filter(pc4="1999").delete()

    with pytest.raises(ValidationError) as excinfo:
        postcode_area_get(postcode="1999")

    assert excinfo.value.code == "postcode_unknown"
    assert "1999" in excinfo.value.messages[0]


@pytest.mark.django_db
def test_distance_between_utrecht_and_amsterdam_is_about_35_km():
    distance = postcode_distance_km(from_postcode="3511", to_postcode="1012 AB")

    assert 33 < distance < 38
    assert postcode_distance_km(from_postcode="3511", to_postcode="3511") == 0


@pytest.mark.django_db
def test_loading_geodata_twice_duplicates_nothing():
    before = PostcodeArea.objects.count()

    result = geodata_load()

    assert PostcodeArea.objects.count() == before == result.postcode_areas == 4086
    assert result.municipalities == 342

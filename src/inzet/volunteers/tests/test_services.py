from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from inzet.accounts.tests.factories import UserFactory
from inzet.organisations.models import Sector
from inzet.volunteers.constants import DutchLevel, VogStatus, slot_bit
from inzet.volunteers.selectors import volunteer_profile_export
from inzet.volunteers.services import VolunteerProfileData, volunteer_profile_save
from inzet.volunteers.tests.factories import SkillFactory, VolunteerProfileFactory

pytestmark = pytest.mark.django_db


def test_profile_save_stores_area_grid_and_choices():
    user = UserFactory()
    nature = Sector.objects.get(slug="natuur-milieu")
    skill = SkillFactory(slug="tuinieren", name="Tuinieren")

    profile = volunteer_profile_save(
        user=user,
        data=VolunteerProfileData(
            postcode="3511 ab",
            max_distance_km=15,
            availability=("sat_morning", "mon_evening"),
            interests=(nature,),
            skills=(skill,),
            languages=("ti", "nl"),
            dutch_level=DutchLevel.BASIC,
            birth_year=1985,
            vog=VogStatus.WILLING,
            forms=("one_off",),
        ),
    )

    assert profile.postcode_area.pc4 == "3511"
    assert profile.availability == slot_bit("sat", "morning") | slot_bit("mon", "evening")
    assert list(profile.interests.all()) == [nature]
    assert profile.languages == ["nl", "ti"]
    assert profile.forms == ["one_off"]


def test_profile_save_again_updates_the_same_profile():
    profile = VolunteerProfileFactory()

    volunteer_profile_save(user=profile.user, data=VolunteerProfileData(max_distance_km=40))

    profile.refresh_from_db()
    assert profile.max_distance_km == 40
    assert profile.postcode_area is None


@pytest.mark.parametrize(
    ("data", "field", "code"),
    [
        (VolunteerProfileData(postcode="0000"), "postcode", "postcode_format"),
        (VolunteerProfileData(postcode="1001"), "postcode", "postcode_unknown"),
        (VolunteerProfileData(max_distance_km=0), "max_distance_km", "distance_range"),
        (VolunteerProfileData(max_distance_km=101), "max_distance_km", "distance_range"),
        (VolunteerProfileData(birth_year=1899), "birth_year", "birth_year_range"),
        (VolunteerProfileData(languages=("xx",)), "languages", "lang"),
    ],
)
def test_profile_save_refuses_bad_input_and_saves_nothing(data, field, code):
    user = UserFactory()

    with pytest.raises(ValidationError) as exc:
        volunteer_profile_save(user=user, data=data)

    assert exc.value.error_dict[field][0].code == code
    assert not hasattr(user, "volunteer_profile") or user.volunteer_profile is None


def test_profile_save_refuses_children_under_14_with_a_clear_message():
    this_year = timezone.localdate().year

    with pytest.raises(ValidationError) as exc:
        volunteer_profile_save(
            user=UserFactory(), data=VolunteerProfileData(birth_year=this_year - 13)
        )

    assert exc.value.error_dict["birth_year"][0].code == "too_young"


def test_profile_save_accepts_someone_turning_14_this_year():
    this_year = timezone.localdate().year

    profile = volunteer_profile_save(
        user=UserFactory(), data=VolunteerProfileData(birth_year=this_year - 14)
    )

    assert profile.birth_year == this_year - 14


def test_export_contains_the_profile():
    profile = VolunteerProfileFactory(availability=slot_bit("sun", "afternoon"))

    exported = volunteer_profile_export(profile.user)

    assert exported["volunteer_profile"]["postcode"] == "3511"
    assert exported["volunteer_profile"]["availability"] == ["sun_afternoon"]


def test_export_without_profile_is_empty():
    assert volunteer_profile_export(UserFactory()) == {}

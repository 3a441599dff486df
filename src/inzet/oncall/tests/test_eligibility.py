"""eligible_members: each criterion both ways, in SQL."""

from datetime import UTC, datetime, time, timedelta

from django.utils import timezone

import pytest

from inzet.geo.models import PostcodeArea
from inzet.oncall.selectors import eligible_members, request_slot_bit
from inzet.volunteers.constants import ALL_SLOTS, VogStatus, slot_bit
from inzet.volunteers.tests.factories import SkillFactory, VolunteerProfileFactory

from .factories import OnCallRequestFactory, PoolFactory, PoolMembershipFactory, next_weekday_at

pytestmark = pytest.mark.django_db


def member_in(pool, pc4="3511", **kwargs):
    area = PostcodeArea.objects.get(pc4=pc4)
    return PoolMembershipFactory(
        pool=pool,
        postcode_area=area,
        latitude=area.latitude,
        longitude=area.longitude,
        **kwargs,
    )


def volunteers(request):
    return set(eligible_members(request).values_list("volunteer_id", flat=True))


@pytest.mark.parametrize(
    ("hour", "part"),
    [(0, "morning"), (11, "morning"), (12, "afternoon"), (17, "afternoon"), (18, "evening")],
)
def test_slot_is_the_amsterdam_day_part_of_the_start(hour, part):
    starts_at = next_weekday_at(hour, weekday=5)
    assert request_slot_bit(starts_at=starts_at) == slot_bit("sat", part)


def test_slot_uses_local_time_not_utc():
    # 23:30 UTC on a Friday in winter is 00:30 on Saturday in Amsterdam: Saturday morning.
    day = timezone.localdate() + timedelta(days=(4 - timezone.localdate().weekday()) % 7 + 7)
    local_midnight = timezone.make_aware(datetime.combine(day + timedelta(days=1), time(0, 30)))
    assert request_slot_bit(starts_at=local_midnight.astimezone(UTC)) == slot_bit(
        "sat", "morning"
    )


def test_only_members_of_the_pool():
    pool = PoolFactory()
    inside = member_in(pool)
    member_in(PoolFactory())  # another pool
    request = OnCallRequestFactory(pool=pool)
    assert volunteers(request) == {inside.volunteer_id}


def test_availability_must_cover_the_start():
    pool = PoolFactory()
    request = OnCallRequestFactory(pool=pool, starts_at=next_weekday_at(14, weekday=2))
    available = member_in(pool, availability=slot_bit("wed", "afternoon"))
    member_in(pool, availability=ALL_SLOTS & ~slot_bit("wed", "afternoon"))
    assert volunteers(request) == {available.volunteer_id}


def test_within_the_members_own_distance():
    pool = PoolFactory()
    request = OnCallRequestFactory(pool=pool)  # in 3511 Utrecht
    near = member_in(pool, pc4="3431", max_distance_km=10)  # Nieuwegein, ~7 km
    member_in(pool, pc4="3431", max_distance_km=5)  # same place, travels less far
    far_but_willing = member_in(pool, pc4="1012", max_distance_km=50)  # Amsterdam, ~35 km
    member_in(pool, pc4="1012", max_distance_km=30)
    member_in(pool, pc4="9711", max_distance_km=100)  # Groningen, ~150 km: outside the box
    assert volunteers(request) == {near.volunteer_id, far_but_willing.volunteer_id}


def test_required_skill():
    pool = PoolFactory()
    skill = SkillFactory()
    request = OnCallRequestFactory(pool=pool, required_skill=skill)
    skilled = member_in(pool)
    VolunteerProfileFactory(user=skilled.volunteer, skills=[skill])
    other = member_in(pool)
    VolunteerProfileFactory(user=other.volunteer, skills=[SkillFactory()])
    member_in(pool)  # no profile at all
    assert volunteers(request) == {skilled.volunteer_id}


def test_minimum_age_and_unknown_birth_year():
    pool = PoolFactory()
    request = OnCallRequestFactory(pool=pool, min_age=18)
    year = timezone.localtime(request.starts_at).year
    old_enough = member_in(pool)
    VolunteerProfileFactory(user=old_enough.volunteer, birth_year=year - 18)
    too_young = member_in(pool)
    VolunteerProfileFactory(user=too_young.volunteer, birth_year=year - 17)
    unknown = member_in(pool)
    VolunteerProfileFactory(user=unknown.volunteer, birth_year=None)
    assert volunteers(request) == {old_enough.volunteer_id}
    # Without a minimum age everyone is asked, also without a profile.
    member_in(pool)
    assert len(volunteers(OnCallRequestFactory(pool=pool))) == 4


def test_vog_required():
    pool = PoolFactory()
    request = OnCallRequestFactory(pool=pool, vog_required=True)
    has = member_in(pool)
    VolunteerProfileFactory(user=has.volunteer, vog=VogStatus.HAS)
    willing = member_in(pool)
    VolunteerProfileFactory(user=willing.volunteer, vog=VogStatus.WILLING)
    assert volunteers(request) == {has.volunteer_id}


def test_active_accounts_only():
    pool = PoolFactory()
    active = member_in(pool)
    inactive = member_in(pool)
    inactive.volunteer.is_active = False
    inactive.volunteer.save()
    erased = member_in(pool)
    erased.volunteer.erased_at = timezone.now()
    erased.volunteer.save()
    assert volunteers(OnCallRequestFactory(pool=pool)) == {active.volunteer_id}

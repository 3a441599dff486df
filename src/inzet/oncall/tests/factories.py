from datetime import datetime, time, timedelta

from django.utils import timezone

import factory

from inzet.accounts.tests.factories import UserFactory
from inzet.oncall.models import OnCallInvitation, OnCallPool, OnCallRequest, PoolMembership
from inzet.organisations.tests.factories import OrganisationFactory, utrecht_area
from inzet.volunteers.constants import ALL_SLOTS


def next_weekday_at(hour: int, *, weekday: int = 2) -> datetime:
    """An aware Amsterdam time 7 to 13 days ahead, on a weekday (0 = Monday), at an hour."""
    today = timezone.localdate()
    day = today + timedelta(days=(weekday - today.weekday()) % 7 + 7)
    return timezone.make_aware(datetime.combine(day, time(hour)))


class PoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OnCallPool

    name = factory.Sequence(lambda n: f"Oproeppool {n}")
    organisation = factory.SubFactory(OrganisationFactory)
    centre = None


class PoolMembershipFactory(factory.django.DjangoModelFactory):
    """A member in Utrecht (3511) who can always be called and travels 10 km."""

    class Meta:
        model = PoolMembership

    pool = factory.SubFactory(PoolFactory)
    volunteer = factory.SubFactory(UserFactory)
    availability = ALL_SLOTS
    max_distance_km = 10
    postcode_area = factory.LazyFunction(utrecht_area)
    latitude = factory.LazyAttribute(lambda o: o.postcode_area.latitude)
    longitude = factory.LazyAttribute(lambda o: o.postcode_area.longitude)


class OnCallRequestFactory(factory.django.DjangoModelFactory):
    """Next week Wednesday 14:00–17:00 in Utrecht (3511), for 5 people."""

    class Meta:
        model = OnCallRequest

    pool = factory.SubFactory(PoolFactory)
    title = factory.Sequence(lambda n: f"Zandzakken vullen {n}")
    starts_at = factory.LazyFunction(lambda: next_weekday_at(14))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=3))
    place = "Oudegracht 1, Utrecht"
    postcode_area = factory.LazyFunction(utrecht_area)
    latitude = factory.LazyAttribute(lambda o: o.postcode_area.latitude)
    longitude = factory.LazyAttribute(lambda o: o.postcode_area.longitude)
    places = 5


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OnCallInvitation

    request = factory.SubFactory(OnCallRequestFactory)
    volunteer = factory.SubFactory(UserFactory)

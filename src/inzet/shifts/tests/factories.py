"""Factories for shifts. ``ShiftFactory()`` is a shift tomorrow 10:00–14:00 (Amsterdam) with
3 places, on a published one-off vacancy; ``ShiftSignupFactory`` confirms a new person."""

import datetime

from django.utils import timezone

import factory

from inzet.accounts.tests.factories import UserFactory
from inzet.shifts.constants import SignupStatus
from inzet.shifts.models import Shift, ShiftPlan, ShiftSignup
from inzet.vacancies.constants import VacancyForm
from inzet.vacancies.tests.factories import VacancyFactory


def tomorrow_at(hour: int, minute: int = 0) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


class ShiftPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ShiftPlan

    vacancy = factory.SubFactory(VacancyFactory, published=True, form=VacancyForm.ONE_OFF)
    cancel_deadline_hours = 24


class ShiftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Shift

    plan = factory.SubFactory(ShiftPlanFactory)
    starts_at = factory.LazyFunction(lambda: tomorrow_at(10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=4))
    place = "Buurthuis De Klop, Utrecht"
    capacity = 3


class ShiftSignupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ShiftSignup

    shift = factory.SubFactory(ShiftFactory)
    volunteer = factory.SubFactory(UserFactory)
    status = SignupStatus.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)

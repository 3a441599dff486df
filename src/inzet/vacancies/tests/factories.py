"""Shared factories for the vacaturebank.

``VacancyFactory()`` is a draft in PC4 3511 (Utrecht); ``VacancyFactory(published=True)`` is
published now. ``ResponseFactory`` responds to a published vacancy. ``CentrePolicyFactory``
builds a centre (serving Utrecht, GM0344) with its policy.
"""

import datetime

from django.utils import timezone

import factory

from inzet.accounts.tests.factories import UserFactory
from inzet.organisations.models import Sector
from inzet.organisations.tests.factories import (
    OrganisationFactory,
    VolunteerCentreFactory,
    utrecht_area,
)
from inzet.vacancies.constants import ResponseStatus, VacancyForm, VacancyStatus
from inzet.vacancies.models import CentrePolicy, Response, Vacancy


def default_sector() -> Sector:
    return Sector.objects.get(slug="zorg-welzijn")


class VacancyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vacancy
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Vrijwilliger voor de buurtkamer {n}")
    description = "Je helpt bij de inloop in de buurtkamer: koffie schenken en een praatje maken."
    tasks = "Koffie schenken, gasten ontvangen."
    sector = factory.LazyFunction(default_sector)
    form = VacancyForm.REGULAR
    is_online = False
    postcode_area = factory.LazyFunction(utrecht_area)
    municipality = factory.LazyAttribute(
        lambda o: o.postcode_area.municipality if o.postcode_area else None
    )
    latitude = factory.LazyAttribute(
        lambda o: o.postcode_area.latitude if o.postcode_area else None
    )
    longitude = factory.LazyAttribute(
        lambda o: o.postcode_area.longitude if o.postcode_area else None
    )
    hours_per_week = 4
    status = VacancyStatus.DRAFT

    class Params:
        published = factory.Trait(
            status=VacancyStatus.PUBLISHED,
            published_at=factory.LazyFunction(timezone.now),
        )
        submitted = factory.Trait(status=VacancyStatus.SUBMITTED)
        online = factory.Trait(is_online=True, postcode_area=None, form=VacancyForm.ONLINE)
        expired = factory.Trait(
            status=VacancyStatus.PUBLISHED,
            published_at=factory.LazyFunction(timezone.now),
            expires_on=factory.LazyFunction(
                lambda: timezone.localdate() - datetime.timedelta(days=1)
            ),
        )

    @factory.post_generation
    def skills(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.skills.set(extracted)


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Response

    vacancy = factory.SubFactory(VacancyFactory, published=True)
    volunteer = factory.SubFactory(UserFactory)
    message = "Ik help graag mee, ik heb op zaterdag tijd."
    status = ResponseStatus.NEW


class CentrePolicyFactory(factory.django.DjangoModelFactory):
    """A centre serving Utrecht (pass ``centre__municipality_codes=[...]`` for others)."""

    class Meta:
        model = CentrePolicy
        django_get_or_create = ("centre",)

    centre = factory.SubFactory(VolunteerCentreFactory)
    requires_approval = False
    unanswered_warning_days = 5

import factory

from inzet.accounts.tests.factories import UserFactory
from inzet.organisations.tests.factories import utrecht_area
from inzet.volunteers.constants import DutchLevel, VogStatus
from inzet.volunteers.models import Skill, VolunteerProfile


class SkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Skill
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"vaardigheid-{n}")
    name = factory.Sequence(lambda n: f"Vaardigheid {n}")


class VolunteerProfileFactory(factory.django.DjangoModelFactory):
    """A volunteer in Utrecht (PC4 3511) who travels 10 km; pass interests=[…], skills=[…]."""

    class Meta:
        model = VolunteerProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    postcode_area = factory.LazyFunction(utrecht_area)
    max_distance_km = 10
    availability = 0
    languages = factory.LazyFunction(lambda: ["nl"])
    dutch_level = DutchLevel.GOOD
    birth_year = 1990
    vog = VogStatus.NO
    forms = factory.LazyFunction(list)

    @factory.post_generation
    def interests(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.interests.set(extracted)

    @factory.post_generation
    def skills(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.skills.set(extracted)

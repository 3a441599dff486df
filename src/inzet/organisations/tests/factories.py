import factory

from inzet.accounts.tests.factories import UserFactory
from inzet.geo.models import Municipality, PostcodeArea
from inzet.organisations.constants import CentreRole, CompanyRole, LegalForm, OrganisationRole
from inzet.organisations.models import (
    CentreMembership,
    Company,
    CompanyMembership,
    Organisation,
    OrganisationMembership,
    VolunteerCentre,
)


def utrecht_area() -> PostcodeArea:
    """PC4 3511 in Utrecht, from the geodata loaded for the test session."""
    return PostcodeArea.objects.select_related("municipality").get(pc4="3511")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Stichting Buurtkracht {n}")
    legal_form = LegalForm.FOUNDATION
    kvk_number = factory.Sequence(lambda n: f"{40000000 + n:08d}")
    street = "Oudegracht 1"
    postcode = "3511 AB"
    city = "Utrecht"
    postcode_area = factory.LazyFunction(utrecht_area)
    municipality = factory.LazyAttribute(lambda o: o.postcode_area.municipality)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationMembership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    role = OrganisationRole.MEMBER


class VolunteerCentreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VolunteerCentre
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Vrijwilligerscentrale {n}")
    postcode = "3511 AB"
    city = "Utrecht"

    @factory.post_generation
    def municipality_codes(obj, create, extracted, **kwargs):
        if create:
            obj.municipalities_served.set(
                Municipality.objects.filter(code__in=extracted or ["GM0344"])
            )


class CentreMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CentreMembership

    centre = factory.SubFactory(VolunteerCentreFactory)
    user = factory.SubFactory(UserFactory)
    role = CentreRole.STAFF


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company

    name = factory.Sequence(lambda n: f"Bedrijf {n} BV")
    postcode = "3511 AB"


class CompanyMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CompanyMembership

    company = factory.SubFactory(CompanyFactory)
    user = factory.SubFactory(UserFactory)
    role = CompanyRole.MEMBER

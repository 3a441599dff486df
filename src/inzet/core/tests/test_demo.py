from io import StringIO

from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import RequestFactory

import pytest
from allauth.account.models import EmailAddress

from inzet.accounts.constants import PlatformRoleKind
from inzet.accounts.models import User
from inzet.core.demo import DEMO_PASSWORD, ORGANISATIONS, demo_logins, demo_seed
from inzet.geo.services import geodata_load
from inzet.organisations.constants import CentreRole, CompanyRole, LegalForm, OrganisationRole
from inzet.organisations.models import (
    Company,
    CompanyMembership,
    Organisation,
    OrganisationMembership,
    VolunteerCentre,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def geodata():
    geodata_load()


def seed(**options) -> str:
    out = StringIO()
    call_command("seed_demo", force=True, stdout=out, **options)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        "users": User.objects.count(),
        "emails": EmailAddress.objects.count(),
        "organisations": Organisation.objects.count(),
        "org_memberships": OrganisationMembership.objects.count(),
        "centres": VolunteerCentre.objects.count(),
        "companies": Company.objects.count(),
        "company_memberships": CompanyMembership.objects.count(),
    }


def test_demo_data_is_consistent():
    kvk_numbers = [o.kvk_number for o in ORGANISATIONS if o.kvk_number]
    assert len(kvk_numbers) == len(set(kvk_numbers))
    assert len({o.name for o in ORGANISATIONS}) == len(ORGANISATIONS)


def test_seed_demo_creates_organisations_centres_and_a_company():
    output = seed()

    assert Organisation.objects.count() >= 40
    assert set(Organisation.objects.values_list("legal_form", flat=True)) == set(LegalForm.values)
    assert set(Organisation.objects.values_list("municipality__name", flat=True)) == {
        "Utrecht",
        "Zwolle",
        "Groningen",
    }
    assert not Organisation.objects.filter(sectors=None).exists()
    assert not Organisation.objects.filter(description="").exists()

    centres = VolunteerCentre.objects.all()
    assert centres.count() == 3
    assert {c.municipality.code for c in centres} == {"GM0344", "GM0193", "GM0014"}
    for centre in centres:
        assert [m.code for m in centre.municipalities_served.all()] == [centre.municipality.code]

    company = Company.objects.get()
    assert company.memberships.get(role=CompanyRole.ADMIN).user.email == "bedrijf@demo.inzet.nl"

    board = User.objects.get(email="bestuur@demo.inzet.nl")
    assert board.organisation_memberships.filter(role=OrganisationRole.ADMIN).count() == 3
    coordinator = User.objects.get(email="coordinator@demo.inzet.nl")
    assert (
        coordinator.organisation_memberships.filter(role=OrganisationRole.COORDINATOR).count() == 2
    )
    staff = User.objects.get(email="centrale@demo.inzet.nl")
    membership = staff.centre_memberships.get()
    assert (membership.centre.name, membership.role) == (
        "Vrijwilligerscentrale Utrecht",
        CentreRole.STAFF,
    )

    for login in demo_logins():
        assert login.email in output
    assert DEMO_PASSWORD in output


def test_every_demo_login_can_log_in():
    seed()
    request = RequestFactory().post("/accounts/login/")

    for login in demo_logins():
        user = authenticate(request, username=login.email, password=login.password)
        assert user is not None, login.email
        assert EmailAddress.objects.filter(
            user=user, email=login.email, verified=True, primary=True
        ).exists()

    nov = User.objects.get(email="nov@demo.inzet.nl")
    assert nov.is_staff and nov.is_superuser
    assert nov.platform_roles.filter(role=PlatformRoleKind.NOV_STAFF).exists()
    adviser = User.objects.get(email="adviseur@demo.inzet.nl")
    assert adviser.platform_roles.filter(role=PlatformRoleKind.ADVISER).exists()
    assert not adviser.is_staff


def test_second_run_creates_nothing():
    seed()
    before = counts()

    output = seed()
    result = demo_seed()

    assert counts() == before
    assert not result.created_anything
    assert "vrijwilliger@demo.inzet.nl" in output


def test_second_run_restores_a_missing_demo_account():
    seed()
    User.objects.filter(email="adviseur@demo.inzet.nl").delete()

    result = demo_seed()

    assert result.users_created == 1
    assert User.objects.get(email="adviseur@demo.inzet.nl").platform_roles.exists()


def test_refuses_without_debug_or_force(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="--force"):
        call_command("seed_demo", stdout=StringIO())

    assert not User.objects.exists()


def test_runs_without_force_when_debug_is_on(settings):
    settings.DEBUG = True

    call_command("seed_demo", stdout=StringIO())

    assert Organisation.objects.count() == len(ORGANISATIONS)

"""`manage.py seed_scale`: a national-size data set, here with small numbers."""

from io import StringIO

from django.core.management import CommandError, call_command
from django.db.models import Count

import pytest

from inzet.accounts.models import User
from inzet.geo.models import PostcodeArea
from inzet.organisations.models import Organisation
from inzet.vacancies.constants import VacancyStatus
from inzet.vacancies.management.commands.seed_scale import scale_organisations
from inzet.vacancies.models import Vacancy
from inzet.volunteers.models import VolunteerProfile

pytestmark = pytest.mark.django_db


def seed_scale(**options) -> str:
    out = StringIO()
    call_command("seed_scale", force=True, stdout=out, **options)
    return out.getvalue()


def test_seed_scale_creates_organisations_vacancies_and_volunteers_all_over_the_country():
    # When a small scale data set is seeded
    output = seed_scale(vacancies=300, volunteers=200, organisations=40, batch_size=70)

    # Then there are scale organisations with unique KvK numbers in the reserved range
    organisations = scale_organisations()
    assert organisations.count() == 40
    kvk_numbers = list(organisations.values_list("kvk_number", flat=True))
    assert len(set(kvk_numbers)) == 40
    assert all(k.startswith("99") and len(k) == 8 for k in kvk_numbers)
    assert not organisations.filter(sectors=None).exists()
    # and published vacancies with a place (or online), spread over many municipalities
    vacancies = Vacancy.objects.filter(organisation__in=organisations)
    assert vacancies.count() == 300
    assert set(vacancies.values_list("status", flat=True)) == {VacancyStatus.PUBLISHED}
    assert vacancies.values("municipality").distinct().count() > 10
    for vacancy in vacancies.exclude(is_online=True).select_related("postcode_area")[:50]:
        assert vacancy.latitude == vacancy.postcode_area.latitude
        assert vacancy.municipality_id == vacancy.postcode_area.municipality_id
    # and volunteers who cannot log in, each with a profile
    volunteers = User.objects.filter(email__endswith="@scale.inzet.nl")
    assert volunteers.count() == 200
    assert not any(u.has_usable_password() for u in volunteers)
    assert VolunteerProfile.objects.filter(user__in=volunteers).count() == 200
    assert (
        VolunteerProfile.objects.filter(user__in=volunteers)
        .values("postcode_area__municipality")
        .distinct()
        .count()
        > 20
    )
    # and progress was reported per batch
    assert "vacancies 70/300" in output and "vacancies 300/300" in output


def test_seed_scale_is_idempotent_and_tops_up():
    seed_scale(vacancies=50, volunteers=30, organisations=5)
    counts = (Organisation.objects.count(), Vacancy.objects.count(), User.objects.count())

    output = seed_scale(vacancies=50, volunteers=30, organisations=5)
    assert (Organisation.objects.count(), Vacancy.objects.count(), User.objects.count()) == counts
    assert "nothing to add" in output

    seed_scale(vacancies=60, volunteers=35, organisations=5)
    assert Vacancy.objects.count() == counts[1] + 10
    assert User.objects.filter(email__endswith="@scale.inzet.nl").count() == 35


def test_seed_scale_spreads_vacancies_over_the_organisations():
    seed_scale(vacancies=200, volunteers=0, organisations=10)

    per_organisation = (
        Vacancy.objects.values("organisation").annotate(n=Count("id")).values_list("n", flat=True)
    )
    assert len(per_organisation) == 10
    assert min(per_organisation) >= 5


def test_seed_scale_refuses_without_debug_or_force():
    # The test settings run with DEBUG off
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_scale", vacancies=1, volunteers=1, stdout=StringIO())
    assert not Vacancy.objects.exists()


def test_seed_scale_refuses_bad_numbers_and_missing_geodata():
    with pytest.raises(CommandError):
        seed_scale(vacancies=-1)
    with pytest.raises(CommandError):
        seed_scale(vacancies=10, organisations=0)

    PostcodeArea.objects.all().delete()  # rolled back after the test
    with pytest.raises(CommandError, match="geodata"):
        seed_scale(vacancies=1, volunteers=1)

import datetime
import io
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest
from openpyxl import Workbook

from inzet.accounts.tests.factories import UserFactory
from inzet.organisations.constants import OrganisationRole
from inzet.organisations.tests.factories import (
    CentreMembershipFactory,
    MembershipFactory,
    OrganisationFactory,
    VolunteerCentreFactory,
)
from inzet.vacancies.constants import VacancyStatus
from inzet.vacancies.models import Vacancy
from inzet.vacancies.services import imports
from inzet.vacancies.services.imports import EXAMPLE_CSV, ImportFileError, vacancy_import
from inzet.vacancies.tests.factories import CentrePolicyFactory
from inzet.volunteers.constants import VacancyForm

pytestmark = pytest.mark.django_db

HEADER = [
    "organisatie_kvk",
    "titel",
    "omschrijving",
    "taken",
    "sector",
    "vorm",
    "postcode",
    "online",
    "uren_per_week",
    "minimale_leeftijd",
    "vog_nodig",
    "vervaldatum",
]


def row(kvk, **overrides):
    values = {
        "organisatie_kvk": kvk,
        "titel": "Voorlezen in de bibliotheek",
        "omschrijving": "Je leest kinderen voor.",
        "taken": "Voorlezen",
        "sector": "onderwijs-taal",
        "vorm": "regelmatig",
        "postcode": "3511",
        "online": "nee",
        "uren_per_week": "2,5",
        "minimale_leeftijd": "18",
        "vog_nodig": "ja",
        "vervaldatum": "31-12-2099",
    }
    values.update(overrides)
    return values


def csv_file(rows, *, header=HEADER, delimiter=";", name="vacatures.csv"):
    lines = [delimiter.join(header)]
    lines += [delimiter.join(r.get(column, "") for column in header) for r in rows]
    return SimpleUploadedFile(name, ("\n".join(lines) + "\n").encode(), "text/csv")


def xlsx_file(rows, *, header=HEADER, name="vacatures.xlsx"):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for r in rows:
        sheet.append([r.get(column, "") for column in header])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.fixture
def centre():
    return VolunteerCentreFactory()  # serves Utrecht


@pytest.fixture
def staff(centre):
    return CentreMembershipFactory(centre=centre).user


@pytest.fixture
def organisation():
    return OrganisationFactory(kvk_number="41234567", name="Stichting Voorlezen")  # in Utrecht


# --- Permissions

ROLES = {
    "anonymous": lambda centre: None,
    "volunteer": lambda centre: UserFactory(),
    "organisation coordinator": lambda centre: (
        MembershipFactory(role=OrganisationRole.COORDINATOR).user
    ),
    "staff of another centre": lambda centre: CentreMembershipFactory().user,
    "own centre staff": lambda centre: CentreMembershipFactory(centre=centre).user,
}
EXPECTED = {
    "anonymous": 302,
    "volunteer": 404,
    "organisation coordinator": 404,
    "staff of another centre": 404,
    "own centre staff": 200,
}


@pytest.mark.parametrize("role", ROLES)
def test_import_page_access(client, centre, role):
    if user := ROLES[role](centre):
        client.force_login(user)

    response = client.get(reverse("vacancies:vacancy-import", args=[centre.public_id]))

    assert response.status_code == EXPECTED[role]


@pytest.mark.parametrize("role", ROLES)
def test_import_upload_access(client, centre, organisation, role):
    if user := ROLES[role](centre):
        client.force_login(user)

    response = client.post(
        reverse("vacancies:vacancy-import", args=[centre.public_id]),
        {"file": csv_file([row("41234567")])},
    )

    assert response.status_code == EXPECTED[role]
    assert Vacancy.objects.exists() == (role == "own centre staff")


@pytest.mark.parametrize("role", ROLES)
def test_example_file_access(client, centre, role):
    if user := ROLES[role](centre):
        client.force_login(user)

    response = client.get(
        reverse("vacancies:vacancy-import", args=[centre.public_id]), {"voorbeeld": "csv"}
    )

    assert response.status_code == EXPECTED[role]
    if response.status_code == 200:
        assert response["Content-Type"].startswith("text/csv")
        assert "organisatie_kvk" in response.content.decode("utf-8-sig")


# --- Happy paths


def test_csv_import_publishes_every_row(client, centre, staff, organisation):
    client.force_login(staff)
    file = csv_file(
        [row("41234567"), row("4123 4567", titel="Taalmaatje", online="ja", postcode="")]
    )

    response = client.post(
        reverse("vacancies:vacancy-import", args=[centre.public_id]), {"file": file}
    )

    assert response.status_code == 200
    report = response.context["report"]
    assert report.imported
    assert [r.ok for r in report.rows] == [True, True]
    first, second = Vacancy.objects.order_by("pk")
    assert first.organisation == organisation
    assert first.status == VacancyStatus.PUBLISHED
    assert first.published_at is not None
    assert first.created_by == staff
    assert first.sector.slug == "onderwijs-taal"
    assert first.form == VacancyForm.REGULAR
    assert first.postcode_area_id == "3511"
    assert first.municipality_id == "GM0344"
    assert first.latitude is not None
    assert first.hours_per_week == Decimal("2.5")
    assert first.min_age == 18
    assert first.vog_required is True
    assert first.expires_on == datetime.date(2099, 12, 31)
    assert second.title == "Taalmaatje"
    assert second.is_online is True
    assert second.postcode_area is None


def test_xlsx_import_reads_numbers_and_dates_from_cells(centre, staff, organisation):
    file = xlsx_file(
        [
            row(
                41234567,
                sector="Onderwijs en taal",
                postcode=3511,
                uren_per_week=4,
                minimale_leeftijd=16,
                vervaldatum=datetime.date(2099, 6, 30),
            )
        ]
    )

    report = vacancy_import(centre=centre, actor=staff, uploaded=file)

    assert report.imported, report.error_rows
    vacancy = Vacancy.objects.get()
    assert vacancy.organisation == organisation
    assert vacancy.hours_per_week == Decimal("4")
    assert vacancy.min_age == 16
    assert vacancy.expires_on == datetime.date(2099, 6, 30)


def test_comma_separated_csv_with_a_byte_order_mark_and_organisation_by_name(
    centre, staff, organisation
):
    header = ["organisatie_naam", "titel", "omschrijving", "sector", "vorm", "postcode"]
    content = "\ufeff" + ",".join(header) + "\n"
    content += 'stichting voorlezen,"Koffie, thee en een praatje",Gastvrouw,sport,flexibel,3511\n'
    file = SimpleUploadedFile("v.csv", content.encode())

    report = vacancy_import(centre=centre, actor=staff, uploaded=file)

    assert report.imported, report.error_rows
    vacancy = Vacancy.objects.get()
    assert vacancy.title == "Koffie, thee en een praatje"
    assert vacancy.form == VacancyForm.FLEXIBLE
    assert vacancy.vog_required is False


def test_import_waits_for_approval_when_the_centre_requires_it(centre, staff, organisation):
    CentrePolicyFactory(centre=centre, requires_approval=True)

    report = vacancy_import(centre=centre, actor=staff, uploaded=csv_file([row("41234567")]))

    assert report.imported
    vacancy = Vacancy.objects.get()
    assert vacancy.status == VacancyStatus.SUBMITTED
    assert vacancy.published_at is None


def test_the_example_file_imports_when_its_organisations_exist(centre, staff):
    OrganisationFactory(kvk_number="41234567")
    OrganisationFactory(name="Stichting Buurtkracht", kvk_number="")
    file = SimpleUploadedFile("voorbeeld-vacatures.csv", EXAMPLE_CSV.encode())

    report = vacancy_import(centre=centre, actor=staff, uploaded=file)

    assert report.imported, [r.errors for r in report.error_rows]
    assert Vacancy.objects.count() == 2


# --- Errors: nothing is imported


def test_wrong_columns_are_named(client, centre, staff):
    client.force_login(staff)
    header = ["organisatie", "titel", "omschrijving", "sector", "postcode", "kleur"]

    response = client.post(
        reverse("vacancies:vacancy-import", args=[centre.public_id]),
        {"file": csv_file([{}], header=header)},
    )

    assert response.status_code == 422
    [message] = response.context["form"].errors["file"]
    assert "organisatie, kleur" in message  # unknown
    assert "vorm" in message  # missing
    assert "organisatie_kvk" in message and "organisatie_naam" in message
    assert not Vacancy.objects.exists()


def test_a_wrong_date_is_reported_on_its_row_and_column(client, centre, staff, organisation):
    client.force_login(staff)
    file = csv_file([row("41234567"), row("41234567", vervaldatum="31/02/2099")])

    response = client.post(
        reverse("vacancies:vacancy-import", args=[centre.public_id]), {"file": file}
    )

    assert response.status_code == 422
    report = response.context["report"]
    assert not report.imported
    first, second = report.rows
    assert (first.number, first.ok) == (2, True)
    assert second.number == 3
    assert list(second.errors) == ["vervaldatum"]
    assert "31/02/2099" in second.errors["vervaldatum"][0]
    assert not Vacancy.objects.exists()


def test_a_date_in_the_past_is_refused(centre, staff, organisation):
    report = vacancy_import(
        centre=centre, actor=staff, uploaded=csv_file([row("41234567", vervaldatum="2001-01-01")])
    )

    assert "vervaldatum" in report.rows[0].errors
    assert not Vacancy.objects.exists()


def test_unknown_organisation_and_organisation_outside_the_area(centre, staff):
    OrganisationFactory(
        kvk_number="55555555", name="Stichting Elders", municipality_id="GM0363"
    )  # Amsterdam
    file = csv_file([row("99999999"), row("55555555"), row("123")])

    report = vacancy_import(centre=centre, actor=staff, uploaded=file)

    unknown, elsewhere, malformed = report.rows
    assert "99999999" in unknown.errors["organisatie_kvk"][0]
    assert "Stichting Elders" in elsewhere.errors["organisatie_kvk"][0]
    assert "8" in malformed.errors["organisatie_kvk"][0]
    assert not Vacancy.objects.exists()


def test_one_bad_row_imports_nothing(client, centre, staff, organisation):
    client.force_login(staff)
    rows = [row("41234567", titel=f"Vacature {n}") for n in range(5)]
    rows[3]["sector"] = "ruimtevaart"

    response = client.post(
        reverse("vacancies:vacancy-import", args=[centre.public_id]),
        {"file": csv_file(rows)},
    )

    assert response.status_code == 422
    report = response.context["report"]
    assert [r.number for r in report.error_rows] == [5]
    assert "ruimtevaart" in report.rows[3].errors["sector"][0]
    assert "Regel 5" in response.content.decode()
    assert not Vacancy.objects.exists()


def test_a_failure_while_creating_rolls_back_the_rows_already_created(
    monkeypatch, centre, staff, organisation
):
    from django.core.exceptions import ValidationError

    real_create = imports._vacancy_create
    calls = []

    def failing_create(**kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise ValidationError("Kan niet")
        return real_create(**kwargs)

    monkeypatch.setattr(imports, "_vacancy_create", failing_create)

    report = vacancy_import(
        centre=centre, actor=staff, uploaded=csv_file([row("41234567"), row("41234567")])
    )

    assert not report.imported
    assert report.rows[1].errors == {"": ["Kan niet"]}
    assert report.created == []
    assert not Vacancy.objects.exists()


def test_every_column_error_of_a_row_is_reported(centre, staff, organisation):
    bad = row(
        "41234567",
        titel="",
        vorm="soms",
        postcode="99",
        uren_per_week="veel",
        minimale_leeftijd="-1",
        vog_nodig="misschien",
    )

    report = vacancy_import(centre=centre, actor=staff, uploaded=csv_file([bad]))

    assert set(report.rows[0].errors) == {
        "titel",
        "vorm",
        "postcode",
        "uren_per_week",
        "minimale_leeftijd",
        "vog_nodig",
    }


def test_a_missing_postcode_needs_online(centre, staff, organisation):
    report = vacancy_import(
        centre=centre, actor=staff, uploaded=csv_file([row("41234567", postcode="", online="nee")])
    )

    assert "postcode" in report.rows[0].errors


# --- The file itself


def test_a_too_large_file_is_refused(client, centre, staff):
    client.force_login(staff)
    big = SimpleUploadedFile("groot.csv", b"titel\n" + b"x" * (2 * 1024 * 1024 + 1))

    response = client.post(
        reverse("vacancies:vacancy-import", args=[centre.public_id]), {"file": big}
    )

    assert response.status_code == 422
    assert "2 MB" in response.context["form"].errors["file"][0]
    assert not Vacancy.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("vacatures.pdf", b"%PDF-1.4", "file_type"),
        ("vacatures.xlsx", b"organisatie_kvk;titel\n", "not_xlsx"),
        ("vacatures.xlsx", b"PK\x03\x04 kapot", "xlsx"),
        ("vacatures.csv", b"PK\x03\x04 excel in disguise", "not_csv"),
        ("vacatures.csv", "titel;omschrijving\nCaf\u00e9;x\n".encode("latin-1"), "encoding"),
        ("vacatures.csv", ";".join(HEADER).encode(), "no_rows"),
    ],
)
def test_files_that_cannot_be_read_are_refused_with_a_reason(centre, staff, name, content, code):
    with pytest.raises(ImportFileError) as exc:
        vacancy_import(centre=centre, actor=staff, uploaded=SimpleUploadedFile(name, content))

    assert exc.value.code == code


def test_without_a_file_the_form_asks_for_one(client, centre, staff):
    client.force_login(staff)

    response = client.post(reverse("vacancies:vacancy-import", args=[centre.public_id]), {})

    assert response.status_code == 422
    assert "file" in response.context["form"].errors


def test_import_page_explains_the_columns_and_links_the_example(client, centre, staff):
    client.force_login(staff)

    response = client.get(reverse("vacancies:vacancy-import", args=[centre.public_id]))

    content = response.content.decode()
    for column in imports.IMPORT_COLUMNS:
        assert f"<code>{column}</code>" in content
    assert "?voorbeeld=csv" in content
    assert 'enctype="multipart/form-data"' in content

"""A volunteer centre imports vacancies from a CSV or Excel file.

Every row is checked first and gets its own line in the report. A file with any error
imports nothing: the vacancies are created in one transaction, only when every row is valid.
The columns are explained on the import page and in ``IMPORT_COLUMNS`` below.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.geo.models import PostcodeArea
from inzet.geo.selectors import postcode_area_get
from inzet.organisations.kvk import kvk_number_parse
from inzet.organisations.models import Organisation, Sector, VolunteerCentre
from inzet.vacancies.constants import VacancyStatus
from inzet.vacancies.models import Vacancy
from inzet.vacancies.services.lifecycle import VacancyData, vacancy_create, vacancy_publish
from inzet.volunteers.constants import VacancyForm

IMPORT_MAX_BYTES = 2 * 1024 * 1024
IMPORT_MAX_ROWS = 2000
IMPORT_MAX_COLUMNS = 50

# Column → is it required (one of the organisation and place columns is required as well).
IMPORT_COLUMNS: dict[str, bool] = {
    "organisatie_kvk": False,
    "organisatie_naam": False,
    "titel": True,
    "omschrijving": True,
    "taken": False,
    "sector": True,
    "vorm": True,
    "postcode": False,
    "online": False,
    "uren_per_week": False,
    "minimale_leeftijd": False,
    "vog_nodig": False,
    "vervaldatum": False,
}
ONE_OF_COLUMNS = (("organisatie_kvk", "organisatie_naam"), ("postcode", "online"))

YES = {"ja", "j", "yes", "y", "1", "waar", "true", "x"}
NO = {"nee", "n", "no", "0", "onwaar", "false", ""}

# Dutch words people use for the kinds of work, next to the codes and the labels.
FORM_ALIASES = {
    "regulier": VacancyForm.REGULAR,
    "regelmatig": VacancyForm.REGULAR,
    "vast": VacancyForm.REGULAR,
    "flexibel": VacancyForm.FLEXIBLE,
    "eenmalig": VacancyForm.ONE_OFF,
    "evenement": VacancyForm.ONE_OFF,
    "eenmalig of evenement": VacancyForm.ONE_OFF,
    "oproep": VacancyForm.ON_CALL,
    "op afroep": VacancyForm.ON_CALL,
    "oproepbasis": VacancyForm.ON_CALL,
    "taak": VacancyForm.TASK,
    "expertise": VacancyForm.TASK,
    "pro bono": VacancyForm.TASK,
    "taakgericht": VacancyForm.TASK,
    "online": VacancyForm.ONLINE,
}

EXAMPLE_CSV = (
    "organisatie_kvk;organisatie_naam;titel;omschrijving;taken;sector;vorm;postcode;online;"
    "uren_per_week;minimale_leeftijd;vog_nodig;vervaldatum\n"
    "41234567;;Voorlezen in de bibliotheek;Je leest kinderen voor op woensdagmiddag.;"
    "Voorlezen, boeken kiezen;onderwijs-taal;regelmatig;3511;nee;2;18;ja;31-12-2030\n"
    ";Stichting Buurtkracht;Online taalmaatje;Je oefent via video Nederlands met een "
    "nieuwkomer.;Gesprekken voeren;Onderwijs en taal;online;;ja;1,5;16;nee;2030-06-30\n"
)


class ImportFileError(ValidationError):
    """The file as a whole cannot be read (type, size, encoding, columns)."""


@dataclass
class ImportRow:
    number: int  # as in a spreadsheet: the header is row 1
    values: dict[str, str]
    errors: dict[str, list[str]] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)
    vacancy: Vacancy | None = None

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def title(self) -> str:
        return self.values.get("titel", "")

    def add_error(self, column: str, message: str) -> None:
        self.errors.setdefault(column, []).append(message)


@dataclass
class ImportReport:
    rows: list[ImportRow]
    imported: bool = False

    @property
    def error_rows(self) -> list[ImportRow]:
        return [row for row in self.rows if not row.ok]

    @property
    def created(self) -> list[Vacancy]:
        return [row.vacancy for row in self.rows if row.vacancy is not None]

    @property
    def published_count(self) -> int:
        return sum(1 for v in self.created if v.status == VacancyStatus.PUBLISHED)

    @property
    def submitted_count(self) -> int:
        return sum(1 for v in self.created if v.status == VacancyStatus.SUBMITTED)


# --- Reading the file


def _file_error(message: str, code: str) -> ImportFileError:
    return ImportFileError(message, code=code)


def _normalise_header(value: Any) -> str:
    text = "" if value is None else str(value)
    return re.sub(r"[\s\-]+", "_", text.strip().strip("\ufeff").lower())


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_csv(content: bytes) -> list[list[str]]:
    if content.startswith(b"PK\x03\x04") or b"\x00" in content[:4096]:
        raise _file_error(
            _(
                "This is not a CSV text file. Is it an Excel file? Then give it the extension "
                ".xlsx, or save it as “CSV UTF-8”."
            ),
            "not_csv",
        )
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _file_error(
            _(
                "The file is not in UTF-8. In Excel, choose “Save as” and then “CSV UTF-8 "
                "(comma delimited)”."
            ),
            "encoding",
        ) from None
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    try:
        return [
            [cell.strip() for cell in row]
            for row in csv.reader(io.StringIO(text), delimiter=delimiter)
        ]
    except csv.Error:
        raise _file_error(
            _("The CSV file cannot be read. Check that quotes are closed in every row."), "csv"
        ) from None


def _read_xlsx(content: bytes) -> list[list[str]]:
    from openpyxl import load_workbook  # imported here: only the import needs it

    if not content.startswith(b"PK\x03\x04"):
        raise _file_error(
            _("This is not an Excel file. Choose a .xlsx file or a CSV file."), "not_xlsx"
        )
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
        raise _file_error(
            _("This Excel file cannot be read. Save it again as .xlsx and try once more."),
            "xlsx",
        ) from None
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for values in sheet.iter_rows(max_col=IMPORT_MAX_COLUMNS, values_only=True):
            rows.append([_cell_text(value) for value in values])
            if len(rows) > IMPORT_MAX_ROWS + 1:
                break
        return rows
    except Exception:  # noqa: BLE001
        raise _file_error(
            _("This Excel file cannot be read. Save it again as .xlsx and try once more."),
            "xlsx",
        ) from None
    finally:
        workbook.close()


def vacancy_import_read(*, uploaded: UploadedFile) -> list[ImportRow]:
    """Check the file and its columns; return its rows (not checked yet) or raise."""
    name = (uploaded.name or "").lower()
    if not name.endswith((".csv", ".xlsx")):
        raise _file_error(
            _("Choose a file ending in .csv or .xlsx. Other file types cannot be imported."),
            "file_type",
        )
    if uploaded.size is not None and uploaded.size > IMPORT_MAX_BYTES:
        raise _file_error(
            _("The file is %(size)s MB; the maximum is 2 MB. Split it into smaller files.")
            % {"size": f"{uploaded.size / (1024 * 1024):.1f}".replace(".", ",")},
            "file_size",
        )
    content = uploaded.read(IMPORT_MAX_BYTES + 1)
    if len(content) > IMPORT_MAX_BYTES:
        raise _file_error(
            _("The file is larger than 2 MB. Split it into smaller files."), "file_size"
        )
    table = _read_xlsx(content) if name.endswith(".xlsx") else _read_csv(content)
    table = [row for row in table if any(cell for cell in row)]
    if not table:
        raise _file_error(
            _("The file is empty. The first row names the columns; each next row is a vacancy."),
            "empty",
        )
    headers = [_normalise_header(cell) for cell in table[0]]
    while headers and not headers[-1]:
        headers.pop()
    _check_headers(headers)
    rows = table[1:]
    if not rows:
        raise _file_error(
            _("The file has no vacancies: there are no rows under the header row."), "no_rows"
        )
    if len(rows) > IMPORT_MAX_ROWS:
        raise _file_error(
            _("The file has more than %(max)s vacancies. Split it into smaller files.")
            % {"max": IMPORT_MAX_ROWS},
            "too_many_rows",
        )
    # Row numbers as a spreadsheet shows them; blank lines were skipped but still count.
    numbered = []
    number = 1
    for raw in table[1:]:
        number += 1
        values = {
            header: (raw[index] if index < len(raw) else "") for index, header in enumerate(headers)
        }
        numbered.append(ImportRow(number=number, values=values))
    return numbered


def _check_headers(headers: list[str]) -> None:
    messages = []
    unknown = [h or _("(empty)") for h in headers if h not in IMPORT_COLUMNS]
    duplicates = sorted({h for h in headers if h and headers.count(h) > 1})
    missing = [
        name for name, required in IMPORT_COLUMNS.items() if required and name not in headers
    ]
    missing += [
        _("%(a)s or %(b)s") % {"a": a, "b": b}
        for a, b in ONE_OF_COLUMNS
        if a not in headers and b not in headers
    ]
    if unknown:
        messages.append(_("Unknown columns: %(columns)s.") % {"columns": ", ".join(unknown)})
    if duplicates:
        messages.append(
            _("Columns that appear twice: %(columns)s.") % {"columns": ", ".join(duplicates)}
        )
    if missing:
        messages.append(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
    if messages:
        messages.append(_("The first row must name the columns exactly as in the example file."))
        raise _file_error(" ".join(str(m) for m in messages), "columns")


# --- Checking the rows


class _Lookups:
    """What the rows refer to, loaded once per file."""

    def __init__(self, *, centre: VolunteerCentre):
        self.area = set(centre.municipalities_served.values_list("code", flat=True))
        self.sectors: dict[str, Sector] = {}
        for sector in Sector.objects.all():
            for key in (sector.slug, sector.name, sector.name_en):
                self.sectors[key.strip().lower()] = sector
        self.forms: dict[str, str] = dict(FORM_ALIASES)
        for value, label in VacancyForm.choices:
            self.forms[value] = value
            self.forms[str(label).lower()] = value
            with translation.override("nl"):
                self.forms[str(label).lower()] = value
        self._by_kvk: dict[str, Organisation | None] = {}
        self._by_name: dict[str, list[Organisation]] = {}
        self._areas: dict[str, PostcodeArea | ValidationError] = {}

    def organisation_by_kvk(self, kvk: str) -> Organisation | None:
        if kvk not in self._by_kvk:
            self._by_kvk[kvk] = Organisation.objects.filter(kvk_number=kvk).first()
        return self._by_kvk[kvk]

    def organisations_by_name(self, name: str) -> list[Organisation]:
        key = name.lower()
        if key not in self._by_name:
            self._by_name[key] = list(Organisation.objects.filter(name__iexact=name)[:5])
        return self._by_name[key]

    def postcode_area(self, postcode: str) -> PostcodeArea:
        if postcode not in self._areas:
            try:
                self._areas[postcode] = postcode_area_get(postcode=postcode)
            except ValidationError as exc:
                self._areas[postcode] = exc
        found = self._areas[postcode]
        if isinstance(found, ValidationError):
            raise found
        return found


def _yes_no(row: ImportRow, column: str) -> bool | None:
    value = row.values.get(column, "").strip().lower()
    if value in YES:
        return True
    if value in NO:
        return False
    row.add_error(column, _("Fill in “ja” or “nee”, not “%(value)s”.") % {"value": value})
    return None


def _parse_date(value: str) -> datetime.date | None:
    for pattern in ("%d-%m-%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(value, pattern).date()  # noqa: DTZ007 - a date
        except ValueError:
            continue
    return None


def _check_organisation(row: ImportRow, lookups: _Lookups) -> None:
    kvk = row.values.get("organisatie_kvk", "").strip()
    name = row.values.get("organisatie_naam", "").strip()
    organisation = None
    if kvk:
        column = "organisatie_kvk"
        try:
            organisation = lookups.organisation_by_kvk(kvk_number_parse(kvk))
        except ValidationError as exc:
            row.add_error(column, exc.messages[0])
            return
        if organisation is None:
            row.add_error(
                column,
                _("There is no organisation with KvK number %(kvk)s on Inzet.") % {"kvk": kvk},
            )
            return
    elif name:
        column = "organisatie_naam"
        found = lookups.organisations_by_name(name)
        in_area = [o for o in found if o.municipality_id in lookups.area]
        if not found:
            row.add_error(
                column,
                _(
                    "There is no organisation called “%(name)s” on Inzet. Check the name or use "
                    "the KvK number."
                )
                % {"name": name},
            )
            return
        if len(in_area) > 1:
            row.add_error(
                column,
                _(
                    "Several organisations are called “%(name)s”. Use the column "
                    "organisatie_kvk instead."
                )
                % {"name": name},
            )
            return
        organisation = in_area[0] if in_area else found[0]
    else:
        row.add_error(
            "organisatie_kvk" if "organisatie_kvk" in row.values else "organisatie_naam",
            _("Fill in the KvK number or the name of the organisation."),
        )
        return
    if organisation.municipality_id not in lookups.area:
        row.add_error(
            column,
            _("%(name)s is not in your centre's area. You can only import its own vacancies.")
            % {"name": organisation.name},
        )
        return
    row.data["organisation"] = organisation


def _check_texts(row: ImportRow) -> None:
    title = row.values.get("titel", "").strip()
    if not title:
        row.add_error("titel", _("Fill in a title."))
    elif len(title) > 150:
        row.add_error(
            "titel",
            _("The title is %(length)s characters; use at most 150.") % {"length": len(title)},
        )
    description = row.values.get("omschrijving", "").strip()
    if not description:
        row.add_error("omschrijving", _("Fill in a description of the work."))
    row.data.update(title=title, description=description, tasks=row.values.get("taken", ""))


def _check_choices(row: ImportRow, lookups: _Lookups) -> None:
    sector = row.values.get("sector", "").strip()
    if not sector:
        row.add_error("sector", _("Fill in a sector, for example “sport” or “Zorg en welzijn”."))
    elif sector.lower() not in lookups.sectors:
        row.add_error(
            "sector",
            _("Unknown sector “%(value)s”. Use a name or code from the list on this page.")
            % {"value": sector},
        )
    else:
        row.data["sector"] = lookups.sectors[sector.lower()]
    form = row.values.get("vorm", "").strip()
    if not form:
        row.add_error("vorm", _("Fill in the kind of work, for example “regelmatig”."))
    elif form.lower() not in lookups.forms:
        row.add_error(
            "vorm",
            _("Unknown kind of work “%(value)s”. Use one of the words from the list on this page.")
            % {"value": form},
        )
    else:
        row.data["form"] = lookups.forms[form.lower()]


def _check_place(row: ImportRow, lookups: _Lookups) -> None:
    online = _yes_no(row, "online") if "online" in row.values else False
    if online is None:
        return
    is_online = online or row.data.get("form") == VacancyForm.ONLINE
    postcode = row.values.get("postcode", "").strip()
    area = None
    if postcode:
        try:
            area = lookups.postcode_area(postcode)
        except ValidationError as exc:
            row.add_error("postcode", exc.messages[0])
            return
    elif not is_online:
        row.add_error(
            "postcode" if "postcode" in row.values else "online",
            _("Fill in the postcode where the work is done, or “ja” under online."),
        )
        return
    # The lifecycle places an online vacancy nowhere; otherwise in the postcode's area.
    row.data.update(is_online=is_online, postcode=area.pc4 if area and not is_online else "")


def _check_numbers(row: ImportRow) -> None:
    hours = row.values.get("uren_per_week", "").strip()
    if hours:
        try:
            value = Decimal(hours.replace(",", ".")).quantize(Decimal("0.1"), ROUND_HALF_UP)
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite() or not Decimal("0") < value <= Decimal("80"):
            row.add_error(
                "uren_per_week",
                _("Fill in the hours per week as a number from 0,5 to 80, for example 4 or 2,5."),
            )
        else:
            row.data["hours_per_week"] = value
    age = row.values.get("minimale_leeftijd", "").strip()
    if age:
        if not age.isdigit() or int(age) > 99:
            row.add_error(
                "minimale_leeftijd",
                _("Fill in the minimum age as a whole number from 0 to 99, for example 16."),
            )
        else:
            row.data["min_age"] = int(age)
    if "vog_nodig" in row.values:
        vog = _yes_no(row, "vog_nodig")
        if vog is not None:
            row.data["vog_required"] = vog
    expires = row.values.get("vervaldatum", "").strip()
    if expires:
        date = _parse_date(expires)
        if date is None:
            row.add_error(
                "vervaldatum",
                _(
                    "“%(value)s” is not a date. Write it as dd-mm-jjjj (31-12-2025) or "
                    "jjjj-mm-dd (2025-12-31)."
                )
                % {"value": expires},
            )
        elif date < timezone.localdate():
            row.add_error(
                "vervaldatum",
                _("The date %(value)s has passed. Choose a date in the future.")
                % {"value": expires},
            )
        else:
            row.data["expires_on"] = date


def vacancy_import_check(*, centre: VolunteerCentre, rows: list[ImportRow]) -> None:
    """Check every row; errors are kept on the row, per column."""
    lookups = _Lookups(centre=centre)
    for row in rows:
        _check_organisation(row, lookups)
        _check_texts(row)
        _check_choices(row, lookups)
        _check_place(row, lookups)
        _check_numbers(row)


# --- Importing


class _RollBack(Exception):
    pass


# The lifecycle service's field names, as columns of the file.
_FIELD_COLUMNS = {
    "title": "titel",
    "description": "omschrijving",
    "tasks": "taken",
    "sector": "sector",
    "form": "vorm",
    "postcode": "postcode",
    "is_online": "online",
    "hours_per_week": "uren_per_week",
    "min_age": "minimale_leeftijd",
    "vog_required": "vog_nodig",
    "expires_on": "vervaldatum",
}


def _vacancy_create(*, data: dict[str, Any], actor: User) -> Vacancy:
    """Through the lifecycle: a draft, then published, or submitted when a responsible
    centre wants to approve new vacancies first."""
    fields = dict(data)
    organisation = fields.pop("organisation")
    vacancy = vacancy_create(organisation=organisation, actor=actor, data=VacancyData(**fields))
    return vacancy_publish(vacancy=vacancy, actor=actor)


def _row_add_service_error(row: ImportRow, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            for error in errors:
                row.add_error(_FIELD_COLUMNS.get(name, ""), error.messages[0])
    else:
        for message in exc.messages:
            row.add_error("", message)


def vacancy_import(*, centre: VolunteerCentre, actor: User, uploaded: UploadedFile) -> ImportReport:
    """Read, check every row, and import all rows in one go or none at all.

    Raises ImportFileError when the file as a whole is wrong (type, size, columns).
    """
    rows = vacancy_import_read(uploaded=uploaded)
    vacancy_import_check(centre=centre, rows=rows)
    report = ImportReport(rows=rows)
    if report.error_rows:
        return report
    try:
        with transaction.atomic():
            for row in rows:
                try:
                    row.vacancy = _vacancy_create(data=row.data, actor=actor)
                except ValidationError as exc:
                    _row_add_service_error(row, exc)
            if report.error_rows:
                raise _RollBack
    except _RollBack:
        for row in rows:
            row.vacancy = None
        return report
    report.imported = True
    return report

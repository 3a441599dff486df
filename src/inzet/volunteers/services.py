"""Writes for volunteer profiles."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.geo.postcodes import postcode_parse
from inzet.geo.selectors import postcode_area_get
from inzet.organisations.models import Sector

from .constants import DutchLevel, VacancyForm, VogStatus
from .models import Skill, VolunteerProfile
from .selectors import slot_mask_from_keys

MIN_AGE = 14
MAX_DISTANCE_KM = 100

# Languages a volunteer can tick; stored as ISO 639 codes. Names are in Dutch on purpose:
# they are shown as-is, and a language's Dutch name is what centres and organisations use.
LANGUAGES: list[tuple[str, str]] = [
    ("nl", "Nederlands"),
    ("en", "Engels"),
    ("ar", "Arabisch"),
    ("ti", "Tigrinya"),
    ("uk", "Oekraïens"),
    ("tr", "Turks"),
    ("pl", "Pools"),
    ("de", "Duits"),
    ("fr", "Frans"),
    ("es", "Spaans"),
    ("pt", "Portugees"),
    ("ru", "Russisch"),
    ("fa", "Perzisch (Farsi, Dari)"),
    ("so", "Somalisch"),
    ("ber", "Berbers (Tamazight)"),
    ("pap", "Papiaments"),
    ("srn", "Sranantongo"),
    ("ngt", "Nederlandse Gebarentaal"),
]
LANGUAGE_CODES = {code for code, _name in LANGUAGES}


@dataclass(frozen=True)
class VolunteerProfileData:
    postcode: str = ""
    max_distance_km: int = 10
    availability: tuple[str, ...] = ()  # day-part keys, "sat_morning"
    interests: tuple[Sector, ...] = ()
    skills: tuple[Skill, ...] = ()
    languages: tuple[str, ...] = ()
    dutch_level: int = DutchLevel.GOOD
    birth_year: int | None = None
    vog: str = VogStatus.NO
    forms: tuple[str, ...] = field(default=())


def birth_year_check(year: int | None, *, this_year: int | None = None) -> None:
    """Volunteers on Inzet are 14 or older; the year must be a real one."""
    if year is None:
        return
    this_year = this_year or timezone.localdate().year
    if year < 1900 or year > this_year - 12:
        raise ValidationError(
            _("Enter your year of birth as four digits, between 1900 and %(last)s.")
            % {"last": this_year - 12},
            code="birth_year_range",
        )
    if year > this_year - MIN_AGE:
        raise ValidationError(
            _(
                "You can volunteer through Inzet from the year you turn %(age)s. "
                "Ask your school about MDT (maatschappelijke diensttijd) in the meantime."
            )
            % {"age": MIN_AGE},
            code="too_young",
        )


def _clean(data: VolunteerProfileData) -> dict:
    errors: dict[str, list[ValidationError]] = {}
    area = None
    if data.postcode.strip():
        try:
            area = postcode_area_get(postcode=str(postcode_parse(data.postcode)))
        except ValidationError as exc:
            errors["postcode"] = [exc]
    if not 1 <= data.max_distance_km <= MAX_DISTANCE_KM:
        errors["max_distance_km"] = [
            ValidationError(
                _("Choose a distance from 1 to %(max)s km.") % {"max": MAX_DISTANCE_KM},
                code="distance_range",
            )
        ]
    try:
        birth_year_check(data.birth_year)
    except ValidationError as exc:
        errors["birth_year"] = [exc]
    if set(data.languages) - LANGUAGE_CODES:
        errors["languages"] = [ValidationError(_("Choose languages from the list."), code="lang")]
    if set(data.forms) - set(VacancyForm.values):
        errors["forms"] = [ValidationError(_("Choose kinds of work from the list."), code="form")]
    if data.vog not in VogStatus.values:
        errors["vog"] = [ValidationError(_("Choose one of the VOG options."), code="vog")]
    if data.dutch_level not in DutchLevel.values:
        errors["dutch_level"] = [ValidationError(_("Choose your level of Dutch."), code="dutch")]
    if errors:
        raise ValidationError(errors)
    return {
        "postcode_area": area,
        "max_distance_km": data.max_distance_km,
        "availability": slot_mask_from_keys(data.availability),
        "languages": [code for code, _name in LANGUAGES if code in data.languages],
        "dutch_level": data.dutch_level,
        "birth_year": data.birth_year,
        "vog": data.vog,
        "forms": [value for value in VacancyForm.values if value in data.forms],
    }


@transaction.atomic
def volunteer_profile_save(*, user: User, data: VolunteerProfileData) -> VolunteerProfile:
    """Create or update the person's volunteer profile; all or nothing."""
    fields = _clean(data)
    profile, _created = VolunteerProfile.objects.update_or_create(
        user=user, defaults={**fields, "updated_at": timezone.now()}
    )
    profile.interests.set(data.interests)
    profile.skills.set(data.skills)
    return profile


def volunteer_data_erase(*, user: User) -> None:
    """Part of erasing an account: the profile, responses, saved searches and mediation cases."""
    VolunteerProfile.objects.filter(user=user).delete()
    user.vacancy_responses.all().delete()
    user.saved_searches.all().delete()
    user.mediation_cases.all().delete()

"""The facts an organisation tells about itself, and the questions that ask for them.

Which questions are asked follows from the rules: a fact is asked only when a registered
rule reads it, and only when its ``ask_if`` holds given the answers before it.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from inzet.organisations.constants import LegalForm

BOOL, CHOICE, INTEGER, MONEY = "bool", "choice", "integer", "money"

ENTITIES = {LegalForm.ASSOCIATION, LegalForm.FOUNDATION, LegalForm.COOPERATIVE}
INFORMAL = {LegalForm.INFORMAL_ASSOCIATION, LegalForm.CITIZENS_INITIATIVE, LegalForm.OTHER}

STEPS: list[tuple[str, Promise]] = [
    ("organisation", _("Your organisation")),
    ("people", _("Volunteers and staff")),
    ("data", _("Personal data")),
    ("money", _("Money")),
    ("activities", _("Activities and insurance")),
]


def _always(facts: Mapping[str, Any]) -> bool:
    return True


@dataclass(frozen=True)
class Fact:
    key: str
    step: str
    kind: str
    question: Promise
    help_text: Promise | str = ""
    choices: tuple[tuple[str, Promise], ...] = ()
    ask_if: Callable[[Mapping[str, Any]], bool] = _always
    minimum: int = 0
    maximum: int = 1_000_000


def _form_in(*forms: str) -> Callable[[Mapping[str, Any]], bool]:
    return lambda f: f.get("legal_form") in set(forms)


FACTS: list[Fact] = [
    # --- organisation
    Fact(
        "legal_form",
        "organisation",
        CHOICE,
        _("What is the legal form of your organisation?"),
        choices=tuple(LegalForm.choices),
    ),
    Fact(
        "kvk_registered",
        "organisation",
        BOOL,
        _("Is your organisation registered with the Chamber of Commerce (KvK)?"),
        ask_if=lambda f: f.get("legal_form") in INFORMAL,
    ),
    Fact(
        "runs_enterprise",
        "organisation",
        BOOL,
        _("Does your association run a business (an enterprise), such as a shop or paid services?"),
        ask_if=_form_in(LegalForm.INFORMAL_ASSOCIATION),
    ),
    Fact(
        "board_size",
        "organisation",
        INTEGER,
        _("How many board members are there?"),
        help_text=_("Count everyone on the board. An initiative without a board fills in 0."),
        maximum=100,
    ),
    Fact(
        "has_supervisory_body",
        "organisation",
        BOOL,
        _("Is there a supervisory board (raad van toezicht or raad van commissarissen)?"),
        ask_if=lambda f: f.get("legal_form") in ENTITIES,
    ),
    Fact(
        "statutes_multiple_votes",
        "organisation",
        BOOL,
        _("Do the statutes give one board member more than one vote?"),
        ask_if=lambda f: f.get("legal_form") in ENTITIES,
    ),
    Fact(
        "statutes_absence_clause",
        "organisation",
        BOOL,
        _(
            "Do the statutes say who runs the organisation when all board members are absent "
            "or unable to act?"
        ),
        help_text=_("In Dutch: a rule on 'ontstentenis en belet'."),
        ask_if=lambda f: f.get("legal_form") in ENTITIES,
    ),
    # --- people
    Fact("paid_staff", "people", BOOL, _("Does your organisation have paid staff?")),
    Fact(
        "volunteer_count",
        "people",
        INTEGER,
        _("About how many volunteers do you have?"),
        maximum=100_000,
    ),
    Fact(
        "volunteers_under_18",
        "people",
        BOOL,
        _("Do volunteers under 18 work with you?"),
        ask_if=lambda f: (f.get("volunteer_count") or 0) > 0,
    ),
    Fact(
        "pregnant_volunteers",
        "people",
        BOOL,
        _("Do pregnant or breastfeeding volunteers work with you?"),
        ask_if=lambda f: (f.get("volunteer_count") or 0) > 0,
    ),
    Fact(
        "serious_risks",
        "people",
        BOOL,
        _(
            "Do volunteers do work with serious risks, such as dangerous substances, work at "
            "height, building work, loud noise or heavy physical work?"
        ),
        ask_if=lambda f: (f.get("volunteer_count") or 0) > 0,
    ),
    Fact(
        "works_with_vulnerable",
        "people",
        BOOL,
        _(
            "Do volunteers work with minors or other vulnerable people, such as older people, "
            "people with a disability or people with debts?"
        ),
        ask_if=lambda f: (f.get("volunteer_count") or 0) > 0,
    ),
    Fact(
        "vog_required_by_law",
        "people",
        BOOL,
        _(
            "Must these volunteers already have a VOG by law, for example in childcare "
            "(kinderopvang) or lunchtime care at school?"
        ),
        ask_if=lambda f: f.get("works_with_vulnerable") is True,
    ),
    Fact(
        "has_code_of_conduct",
        "people",
        BOOL,
        _("Do you have a code of conduct for volunteers?"),
        ask_if=lambda f: f.get("works_with_vulnerable") is True,
    ),
    Fact(
        "has_selection_policy",
        "people",
        BOOL,
        _("Do you screen new volunteers, for example with an intake interview and references?"),
        ask_if=lambda f: f.get("works_with_vulnerable") is True,
    ),
    Fact(
        "has_confidential_adviser",
        "people",
        BOOL,
        _("Is there a confidential adviser (vertrouwenspersoon) volunteers can go to?"),
        ask_if=lambda f: f.get("works_with_vulnerable") is True,
    ),
    Fact(
        "volunteers_with_benefit",
        "people",
        BOOL,
        _("Do volunteers with an unemployment benefit (WW) or another UWV benefit work with you?"),
        ask_if=lambda f: (f.get("volunteer_count") or 0) > 0,
    ),
    Fact(
        "volunteers_asylum_seekers",
        "people",
        BOOL,
        _("Do asylum seekers work with you as volunteers?"),
        ask_if=lambda f: (f.get("volunteer_count") or 0) > 0,
    ),
    # --- personal data
    Fact(
        "processes_personal_data",
        "data",
        BOOL,
        _("Do you keep personal data, such as a list of members, volunteers or participants?"),
    ),
    Fact(
        "special_category_data",
        "data",
        BOOL,
        _("Do you keep sensitive data, such as health, religion, origin or criminal records?"),
        ask_if=lambda f: f.get("processes_personal_data") is True,
    ),
    Fact(
        "uses_external_services",
        "data",
        BOOL,
        _(
            "Do other companies process these data for you, such as a membership system, "
            "mailing service or cloud storage?"
        ),
        ask_if=lambda f: f.get("processes_personal_data") is True,
    ),
    Fact(
        "publishes_photos",
        "data",
        BOOL,
        _("Do you publish photos or videos in which people can be recognised?"),
    ),
    Fact(
        "photos_of_minors",
        "data",
        BOOL,
        _("Are children under 16 in those photos or videos?"),
        ask_if=lambda f: f.get("publishes_photos") is True,
    ),
    # --- money
    Fact(
        "pays_allowance",
        "money",
        BOOL,
        _(
            "Do volunteers get a fixed allowance (vrijwilligersvergoeding), not just their real "
            "costs back?"
        ),
        ask_if=lambda f: (f.get("volunteer_count") or 0) > 0,
    ),
    Fact(
        "allowance_per_hour",
        "money",
        MONEY,
        _("Allowance per hour, in euros (leave empty if you do not pay per hour)"),
        ask_if=lambda f: f.get("pays_allowance") is True,
        maximum=1_000,
    ),
    Fact(
        "allowance_per_month",
        "money",
        MONEY,
        _("Highest allowance one volunteer gets per month, in euros"),
        ask_if=lambda f: f.get("pays_allowance") is True,
        maximum=100_000,
    ),
    Fact(
        "allowance_per_year",
        "money",
        MONEY,
        _("Highest allowance one volunteer gets per year, in euros"),
        ask_if=lambda f: f.get("pays_allowance") is True,
        maximum=1_000_000,
    ),
    Fact(
        "youngest_paid_volunteer_age",
        "money",
        INTEGER,
        _("Age of the youngest volunteer who gets an hourly allowance"),
        ask_if=lambda f: (
            f.get("pays_allowance") is True and f.get("allowance_per_hour") not in (None, "")
        ),
        minimum=0,
        maximum=120,
    ),
    Fact(
        "anbi_status",
        "money",
        CHOICE,
        _("Is your organisation an ANBI?"),
        choices=(("no", _("No")), ("yes", _("Yes")), ("wants", _("Not yet, but we want to be"))),
    ),
    Fact(
        "sbbi_status",
        "money",
        BOOL,
        _(
            "Does your organisation serve its members and society, as a sports club, choir, "
            "scouting group or community centre does (SBBI)?"
        ),
        ask_if=lambda f: f.get("anbi_status") == "no",
    ),
    Fact(
        "fundraising",
        "money",
        BOOL,
        _("Do you raise money from the public (fundraising)?"),
        ask_if=lambda f: f.get("anbi_status") == "yes",
    ),
    Fact(
        "annual_income",
        "money",
        MONEY,
        _("Income in the last financial year, in euros"),
        ask_if=lambda f: f.get("anbi_status") == "yes",
        maximum=1_000_000_000,
    ),
    Fact(
        "annual_expenses",
        "money",
        MONEY,
        _("Expenses in the last financial year, in euros"),
        ask_if=lambda f: f.get("anbi_status") == "yes",
        maximum=1_000_000_000,
    ),
    # --- activities
    Fact("lottery", "activities", BOOL, _("Do you hold a lottery, raffle or bingo?")),
    Fact(
        "lottery_prize_value",
        "activities",
        MONEY,
        _("Total value of all prizes of the lottery, in euros"),
        ask_if=lambda f: f.get("lottery") is True,
        maximum=100_000_000,
    ),
    Fact("bar_canteen", "activities", BOOL, _("Do you run a bar or canteen?")),
    Fact(
        "has_liability_insurance",
        "activities",
        BOOL,
        _("Does the organisation have its own liability insurance?"),
    ),
]

FACTS_BY_KEY: dict[str, Fact] = {fact.key: fact for fact in FACTS}


def facts_needed(rules) -> list[Fact]:
    """The facts any of the given rules reads, in questionnaire order."""
    used = {key for rule in rules for key in rule.facts}
    unknown = used - FACTS_BY_KEY.keys()
    if unknown:
        raise LookupError(f"Rules read facts that have no question: {sorted(unknown)}")
    return [fact for fact in FACTS if fact.key in used]


def facts_to_ask(*, step: str, answers: Mapping[str, Any], rules) -> list[Fact]:
    return [f for f in facts_needed(rules) if f.step == step and f.ask_if(answers)]


def facts_clean(answers: Mapping[str, Any], rules) -> dict[str, Any]:
    """Drop answers to questions that no longer apply (the person changed an earlier answer)."""
    cleaned: dict[str, Any] = {}
    for fact in facts_needed(rules):
        if fact.key in answers and fact.ask_if(cleaned):
            cleaned[fact.key] = answers[fact.key]
    return cleaned


def fact_parse(fact: Fact, value: Any) -> Any:
    """Check and convert one answer; raise ValidationError with a Dutch message."""
    if value is None or value == "":
        if fact.kind == MONEY:
            return None
        raise ValidationError(gettext("Answer this question."), code="required")
    if fact.kind == BOOL:
        if isinstance(value, bool):
            return value
        raise ValidationError(gettext("Answer with yes or no."), code="invalid")
    if fact.kind == CHOICE:
        allowed = {key for key, _label in fact.choices}
        if value in allowed:
            return value
        raise ValidationError(
            gettext("Choose one of: %(choices)s.") % {"choices": ", ".join(sorted(allowed))},
            code="invalid_choice",
        )
    try:
        number = Decimal(str(value).replace(",", ".").strip())
    except InvalidOperation:
        raise ValidationError(gettext("Fill in a number."), code="invalid") from None
    if fact.kind == INTEGER and number != number.to_integral_value():
        raise ValidationError(gettext("Fill in a whole number."), code="invalid")
    if number < fact.minimum or number > fact.maximum:
        raise ValidationError(
            gettext("Fill in a number from %(min)s to %(max)s.")
            % {"min": fact.minimum, "max": f"{fact.maximum:,}".replace(",", ".")},
            code="out_of_range",
        )
    return int(number) if fact.kind == INTEGER else number.quantize(Decimal("0.01"))


def facts_contradictions(facts: Mapping[str, Any]) -> dict[str, str]:
    """Answers that cannot all be true at once: field → Dutch message."""
    problems: dict[str, str] = {}
    if facts.get("legal_form") == LegalForm.CITIZENS_INITIATIVE and facts.get("anbi_status") in {
        "yes",
        "wants",
    }:
        problems["anbi_status"] = gettext(
            "An initiative without a legal entity cannot be an ANBI. Only a foundation, "
            "association or church body can. Change the legal form or this answer."
        )
    if facts.get("legal_form") == LegalForm.FOUNDATION and facts.get("board_size") == 0:
        problems["board_size"] = gettext("A foundation always has at least one board member.")
    if facts.get("volunteer_count") == 0 and facts.get("pays_allowance"):
        problems["pays_allowance"] = gettext(
            "You said you have no volunteers. Then nobody gets an allowance."
        )
    return problems

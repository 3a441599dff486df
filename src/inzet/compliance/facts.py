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


@dataclass(frozen=True)
class Clause:
    """One test on an earlier answer: ``in`` (one of ``values``), ``gt`` (a number above
    ``values[0]``; no answer counts as 0) or ``filled`` (answered, not empty)."""

    fact: str
    op: str
    values: tuple[Any, ...] = ()

    def holds(self, facts: Mapping[str, Any]) -> bool:
        value = facts.get(self.fact)
        if self.op == "in":
            # ``is`` for yes/no, so the number 1 never passes for "yes".
            return any(
                value is v if isinstance(v, bool) else (not isinstance(value, bool) and value == v)
                for v in self.values
            )
        if self.op == "gt":
            return (value or 0) > self.values[0]
        if self.op == "filled":
            return value not in (None, "")
        raise ValueError(f"Unknown operator {self.op!r}")

    def as_data(self) -> dict[str, Any]:
        """The clause as the questionnaire's JavaScript reads it: values as the form posts
        them ("yes"/"no" for a yes/no answer)."""
        if self.op == "gt":
            return {"fact": self.fact, "op": self.op, "values": [float(self.values[0])]}
        posted = [("yes" if v else "no") if isinstance(v, bool) else str(v) for v in self.values]
        return {"fact": self.fact, "op": self.op, "values": posted}


@dataclass(frozen=True)
class When:
    """When a question is asked: all clauses hold for the answers before it.

    Data rather than a lambda, so the page can also be told (compliance.js) to show a
    follow-up question the moment an answer on the same page makes it apply.
    """

    clauses: tuple[Clause, ...] = ()

    def __call__(self, facts: Mapping[str, Any]) -> bool:
        return all(clause.holds(facts) for clause in self.clauses)


def when(*clauses: Clause) -> When:
    return When(tuple(clauses))


def is_in(key: str, *values: Any) -> Clause:
    return Clause(key, "in", tuple(sorted(values, key=str)))


def yes(key: str) -> Clause:
    return Clause(key, "in", (True,))


def more_than(key: str, number: int) -> Clause:
    return Clause(key, "gt", (number,))


def filled(key: str) -> Clause:
    return Clause(key, "filled")


HAS_VOLUNTEERS = when(more_than("volunteer_count", 0))
IS_ENTITY = when(is_in("legal_form", *ENTITIES))


@dataclass(frozen=True)
class Fact:
    key: str
    step: str
    kind: str
    question: Promise
    help_text: Promise | str = ""
    choices: tuple[tuple[str, Promise], ...] = ()
    ask_if: Callable[[Mapping[str, Any]], bool] = When()
    minimum: int = 0
    maximum: int = 1_000_000


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
        ask_if=when(is_in("legal_form", *INFORMAL)),
    ),
    Fact(
        "runs_enterprise",
        "organisation",
        BOOL,
        _("Does your association run a business (an enterprise), such as a shop or paid services?"),
        ask_if=when(is_in("legal_form", LegalForm.INFORMAL_ASSOCIATION)),
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
        ask_if=IS_ENTITY,
    ),
    Fact(
        "statutes_multiple_votes",
        "organisation",
        BOOL,
        _("Do the statutes give one board member more than one vote?"),
        ask_if=IS_ENTITY,
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
        ask_if=IS_ENTITY,
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
        ask_if=HAS_VOLUNTEERS,
    ),
    Fact(
        "pregnant_volunteers",
        "people",
        BOOL,
        _("Do pregnant or breastfeeding volunteers work with you?"),
        ask_if=HAS_VOLUNTEERS,
    ),
    Fact(
        "serious_risks",
        "people",
        BOOL,
        _(
            "Do volunteers do work with serious risks, such as dangerous substances, work at "
            "height, building work, loud noise or heavy physical work?"
        ),
        ask_if=HAS_VOLUNTEERS,
    ),
    Fact(
        "works_with_vulnerable",
        "people",
        BOOL,
        _(
            "Do volunteers work with minors or other vulnerable people, such as older people, "
            "people with a disability or people with debts?"
        ),
        ask_if=HAS_VOLUNTEERS,
    ),
    Fact(
        "vog_required_by_law",
        "people",
        BOOL,
        _(
            "Must these volunteers already have a VOG by law, for example in childcare "
            "(kinderopvang) or lunchtime care at school?"
        ),
        ask_if=when(yes("works_with_vulnerable")),
    ),
    Fact(
        "has_code_of_conduct",
        "people",
        BOOL,
        _("Do you have a code of conduct for volunteers?"),
        ask_if=when(yes("works_with_vulnerable")),
    ),
    Fact(
        "has_selection_policy",
        "people",
        BOOL,
        _("Do you screen new volunteers, for example with an intake interview and references?"),
        ask_if=when(yes("works_with_vulnerable")),
    ),
    Fact(
        "has_confidential_adviser",
        "people",
        BOOL,
        _("Is there a confidential adviser (vertrouwenspersoon) volunteers can go to?"),
        ask_if=when(yes("works_with_vulnerable")),
    ),
    Fact(
        "volunteers_with_benefit",
        "people",
        BOOL,
        _("Do volunteers with an unemployment benefit (WW) or another UWV benefit work with you?"),
        ask_if=HAS_VOLUNTEERS,
    ),
    Fact(
        "volunteers_asylum_seekers",
        "people",
        BOOL,
        _("Do asylum seekers work with you as volunteers?"),
        ask_if=HAS_VOLUNTEERS,
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
        ask_if=when(yes("processes_personal_data")),
    ),
    Fact(
        "uses_external_services",
        "data",
        BOOL,
        _(
            "Do other companies process these data for you, such as a membership system, "
            "mailing service or cloud storage?"
        ),
        ask_if=when(yes("processes_personal_data")),
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
        ask_if=when(yes("publishes_photos")),
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
        ask_if=HAS_VOLUNTEERS,
    ),
    Fact(
        "allowance_per_hour",
        "money",
        MONEY,
        _("Allowance per hour, in euros (leave empty if you do not pay per hour)"),
        ask_if=when(yes("pays_allowance")),
        maximum=1_000,
    ),
    Fact(
        "allowance_per_month",
        "money",
        MONEY,
        _("Highest allowance one volunteer gets per month, in euros"),
        ask_if=when(yes("pays_allowance")),
        maximum=100_000,
    ),
    Fact(
        "allowance_per_year",
        "money",
        MONEY,
        _("Highest allowance one volunteer gets per year, in euros"),
        ask_if=when(yes("pays_allowance")),
        maximum=1_000_000,
    ),
    Fact(
        "youngest_paid_volunteer_age",
        "money",
        INTEGER,
        _("Age of the youngest volunteer who gets an hourly allowance"),
        ask_if=when(yes("pays_allowance"), filled("allowance_per_hour")),
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
        ask_if=when(is_in("anbi_status", "no")),
    ),
    Fact(
        "fundraising",
        "money",
        BOOL,
        _("Do you raise money from the public (fundraising)?"),
        ask_if=when(is_in("anbi_status", "yes")),
    ),
    Fact(
        "annual_income",
        "money",
        MONEY,
        _("Income in the last financial year, in euros"),
        ask_if=when(is_in("anbi_status", "yes")),
        maximum=1_000_000_000,
    ),
    Fact(
        "annual_expenses",
        "money",
        MONEY,
        _("Expenses in the last financial year, in euros"),
        ask_if=when(is_in("anbi_status", "yes")),
        maximum=1_000_000_000,
    ),
    # --- activities
    Fact("lottery", "activities", BOOL, _("Do you hold a lottery, raffle or bingo?")),
    Fact(
        "lottery_prize_value",
        "activities",
        MONEY,
        _("Total value of all prizes of the lottery, in euros"),
        ask_if=when(yes("lottery")),
        maximum=100_000_000,
    ),
    Fact(
        "events",
        "activities",
        BOOL,
        _("Do you organise events, such as a tournament, party, fair or open day?"),
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


def facts_candidates(*, step: str, answers: Mapping[str, Any], rules) -> list[Fact]:
    """The questions of one step that are asked now, plus the follow-ups an answer on the
    same page could still make apply (their conditions on other pages hold). The page shows
    the first and hides the others until compliance.js sees they apply."""
    return [
        fact
        for fact in facts_needed(rules)
        if fact.step == step and (fact.ask_if(answers) or _may_apply_on_page(fact, answers))
    ]


def _may_apply_on_page(fact: Fact, answers: Mapping[str, Any]) -> bool:
    if not isinstance(fact.ask_if, When):
        return False  # a plain function cannot be split up: only asked when it holds
    return all(
        clause.holds(answers)
        for clause in fact.ask_if.clauses
        if FACTS_BY_KEY[clause.fact].step != fact.step
    )


def fact_condition_on_page(fact: Fact) -> list[dict[str, Any]]:
    """The part of a question's condition that depends on answers on its own page, as data
    for compliance.js; empty when no answer on the page changes whether it is asked."""
    if not isinstance(fact.ask_if, When):
        return []
    return [
        clause.as_data()
        for clause in fact.ask_if.clauses
        if FACTS_BY_KEY[clause.fact].step == fact.step
    ]


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

"""Vrijwilligersvergoeding: the tax-free allowance for volunteers.

The limits per hour, month and year change by year (see parameters.py); whether an allowance
stays within them is decided by ``services.allowance_check``. Source: domain facts §1 ([V]
Belastingdienst 2023 and 2024 pages: all three limits must be respected, above the monthly or
yearly limit the whole amount is taxable, real costs only with receipts are not the allowance
and have no fixed maximum, costs paid on top of an hourly allowance count towards the monthly
limit; [S]
dewve.nl, plusonline.nl: the limits count per volunteer across all organisations; 2025 and
2026 amounts [S], see parameters.py).
"""

from datetime import date

from django.core.exceptions import ValidationError

from inzet.compliance import services
from inzet.compliance.engine import Context, Rule, RuleKind, register
from inzet.compliance.parameters import known_years
from inzet.compliance.rules._money import euro

DOSSIER = "https://www.belastingdienst.nl/"
FIRST_KNOWN_YEAR = date(2023, 1, 1)
LAST_KNOWN_YEAR = date(2026, 12, 31)


def _within_limits(c: Context) -> list[str]:
    if not c.yes("pays_allowance"):
        return []
    per_hour = c.number("allowance_per_hour")
    age_given = c.number("youngest_paid_volunteer_age")
    adult_age = int(c.parameter("allowance.adult_age"))
    age = int(age_given) if age_given is not None else None
    if per_hour is not None and age is None:
        age = adult_age  # no age given: assume an adult volunteer
    try:
        result = services.allowance_check(
            year=c.on.year,
            age=age,
            per_hour=per_hour,
            per_month=c.number("allowance_per_month"),
            per_year=c.number("allowance_per_year"),
        )
    except ValidationError as error:
        if "year" in getattr(error, "error_dict", {}):
            return []  # the limits for this year are not known
        raise
    if result.within_limits:
        return []

    year = result.year
    why = []
    if "per_hour" in result.exceeded:
        young = age is not None and age < adult_age
        who = f"jonger dan {adult_age}" if young else f"van {adult_age} jaar en ouder"
        paid = f"Je betaalt {euro(per_hour, cents=True)} per uur"
        if age_given is not None:
            paid += f" aan een vrijwilliger van {age} jaar"
        why.append(
            f"{paid}. In {year} is het maximum voor vrijwilligers {who}: "
            f"{euro(result.limits['per_hour'], cents=True)} per uur."
        )
        if age_given is None:
            why.append(
                f"Je vulde geen leeftijd in. We gingen uit van een vrijwilliger van {adult_age} "
                "jaar of ouder."
            )
        why.append(
            "Een hoger bedrag per uur mag alleen als je kunt laten zien dat het veel lager is "
            "dan wat betaald werk oplevert. Lukt dat niet, dan is de hele vergoeding belast."
        )
    for name, unit in (("per_month", "maand"), ("per_year", "jaar")):
        if name in result.exceeded:
            amount = c.number(f"allowance_{name}")
            why.append(
                f"Je betaalt een vrijwilliger tot {euro(amount)} per {unit}. In {year} is het "
                f"maximum {euro(result.limits[name])} per {unit}."
            )
    if "per_month" in result.exceeded or "per_year" in result.exceeded:
        why.append(
            "Boven de grens per maand of per jaar is de hele vergoeding belast, niet alleen het "
            "deel erboven. De vrijwilliger moet dan met bonnen laten zien welke kosten echt "
            "gemaakt zijn."
        )
    return why


register(
    Rule(
        key="allowance.within_limits",
        topic="allowance",
        kind=RuleKind.DUTY,
        title="Blijf binnen de grenzen van de vrijwilligersvergoeding",
        action=(
            "Een vaste vergoeding is alleen belastingvrij als je binnen alle grenzen blijft: per "
            "uur, per maand én per jaar. Verlaag de vergoeding tot onder de grenzen, of betaal "
            "alleen echte kosten terug met bonnen. Betaal je meer? Dan is de vergoeding belast: "
            "vraag na bij de Belastingdienst wat je dan moet regelen."
        ),
        legal_basis="Wet op de loonbelasting 1964 (vrijwilligersregeling); bedragen per jaar",
        facts=(
            "pays_allowance",
            "allowance_per_hour",
            "allowance_per_month",
            "allowance_per_year",
            "youngest_paid_volunteer_age",
        ),
        condition=_within_limits,
        dossier=DOSSIER,
        valid_from=FIRST_KNOWN_YEAR,
        valid_to=LAST_KNOWN_YEAR,
    )
)


def _limits_unknown(c: Context) -> list[str]:
    # The toolbox ships only amounts it has a source for; it never guesses a year's limits.
    if not c.yes("pays_allowance") or c.on.year in known_years("allowance.max_per_month"):
        return []
    return [
        f"Je betaalt een vaste vergoeding. De grenzen voor {c.on.year} staan nog niet in de "
        "toolbox, dus we kunnen niet zeggen of je vergoeding belastingvrij blijft."
    ]


register(
    Rule(
        key="allowance.limits_unknown",
        topic="allowance",
        kind=RuleKind.RECOMMENDATION,
        title="Zoek de grenzen van de vrijwilligersvergoeding voor dit jaar op",
        action=(
            "De Belastingdienst stelt de grenzen per uur, per maand en per jaar elk jaar vast. "
            "Zoek de bedragen voor dit jaar op bij de Belastingdienst en blijf eronder. Boven "
            "de grens per maand of per jaar is de hele vergoeding belast."
        ),
        legal_basis="Wet op de loonbelasting 1964 (vrijwilligersregeling); bedragen per jaar",
        facts=("pays_allowance",),
        condition=_limits_unknown,
        dossier=DOSSIER,
    )
)


def _per_volunteer(c: Context) -> list[str]:
    if c.yes("pays_allowance"):
        return [
            "Je vrijwilligers krijgen een vaste vergoeding, niet alleen hun echte kosten terug."
        ]
    return []


register(
    Rule(
        key="allowance.per_volunteer",
        topic="allowance",
        kind=RuleKind.RECOMMENDATION,
        title="Vraag of vrijwilligers ook elders een vergoeding krijgen",
        action=(
            "De grenzen van de vrijwilligersvergoeding gelden per vrijwilliger, voor alle "
            "organisaties samen. Vraag je vrijwilligers of ze ook ergens anders een vergoeding "
            "krijgen. Betaal je alleen echte kosten terug met bonnen (zoals reiskosten, porto "
            "of materiaal)? Dat is geen vrijwilligersvergoeding en daarvoor is geen vast "
            "maximum. Betaal je kosten terug naast een vergoeding per uur? Dan tellen die "
            "kosten mee voor de grens per maand."
        ),
        legal_basis="Wet op de loonbelasting 1964 (vrijwilligersregeling)",
        facts=("pays_allowance",),
        condition=_per_volunteer,
        dossier=DOSSIER,
    )
)

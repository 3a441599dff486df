"""Meldcode huiselijk geweld en kindermishandeling.

Mandatory only for professionals in health care, education, childcare, social support, youth
care and justice; volunteer organisations may adopt the 5-step model voluntarily. Source:
domain facts §6 ([S] ggdzeeland.nl; [V] rijksoverheid.nl for the 5 steps).
"""

from inzet.compliance.engine import Context, Rule, RuleKind, register

DOSSIER = "https://www.rijksoverheid.nl/"


def _voluntary_meldcode(c: Context) -> list[str]:
    if c.yes("works_with_vulnerable"):
        return [
            "Je vrijwilligers werken met minderjarigen of andere kwetsbare mensen. Zij kunnen "
            "signalen zien van huiselijk geweld of kindermishandeling."
        ]
    return []


register(
    Rule(
        key="meldcode.voluntary",
        topic="meldcode",
        kind=RuleKind.RECOMMENDATION,
        title="Spreek af wat vrijwilligers doen bij zorgen over geweld of mishandeling",
        action=(
            "De meldcode huiselijk geweld en kindermishandeling is alleen verplicht voor "
            "professionals, zoals in de zorg, het onderwijs, de kinderopvang, de jeugdhulp, de "
            "maatschappelijke ondersteuning en justitie. Als vrijwilligersorganisatie mag je "
            "het stappenplan van de meldcode (5 stappen) vrijwillig gebruiken. Spreek af wie "
            "vrijwilligers kunnen benaderen als ze zich zorgen maken. Werken er bij jullie ook "
            "betaalde professionals uit deze sectoren? Dan geldt de meldcode voor hen wel."
        ),
        legal_basis=(
            "Wet verplichte meldcode huiselijk geweld en kindermishandeling (geldt alleen voor "
            "professionals)"
        ),
        facts=("works_with_vulnerable",),
        condition=_voluntary_meldcode,
        dossier=DOSSIER,
    )
)

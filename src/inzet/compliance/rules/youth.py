"""Young volunteers: which work and how many hours, by age.

Source: domain facts §6 ([V] nlarbeidsinspectie.nl; [S] vrijwilligerswerk.nl "Vrijwilligerswerk
en leeftijd", fcalmere.com, swop.nl). There is no maximum age for volunteering.
"""

from inzet.compliance.engine import Context, Rule, RuleKind, register

DOSSIER = "https://www.nlarbeidsinspectie.nl/"


def _working_hours(c: Context) -> list[str]:
    if c.yes("volunteers_under_18"):
        return [
            "Er werken vrijwilligers jonger dan 18 bij je. Voor hen gelden regels over het "
            "soort werk en de werktijden."
        ]
    return []


register(
    Rule(
        key="youth.working_hours",
        topic="youth",
        kind=RuleKind.DUTY,
        title="Houd je aan de werktijden voor jonge vrijwilligers",
        action=(
            "Jonger dan 13: geen werk, behalve cultureel werk (zoals toneel of muziek) met een "
            "ontheffing. 13 tot en met 15 jaar: alleen licht werk buiten schooltijd, geen werk "
            "in de industrie. Maximaal 2 uur op een schooldag, 7 uur op een vrije dag, "
            "12 uur in een schoolweek en 35 uur in een vakantieweek. Wie 15 is, mag op een vrije "
            "dag 8 uur en in een vakantieweek 40 uur werken. 16 en 17 jaar: niet tussen 23.00 en "
            "06.00 uur. Plan de taken en diensten van jonge vrijwilligers hierop."
        ),
        legal_basis="Arbeidstijdenwet en Arbeidstijdenbesluit (regels voor jongeren)",
        facts=("volunteers_under_18",),
        condition=_working_hours,
        dossier=DOSSIER,
    )
)

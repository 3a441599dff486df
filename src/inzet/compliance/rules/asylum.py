"""Asylum seekers as volunteers: the UWV vrijwilligersverklaring.

Source: domain facts §6 ([V] ser.nl werkwijzer vluchtelingen: asylum seekers may volunteer
without a TWV, but the organisation needs a UWV "vrijwilligersverklaring"; status holders may
do any volunteer work). The validity of the statement and UWV's handling time are only in one
2021 source [S/?] and are left out.
"""

from inzet.compliance.engine import Context, Rule, RuleKind, register

DOSSIER = "https://www.ser.nl/"


def _volunteer_statement(c: Context) -> list[str]:
    if c.yes("volunteers_asylum_seekers"):
        return ["Er werken asielzoekers als vrijwilliger bij je."]
    return []


register(
    Rule(
        key="asylum.volunteer_statement",
        topic="asylum",
        kind=RuleKind.DUTY,
        title="Vraag een vrijwilligersverklaring aan bij het UWV",
        action=(
            "Asielzoekers mogen vrijwilligerswerk doen. Een tewerkstellingsvergunning (TWV) is "
            "niet nodig, maar je organisatie heeft wel een vrijwilligersverklaring van het UWV "
            "nodig. Het UWV kijkt of het werk gewoonlijk onbetaald is, of je organisatie geen "
            "winst wil maken en of het werk het algemeen belang dient. Zonder verklaring kun je "
            "een boete krijgen. Mensen met een verblijfsvergunning (statushouders) mogen alle "
            "vrijwilligerswerk doen."
        ),
        legal_basis="Wet arbeid vreemdelingen (Wav)",
        facts=("volunteers_asylum_seekers",),
        condition=_volunteer_statement,
        dossier=DOSSIER,
    )
)

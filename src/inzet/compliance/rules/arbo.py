"""Arbowet for volunteers: safe and healthy work.

Since 1 January 2007 the Arbowet applies to volunteers only for serious risks and for vulnerable
groups (volunteers under 18, pregnant or breastfeeding volunteers): Arbobesluit art. 9.5a.
Source: domain facts §6 ([V] nlarbeidsinspectie.nl "Arboregels voor vrijwilligers"; [S]
vrijwilligerstilburg.nl, vrijwilligerspuntweststellingwerf.nl for the general duty of care and
that no arbodienst or RI&E is needed for volunteers only). The facts do not say which employer
duties apply with paid staff, so ``arbo.paid_staff`` only says the volunteers-only exception
does not cover them and to check with the Nederlandse Arbeidsinspectie.
"""

from inzet.compliance.engine import Context, Rule, RuleKind, register

DOSSIER = "https://www.nlarbeidsinspectie.nl/"


def _serious_risks(c: Context) -> list[str]:
    if c.yes("serious_risks"):
        return [
            "Je vrijwilligers doen werk met ernstige risico's, zoals gevaarlijke stoffen, werken "
            "op hoogte, bouwwerk, veel lawaai of zwaar lichamelijk werk. Voor dat werk geldt de "
            "Arbowet ook voor vrijwilligers."
        ]
    return []


register(
    Rule(
        key="arbo.serious_risks",
        topic="arbo",
        kind=RuleKind.DUTY,
        title="Bescherm vrijwilligers bij werk met ernstige risico's",
        action=(
            "Voor dit werk gelden de arboregels die bij deze risico's horen, ook voor "
            "vrijwilligers. Zorg bijvoorbeeld voor goede uitleg en begeleiding, veilig "
            "gereedschap en beschermingsmiddelen. Kijk op de website van de Nederlandse "
            "Arbeidsinspectie welke regels bij jullie werk horen."
        ),
        legal_basis="Arbobesluit, art. 9.5a",
        facts=("serious_risks",),
        condition=_serious_risks,
        dossier=DOSSIER,
    )
)


def _vulnerable_groups(c: Context) -> list[str]:
    why = []
    if c.yes("volunteers_under_18"):
        why.append("Er werken vrijwilligers jonger dan 18 bij je.")
    if c.yes("pregnant_volunteers"):
        why.append("Er werken zwangere vrijwilligers of vrijwilligers die borstvoeding geven.")
    if why:
        why.append("Voor deze groepen geldt de Arbowet ook als vrijwilliger.")
    return why


register(
    Rule(
        key="arbo.vulnerable_groups",
        topic="arbo",
        kind=RuleKind.DUTY,
        title="Let extra op jonge en zwangere vrijwilligers",
        action=(
            "Jongeren onder de 18 en zwangere vrijwilligers of vrijwilligers die borstvoeding "
            "geven, krijgen extra bescherming. Geef hen geen gevaarlijk of te zwaar werk, en "
            "zorg voor goede begeleiding. Voor jongeren gelden ook regels over werktijden."
        ),
        legal_basis="Arbobesluit, art. 9.5a",
        facts=("volunteers_under_18", "pregnant_volunteers"),
        condition=_vulnerable_groups,
        dossier=DOSSIER,
    )
)


def _duty_of_care(c: Context) -> list[str]:
    count = c.number("volunteer_count")
    if count is not None and count > 0:
        return ["Je werkt met vrijwilligers. Voor hen heb je een zorgplicht."]
    return []


register(
    Rule(
        key="arbo.duty_of_care",
        topic="arbo",
        kind=RuleKind.RECOMMENDATION,
        title="Zorg voor veilig werk voor al je vrijwilligers",
        action=(
            "Ook als de Arbowet niet geldt, moet je zorgen dat vrijwilligers veilig kunnen "
            "werken. Kijk welke risico's er zijn, geef uitleg en spreek af wat iemand doet bij "
            "een ongeluk. Werken bij jullie alleen vrijwilligers? Dan heb je geen arbodienst en "
            "geen RI&E (risico-inventarisatie en -evaluatie) nodig."
        ),
        legal_basis="Zorgplicht, art. 7:658 BW",
        facts=("volunteer_count",),
        condition=_duty_of_care,
        dossier=DOSSIER,
    )
)


def _paid_staff(c: Context) -> list[str]:
    if c.yes("paid_staff"):
        return [
            "Je organisatie heeft betaalde medewerkers. Dan werken er niet alleen vrijwilligers "
            "bij je."
        ]
    return []


register(
    Rule(
        key="arbo.paid_staff",
        topic="arbo",
        kind=RuleKind.RECOMMENDATION,
        title="Zoek uit welke arboregels gelden voor je betaalde medewerkers",
        action=(
            "Werken er alleen vrijwilligers? Dan heb je geen arbodienst en geen RI&E "
            "(risico-inventarisatie en -evaluatie) nodig. Die uitzondering geldt niet voor "
            "betaalde medewerkers. Vraag bij de Nederlandse Arbeidsinspectie na welke "
            "arboregels voor jullie als werkgever gelden."
        ),
        legal_basis="Arbeidsomstandighedenwet (Arbowet)",
        facts=("paid_staff",),
        condition=_paid_staff,
        dossier=DOSSIER,
    )
)

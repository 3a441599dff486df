"""Insurance and money from the bar or canteen.

Source: domain facts §6 "Insurance / liability" ([S] vrijwilligerswerktwenterand.nl,
vip.welstad.nl, lokalepolitiekepartijen.nl: the VNG Vrijwilligersverzekering is a secondary
safety net in participating municipalities and does not replace the organisation's own
liability cover) and "BTW" ([V] belastingdienst.nl fondsenwervende activiteiten: canteen income
counts as fundraising income when it is a normal side activity). The yearly caps of the
fundraising exemption are [?] for the year they apply to, so no amounts are stated.
"""

from inzet.compliance.engine import Context, Rule, RuleKind, register


def _liability(c: Context) -> list[str]:
    if c.no("has_liability_insurance"):
        return ["Je organisatie heeft geen eigen aansprakelijkheidsverzekering."]
    return []


register(
    Rule(
        key="insurance.liability",
        topic="insurance",
        kind=RuleKind.RECOMMENDATION,
        title="Regel een eigen aansprakelijkheidsverzekering",
        action=(
            "Veel gemeenten hebben een vrijwilligersverzekering (de VNG Vrijwilligersverzekering). "
            "Die is een vangnet en vervangt de eigen aansprakelijkheidsverzekering van je "
            "organisatie niet. Vraag bij je gemeente na of zij meedoet, en sluit zelf een "
            "aansprakelijkheidsverzekering af."
        ),
        legal_basis="Geen wettelijke plicht: goed gebruik",
        facts=("has_liability_insurance",),
        condition=_liability,
        dossier="https://vng.nl/",
    )
)


def _canteen_vat(c: Context) -> list[str]:
    if c.yes("bar_canteen"):
        return ["Je organisatie heeft een bar of kantine."]
    return []


register(
    Rule(
        key="insurance.canteen_vat",
        topic="insurance",
        kind=RuleKind.RECOMMENDATION,
        title="Zoek uit hoe de btw werkt voor je kantine",
        action=(
            "Is de kantine een normale nevenactiviteit? Dan tellen de inkomsten voor de btw als "
            "inkomsten uit fondsenwerving. Die zijn alleen vrijgesteld als je hoofdactiviteiten "
            "zelf vrijgesteld zijn, en tot een maximumbedrag per jaar: kijk bij de "
            "Belastingdienst welke bedragen nu gelden."
        ),
        legal_basis="Wet op de omzetbelasting 1968 (vrijstelling fondsenwervende activiteiten)",
        facts=("bar_canteen",),
        condition=_canteen_vat,
        dossier="https://www.belastingdienst.nl/",
    )
)

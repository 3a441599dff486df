"""WBTR (Wet bestuur en toezicht rechtspersonen), in force since 1 July 2021.

Applies to associations, foundations and cooperatives of every size. Source: domain facts §3
([S] bordan.nl, vsbnetwerk.nl, karelvanzanten.nl, zandvoort-legal.nl, russell.nl, nvzd.nl).
"""

from datetime import date

from inzet.compliance.engine import Context, Rule, RuleKind, register
from inzet.compliance.facts import ENTITIES

WBTR_START = date(2021, 7, 1)
MULTIPLE_VOTES_END = date(2026, 7, 1)
DOSSIER = "https://wetten.overheid.nl/BWBR0003045/"  # Burgerlijk Wetboek Boek 2


def _entity(c: Context) -> str | None:
    if c.value("legal_form") in ENTITIES:
        return "Je organisatie is een vereniging, stichting of coöperatie: daarvoor geldt de WBTR."
    return None


def _conflict_of_interest(c: Context) -> list[str]:
    why = _entity(c)
    return [why] if why else []


register(
    Rule(
        key="wbtr.conflict_of_interest",
        topic="wbtr",
        kind=RuleKind.DUTY,
        title="Regel wat er gebeurt bij een tegenstrijdig belang",
        action=(
            "Een bestuurder met een persoonlijk belang dat botst met dat van de organisatie, "
            "praat en stemt niet mee over dat besluit. Leg vast hoe het besluit dan wel wordt "
            "genomen, bijvoorbeeld in een huishoudelijk reglement."
        ),
        legal_basis="Burgerlijk Wetboek Boek 2 (WBTR, sinds 1 juli 2021)",
        facts=("legal_form",),
        condition=_conflict_of_interest,
        dossier=DOSSIER,
        valid_from=WBTR_START,
    )
)


def _absence_clause(c: Context) -> list[str]:
    why = _entity(c)
    if why and c.no("statutes_absence_clause"):
        return [
            why,
            "Je statuten zeggen nog niet wie het bestuur overneemt als alle bestuurders "
            "ontbreken of verhinderd zijn.",
        ]
    return []


register(
    Rule(
        key="wbtr.absence_clause",
        topic="wbtr",
        kind=RuleKind.DUTY,
        title="Neem een regeling voor ontstentenis en belet op in de statuten",
        action=(
            "Leg in de statuten vast wie de organisatie tijdelijk bestuurt als alle bestuurders "
            "(en toezichthouders) ontbreken of verhinderd zijn. Er is geen harde termijn: doe "
            "het bij de eerstvolgende statutenwijziging."
        ),
        legal_basis="Art. 2:44 lid 5 en 2:291 lid 5 BW; art. XV lid 4 WBTR",
        facts=("legal_form", "statutes_absence_clause"),
        condition=_absence_clause,
        dossier=DOSSIER,
        valid_from=WBTR_START,
    )
)


def _multiple_votes(c: Context) -> list[str]:
    why = _entity(c)
    if why and c.yes("statutes_multiple_votes"):
        lost = c.on >= MULTIPLE_VOTES_END
        return [
            why,
            "Je statuten geven een bestuurder meer dan één stem.",
            "Sinds 1 juli 2026 werkt een bepaling die daarmee in strijd is niet meer."
            if lost
            else "Een bepaling die daarmee in strijd is, werkt vanaf 1 juli 2026 niet meer.",
        ]
    return []


register(
    Rule(
        key="wbtr.multiple_votes",
        topic="wbtr",
        kind=RuleKind.DUTY,
        title="Controleer het meervoudig stemrecht in de statuten",
        action=(
            "Een bestuurder mag meer dan één stem hebben, maar nooit meer stemmen dan alle "
            "andere bestuurders samen. Pas de statuten aan als dat nu wel zo is."
        ),
        legal_basis="Art. 2:44 lid 4 en 2:292a BW; overgangsrecht WBTR (5 jaar)",
        facts=("legal_form", "statutes_multiple_votes"),
        condition=_multiple_votes,
        dossier=DOSSIER,
        deadline=MULTIPLE_VOTES_END,
        valid_from=WBTR_START,
    )
)


def _supervisory_body(c: Context) -> list[str]:
    why = _entity(c)
    if why and c.yes("has_supervisory_body"):
        return [why, "Je organisatie heeft een raad van toezicht of raad van commissarissen."]
    return []


register(
    Rule(
        key="wbtr.supervisory_body",
        topic="wbtr",
        kind=RuleKind.DUTY,
        title="Regel het toezichthoudend orgaan in de statuten",
        action=(
            "Een raad van toezicht is niet verplicht. Heb je er wel een, dan moeten de statuten "
            "die regelen: wie erin zit, hoe de leden benoemd worden en wat hun taken zijn. Ook "
            "toezichthouders moeten handelen in het belang van de organisatie."
        ),
        legal_basis="Burgerlijk Wetboek Boek 2 (WBTR, sinds 1 juli 2021)",
        facts=("legal_form", "has_supervisory_body"),
        condition=_supervisory_body,
        dossier=DOSSIER,
        valid_from=WBTR_START,
    )
)

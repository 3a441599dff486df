"""Registration in the KvK Handelsregister, and personal liability without it.

Source: domain facts §6 "Legal form / KvK" ([S] knbb.nl, cbs.nl: a vereniging met volledige
rechtsbevoegdheid must be in the KvK; an informal vereniging's board members are in principle
jointly and severally liable, limited by optional registration (art. 2:30 BW); [S]
fundamentvoor.nl: a stichting always needs a notarial deed and KvK registration). Cooperatives
and BVs are listed as registered entities in §4 (UBO-register).
"""

from inzet.compliance.engine import Context, Rule, RuleKind, register
from inzet.organisations.constants import LegalForm

DOSSIER = "https://www.kvk.nl/"

_MUST_REGISTER = {
    LegalForm.ASSOCIATION: (
        "Je organisatie is een vereniging met volledige rechtsbevoegdheid. Die moet in het "
        "Handelsregister staan. Zolang dat niet zo is, zijn de bestuurders zelf aansprakelijk "
        "voor de schulden van de vereniging."
    ),
    LegalForm.FOUNDATION: (
        "Je organisatie is een stichting. Een stichting wordt opgericht bij de notaris en moet "
        "altijd in het Handelsregister staan."
    ),
    LegalForm.COOPERATIVE: (
        "Je organisatie is een coöperatie. Die moet in het Handelsregister staan."
    ),
    LegalForm.SOCIAL_ENTERPRISE: "Je organisatie is een BV. Die moet in het Handelsregister staan.",
}


def _registration(c: Context) -> list[str]:
    why = _MUST_REGISTER.get(c.value("legal_form"))
    return [why] if why else []


register(
    Rule(
        key="kvk.registration",
        topic="kvk",
        kind=RuleKind.DUTY,
        title="Zorg dat je organisatie in het Handelsregister staat",
        action=(
            "Je organisatie moet ingeschreven zijn in het Handelsregister van de KvK. Staat je "
            "organisatie er al in? Controleer dan of de gegevens nog kloppen."
        ),
        legal_basis="Handelsregisterwet 2007; Burgerlijk Wetboek Boek 2",
        facts=("legal_form",),
        condition=_registration,
        dossier=DOSSIER,
    )
)


def _informal_liability(c: Context) -> list[str]:
    if not c.no("kvk_registered"):
        return []
    form = c.value("legal_form")
    if form == LegalForm.INFORMAL_ASSOCIATION:
        return [
            "Je organisatie is een informele vereniging en staat niet bij de KvK.",
            "De bestuurders kunnen dan zelf aansprakelijk zijn voor de schulden van de "
            "vereniging. Een inschrijving bij de KvK beperkt dat.",
        ]
    if form == LegalForm.CITIZENS_INITIATIVE:
        return [
            "Je initiatief is geen rechtspersoon en staat niet bij de KvK.",
            "De mensen die het initiatief leiden, kunnen dan zelf aansprakelijk zijn voor "
            "schulden. Vraag bij de KvK na welke vorm en inschrijving bij jullie past.",
        ]
    return []


register(
    Rule(
        key="kvk.informal_liability",
        topic="kvk",
        kind=RuleKind.RECOMMENDATION,
        title="Beperk de aansprakelijkheid van je bestuur",
        action=(
            "Schrijf je informele vereniging in bij de KvK: dan zijn bestuurders minder snel zelf "
            "aansprakelijk voor schulden. Voor een burgerinitiatief kan een vereniging of "
            "stichting een oplossing zijn; vraag bij de KvK na wat bij jullie past."
        ),
        legal_basis="Art. 2:30 BW (informele vereniging)",
        facts=("legal_form", "kvk_registered"),
        condition=_informal_liability,
        dossier=DOSSIER,
    )
)

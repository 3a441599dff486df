"""UBO-register: who must register their ultimate beneficial owners at the KvK.

The register started on 27 September 2020; organisations that already existed had to be
registered by 27 March 2022. Source: domain facts §4 ([S] metisnotarissen.nl, missjones-cs.nl,
baliebulletin.nl, njoybeek.nl; who counts as UBO: kienhuislegal.nl, onderwatersport.org,
zwolledoet.nl). Whether church bodies must register is not verified ([?]), so for them there
is only a recommendation to check with the KvK.
"""

from datetime import date

from inzet.compliance.engine import Context, Rule, RuleKind, register
from inzet.organisations.constants import LegalForm

UBO_START = date(2020, 9, 27)
EXISTING_DEADLINE = date(2022, 3, 27)
LEGAL_BASIS = (
    "Handelsregisterwet 2007 / Handelsregisterbesluit (UBO-register sinds 27 september 2020)"
)
DOSSIER = "https://www.kvk.nl/"

_MUST_REGISTER = {
    LegalForm.FOUNDATION: (
        "Je organisatie is een stichting. Elke stichting moet haar UBO's inschrijven."
    ),
    LegalForm.ASSOCIATION: (
        "Je organisatie is een vereniging met volledige rechtsbevoegdheid. Zo'n vereniging moet "
        "haar UBO's inschrijven."
    ),
    LegalForm.COOPERATIVE: (
        "Je organisatie is een coöperatie. Een coöperatie moet haar UBO's inschrijven."
    ),
    LegalForm.SOCIAL_ENTERPRISE: "Je organisatie is een BV. Een BV moet haar UBO's inschrijven.",
}

_WHO_IS_UBO = (
    "Bij een vereniging of stichting is UBO: wie meer dan 25% van het vermogen heeft, wie meer "
    "dan 25% van de stemmen heeft bij een statutenwijziging, of wie feitelijk de baas is. Is er "
    "niemand die daaraan voldoet? Dan schrijf je alle statutaire bestuurders in als 'pseudo-UBO'."
)


def _deadline_note(c: Context) -> str:
    if c.on <= EXISTING_DEADLINE:
        return (
            "Bestond je organisatie al op 27 september 2020? Dan moet de inschrijving uiterlijk "
            "27 maart 2022 klaar zijn."
        )
    return (
        "Voor organisaties die al bestonden op 27 september 2020 liep de termijn af op "
        "27 maart 2022. Een nieuwe organisatie schrijft haar UBO's in bij de oprichting."
    )


def _register(c: Context) -> list[str]:
    form = c.value("legal_form")
    if form in _MUST_REGISTER:
        why = [_MUST_REGISTER[form]]
    elif form == LegalForm.INFORMAL_ASSOCIATION and c.yes("runs_enterprise"):
        why = [
            "Je organisatie is een informele vereniging die een onderneming heeft. Dan moet je "
            "vereniging haar UBO's inschrijven."
        ]
    else:
        return []
    if form in {LegalForm.FOUNDATION, LegalForm.ASSOCIATION, LegalForm.INFORMAL_ASSOCIATION}:
        why.append(_WHO_IS_UBO)
    board_size = c.number("board_size")
    if form == LegalForm.FOUNDATION and board_size is not None and board_size <= 3:
        why.append(
            "Je stichting heeft 3 of minder bestuurders. Beslist het bestuur met gelijke stemmen "
            "over een statutenwijziging? Dan telt elke bestuurder als UBO."
        )
    why.append(_deadline_note(c))
    return why


register(
    Rule(
        key="ubo.register",
        topic="ubo",
        kind=RuleKind.DUTY,
        title="Schrijf je UBO's in bij de KvK",
        action=(
            "Schrijf de uiteindelijk belanghebbenden (UBO's) van je organisatie in het "
            "UBO-register van de KvK. Controleer of de gegevens nog kloppen als er iets "
            "verandert, bijvoorbeeld in het bestuur. Niet inschrijven is een economisch delict."
        ),
        legal_basis=LEGAL_BASIS,
        facts=("legal_form", "runs_enterprise", "board_size"),
        condition=_register,
        dossier=DOSSIER,
        valid_from=UBO_START,
    )
)


def _church_check(c: Context) -> list[str]:
    if c.value("legal_form") == LegalForm.CHURCH:
        return [
            "Je organisatie is een kerkgenootschap. Het is niet zeker of de UBO-plicht voor "
            "kerkgenootschappen geldt."
        ]
    return []


register(
    Rule(
        key="ubo.church_check",
        topic="ubo",
        kind=RuleKind.RECOMMENDATION,
        title="Vraag bij de KvK na of je UBO's moet inschrijven",
        action=(
            "Vraag bij de KvK na of je kerkgenootschap (of een onderdeel ervan) zijn UBO's moet "
            "inschrijven in het UBO-register. Moet dat, schrijf ze dan zo snel mogelijk in."
        ),
        legal_basis=LEGAL_BASIS,
        facts=("legal_form",),
        condition=_church_check,
        dossier=DOSSIER,
        valid_from=UBO_START,
    )
)

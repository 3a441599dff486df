"""ANBI and SBBI: the conditions, the publication duty and the standard form.

Source: domain facts §6 "ANBI" ([S] herschut.nl, fundamentvoor.nl, anbiplein.nl, all copying
Belastingdienst text: conditions; publication duty since 2014, churches since 2016, within 6
months after the financial year; [S] allarts.nl, mazars.nl, rendement.nl: standard form
mandatory since 1 January 2021 for fundraising ANBIs with income above € 50.000 and other
ANBIs with expenses above € 100.000) and "SBBI" ([S] steunjeclub, verenigingen.nl).
The two amounts are parameters ``anbi.standard_form_income_fundraising`` and
``anbi.standard_form_expenses``.
"""

from datetime import date

from inzet.compliance.engine import Context, Rule, RuleKind, register
from inzet.compliance.rules._money import euro
from inzet.organisations.constants import LegalForm

PUBLICATION_START = date(2014, 1, 1)
PUBLICATION_START_CHURCH = date(2016, 1, 1)
STANDARD_FORM_START = date(2021, 1, 1)
DOSSIER = "https://www.belastingdienst.nl/"
LEGAL_BASIS = "Art. 5b Algemene wet inzake rijksbelastingen (ANBI)"


def _conditions(c: Context) -> list[str]:
    status = c.value("anbi_status")
    if status == "yes":
        return [
            "Je organisatie is een ANBI. Die status houd je alleen zolang je aan de voorwaarden "
            "voldoet."
        ]
    if status == "wants":
        return [
            "Je wilt een ANBI worden. De Belastingdienst kijkt dan of je aan de voorwaarden "
            "voldoet."
        ]
    return []


register(
    Rule(
        key="anbi.conditions",
        topic="anbi",
        kind=RuleKind.DUTY,
        title="Voldoe aan de ANBI-voorwaarden",
        action=(
            "Je organisatie werkt voor minstens 90% voor het algemeen belang en heeft geen "
            "winstoogmerk. Geen bestuurder beschikt over het geld alsof het van hem of haar is "
            "(in de praktijk: minstens 3 bestuurders met gelijke stemmen), bestuurders krijgen "
            "alleen een onkostenvergoeding of een klein vacatiegeld, en je hebt niet meer "
            "vermogen dan nodig. Verder heb je een actueel beleidsplan, een goede administratie, "
            "redelijke kosten in verhouding tot de bestedingen, gaat geld bij opheffing naar een "
            "vergelijkbare ANBI, voldoen je organisatie en de leidinggevenden aan de "
            "integriteitstoets en publiceer je je gegevens op internet."
        ),
        legal_basis=LEGAL_BASIS,
        facts=("anbi_status",),
        condition=_conditions,
        dossier=DOSSIER,
    )
)


def _publication(c: Context) -> list[str]:
    if c.value("anbi_status") != "yes":
        return []
    if c.value("legal_form") == LegalForm.CHURCH and c.on < PUBLICATION_START_CHURCH:
        return []
    return [
        "Je organisatie is een ANBI. Een ANBI moet elk jaar gegevens op internet zetten.",
        "Publiceer je niet, dan kun je de ANBI-status kwijtraken.",
    ]


register(
    Rule(
        key="anbi.publication",
        topic="anbi",
        kind=RuleKind.DUTY,
        title="Zet je ANBI-gegevens op internet",
        action=(
            "Publiceer binnen 6 maanden na het einde van het boekjaar: naam, RSIN of fiscaal "
            "nummer, contactgegevens, doel, hoofdlijnen van het beleidsplan, functies en namen "
            "van de bestuurders, beloningsbeleid, een actueel verslag van de activiteiten en een "
            "financiële verantwoording."
        ),
        legal_basis=LEGAL_BASIS + "; publicatieplicht sinds 2014 (kerken sinds 2016)",
        facts=("anbi_status", "legal_form"),
        condition=_publication,
        dossier=DOSSIER,
        valid_from=PUBLICATION_START,
    )
)


def _standard_form(c: Context) -> list[str]:
    if c.value("anbi_status") != "yes":
        return []
    if c.yes("fundraising"):
        income = c.number("annual_income")
        limit = c.parameter("anbi.standard_form_income_fundraising")
        if income is not None and income > limit:
            return [
                "Je ANBI werft geld bij het publiek (fondsenwervend).",
                f"Je inkomsten waren vorig boekjaar {euro(income)}: meer dan {euro(limit)}.",
            ]
    elif c.no("fundraising"):
        expenses = c.number("annual_expenses")
        limit = c.parameter("anbi.standard_form_expenses")
        if expenses is not None and expenses > limit:
            return [
                "Je ANBI werft geen geld bij het publiek.",
                f"Je uitgaven waren vorig boekjaar {euro(expenses)}: meer dan {euro(limit)}.",
            ]
    return []


register(
    Rule(
        key="anbi.standard_form",
        topic="anbi",
        kind=RuleKind.DUTY,
        title="Gebruik het standaardformulier voor je ANBI-publicatie",
        action=(
            "Publiceer je ANBI-gegevens met het standaardformulier van de Belastingdienst. Heb je "
            "een CBF-Erkenning? Dan telt het 'paspoort' van het CBF als dat formulier."
        ),
        legal_basis=LEGAL_BASIS + "; standaardformulier voor grote ANBI's sinds 1 januari 2021",
        facts=("anbi_status", "fundraising", "annual_income", "annual_expenses"),
        condition=_standard_form,
        dossier=DOSSIER,
        valid_from=STANDARD_FORM_START,
    )
)


def _sbbi(c: Context) -> list[str]:
    if c.yes("sbbi_status"):
        return [
            "Je organisatie dient haar leden en de samenleving, zoals een sportclub, koor, "
            "scouting of buurthuis. Dan kan ze een SBBI zijn."
        ]
    return []


register(
    Rule(
        key="anbi.sbbi",
        topic="anbi",
        kind=RuleKind.RECOMMENDATION,
        title="Controleer of je organisatie aan de SBBI-voorwaarden voldoet",
        action=(
            "Een SBBI heeft een maatschappelijk doel in de statuten en activiteiten die daarbij "
            "passen, betaalt geen winstbelasting (vennootschapsbelasting) en geeft bestuurders "
            "alleen een onkostenvergoeding. Je krijgt geen besluit (beschikking) van de "
            "Belastingdienst: die controleert achteraf. Het voordeel: giften en erfenissen aan "
            "een SBBI zijn vrij van schenk- en erfbelasting."
        ),
        legal_basis="Belastingdienst: sociaal belang behartigende instelling (SBBI)",
        facts=("sbbi_status",),
        condition=_sbbi,
        dossier=DOSSIER,
    )
)

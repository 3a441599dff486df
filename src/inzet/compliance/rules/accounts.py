"""Financial accountability: annual report and accounts, kascommissie, keeping records.

Source: domain facts §6 "Financial accountability" ([V] wetboekplus.nl, law text of art. 2:48
BW: report and accounts to the general meeting within 6 months, kascommissie of at least two
non-board members when there is no supervisory board and no accountant's statement; [S]
knkv.nl, dezaakadvocatuur.nl: keep financial and fiscal records 7 years). The stichting's own
accounting duty (art. 2:10 BW) is [?] in the facts, so it is not a rule here.
"""

from inzet.compliance.engine import Context, Rule, RuleKind, register
from inzet.organisations.constants import LegalForm

DOSSIER = "https://wetten.overheid.nl/BWBR0003045/"  # Burgerlijk Wetboek Boek 2

ASSOCIATIONS = {LegalForm.ASSOCIATION, LegalForm.INFORMAL_ASSOCIATION}


def _association(c: Context) -> str | None:
    if c.value("legal_form") in ASSOCIATIONS:
        return "Je organisatie is een vereniging: het bestuur legt elk jaar verantwoording af."
    return None


def _annual_report(c: Context) -> list[str]:
    why = _association(c)
    return [why] if why else []


register(
    Rule(
        key="accounts.annual_report",
        topic="accounts",
        kind=RuleKind.DUTY,
        title="Leg elk jaar verantwoording af aan de ledenvergadering",
        action=(
            "Binnen 6 maanden na het einde van het boekjaar brengt het bestuur verslag uit aan de "
            "algemene ledenvergadering (ALV). Het bestuur legt dan ook de balans en de staat van "
            "baten en lasten met een toelichting ter goedkeuring voor. De ALV kan die termijn "
            "verlengen."
        ),
        legal_basis="Art. 2:48 BW",
        facts=("legal_form",),
        condition=_annual_report,
        dossier=DOSSIER,
    )
)


def _audit_committee(c: Context) -> list[str]:
    why = _association(c)
    if why and not c.yes("has_supervisory_body"):
        return [
            why,
            "Je vereniging heeft geen raad van toezicht of raad van commissarissen die de "
            "cijfers controleert.",
        ]
    return []


register(
    Rule(
        key="accounts.audit_committee",
        topic="accounts",
        kind=RuleKind.DUTY,
        title="Laat de ALV elk jaar een kascommissie benoemen",
        action=(
            "De ALV benoemt elk jaar een kascommissie van ten minste 2 mensen die niet in het "
            "bestuur zitten. De kascommissie controleert de jaarrekening en vertelt de ALV wat "
            "ze vond. Dit hoeft niet als een accountant een verklaring bij de jaarrekening geeft."
        ),
        legal_basis="Art. 2:48 BW",
        facts=("legal_form", "has_supervisory_body"),
        condition=_audit_committee,
        dossier=DOSSIER,
    )
)


def _records_retention(c: Context) -> list[str]:
    form = c.value("legal_form")
    if form is None or form == LegalForm.CITIZENS_INITIATIVE:
        return []
    return [
        "Financiële en fiscale gegevens moet je 7 jaar bewaren. Dat geldt ook voor een "
        "vrijwilligersorganisatie."
    ]


register(
    Rule(
        key="accounts.records_retention",
        topic="accounts",
        kind=RuleKind.RECOMMENDATION,
        title="Bewaar je financiële administratie 7 jaar",
        action=(
            "Bewaar bonnen, facturen, bankafschriften en jaarstukken 7 jaar. Spreek af waar ze "
            "liggen, zodat een nieuwe penningmeester ze ook kan vinden."
        ),
        legal_basis="Fiscale bewaarplicht (7 jaar)",
        facts=("legal_form",),
        condition=_records_retention,
        dossier="https://www.belastingdienst.nl/",
    )
)

"""Volunteers with a benefit from the UWV (WW and other benefits).

Source: domain facts §6 ([S] agendastad.nl quoting the Staatscourant: since 1 January 2019 any
non-profit doing mainly general-interest work qualifies, not only ANBIs and SBBIs; nocnsf.nl
handboek for other UWV benefits). Whether WW needs prior permission or only a report is
conflicting [?], so the rule tells people to check with the UWV. That the work must usually be
unpaid there (no paid staff or vacancy for it in the past year): [S] same sources.
"""

from inzet.compliance.engine import Context, Rule, RuleKind, register

DOSSIER = "https://www.uwv.nl/"


def _uwv_benefit(c: Context) -> list[str]:
    if c.yes("volunteers_with_benefit"):
        return [
            "Er werken vrijwilligers bij je met een WW-uitkering of een andere uitkering van "
            "het UWV."
        ]
    return []


register(
    Rule(
        key="benefits.uwv_benefit",
        topic="benefits",
        kind=RuleKind.DUTY,
        title="Vertel vrijwilligers met een uitkering wat het UWV vraagt",
        action=(
            "Vrijwilligers met een WW-uitkering melden hun vrijwilligerswerk bij het UWV en "
            "blijven beschikbaar voor betaald werk. Het werk moet bij jullie gewoonlijk "
            "onbetaald zijn, en een vergoeding blijft binnen de grenzen van de "
            "vrijwilligersvergoeding. Sinds 1 januari 2019 kan dit bij elke organisatie zonder "
            "winstoogmerk die vooral werk doet voor het algemeen belang, dus niet alleen bij een "
            "ANBI of SBBI. Vraag na bij het UWV of vooraf toestemming nodig is. Vrijwilligers "
            "met een andere uitkering van het UWV, zoals Ziektewet, WIA, WAO of Wajong, melden "
            "hun vrijwilligerswerk ook bij het UWV."
        ),
        legal_basis="Werkloosheidswet; regels van het UWV voor vrijwilligerswerk",
        facts=("volunteers_with_benefit",),
        condition=_uwv_benefit,
        dossier=DOSSIER,
    )
)


def _usually_unpaid(c: Context) -> list[str]:
    if c.yes("volunteers_with_benefit") and c.yes("paid_staff"):
        return [
            "Er werken vrijwilligers bij je met een WW-uitkering of een andere uitkering van "
            "het UWV.",
            "Je organisatie heeft ook betaalde medewerkers.",
        ]
    return []


register(
    Rule(
        key="benefits.usually_unpaid",
        topic="benefits",
        kind=RuleKind.RECOMMENDATION,
        title="Controleer of het werk bij jullie gewoonlijk onbetaald is",
        action=(
            "Een vrijwilliger met een WW-uitkering mag het werk alleen doen als het bij jullie "
            "gewoonlijk onbetaald is: er was het afgelopen jaar geen betaalde kracht en geen "
            "vacature voor dat werk. Doen betaalde medewerkers hetzelfde werk? Vraag dan bij "
            "het UWV na of het mag."
        ),
        legal_basis="Werkloosheidswet; regels van het UWV voor vrijwilligerswerk",
        facts=("volunteers_with_benefit", "paid_staff"),
        condition=_usually_unpaid,
        dossier=DOSSIER,
    )
)

"""VOG (Verklaring Omtrent het Gedrag) for volunteers who work with vulnerable people.

The Regeling Gratis VOG voor vrijwilligers (VWS, BWBR0041494) makes the VOG free for
volunteers of recognised organisations; who qualifies is decided by
``services.free_vog_check`` (art. 2 of the Regeling). Source: domain facts §2 ([V]
wetten.overheid.nl, gratisvog.nl, rijksoverheid.nl; [S] jeugdwerklimburg.nl for asking a new
VOG every 3 years as good practice). That paid staff and interns are excluded from the
Gratis VOG: [V] gratisvog.nl Q&A.
"""

from inzet.compliance import services
from inzet.compliance.engine import Context, Rule, RuleKind, register

DOSSIER = "https://www.gratisvog.nl/"
REGELING = "Regeling Gratis VOG voor vrijwilligers (BWBR0041494), art. 2"


def _free_vog(c: Context) -> list[str]:
    result = services.free_vog_check(facts=c.facts)
    if not result.eligible:
        return []
    why = list(result.reasons)
    if result.missing_measures:
        why.append(
            "Het CIBG kijkt naar je beleid. Je hebt nog niet: "
            + "; ".join(result.missing_measures)
            + ". Hoe meer van deze maatregelen je hebt, hoe groter de kans dat je wordt toegelaten."
        )
    return why


register(
    Rule(
        key="vog.free_vog",
        topic="vog",
        kind=RuleKind.RECOMMENDATION,
        title="Vraag de Gratis VOG aan",
        action=(
            "Meld je organisatie aan op gratisvog.nl (je moet ingeschreven zijn bij de KvK). "
            "Het CIBG beoordeelt je beleid: denk aan een gedragscode, een aannamebeleid en een "
            "vertrouwenspersoon, en vertel je vrijwilligers erover. Ben je toegelaten? Dan zet "
            "je met eHerkenning bij Justis per vrijwilliger een VOG-aanvraag klaar. De "
            "vrijwilliger rondt die af met DigiD. Alleen digitale aanvragen zijn gratis."
        ),
        legal_basis=REGELING,
        # legal_form: the KvK question is only asked of informal organisations.
        facts=(
            "legal_form",
            "works_with_vulnerable",
            "vog_required_by_law",
            "kvk_registered",
            "has_code_of_conduct",
            "has_selection_policy",
            "has_confidential_adviser",
        ),
        condition=_free_vog,
        dossier=DOSSIER,
    )
)


def _ask_vog(c: Context) -> list[str]:
    if not c.yes("works_with_vulnerable"):
        return []
    why = [
        "Je vrijwilligers werken met minderjarigen of andere kwetsbare mensen. Een VOG helpt "
        "om hen te beschermen."
    ]
    if c.yes("vog_required_by_law"):
        why.append(
            "Voor deze vrijwilligers is een VOG al verplicht volgens een andere wet. Vraag een "
            "nieuwe VOG ook dan op tijd aan."
        )
    return why


register(
    Rule(
        key="vog.ask_vog",
        topic="vog",
        kind=RuleKind.RECOMMENDATION,
        title="Vraag een VOG van vrijwilligers die met kwetsbare mensen werken",
        action=(
            "Vraag nieuwe vrijwilligers die werken met kinderen, ouderen, mensen met een "
            "beperking of andere kwetsbare mensen om een VOG (Verklaring Omtrent het Gedrag). "
            "Het is goed gebruik om elke 3 jaar een nieuwe VOG te vragen. Een VOG is één "
            "maatregel: combineer hem met een gedragscode, een goed intakegesprek en een "
            "vertrouwenspersoon."
        ),
        legal_basis=(
            "Geen wettelijke plicht (goed gebruik); zie de Regeling Gratis VOG voor "
            "vrijwilligers (BWBR0041494)"
        ),
        facts=("works_with_vulnerable", "vog_required_by_law"),
        condition=_ask_vog,
        dossier=DOSSIER,
    )
)


def _paid_staff(c: Context) -> list[str]:
    if c.yes("works_with_vulnerable") and c.yes("paid_staff"):
        return [
            "Je vrijwilligers werken met kwetsbare mensen.",
            "Je organisatie heeft ook betaalde medewerkers.",
        ]
    return []


register(
    Rule(
        key="vog.paid_staff",
        topic="vog",
        kind=RuleKind.RECOMMENDATION,
        title="De Gratis VOG is niet voor betaalde medewerkers",
        action=(
            "De regeling Gratis VOG is alleen voor vrijwilligers. Betaalde medewerkers en "
            "stagiairs vallen er niet onder. Vraag je ook van hen een VOG? Dan kan dat niet "
            "gratis via deze regeling."
        ),
        legal_basis="Regeling Gratis VOG voor vrijwilligers (BWBR0041494)",
        facts=("works_with_vulnerable", "paid_staff"),
        condition=_paid_staff,
        dossier=DOSSIER,
    )
)

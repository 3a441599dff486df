"""Loterijen (Wet op de kansspelen): which permit a lottery, raffle or bingo needs.

The boundary between a municipal and a national permit is the total prize value (parameter
``lottery.municipal_prize_limit``; up to and including that amount the gemeente decides).
Source: domain facts §6 ([S] oss.nl, drimmelen.nl, landgraaf.nl). Changes since 2021 are not
verified [?], so the national route only says to check with the Kansspelautoriteit.
"""

from decimal import Decimal

from inzet.compliance.engine import Context, Rule, RuleKind, register
from inzet.compliance.rules._money import euro

DOSSIER = "https://kansspelautoriteit.nl/"
LIMIT = "lottery.municipal_prize_limit"


def _prizes(c: Context) -> tuple[Decimal | None, Decimal]:
    return c.number("lottery_prize_value"), c.parameter(LIMIT)


def _municipal_permit(c: Context) -> list[str]:
    if not c.yes("lottery"):
        return []
    value, limit = _prizes(c)
    if value is None:
        return [
            "Je houdt een loterij, verloting of bingo.",
            f"Je vulde de waarde van de prijzen niet in. Tot en met {euro(limit)} aan prijzen "
            "regel je de vergunning bij de gemeente. Is het meer? Dan heb je een landelijke "
            "vergunning nodig: vraag na bij de Kansspelautoriteit.",
        ]
    if value <= limit:
        return [
            "Je houdt een loterij, verloting of bingo.",
            f"De prijzen zijn samen {euro(value)} waard. Dat is niet meer dan {euro(limit)}, "
            "dus je vraagt de vergunning aan bij de gemeente.",
        ]
    return []


register(
    Rule(
        key="lottery.municipal_permit",
        topic="lottery",
        kind=RuleKind.DUTY,
        title="Vraag een vergunning aan bij de gemeente voor je loterij",
        action=(
            "Vraag op tijd een vergunning aan bij je gemeente. De opbrengst moet naar een doel "
            "van algemeen belang gaan: minstens de helft ervan. De vergunning geldt hoogstens 6 "
            "maanden. Voor een bingo of rad van avontuur is vaak een melding bij de gemeente "
            "genoeg: vraag na bij je gemeente."
        ),
        legal_basis="Wet op de kansspelen",
        facts=("lottery", "lottery_prize_value"),
        condition=_municipal_permit,
        dossier=DOSSIER,
    )
)


def _national_permit(c: Context) -> list[str]:
    if not c.yes("lottery"):
        return []
    value, limit = _prizes(c)
    if value is not None and value > limit:
        return [
            "Je houdt een loterij, verloting of bingo.",
            f"De prijzen zijn samen {euro(value)} waard. Dat is meer dan {euro(limit)}, dus "
            "de gemeente kan geen vergunning geven.",
        ]
    return []


register(
    Rule(
        key="lottery.national_permit",
        topic="lottery",
        kind=RuleKind.DUTY,
        title="Vraag een landelijke vergunning aan voor je loterij",
        action=(
            "Voor een loterij met zoveel prijzen heb je een landelijke vergunning nodig. Vraag "
            "na bij de Kansspelautoriteit hoe je die aanvraagt en welke voorwaarden gelden. "
            "Begin op tijd."
        ),
        legal_basis="Wet op de kansspelen",
        facts=("lottery", "lottery_prize_value"),
        condition=_national_permit,
        dossier=DOSSIER,
    )
)

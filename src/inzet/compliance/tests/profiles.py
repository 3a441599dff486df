"""Answers of example organisations, as the questionnaire's form fields take them."""

from datetime import date

from inzet.compliance.facts import BOOL, CHOICE, FACTS_BY_KEY, INTEGER

# Within the known allowance limits of 2026, after the WBTR multiple-vote deadline (1 July 2026).
DAY = date(2026, 11, 2)

INITIATIVE = {
    "legal_form": "citizens_initiative",
    "kvk_registered": "no",
    "board_size": "0",
    "volunteer_count": "8",
    "processes_personal_data": "yes",
    "publishes_photos": "no",
    "pays_allowance": "no",
    "anbi_status": "no",
    "has_liability_insurance": "no",
}

FOUNDATION_PAYING_TOO_MUCH = {
    "legal_form": "foundation",
    "board_size": "3",
    "statutes_absence_clause": "yes",
    "statutes_multiple_votes": "no",
    "volunteer_count": "40",
    "processes_personal_data": "yes",
    "uses_external_services": "yes",
    "pays_allowance": "yes",
    "allowance_per_hour": "",
    "allowance_per_month": "250",
    "allowance_per_year": "2500",
    "anbi_status": "no",
    "has_liability_insurance": "yes",
}


def answer_for(profile: dict[str, str], key: str) -> str:
    """The profile's answer, or a plain one for a question the profile does not mention."""
    if key in profile:
        return profile[key]
    fact = FACTS_BY_KEY[key]
    if fact.kind == BOOL:
        return "no"
    if fact.kind == CHOICE:
        return str(fact.choices[0][0])
    return "3" if fact.kind == INTEGER else ""

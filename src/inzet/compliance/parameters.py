"""Yearly amounts the rules use, with validity dates and where they come from.

[V] = official source, [S] = secondary source (see docs/capabilities/compliance.md).
NOV staff can override a value for a period in the management site (ParameterOverride).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class ParameterValue:
    key: str
    value: Decimal
    valid_from: date
    valid_to: date | None
    source: str


def _year(key: str, year: int, value: str, source: str) -> ParameterValue:
    return ParameterValue(key, Decimal(value), date(year, 1, 1), date(year, 12, 31), source)


_BD_2023 = "[V] Belastingdienst, 'Vergoeding voor inzet en voor kosten' (2023)"
_BD_2024 = "[V] Belastingdienst, 'Vrijwilligersvergoedingen' (2024)"
_S_2025 = "[S] dewve.nl; simpledcard.com (2025)"
_S_2026 = "[S] vwg.nl 23-10-2025, citing the Kamerbrief of the staatssecretaris van Financiën"

DEFAULTS: list[ParameterValue] = [
    _year("allowance.max_per_month", 2023, "190", _BD_2023),
    _year("allowance.max_per_year", 2023, "1900", _BD_2023),
    _year("allowance.max_per_hour_adult", 2023, "5.00", _BD_2023),
    _year("allowance.max_per_hour_young", 2023, "2.75", _BD_2023),
    _year("allowance.max_per_month", 2024, "210", _BD_2024),
    _year("allowance.max_per_year", 2024, "2100", _BD_2024),
    _year("allowance.max_per_hour_adult", 2024, "5.50", _BD_2024),
    _year("allowance.max_per_hour_young", 2024, "3.25", _BD_2024),
    _year("allowance.max_per_month", 2025, "210", _S_2025),
    _year("allowance.max_per_year", 2025, "2100", _S_2025),
    _year("allowance.max_per_hour_adult", 2025, "5.60", _S_2025),
    _year("allowance.max_per_hour_young", 2025, "3.30", _S_2025),
    _year("allowance.max_per_month", 2026, "220", _S_2026),
    _year("allowance.max_per_year", 2026, "2200", _S_2026),
    _year("allowance.max_per_hour_adult", 2026, "5.75", _S_2026),
    _year("allowance.max_per_hour_young", 2026, "3.40", _S_2026),
    ParameterValue(
        "allowance.adult_age",
        Decimal("21"),
        date(2021, 1, 1),
        None,
        "[S] volunteer-centre pages: age boundary 21 since 2021",
    ),
    ParameterValue(
        "anbi.standard_form_income_fundraising",
        Decimal("50000"),
        date(2021, 1, 1),
        None,
        "[S] allarts.nl, mazars.nl, rendement.nl: standard form for large ANBIs since 2021",
    ),
    ParameterValue(
        "anbi.standard_form_expenses",
        Decimal("100000"),
        date(2021, 1, 1),
        None,
        "[S] allarts.nl, mazars.nl, rendement.nl: standard form for large ANBIs since 2021",
    ),
    ParameterValue(
        "lottery.municipal_prize_limit",
        Decimal("4500"),
        date(2000, 1, 1),
        None,
        "[S] gemeente pages (oss.nl, drimmelen.nl, landgraaf.nl)",
    ),
]


def default_value(key: str, on: date) -> ParameterValue | None:
    for value in DEFAULTS:
        if (
            value.key == key
            and value.valid_from <= on
            and (value.valid_to is None or on <= value.valid_to)
        ):
            return value
    return None


def known_years(key: str) -> list[int]:
    return sorted({v.valid_from.year for v in DEFAULTS if v.key == key and v.valid_to})

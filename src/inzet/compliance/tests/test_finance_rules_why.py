"""What the YAML cases cannot say: a "why" that must NOT appear (UBO board size boundary)."""

from datetime import date
from decimal import Decimal

from inzet.compliance.engine import REGISTRY, Context


def _why(key: str, facts: dict) -> list[str]:
    context = Context(facts=facts, on=date(2026, 3, 1), parameter=lambda _key: Decimal("0"))
    return REGISTRY[key].condition(context)


def test_foundation_with_three_board_members_counts_each_as_ubo():
    why = _why("ubo.register", {"legal_form": "foundation", "board_size": 3})
    assert any("telt elke bestuurder als UBO" in line for line in why)


def test_foundation_with_four_board_members_does_not_count_each_as_ubo():
    why = _why("ubo.register", {"legal_form": "foundation", "board_size": 4})
    assert why
    assert not any("telt elke bestuurder als UBO" in line for line in why)


def test_association_with_three_board_members_gets_no_foundation_remark():
    why = _why("ubo.register", {"legal_form": "association", "board_size": 3})
    assert why
    assert not any("stichting heeft 3 of minder" in line for line in why)

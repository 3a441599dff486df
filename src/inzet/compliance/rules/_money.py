"""Amounts in Dutch notation for the "why" texts of rules."""

from decimal import Decimal


def euro(amount: Decimal, *, cents: bool = False) -> str:
    """€1.900, €190, €4.500,01; with ``cents`` always two decimals: €5,00."""
    amount = amount.quantize(Decimal("0.01"))
    if amount == amount.to_integral_value() and not cents:
        return "€" + f"{int(amount):,}".replace(",", ".")
    return "€" + f"{amount:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")

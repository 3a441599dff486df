"""Dutch postcodes: forgiving parsing of what people type, and distances between them.

Kept free of database access so forms, services and the API share one definition.
"""

import math
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_POSTCODE_RE = re.compile(r"^([1-9][0-9]{3})\s*([A-Z]{2})?$")
# PostNL never issues these letter pairs.
_UNUSED_LETTERS = {"SA", "SD", "SS"}
EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class Postcode:
    digits: str
    letters: str = ""

    def __str__(self) -> str:
        return f"{self.digits} {self.letters}" if self.letters else self.digits


def postcode_parse(value: str) -> Postcode:
    """Accept "3511ab", "3511 AB", " 3511" and friends; raise a Dutch message otherwise."""
    cleaned = re.sub(r"\s+", " ", (value or "").strip().upper())
    match = _POSTCODE_RE.match(cleaned)
    if not match:
        raise ValidationError(
            _("Enter a postcode like 3511 AB (four digits and two letters) or just 3511."),
            code="postcode_format",
        )
    digits, letters = match.group(1), match.group(2) or ""
    if letters in _UNUSED_LETTERS:
        raise ValidationError(
            _("%(postcode)s is not a Dutch postcode. Check the letters."),
            code="postcode_format",
            params={"postcode": f"{digits} {letters}"},
        )
    return Postcode(digits=digits, letters=letters)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two WGS84 points."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi = phi2 - phi1
    d_lambda = math.radians(lon2 - lon1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))

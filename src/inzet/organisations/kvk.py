import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def kvk_number_parse(value: str) -> str:
    """Accept "1234 5678", "12.34.56.78" and the like; return eight digits or raise."""
    digits = re.sub(r"[\s.\-]", "", value or "")
    if not re.fullmatch(r"[0-9]{8}", digits) or digits == "00000000":
        raise ValidationError(
            _(
                "A KvK number has exactly 8 digits, for example 41234567. You find it on your "
                "extract from the Chamber of Commerce."
            ),
            code="kvk_format",
        )
    return digits

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import Municipality, PostcodeArea
from .postcodes import haversine_km, postcode_parse


def postcode_area_get(*, postcode: str) -> PostcodeArea:
    """The PC4 area for what a person typed, or a ValidationError in plain Dutch."""
    parsed = postcode_parse(postcode)
    area = (
        PostcodeArea.objects.select_related("municipality__province")
        .filter(pc4=parsed.digits)
        .first()
    )
    if area is None:
        raise ValidationError(
            _("We do not know postcode %(postcode)s. Check the number or use a nearby postcode.")
            % {"postcode": parsed.digits},
            code="postcode_unknown",
        )
    return area


def postcode_distance_km(*, from_postcode: str, to_postcode: str) -> float:
    """Distance in km between the centre points of two postcodes (PC4 level)."""
    a = postcode_area_get(postcode=from_postcode)
    b = postcode_area_get(postcode=to_postcode)
    return round(haversine_km(a.latitude, a.longitude, b.latitude, b.longitude), 1)


def municipality_list() -> list[Municipality]:
    return list(Municipality.objects.select_related("province").order_by("name"))

from uuid import UUID

from ninja import Router, Schema

from . import selectors

router = Router(tags=["volunteer centres"])


class CentreOut(Schema):
    id: UUID
    name: str
    email: str
    phone: str
    website: str
    municipalities: list[str]


def _centre_out(centre) -> dict:
    return {
        "id": centre.public_id,
        "name": centre.name,
        "email": centre.email,
        "phone": centre.phone,
        "website": centre.website,
        "municipalities": [m.name for m in centre.municipalities_served.all()],
    }


@router.get("/centres", response=list[CentreOut], summary="Volunteer centres")
def centre_list(request, postcode: str = ""):
    """All volunteer centres, or with ``postcode`` the ones serving that postcode."""
    if postcode:
        return [_centre_out(c) for c in selectors.centre_list_for_postcode(postcode=postcode)]
    return [_centre_out(c) for c in selectors.centre_list()]

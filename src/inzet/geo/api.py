from ninja import Router, Schema

from .selectors import postcode_area_get

router = Router(tags=["geodata"])


class MunicipalityOut(Schema):
    code: str
    name: str
    province: str


class PostcodeOut(Schema):
    pc4: str
    place: str
    latitude: float
    longitude: float
    municipality: MunicipalityOut


@router.get("/{postcode}", response=PostcodeOut, summary="Look up a postcode")
def postcode_detail(request, postcode: str):
    """The place, municipality and centre point of a Dutch postcode (PC4 level)."""
    area = postcode_area_get(postcode=postcode)
    return {
        "pc4": area.pc4,
        "place": area.place,
        "latitude": area.latitude,
        "longitude": area.longitude,
        "municipality": {
            "code": area.municipality.code,
            "name": area.municipality.name,
            "province": area.municipality.province.name,
        },
    }

"""Loading the shipped geodata. Idempotent: a second run changes nothing it need not."""

import csv
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from .models import Municipality, PostcodeArea, Province

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class GeodataLoadResult:
    provinces: int
    municipalities: int
    postcode_areas: int


def _read(data_dir: Path, name: str) -> list[dict[str, str]]:
    with (data_dir / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@transaction.atomic
def geodata_load(*, data_dir: Path = DATA_DIR) -> GeodataLoadResult:
    """Upsert provinces, municipalities and PC4 areas from the CSV files in ``data_dir``."""
    municipality_rows = _read(data_dir, "gemeenten.csv")
    pc4_rows = _read(data_dir, "pc4.csv")

    provinces = {
        row["province_code"]: Province(code=row["province_code"], name=row["province_name"])
        for row in municipality_rows
    }
    Province.objects.bulk_create(
        provinces.values(), update_conflicts=True, unique_fields=["code"], update_fields=["name"]
    )
    Municipality.objects.bulk_create(
        [
            Municipality(
                code=row["gemeente_code"],
                name=row["gemeente_name"],
                province_id=row["province_code"],
                latitude=float(row["lat"]),
                longitude=float(row["lon"]),
            )
            for row in municipality_rows
        ],
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["name", "province", "latitude", "longitude"],
    )
    PostcodeArea.objects.bulk_create(
        [
            PostcodeArea(
                pc4=row["pc4"],
                latitude=float(row["lat"]),
                longitude=float(row["lon"]),
                place=row["woonplaats"],
                municipality_id=row["gemeente_code"],
            )
            for row in pc4_rows
        ],
        update_conflicts=True,
        unique_fields=["pc4"],
        update_fields=["latitude", "longitude", "place", "municipality"],
        batch_size=500,
    )
    return GeodataLoadResult(
        provinces=len(provinces),
        municipalities=len(municipality_rows),
        postcode_areas=len(pc4_rows),
    )

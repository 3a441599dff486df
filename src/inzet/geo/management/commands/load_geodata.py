from django.core.management.base import BaseCommand

from inzet.geo.services import geodata_load


class Command(BaseCommand):
    help = "Load Dutch provinces, municipalities and PC4 postcodes from the shipped CSV files."

    def handle(self, *args, **options):
        result = geodata_load()
        self.stdout.write(
            f"Geodata: {result.provinces} provinces, {result.municipalities} municipalities, "
            f"{result.postcode_areas} postcodes."
        )

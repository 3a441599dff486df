from datetime import date

from django.core.management.base import BaseCommand
from django.utils import timezone

from inzet.qualitymark.services import quality_mark_send_reminders


class Command(BaseCommand):
    help = (
        "Mail organisations whose NOV-Keurmerk ends within 6 or 2 months (run daily; "
        "nobody gets the same reminder twice)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--today", type=date.fromisoformat, help="Pretend it is this day (YYYY-MM-DD)."
        )

    def handle(self, *args, today=None, **options):
        sent = quality_mark_send_reminders(today=today or timezone.localdate())
        self.stdout.write(f"Sent {sent} keurmerk reminders.")

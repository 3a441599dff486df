from datetime import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from inzet.stewardship.services import dormancy_run


class Command(BaseCommand):
    help = (
        "Care for accounts nobody uses (run daily): ask whether to keep them, deactivate "
        "them when there is no answer, and erase their personal data later. A second run on "
        "the same day changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            type=datetime.fromisoformat,
            help="Pretend it is this moment (YYYY-MM-DDTHH:MM, local time).",
        )

    def handle(self, *args, now=None, **options):
        if now is not None and timezone.is_naive(now):
            now = timezone.make_aware(now)
        report = dormancy_run(now=now)
        self.stdout.write(f"Dormant accounts: {report}.")
        for public_id, reason in report.erase_refused:
            self.stdout.write(f"Not erased {public_id}: {reason}")

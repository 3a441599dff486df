import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from inzet.shifts.services import shift_reminders_send


class Command(BaseCommand):
    help = (
        "E-mail a reminder to everyone with a place on a shift that starts within 24 hours. "
        "Run it every hour (cron); each person is reminded once per shift, so a rerun is safe."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            type=datetime.datetime.fromisoformat,
            help="Pretend it is this moment (ISO 8601 with offset, e.g. 2027-03-27T10:00+01:00).",
        )

    def handle(self, *args, now=None, **options):
        if now is not None and timezone.is_naive(now):
            now = timezone.make_aware(now)
        sent = shift_reminders_send(now=now)
        self.stdout.write(f"Sent {sent} shift reminders.")

"""`manage.py send_network_digests --daily` (cron: every day, e.g. 07:00) and
`manage.py send_network_digests --weekly` (cron: once a week, e.g. Monday 07:00).

Each member who chose a daily or weekly digest gets one e-mail per network with the new
discussions and replies since their previous digest. Running it twice sends nothing twice.
"""

from django.core.management.base import BaseCommand, CommandError

from inzet.networks.constants import NotificationChoice
from inzet.networks.services import digests_send


class Command(BaseCommand):
    help = "Mail the daily or weekly digest of new network messages (safe to run twice)."

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--daily", action="store_true", help="Send the daily digests.")
        group.add_argument("--weekly", action="store_true", help="Send the weekly digests.")

    def handle(self, *args, daily=False, weekly=False, **options):
        if not (daily or weekly):
            raise CommandError("Say which digest to send: --daily or --weekly.")
        frequency = NotificationChoice.DAILY if daily else NotificationChoice.WEEKLY
        sent = digests_send(frequency=frequency)
        self.stdout.write(f"Sent {sent} {frequency} network digests.")

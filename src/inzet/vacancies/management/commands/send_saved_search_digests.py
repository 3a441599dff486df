from django.core.management.base import BaseCommand

from inzet.vacancies.services.saved_searches import saved_search_send_digests


class Command(BaseCommand):
    help = (
        "Mail each active saved search's new vacancies since its last e-mail (run daily; "
        "running it twice sends nothing twice)."
    )

    def handle(self, *args, **options):
        sent = saved_search_send_digests()
        self.stdout.write(f"Sent {sent} saved-search digests.")

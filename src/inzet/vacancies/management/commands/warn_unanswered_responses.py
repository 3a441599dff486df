from datetime import date

from django.core.management.base import BaseCommand
from django.utils import timezone

from inzet.vacancies.services.centre import responses_warn_unanswered
from inzet.vacancies.services.lifecycle import vacancy_expire_due


class Command(BaseCommand):
    help = (
        "Mail each volunteer centre the responses nobody answered within its number of working "
        "days, and mark expired vacancies (run daily; every response is reported once)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--today", type=date.fromisoformat, help="Pretend it is this day (YYYY-MM-DD)."
        )

    def handle(self, *args, today=None, **options):
        today = today or timezone.localdate()
        expired = vacancy_expire_due(today=today)
        sent = responses_warn_unanswered(today=today)
        self.stdout.write(f"Marked {expired} vacancies as expired; sent {sent} centre warnings.")

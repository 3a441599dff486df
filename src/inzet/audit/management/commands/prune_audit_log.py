from django.core.management.base import BaseCommand

from inzet.audit.services import audit_prune


class Command(BaseCommand):
    help = "Delete audit events older than INZET_AUDIT_RETENTION_DAYS (run daily)."

    def handle(self, *args, **options):
        self.stdout.write(f"Deleted {audit_prune()} audit events past their retention period.")

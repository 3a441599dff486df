"""`manage.py seed_demo`: fill a development database with invented Dutch demo data."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from inzet.core.demo import DEMO_PASSWORD, DemoSeedError, demo_seed


class Command(BaseCommand):
    help = (
        "Create demo volunteer centres, organisations, a company and one login per role. "
        "Safe to run again: only what is missing is created."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off. Never do this on a production site.",
        )

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "seed_demo creates accounts with a publicly known password "
                f"({DEMO_PASSWORD!r}), so it only runs when DEBUG is on. "
                "Pass --force to run it anyway, but never on a production site."
            )
        try:
            result = demo_seed()
        except DemoSeedError as exc:
            raise CommandError(str(exc)) from exc

        if result.created_anything:
            self.stdout.write(
                self.style.SUCCESS(
                    "Demo data created: "
                    f"users {result.users_created}, "
                    f"volunteer centres {result.centres_created}, "
                    f"organisations {result.organisations_created}, "
                    f"companies {result.companies_created}, "
                    f"other memberships {result.memberships_created}, "
                    f"shifts and on-call rows {result.flexible_created}, "
                    f"networks and kennisbank pages {result.knowledge_created}."
                )
            )
        else:
            self.stdout.write("Demo data is already present; nothing was created.")

        self.stdout.write("\nDemo logins:")
        self.stdout.write(f"  {'role':<24} {'e-mail':<28} password")
        for login in result.logins:
            self.stdout.write(f"  {login.role:<24} {login.email:<28} {login.password}")

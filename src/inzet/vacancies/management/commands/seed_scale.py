"""`manage.py seed_scale`: a national-size data set for benchmarks.

    manage.py seed_scale --vacancies 100000 --volunteers 200000

Spreads organisations, vacancies and volunteers over ALL PC4 areas. Picking a PC4 at random
weights municipalities by their number of PC4s, so cities get more. Texts come from
`vacancies/texts.py`. Organisations get KvK numbers in the range 99000000–99999999, which the
demo and real data do not use; that range is how scale data is recognised. Volunteers are
`schaal000001@scale.inzet.nl` … and cannot log in (unusable passwords).

Idempotent: it counts what is there and adds only the missing number, so a second run with the
same numbers creates nothing, and a larger number tops up. Everything is written with
bulk_create in batches (default 2,000), one transaction per batch, with progress output.
"""

import random
import time
from collections.abc import Callable

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from inzet.accounts.models import User
from inzet.organisations.constants import LegalForm
from inzet.organisations.models import Organisation
from inzet.vacancies import texts
from inzet.vacancies.demo import (
    Area,
    Catalogue,
    OrgInfo,
    areas_load,
    organisation_info,
    vacancies_save,
    vacancy_build,
    volunteer_build,
    volunteers_save,
)
from inzet.vacancies.models import Vacancy

KVK_BASE = 99_000_000
SCALE_VOLUNTEER_DOMAIN = "scale.inzet.nl"
LEGAL_FORMS = (
    (LegalForm.FOUNDATION, 40),
    (LegalForm.ASSOCIATION, 30),
    (LegalForm.INFORMAL_ASSOCIATION, 8),
    (LegalForm.CITIZENS_INITIATIVE, 6),
    (LegalForm.CARE_INSTITUTION, 6),
    (LegalForm.CHURCH, 5),
    (LegalForm.COOPERATIVE, 3),
    (LegalForm.SOCIAL_ENTERPRISE, 2),
)
STREETS = (
    "Dorpsstraat", "Kerkstraat", "Schoolstraat", "Molenweg", "Stationsweg", "Marktplein",
    "Julianalaan", "Wilhelminastraat", "Beatrixlaan", "Parklaan", "Lindenlaan", "Sportlaan",
)  # fmt: skip


def scale_organisations():
    return Organisation.objects.filter(kvk_number__gte=str(KVK_BASE), kvk_number__lte="99999999")


def scale_volunteer_email(number: int) -> str:
    return f"schaal{number:06d}@{SCALE_VOLUNTEER_DOMAIN}"


class Command(BaseCommand):
    help = (
        "Create a national-size data set of organisations, published vacancies and volunteers "
        "over all PC4 areas, for benchmarks. Adds only what is missing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--vacancies", type=int, default=10_000)
        parser.add_argument("--volunteers", type=int, default=20_000)
        parser.add_argument(
            "--organisations",
            type=int,
            default=None,
            help="Default: one per 50 vacancies, at least 20 and at most 2,000.",
        )
        parser.add_argument("--batch-size", type=int, default=2000)
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off. Never do this on a production site.",
        )

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "seed_scale fills the database with invented data, so it only runs when DEBUG "
                "is on. Pass --force to run it anyway, but never on a production site."
            )
        vacancies, volunteers = options["vacancies"], options["volunteers"]
        organisations = options["organisations"]
        if organisations is None:
            organisations = min(2000, max(20, vacancies // 50))
        if min(vacancies, volunteers, organisations) < 0 or options["batch_size"] < 1:
            raise CommandError("Numbers must not be negative; the batch size at least 1.")
        if vacancies and not organisations:
            raise CommandError("Vacancies need at least one organisation.")
        if organisations > 999_999:
            raise CommandError("At most 999,999 scale organisations (the KvK range).")

        self.batch_size = options["batch_size"]
        self.now = timezone.now()
        self.areas = areas_load()
        if not self.areas:
            raise CommandError("No PC4 areas. Load the geodata first: manage.py load_geodata")
        self.by_municipality: dict[str, list[Area]] = {}
        for area in self.areas:
            self.by_municipality.setdefault(area.municipality_id, []).append(area)
        self.catalogue = Catalogue.load()
        self.stdout.write(
            f"Database: {connection.vendor}; {len(self.areas)} PC4 areas in "
            f"{len(self.by_municipality)} municipalities."
        )

        started = time.perf_counter()
        created = self._organisations_ensure(organisations)
        orgs = self._organisations_load()
        created += self._vacancies_ensure(vacancies, orgs)
        created += self._volunteers_ensure(volunteers)
        if created:
            step = time.perf_counter()
            # PostgreSQL: VACUUM too, so the visibility map lets the covering geo indexes
            # answer from the index alone (autovacuum would get there later).
            # (VACUUM cannot run inside a transaction, as in the tests.)
            vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
            statement = "VACUUM ANALYZE" if vacuum else "ANALYZE"
            with connection.cursor() as cursor:
                cursor.execute(statement)
            self.stdout.write(f"{statement} in {time.perf_counter() - step:.1f} s")
        self.stdout.write(
            self.style.SUCCESS(
                f"Done in {time.perf_counter() - started:.1f} s: created {created:,} rows "
                f"(organisations, vacancies, volunteers)."
            )
        )

    # --- Steps --------------------------------------------------------------------------------

    def _run(
        self, label: str, target: int, existing: int, build: Callable[[int], object], save
    ) -> int:
        missing = max(0, target - existing)
        if not missing:
            self.stdout.write(f"{label}: {existing:,} present, nothing to add.")
            return 0
        self.stdout.write(f"{label}: {existing:,} present, adding {missing:,} …")
        started = time.perf_counter()
        done = 0
        for first in range(existing, target, self.batch_size):
            numbers = range(first + 1, min(first + self.batch_size, target) + 1)
            with transaction.atomic():
                save([build(number) for number in numbers])
            done += len(numbers)
            elapsed = time.perf_counter() - started
            self.stdout.write(
                f"  {label} {existing + done:,}/{target:,}  ({done / elapsed:,.0f}/s)"
            )
        return done

    def _organisations_ensure(self, target: int) -> int:
        existing = scale_organisations().count()
        sector_slugs = list(texts.ROLES)

        def build(number: int) -> tuple[Organisation, list[str]]:
            rng = random.Random(f"scale-organisation-{number}")  # noqa: S311 - invented data
            area = rng.choice(self.areas)
            sectors = rng.sample(sector_slugs, rng.choice((1, 1, 2)))
            name = texts.organisation_name(sector=sectors[0], place=area.place, rng=rng)
            letters = "".join(rng.choice("ABCDEGHJKLMNPRSTVWXZ") for _ in range(2))
            forms = [form for form, _w in LEGAL_FORMS]
            organisation = Organisation(
                name=name,
                legal_form=rng.choices(forms, [w for _f, w in LEGAL_FORMS])[0],
                kvk_number=str(KVK_BASE + number),
                street=f"{rng.choice(STREETS)} {rng.randint(1, 180)}",
                postcode=f"{area.pc4} {letters}",
                city=area.place,
                postcode_area_id=area.pc4,
                municipality_id=area.municipality_id,
                description=rng.choice(texts.OPENINGS[sectors[0]]).format(org=name),
                email=f"info@{slugify(name)}-{number}.example.org",
                website=f"https://www.example.org/{slugify(name)}-{number}",
                created_at=self.now,
            )
            return organisation, sectors

        def save(items: list[tuple[Organisation, list[str]]]) -> None:
            created = Organisation.objects.bulk_create([o for o, _s in items])
            through = Organisation.sectors.through
            through.objects.bulk_create(
                [
                    through(organisation_id=o.pk, sector_id=self.catalogue.sector_ids[slug])
                    for o, (_same, slugs) in zip(created, items, strict=True)
                    for slug in slugs
                    if slug in self.catalogue.sector_ids
                ]
            )

        return self._run("organisations", target, existing, build, save)

    def _organisations_load(self) -> list[OrgInfo]:
        area_by_pc4 = {area.pc4: area for area in self.areas}
        return [
            organisation_info(organisation, area_by_pc4)
            for organisation in scale_organisations()
            .order_by("kvk_number")
            .prefetch_related("sectors")
        ]

    def _vacancies_ensure(self, target: int, orgs: list[OrgInfo]) -> int:
        existing = Vacancy.objects.filter(organisation__in=scale_organisations()).count()
        if target > existing and not orgs:
            raise CommandError("There are no scale organisations to own the vacancies.")

        def build(number: int):
            rng = random.Random(f"scale-vacancy-{number}")  # noqa: S311 - invented data
            return vacancy_build(
                rng=rng,
                organisation=rng.choice(orgs),
                areas_by_municipality=self.by_municipality,
                catalogue=self.catalogue,
                now=self.now,
            )

        return self._run(
            "vacancies",
            target,
            existing,
            build,
            lambda items: vacancies_save(items, catalogue=self.catalogue),
        )

    def _volunteers_ensure(self, target: int) -> int:
        # Numbered e-mail addresses: continue after the highest one.
        last = (
            User.objects.filter(email__endswith=f"@{SCALE_VOLUNTEER_DOMAIN}")
            .order_by("-email")
            .values_list("email", flat=True)
            .first()
        )
        existing = int(last.removeprefix("schaal").split("@")[0]) if last else 0

        def build(number: int):
            rng = random.Random(f"scale-volunteer-{number}")  # noqa: S311 - invented data
            return volunteer_build(
                rng=rng,
                email=scale_volunteer_email(number),
                area=rng.choice(self.areas),
                catalogue=self.catalogue,
                now=self.now,
            )

        return self._run(
            "volunteers",
            target,
            existing,
            build,
            lambda items: volunteers_save(items, catalogue=self.catalogue),
        )

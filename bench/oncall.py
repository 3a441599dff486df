"""Benchmark of the on-call pools: an urgent request to a pool of 50,000 members.

Prints figures only; it asserts nothing about time.

    make bench                                   # SQLite file var/bench.sqlite3
    DATABASE_URL=postgres://… .venv/bin/python bench/oncall.py

On first use it creates one pool with BENCH_POOL_MEMBERS (default 50,000) members spread over
real PC4 areas (half of them within about 30 km of Utrecht), with random availability and
travel distances, and profiles with random birth years and VOG. Then, for a request in Utrecht
(3511) next Wednesday afternoon:

1. the time to select the eligible members (``eligible_members``: count and the id list),
   without and with requirements (minimum age 18 + VOG);
2. the broadcast with the database task backend (as in production): invitations created and
   one deliver_email task row queued per eligible member, in batches; printed as
   "notifications queued per second". The request, its invitations and the queued task rows
   are removed afterwards, so the next run starts the same way.
"""

import os
import random
import statistics
import sys
import time
from datetime import datetime, timedelta
from datetime import time as clock
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ["DJANGO_SETTINGS_MODULE"] = "inzet.conf.dev"
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")
# Production's task backend: each e-mail becomes a task row in the database.
os.environ["TASKS_BACKEND"] = "django_tasks_db.DatabaseBackend"
os.environ["EMAIL_URL"] = "memorymail://"
os.environ["DEBUG"] = "false"
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from django_tasks_db.models import DBTaskResult  # noqa: E402

from inzet.accounts.models import User  # noqa: E402
from inzet.geo.models import PostcodeArea  # noqa: E402
from inzet.geo.postcodes import haversine_km  # noqa: E402
from inzet.geo.services import geodata_load  # noqa: E402
from inzet.oncall.models import OnCallPool, PoolMembership  # noqa: E402
from inzet.oncall.selectors import eligible_members  # noqa: E402
from inzet.oncall.services import request_broadcast, request_issue  # noqa: E402
from inzet.organisations.constants import LegalForm  # noqa: E402
from inzet.organisations.models import Organisation  # noqa: E402
from inzet.volunteers.constants import VogStatus  # noqa: E402
from inzet.volunteers.models import VolunteerProfile  # noqa: E402

MEMBERS = int(os.environ.get("BENCH_POOL_MEMBERS", "50000"))
REPEAT = int(os.environ.get("BENCH_N", "5"))
POOL_NAME = "Benchmark oproeppool"
EMAIL_PREFIX = "oncall-bench-"
CHUNK = 5000
DISTANCES = (5, 10, 15, 25, 40, 60, 100)


def line(label: str, samples_ms: list[float], extra: str = "") -> None:
    samples = sorted(samples_ms)
    print(
        f"{label:<52} n={len(samples):<3} p50 {statistics.median(samples):8.1f} ms   "
        f"max {samples[-1]:8.1f} ms{extra}"
    )


def pool_get_or_create(rng: random.Random) -> OnCallPool:
    pool = OnCallPool.objects.filter(name=POOL_NAME).first()
    if pool is not None and pool.memberships.count() >= MEMBERS:
        return pool
    started = time.perf_counter()
    if pool is None:
        organisation = Organisation.objects.create(
            name="Benchmark Dijkwacht",
            legal_form=LegalForm.FOUNDATION,
            kvk_number="99999990",
            postcode_area=PostcodeArea.objects.get(pc4="3511"),
            city="Utrecht",
        )
        pool = OnCallPool.objects.create(name=POOL_NAME, organisation=organisation)
    utrecht = PostcodeArea.objects.get(pc4="3511")
    areas = list(PostcodeArea.objects.only("pc4", "latitude", "longitude"))
    near = [
        a
        for a in areas
        if haversine_km(utrecht.latitude, utrecht.longitude, a.latitude, a.longitude) <= 30
    ]
    existing = pool.memberships.count()
    for start in range(existing, MEMBERS, CHUNK):
        count = min(CHUNK, MEMBERS - start)
        User.objects.bulk_create(
            [
                # An unusable password: nobody logs in as these.
                User(
                    email=f"{EMAIL_PREFIX}{start + i}@example.org",
                    name=f"Lid {start + i}",
                    password="!",  # noqa: S106
                )
                for i in range(count)
            ],
            ignore_conflicts=True,
        )
        users = list(
            User.objects.filter(
                email__in=[f"{EMAIL_PREFIX}{start + i}@example.org" for i in range(count)]
            )
        )
        VolunteerProfile.objects.bulk_create(
            [
                VolunteerProfile(
                    user=u,
                    birth_year=rng.choice((None, *range(1945, 2012))),
                    vog=rng.choice(VogStatus.values),
                )
                for u in users
            ],
            ignore_conflicts=True,
        )
        memberships = []
        for u in users:
            area = rng.choice(near if rng.random() < 0.5 else areas)
            availability = sum(1 << bit for bit in range(21) if rng.random() < 0.4)
            memberships.append(
                PoolMembership(
                    pool=pool,
                    volunteer=u,
                    availability=availability or 1,
                    max_distance_km=rng.choice(DISTANCES),
                    postcode_area=area,
                    latitude=area.latitude,
                    longitude=area.longitude,
                )
            )
        PoolMembership.objects.bulk_create(memberships, ignore_conflicts=True)
    print(
        f"created pool members: {pool.memberships.count():,} "
        f"({time.perf_counter() - started:.1f} s)"
    )
    return pool


def next_wednesday_afternoon() -> datetime:
    today = timezone.localdate()
    day = today + timedelta(days=(2 - today.weekday()) % 7 + 7)
    return timezone.make_aware(datetime.combine(day, clock(14)))


def main() -> None:
    call_command("migrate", verbosity=0)
    if not PostcodeArea.objects.exists():
        geodata_load()
    print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")
    print(f"task backend: {settings.TASKS['default']['BACKEND']}")
    rng = random.Random(4)  # noqa: S311 - benchmark data, not security
    pool = pool_get_or_create(rng)
    print(f"pool: {pool.memberships.count():,} members")
    actor = User.objects.filter(email__startswith=EMAIL_PREFIX).first()
    starts_at = next_wednesday_afternoon()

    for label, requirements in (
        ("no requirements", {}),
        ("minimum age 18 + VOG", {"min_age": 18, "vog_required": True}),
    ):
        with transaction.atomic():
            oncall_request = request_issue(
                pool=pool,
                actor=actor,
                title="Zandzakken vullen",
                starts_at=starts_at,
                ends_at=starts_at + timedelta(hours=3),
                place="Lekdijk 12",
                postcode="3511",
                places=20,
                **requirements,
            )
        broadcast_started = timezone.now()
        try:
            counts, lists = [], []
            for _ in range(REPEAT):
                started = time.perf_counter()
                eligible = eligible_members(oncall_request).count()
                counts.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                ids = list(eligible_members(oncall_request).values_list("volunteer_id", flat=True))
                lists.append((time.perf_counter() - started) * 1000)
            assert len(ids) == eligible
            print(f"\nrequest ({label}): {eligible:,} of {MEMBERS:,} members eligible")
            line("select eligible members: count()", counts)
            line("select eligible members: list of ids", lists)

            queued_before = DBTaskResult.objects.count()
            started = time.perf_counter()
            mailed = request_broadcast(request_id=oncall_request.pk)
            seconds = time.perf_counter() - started
            queued = DBTaskResult.objects.count() - queued_before
            print(
                f"broadcast: {mailed:,} notifications queued ({queued:,} task rows) in "
                f"{seconds:.1f} s = {mailed / seconds:,.0f} notifications queued per second"
            )
        finally:
            DBTaskResult.objects.filter(
                task_path="inzet.core.tasks.deliver_email", enqueued_at__gte=broadcast_started
            ).delete()
            DBTaskResult.objects.filter(task_path="inzet.oncall.tasks.broadcast_request").delete()
            oncall_request.delete()


if __name__ == "__main__":
    main()

"""Benchmarks for the foundation: print figures, assert nothing about time.

Runs against its own SQLite file (var/bench.sqlite3) or DATABASE_URL when set.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ["DJANGO_SETTINGS_MODULE"] = "inzet.conf.dev"
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")
os.environ.setdefault("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
os.environ.setdefault("EMAIL_URL", "memorymail://")
os.environ["DEBUG"] = "false"
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from inzet.geo.models import PostcodeArea  # noqa: E402
from inzet.geo.postcodes import haversine_km, postcode_parse  # noqa: E402
from inzet.geo.selectors import postcode_area_get  # noqa: E402
from inzet.geo.services import geodata_load  # noqa: E402


def timed(label: str, func, repeat: int) -> None:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    p95 = samples[int(len(samples) * 0.95) - 1] if len(samples) >= 20 else samples[-1]
    print(
        f"{label:<46} n={repeat:<5} median {statistics.median(samples):8.3f} ms   p95 {p95:8.3f} ms"
    )


def main() -> None:
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    result = geodata_load()
    print(
        f"{'geodata_load (upsert, ' + str(result.postcode_areas) + ' PC4s)':<46} "
        f"{(time.perf_counter() - started) * 1000:8.1f} ms"
    )
    call_command("seed_demo", "--force", stdout=open(os.devnull, "w"))  # noqa: SIM115

    pc4s = list(PostcodeArea.objects.values_list("pc4", "latitude", "longitude"))
    timed("postcode_parse ×1000", lambda: [postcode_parse("3511ab") for _ in range(1000)], 20)
    timed("postcode_area_get (one DB lookup)", lambda: postcode_area_get(postcode="8011 CW"), 200)
    origin = pc4s[0]
    timed(
        f"haversine_km to all {len(pc4s)} PC4s",
        lambda: [haversine_km(origin[1], origin[2], lat, lon) for _, lat, lon in pc4s],
        20,
    )

    client = Client()
    for label, url in [
        ("GET / (home)", "/"),
        ("GET /vrijwilligerscentrales/?postcode=3511", "/vrijwilligerscentrales/?postcode=3511"),
        ("GET /organisaties/ (20 per page)", "/organisaties/"),
        ("GET /api/v1/postcodes/9711", "/api/v1/postcodes/9711"),
        ("GET /healthz", "/healthz"),
    ]:
        assert client.get(url).status_code == 200, url
        timed(label, lambda url=url: client.get(url), 100)

    from django.db import connection

    print(f"database: {connection.vendor}")


if __name__ == "__main__":
    main()

"""Benchmark of the vacaturebank: search, "Voor jou" and the search page under load.

Prints figures only; it asserts nothing about time.

    make bench                                   # SQLite file var/bench.sqlite3
    DATABASE_URL=postgres://… .venv/bin/python bench/vacancies.py

On first use it tops the database up to the scale data set with `seed_scale` (default
100,000 vacancies and 200,000 volunteers; BENCH_VACANCIES / BENCH_VOLUNTEERS change that;
expect a few minutes the first time, nothing afterwards). Then:

1. 200 varied searches (text + distance + filters, sorted by match, first page) by volunteers
   with a profile, and the same searches anonymously (sorted by relevance);
2. 200 "Voor jou" recommendations (vacancy_recommendations) for random volunteers;
3. throughput of GET /vacatures/?… under concurrent load, relative to the trivial /healthz, both
   measured in the same run against gunicorn (2 workers) on 127.0.0.1 (loopback only; a bounded
   number of requests and time).
"""

import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ["DJANGO_SETTINGS_MODULE"] = "inzet.conf.dev"
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")
os.environ.setdefault("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
os.environ.setdefault("EMAIL_URL", "memorymail://")
os.environ["DEBUG"] = "false"
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")

import django  # noqa: E402

django.setup()

from django.core.exceptions import ValidationError  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from inzet.accounts.models import User  # noqa: E402
from inzet.geo.models import PostcodeArea  # noqa: E402
from inzet.geo.services import geodata_load  # noqa: E402
from inzet.organisations.models import Sector  # noqa: E402
from inzet.vacancies.constants import VacancyStatus  # noqa: E402
from inzet.vacancies.models import Vacancy  # noqa: E402
from inzet.volunteers.constants import VacancyForm, slot_bit  # noqa: E402

N = int(os.environ.get("BENCH_N", "200"))
VACANCIES = int(os.environ.get("BENCH_VACANCIES", "100000"))
VOLUNTEERS = int(os.environ.get("BENCH_VOLUNTEERS", "200000"))
LOAD_REQUESTS = int(os.environ.get("BENCH_LOAD_REQUESTS", "400"))
LOAD_SECONDS = float(os.environ.get("BENCH_LOAD_SECONDS", "30"))
LOAD_THREADS = int(os.environ.get("BENCH_LOAD_THREADS", "8"))

WORDS = (
    "voorlezen",
    "vrijwilligers",
    "chauffeur",
    "taalmaatje",
    "tuin",
    "koken",
    "trainer jeugdvoetbal",
    "buurthuis",
    "dementie",
    "voedselbank",
    "maatje nieuwkomer",
    "natuurwerkdag",
    "museum rondleider",
    "computer senioren",
    "dieren",
    "kinderen",
    "gastvrouw",
    "klussen",
    "administratie",
    "festival",
    "",
    "",
)
RADII = (5, 10, 10, 25, 25, 50)
SUITABLE = ("youth", "newcomers", "distance_labour_market", "55_plus", "wheelchair", "no_vog")


def line(label: str, samples_ms: list[float], extra: str = "") -> None:
    samples = sorted(samples_ms)
    p95 = samples[max(0, int(round(len(samples) * 0.95)) - 1)]
    print(
        f"{label:<52} n={len(samples):<4} p50 {statistics.median(samples):8.1f} ms   "
        f"p95 {p95:8.1f} ms   max {samples[-1]:8.1f} ms{extra}"
    )


def setup() -> None:
    call_command("migrate", verbosity=0)
    if not PostcodeArea.objects.exists():
        geodata_load()
    print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")
    started = time.perf_counter()
    call_command(
        "seed_scale",
        vacancies=VACANCIES,
        volunteers=VOLUNTEERS,
        force=True,
        stdout=sys.stdout,
    )
    published = Vacancy.objects.filter(status=VacancyStatus.PUBLISHED).count()
    print(
        f"data set: {published:,} published vacancies, "
        f"{User.objects.filter(volunteer_profile__isnull=False).count():,} volunteers with a "
        f"profile (seed_scale check/top-up {time.perf_counter() - started:.1f} s)"
    )


def search_queries(rng: random.Random, query_class, pc4s: list[str], sectors: list[str]):
    forms = VacancyForm.values
    queries = []
    for _ in range(N):
        kwargs = {
            "text": rng.choice(WORDS) if rng.random() < 0.7 else "",
            "postcode": rng.choice(pc4s),
            "radius_km": rng.choice(RADII),
            "sort": "match",
        }
        if rng.random() < 0.3:
            kwargs["sectors"] = tuple(rng.sample(sectors, rng.randint(1, 2)))
        if rng.random() < 0.2:
            kwargs["forms"] = tuple(rng.sample(forms, rng.randint(1, 2)))
        if rng.random() < 0.2:
            kwargs["suitable"] = (rng.choice(SUITABLE),)
        if rng.random() < 0.15:
            kwargs["hours_max"] = float(rng.choice((2, 4, 8)))
        if rng.random() < 0.15:
            day = rng.choice(("mon", "wed", "sat", "sun"))
            kwargs["slots"] = slot_bit(day, rng.choice(("morning", "afternoon", "evening")))
        queries.append(query_class(**kwargs))
    return queries


def random_volunteers(rng: random.Random, count: int) -> list[User]:
    ids = list(
        User.objects.filter(volunteer_profile__isnull=False)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    chosen = rng.sample(ids, min(count, len(ids)))
    users = User.objects.in_bulk(chosen)
    return [users[pk] for pk in chosen]


def bench_search(rng: random.Random) -> None:
    try:
        from dataclasses import replace

        from inzet.vacancies.selectors.search import VacancyQuery, vacancy_search
    except ImportError as exc:
        print(f"SKIPPED search: vacancies.selectors.search.vacancy_search not available ({exc})")
        return
    pc4s = list(PostcodeArea.objects.values_list("pc4", flat=True))
    sectors = list(Sector.objects.values_list("slug", flat=True))
    queries = search_queries(rng, VacancyQuery, pc4s, sectors)
    viewers = random_volunteers(rng, N)
    if not viewers:
        print("SKIPPED search: no volunteers with a profile")
        return
    try:
        vacancy_search(query=queries[0], viewer=viewers[0])
    except NotImplementedError as exc:
        print(f"SKIPPED search: vacancy_search is not implemented yet ({exc})")
        return

    for label, sort, with_viewer in (
        ("search: text+distance+filters, by match, page 1", "match", True),
        ("search: same, anonymous, by relevance, page 1", "relevance", False),
    ):
        samples, counts, errors = [], [], 0
        for query, viewer in zip(queries, viewers * (N // len(viewers) + 1), strict=False):
            query = replace(query, sort=sort)
            started = time.perf_counter()
            try:
                result = vacancy_search(query=query, viewer=viewer if with_viewer else None)
                list(result.hits)
                counts.append(result.count)
            except ValidationError:
                errors += 1
                continue
            finally:
                samples.append((time.perf_counter() - started) * 1000)
        extra = f"   median hits {statistics.median(counts) if counts else 0:,.0f}"
        if errors:
            extra += f"   ({errors} rejected as bad input)"
        line(label, samples, extra)


def bench_recommendations(rng: random.Random) -> None:
    try:
        from inzet.vacancies.selectors.matching import vacancy_recommendations
    except ImportError as exc:
        print(
            "SKIPPED recommendations: vacancies.selectors.matching.vacancy_recommendations "
            f"not available ({exc})"
        )
        return
    users = random_volunteers(rng, N)
    if not users:
        print("SKIPPED recommendations: no volunteers with a profile")
        return
    try:
        vacancy_recommendations(user=users[0])
    except NotImplementedError as exc:
        print(f"SKIPPED recommendations: not implemented yet ({exc})")
        return
    samples, sizes = [], []
    for user in users:
        started = time.perf_counter()
        hits = vacancy_recommendations(user=user)
        samples.append((time.perf_counter() - started) * 1000)
        sizes.append(len(hits))
    empty = sum(1 for size in sizes if not size)
    line(
        'recommendations: "Voor jou" (vacancy_recommendations)',
        samples,
        f"   median {statistics.median(sizes):.0f} hits, {empty} volunteers without any",
    )


# --- Throughput under concurrent load -----------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fire(urls: list[str]) -> tuple[float, int, int, list[float]]:
    """Request `urls` with LOAD_THREADS threads; stop early after LOAD_SECONDS."""
    deadline = time.perf_counter() + LOAD_SECONDS

    def get(url: str) -> tuple[int, float]:
        if time.perf_counter() > deadline:
            return -1, 0.0
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - loopback
                response.read()
                status = response.status
        except urllib.error.HTTPError as exc:
            status = exc.code
        except OSError:
            status = 0
        return status, (time.perf_counter() - started) * 1000

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=LOAD_THREADS) as pool:
        results = [r for r in pool.map(get, urls) if r[0] != -1]
    elapsed = time.perf_counter() - started
    ok = sum(1 for status, _ms in results if status == 200)
    return elapsed, ok, len(results) - ok, [ms for _status, ms in results]


def bench_load(rng: random.Random) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "inzet.conf.dev", "DEBUG": "false"}
    env["PYTHONPATH"] = str(ROOT / "src")
    server = subprocess.Popen(  # noqa: S603 - our own gunicorn, loopback only
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "inzet.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=2):  # noqa: S310
                    break
            except OSError:
                time.sleep(0.2)
        else:
            print("SKIPPED throughput: gunicorn did not answer on /healthz within 20 s")
            return
        pc4s = list(PostcodeArea.objects.values_list("pc4", flat=True))
        search_urls = []
        for _ in range(LOAD_REQUESTS):
            params = {"q": rng.choice(WORDS), "postcode": rng.choice(pc4s)}
            params["afstand"] = str(rng.choice((5, 10, 25, 50)))
            if rng.random() < 0.3:
                params["geschikt"] = rng.choice(SUITABLE)
            search_urls.append(f"{base}/vacatures/?{urllib.parse.urlencode(params)}")
        # Warm both workers up.
        fire([f"{base}/healthz"] * 20 + search_urls[:10])

        figures = {}
        for label, urls in (
            ("/healthz (trivial Django view)", [f"{base}/healthz"] * LOAD_REQUESTS),
            ("/vacatures/?q=…&postcode=…&afstand=… (anonymous)", search_urls),
        ):
            elapsed, ok, failed, samples = fire(urls)
            rate = (ok + failed) / elapsed if elapsed else 0.0
            figures[label] = rate
            extra = f"   {rate:7.1f} req/s" + (f"   ({failed} not 200)" if failed else "")
            line(f"load {LOAD_THREADS} threads: {label}", samples, extra)
        healthz, search = figures.values()
        if healthz:
            print(
                f"search page throughput relative to /healthz: {search / healthz:.1%} "
                f"(gunicorn, 2 sync workers, {os.cpu_count()} CPUs)"
            )
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def main() -> None:
    setup()
    rng = random.Random(2026)  # noqa: S311 - a reproducible benchmark
    bench_search(rng)
    bench_recommendations(rng)
    bench_load(rng)
    print(f"database: {connection.vendor}")


if __name__ == "__main__":
    main()

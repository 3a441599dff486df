"""Shared pytest setup: geodata once per session, and real-browser fixtures."""

import os
import random
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
HAS_CHROMIUM = Path(CHROMIUM).exists()
# Playwright's sync API runs an event loop in the test thread; Django must allow ORM use there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_report_header(config):
    seed = os.environ.get("FACTORY_SEED") or str(random.randrange(10**6))  # noqa: S311 - a test seed
    os.environ["FACTORY_SEED"] = seed
    import factory.random

    factory.random.reseed_random(seed)
    browser = CHROMIUM if HAS_CHROMIUM else f"not found at {CHROMIUM}: browser tests are skipped"
    return [f"factory seed: {seed} (set FACTORY_SEED to reproduce)", f"chromium: {browser}"]


def pytest_collection_modifyitems(config, items):
    # Transactional tests (browser journeys, concurrency tests) flush every table when they
    # finish, so run them after all the others, as Django's own runner does with
    # TransactionTestCase; browser journeys last of all.
    items.sort(key=lambda item: ("browser" in item.keywords, _is_transactional(item)))
    if HAS_CHROMIUM:
        return
    skip = pytest.mark.skip(
        reason=f"Chromium not installed at {CHROMIUM}: browser test skipped "
        "(install Debian's chromium package to run it)"
    )
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return bool(
        (marker and marker.kwargs.get("transaction"))
        or "transactional_db" in fixtures
        or "live_server" in fixtures
    )


def _reference_data_load() -> None:
    """Geodata, the default sectors and the starting questionnaire: reference data every
    test may rely on (browser tests empty every table when they finish)."""
    import importlib

    from django.apps import apps

    from inzet.geo.services import geodata_load

    geodata_load()
    importlib.import_module("inzet.organisations.migrations.0002_sectors").add_sectors(apps, None)
    importlib.import_module(
        "inzet.selfevaluation.migrations.0002_default_questionnaire"
    ).add_default_questionnaire(apps, None)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        _reference_data_load()


@pytest.fixture
def reference_data(db):
    """For transactional (browser) tests: geodata, sectors and the starting questionnaire."""
    from inzet.geo.models import PostcodeArea

    if not PostcodeArea.objects.exists():
        _reference_data_load()


@pytest.fixture
def geodata(db):
    """For transactional (browser) tests: the table flush after the previous one emptied it."""
    from inzet.geo.models import PostcodeArea

    if not PostcodeArea.objects.exists():
        _reference_data_load()


@pytest.fixture(autouse=True)
def _reference_data_after_flush(request):
    """A transactional test starts from tables the previous one flushed: reload the
    reference data every test may rely on."""
    if _is_transactional(request.node):
        request.getfixturevalue("reference_data")


@pytest.fixture(scope="session")
def browser_type_launch_args():
    return {
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "nl-NL", "timezone_id": "Europe/Amsterdam"}


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits (allauth) live in the cache; one test's limits must not leak into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()

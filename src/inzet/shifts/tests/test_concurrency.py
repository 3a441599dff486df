"""50 people sign up at the same moment for a shift with 10 places: exactly 10 get a place,
40 land on the waiting list in the order they signed up, nobody is lost. Runs against the
database in use (SQLite by default, PostgreSQL with DATABASE_URL)."""

import threading

from django.db import connection

import pytest

from inzet.accounts.tests.factories import UserFactory
from inzet.shifts.constants import SignupStatus
from inzet.shifts.models import ShiftSignup
from inzet.shifts.services import shift_sign_up

from .factories import ShiftFactory

pytestmark = pytest.mark.django_db(transaction=True)

PEOPLE = 50
PLACES = 10


def test_fifty_concurrent_sign_ups_for_ten_places(reference_data):
    shift = ShiftFactory(capacity=PLACES)
    volunteers = UserFactory.create_batch(PEOPLE, verified=False)
    barrier = threading.Barrier(PEOPLE)
    errors: list[BaseException] = []

    def sign_up(volunteer):
        try:
            barrier.wait()  # all threads start together
            shift_sign_up(shift=shift, volunteer=volunteer)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign_up, args=(v,)) for v in volunteers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    signups = list(ShiftSignup.objects.filter(shift=shift).order_by("created_at", "pk"))
    assert len(signups) == PEOPLE
    statuses = [s.status for s in signups]
    assert statuses.count(SignupStatus.CONFIRMED) == PLACES
    assert statuses.count(SignupStatus.WAITLISTED) == PEOPLE - PLACES
    # Places went to whoever came first: the first ten in created order have them.
    assert statuses == [SignupStatus.CONFIRMED] * PLACES + [SignupStatus.WAITLISTED] * (
        PEOPLE - PLACES
    )
    assert {s.volunteer_id for s in signups} == {v.pk for v in volunteers}

"""50 people accept at the same moment a request for 5: exactly 5 confirmed, none lost.

Runs on SQLite (the IMMEDIATE transaction serialises writers) and on PostgreSQL (the
request row is locked with SELECT … FOR UPDATE)."""

import threading

from django.db import connection

import pytest

from inzet.oncall.constants import InvitationStatus, RequestStatus
from inzet.oncall.models import OnCallInvitation
from inzet.oncall.services import invitation_accept

from .factories import InvitationFactory, OnCallRequestFactory

THREADS = 50


@pytest.mark.django_db(transaction=True)
def test_fifty_parallel_accepts_for_five_places(geodata):
    oncall_request = OnCallRequestFactory(places=5)
    invitations = [InvitationFactory(request=oncall_request) for _ in range(THREADS)]
    barrier = threading.Barrier(THREADS)
    errors: list[BaseException] = []
    outcomes: list[str] = []
    lock = threading.Lock()

    def accept(invitation):
        try:
            barrier.wait(timeout=30)
            result = invitation_accept(invitation=invitation)
            with lock:
                outcomes.append(result.status)
        except BaseException as exc:  # noqa: BLE001 - reported below
            with lock:
                errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=accept, args=(i,)) for i in invitations]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    assert sorted(outcomes).count(InvitationStatus.CONFIRMED) == 5
    assert sorted(outcomes).count(InvitationStatus.RESERVE) == THREADS - 5
    statuses = list(
        OnCallInvitation.objects.filter(request=oncall_request).values_list("status", flat=True)
    )
    assert statuses.count(InvitationStatus.CONFIRMED) == 5
    assert statuses.count(InvitationStatus.RESERVE) == THREADS - 5
    assert statuses.count(InvitationStatus.INVITED) == 0  # none lost
    oncall_request.refresh_from_db()
    assert oncall_request.status == RequestStatus.FULL

"""The demo on-call pools (oncall/demo.py), seeded after core.demo.demo_seed."""

import datetime
import time

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

import pytest

from inzet.accounts.models import User
from inzet.core.demo import BOARD, CENTRE_STAFF, VOLUNTEER, demo_seed
from inzet.oncall.constants import InvitationStatus, RequestStatus
from inzet.oncall.demo import oncall_demo_seed
from inzet.oncall.models import OnCallInvitation, OnCallPool, OnCallRequest, PoolMembership
from inzet.oncall.selectors import eligible_members, open_invitations_for_user
from inzet.vacancies import demo as vacancies_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(monkeypatch):
    """The demo with few vacancies and 120 volunteers (enough Utrecht people for the pools),
    then the on-call demo; returns the demo users by e-mail."""
    monkeypatch.setattr(vacancies_demo, "DEMO_VACANCIES", 30)
    monkeypatch.setattr(vacancies_demo, "DEMO_VOLUNTEERS", 120)
    # demo_seed() calls oncall_demo_seed too; hold that back to measure a first run here.
    monkeypatch.setattr("inzet.core.demo.oncall_demo_seed", lambda **kwargs: 0)
    demo_seed()
    users = {u.email: u for u in User.objects.filter(email__endswith="@demo.inzet.nl")}
    created = oncall_demo_seed(users=users)
    return users, created


def counts() -> dict[str, int]:
    return {
        "pools": OnCallPool.objects.count(),
        "members": PoolMembership.objects.count(),
        "requests": OnCallRequest.objects.count(),
        "invitations": OnCallInvitation.objects.count(),
    }


def test_a_second_run_creates_nothing(seeded):
    users, created = seeded
    first = counts()
    assert created == sum(first.values())
    assert first["pools"] == 2 and first["requests"] == 3

    started = time.monotonic()
    assert oncall_demo_seed(users=users) == 0
    assert time.monotonic() - started < 3
    assert counts() == first


def test_pools_have_owners_coordinators_and_members(seeded):
    users, _created = seeded
    centre_pool = OnCallPool.objects.get(centre__isnull=False)
    board_pool = OnCallPool.objects.get(organisation__isnull=False)
    assert centre_pool.created_by == users[CENTRE_STAFF]
    assert board_pool.organisation.memberships.filter(user=users[BOARD]).exists()
    for pool in (centre_pool, board_pool):
        members = pool.memberships.select_related("volunteer__volunteer_profile", "postcode_area")
        assert members.count() >= 10
        assert members.filter(volunteer=users[VOLUNTEER]).exists()
        for member in members:
            profile = member.volunteer.volunteer_profile
            assert member.availability > 0
            assert member.postcode_area.municipality_id == "GM0344"
            assert (member.latitude, member.longitude) == (
                member.postcode_area.latitude,
                member.postcode_area.longitude,
            )
            if member.volunteer != users[VOLUNTEER]:
                assert member.postcode_area_id == profile.postcode_area_id
                assert member.max_distance_km == profile.max_distance_km


def test_the_requests_are_in_consistent_states(seeded):
    users, _created = seeded
    now = timezone.now()
    open_request = OnCallRequest.objects.get(status=RequestStatus.OPEN)
    assert now < open_request.starts_at < now + datetime.timedelta(days=2)
    assert timezone.localtime(open_request.starts_at).hour >= 18  # the evening
    confirmed = open_request.invitations.filter(status=InvitationStatus.CONFIRMED).count()
    assert 0 < confirmed < open_request.places
    assert not open_request.invitations.filter(notified_at__isnull=True).exists()
    # Everyone invited is eligible, as the broadcast would have found them.
    eligible = set(eligible_members(open_request).values_list("volunteer_id", flat=True))
    assert set(open_request.invitations.values_list("volunteer_id", flat=True)) <= eligible
    assert open_request.eligible_count == open_request.invitations.count()

    full = OnCallRequest.objects.get(status=RequestStatus.FULL)
    assert full.ends_at < now
    assert full.invitations.filter(status=InvitationStatus.CONFIRMED).count() == full.places
    assert full.invitations.filter(status=InvitationStatus.RESERVE).exists()
    assert full.invitations.get(volunteer=users[VOLUNTEER]).status == InvitationStatus.CONFIRMED

    cancelled = OnCallRequest.objects.get(status=RequestStatus.CANCELLED)
    assert cancelled.closed_at is not None
    assert not cancelled.invitations.filter(
        status__in=[InvitationStatus.CONFIRMED, InvitationStatus.RESERVE]
    ).exists()


def test_the_demo_volunteer_sees_the_open_request_and_can_answer(seeded, client):
    users, _created = seeded
    volunteer = users[VOLUNTEER]
    open_request = OnCallRequest.objects.get(status=RequestStatus.OPEN)
    invitation = open_request.invitations.get(volunteer=volunteer)
    assert invitation.status == InvitationStatus.INVITED and invitation.notified_at

    # The dashboard notice
    invitations = open_invitations_for_user(volunteer)
    assert [i.pk for i in invitations] == [invitation.pk]
    notice = render_to_string("oncall/_dashboard_notice.html", {"oncall_invitations": invitations})
    assert 'id="oncall-notice"' in notice and invitations[0].answer_url in notice

    # Her own list, with the open request and last month's confirmed one
    client.force_login(volunteer)
    response = client.get(reverse("oncall:my-requests"))
    html = response.content.decode()
    assert response.status_code == 200
    assert open_request.title in html and invitations[0].answer_url in html
    assert OnCallRequest.objects.get(status=RequestStatus.FULL).title in html

    # The signed link works (also without logging in) and accepting confirms her
    client.logout()
    answer = client.get(invitations[0].answer_url)
    assert answer.status_code == 200 and b'value="accept"' in answer.content
    client.post(invitations[0].answer_url, {"answer": "accept"})
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.CONFIRMED


def test_the_coordinators_can_follow_their_requests(seeded, client):
    users, _created = seeded
    client.force_login(users[CENTRE_STAFF])
    open_request = OnCallRequest.objects.get(status=RequestStatus.OPEN)
    assert client.get(open_request.get_absolute_url()).status_code == 200
    full = OnCallRequest.objects.get(status=RequestStatus.FULL)
    assert client.get(full.get_absolute_url()).status_code == 404  # not her pool

    client.force_login(users[BOARD])
    assert client.get(full.get_absolute_url()).status_code == 200
    assert client.get(full.pool.get_absolute_url()).status_code == 200
    assert client.get(reverse("oncall:pool-members", args=[full.pool.public_id])).status_code == 200

"""Pools, requests and answers through the services, including bad input."""

from datetime import timedelta

from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from inzet.accounts.tests.factories import UserFactory
from inzet.oncall import services
from inzet.oncall.constants import InvitationStatus, RequestStatus
from inzet.oncall.models import OnCallInvitation, OnCallPool, PoolMembership
from inzet.oncall.selectors import (
    confirmed_assignments_for_user,
    oncall_data_export,
    open_invitations_for_user,
    request_progress,
)
from inzet.organisations.tests.factories import OrganisationFactory, VolunteerCentreFactory
from inzet.volunteers.constants import slot_bit

from .factories import (
    InvitationFactory,
    OnCallRequestFactory,
    PoolFactory,
    PoolMembershipFactory,
    next_weekday_at,
)

pytestmark = pytest.mark.django_db


def codes(exc: ValidationError) -> dict[str, list[str]]:
    return {field: [e.code for e in errors] for field, errors in exc.error_dict.items()}


# --- pools


def test_pool_create_for_organisation_and_centre():
    actor = UserFactory()
    organisation_pool = services.pool_create(
        owner=OrganisationFactory(), actor=actor, name="  Dijkwacht ", description="Zand"
    )
    centre_pool = services.pool_create(owner=VolunteerCentreFactory(), actor=actor, name="Snel")
    assert organisation_pool.name == "Dijkwacht" and organisation_pool.organisation_id
    assert centre_pool.centre_id and not centre_pool.organisation_id
    with pytest.raises(ValidationError) as exc:
        services.pool_create(owner=OrganisationFactory(), actor=actor, name="  ")
    assert codes(exc.value) == {"name": ["required"]}
    assert OnCallPool.objects.count() == 2


def test_pool_join_copies_the_pc4_point_and_refuses_bad_input():
    pool = PoolFactory()
    volunteer = UserFactory()
    membership = services.pool_join(
        pool=pool,
        volunteer=volunteer,
        availability=slot_bit("mon", "evening"),
        max_distance_km=15,
        postcode="3431 AB",
    )
    assert membership.postcode_area.pc4 == "3431"
    assert (membership.latitude, membership.longitude) == (52.0314, 5.0838)
    with pytest.raises(ValidationError) as exc:
        services.pool_join(
            pool=pool, volunteer=volunteer, availability=1, max_distance_km=15, postcode="3431"
        )
    assert exc.value.code == "duplicate"
    with pytest.raises(ValidationError) as exc:
        services.pool_join(
            pool=pool, volunteer=UserFactory(), availability=0, max_distance_km=0, postcode="1000"
        )
    assert codes(exc.value) == {
        "availability": ["availability_empty"],
        "max_distance_km": ["distance_range"],
        "postcode": ["postcode_unknown"],
    }
    closed = PoolFactory(is_active=False)
    with pytest.raises(ValidationError) as exc:
        services.pool_join(
            pool=closed, volunteer=volunteer, availability=1, max_distance_km=5, postcode="3511"
        )
    assert exc.value.code == "pool_closed"


def test_pool_membership_update():
    membership = PoolMembershipFactory()
    services.pool_membership_update(
        membership=membership, availability=3, max_distance_km=40, postcode="1012"
    )
    membership.refresh_from_db()
    assert (membership.availability, membership.max_distance_km) == (3, 40)
    assert membership.postcode_area.pc4 == "1012" and membership.latitude == 52.3735


def test_pool_leave_drops_open_invitations_of_live_requests_only():
    membership = PoolMembershipFactory()
    pool, volunteer = membership.pool, membership.volunteer
    open_invitation = InvitationFactory(
        request=OnCallRequestFactory(pool=pool), volunteer=volunteer
    )
    answered = InvitationFactory(
        request=OnCallRequestFactory(pool=pool),
        volunteer=volunteer,
        status=InvitationStatus.CONFIRMED,
    )
    elsewhere = InvitationFactory(volunteer=volunteer)
    services.pool_leave(pool=pool, volunteer=volunteer)
    assert not PoolMembership.objects.filter(pk=membership.pk).exists()
    remaining = set(OnCallInvitation.objects.values_list("pk", flat=True))
    assert open_invitation.pk not in remaining
    assert {answered.pk, elsewhere.pk} <= remaining
    with pytest.raises(ValidationError) as exc:
        services.pool_leave(pool=pool, volunteer=volunteer)
    assert exc.value.code == "not_member"


# --- issuing


def issue(pool, **overrides):
    kwargs = {
        "pool": pool,
        "actor": UserFactory(),
        "title": "Zandzakken vullen",
        "starts_at": next_weekday_at(14),
        "ends_at": next_weekday_at(17),
        "place": "Dijk 1",
        "postcode": "3511",
        "places": 2,
    }
    kwargs.update(overrides)
    return services.request_issue(**kwargs)


def test_issue_broadcasts_to_the_eligible_members(django_capture_on_commit_callbacks):
    pool = PoolFactory()
    members = [PoolMembershipFactory(pool=pool) for _ in range(3)]
    PoolMembershipFactory(pool=pool, availability=slot_bit("mon", "morning"))  # not then
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        oncall_request = issue(pool)
    oncall_request.refresh_from_db()
    assert oncall_request.eligible_count == 3
    assert oncall_request.broadcast_finished_at is not None
    assert sorted(m.to[0] for m in mail.outbox) == sorted(m.volunteer.email for m in members)
    assert "/oproepen/antwoord/" in mail.outbox[0].body
    assert OnCallInvitation.objects.filter(notified_at__isnull=False).count() == 3
    # A rerun (the task retried) mails nobody again.
    mail.outbox = []
    assert services.request_broadcast(request_id=oncall_request.pk) == 0
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"starts_at": timezone.now() - timedelta(hours=1)}, {"starts_at": ["past"]}),
        ({"ends_at": next_weekday_at(13)}, {"ends_at": ["ends_before_start"]}),
        ({"places": 0}, {"places": ["places_range"]}),
        ({"postcode": "1000"}, {"postcode": ["postcode_unknown"]}),
        ({"title": " ", "place": ""}, {"title": ["required"], "place": ["required"]}),
    ],
)
def test_issue_refuses_bad_input(overrides, expected):
    pool = PoolFactory()
    with pytest.raises(ValidationError) as exc:
        issue(pool, **overrides)
    assert codes(exc.value) == expected
    assert not pool.requests.exists()


def test_broadcast_mails_nobody_once_the_request_is_closed():
    pool = PoolFactory()
    PoolMembershipFactory(pool=pool)
    oncall_request = OnCallRequestFactory(pool=pool, status=RequestStatus.CLOSED)
    mail.outbox = []
    assert services.request_broadcast(request_id=oncall_request.pk) == 0
    assert mail.outbox == [] and not oncall_request.invitations.exists()


# --- answering


def test_first_n_accepts_are_confirmed_then_reserve_in_order(django_capture_on_commit_callbacks):
    oncall_request = OnCallRequestFactory(places=2)
    invitations = [InvitationFactory(request=oncall_request) for _ in range(4)]
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        outcomes = [services.invitation_accept(invitation=i).status for i in invitations]
    assert outcomes == ["confirmed", "confirmed", "reserve", "reserve"]
    oncall_request.refresh_from_db()
    assert oncall_request.status == RequestStatus.FULL
    assert len(mail.outbox) == 4  # everybody hears how it ended
    assert confirmed_assignments_for_user(invitations[0].volunteer) == [oncall_request]


def test_without_reserve_list_later_people_are_too_late():
    oncall_request = OnCallRequestFactory(places=1, keep_reserve_list=False)
    first, second = InvitationFactory(request=oncall_request), InvitationFactory(
        request=oncall_request
    )
    services.invitation_accept(invitation=first)
    assert services.invitation_accept(invitation=second).status == InvitationStatus.TOO_LATE


def test_answers_are_single_use():
    oncall_request = OnCallRequestFactory(places=3)
    invitation = InvitationFactory(request=oncall_request)
    services.invitation_decline(invitation=invitation)
    again = services.invitation_accept(invitation=invitation)
    assert again.status == InvitationStatus.DECLINED
    assert request_progress(oncall_request=oncall_request).confirmed == 0


@pytest.mark.parametrize("status", [RequestStatus.CLOSED, RequestStatus.CANCELLED])
def test_accept_after_close_is_refused_and_changes_nothing(status):
    invitation = InvitationFactory(request=OnCallRequestFactory(status=status))
    with pytest.raises(ValidationError) as exc:
        services.invitation_accept(invitation=invitation)
    assert exc.value.code == "closed"
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.INVITED


def test_more_places_promote_the_reserve_in_order_and_reopen(django_capture_on_commit_callbacks):
    oncall_request = OnCallRequestFactory(places=1)
    invitations = [InvitationFactory(request=oncall_request) for _ in range(4)]
    for invitation in invitations:
        services.invitation_accept(invitation=invitation)
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        services.request_set_places(oncall_request=oncall_request, actor=UserFactory(), places=3)
    statuses = [OnCallInvitation.objects.get(pk=i.pk).status for i in invitations]
    assert statuses == ["confirmed", "confirmed", "confirmed", "reserve"]
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [invitations[1].volunteer.email, invitations[2].volunteer.email]
    )
    oncall_request.refresh_from_db()
    assert (oncall_request.places, oncall_request.status) == (3, RequestStatus.FULL)
    services.request_set_places(oncall_request=oncall_request, actor=UserFactory(), places=5)
    oncall_request.refresh_from_db()
    assert oncall_request.status == RequestStatus.OPEN  # one confirmed from the reserve, 1 open


def test_places_below_the_confirmed_number_are_refused():
    oncall_request = OnCallRequestFactory(places=3)
    for _ in range(2):
        services.invitation_accept(invitation=InvitationFactory(request=oncall_request))
    with pytest.raises(ValidationError) as exc:
        services.request_set_places(oncall_request=oncall_request, actor=UserFactory(), places=1)
    assert codes(exc.value) == {"places": ["below_confirmed"]}
    oncall_request.refresh_from_db()
    assert oncall_request.places == 3
    # Exactly the confirmed number is fine: the request is full.
    services.request_set_places(oncall_request=oncall_request, actor=UserFactory(), places=2)
    oncall_request.refresh_from_db()
    assert oncall_request.status == RequestStatus.FULL


def test_cancel_tells_confirmed_and_reserve_people(django_capture_on_commit_callbacks):
    oncall_request = OnCallRequestFactory(places=1)
    confirmed, reserve, invited = (InvitationFactory(request=oncall_request) for _ in range(3))
    services.invitation_accept(invitation=confirmed)
    services.invitation_accept(invitation=reserve)
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        services.request_cancel(oncall_request=oncall_request, actor=UserFactory())
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [confirmed.volunteer.email, reserve.volunteer.email]
    )
    assert OnCallInvitation.objects.get(pk=confirmed.pk).status == InvitationStatus.CANCELLED
    assert OnCallInvitation.objects.get(pk=invited.pk).status == InvitationStatus.INVITED
    assert open_invitations_for_user(invited.volunteer) == []
    with pytest.raises(ValidationError):
        services.request_close(oncall_request=oncall_request, actor=UserFactory())


def test_close_stops_answers_but_keeps_the_confirmed():
    oncall_request = OnCallRequestFactory(places=3)
    confirmed, late = InvitationFactory(request=oncall_request), InvitationFactory(
        request=oncall_request
    )
    services.invitation_accept(invitation=confirmed)
    services.request_close(oncall_request=oncall_request, actor=UserFactory())
    with pytest.raises(ValidationError):
        services.invitation_accept(invitation=late)
    assert confirmed_assignments_for_user(confirmed.volunteer) == [oncall_request]


def test_open_invitations_for_the_dashboard():
    invitation = InvitationFactory()
    InvitationFactory(volunteer=invitation.volunteer, status=InvitationStatus.DECLINED)
    past = OnCallRequestFactory()
    past.starts_at, past.ends_at = timezone.now() - timedelta(hours=3), timezone.now()
    past.save()
    InvitationFactory(volunteer=invitation.volunteer, request=past)
    found = open_invitations_for_user(invitation.volunteer)
    assert found == [invitation]
    assert found[0].answer_url.startswith("/oproepen/antwoord/")


def test_export_and_erase():
    membership = PoolMembershipFactory()
    InvitationFactory(volunteer=membership.volunteer, status=InvitationStatus.CONFIRMED)
    data = oncall_data_export(membership.volunteer)
    assert data["oncall_pool_memberships"][0]["postcode"] == "3511"
    assert data["oncall_invitations"][0]["status"] == "confirmed"
    services.oncall_data_erase(user=membership.volunteer)
    assert oncall_data_export(membership.volunteer) == {
        "oncall_pool_memberships": [],
        "oncall_invitations": [],
    }


def test_erasing_a_confirmed_person_gives_the_place_to_the_reserve_list(
    django_capture_on_commit_callbacks,
):
    request = OnCallRequestFactory(places=1, status=RequestStatus.FULL)
    leaving = InvitationFactory(request=request, status=InvitationStatus.CONFIRMED)
    first_reserve = InvitationFactory(
        request=request, status=InvitationStatus.RESERVE, responded_at=timezone.now()
    )
    later_reserve = InvitationFactory(
        request=request,
        status=InvitationStatus.RESERVE,
        responded_at=timezone.now() + timedelta(minutes=1),
    )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.oncall_data_erase(user=leaving.volunteer)

    first_reserve.refresh_from_db()
    later_reserve.refresh_from_db()
    request.refresh_from_db()
    assert first_reserve.status == InvitationStatus.CONFIRMED
    assert later_reserve.status == InvitationStatus.RESERVE
    assert request.status == RequestStatus.FULL
    assert [m.to for m in mail.outbox] == [[first_reserve.volunteer.email]]

"""On-call pages: who may (both ways), bad input re-renders with 422, the answer link."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from inzet.accounts.tests.factories import UserFactory
from inzet.oncall.constants import InvitationStatus, RequestStatus
from inzet.oncall.models import OnCallPool, OnCallRequest, PoolMembership
from inzet.oncall.selectors import invitation_token
from inzet.organisations.constants import OrganisationRole
from inzet.organisations.tests.factories import (
    CentreMembershipFactory,
    MembershipFactory,
    OrganisationFactory,
)

from .factories import (
    InvitationFactory,
    OnCallRequestFactory,
    PoolFactory,
    PoolMembershipFactory,
    next_weekday_at,
)

pytestmark = pytest.mark.django_db


def coordinator_of(pool):
    return MembershipFactory(
        organisation=pool.organisation, role=OrganisationRole.COORDINATOR
    ).user


# Who may coordinate an organisation's pool: (case, make_user(pool), allowed)
COORDINATORS = [
    ("coordinator", coordinator_of, True),
    ("admin", lambda p: MembershipFactory(organisation=p.organisation, role="admin").user, True),
    ("plain member", lambda p: MembershipFactory(organisation=p.organisation).user, False),
    ("pool member", lambda p: PoolMembershipFactory(pool=p).volunteer, False),
    ("centre staff", lambda p: CentreMembershipFactory().user, False),
    ("random user", lambda p: UserFactory(), False),
]


@pytest.mark.parametrize(("case", "make_user", "allowed"), COORDINATORS)
@pytest.mark.parametrize(
    "url_name", ["oncall:pool-members", "oncall:request-create", "oncall:pool-edit"]
)
def test_coordinator_pool_pages(client, case, make_user, allowed, url_name):
    pool = PoolFactory()
    client.force_login(make_user(pool))
    response = client.get(reverse(url_name, args=[pool.public_id]))
    assert response.status_code == (200 if allowed else 404), case


@pytest.mark.parametrize(("case", "make_user", "allowed"), COORDINATORS)
@pytest.mark.parametrize("url_name", ["oncall:request-detail", "oncall:request-progress"])
def test_coordinator_request_pages(client, case, make_user, allowed, url_name):
    oncall_request = OnCallRequestFactory()
    client.force_login(make_user(oncall_request.pool))
    response = client.get(reverse(url_name, args=[oncall_request.public_id]))
    assert response.status_code == (200 if allowed else 404), case


@pytest.mark.parametrize(
    "url",
    [
        lambda p, r: reverse("oncall:pool-list"),
        lambda p, r: reverse("oncall:pool-detail", args=[p.public_id]),
        lambda p, r: reverse("oncall:pool-join", args=[p.public_id]),
        lambda p, r: reverse("oncall:pool-members", args=[p.public_id]),
        lambda p, r: reverse("oncall:request-create", args=[p.public_id]),
        lambda p, r: reverse("oncall:request-detail", args=[r.public_id]),
        lambda p, r: reverse("oncall:my-requests"),
    ],
)
def test_anonymous_visitors_are_sent_to_log_in(client, url):
    oncall_request = OnCallRequestFactory()
    response = client.get(url(oncall_request.pool, oncall_request))
    assert response.status_code == 302 and "/account/inloggen/" in response["Location"]


@pytest.mark.parametrize(("case", "make_user", "allowed"), COORDINATORS)
@pytest.mark.parametrize("action", ["request-close", "request-cancel", "request-add-places"])
def test_request_actions_need_a_coordinator(client, case, make_user, allowed, action):
    oncall_request = OnCallRequestFactory(places=2)
    client.force_login(make_user(oncall_request.pool))
    response = client.post(
        reverse(f"oncall:{action}", args=[oncall_request.public_id]), {"places": "4"}
    )
    oncall_request.refresh_from_db()
    if allowed:
        assert response.status_code == 302
        changed = {
            "request-close": oncall_request.status == RequestStatus.CLOSED,
            "request-cancel": oncall_request.status == RequestStatus.CANCELLED,
            "request-add-places": oncall_request.places == 4,
        }
        assert changed[action]
    else:
        assert response.status_code == 404
        assert (oncall_request.status, oncall_request.places) == (RequestStatus.OPEN, 2)


def test_pool_create_for_organisation_both_ways(client):
    organisation = OrganisationFactory()
    url = reverse("oncall:pool-create-organisation", args=[organisation.public_id])
    client.force_login(MembershipFactory(organisation=organisation).user)  # plain member
    assert client.get(url).status_code == 404
    coordinator = MembershipFactory(organisation=organisation, role="coordinator").user
    client.force_login(coordinator)
    assert client.post(url, {"name": ""}).status_code == 422
    response = client.post(url, {"name": "Dijkwacht", "description": "Bij hoog water"})
    pool = OnCallPool.objects.get(organisation=organisation)
    assert response.status_code == 302 and response["Location"] == pool.get_absolute_url()


def test_pool_create_for_centre_both_ways(client):
    staff = CentreMembershipFactory()
    url = reverse("oncall:pool-create-centre", args=[staff.centre.public_id])
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(staff.user)
    assert client.post(url, {"name": "Snelle hulp"}).status_code == 302
    assert OnCallPool.objects.get(centre=staff.centre).name == "Snelle hulp"


def test_pool_detail_visibility(client):
    closed = PoolFactory(is_active=False)
    client.force_login(UserFactory())
    assert client.get(reverse("oncall:pool-detail", args=[closed.public_id])).status_code == 404
    member = PoolMembershipFactory(pool=closed).volunteer
    client.force_login(member)
    assert client.get(reverse("oncall:pool-detail", args=[closed.public_id])).status_code == 200
    client.force_login(coordinator_of(closed))
    response = client.get(reverse("oncall:pool-detail", args=[closed.public_id]))
    assert response.status_code == 200 and response.context["can_coordinate"]


def test_join_change_and_leave(client):
    pool = PoolFactory()
    volunteer = UserFactory()
    client.force_login(volunteer)
    url = reverse("oncall:pool-join", args=[pool.public_id])
    assert client.get(url).status_code == 200
    bad = client.post(url, {"max_distance_km": "500", "postcode": "1000"})
    assert bad.status_code == 422
    assert bad.context["form"]["postcode"].value() == "1000"  # what was typed stays
    assert not PoolMembership.objects.exists()
    data = {"availability": ["sat_morning", "sun_evening"], "max_distance_km": "20"}
    response = client.post(url, {**data, "postcode": "3511 AB"})
    assert response.status_code == 302
    membership = PoolMembership.objects.get(pool=pool, volunteer=volunteer)
    assert membership.max_distance_km == 20
    client.post(url, {**data, "max_distance_km": "30", "postcode": "3431"})
    membership.refresh_from_db()
    assert (membership.max_distance_km, membership.postcode_area.pc4) == (30, "3431")
    assert client.get(reverse("oncall:pool-members", args=[pool.public_id])).status_code == 404
    response = client.post(reverse("oncall:pool-leave", args=[pool.public_id]))
    assert response.status_code == 302 and not PoolMembership.objects.exists()


def test_members_page_shows_no_email(client):
    membership = PoolMembershipFactory()
    client.force_login(coordinator_of(membership.pool))
    response = client.get(reverse("oncall:pool-members", args=[membership.pool.public_id]))
    assert membership.volunteer.name in response.content.decode()
    assert membership.volunteer.email not in response.content.decode()


def request_data(**overrides):
    start = next_weekday_at(14)
    data = {
        "title": "Zandzakken vullen",
        "date": start.date().isoformat(),
        "start_time": "14:00",
        "end_time": "17:00",
        "place": "Dijk 1",
        "postcode": "3511",
        "places": "5",
        "keep_reserve_list": "on",
    }
    data.update(overrides)
    return data


def test_issue_a_request(client, django_capture_on_commit_callbacks):
    pool = PoolFactory()
    PoolMembershipFactory(pool=pool)
    client.force_login(coordinator_of(pool))
    url = reverse("oncall:request-create", args=[pool.public_id])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, request_data())
    oncall_request = OnCallRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == oncall_request.get_absolute_url()
    assert timezone.localtime(oncall_request.starts_at).hour == 14
    assert oncall_request.ends_at - oncall_request.starts_at == timedelta(hours=3)
    assert oncall_request.invitations.count() == 1


def test_a_night_request_ends_the_next_day(client):
    pool = PoolFactory()
    client.force_login(coordinator_of(pool))
    client.post(
        reverse("oncall:request-create", args=[pool.public_id]),
        request_data(start_time="22:00", end_time="02:00"),
    )
    oncall_request = OnCallRequest.objects.get()
    assert oncall_request.ends_at - oncall_request.starts_at == timedelta(hours=4)


def test_a_request_in_the_past_is_refused_on_the_field(client):
    pool = PoolFactory()
    client.force_login(coordinator_of(pool))
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = client.post(
        reverse("oncall:request-create", args=[pool.public_id]), request_data(date=yesterday)
    )
    assert response.status_code == 422
    assert [e.code for e in response.context["form"].errors.as_data()["start_time"]] == ["past"]
    assert response.context["form"]["title"].value() == "Zandzakken vullen"
    assert not OnCallRequest.objects.exists()


def test_places_below_confirmed_re_renders_the_page(client):
    oncall_request = OnCallRequestFactory(places=3)
    InvitationFactory.create_batch(2, request=oncall_request, status=InvitationStatus.CONFIRMED)
    client.force_login(coordinator_of(oncall_request.pool))
    response = client.post(
        reverse("oncall:request-add-places", args=[oncall_request.public_id]), {"places": "1"}
    )
    assert response.status_code == 422
    assert response.context["places_form"].errors["places"]
    oncall_request.refresh_from_db()
    assert oncall_request.places == 3


def test_progress_fragment_shows_counts_and_confirmed_people(client):
    oncall_request = OnCallRequestFactory(places=3)
    confirmed = InvitationFactory(request=oncall_request, status=InvitationStatus.CONFIRMED)
    client.force_login(coordinator_of(oncall_request.pool))
    response = client.get(reverse("oncall:request-progress", args=[oncall_request.public_id]))
    html = response.content.decode()
    assert '<dd id="oncall-confirmed">1</dd>' in html
    assert confirmed.volunteer.email in html
    assert "<html" not in html  # a fragment, not a page
    assert response["Cache-Control"] == "no-store"


# --- the answer link (no login needed)


def answer_url(invitation):
    return reverse("oncall:invitation-answer", args=[invitation_token(invitation)])


def test_get_shows_the_request_and_changes_nothing(client):
    invitation = InvitationFactory()
    response = client.get(answer_url(invitation))
    assert response.status_code == 200
    assert invitation.request.title in response.content.decode()
    assert b'value="accept"' in response.content
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.INVITED


def test_accept_through_the_link_then_the_link_is_used(client):
    invitation = InvitationFactory()
    url = answer_url(invitation)
    response = client.post(url, {"answer": "accept"})
    assert response.status_code == 200 and response.context["just_answered"]
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.CONFIRMED
    again = client.post(url, {"answer": "decline"})
    assert not again.context["just_answered"]
    assert b'data-outcome="confirmed"' in again.content
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.CONFIRMED


def test_decline_through_the_link(client):
    invitation = InvitationFactory()
    client.post(answer_url(invitation), {"answer": "decline"})
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.DECLINED


def test_accept_after_close_gives_a_friendly_page(client):
    invitation = InvitationFactory(request=OnCallRequestFactory(status=RequestStatus.CLOSED))
    response = client.post(answer_url(invitation), {"answer": "accept"})
    assert response.status_code == 409
    assert b'data-outcome="closed"' in response.content
    assert b'value="accept"' not in response.content
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.INVITED


def test_a_bad_or_expired_link_gives_a_friendly_page(client):
    response = client.get(reverse("oncall:invitation-answer", args=["niet-echt:abc:def"]))
    assert response.status_code == 400
    assert b'data-code="tampered"' in response.content
    oncall_request = OnCallRequestFactory()
    invitation = InvitationFactory(request=oncall_request)
    url = answer_url(invitation)
    OnCallRequest.objects.filter(pk=oncall_request.pk).update(
        starts_at=timezone.now() - timedelta(hours=3), ends_at=timezone.now()
    )
    response = client.post(url, {"answer": "accept"})
    assert response.status_code == 410
    assert b'data-code="expired"' in response.content


def test_my_requests_lists_open_and_confirmed(client):
    open_invitation = InvitationFactory()
    confirmed = InvitationFactory(
        volunteer=open_invitation.volunteer, status=InvitationStatus.CONFIRMED
    )
    client.force_login(open_invitation.volunteer)
    response = client.get(reverse("oncall:my-requests"))
    html = response.content.decode()
    assert open_invitation.request.title in html and confirmed.request.title in html
    assert "/oproepen/antwoord/" in html


def test_dashboard_notice_lists_open_invitations_and_is_empty_otherwise():
    from django.template.loader import render_to_string

    from inzet.oncall.selectors import open_invitations_for_user

    invitation = InvitationFactory()
    html = render_to_string(
        "oncall/_dashboard_notice.html",
        {"oncall_invitations": open_invitations_for_user(invitation.volunteer)},
    )
    assert 'id="oncall-notice"' in html and "/oproepen/antwoord/" in html
    empty = render_to_string(
        "oncall/_dashboard_notice.html",
        {"oncall_invitations": open_invitations_for_user(UserFactory())},
    )
    assert empty.strip() == ""


def test_pool_list_offers_to_start_a_pool_only_to_coordinators_and_centre_staff(client):
    organisation = OrganisationFactory()
    coordinator = MembershipFactory(organisation=organisation, role="coordinator").user
    staff = CentreMembershipFactory()
    create_org = reverse("oncall:pool-create-organisation", args=[organisation.public_id])
    create_centre = reverse("oncall:pool-create-centre", args=[staff.centre.public_id])
    client.force_login(coordinator)
    assert create_org in client.get(reverse("oncall:pool-list")).content.decode()
    client.force_login(staff.user)
    assert create_centre in client.get(reverse("oncall:pool-list")).content.decode()
    client.force_login(MembershipFactory(organisation=organisation).user)
    html = client.get(reverse("oncall:pool-list")).content.decode()
    assert create_org not in html and 'id="pool-owners"' not in html

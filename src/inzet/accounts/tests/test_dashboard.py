"""'Mijn Inzet' brings a person's urgent requests, agenda and networks together."""

import pytest

from inzet.accounts.tests.factories import UserFactory
from inzet.networks.tests.factories import MembershipFactory as NetworkMembershipFactory
from inzet.oncall.selectors import invitation_answer_url
from inzet.oncall.tests.factories import InvitationFactory

pytestmark = pytest.mark.django_db


def test_an_open_urgent_request_is_on_top_with_its_answer_link(client):
    invitation = InvitationFactory(request__title="Zandzakken vullen bij de Vecht")
    client.force_login(invitation.volunteer)

    html = client.get("/mijn-inzet/").content.decode()

    assert 'id="oncall-notice"' in html
    assert invitation_answer_url(invitation) in html
    assert "Zandzakken vullen bij de Vecht" in html


def test_without_requests_or_networks_those_sections_stay_away(client):
    client.force_login(UserFactory())

    html = client.get("/mijn-inzet/").content.decode()

    assert 'id="oncall-notice"' not in html
    assert 'id="networks-title"' not in html
    assert 'href="/agenda/"' in html


def test_the_networks_a_person_is_in_are_listed(client):
    membership = NetworkMembershipFactory(network__name="NOVi")
    client.force_login(membership.user)

    html = client.get("/mijn-inzet/").content.decode()

    assert 'id="networks-title"' in html
    assert membership.network.get_absolute_url() in html

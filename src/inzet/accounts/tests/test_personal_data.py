"""The personal-data download holds what every capability keeps about a person, and
erasing the account removes it (AVG art. 15, 17, 20)."""

import json

import pytest

from inzet.accounts.services import user_erase, user_export_data
from inzet.accounts.tests.factories import UserFactory
from inzet.compliance.models import Bottleneck, SavedCheck
from inzet.compliance.services import bottleneck_report, saved_check_save
from inzet.organisations.tests.factories import OrganisationFactory
from inzet.vacancies.models import Response, SavedSearch
from inzet.vacancies.tests.factories import ResponseFactory

pytestmark = pytest.mark.django_db


def _volunteer_with_history():
    response = ResponseFactory(message="Ik help graag op zaterdag.")
    volunteer = response.volunteer
    SavedSearch.objects.create(user=volunteer, name="Natuur bij mij", query={"q": "natuur"})
    saved_check_save(owner=volunteer, name="Mijn checklist", answers={})
    saved_check_save(
        owner=volunteer, name="Checklist bestuur", answers={}, organisation=OrganisationFactory()
    )
    bottleneck_report(reporter=volunteer, topic="vog", description="De VOG duurt te lang.")
    return volunteer, response


def test_download_holds_responses_saved_searches_checklists_and_knelpunten(client):
    volunteer, response = _volunteer_with_history()
    client.force_login(volunteer)

    data = json.loads(client.get("/account/mijn-gegevens/download/").content)

    assert data["vacancy_responses"][0]["vacancy"] == response.vacancy.title
    assert data["vacancy_responses"][0]["message"] == "Ik help graag op zaterdag."
    assert data["saved_searches"] == [
        {"name": "Natuur bij mij", "search": {"q": "natuur"}, "active": True}
    ]
    assert {c["name"] for c in data["saved_checklists"]} == {"Mijn checklist", "Checklist bestuur"}
    assert data["reported_knelpunten"][0]["description"] == "De VOG duurt te lang."


def test_erasure_removes_own_records_and_unlinks_shared_ones():
    volunteer, response = _volunteer_with_history()
    other = UserFactory()

    user_erase(user=volunteer)

    assert not Response.objects.filter(pk=response.pk).exists()
    assert not SavedSearch.objects.filter(user=volunteer).exists()
    # The personal checklist goes; the organisation's stays for its other members.
    assert list(SavedCheck.objects.filter(owner=volunteer).values_list("name", flat=True)) == [
        "Checklist bestuur"
    ]
    # The knelpunt still counts for the lobby, but no longer points at the person.
    assert Bottleneck.objects.get().reported_by is None
    assert user_export_data(user=other)["vacancy_responses"] == []


def test_download_and_erasure_cover_shifts_on_call_pools_and_networks(client):
    from inzet.networks.models import NetworkMembership
    from inzet.networks.tests.factories import MembershipFactory as NetworkMembershipFactory
    from inzet.oncall.models import PoolMembership
    from inzet.oncall.tests.factories import PoolMembershipFactory
    from inzet.shifts.models import ShiftSignup
    from inzet.shifts.tests.factories import ShiftSignupFactory

    signup = ShiftSignupFactory()
    volunteer = signup.volunteer
    PoolMembershipFactory(volunteer=volunteer)
    network_membership = NetworkMembershipFactory(user=volunteer)
    client.force_login(volunteer)

    data = json.loads(client.get("/account/mijn-gegevens/download/").content)

    assert len(data["shift_signups"]) == 1
    assert len(data["oncall_pool_memberships"]) == 1
    assert data["networks"]["memberships"][0]["network"] == network_membership.network.name

    user_erase(user=volunteer)

    assert not ShiftSignup.objects.filter(volunteer=volunteer).exists()
    assert not PoolMembership.objects.filter(volunteer=volunteer).exists()
    assert not NetworkMembership.objects.filter(user=volunteer).exists()

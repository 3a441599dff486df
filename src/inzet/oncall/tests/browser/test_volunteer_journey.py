"""A volunteer finds a pool, joins it with the week grid, sees an urgent request on their own
list and answers it; then leaves the pool. axe on every page visited."""

import pytest
from playwright.sync_api import Page, expect

from inzet.accounts.tests.factories import PASSWORD, UserFactory
from inzet.core.tests.browser.axe import assert_accessible
from inzet.oncall.constants import InvitationStatus
from inzet.oncall.models import OnCallInvitation, PoolMembership
from inzet.oncall.tests.factories import OnCallRequestFactory, PoolFactory
from inzet.volunteers.constants import slot_bit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _short_timeouts(page: Page):
    page.set_default_timeout(8000)


def test_volunteer_joins_answers_and_leaves(live_server, page: Page, reference_data):
    pool = PoolFactory(name="Dijkwacht Utrecht")
    volunteer = UserFactory(email="noor@example.org")

    page.goto(live_server.url + "/account/inloggen/")
    page.get_by_label("E-mailadres").fill("noor@example.org")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    page.goto(live_server.url + "/oproeppools/")
    assert_accessible(page)
    page.locator("#open-pools").get_by_role("link", name="Dijkwacht Utrecht").click()
    assert_accessible(page)
    page.locator(f"a[href='/oproeppools/{pool.public_id}/aanmelden/']").click()

    # Without a part of the week the form comes back with the error summary.
    page.locator("#id_postcode").fill("3511")
    page.locator("form.inzet-form button[type=submit]").click()
    expect(page.locator("#error-summary-title")).to_be_visible()
    expect(page.locator("#id_postcode")).to_have_value("3511")
    assert_accessible(page)
    page.locator("input[name=availability][value=wed_afternoon]").check()
    page.locator("input[name=availability][value=sat_morning]").check()
    page.locator("#id_max_distance_km").fill("15")
    page.locator("form.inzet-form button[type=submit]").click()
    expect(page.locator("#membership-status")).to_be_visible()
    membership = PoolMembership.objects.get(pool=pool, volunteer=volunteer)
    assert membership.availability == slot_bit("wed", "afternoon") | slot_bit("sat", "morning")

    # An urgent request for them appears on their own list, with the answer link.
    oncall_request = OnCallRequestFactory(pool=pool, title="Zandzakken vullen")
    invitation = OnCallInvitation.objects.create(request=oncall_request, volunteer=volunteer)
    page.goto(live_server.url + "/oproepen/mijn/")
    assert_accessible(page)
    page.locator("#open-invitations").get_by_role("link", name="Zandzakken vullen").click()
    page.locator("button[name=answer][value=decline]").click()
    expect(page.locator("#answer-outcome")).to_have_attribute("data-outcome", "declined")
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.DECLINED

    page.goto(live_server.url + pool.get_absolute_url())
    page.locator(f"form[action='/oproeppools/{pool.public_id}/afmelden/'] button").click()
    expect(page.locator("#my-pools")).to_have_count(0)
    assert not PoolMembership.objects.filter(pool=pool, volunteer=volunteer).exists()
    assert_accessible(page)

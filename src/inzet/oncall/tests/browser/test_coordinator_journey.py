"""A coordinator issues an urgent request and sees it fill up live: two volunteers accept
(one through the link from the e-mail in the browser, one in the background) and the
coordinator's page shows it without a reload. axe on every page visited."""

from django.core import mail

import pytest
from playwright.sync_api import Page, expect

from inzet.accounts.tests.factories import PASSWORD, UserFactory
from inzet.core.tests.browser.axe import assert_accessible
from inzet.oncall.models import OnCallInvitation, OnCallRequest
from inzet.oncall.selectors import invitation_token
from inzet.oncall.services import invitation_accept
from inzet.oncall.tests.factories import PoolFactory, PoolMembershipFactory, next_weekday_at
from inzet.organisations.constants import OrganisationRole
from inzet.organisations.tests.factories import MembershipFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The live region polls every 5 seconds.
LIVE_TIMEOUT = 15000


@pytest.fixture(autouse=True)
def _short_timeouts(page: Page):
    page.set_default_timeout(8000)


def log_in(page: Page, base_url: str, email: str) -> None:
    page.goto(base_url + "/account/inloggen/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def test_coordinator_issues_a_request_and_sees_it_fill(live_server, page: Page, reference_data):
    membership = MembershipFactory(
        role=OrganisationRole.COORDINATOR, user=UserFactory(email="coordinator@example.org")
    )
    pool = PoolFactory(organisation=membership.organisation, name="Dijkwacht")
    first, second, third = (PoolMembershipFactory(pool=pool) for _ in range(3))
    mail.outbox = []

    log_in(page, live_server.url, "coordinator@example.org")
    page.goto(live_server.url + pool.get_absolute_url())
    assert_accessible(page)
    page.locator(f"a[href='/oproeppools/{pool.public_id}/oproep/']").click()
    assert_accessible(page)

    starts = next_weekday_at(14)
    page.locator("#id_title").fill("Zandzakken vullen bij de Lek")
    page.locator("#id_date").fill(starts.date().isoformat())
    page.locator("#id_start_time").fill("14:00")
    page.locator("#id_end_time").fill("17:00")
    page.locator("#id_place").fill("Lekdijk 12")
    page.locator("#id_postcode").fill("3511")
    page.locator("#id_places").fill("2")
    page.locator("form.inzet-form button[type=submit]").click()

    expect(page.locator("h1")).to_have_text("Zandzakken vullen bij de Lek")
    expect(page.locator("#oncall-invited")).to_have_text("3")
    expect(page.locator("#oncall-confirmed")).to_have_text("0")
    assert_accessible(page)
    oncall_request = OnCallRequest.objects.get()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        m.volunteer.email for m in (first, second, third)
    )
    # A marker that a full reload would wipe out.
    page.evaluate("window.oncallNoReload = true")

    # Volunteer 1 answers through the link from the e-mail, in another tab.
    invitation = OnCallInvitation.objects.get(request=oncall_request, volunteer=first.volunteer)
    answer = page.context.new_page()
    answer.set_default_timeout(8000)
    answer.goto(live_server.url + f"/oproepen/antwoord/{invitation_token(invitation)}/")
    assert_accessible(answer)
    answer.locator("button[name=answer][value=accept]").click()
    expect(answer.locator("#answer-outcome")).to_have_attribute("data-outcome", "confirmed")
    assert_accessible(answer)

    # The coordinator's page shows it without a reload.
    expect(page.locator("#oncall-confirmed")).to_have_text("1", timeout=LIVE_TIMEOUT)
    expect(page.locator("#oncall-confirmed-list")).to_contain_text(first.volunteer.email)

    # Volunteer 2 accepts too (in the background); the request is now full.
    invitation_accept(
        invitation=OnCallInvitation.objects.get(request=oncall_request, volunteer=second.volunteer)
    )
    expect(page.locator("#oncall-confirmed")).to_have_text("2", timeout=LIVE_TIMEOUT)
    expect(page.locator("#oncall-status")).to_have_attribute("data-status", "full")
    page.wait_for_function("window.oncallNoReload === true")
    assert_accessible(page)

    # Volunteer 3 is too late and lands on the reserve list.
    late = OnCallInvitation.objects.get(request=oncall_request, volunteer=third.volunteer)
    answer.goto(live_server.url + f"/oproepen/antwoord/{invitation_token(late)}/")
    answer.locator("button[name=answer][value=accept]").click()
    expect(answer.locator("#answer-outcome")).to_have_attribute("data-outcome", "reserve")
    assert_accessible(answer)
    expect(page.locator("#oncall-reserve-list")).to_contain_text(
        third.volunteer.display_name, timeout=LIVE_TIMEOUT
    )

"""An organisation publishes a vacancy that waits for approval, the centre approves it, and
the organisation handles a response. axe runs on every page visited."""

import pytest
from playwright.sync_api import Page, expect

from inzet.accounts.tests.factories import PASSWORD
from inzet.core.tests.browser.axe import assert_accessible
from inzet.organisations.constants import OrganisationRole
from inzet.organisations.tests.factories import CentreMembershipFactory, MembershipFactory
from inzet.vacancies.constants import ResponseStatus, VacancyStatus
from inzet.vacancies.models import Response, Vacancy
from inzet.vacancies.tests.factories import CentrePolicyFactory, ResponseFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _short_timeouts(page: Page):
    page.set_default_timeout(8000)


def _log_in(page: Page, base: str, email: str) -> None:
    page.context.clear_cookies()
    page.goto(base + "/account/inloggen/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def test_publish_approve_and_handle_a_response(live_server, page: Page, reference_data):
    policy = CentrePolicyFactory(requires_approval=True)
    staff = CentreMembershipFactory(centre=policy.centre).user
    coordinator = MembershipFactory(role=OrganisationRole.COORDINATOR)
    organisation = coordinator.organisation
    base = live_server.url

    # The organisation fills in the form; a first try without a title explains what to do.
    _log_in(page, base, coordinator.user.email)
    page.goto(f"{base}/vacatures/organisatie/{organisation.public_id}/")
    assert_accessible(page)
    page.goto(f"{base}/vacatures/organisatie/{organisation.public_id}/nieuw/")
    assert_accessible(page)
    page.locator("#id_description").fill("Samen met bewoners de moestuin onderhouden.")
    page.locator("#id_sector").select_option(label="Natuur en milieu")
    page.locator("#id_form_0").check()
    page.locator("#id_postcode").fill("3511ab")
    page.locator("#id_hours_per_week").fill("3")
    page.locator("input[name=schedule][value=sat_morning]").check()
    page.locator("button[name=action][value=publish]").click()
    expect(page.locator(".inzet-error-summary")).to_be_visible()
    expect(page.locator("#id_postcode")).to_have_value("3511ab")
    assert_accessible(page)

    page.locator("#id_title").fill("Moestuin in de wijk")
    page.locator("button[name=action][value=publish]").press("Enter")
    expect(page.locator(".inzet-vacancy-table")).to_contain_text("Moestuin in de wijk")
    vacancy = Vacancy.objects.get(title="Moestuin in de wijk")
    assert vacancy.status == VacancyStatus.SUBMITTED
    assert_accessible(page)

    # The centre approves it.
    _log_in(page, base, staff.email)
    page.goto(f"{base}/vacatures/centrale/{policy.centre.public_id}/")
    assert_accessible(page)
    page.goto(f"{base}/vacatures/centrale/{policy.centre.public_id}/goedkeuren/")
    expect(page.get_by_role("heading", name="Moestuin in de wijk")).to_be_visible()
    assert_accessible(page)
    page.locator("button[name=decision][value=approve]").click()
    expect(page.get_by_role("heading", name="Moestuin in de wijk")).to_have_count(0)
    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.PUBLISHED
    page.goto(f"{base}/vacatures/centrale/{policy.centre.public_id}/instellingen/")
    assert_accessible(page)

    # A volunteer responded; the organisation moves the response on.
    response = ResponseFactory(vacancy=vacancy, volunteer__name="Sanne de Vries")
    _log_in(page, base, coordinator.user.email)
    page.goto(f"{base}/vacatures/{vacancy.public_id}/reacties/")
    expect(page.get_by_role("heading", name="Sanne de Vries")).to_be_visible()
    assert_accessible(page)
    page.locator(f"#status-{response.public_id}").select_option("placed")
    page.locator(".inzet-response__status-form button").click()
    expect(page.locator(".inzet-badge--response-placed")).to_be_visible()
    assert Response.objects.get(pk=response.pk).status == ResponseStatus.PLACED
    assert_accessible(page)

    # Narrow screens: the form still fits (320 px, no horizontal scrolling of the page).
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{base}/vacatures/{vacancy.public_id}/bewerken/")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 320

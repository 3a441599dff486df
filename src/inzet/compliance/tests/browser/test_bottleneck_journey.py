"""Real-browser journeys through the toolbox tools, with an axe-core check on every page."""

import pytest
from playwright.sync_api import Page, expect

from inzet.accounts.tests.factories import PASSWORD, UserFactory, nov_staff
from inzet.core.tests.browser.axe import assert_accessible
from inzet.organisations.tests.factories import MembershipFactory, OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESCRIPTION = "Ons bestuur heeft maar twee leden. De regel over tegenstrijdig belang is lastig."


@pytest.fixture(autouse=True)
def _short_timeouts(page: Page):
    page.set_default_timeout(8000)


def _log_in(page: Page, base_url: str, email: str) -> None:
    page.goto(base_url + "/account/inloggen/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page).not_to_have_url(base_url + "/account/inloggen/")


def test_member_reports_a_knelpunt_and_nov_staff_sees_it_counted(live_server, page: Page, geodata):
    member = MembershipFactory(
        organisation=OrganisationFactory(name="Stichting Buurthulp Zuid"),
        user=UserFactory(email="lid@example.org"),
    ).user
    staff = nov_staff()

    # The member finds the report form from the toolbox.
    _log_in(page, live_server.url, member.email)
    page.goto(live_server.url + "/toolbox/")
    assert_accessible(page)
    page.locator("main a[href='/toolbox/knelpunt/']").click()
    assert_accessible(page)

    # A postcode we do not know: a message, and what was typed stays.
    page.locator("#id_topic").select_option("wbtr")
    page.locator("#id_description").fill(DESCRIPTION)
    page.locator("#id_postcode").fill("1000")
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_role("heading", name="Controleer het volgende")).to_be_focused()
    expect(page.locator("#id_postcode")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_description")).to_have_value(DESCRIPTION)
    assert_accessible(page)

    page.locator("#id_postcode").fill("3511 AB")
    page.locator("#id_rule").select_option("wbtr.conflict_of_interest")
    page.locator("#id_sector").select_option(label="Sport en bewegen")
    page.locator("main form button[type=submit]").press("Enter")
    expect(page).to_have_url(live_server.url + "/toolbox/")
    expect(page.locator(".inzet-alert--success")).to_be_visible()
    assert_accessible(page)

    # NOV staff see it counted by topic, rule, sector and province.
    page.context.clear_cookies()
    _log_in(page, live_server.url, staff.email)
    page.goto(live_server.url + "/toolbox/knelpunten/")
    expect(page.locator("#by-rule tbody tr")).to_have_count(1)
    expect(page.locator("#by-rule tbody tr")).to_contain_text("tegenstrijdig belang")
    expect(page.locator("#by-province tbody tr")).to_contain_text("Utrecht")
    expect(page.locator("#by-province tbody td")).to_have_text("1")
    expect(page.locator("#by-sector tbody tr")).to_contain_text("Sport en bewegen")
    expect(page.locator("#latest")).to_contain_text(DESCRIPTION)
    expect(page.locator("#latest")).to_contain_text("Stichting Buurthulp Zuid")
    expect(page.locator("main")).not_to_contain_text("lid@example.org")
    assert_accessible(page)

    page.locator("#id_sector").select_option(label="Dieren")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#by-rule")).to_have_count(0)
    assert_accessible(page)


def test_free_vog_check_with_the_keyboard(live_server, page: Page):
    page.goto(live_server.url + "/toolbox/gratis-vog/")
    assert_accessible(page)
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_role("heading", name="Controleer het volgende")).to_be_focused()
    assert_accessible(page)

    answers = {
        "works_with_vulnerable": "yes",
        "vog_required_by_law": "no",
        "kvk_registered": "yes",
        "has_code_of_conduct": "yes",
        "has_selection_policy": "no",
        "has_confidential_adviser": "yes",
    }
    for name, value in answers.items():
        page.locator(f"input[name={name}][value={value}]").check()
    page.locator("main form button[type=submit]").press("Enter")

    expect(page.locator("main")).to_contain_text("gratisvog.nl")
    expect(page.locator("main")).to_contain_text("een aannamebeleid")
    assert_accessible(page)


@pytest.mark.parametrize(
    "query",
    ["", "?year=2026&per_month=250&per_hour=3,41&age=20", "?year=2026&per_month=abc&age=-4"],
)
def test_allowance_pages_have_no_axe_violations(live_server, page: Page, query):
    page.goto(live_server.url + "/toolbox/vrijwilligersvergoeding/" + query)

    assert_accessible(page)

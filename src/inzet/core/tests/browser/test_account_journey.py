"""Real-browser journeys (headless Debian Chromium) with an axe-core check on every page."""

import re

from django.core import mail

import pytest
from playwright.sync_api import Page, expect

from inzet.accounts.tests.factories import PASSWORD, UserFactory

from .axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _short_timeouts(page: Page):
    page.set_default_timeout(8000)


def test_register_confirm_login_edit_profile_logout(live_server, page: Page, geodata):
    page.goto(live_server.url + "/")
    assert_accessible(page)
    page.get_by_role("link", name="Gratis account aanmaken").click()

    # A first try with a missing name keeps what was typed and explains what to do.
    page.get_by_label("E-mailadres").fill("noor@example.org")
    page.get_by_label("Wachtwoord", exact=True).fill("fietsen-langs-de-vecht")
    page.get_by_label("Wachtwoord nog een keer").fill("fietsen-langs-de-vecht")
    page.get_by_role("button", name="Account aanmaken").click()
    expect(page.get_by_role("heading", name="Controleer het volgende")).to_be_focused()
    expect(page.get_by_label("E-mailadres")).to_have_value("noor@example.org")
    assert_accessible(page)

    page.get_by_label("Je naam").fill("Noor Bakker")
    page.get_by_label("Wachtwoord", exact=True).fill("fietsen-langs-de-vecht")
    page.get_by_label("Wachtwoord nog een keer").fill("fietsen-langs-de-vecht")
    page.get_by_role("button", name="Account aanmaken").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("e-mail")

    link = re.search(r"https?://\S+/account/e-mail/bevestigen/\S+/", mail.outbox[-1].body)
    page.goto(
        live_server.url + "/account/e-mail/bevestigen/" + link.group(0).split("/bevestigen/")[1]
    )
    assert_accessible(page)
    page.get_by_role("button", name="Bevestigen").click()
    # Confirming in the browser that signed up logs in straight away.
    expect(page.get_by_role("heading", name="Welkom, Noor Bakker")).to_be_visible()
    assert_accessible(page)

    # Logging out and in again works with the new password.
    page.get_by_role("button", name="Uitloggen").click()
    page.goto(live_server.url + "/account/inloggen/")
    assert_accessible(page)
    page.get_by_label("E-mailadres").fill("noor@example.org")
    page.get_by_label("Wachtwoord").fill("fietsen-langs-de-vecht")
    page.get_by_label("Wachtwoord").press("Enter")
    expect(page.get_by_role("heading", name="Welkom, Noor Bakker")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Je profiel aanpassen").click()
    page.get_by_label("Postcode").fill("3511ab")
    page.get_by_label("Engels").check()
    page.get_by_role("button", name="Profiel opslaan").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_label("Postcode")).to_have_value("3511 AB")
    assert_accessible(page)

    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("navigation").get_by_role("link", name="Log in")).to_be_visible()


def test_keyboard_user_can_skip_to_content(live_server, page: Page):
    page.goto(live_server.url + "/")

    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Naar de hoofdinhoud")).to_be_focused()
    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "main"


def test_organisation_registration_page_is_accessible_with_errors(live_server, page: Page, geodata):
    user = UserFactory(email="bestuur@example.org")
    page.goto(live_server.url + "/account/inloggen/")
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    page.goto(live_server.url + "/organisaties/registreren/")
    assert_accessible(page)
    page.get_by_label("Naam van de organisatie").fill("Buurthuis De Pelikaan")
    page.get_by_label("Postcode").fill("1234 XY")
    page.get_by_role("button", name="Organisatie aanmelden").click()

    expect(page.get_by_label("Naam van de organisatie")).to_have_value("Buurthuis De Pelikaan")
    expect(page.get_by_role("heading", name="Controleer het volgende")).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize(
    "path", ["/vrijwilligerscentrales/?postcode=3511", "/privacy/", "/account/wachtwoord/vergeten/"]
)
def test_public_pages_have_no_axe_violations(live_server, page: Page, path, geodata):
    page.goto(live_server.url + path)

    assert_accessible(page)


def test_narrow_screen_has_no_horizontal_scroll(live_server, page: Page):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(live_server.url + "/account/registreren/")

    assert page.evaluate("document.documentElement.scrollWidth <= 320")

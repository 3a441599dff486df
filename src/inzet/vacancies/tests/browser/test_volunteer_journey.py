"""A volunteer searches near 3511, filters, opens a vacancy, registers, responds; the
organisation's coordinator marks the response "placed"; the volunteer sees it. axe on every
page visited."""

import re
from urllib.parse import parse_qs, urlsplit

from django.contrib.auth import get_user_model
from django.core import mail

import pytest
from playwright.sync_api import Page, expect

from inzet.accounts.tests.factories import PASSWORD, UserFactory
from inzet.core.tests.browser.axe import assert_accessible
from inzet.organisations.constants import OrganisationRole
from inzet.organisations.models import Sector
from inzet.organisations.tests.factories import MembershipFactory
from inzet.vacancies.constants import ResponseStatus
from inzet.vacancies.models import Response
from inzet.vacancies.tests.factories import CentrePolicyFactory, VacancyFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _short_timeouts(page: Page):
    page.set_default_timeout(8000)


def log_in(page: Page, base_url: str, email: str, password: str = PASSWORD) -> None:
    page.goto(base_url + "/account/inloggen/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()


def is_page_with_next(url: str, path: str, next_url: str) -> bool:
    parts = urlsplit(url)
    return parts.path == path and parse_qs(parts.query).get("next") == [next_url]


def test_volunteer_finds_responds_and_sees_placed(live_server, page: Page, reference_data):
    membership = MembershipFactory(
        role=OrganisationRole.COORDINATOR, user=UserFactory(email="coordinator@example.org")
    )
    coordinator = membership.user
    vacancy = VacancyFactory(
        published=True,
        organisation=membership.organisation,
        title="Bomen planten langs de Vecht",
        sector=Sector.objects.get(slug="natuur-milieu"),
        contact_name="Els de Vries",
    )
    VacancyFactory(published=True, title="Koffie schenken in de buurtkamer")
    volunteer_email = "noor@example.org"
    volunteer_password = "bomen-planten-op-zaterdag"

    # An anonymous visitor searches near 3511 and filters on a field of work.
    page.goto(live_server.url + "/vacatures/")
    assert_accessible(page)
    page.locator("#id_postcode").fill("3511")
    page.locator("#id_afstand").select_option("10")
    page.locator(".inzet-vacancy-search__filters > summary").click()
    page.locator("input[name=sector][value=natuur-milieu]").check()
    page.locator("form[role=search] button[type=submit]").click()
    results = page.locator(".inzet-vacancy-list")
    expect(results).to_contain_text("Bomen planten langs de Vecht")
    expect(results).not_to_contain_text("Koffie schenken")
    expect(results.locator(".inzet-vacancy-card__distance")).to_contain_text("km")
    expect(page.locator("#id_postcode")).to_have_value("3511")
    assert "sector=natuur-milieu" in page.url
    assert_accessible(page)

    # Opens the vacancy; "respond" leads an anonymous visitor to the login page, from where
    # they go on to create an account. The way back to the vacancy travels along as `next`.
    page.get_by_role("link", name="Bomen planten langs de Vecht").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bomen planten langs de Vecht")
    expect(page.locator("main")).to_contain_text("Els de Vries")
    assert_accessible(page)
    respond_path = f"/vacatures/{vacancy.public_id}/reageren/"
    page.locator("#reageren a.inzet-button--primary").click()
    page.wait_for_url(lambda url: is_page_with_next(url, "/account/inloggen/", respond_path))
    assert_accessible(page)
    page.locator("main a[href^='/account/registreren/']").click()
    page.wait_for_url(lambda url: is_page_with_next(url, "/account/registreren/", respond_path))
    expect(page.locator("main input[name=next]")).to_have_value(respond_path)
    assert_accessible(page)

    # Registers with name, e-mail address and password.
    page.get_by_label("Je naam").fill("Noor Bakker")
    page.get_by_label("E-mailadres").fill(volunteer_email)
    page.get_by_label("Wachtwoord", exact=True).fill(volunteer_password)
    page.get_by_label("Wachtwoord nog een keer").fill(volunteer_password)
    page.get_by_role("button", name="Account aanmaken").click()
    page.wait_for_url("**/account/e-mail/bevestigen/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("e-mail")
    assert_accessible(page)
    volunteer = get_user_model().objects.get(email=volunteer_email)

    # Confirms the e-mail address with the link from the mail.
    [confirmation_mail] = [m for m in mail.outbox if volunteer_email in m.to]
    link = re.search(r"/account/e-mail/bevestigen/[-:\w]+/", confirmation_mail.body)
    assert link, confirmation_mail.body
    page.goto(live_server.url + link.group(0))
    assert_accessible(page)
    page.get_by_role("button", name="Bevestigen").click()
    # Confirming in the same browser logs in and returns to the vacancy's response form.
    page.wait_for_url(re.compile(rf"/vacatures/{vacancy.public_id}/"))
    expect(page.locator("#id_message")).to_be_visible()
    assert_accessible(page)
    page.locator("#id_message").fill("Ik heb op zaterdag tijd en houd van buiten werken.")
    page.locator("#reageren button[type=submit]").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#reageren form[action*='intrekken']")).to_be_visible()
    assert_accessible(page)
    response = Response.objects.get(vacancy=vacancy, volunteer=volunteer)
    assert response.status == ResponseStatus.NEW

    # The organisation's coordinator marks the response "placed".
    page.context.clear_cookies()
    log_in(page, live_server.url, coordinator.email)
    page.goto(live_server.url + f"/vacatures/{vacancy.public_id}/reacties/")
    expect(page.locator("main")).to_contain_text("Ik heb op zaterdag tijd")
    assert_accessible(page)
    page.locator(f"#status-{response.public_id}").select_option(ResponseStatus.PLACED)
    page.locator(f"form[action*='{response.public_id}'] button[type=submit]").click()
    page.wait_for_load_state()
    response.refresh_from_db()
    assert response.status == ResponseStatus.PLACED
    assert_accessible(page)

    # The volunteer sees "placed" on their responses.
    page.context.clear_cookies()
    log_in(page, live_server.url, volunteer_email, password=volunteer_password)
    page.goto(live_server.url + "/vacatures/mijn-reacties/")
    row = page.get_by_role("row", name="Bomen planten langs de Vecht")
    expect(row.locator(".inzet-response-status--placed")).to_be_visible()
    assert_accessible(page)


def test_profile_and_search_pages_work_at_320_px(live_server, page: Page, reference_data):
    user = UserFactory()
    log_in(page, live_server.url, user.email)
    page.set_viewport_size({"width": 320, "height": 640})

    page.goto(live_server.url + "/vrijwilliger/profiel/")
    page.locator("#id_postcode").fill("3511")
    page.locator("#id_birth_year").fill("2024")
    page.locator("input[name=availability][value=sat_morning]").check()
    page.locator("form.inzet-form button[type=submit]").click()
    expect(page.locator(".inzet-error-summary")).to_be_visible()
    expect(page.locator("#id_postcode")).to_have_value("3511")
    expect(page.locator("input[name=availability][value=sat_morning]")).to_be_checked()
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth <= 320")

    page.goto(live_server.url + "/vacatures/?postcode=abc")
    expect(page.locator(".inzet-error-summary")).to_be_visible()
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth <= 320")


def test_volunteer_pages_have_no_axe_violations(live_server, page: Page, reference_data):
    from django.utils import timezone

    from inzet.vacancies.constants import VacancyStatus
    from inzet.vacancies.models import MediationCase, Proposal
    from inzet.vacancies.services.saved_searches import saved_search_create
    from inzet.volunteers.tests.factories import VolunteerProfileFactory

    nature = Sector.objects.get(slug="natuur-milieu")
    profile = VolunteerProfileFactory(interests=[nature])
    open_vacancy = VacancyFactory(published=True, sector=nature, title="Natuurwerkdag")
    closed = VacancyFactory(status=VacancyStatus.CLOSED, title="Voorbij")
    case = MediationCase.objects.create(
        centre=CentrePolicyFactory().centre,
        volunteer=profile.user,
        consent_given_at=timezone.now(),
    )
    Proposal.objects.create(case=case, vacancy=open_vacancy, note="Iets voor jou?")
    search = saved_search_create(user=profile.user, name="Natuur", params={"q": "natuur"})
    log_in(page, live_server.url, profile.user.email)

    for path in [
        "/vacatures/?sorteer=match",
        open_vacancy.get_absolute_url(),
        closed.get_absolute_url(),
        "/vacatures/voor-jou/",
        "/vacatures/voorstellen/",
        "/vacatures/zoekopdrachten/",
        f"/vacatures/zoekopdrachten/afmelden/{search.unsubscribe_token}/",
    ]:
        page.goto(live_server.url + path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(page)
    expect(page.locator("main form button[type=submit]")).to_be_visible()

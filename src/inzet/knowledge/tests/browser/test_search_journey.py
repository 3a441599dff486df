"""An anonymous visitor searches the kennisbank for "verenigingen", finds the dossier about
a "vereniging" with the word highlighted, and opens it. axe on every page visited."""

import datetime
import re

import pytest
from playwright.sync_api import Page, expect

from inzet.core.tests.browser.axe import assert_accessible
from inzet.knowledge.constants import PageKind
from inzet.knowledge.tests.factories import PageFactory, ThemeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _short_timeouts(page: Page):
    page.set_default_timeout(8000)


def test_visitor_finds_dossier_by_dutch_word_form(live_server, page: Page, reference_data):
    theme = ThemeFactory(slug="besturen", name="Besturen en organiseren", name_en="Governance")
    dossier = PageFactory(
        kind=PageKind.DOSSIER,
        theme=theme,
        title="Besturen van een vereniging",
        summary="Taken van het bestuur van een vereniging.",
        body="<p>Het bestuur van een vereniging legt elk jaar verantwoording af.</p>",
    )
    child = PageFactory(theme=theme, dossier=dossier, title="De kascommissie")
    PageFactory(theme=theme, title="Koffie schenken")

    page.goto(live_server.url + "/kennisbank/")
    assert_accessible(page)
    search = page.get_by_role("search")
    search.get_by_role("searchbox").fill("verenigingen")
    search.get_by_role("button").first.click()

    results = page.locator("#search-results")
    expect(results.get_by_role("link", name=dossier.title)).to_be_visible()
    expect(results.locator("mark").first).to_be_visible()
    expect(results.get_by_role("link", name="Koffie schenken")).to_have_count(0)
    assert_accessible(page)

    results.get_by_role("link", name=dossier.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(dossier.title)
    expect(page.get_by_role("link", name=child.title)).to_be_visible()
    assert_accessible(page)

    # The theme page lists the dossier with its pages.
    page.locator(".inzet-knowledge-breadcrumb a").nth(1).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(theme.name)
    expect(page.get_by_role("link", name=child.title)).to_be_visible()
    assert_accessible(page)


def test_staff_edits_page_and_restores_old_version(live_server, page: Page, reference_data):
    from inzet.accounts.tests.factories import PASSWORD, nov_staff
    from inzet.knowledge import services

    staff = nov_staff()
    theme = ThemeFactory()
    knowledge_page = services.page_create(
        actor=staff, kind=PageKind.PAGE, theme=theme, title="Werven via je netwerk",
        review_on=datetime.date(2030, 1, 1), body="<p>Eerste tekst.</p>",
    )  # fmt: skip
    page.goto(live_server.url + "/account/inloggen/")
    page.get_by_label("E-mailadres").fill(staff.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page).not_to_have_url(re.compile(r"inloggen"))

    page.goto(live_server.url + f"/kennisbank/{knowledge_page.slug}/bewerken/")
    assert_accessible(page)
    page.locator("#id_body").fill("<p>Tweede tekst.</p><script>alert(1)</script>")
    page.locator("#id_note").fill("Tekst herschreven")
    page.locator("main form.inzet-form button[type=submit]").click()
    expect(page.locator(".inzet-knowledge-body")).to_have_text("Tweede tekst.")
    assert_accessible(page)

    page.goto(live_server.url + f"/kennisbank/{knowledge_page.slug}/geschiedenis/1/")
    assert_accessible(page)
    page.locator("#restore-form button").click()
    expect(page.locator(".inzet-knowledge-body")).to_have_text("Eerste tekst.")
    page.goto(live_server.url + f"/kennisbank/{knowledge_page.slug}/geschiedenis/")
    expect(page.locator("tbody tr")).to_have_count(3)
    assert_accessible(page)

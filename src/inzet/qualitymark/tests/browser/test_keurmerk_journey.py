"""The keurmerk from recommendation to the public register, in a real browser (keyboard and
axe on every page). Set-up goes through factories and services; the journey is the UI."""

from django.urls import reverse

import pytest
from playwright.sync_api import Page, expect

from inzet.accounts.tests.factories import PASSWORD, adviser, nov_staff
from inzet.core.tests.browser.axe import assert_accessible
from inzet.organisations.tests.factories import OrganisationFactory
from inzet.qualitymark.constants import ApplicationStatus
from inzet.qualitymark.models import Application, QualityMark
from inzet.qualitymark.services import application_assign, application_submit
from inzet.qualitymark.tests.factories import admin_of, assessor
from inzet.selfevaluation.services.advisers import adviser_assign
from inzet.selfevaluation.tests.factories import EvaluationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _short_timeouts(page: Page):
    page.set_default_timeout(8000)


def _log_in(page: Page, base_url: str, user) -> None:
    page.context.clear_cookies()
    page.goto(base_url + "/account/inloggen/")
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()


def _submit(page: Page) -> None:
    """Submit the page's form with the keyboard."""
    page.locator("form.inzet-form button[type=submit]").focus()
    page.keyboard.press("Enter")


def test_adviser_recommends_assessor_grants_register_shows(live_server, page: Page, geodata):
    # Given an organisation with a closed self-evaluation and an application in assessment
    organisation = OrganisationFactory(name="Stichting Buurtzorg De Linde")
    admin = admin_of(organisation)
    staff = nov_staff()
    own_adviser = adviser()
    final_assessor = assessor()
    adviser_assign(organisation=organisation, adviser=own_adviser, by=staff)
    evaluation = EvaluationFactory(organisation=organisation, closed=True)
    application = application_submit(organisation=organisation, evaluation=evaluation, user=admin)
    application_assign(application=application, assessor=final_assessor, by=staff)
    base = live_server.url
    detail = reverse("qualitymark:application-detail", args=[application.public_id])

    # The adviser finds the application on the dashboard
    _log_in(page, base, own_adviser)
    page.goto(base + reverse("selfevaluation:adviser-dashboard"))
    expect(page.get_by_role("link", name="Stichting Buurtzorg De Linde").first).to_be_visible()
    assert_accessible(page)
    page.goto(base + reverse("selfevaluation:adviser-organisation", args=[organisation.public_id]))
    expect(page.get_by_role("heading", level=1)).to_have_text("Stichting Buurtzorg De Linde")
    assert_accessible(page)
    page.goto(base + detail)
    assert_accessible(page)
    page.locator(
        f"a[href='{reverse('qualitymark:application-assess', args=[application.public_id])}']"
    ).click()
    assert_accessible(page)

    # A first try without notes keeps the choices and points at the missing field
    page.locator("input[name=scores_right][value=yes]").check()
    page.locator("input[name=evidence_complete][value=yes]").check()
    page.locator("input[name=recommendation][value=grant]").check()
    _submit(page)
    expect(page.locator("#error-summary-title")).to_be_focused()
    expect(page.locator("input[name=scores_right][value=yes]")).to_be_checked()
    assert_accessible(page)

    page.locator("#id_notes").fill("Scores besproken met bestuur en drie vrijwilligers; klopt.")
    _submit(page)
    expect(page).to_have_url(base + detail)
    expect(page.get_by_text("Scores besproken met bestuur")).to_be_visible()
    assert_accessible(page)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.RECOMMENDED

    # The final assessor reads the recommendation and grants
    _log_in(page, base, final_assessor)
    page.goto(base + detail)
    report = reverse("selfevaluation:report", args=[evaluation.public_id])
    expect(page.locator(f"a[href='{report}']")).to_be_visible()
    page.locator(
        f"a[href='{reverse('qualitymark:application-decide', args=[application.public_id])}']"
    ).click()
    assert_accessible(page)
    page.locator("input[name=decision][value=granted]").check()
    page.locator("#id_reasons").fill("Het vrijwilligersbeleid is op orde en wordt uitgevoerd.")
    _submit(page)
    expect(page).to_have_url(base + detail)
    assert_accessible(page)
    mark = QualityMark.objects.get(organisation=organisation)
    assert Application.objects.get().status == ApplicationStatus.DECIDED

    # Anyone finds the organisation in the public register and checks the badge
    page.context.clear_cookies()
    page.goto(base + reverse("qualitymark:register"))
    page.get_by_role("searchbox").first.fill("Linde")
    page.get_by_role("searchbox").first.press("Enter")
    expect(page.get_by_role("heading", name="Stichting Buurtzorg De Linde")).to_be_visible()
    page.locator("details summary").first.click()
    expect(page.locator("textarea").first).to_contain_text("<img src=")
    assert_accessible(page)
    page.locator(f"a[href='{reverse('qualitymark:badge-check', args=[mark.public_id])}']").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Stichting Buurtzorg De Linde")
    # The badge image really renders (waits for the load instead of racing it)
    page.wait_for_function(
        "() => { const img = document.querySelector('main img');"
        " return img.complete && img.naturalWidth > 0; }"
    )
    assert_accessible(page)

"""Five volunteers answer on a phone through the shared link; then a member of the
organisation reads the report with the gap, puts a point in the action plan and looks at the
progress. axe on every page."""

import re

import pytest
from playwright.sync_api import Page, expect

from inzet.accounts.tests.factories import PASSWORD
from inzet.core.tests.browser.axe import assert_accessible
from inzet.organisations.constants import OrganisationRole
from inzet.organisations.tests.factories import MembershipFactory, OrganisationFactory
from inzet.selfevaluation.models import Action, Statement, VolunteerResponse
from inzet.selfevaluation.tests.factories import EvaluationFactory, QuestionnaireFactory
from inzet.selfevaluation.tests.test_scoring import answer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _short_timeouts(page: Page):
    page.set_default_timeout(8000)


def _fits_the_screen(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"horizontal scrolling: {width}px wide"


def test_volunteers_answer_on_a_phone_and_the_report_shows_the_gap(
    live_server, page: Page, geodata
):
    # Given an open evaluation that the organisation has answered: A fully, B a little
    organisation = OrganisationFactory(name="Stichting De Pelikaan")
    coordinator = MembershipFactory(
        organisation=organisation, role=OrganisationRole.COORDINATOR
    ).user
    questionnaire = QuestionnaireFactory(parts=2, parts__statements=2)
    evaluation = EvaluationFactory(organisation=organisation, questionnaire=questionnaire)
    a1, a2, b1, b2 = Statement.objects.filter(part__questionnaire=questionnaire).order_by(
        "part__order", "order"
    )
    answer(evaluation, {a1: 4, a2: 4, b1: 2, b2: 2})
    survey_url = f"{live_server.url}/zelfevaluatie/v/{evaluation.volunteer_token}/"

    # When five volunteers answer on a phone through the shared link
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(survey_url)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Stichting De Pelikaan")
    expect(page.get_by_role("group", name=a1.volunteer_text)).to_be_visible()
    _fits_the_screen(page)
    assert_accessible(page)

    # A first try with only one answer explains what to do and keeps that answer.
    page.locator(f"input[name='statement_{a1.pk}'][value='2']").check()
    page.locator("#survey-submit").click()
    expect(page.locator("#error-summary-title")).to_be_focused()
    expect(page.locator(f"input[name='statement_{a1.pk}'][value='2']")).to_be_checked()
    _fits_the_screen(page)
    assert_accessible(page)

    for volunteer in range(5):
        if volunteer:
            page.goto(survey_url)
        # With the keyboard: focus the first option of a group, arrow keys move the choice.
        page.locator(f"input[name='statement_{a1.pk}'][value='1']").focus()
        page.keyboard.press("ArrowDown")  # → 2
        page.locator(f"input[name='statement_{a2.pk}'][value='3']").check()
        page.locator(f"input[name='statement_{b1.pk}'][value='3']").check()
        last = "unknown" if volunteer == 0 else "3"  # one volunteer does not know
        page.locator(f"input[name='statement_{b2.pk}'][value='{last}']").check()
        page.locator("#survey-submit").click()
        expect(page).to_have_url(re.compile(r"/bedankt/$"))
        if volunteer == 0:
            expect(page.get_by_role("heading", level=1)).to_be_visible()
            _fits_the_screen(page)
            assert_accessible(page)

    assert VolunteerResponse.objects.filter(evaluation=evaluation).count() == 5

    # Then a member of the organisation logs in and sees the gap in the report
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/account/inloggen/")
    assert_accessible(page)
    page.get_by_label("E-mailadres").fill(coordinator.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page).not_to_have_url(re.compile(r"/inloggen/"))

    page.goto(f"{live_server.url}/zelfevaluatie/{evaluation.public_id}/rapport/")
    chart = page.locator("svg.inzet-chart__svg[role='img']")
    expect(chart).to_have_attribute("aria-label", re.compile(r"4,0.*2,5"))
    overview = page.locator("table.inzet-report__table").first
    row_a = overview.get_by_role("row").filter(has_text="A. Deel A")
    expect(row_a).to_contain_text("4,0")  # organisation
    expect(row_a).to_contain_text("2,5")  # volunteers' mean of 2 and 3
    expect(row_a).to_contain_text("+1,5")  # the gap
    row_b = overview.get_by_role("row").filter(has_text="B. Deel B")
    expect(row_b).to_contain_text("-1,0")
    assert_accessible(page)

    # A point to improve goes into the action plan with its statement filled in.
    page.locator(f"form:has(input[name='statement'][value='{a1.pk}']) button").click()
    expect(page.locator("#id_statement")).to_have_value(str(a1.pk))
    assert_accessible(page)
    page.locator("#id_description").fill("Met vrijwilligers bespreken waarom ze anders scoren")
    page.locator("#id_owner").fill("Coördinator")
    page.locator("form.inzet-form button[type=submit]").click()
    expect(page.locator("table.inzet-action-plan")).to_contain_text("Met vrijwilligers bespreken")
    assert_accessible(page)
    assert Action.objects.get().statement == a1

    page.goto(f"{live_server.url}/zelfevaluatie/organisatie/{organisation.public_id}/voortgang/")
    expect(page.locator("svg.inzet-chart__svg").first).to_be_visible()
    assert_accessible(page)

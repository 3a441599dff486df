"""Real-browser journeys through the questionnaire to a checklist, with axe on every page.

Questions are found by their field names and rule items by their (Dutch) titles from the
rules, so these tests keep passing when the English interface texts are translated.
"""

from django.utils import timezone

import pytest
from playwright.sync_api import Page, expect

from inzet.accounts.tests.factories import PASSWORD, UserFactory
from inzet.compliance.engine import REGISTRY
from inzet.compliance.models import SavedCheck
from inzet.compliance.tests.profiles import DAY, FOUNDATION_PAYING_TOO_MUCH, INITIATIVE, answer_for
from inzet.core.tests.browser.axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STEP_FORM = "#check-step-form"


@pytest.fixture(autouse=True)
def _short_timeouts(page: Page):
    page.set_default_timeout(8000)


@pytest.fixture(autouse=True)
def _fixed_day(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: DAY)


def _answer_page(page: Page, profile: dict[str, str]) -> None:
    fields = page.locator(f"{STEP_FORM} input:not([type=hidden])")
    names = dict.fromkeys(fields.evaluate_all("inputs => inputs.map(i => i.name)"))
    for name in names:
        # A follow-up question is shown (by compliance.js, in the change event of the answer
        # before it) only when it applies; the hidden ones are not answered.
        if page.locator(f"#question-{name}").is_hidden():
            continue
        value = answer_for(profile, name)
        control = page.locator(f"{STEP_FORM} [name={name}]")
        if control.first.get_attribute("type") == "radio":
            page.locator(f"{STEP_FORM} [name={name}][value={value}]").check()
        else:
            control.fill(value)


def _walk(page: Page, profile: dict[str, str], *, until: str = "/toolbox/check/resultaat/") -> None:
    """Answer every page until the page ``until`` shows, checking each page with axe."""
    for _page in range(20):
        if page.url.endswith(until):
            return
        assert_accessible(page)
        _answer_page(page, profile)
        with page.expect_navigation():
            page.locator("#check-next").press("Enter")  # the keyboard way
    raise AssertionError(f"the questionnaire does not reach {until}")


def _rule_heading(page: Page, key: str):
    return page.get_by_role("heading", level=3, name=REGISTRY[key].title, exact=True)


def test_small_initiative_walks_through_and_gets_its_checklist(live_server, page: Page):
    page.goto(live_server.url + "/toolbox/check/")
    expect(page.locator(".inzet-progress__step")).to_contain_text("1")
    _walk(page, INITIATIVE, until="/toolbox/check/people/")
    expect(page.locator(".inzet-progress__step")).to_contain_text("2")

    # A number that is not a number: the error summary takes focus, the answer stays.
    _answer_page(page, {**INITIATIVE, "volunteer_count": "acht"})
    page.locator("#check-next").click()
    expect(page.locator("#error-summary-title")).to_be_focused()
    expect(page.locator("#id_volunteer_count")).to_have_value("acht")
    expect(page.locator("#id_volunteer_count")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)

    # "Previous step" goes back with the answers kept.
    page.locator("#check-previous").click()
    expect(
        page.locator(f"{STEP_FORM} [name=legal_form][value=citizens_initiative]")
    ).to_be_checked()
    page.locator("#check-next").click()

    _walk(page, INITIATIVE)

    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(_rule_heading(page, "insurance.liability")).to_be_visible()
    expect(_rule_heading(page, "kvk.informal_liability")).to_be_visible()
    expect(_rule_heading(page, "avg.processing_register")).to_be_visible()
    expect(_rule_heading(page, "wbtr.conflict_of_interest")).to_have_count(0)
    expect(page.locator("[data-inzet-print]")).to_be_visible()  # shown once JavaScript runs
    expect(page.locator("main a[href^='/account/inloggen/?next=']")).to_be_visible()
    assert_accessible(page)


def test_foundation_with_paid_volunteers_gets_the_allowance_duty_and_ticks_it_off(
    live_server, page: Page
):
    user = UserFactory(email="penningmeester@example.org")
    page.goto(live_server.url + "/account/inloggen/")
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page).not_to_have_url(live_server.url + "/account/inloggen/")

    page.goto(live_server.url + "/toolbox/check/")
    _walk(page, FOUNDATION_PAYING_TOO_MUCH)

    allowance = page.locator('[id="rule-allowance.within_limits"]')
    expect(_rule_heading(page, "allowance.within_limits")).to_be_visible()
    expect(allowance).to_contain_text("€250 per maand")
    expect(_rule_heading(page, "wbtr.conflict_of_interest")).to_be_visible()
    assert_accessible(page)

    page.locator("#id_name").fill("Stichting De Brug 2026")
    page.locator("#save-check").click()
    expect(page.get_by_role("heading", level=1, name="Stichting De Brug 2026")).to_be_visible()
    assert_accessible(page)

    allowance = page.locator('[id="rule-allowance.within_limits"]')
    allowance.locator("button[name=done][value='1']").click()
    expect(allowance.locator("button[name=done][value='0']")).to_be_visible()
    assert SavedCheck.objects.get().done_rules == ["allowance.within_limits"]
    assert_accessible(page)


def test_follow_up_question_appears_without_a_page_load(live_server, page: Page):
    page.goto(live_server.url + "/toolbox/check/")
    _walk(page, INITIATIVE, until="/toolbox/check/data/")
    assert_accessible(page)
    # A mark on this document: a page load would wipe it.
    page.evaluate("window.sameDocument = true")
    follow_up = page.locator("#question-photos_of_minors")
    expect(follow_up).to_be_hidden()

    page.locator(f"{STEP_FORM} [name=publishes_photos][value=yes]").check()

    expect(follow_up).to_be_visible()
    expect(follow_up.locator("[name=photos_of_minors][value=yes]")).to_be_enabled()
    page.wait_for_function("window.sameDocument === true")
    assert_accessible(page)

    # Another answer hides it again, and it cannot be reached with the keyboard then.
    page.locator(f"{STEP_FORM} [name=publishes_photos][value=no]").check()
    expect(follow_up).to_be_hidden()
    expect(follow_up.locator("[name=photos_of_minors][value=yes]")).to_be_disabled()

    page.locator(f"{STEP_FORM} [name=publishes_photos][value=yes]").check()
    _answer_page(page, {**INITIATIVE, "publishes_photos": "yes", "photos_of_minors": "yes"})
    page.wait_for_function("window.sameDocument === true")
    with page.expect_navigation():
        page.locator("#check-next").click()

    # The follow-up was answered on the page itself: on to the next step, no second round.
    expect(page).to_have_url(live_server.url + "/toolbox/check/money/")
    _walk(page, INITIATIVE)
    expect(_rule_heading(page, "avg.photos_minors")).to_be_visible()

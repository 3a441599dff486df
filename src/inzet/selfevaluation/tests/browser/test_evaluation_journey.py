"""An organisation's administrator fills in part of the self-evaluation with the keyboard
and invites volunteers; axe on every page."""

import re
from datetime import timedelta

from django.core import mail
from django.utils import timezone

import pytest
from playwright.sync_api import Page, expect

from inzet.accounts.tests.factories import PASSWORD
from inzet.core.tests.browser.axe import assert_accessible
from inzet.organisations.constants import OrganisationRole
from inzet.organisations.tests.factories import MembershipFactory, OrganisationFactory
from inzet.selfevaluation.constants import QuestionnaireStatus
from inzet.selfevaluation.models import Answer, Evaluation, Questionnaire, VolunteerInvitation
from inzet.selfevaluation.tests.factories import QuestionnaireFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _short_timeouts(page: Page):
    page.set_default_timeout(8000)


def _questionnaire() -> Questionnaire:
    Questionnaire.objects.filter(status=QuestionnaireStatus.PUBLISHED).update(
        status=QuestionnaireStatus.RETIRED
    )
    return QuestionnaireFactory(
        slug="vrijwillige-inzet-goed-geregeld", version=90, parts=2, parts__statements=2
    )


def test_admin_starts_answers_with_keyboard_and_invites_volunteers(
    live_server, page: Page, geodata
):
    questionnaire = _questionnaire()
    organisation = OrganisationFactory(name="Stichting De Pelikaan")
    admin = MembershipFactory(organisation=organisation, role=OrganisationRole.ADMIN).user
    a1, a2 = questionnaire.parts.get(code="A").statements.order_by("order")

    # Log in
    page.goto(live_server.url + "/account/inloggen/")
    page.get_by_label("E-mailadres").fill(admin.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    # The overview explains the instrument and offers a start for the organisation.
    page.goto(live_server.url + "/zelfevaluatie/")
    expect(page.get_by_role("heading", level=3, name="Stichting De Pelikaan")).to_be_visible()
    assert_accessible(page)
    start_form = page.locator("form[action$='/start/']")
    start_form.locator("button[type=submit]").press("Enter")  # no choice yet
    expect(page.locator("#error-summary-title")).to_be_focused()
    assert_accessible(page)
    page.locator("input[name$='small_organisation'][value='nee']").focus()
    page.keyboard.press("Space")
    page.locator("form[action$='/start/'] button[type=submit]").press("Enter")

    # The evaluation's overview
    expect(page.locator("a[href$='/deel/A/']")).to_be_visible()
    evaluation = Evaluation.objects.get(organisation=organisation)
    assert evaluation.small_organisation is False
    assert_accessible(page)
    page.locator("a[href$='/deel/A/']").press("Enter")

    # Part A: answer with the keyboard; each change saves itself.
    expect(page.get_by_role("group", name=re.compile("Stelling A1"))).to_be_visible()
    assert_accessible(page)
    first_radio = page.locator(f"input[name='score_{a1.pk}']").first
    first_radio.focus()
    page.keyboard.press("Space")  # 1
    page.keyboard.press("ArrowRight")  # 2
    status = page.locator(f"#statement-{a1.pk} [data-autosave-status]")
    expect(status).to_contain_text(re.compile(r"\d\d:\d\d"))
    expect(page.locator(f"input[name='score_{a1.pk}'][value='2']")).to_be_checked()
    page.keyboard.press("Tab")  # to the explanation
    expect(page.locator(f"#id_note_{a1.pk}")).to_be_focused()
    page.keyboard.type("Staat in ons beleidsplan.")
    page.locator(f"input[name='score_{a2.pk}'][value='4']").focus()
    page.keyboard.press("Space")
    expect(page.locator(f"#statement-{a2.pk} [data-autosave-status]")).to_contain_text(
        re.compile(r"\d\d:\d\d")
    )
    assert Answer.objects.get(evaluation=evaluation, statement=a1).score == 2
    assert Answer.objects.get(evaluation=evaluation, statement=a1).note == (
        "Staat in ons beleidsplan."
    )
    assert_accessible(page)

    # Saving the whole part with the button works too, and leaves part B open.
    page.locator("button[name='save_overview']").focus()
    page.keyboard.press("Enter")
    expect(page.locator("a[href$='/deel/B/']")).to_be_visible()
    assert Answer.objects.get(evaluation=evaluation, statement=a2).score == 4
    assert_accessible(page)

    # Closing with part B open is refused; the summary links to the open statements.
    page.locator("form[action$='/afsluiten/'] button").press("Enter")
    expect(page.locator("#error-summary-title")).to_be_focused()
    expect(page.locator(".inzet-error-summary a[href*='/deel/B/#statement-']")).to_have_count(2)
    assert_accessible(page)

    # Invite volunteers
    page.locator("a[href$='/vrijwilligers/']").press("Enter")
    expect(page.locator("#volunteer-link")).to_have_value(
        re.compile(rf"/zelfevaluatie/v/{evaluation.volunteer_token}/$")
    )
    assert_accessible(page)
    expect(page.locator("#link-expires")).to_be_visible()
    page.locator("#id_emails").fill("vrijwilliger1@example.org\nvrijwilliger2@example.org")
    page.locator("form[action$='/vrijwilligers/'] button[type=submit]").press("Enter")
    expect(page.locator(".inzet-alert--success")).to_be_visible()
    assert_accessible(page)
    assert len(mail.outbox) == 2
    assert VolunteerInvitation.objects.filter(evaluation=evaluation).count() == 2

    # Give volunteers more time: a later end date for the link
    until = timezone.localdate() + timedelta(days=120)
    page.locator("#id_link-until").fill(until.strftime("%d-%m-%Y"))
    page.locator("form[action$='/einddatum/'] button[type=submit]").press("Enter")
    expect(page.locator(".inzet-alert--success")).to_be_visible()
    assert_accessible(page)
    evaluation.refresh_from_db()
    assert timezone.localtime(evaluation.volunteer_link_expires_at).date() == until


def test_part_can_be_answered_and_saved_without_javascript(live_server, new_context, geodata):
    page = new_context(java_script_enabled=False).new_page()
    page.set_default_timeout(8000)
    questionnaire = _questionnaire()
    organisation = OrganisationFactory()
    admin = MembershipFactory(organisation=organisation, role=OrganisationRole.ADMIN).user
    evaluation = Evaluation.objects.create(
        organisation=organisation, questionnaire=questionnaire, small_organisation=False
    )
    a1, a2 = questionnaire.parts.get(code="A").statements.order_by("order")
    page.goto(live_server.url + "/account/inloggen/")
    page.get_by_label("E-mailadres").fill(admin.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    page.goto(live_server.url + f"/zelfevaluatie/{evaluation.public_id}/deel/A/")
    page.locator(f"input[name='score_{a1.pk}'][value='3']").check()
    page.locator(f"#id_note_{a2.pk}").fill("Bespreken we in juni.")
    page.locator("button[name='save']").click()

    expect(page.locator(".inzet-alert--success")).to_be_visible()
    expect(page.locator(f"input[name='score_{a1.pk}'][value='3']")).to_be_checked()
    expect(page.locator(f"#id_note_{a2.pk}")).to_have_value("Bespreken we in juni.")
    assert Answer.objects.get(evaluation=evaluation, statement=a1).score == 3
    assert Answer.objects.get(evaluation=evaluation, statement=a2).score is None

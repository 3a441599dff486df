"""A volunteer opens an expired link on a phone: a clear page that says whom to ask; a
volunteer with a 1–5 questionnaire sees all five points. axe on every page."""

from datetime import timedelta

from django.utils import timezone

import pytest
from playwright.sync_api import Page, expect

from inzet.core.tests.browser.axe import assert_accessible
from inzet.organisations.tests.factories import OrganisationFactory
from inzet.selfevaluation.models import Evaluation, Statement
from inzet.selfevaluation.tests.factories import EvaluationFactory, QuestionnaireFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _phone(page: Page):
    page.set_default_timeout(8000)
    page.set_viewport_size({"width": 375, "height": 740})


def test_an_expired_link_gives_a_clear_page(live_server, page: Page, geodata):
    organisation = OrganisationFactory(name="Stichting De Reiger")
    evaluation = EvaluationFactory(organisation=organisation)
    Evaluation.objects.filter(pk=evaluation.pk).update(
        volunteer_link_expires_at=timezone.now() - timedelta(seconds=1)
    )

    response = page.goto(f"{live_server.url}/zelfevaluatie/v/{evaluation.volunteer_token}/")

    assert response is not None and response.status == 410
    expect(page.locator("h1#link-expired")).to_be_visible()
    expect(page.locator(".inzet-survey")).to_contain_text("Stichting De Reiger")
    expect(page.locator("input[type=radio]")).to_have_count(0)
    assert_accessible(page)


def test_a_volunteer_answers_five_on_a_scale_of_five(live_server, page: Page, geodata):
    questionnaire = QuestionnaireFactory(
        parts=1,
        parts__statements=2,
        scale_max=5,
        scale_labels="Helemaal niet\nNauwelijks\nDeels\nGrotendeels\nHelemaal",
    )
    evaluation = EvaluationFactory(questionnaire=questionnaire)
    first, second = Statement.objects.filter(part__questionnaire=questionnaire).order_by("order")

    page.goto(f"{live_server.url}/zelfevaluatie/v/{evaluation.volunteer_token}/")
    expect(page.locator(f"input[name='statement_{first.pk}']")).to_have_count(6)  # 5 + don't know
    assert_accessible(page)
    page.locator(f"input[name='statement_{first.pk}'][value='5']").check()
    page.locator(f"input[name='statement_{second.pk}'][value='4']").check()
    page.locator("#survey-submit").click()

    expect(page).to_have_url(
        f"{live_server.url}/zelfevaluatie/v/{evaluation.volunteer_token}/bedankt/"
    )
    assert_accessible(page)
    assert sorted(evaluation.volunteer_responses.get().answers.values_list("score", flat=True)) == [
        4,
        5,
    ]

"""Report (page and PDF), action plan and progress: views/report.py, services/actions.py."""

import io
import re
from datetime import timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

import pytest
from pypdf import PdfReader

from inzet.accounts.tests.factories import UserFactory, adviser, nov_staff
from inzet.organisations.constants import OrganisationRole
from inzet.organisations.tests.factories import MembershipFactory
from inzet.selfevaluation.constants import ActionStatus
from inzet.selfevaluation.models import Action, AdviserAssignment
from inzet.selfevaluation.services.actions import action_create, action_update
from inzet.selfevaluation.tests.test_scoring import answer, make_evaluation, respond_many

pytestmark = pytest.mark.django_db


def _message(msgid: str) -> str:
    with translation.override("nl"):
        return translation.gettext(msgid)


def _text(html: bytes) -> str:
    """The visible text of a page, roughly: tags removed, whitespace squeezed."""
    text = re.sub(r"<[^>]+>", " ", html.decode())
    return re.sub(r"\s+", " ", text)


def _pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def _assigned_adviser(organisation):
    user = adviser()
    AdviserAssignment.objects.create(adviser=user, organisation=organisation)
    return user


def _unassigned_adviser(organisation):
    return adviser()


def _member(role):
    return lambda organisation: MembershipFactory(organisation=organisation, role=role).user


ADMIN = _member(OrganisationRole.ADMIN)
COORDINATOR = _member(OrganisationRole.COORDINATOR)
MEMBER = _member(OrganisationRole.MEMBER)

READERS = [
    ("anonymous", lambda org: None, 302),
    ("someone else", lambda org: UserFactory(), 404),
    ("NOV staff", lambda org: nov_staff(), 404),
    ("adviser of another organisation", _unassigned_adviser, 404),
    ("member of another organisation", lambda org: MembershipFactory().user, 404),
    ("member", MEMBER, 200),
    ("coordinator", COORDINATOR, 200),
    ("administrator", ADMIN, 200),
    ("assigned adviser", _assigned_adviser, 200),
]

WRITERS = [
    ("anonymous", lambda org: None, 302),
    ("someone else", lambda org: UserFactory(), 404),
    ("member (reads only)", MEMBER, 404),
    ("assigned adviser (reads only)", _assigned_adviser, 404),
    ("coordinator", COORDINATOR, 302),
    ("administrator", ADMIN, 302),
]


def _login(client, make_user, organisation):
    if user := make_user(organisation):
        client.force_login(user)
    return user


def _scored_evaluation(*, responses: int):
    """Part A with two statements; the organisation gives 2 and 2 (minimum 2.00).

    The volunteers' own part means are 1.5, 2.5, 3.0, 3.5 and 4.0 (first ``responses`` of
    them): the middle three may never appear anywhere, as they describe single people.
    """
    evaluation, [statements] = make_evaluation(statements=2)
    part = statements[0].part
    part.minimum_score = Decimal("2.00")
    part.name = "Richten"
    part.save()
    answer(evaluation, {statements[0]: 2, statements[1]: 2})
    rows = [[1, 2], [2, 3], [3, 3], [3, 4], [4, 4]][:responses]
    respond_many(evaluation, statements, rows)
    return evaluation, statements


# --- Permissions


@pytest.mark.parametrize(("_case", "make_user", "status"), READERS)
@pytest.mark.parametrize("url_name", ["report", "report-pdf", "action-plan"])
def test_reading_the_report_and_action_plan(client, url_name, _case, make_user, status):
    evaluation, _parts = make_evaluation(statements=1)
    _login(client, make_user, evaluation.organisation)

    response = client.get(reverse(f"selfevaluation:{url_name}", args=[evaluation.public_id]))

    assert response.status_code == status


@pytest.mark.parametrize(("_case", "make_user", "status"), READERS)
def test_reading_the_progress(client, _case, make_user, status):
    evaluation, _parts = make_evaluation(statements=1)
    _login(client, make_user, evaluation.organisation)

    response = client.get(
        reverse("selfevaluation:progress", args=[evaluation.organisation.public_id])
    )

    assert response.status_code == status


@pytest.mark.parametrize(("_case", "make_user", "status"), WRITERS)
def test_adding_an_action(client, _case, make_user, status):
    evaluation, _parts = make_evaluation(statements=1)
    _login(client, make_user, evaluation.organisation)

    response = client.post(
        reverse("selfevaluation:action-plan", args=[evaluation.public_id]),
        {"description": "Vrijwilligersbeleid opschrijven", "owner": "Anna", "status": "todo"},
    )

    assert response.status_code == status
    assert Action.objects.exists() is (status == 302 and _case != "anonymous")


@pytest.mark.parametrize(("_case", "make_user", "status"), WRITERS)
def test_changing_the_status_of_an_action(client, _case, make_user, status):
    evaluation, _parts = make_evaluation(statements=1)
    action = Action.objects.create(evaluation=evaluation, description="Plan", owner="Anna")
    _login(client, make_user, evaluation.organisation)

    response = client.post(
        reverse("selfevaluation:action-update", args=[evaluation.public_id, action.pk]),
        {"status": ActionStatus.DONE},
    )

    assert response.status_code == status
    action.refresh_from_db()
    assert (action.status == ActionStatus.DONE) is (status == 302 and _case != "anonymous")


def test_an_action_of_another_evaluation_cannot_be_changed(client):
    evaluation, _parts = make_evaluation(statements=1)
    other, _others = make_evaluation(statements=1, organisation=evaluation.organisation)
    action = Action.objects.create(evaluation=other, description="Plan", owner="Anna")
    client.force_login(ADMIN(evaluation.organisation))

    response = client.post(
        reverse("selfevaluation:action-update", args=[evaluation.public_id, action.pk]),
        {"status": ActionStatus.DONE},
    )

    assert response.status_code == 404


# --- The report


def test_report_shows_scores_gap_and_minimum_per_part(client):
    evaluation, _statements = _scored_evaluation(responses=5)
    client.force_login(MEMBER(evaluation.organisation))

    response = client.get(reverse("selfevaluation:report", args=[evaluation.public_id]))

    assert response.status_code == 200
    text = _text(response.content)
    assert "Richten" in text
    assert "2,9" in text  # volunteers' mean of 1.5, 2.5, 3, 3.5, 4
    assert "-0,9" in text  # gap: 2.0 − 2.9
    assert "1,5" in text and "4,0" in text  # lowest and highest
    assert _message("Minimum met") in text
    part = response.context["report"].parts[0]
    assert part.gap == pytest.approx(-0.9)


def test_report_says_when_the_minimum_is_not_met_in_words(client):
    evaluation, [statements] = make_evaluation(statements=2)
    answer(evaluation, {statements[0]: 1, statements[1]: 2})
    client.force_login(MEMBER(evaluation.organisation))

    response = client.get(reverse("selfevaluation:report", args=[evaluation.public_id]))

    text = _text(response.content)
    assert _message("Not met yet") in text
    assert _message("Minimum met") not in text


def test_no_page_or_pdf_shows_a_single_volunteer(client):
    evaluation, _statements = _scored_evaluation(responses=5)
    client.force_login(ADMIN(evaluation.organisation))

    page = client.get(reverse("selfevaluation:report", args=[evaluation.public_id]))
    pdf = client.get(reverse("selfevaluation:report-pdf", args=[evaluation.public_id]))
    progress = client.get(
        reverse("selfevaluation:progress", args=[evaluation.organisation.public_id])
    )

    for text in [_text(page.content), _pdf_text(pdf.content), _text(progress.content)]:
        assert "2,9" in text  # the mean is there …
        for single in ["2,5", "3,0", "3,5"]:  # … but no volunteer's own score
            assert single not in text
    for response in [page, progress]:
        values = [value for context in response.context for value in context.flatten().values()]
        names = {type(value).__name__ for value in values}
        assert not names & {"VolunteerResponse", "VolunteerAnswer"}


def test_with_four_responses_no_volunteer_number_appears(client):
    evaluation, [statements] = make_evaluation(statements=2)
    answer(evaluation, {statements[0]: 1, statements[1]: 2})
    respond_many(evaluation, statements, [[3, 3]] * 4)
    client.force_login(MEMBER(evaluation.organisation))

    page = client.get(reverse("selfevaluation:report", args=[evaluation.public_id]))
    pdf = client.get(reverse("selfevaluation:report-pdf", args=[evaluation.public_id]))
    progress = client.get(
        reverse("selfevaluation:progress", args=[evaluation.organisation.public_id])
    )

    for text in [_text(page.content), _pdf_text(pdf.content), _text(progress.content)]:
        assert "1,5" in text  # the organisation's own score
        assert "3,0" not in text
    assert 'id="volunteers-missing"' in page.content.decode()
    assert page.context["report"].volunteers_missing == 1
    assert page.context["report"].parts[0].volunteers is None


def test_report_pdf_has_the_same_content_as_the_page(client):
    evaluation, _statements = _scored_evaluation(responses=5)
    client.force_login(_assigned_adviser(evaluation.organisation))

    response = client.get(reverse("selfevaluation:report-pdf", args=[evaluation.public_id]))

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    text = _pdf_text(response.content)
    assert evaluation.organisation.name in text
    assert "Richten" in text
    assert "-0,9" in text
    assert _message("Minimum met") in text
    assert _message("Put in action plan") not in text  # no buttons on paper


def test_report_chart_is_an_image_with_a_summary_and_a_data_table(client):
    evaluation, _statements = _scored_evaluation(responses=5)
    client.force_login(MEMBER(evaluation.organisation))

    content = client.get(
        reverse("selfevaluation:report", args=[evaluation.public_id])
    ).content.decode()

    svg = re.search(r'<svg class="inzet-chart__svg" role="img" aria-label="([^"]+)"', content)
    assert svg is not None
    assert "2,0" in svg.group(1) and "2,9" in svg.group(1)
    assert 'fill="url(#inzet-hatch-report)"' in content  # volunteers: a pattern, not a colour
    assert content.count("<table") == 2  # parts overview + statements of part A


def test_points_to_improve_have_a_button_for_runners_only(client):
    evaluation, [statements] = make_evaluation(statements=2)
    answer(evaluation, {statements[0]: 1, statements[1]: 4})
    url = reverse("selfevaluation:report", args=[evaluation.public_id])
    action_url = reverse("selfevaluation:action-plan", args=[evaluation.public_id])

    client.force_login(COORDINATOR(evaluation.organisation))
    runner_page = client.get(url).content.decode()
    client.force_login(MEMBER(evaluation.organisation))
    reader_page = client.get(url).content.decode()

    assert runner_page.count(f'action="{action_url}"') == 1
    assert f'name="statement" value="{statements[0].pk}"' in runner_page
    assert f'action="{action_url}"' not in reader_page


# --- Action plan


def test_put_in_action_plan_prefills_the_statement(client):
    evaluation, [statements] = make_evaluation(statements=2)
    client.force_login(ADMIN(evaluation.organisation))

    response = client.post(
        reverse("selfevaluation:action-plan", args=[evaluation.public_id]),
        {"prefill": "1", "statement": str(statements[1].pk)},
    )

    assert response.status_code == 200
    assert response.context["form"]["statement"].value() == statements[1].pk
    assert re.search(rf'<option value="{statements[1].pk}" selected>', response.content.decode())
    assert not response.context["form"].errors
    assert statements[1].text in response.content.decode()
    assert not Action.objects.exists()


def test_adding_an_action_with_a_statement_links_its_part(client):
    evaluation, [statements] = make_evaluation(statements=2)
    user = ADMIN(evaluation.organisation)
    client.force_login(user)
    due = timezone.localdate() + timedelta(days=30)

    response = client.post(
        reverse("selfevaluation:action-plan", args=[evaluation.public_id]),
        {
            "description": "Vrijwilligersbeleid opschrijven",
            "owner": "Coördinator",
            "due_date": due.strftime("%d-%m-%Y"),
            "status": "doing",
            "statement": str(statements[0].pk),
        },
    )

    assert response.status_code == 302
    action = Action.objects.get()
    assert (action.statement, action.part, action.due_date) == (
        statements[0],
        statements[0].part,
        due,
    )
    assert action.created_by == user
    assert action.status == ActionStatus.DOING
    page = client.get(response.url)
    assert "Vrijwilligersbeleid opschrijven" in page.content.decode()


def test_a_bad_action_keeps_what_was_typed_and_says_what_to_do(client):
    evaluation, _parts = make_evaluation(statements=1)
    client.force_login(ADMIN(evaluation.organisation))
    yesterday = timezone.localdate() - timedelta(days=1)

    response = client.post(
        reverse("selfevaluation:action-plan", args=[evaluation.public_id]),
        {"description": "  ", "owner": "Anna", "due_date": yesterday.isoformat(), "status": "todo"},
    )

    assert response.status_code == 422
    form = response.context["form"]
    assert set(form.errors) == {"description"}
    assert 'value="Anna"' in response.content.decode()
    assert 'class="inzet-error-summary"' in response.content.decode()

    response = client.post(
        reverse("selfevaluation:action-plan", args=[evaluation.public_id]),
        {
            "description": "Plan",
            "owner": "Anna",
            "due_date": yesterday.isoformat(),
            "status": "todo",
        },
    )

    assert response.status_code == 422
    assert set(response.context["form"].errors) == {"due_date"}
    assert not Action.objects.exists()


def test_a_bad_date_is_explained(client):
    evaluation, _parts = make_evaluation(statements=1)
    client.force_login(ADMIN(evaluation.organisation))

    response = client.post(
        reverse("selfevaluation:action-plan", args=[evaluation.public_id]),
        {"description": "Plan", "owner": "Anna", "due_date": "morgen", "status": "todo"},
    )

    assert response.status_code == 422
    assert set(response.context["form"].errors) == {"due_date"}


def test_action_plan_readers_see_actions_without_forms(client):
    evaluation, _parts = make_evaluation(statements=1)
    Action.objects.create(evaluation=evaluation, description="Plan maken", owner="Anna")
    client.force_login(_assigned_adviser(evaluation.organisation))

    response = client.get(reverse("selfevaluation:action-plan", args=[evaluation.public_id]))

    content = response.content.decode()
    assert "Plan maken" in content
    assert response.context["form"] is None
    assert "<select" not in content


def test_changing_the_status_to_an_unknown_value_changes_nothing(client):
    evaluation, _parts = make_evaluation(statements=1)
    action = Action.objects.create(evaluation=evaluation, description="Plan", owner="Anna")
    client.force_login(ADMIN(evaluation.organisation))

    response = client.post(
        reverse("selfevaluation:action-update", args=[evaluation.public_id, action.pk]),
        {"status": "finished"},
        follow=True,
    )

    assert response.status_code == 200
    action.refresh_from_db()
    assert action.status == ActionStatus.TODO


# --- Action services


def test_action_create_refuses_a_date_in_the_past_and_an_empty_description():
    evaluation, _parts = make_evaluation(statements=1)

    with pytest.raises(ValidationError) as error:
        action_create(
            evaluation=evaluation,
            description="",
            owner="",
            due_date=timezone.localdate() - timedelta(days=1),
        )

    assert set(error.value.error_dict) == {"description", "owner", "due_date"}


def test_action_create_accepts_today():
    evaluation, _parts = make_evaluation(statements=1)

    action = action_create(
        evaluation=evaluation, description="Plan", owner="Anna", due_date=timezone.localdate()
    )

    assert action.status == ActionStatus.TODO


def test_action_create_refuses_a_statement_outside_the_evaluation():
    evaluation, _parts = make_evaluation(statements=1)
    _other, [others] = make_evaluation(statements=1)

    with pytest.raises(ValidationError) as error:
        action_create(evaluation=evaluation, description="Plan", owner="Anna", statement=others[0])

    assert set(error.value.error_dict) == {"statement"}


def test_action_update_changes_only_what_is_passed_and_allows_a_late_date():
    evaluation, _parts = make_evaluation(statements=1)
    action = action_create(evaluation=evaluation, description="Plan", owner="Anna")
    last_week = timezone.localdate() - timedelta(days=7)

    action_update(action=action, status=ActionStatus.DONE, due_date=last_week)

    action.refresh_from_db()
    assert (action.status, action.due_date, action.description) == (
        ActionStatus.DONE,
        last_week,
        "Plan",
    )
    with pytest.raises(ValidationError):
        action_update(action=action, description=" ")
    with pytest.raises(ValidationError):
        action_update(action=action, status="finished")


# --- Progress


def test_progress_shows_every_evaluation_with_a_chart_and_table(client):
    first, [statements] = make_evaluation(statements=2, closed=True)
    answer(first, {statements[0]: 1, statements[1]: 2})
    second, _parts = make_evaluation(statements=2, organisation=first.organisation)
    second.questionnaire = first.questionnaire
    second.save()
    answer(second, {statements[0]: 4, statements[1]: 3})
    client.force_login(MEMBER(first.organisation))

    response = client.get(reverse("selfevaluation:progress", args=[first.organisation.public_id]))

    content = response.content.decode()
    assert response.status_code == 200
    assert "1,5" in content and "3,5" in content
    assert 'role="img"' in content
    assert reverse("selfevaluation:report", args=[first.public_id]) in content
    assert reverse("selfevaluation:report", args=[second.public_id]) in content
